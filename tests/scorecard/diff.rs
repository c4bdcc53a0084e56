//! `scorecard diff`: the report in every format, on the flagship card and a
//! proposed new version of it (tests/cards/diff/), and on a card with pay
//! formulas.

use crate::cli::{scorecard, text};

const OLD: &str = "rules/callback_specialist.card";
const NEW: &str = "tests/cards/diff/callback_specialist_2026h2.card";
const DATA: &str = "examples/callback_specialists.csv";

/// The hashes change with any edit of either card; the reports are about the change.
fn redacted(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("sha256:") {
        out += &rest[..at + "sha256:".len()];
        rest = &rest[at + "sha256:".len()..];
        let hex = rest.chars().take_while(|c| c.is_ascii_hexdigit()).count();
        out += "[hash]";
        rest = &rest[hex..];
    }
    out + rest
}

#[test]
fn diff_reports_in_every_format() {
    for format in ["table", "json", "csv", "md"] {
        let out = scorecard(&["diff", OLD, NEW, DATA, "--format", format]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{format}: {}",
            text(&out.stderr)
        );
        insta::assert_snapshot!(format!("diff_s1_{format}"), redacted(&text(&out.stdout)));
    }
}

/// HF105 (陈静): 反馈及时率 95% and 投诉解决及时率 95% in the example month.
/// Old: 客户信息及建议 5 − 1 = 4 (95% ≥ 95%), 投诉解决速度 0 (below 98%): total 88, 称职.
/// New: 5 − 2 = 3, and 95% ≥ 95% now gives the full 5: 88 − 1 + 5 = 92, and
/// 92 ≥ 88 is 优秀.
#[test]
fn one_employee_worked_out_by_hand() {
    let out = scorecard(&["diff", OLD, NEW, DATA, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let e = json["employees"]
        .as_array()
        .expect("employees")
        .iter()
        .find(|e| e["id"] == "HF105")
        .expect("HF105");
    assert_eq!(e["old_total"].to_string(), "88");
    assert_eq!(e["new_total"].to_string(), "92");
    assert_eq!(e["old_grade"], "称职");
    assert_eq!(e["new_grade"], "优秀");
    let items: Vec<String> = e["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| {
            format!(
                "{} {} {}",
                i["item"].as_str().unwrap_or(""),
                i["old"],
                i["new"]
            )
        })
        .collect();
    assert_eq!(items, ["客户信息及建议 4 3", "投诉解决速度 0 5"]);
}

#[test]
fn pay_changes_are_summed() {
    let out = scorecard(&[
        "diff",
        "tests/cards/valid/tour.card",
        "tests/cards/diff/tour_v2.card",
        "tests/data/tour.csv",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    insta::assert_snapshot!("diff_tour_table", redacted(&text(&out.stdout)));
}
