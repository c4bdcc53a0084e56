//! The run over a rules directory held in memory: routing, strictness,
//! steps and what one feeds another, files joined, and the verdict.

use super::*;
use crate::data::{DataProblemKind, Numbering, Record};
use crate::manifest::{Manifest, Rules};
use crate::resolve::MemoryLoader;
use crate::source::SourceFile;

const MANIFEST: &str = r#"
[group]
brands = ["君威", "GL8", "英朗"]
stores = ["一店", "二店"]

[[card]]
role = "回访专员"
file = "base.card"

[[card]]
role  = "回访专员"
brand = "君威"
file  = "brands/君威.card"

[[card]]
role  = "回访专员"
brand = "君威"
store = "一店"
file  = "brands/君威一店.card"

[[card]]
role = "销售顾问"
file = "sales.card"

[[card]]
role = "回访专员"
step = "绩效工资"
file = "pay.card"
from = { "得分" = "考核.total" }
"#;

const BASE: &str = "scorecard 回访 { total 10 input 及时率 percent \"反馈及时率\"\n section s weight 10 { item i 10 { by 及时率 { >= 98% : full  >= 90% : 6  else : 0 } } } }";
const JUNWEI: &str = "scorecard 君威 extends \"../base.card\" { input 加分 count default 0 }";
const STORE: &str =
    "scorecard 一店 extends \"君威.card\" { input 表扬 count \"店长表扬\" default 0 }";
const SALES: &str = "scorecard 销售 { input 销量 count }";
const PAY: &str = "scorecard 工资 { input 得分 number range 0..10\n input 单量 count\n output 工资 money = 得分 * 单量 * 10 元 }";

fn loader() -> MemoryLoader {
    MemoryLoader::new()
        .with("rules/base.card", BASE)
        .with("rules/brands/君威.card", JUNWEI)
        .with("rules/brands/君威一店.card", STORE)
        .with("rules/sales.card", SALES)
        .with("rules/pay.card", PAY)
}

fn scoring_of(manifest: &str, loader: &MemoryLoader) -> Scoring {
    let source = SourceFile::new("rules/scorecard.toml", manifest);
    let rules = Manifest::parse(&source)
        .and_then(|m| Rules::compile(m, loader))
        .unwrap_or_else(|d| panic!("{}", crate::diagnostic::render::human_all(&d, false)));
    Scoring::of_rules(rules)
}

fn table(name: &str, columns: &[&str], rows: &[&[&str]]) -> DataInput {
    let records = rows
        .iter()
        .enumerate()
        .map(|(i, cells)| Record {
            number: i + 2,
            cells: cells.iter().map(|c| c.to_string()).collect(),
        })
        .collect();
    DataInput::records(
        name,
        columns.iter().map(|c| c.to_string()).collect(),
        Numbering::Lines,
        records,
    )
}

fn run_with(scoring: Scoring, data: Vec<DataInput>, options: Options) -> Outcome {
    let request = Request {
        rules: RulesSpec::Checked(Vec::new()),
        data,
        from: Vec::new(),
        options,
    };
    Plan::with_scoring(scoring, request)
        .unwrap_or_else(|stop| panic!("{stop}"))
        .results()
}

/// The appraisal step only, on one table.
fn appraise(data: DataInput) -> Outcome {
    run_with(
        scoring_of(MANIFEST, &loader()),
        vec![data],
        Options {
            steps: vec!["考核".into()],
            ..Options::default()
        },
    )
}

fn texts(outcome: &Outcome) -> Vec<String> {
    outcome.problems.iter().map(|p| p.to_string()).collect()
}

/// `card name → data lines`, in run order.
fn lines(outcome: &Outcome) -> Vec<(String, Vec<usize>)> {
    outcome
        .runs
        .iter()
        .map(|run| {
            let lines = run.results.iter().map(|r| r.line).collect();
            (run.card.name().to_string(), lines)
        })
        .collect()
}

const COLUMNS: [&str; 7] = [
    "工号",
    "岗位",
    "品牌",
    "门店",
    "反馈及时率",
    "店长表扬",
    "销量",
];

#[test]
fn rows_go_to_their_cards_and_each_card_reads_its_own_columns() {
    let outcome = appraise(table(
        "data.csv",
        &COLUMNS,
        &[
            &["A1", "回访专员", "君威", "一店", "98%", "2", ""],
            &["A2", "回访专员", "GL8", "一店", "97%", "", ""],
            &["A3", "销售顾问", "君威", "一店", "", "", "12"],
            &["A4", "回访专员", "君威", "二店", "96%", "", ""],
        ],
    ));
    assert_eq!(texts(&outcome), Vec::<String>::new());
    assert!(outcome.warnings.is_empty(), "{:?}", outcome.warnings);
    // The sales row's blank 反馈及时率 is no error: the sales card does not read it.
    assert_eq!(
        lines(&outcome),
        [
            ("一店".to_string(), vec![2]),
            ("回访".to_string(), vec![3]),
            ("销售".to_string(), vec![4]),
            ("君威".to_string(), vec![5]),
        ]
    );
    assert!(outcome.routed);
    assert_eq!(outcome.verdict, Verdict::Clean);
}

#[test]
fn a_row_that_matches_no_card_is_an_error_not_dropped() {
    let outcome = appraise(table(
        "data.csv",
        &COLUMNS,
        &[
            &["A1", "技师", "君威", "一店", "", "", ""],
            &["A2", "", "", "", "99%", "", ""],
            &["A3", "回访专元", "", "", "99%", "", ""],
        ],
    ));
    let errors = texts(&outcome);
    assert_eq!(errors.len(), 3, "{errors:#?}");
    assert_eq!(
        errors[0],
        "data.csv:2: column `岗位`: `A1` has role `技师`, and rules/scorecard.toml lists no card for that\n  help: the roles with cards are `回访专员`, `销售顾问`; correct the row, or add a [[card]] for `技师` to rules/scorecard.toml"
    );
    assert!(errors[1].starts_with("data.csv:3: column `岗位`: the row has no role"));
    assert!(
        errors[2].contains("help: did you mean `回访专员`?"),
        "{}",
        errors[2]
    );
    assert!(outcome.runs.is_empty(), "nothing is scored");
    assert_eq!(outcome.verdict, Verdict::Refused { problems: 3 });
}

#[test]
fn a_misspelt_brand_is_an_error_with_a_did_you_mean_not_the_groups_card() {
    let data = || {
        table(
            "data.csv",
            &COLUMNS,
            &[
                &["A1", "回访专员", "英郎", "一店", "98%", "", ""],
                &["A2", "回访专员", "GL8", "三店", "98%", "", ""],
            ],
        )
    };
    let outcome = appraise(data());
    let errors = texts(&outcome);
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(
        errors[0].starts_with("data.csv:2: column `品牌`: brand `英郎` is not one of the group's brands\n  help: did you mean `英朗`?"),
        "{}",
        errors[0]
    );
    assert!(errors[1]
        .starts_with("data.csv:3: column `门店`: store `三店` is not one of the group's stores"));
    let Problem::Data(e) = &outcome.problems[0] else {
        panic!("a data error")
    };
    assert_eq!(e.kind, DataProblemKind::UnknownValue);
    // --lenient: scored by the role's card for no brand (store), and said.
    let lenient = run_with(
        scoring_of(MANIFEST, &loader()),
        vec![data()],
        Options {
            lenient: true,
            steps: vec!["考核".into()],
            ..Options::default()
        },
    );
    assert!(lenient.problems.is_empty(), "{:?}", texts(&lenient));
    assert_eq!(lines(&lenient), [("回访".to_string(), vec![2, 3])]);
    let notes = lenient.note_lines();
    assert!(notes[0].starts_with("run with --lenient"), "{notes:#?}");
    assert!(
        notes.iter().any(|n| n
            == "data.csv:2: brand `英郎` is not one the rules know; --lenient scored the row by `rules/base.card`"),
        "{notes:#?}"
    );
}

#[test]
fn a_declared_brand_without_a_card_of_its_own_uses_the_roles_card() {
    let outcome = appraise(table(
        "data.csv",
        &COLUMNS,
        &[&["A1", "回访专员", "英朗", "二店", "98%", "", ""]],
    ));
    assert_eq!(texts(&outcome), Vec::<String>::new());
    assert_eq!(lines(&outcome), [("回访".to_string(), vec![2])]);
}

#[test]
fn without_a_role_column_the_role_comes_from_the_options() {
    let data = || {
        table(
            "data.csv",
            &["工号", "品牌", "反馈及时率"],
            &[&["A1", "君威", "98%"]],
        )
    };
    let outcome = appraise(data());
    assert_eq!(outcome.problems.len(), 1);
    assert!(texts(&outcome)[0].contains("no role column"));
    let outcome = run_with(
        scoring_of(MANIFEST, &loader()),
        vec![data()],
        Options {
            role: Some("回访专员".into()),
            steps: vec!["考核".into()],
            ..Options::default()
        },
    );
    assert_eq!(texts(&outcome), Vec::<String>::new());
    assert_eq!(lines(&outcome), [("君威".to_string(), vec![2])]);
}

#[test]
fn a_column_no_card_reads_is_a_warning_once() {
    let outcome = appraise(table(
        "data.csv",
        &["工号", "岗位", "品牌", "反馈及时率", "备注"],
        &[
            &["A1", "回访专员", "君威", "98%", "x"],
            &["A2", "回访专员", "GL8", "98%", "y"],
        ],
    ));
    let warnings: Vec<String> = outcome.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(
        warnings,
        ["data.csv: column `备注`: matches no input on the card; its cells are ignored"]
    );
    // … and in every report's notes.
    assert!(outcome.note_lines().iter().any(|n| n.contains("`备注`")));
}

#[test]
fn a_header_like_an_input_no_card_reads_is_an_error() {
    // `店长表杨` for 店长表扬: the store card would score every row without it.
    let outcome = appraise(table(
        "data.csv",
        &["工号", "岗位", "品牌", "门店", "反馈及时率", "店长表杨"],
        &[
            &["A1", "回访专员", "君威", "一店", "98%", "2"],
            &["A2", "回访专员", "GL8", "一店", "98%", ""],
        ],
    ));
    let errors = texts(&outcome);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].starts_with(
            "data.csv: column `店长表杨`: matches no input on any card, but looks like `店长表扬`"
        ),
        "{}",
        errors[0]
    );
    assert!(outcome.runs.is_empty());
}

#[test]
fn an_employee_in_two_cards_rows_is_an_error() {
    let outcome = appraise(table(
        "data.csv",
        &COLUMNS,
        &[
            &["A1", "回访专员", "GL8", "", "98%", "", ""],
            &["A1", "销售顾问", "", "", "", "", "3"],
        ],
    ));
    assert_eq!(
        texts(&outcome),
        ["data.csv:3: employee `A1` appears twice, at line 2 and line 3"]
    );
}

#[test]
fn a_column_one_card_needs_is_reported_with_that_card() {
    // The sales card needs 销量; only the sales row is spoiled.
    let outcome = run_with(
        scoring_of(MANIFEST, &loader()),
        vec![table(
            "data.csv",
            &["工号", "岗位", "品牌", "反馈及时率"],
            &[
                &["A1", "回访专员", "GL8", "98%"],
                &["A2", "销售顾问", "", ""],
            ],
        )],
        Options {
            keep_going: true,
            steps: vec!["考核".into()],
            ..Options::default()
        },
    );
    let errors = texts(&outcome);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].starts_with("data.csv: no column for required input `销量` (for the card `销售`, which 1 row of this file needs)"),
        "{}",
        errors[0]
    );
    assert_eq!(outcome.scored, 1);
    assert_eq!(outcome.verdict, Verdict::LeftOut { rows: 1, scored: 1 });
}

#[test]
fn a_dated_card_scores_only_rows_of_periods_it_is_in_force_for() {
    let sales = "scorecard 销售 { effective 2026-01-01..2026-06-30\n input 销量 count }";
    let loader = loader().with("rules/sales.card", sales);
    let outcome = run_with(
        scoring_of(MANIFEST, &loader),
        vec![table(
            "data.csv",
            &["工号", "岗位", "期间", "反馈及时率", "销量"],
            &[
                &["A1", "销售顾问", "2026-06", "", "12"],
                &["A2", "销售顾问", "2026-07", "", "9"],
                &["A3", "回访专员", "2026-07", "98%", ""],
            ],
        )],
        Options {
            keep_going: true,
            steps: vec!["考核".into()],
            ..Options::default()
        },
    );
    let errors = texts(&outcome);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].starts_with("data.csv:3: column `期间`"),
        "{}",
        errors[0]
    );
    // The undated card takes any period.
    assert_eq!(
        lines(&outcome),
        [("销售".to_string(), vec![2]), ("回访".to_string(), vec![4])]
    );
}

#[test]
fn a_later_step_is_fed_each_employees_result_by_their_own_card() {
    // A1 by the store card (98% → 10), A2 by the group's card (95% → 6).
    let outcome = run_with(
        scoring_of(MANIFEST, &loader()),
        vec![table(
            "data.csv",
            &["工号", "岗位", "品牌", "门店", "反馈及时率", "单量"],
            &[
                &["A1", "回访专员", "君威", "一店", "98%", "3"],
                &["A2", "回访专员", "GL8", "二店", "95%", "2"],
            ],
        )],
        Options::default(),
    );
    assert_eq!(texts(&outcome), Vec::<String>::new());
    let pay = outcome
        .runs
        .iter()
        .find(|r| r.step.as_deref() == Some("绩效工资"))
        .expect("the pay step ran");
    let paid: Vec<(String, String)> = pay
        .results
        .iter()
        .map(|r| {
            let value = r.value_of(&pay.card, "工资").unwrap().0;
            (
                r.employee.id.clone(),
                crate::value::format_value(
                    &value,
                    crate::value::Type::Num(crate::value::Unit::Money),
                ),
            )
        })
        .collect();
    // 10 × 3 × 10 = 300; 6 × 2 × 10 = 120.
    assert_eq!(
        paid,
        [
            ("A1".to_string(), "300.00".to_string()),
            ("A2".to_string(), "120.00".to_string())
        ]
    );
    // In data order, each employee's appraisal then pay.
    let order: Vec<(String, Option<String>)> = outcome
        .in_data_order()
        .into_iter()
        .map(|(run, i)| (run.results[i].employee.id.clone(), run.step.clone()))
        .collect();
    assert_eq!(order[0], ("A1".into(), Some("考核".into())));
    assert_eq!(order[1], ("A1".into(), Some("绩效工资".into())));
}

#[test]
fn a_row_whose_appraisal_failed_is_not_paid_on_a_guess() {
    let outcome = run_with(
        scoring_of(MANIFEST, &loader()),
        vec![table(
            "data.csv",
            &["工号", "岗位", "品牌", "反馈及时率", "单量", "得分"],
            &[
                &["A1", "回访专员", "GL8", "abc", "3", ""],
                &["A2", "回访专员", "GL8", "98%", "2", "9"],
            ],
        )],
        Options {
            keep_going: true,
            ..Options::default()
        },
    );
    let errors = texts(&outcome);
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("data.csv:2: column `反馈及时率`")),
        "{errors:#?}"
    );
    assert!(
        errors.iter().any(|e| e
            == "data.csv:2 (A1): no result for this employee in step `考核`, so `得分` is unknown"),
        "{errors:#?}"
    );
    assert!(
        errors.iter().any(|e| e == "data.csv:3 (A2): `得分` is both a column of the data and fed by step `考核`'s `total`; keep one"),
        "{errors:#?}"
    );
}

#[test]
fn files_are_joined_by_employee_and_a_missing_row_is_never_a_zero() {
    let appraisal = table(
        "appraisal.csv",
        &["工号", "岗位", "品牌", "反馈及时率"],
        &[
            &["A1", "回访专员", "GL8", "98%"],
            &["A2", "回访专员", "GL8", "95%"],
        ],
    );
    let orders = table("orders.csv", &["工号", "单量"], &[&["A1", "3"]]);
    let outcome = run_with(
        scoring_of(MANIFEST, &loader()),
        vec![appraisal, orders],
        Options {
            keep_going: true,
            ..Options::default()
        },
    );
    assert_eq!(
        texts(&outcome),
        ["appraisal.csv:3: employee `A2` has no row in orders.csv, which gives `单量` to the card `工资`\n  help: add the employee's row to orders.csv: nothing is read as zero"]
    );
    // A2 is appraised (the appraisal reads nothing of orders.csv), not paid.
    let pay = outcome
        .runs
        .iter()
        .find(|r| r.card.name() == "工资")
        .unwrap();
    assert_eq!(pay.results.len(), 1);
    let appraisal = outcome
        .runs
        .iter()
        .find(|r| r.card.name() == "回访")
        .unwrap();
    assert_eq!(appraisal.results.len(), 2);
}

#[test]
fn a_bad_cell_in_a_joined_file_is_told_in_that_file() {
    let appraisal = table(
        "appraisal.csv",
        &["工号", "岗位", "品牌", "反馈及时率"],
        &[&["A1", "回访专员", "GL8", "98%"]],
    );
    let orders = table(
        "orders.csv",
        &["工号", "单量"],
        &[&["A9", "1"], &["A1", "x"]],
    );
    let outcome = run_with(
        scoring_of(MANIFEST, &loader()),
        vec![appraisal, orders],
        Options::default(),
    );
    let errors = texts(&outcome);
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("orders.csv:3: column `单量`: `x`")),
        "{errors:#?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("orders.csv:2: employee `A9` is here but not in appraisal.csv")),
        "{errors:#?}"
    );
}

#[test]
fn steps_that_read_a_step_that_is_not_there_are_refused() {
    let bad = MANIFEST.replace("考核.total", "考合.total");
    let source = SourceFile::new("rules/scorecard.toml", bad.as_str());
    let errors = Manifest::parse(&source).expect_err("an unknown step");
    let text = crate::diagnostic::render::human_all(&errors, false);
    assert!(text.contains("there is no step `考合`"), "{text}");
    assert!(text.contains("did you mean `考核`?"), "{text}");
}

#[test]
fn a_feed_of_the_wrong_kind_is_refused_when_the_rules_are_compiled() {
    let bad = MANIFEST.replace("考核.total", "考核.i");
    let loader = loader().with(
        "rules/pay.card",
        &PAY.replace("得分 number range 0..10", "得分 percent"),
    );
    let source = SourceFile::new("rules/scorecard.toml", bad.as_str());
    let errors = Manifest::parse(&source)
        .and_then(|m| Rules::compile(m, &loader))
        .map(|_| ())
        .expect_err("a points value cannot feed a percentage");
    let text = crate::diagnostic::render::human_all(&errors, false);
    assert!(
        text.contains(
            "`i` of `base.card` is a number, but `得分` of `pay.card` takes a percentage"
        ),
        "{text}"
    );
}

#[test]
fn a_card_or_the_manifest_may_name_columns_to_ignore() {
    let data = || {
        table(
            "data.csv",
            &["工号", "岗位", "品牌", "反馈及时率", "备注", "部门"],
            &[&["A1", "回访专员", "GL8", "98%", "x", "客服部"]],
        )
    };
    let outcome = appraise(data());
    let warned: Vec<String> = outcome.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(warned.len(), 2, "{warned:?}");
    // The manifest's [data] ignore, and a card's own `ignore` line.
    let manifest = MANIFEST.replace("[group]", "[data]\nignore = [\"备注\"]\n\n[group]");
    let base = BASE.replace("total 10", "total 10 ignore \"部门\"");
    let loader = loader().with("rules/base.card", &base);
    let outcome = run_with(
        scoring_of(&manifest, &loader),
        vec![data()],
        Options {
            steps: vec!["考核".into()],
            ..Options::default()
        },
    );
    assert!(outcome.problems.is_empty(), "{:?}", texts(&outcome));
    assert!(outcome.warnings.is_empty(), "{:?}", outcome.warnings);
}
