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

/// rules/callback_specialist.card against a copy with one tier changed:
/// 客户信息及建议 at 95% ≤ 反馈及时率 < 98% loses 2 points, not 1.
const ONE_TIER: &str = "tests/cards/diff/callback_specialist_one_tier.card";

/// The diff report as an HR officer reads it by default (Chinese), and in
/// English. Worked out by hand from examples/callback_specialists.csv: the
/// eight with 反馈及时率 from 95% to under 98% (HF105 95%, HF110 97.5%,
/// HF111 95%, HF112 96%, HF114 96%, HF116 97.5%, HF119 96%, HF120 96%) go
/// from 5 − 1 = 4 to 5 − 2 = 3 on the item and lose 1 point in all (HF105
/// 88 → 87, HF110 79.5 → 78.5 …); HF109 at 98% and HF107/HF108 above keep
/// full points, the rest are below 95% either way. No total crosses 90 or
/// 75, so no grade moves: 20 compared, 8 lose, 12 unchanged.
#[test]
fn the_diff_report_in_each_language() {
    for (lang, env) in [("zh", vec![]), ("en", vec![("LC_ALL", "en_US.UTF-8")])] {
        for format in ["table", "md", "csv"] {
            let out =
                crate::lang::scorecard(&env, &["diff", OLD, ONE_TIER, DATA, "--format", format]);
            assert_eq!(out.status.code(), Some(0), "{}", crate::lang::stderr(&out));
            insta::assert_snapshot!(
                format!("diff_one_tier_{lang}_{format}"),
                redacted(&text(&out.stdout))
            );
        }
    }
    let table = text(&crate::lang::scorecard(&[], &["diff", OLD, ONE_TIER, DATA]).stdout);
    for heading in ["考核表改了什么", "谁的分数变了、变了多少", "汇总"] {
        assert!(
            table.contains(&format!("\n{heading}\n")),
            "{heading}:\n{table}"
        );
    }
    assert!(
        table.contains("共比较 20 人：0 人分数上升，8 人下降，12 人不变"),
        "{table}"
    );
    assert!(
        table.contains("客户信息及建议：分档 >= 95% 由 `minus 1` 改为 `minus 2`"),
        "{table}"
    );
}
