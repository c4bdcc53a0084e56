//! Versions on the command line: each row scored by the version in force for
//! its period, every result stamped with its card's version and hash.

use crate::cli::{run, scorecard, text};
use crate::common;
use std::path::Path;

const S1: &str = "rules/callback_specialist.card";

/// The flagship card as two dated versions in `dir`: 2026.1 for the first half
/// year, and 2026.2 from July, in which 客户信息及建议 loses 2 points (not 1)
/// below 95%.
fn two_versions(dir: &Path) -> (String, String) {
    let s1 = std::fs::read_to_string(common::root().join(S1)).expect("S1");
    let dated = |version: &str, effective: &str| {
        s1.replace(
            "    total 100\n",
            &format!("    total 100\n    version \"{version}\"\n    effective {effective}\n"),
        )
    };
    let first = dated("2026.1", "2026-01-01..2026-06-30");
    let second = dated("2026.2", "2026-07-01..").replace(
        ">= 95% : minus 1\n                >= 85% : minus 2",
        ">= 95% : minus 2\n                >= 85% : minus 3",
    );
    assert!(
        second.contains(">= 95% : minus 2\n"),
        "the S1 card's tier table moved"
    );
    let (a, b) = (dir.join("v1.card"), dir.join("v2.card"));
    std::fs::write(&a, first).expect("write v1");
    std::fs::write(&b, second).expect("write v2");
    (a.display().to_string(), b.display().to_string())
}

/// Two months of one specialist: perfect except 96% feedback timeliness.
fn data(dir: &Path) -> String {
    let rows = std::fs::read_to_string(common::root().join("tests/data/s1_full_marks.csv"))
        .expect("scenario data");
    let mut lines = rows.lines().filter(|l| !l.starts_with('#'));
    let header = lines.next().expect("header");
    let row = lines.next().expect("a row");
    let (id, rest) = row.split_once(',').expect("id first");
    let rest = rest.replacen("100%", "96%", 1);
    let csv = format!("期间,{header}\n2026-06,{id}-06,{rest}\n2026-07,{id}-07,{rest}\n");
    let path = dir.join("half_year.csv");
    std::fs::write(&path, csv).expect("write data");
    path.display().to_string()
}

#[test]
fn each_row_is_scored_by_the_version_in_force_for_its_period() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (v1, v2) = two_versions(dir.path());
    let data = data(dir.path());
    let out = scorecard(&["eval", &v2, &v1, &data, "--format", "csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let csv = text(&out.stdout);
    let rows: Vec<Vec<&str>> = csv.lines().map(|l| l.split(',').collect()).collect();
    let column = |name: &str| rows[0].iter().position(|h| *h == name).expect(name);
    let (total, version, hash, item) = (
        column("total"),
        column("card_version"),
        column("card_hash"),
        column("客户信息及建议"),
    );
    // 96% is below 98% and at least 95%: 5 − 1 = 4 in June, 5 − 2 = 3 from July.
    assert_eq!(
        (rows[1][item], rows[1][total], rows[1][version]),
        ("4", "99", "2026.1")
    );
    assert_eq!(
        (rows[2][item], rows[2][total], rows[2][version]),
        ("3", "98", "2026.2")
    );
    assert_ne!(rows[1][hash], rows[2][hash]);
    assert!(rows[1][hash].starts_with("sha256:") && rows[1][hash].len() == 71);
}

#[test]
fn the_hash_in_results_is_the_one_check_prints_and_explain_shows() {
    let out = scorecard(&["check", S1]);
    let check = text(&out.stdout);
    let short = check
        .split(" · ")
        .last()
        .expect("a hash at the end")
        .trim()
        .to_string();
    assert!(short.starts_with("sha256:") && short.len() == 19, "{check}");

    let out = scorecard(&[
        "eval",
        S1,
        "tests/data/s1_full_marks.csv",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let hash = json["card"]["hash"].as_str().expect("hash");
    assert!(hash.starts_with(&short), "{hash} vs {short}");
    assert_eq!(json["employees"][0]["card_hash"], hash);

    let out = scorecard(&["explain", S1, "tests/data/s1_full_marks.csv"]);
    assert!(text(&out.stdout).contains(&format!("card {S1} · {short} · data line")));
}

#[test]
fn overlapping_versions_are_refused_before_any_row_is_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (v1, _) = two_versions(dir.path());
    let out = scorecard(&["eval", &v1, &v1, "examples/callback_specialists.csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("error[version-conflict]: this version and the one in"));
}

#[test]
fn several_versions_need_a_period_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (v1, v2) = two_versions(dir.path());
    let out = run(&["eval", &v1, &v2, "tests/data/s1_full_marks.csv"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr)
            .contains("2 versions of the card were given, but the data has no period column"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn with_several_versions_each_gets_its_own_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (v1, v2) = two_versions(dir.path());
    let data = data(dir.path());
    let out = scorecard(&["eval", &v1, &v2, &data]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let table = text(&out.stdout);
    let headings: Vec<&str> = table
        .lines()
        .filter(|l| l.starts_with("市场部客服回访专员绩效考核表 · "))
        .collect();
    assert_eq!(headings.len(), 2, "{table}");
    assert!(
        headings[0].contains("version 2026.1")
            && headings[0].ends_with("in force 2026-01-01..2026-06-30")
    );
    assert!(
        headings[1].contains("version 2026.2") && headings[1].ends_with("in force 2026-07-01..")
    );

    let out = scorecard(&["eval", &v1, &v2, &data, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let versions = json["versions"].as_array().expect("a list of versions");
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[1]["card"]["version"], "2026.2");
    assert_eq!(versions[1]["card"]["effective"]["from"], "2026-07-01");
    assert_eq!(versions[1]["employees"][0]["card_version"], "2026.2");

    let out = scorecard(&["explain", &v1, &v2, &data]);
    let explained = text(&out.stdout);
    let june = explained.find("version 2026.1").expect("June by 2026.1");
    let july = explained.find("version 2026.2").expect("July by 2026.2");
    assert!(june < july, "rows keep their data-file order");
}
