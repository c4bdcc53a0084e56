use super::*;
use crate::data::{self, DataFormat};
use crate::run::{DataInput, DataSource, Options, Plan, Request, RulesSpec, Scoring};
use crate::source::SourceFile;
use crate::CheckedCard;

fn card(name: &str, text: &str) -> CheckedCard {
    match crate::compile(&SourceFile::new(name, text)) {
        Ok(c) => c.into_card(),
        Err(d) => panic!("{name}: {d:#?}"),
    }
}

const OLD: &str = r#"scorecard 示例 {
    total 10
    param 单价 30 元
    input 完成率 percent
    input 迟报 count default 0
    input 违纪 count default 0
    section 甲 weight 10 {
        item 完成 "完成情况" 6 {
            by 完成率 {
                >= 98% : full
                >= 95% : minus 1
                >= 90% : minus 2
                else   : 0
            }
        }
        item 按时 4 { minus 1 per 迟报 }
    }
    penalty 纪律 { minus 5 per 违纪 }
    grade { >= 9 : 优秀  >= 6 : 称职  else : 较差 }
    band 系数 by total { >= 9 : 1.2  else : 1 }
    output 工资 money = 1000 元 * 系数
}
"#;

fn new_card() -> CheckedCard {
    let text = OLD
        .replace(">= 95% : minus 1", ">= 95% : minus 2")
        .replace("                >= 90% : minus 2\n", "")
        .replace("minus 1 per 迟报", "minus 2 per 迟报")
        .replace("minus 5 per 违纪", "minus 10 per 违纪")
        .replace(">= 9 : 优秀", ">= 8 : 优秀")
        .replace("param 单价 30 元", "param 单价 35 元")
        .replace("1000 元 * 系数", "1200 元 * 系数");
    card("new.card", &text)
}

#[test]
fn structural_changes_are_said_in_the_cards_words() {
    let changes: Vec<String> = changes(&card("old.card", OLD), &new_card())
        .into_iter()
        .map(|c| format!("{}: {}", c.about, c.change))
        .collect();
    assert_eq!(
        changes,
        [
            "param 单价: value changed from 30 元 to 35 元",
            "完成情况: tier >= 95% changed from minus 1 to minus 2",
            "完成情况: tier `>= 90% : minus 2` removed",
            "按时: `minus 1 per 迟报` changed to `minus 2 per 迟报`",
            "纪律: `minus 5 per 违纪` changed to `minus 10 per 违纪`",
            "grade: 优秀 changed from >= 9 to >= 8",
            "工资: formula changed from `1000 元 * 系数` to `1200 元 * 系数`",
        ]
    );
}

#[test]
fn items_and_inputs_added_or_removed_are_named() {
    let old = card(
        "a.card",
        "scorecard t { total 3 input x count section s weight 3 { item a 3 } }",
    );
    let new = card(
        "b.card",
        "scorecard t { total 3 input y bool section s weight 3 { item b 1 item c 2 { full if y } } }",
    );
    let changes: Vec<String> = changes(&old, &new)
        .into_iter()
        .map(|c| format!("{}: {}", c.about, c.change))
        .collect();
    assert_eq!(
        changes,
        [
            "input y: added: bool `input y bool`",
            "input x: removed",
            "b: item added to s, 1 points: `item b 1`",
            "c: item added to s, 2 points: `item c 2 { full if y }`",
            "a: item removed (was 3 points)",
        ]
    );
}

/// Both cards run on the same CSV text, as `scorecard diff` runs them.
fn diff_on(old: &CheckedCard, new: &CheckedCard, csv: &str) -> Report {
    let run = |card: &CheckedCard| {
        let scoring =
            Scoring::of_cards(vec![std::sync::Arc::new(card.clone())], Default::default())
                .expect("one card");
        let mut input = DataInput::records("d.csv", vec![], data::Numbering::Lines, vec![]);
        input.source = DataSource::Bytes(std::sync::Arc::new(csv.as_bytes().to_vec()));
        input.format = Some(DataFormat::Csv);
        let request = Request {
            rules: RulesSpec::Checked(scoring.cards().to_vec()),
            data: vec![input],
            from: vec![],
            options: Options {
                keep_going: true,
                ..Options::default()
            },
        };
        let plan = Plan::with_scoring(scoring, request).expect("a plan");
        let outcome = plan.results();
        (plan, outcome)
    };
    let (old_plan, old_run) = run(old);
    let (new_plan, new_run) = run(new);
    diff(old_plan.scoring(), new_plan.scoring(), &old_run, &new_run)
}

#[test]
fn employees_are_set_side_by_side_and_summed_up() {
    let old = card("old.card", OLD);
    let new = new_card();
    let csv = "工号,完成率,迟报,违纪\nA,100%,0,0\nB,96%,1,0\nC,91%,0,0\nD,100%,0,1\n";
    let report = diff_on(&old, &new, csv);
    // A: 6 + 4 = 10 both.   B: old 5 + 3 = 8, new 4 + 2 = 6.
    // C: old 91% → minus 2: 4 + 4 = 8; new: 91% falls to else: 0 + 4 = 4.
    // D: old 10 − 5 = 5, new 10 − 10 = 0.
    let totals: Vec<(String, String, String)> = report
        .employees
        .iter()
        .map(|e| {
            (
                e.id.clone(),
                e.old_total.to_string(),
                e.new_total.to_string(),
            )
        })
        .collect();
    assert_eq!(
        totals,
        [
            ("A".into(), "10".into(), "10".into()),
            ("B".into(), "8".into(), "6".into()),
            ("C".into(), "8".into(), "4".into()),
            ("D".into(), "5".into(), "0".into()),
        ]
    );
    let s = &report.summary;
    assert_eq!((s.compared, s.gain, s.lose, s.same), (4, 0, 3, 1));
    // B and C: 称职 (>= 6) → 称职 / 较差; D: 较差 both; A: 优秀 both.
    assert_eq!(s.grade_moves, [("称职".to_string(), "较差".to_string(), 1)]);
    let movers: Vec<&str> = s.movers.iter().map(|(id, _, _)| id.as_str()).collect();
    assert_eq!(movers, ["D", "C", "B"]);
    // 工资: old 1000 × (1.2, 1, 1, 1) = 4200; new 1200 × the same = 5040.
    assert_eq!(s.pay.len(), 1);
    let shown = |d| crate::value::format_decimal(d);
    assert_eq!(
        (shown(s.pay[0].old), shown(s.pay[0].new)),
        ("4200".into(), "5040".into())
    );
    let b = &report.employees[1];
    let items: Vec<String> = b
        .items
        .iter()
        .map(|i| format!("{} {:?} {:?}", i.item, i.old, i.new))
        .collect();
    assert_eq!(items.len(), 2, "{items:?}");
    assert!(!report.has_problems());
}

#[test]
fn a_row_only_one_card_can_read_is_reported_not_dropped() {
    let old = card(
        "old.card",
        "scorecard t { total 1 input x count section s weight 1 { item a 1 { minus 1 per x } } }",
    );
    let new = card(
        "new.card",
        "scorecard t { total 1 input x count input y count section s weight 1 { item a 1 { minus 1 per y } } }",
    );
    let csv = "工号,x,y\nA,0,1\nB,1,\n";
    let report = diff_on(&old, &new, csv);
    assert_eq!(report.employees.len(), 1);
    assert_eq!(report.unscored.len(), 1);
    let u = &report.unscored[0];
    assert_eq!(
        (u.line, u.id.as_deref(), u.card),
        (Some(3), Some("B"), "new")
    );
    assert!(u.reason.contains("column `y`"), "{}", u.reason);
    assert!(report.has_problems());
    let table = render(&report, crate::report::Format::Table, false);
    assert!(
        table.contains("line 3 (B): the new card could not score it:"),
        "{table}"
    );
}

#[test]
fn hook_changes_are_listed_with_their_kinds_and_scripts() {
    let card_text = |sig: &str| {
        format!(
            "scorecard 钩子 {{\n    total 10\n    hooks \"h.rhai\" {{ {sig} }}\n    input 台次 count\n    section 甲 weight 10 {{\n        item 完成 10 {{ score 提成(台次) }}\n    }}\n}}\n"
        )
    };
    let compile = |name: &str, text: &str, script: &str| {
        let files = crate::hooks::MemoryHookFiles::default().with("h.rhai", script);
        let source = SourceFile::new(name, text);
        crate::compile_with(&source, &crate::resolve::NoLoader, &files)
            .unwrap_or_else(|d| panic!("{name}: {d:#?}"))
            .into_card()
    };
    let old = compile(
        "old.card",
        &card_text("提成(count) -> number"),
        "fn 提成(n) { n }",
    );
    let same = compile(
        "same.card",
        &card_text("提成(count) -> number"),
        "fn 提成(n) { n }",
    );
    assert!(changes(&old, &same).is_empty());
    assert_eq!(old.stamp().hash, same.stamp().hash);

    let new = compile(
        "new.card",
        &card_text("提成(count) -> number"),
        "fn 提成(n) { n * 2 }",
    );
    let listed: Vec<String> = changes(&old, &new)
        .into_iter()
        .map(|c| format!("{}: {}", c.about, c.change))
        .collect();
    assert_eq!(listed, ["hook 提成: script h.rhai changed"]);
    // The card's text is the same, but its hook is not: so is its hash.
    assert_ne!(old.stamp().hash, new.stamp().hash);
}
