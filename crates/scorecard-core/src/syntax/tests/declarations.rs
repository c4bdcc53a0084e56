//! Every declaration and item rule.

use super::*;

#[test]
fn all_declarations_on_one_line_with_semicolons() {
    let card = parse_ok(
        "scorecard t \"标签\" { role r; period monthly; total 100; input a count; ; param p 1; output o = a }",
    );
    assert_eq!(card.decls.len(), 6);
}

#[test]
fn section_with_scaled_and_every_item_rule() {
    let card = card_with(
        "section 销售 \"销售\" weight 40 scaled {
            item 一 8
            item 二 5 { full if 培训成绩 >= 85 else 2 }
            item 三 5 { late 迟报天数 { missing: 0  minus 2 per day } }
            item 四 5 { late 迟报天数 { missing: 1; minus 0.5 per day; } }
            item 五 5 { by 完成率 { >= 100% : full; >= 80% : (5 * 完成率) ; else : 0 } }
            item 六 5 { score min(评分, 5); minus 1 per 投诉 }
            item 七 5 {}
        }",
    );
    let section = sections(&card)[0];
    assert!(section.scaled.is_some());
    assert_eq!(
        (section.weight.value, section.weight.unit),
        (dec("40"), LitUnit::None)
    );
    let items = &section.items;
    assert_eq!(items.len(), 7);
    assert!(items[0].rules.is_empty());
    match &items[1].rules[..] {
        [Rule::PassFail(p)] => assert_eq!(p.otherwise.as_ref().unwrap().value, dec("2")),
        other => panic!("{other:?}"),
    }
    match &items[2].rules[..] {
        [Rule::Late(l)] => {
            assert_eq!(l.input.name, "迟报天数");
            assert_eq!((l.missing.value, l.per_day.value), (dec("0"), dec("2")));
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(&items[3].rules[..], [Rule::Late(l)] if l.per_day.value == dec("0.5")));
    match &items[4].rules[..] {
        [Rule::Tiers(t)] => {
            assert_eq!(t.rows.len(), 3);
            assert!(
                matches!(&t.rows[1].outcome, ItemOutcome::Formula(e) if sexpr(e) == "(* 5 完成率)")
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        &items[5].rules[..],
        [Rule::Score(_), Rule::Deduction(_)]
    ));
    assert!(items[6].rules.is_empty());
}

#[test]
fn bonus_band_grade_and_output() {
    let card = card_with(
        "bonus 表彰 \"表彰\" cap 5 { plus 2 per 客户表扬 \"客户表扬\" }
         penalty 制度类 cap 30 { minus 10 per 严重违纪 }
         band 考核系数 \"考核系数\" by total { >= 90: 1.2  >= 75: (1 + 总分 / 1000)  else: -0.5 }
         grade by 总分 { >= 90 : \"优秀\" ; else : 较差 }
         output 绩效工资 \"客服经理月度工资\" money = 2000 元 + 3000 元 * 考核系数
         output 合格 = total >= 60",
    );
    let [Decl::Adjustment(bonus), Decl::Adjustment(penalty), Decl::Band(band), Decl::Grade(grade), Decl::Output(pay), Decl::Output(pass)] =
        &card.decls[..]
    else {
        panic!("{:#?}", card.decls)
    };
    assert_eq!(bonus.kind, AdjustmentKind::Bonus);
    assert_eq!(bonus.cap.as_ref().unwrap().value, dec("5"));
    assert_eq!(bonus.lines[0].per.name, "客户表扬");
    assert_eq!(penalty.kind, AdjustmentKind::Penalty);
    assert_eq!(penalty.cap.as_ref().unwrap().value, dec("30"));

    assert_eq!(sexpr(band.table.subject.as_ref().unwrap()), "total");
    let outcomes: Vec<String> = band.table.rows.iter().map(|r| sexpr(&r.outcome)).collect();
    assert_eq!(outcomes, ["1.2", "(+ 1 (/ 总分 1000))", "-0.5"]);

    assert_eq!(sexpr(grade.table.subject.as_ref().unwrap()), "总分");
    assert_eq!(grade.table.rows[0].outcome.value, "优秀");

    assert_eq!(pay.ty.map(|(t, _)| t), Some(InputType::Money));
    assert_eq!(pass.ty, None);
    assert_eq!(sexpr(&pass.expr), "(>= total 60)");
}

#[test]
fn full_width_space_colon_and_byte_order_mark() {
    let card = parse_ok("\u{FEFF}scorecard t {\u{3000}grade { >= 90： 优秀　else：较差 } }");
    assert_eq!(card.decls.len(), 1);
}

#[test]
fn crlf_line_endings() {
    let card = parse_ok(&s1_text().replace('\n', "\r\n"));
    assert_eq!(sections(&card).len(), 6);
}

#[test]
fn a_band_without_a_label_parses() {
    let card = parse_ok("scorecard t { band 系数 by total { >= 9 : 1.2  else : 1 } }");
    let Decl::Band(band) = &card.decls[0] else {
        panic!("expected a band, got {:?}", card.decls[0]);
    };
    assert_eq!(band.name.name, "系数");
    assert_eq!(band.label, None);
    assert_eq!(band.table.rows.len(), 2);
}
