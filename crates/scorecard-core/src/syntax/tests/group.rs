//! Raters, ranks, grade limits and roll-ups as written.

use super::*;

#[test]
fn raters_and_a_weighted_rated_item() {
    let card = card_with(
        "rater 自评
         rater 经理 \"部门经理评分\"
         section s weight 10 { item 工作类 10 { rated by 自评 40%, 经理 60% combine weighted } }",
    );
    let [Decl::Rater(own), Decl::Rater(manager), Decl::Section(section)] = &card.decls[..] else {
        panic!("{:#?}", card.decls)
    };
    assert_eq!(own.name.name, "自评");
    assert!(own.label.is_none());
    assert_eq!(manager.label.as_ref().unwrap().value, "部门经理评分");
    let [Rule::Rated(rated)] = &section.items[0].rules[..] else {
        panic!("{:#?}", section.items[0].rules)
    };
    let raters: Vec<(&str, Option<Decimal>)> = rated
        .raters
        .iter()
        .map(|r| (r.rater.name.as_str(), r.weight.as_ref().map(|w| w.value)))
        .collect();
    assert_eq!(
        raters,
        [("自评", Some(dec("0.4"))), ("经理", Some(dec("0.6")))]
    );
    assert_eq!(rated.combine.name, "weighted");
}

#[test]
fn a_rank_with_every_option_in_any_order() {
    let card = card_with(
        "rank 投诉名次 \"投诉排名\" by 投诉 + 1 ties dense within brand lowest first
         rank 名次 by total",
    );
    let [Decl::Rank(complaints), Decl::Rank(plain)] = &card.decls[..] else {
        panic!("{:#?}", card.decls)
    };
    assert_eq!(complaints.label.as_ref().unwrap().value, "投诉排名");
    assert_eq!(sexpr(&complaints.by), "(+ 投诉 1)");
    assert!(complaints.lowest_first.is_some());
    assert_eq!(complaints.within.as_ref().unwrap().name, "brand");
    assert_eq!(complaints.ties.as_ref().unwrap().name, "dense");
    assert!(plain.lowest_first.is_none() && plain.within.is_none() && plain.ties.is_none());
}

#[test]
fn a_rank_option_given_twice_is_reported() {
    let source = SourceFile::new(
        "t.card",
        "scorecard t { rank a by total ties shared ties dense }",
    );
    let problems = parse(&source).unwrap_err();
    assert_eq!(problems.0[0].message, "`ties` is given twice for rank `a`");
}

#[test]
fn a_grade_limit_reads_push_as_its_tie_rule() {
    let card = card_with("limit 优秀 20% within store push down by total ties push");
    let [Decl::Limit(limit)] = &card.decls[..] else {
        panic!("{:#?}", card.decls)
    };
    assert_eq!(limit.grade.value, "优秀");
    assert_eq!(limit.share.value, dec("0.2"));
    assert_eq!(limit.within.as_ref().unwrap().name, "store");
    assert_eq!(sexpr(&limit.by), "total");
    assert_eq!(limit.ties.as_ref().unwrap().name, "push");
}

#[test]
fn top_rows_in_a_band_without_a_label() {
    let text =
        "scorecard t {\nband 奖 by 名次 { top 10% : 500 元  top 3 : 100 元  else : 0 元 }\n}";
    let source = SourceFile::new("t.card", text);
    let card = parse(&source).unwrap();
    let [Decl::Band(band)] = &card.decls[..] else {
        panic!("{:#?}", card.decls)
    };
    assert!(source.slice(band.table.span).starts_with("by 名次"));
    let guards: Vec<String> = band
        .table
        .rows
        .iter()
        .map(|r| match &r.guard {
            Guard::Top { threshold, .. } => format!("top {}", sexpr(threshold)),
            Guard::Else(_) => "else".into(),
            Guard::Compare { .. } => "compare".into(),
        })
        .collect();
    assert_eq!(guards, ["top 0.10:%", "top 3", "else"]);
}

#[test]
fn top_is_not_reserved() {
    let card = card_with("output top = 1");
    assert!(matches!(&card.decls[0], Decl::Output(o) if o.name.name == "top"));
}

#[test]
fn rollups_on_inputs_and_a_partial_rule() {
    let card = card_with(
        "input 解决率 percent rollup ratio(解决数, 受理数)
         input 受理数 count rollup sum
         input 培训成绩 number range 0..100 rollup mean
         partial prorate minimum 2 months",
    );
    let inputs = inputs(&card);
    let rollup = |i: usize| {
        let r = inputs[i].rollup.as_ref().unwrap();
        let args = r
            .args
            .as_ref()
            .map(|(n, d)| format!("({}, {})", n.name, d.name))
            .unwrap_or_default();
        format!("{}{args}", r.rule.name)
    };
    assert_eq!(rollup(0), "ratio(解决数, 受理数)");
    assert_eq!(rollup(1), "sum");
    assert_eq!(rollup(2), "mean");
    assert!(inputs[2].range.is_some());
    let Some(Decl::Partial(partial)) = card.decls.last() else {
        panic!("{:#?}", card.decls)
    };
    assert_eq!(partial.rule.name, "prorate");
    assert_eq!(partial.minimum.as_ref().unwrap().value, dec("2"));
}

#[test]
fn partial_score_reads_score_as_the_rules_name() {
    let card = card_with("partial score minimum 1 month");
    let [Decl::Partial(partial)] = &card.decls[..] else {
        panic!("{:#?}", card.decls)
    };
    assert_eq!(partial.rule.name, "score");
    assert_eq!(partial.minimum.as_ref().unwrap().value, dec("1"));
}

#[test]
fn a_new_keyword_used_as_a_name_is_explained() {
    let d = parse_err("scorecard t { input rank count }");
    assert_eq!(
        d.help.as_deref(),
        Some("`rank` is a reserved word and cannot be used as a name; choose another name")
    );
}
