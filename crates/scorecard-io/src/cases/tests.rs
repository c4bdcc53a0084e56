use super::*;
use crate::source::SourceFile;
use crate::CheckedCard;
use std::path::Path;

const CARD: &str = r#"scorecard 示例 {
    total 10
    input 完成率 percent "完成率"
    input 迟报 count default 0
    section 甲 weight 10 {
        item 完成 "完成情况" 6 {
            by 完成率 {
                >= 98% : full
                >= 90% : minus 2
                else   : 0
            }
        }
        item 按时 4 { minus 1 per 迟报 }
    }
    penalty 违纪 { minus 5 per 迟报 }
    grade { >= 8 : 好  else : 差 }
}
"#;

fn card() -> CheckedCard {
    crate::compile(&SourceFile::new("示例.card", CARD))
        .expect("the test card checks")
        .into_card()
}

fn cases(text: &str) -> CaseFile {
    CaseFile::parse(Path::new("t/示例.cases.toml"), text).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_card_defaults_to_the_one_with_the_same_stem() {
    let file = cases("[[case]]\nname = \"a\"\nrow = {}\nexpect = { total = 10 }\n");
    assert_eq!(file.card, Path::new("t/示例.card"));
    let file =
        cases("card = \"../x.card\"\n[[case]]\nname = \"a\"\nrow = {}\nexpect = { total = 10 }\n");
    assert_eq!(file.card, Path::new("x.card"));
}

#[test]
fn defaults_fill_what_a_row_leaves_out_and_cases_pass_or_fail_by_their_expectations() {
    let file = cases(
        r#"
[defaults]
"完成率" = "100%"

[[case]]
name = "满分"
row = { "工号" = "A" }
expect = { total = 10, grade = "好", "完成情况" = 6 }

[[case]]
name = "算错了"
row = { "工号" = "B", "完成率" = 0.95, "迟报" = 1 }
expect = { total = 3, "完成" = 3, "按时" = 3 }
"#,
    );
    let results = run(&card(), &file);
    assert_eq!(results[0].outcome, Outcome::Passed);
    // 95% gives 6 - 2 = 4, not 3; 按时 4 - 1 = 3; total 4 + 3 - 5 = 2, not 3.
    assert_eq!(
        results[1].outcome,
        Outcome::Failed(vec![
            Mismatch {
                employee: None,
                key: "total".into(),
                expected: "3".into(),
                actual: "2".into()
            },
            Mismatch {
                employee: None,
                key: "完成".into(),
                expected: "3".into(),
                actual: "4".into()
            },
        ])
    );
}

#[test]
fn a_case_that_cannot_be_scored_or_names_nothing_is_broken_not_passed() {
    let file = cases(
        r#"
[[case]]
name = "坏数据"
row = { "工号" = "A", "完成率" = "abc" }
expect = { total = 10 }

[[case]]
name = "列名写错"
row = { "工号" = "B", "完成率" = "100%", "迟 报" = 1 }
expect = { total = 10 }

[[case]]
name = "键名写错"
row = { "工号" = "C", "完成率" = "100%" }
expect = { total = 10, "完成度" = 6 }
"#,
    );
    let results = run(&card(), &file);
    let problems = |i: usize| match &results[i].outcome {
        Outcome::Broken(p) => p.join("\n"),
        other => panic!("case {i} should be broken, is {other:?}"),
    };
    assert!(
        problems(0).contains("case `坏数据`: record 1: column `完成率`: `abc`"),
        "{}",
        problems(0)
    );
    assert!(
        problems(1).contains("column `迟 报`: matches no input"),
        "{}",
        problems(1)
    );
    assert!(
        problems(2).contains("`完成度` in `expect` is not"),
        "{}",
        problems(2)
    );
}

#[test]
fn a_case_with_several_rows_expects_per_employee() {
    let file = cases(
        r#"
[[case]]
name = "两人"
rows = [ { "工号" = "A", "完成率" = "100%" }, { "工号" = "B", "完成率" = "80%" } ]
expect.A = { total = 10 }
expect.B = { total = 4, grade = "好" }
"#,
    );
    let results = run(&card(), &file);
    // B: 80% is below 90%: 0 + 4 = 4, and 4 < 8 is 差.
    assert_eq!(
        results[0].outcome,
        Outcome::Failed(vec![Mismatch {
            employee: Some("B".into()),
            key: "grade".into(),
            expected: "好".into(),
            actual: "差".into()
        }])
    );
}

#[test]
fn case_files_are_checked_for_shape_with_every_problem_at_once() {
    let error = CaseFile::parse(
        Path::new("x.cases.toml"),
        "[[case]]\nname = \"a\"\nrow = {}\nexpect = { grade = \"好\" }\n[[case]]\nrow = {}\n[[case]]\nname = \"c\"\nrow = {}\nrows = []\nexpect = {}\n",
    )
    .unwrap_err();
    assert_eq!(error.kind(), CaseFileErrorKind::BadShape);
    assert_eq!(error.problems().len(), 3);
    assert_eq!(
        error.to_string(),
        "x.cases.toml: case `a`: `expect` needs `total`, the total worked out by hand\nx.cases.toml: case 2 needs a `name`\nx.cases.toml: case `c` has both `row` and `rows`; keep one"
    );
    let error = CaseFile::parse(Path::new("x.cases.toml"), "[[case]]\n反馈 = 1\n").unwrap_err();
    assert_eq!(error.kind(), CaseFileErrorKind::NotToml);
    let error = error.to_string();
    assert!(
        error.starts_with("x.cases.toml:2: not a valid case file"),
        "{error}"
    );
    assert!(error.contains("in quotes"), "{error}");
}

#[test]
fn coverage_names_the_rows_and_deductions_no_case_reaches() {
    let file = cases(
        "[[case]]\nname = \"a\"\nrow = { \"工号\" = \"A\", \"完成率\" = \"100%\" }\nexpect = { total = 10 }\n",
    );
    let card = card();
    let results = run(&card, &file);
    let coverage = Coverage::of(
        &card,
        results.iter().flat_map(|c| c.scored.iter().map(|(r, _)| r)),
    );
    assert_eq!(coverage.summary(), "2 of 5 tier rows and 0 of 2 deductions");
    let missed: Vec<String> = coverage
        .missed()
        .iter()
        .map(|p| format!("{} {} `{}`", p.line, p.owner, p.rule))
        .collect();
    assert_eq!(
        missed,
        [
            "9 完成情况 `>= 90% : minus 2`",
            "10 完成情况 `else : 0`",
            "13 按时 `minus 1 per 迟报`",
            "15 违纪 `minus 5 per 迟报`",
            "16 grade `else : 差`",
        ]
    );
}

#[test]
fn snapshots_round_trip_and_diffs_show_what_moved() {
    let cases = vec![
        ("一".to_string(), "total 10 of 10\n甲 10 of 10".to_string()),
        ("二".to_string(), "total 4 of 10".to_string()),
    ];
    let text = snapshot::file_text(Path::new("x.cases.toml"), &cases);
    assert_eq!(snapshot::parse(&text), cases);
    assert_eq!(
        snapshot::path_for(Path::new("r/x.cases.toml")),
        Path::new("r/x.cases.snap")
    );
    let diff = snapshot::diff("total 10\n甲 10\n", "total 9\n甲 10\n");
    assert_eq!(diff, "- total 10\n+ total 9\n  甲 10\n  …\n");
}
