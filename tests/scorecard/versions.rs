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
    assert_eq!(out.status.code(), Some(3));
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

/// The 客服专员 pay card as two dated versions in `dir`: from July each
/// booking pays 25 元, not 20; and its example month, half in June, half in July.
fn two_pay_versions(dir: &Path) -> (String, String, String) {
    let pay = std::fs::read_to_string(common::root().join("rules/cs_specialist_pay.card"))
        .expect("the pay card");
    let dated = |version: &str, effective: &str| {
        pay.replace(
            "    period monthly\n",
            &format!("    period monthly\n    version \"{version}\"\n    effective {effective}\n"),
        )
    };
    let first = dated("2026.1", "2026-01-01..2026-06-30");
    let second =
        dated("2026.2", "2026-07-01..").replace("param 预约单价 20 元", "param 预约单价 25 元");
    assert!(
        second.contains("预约单价 25 元"),
        "the pay card's rate moved"
    );
    // Beside the real card, so its hook file is found.
    let rules = common::root().join("rules");
    let (a, b) = (dir.join("pay_v1.card"), dir.join("pay_v2.card"));
    std::fs::write(&a, first).expect("write v1");
    std::fs::write(&b, second).expect("write v2");
    let hooks = dir.join("hooks");
    std::fs::create_dir_all(&hooks).expect("hooks folder");
    std::fs::copy(rules.join("hooks/cs_pay.rhai"), hooks.join("cs_pay.rhai")).expect("hook");
    let month = std::fs::read_to_string(common::root().join("examples/cs_specialist_pay.csv"))
        .expect("the pay month");
    let mut rows = month.lines().filter(|l| !l.starts_with('#'));
    let header = rows.next().expect("header");
    let mut csv = format!("期间,{header}\n");
    for (i, row) in rows.enumerate() {
        let period = if i % 2 == 0 { "2026-06" } else { "2026-07" };
        csv += &format!("{period},{row}\n");
    }
    let data = dir.join("pay.csv");
    std::fs::write(&data, csv).expect("write data");
    let show = |p: &Path| p.display().to_string();
    (show(&a), show(&b), show(&data))
}

#[test]
fn from_feeds_every_version_of_a_card() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (v1, v2, data) = two_pay_versions(dir.path());
    let from =
        "月度考核分数=rules/callback_specialist.card:total,examples/callback_specialists.csv";
    let out = scorecard(&["eval", &v1, &v2, &data, "--from", from, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let versions = json["versions"].as_array().expect("a list of versions");
    assert_eq!(versions.len(), 2);
    // 预约台次提成 is 预约成功台数 × the rate of the version in force.
    let month = std::fs::read_to_string(&data).expect("data");
    let bookings = |id: &str| -> u64 {
        let row = month
            .lines()
            .find(|l| l.contains(&format!(",{id},")))
            .expect(id);
        row.split(',')
            .nth(3)
            .expect("预约成功台数")
            .parse()
            .expect("a count")
    };
    for (version, rate) in versions.iter().zip([20, 25]) {
        let employees = version["employees"].as_array().expect("employees");
        assert!(!employees.is_empty());
        for e in employees {
            let id = e["id"].as_str().expect("id");
            let outputs = e["outputs"].as_array().expect("outputs");
            let fee = outputs
                .iter()
                .find(|o| o["name"] == "预约台次提成")
                .expect("预约台次提成");
            // An amount, to the fen: `840.00`.
            assert_eq!(
                fee["value"].to_string(),
                format!("{}.00", bookings(id) * rate),
                "{id}"
            );
            let pay = outputs
                .iter()
                .find(|o| o["name"] == "月度绩效")
                .expect("pay");
            assert!(
                pay["value"].as_f64().is_some_and(|v| v > 0.0),
                "{id}: {pay}"
            );
        }
    }
    // The same row in each version: 预约台次提成 is 预约成功台次 × the version's rate.
    let out = scorecard(&["explain", &v1, &v2, &data, "--from", from]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let explained = text(&out.stdout);
    assert!(explained.contains("version 2026.1") && explained.contains("version 2026.2"));
    assert!(explained.contains("(where 月度考核分数 "), "{explained}");
}

#[test]
fn xlsx_and_html_hold_every_version() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (v1, v2) = two_versions(dir.path());
    let data = data(dir.path());
    let book = dir.path().join("out.xlsx").display().to_string();
    let out = scorecard(&[
        "eval", &v1, &v2, &data, "--format", "xlsx", "--output", &book,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let workbook: calamine::Xlsx<_> = calamine::open_workbook(&book).expect("a workbook");
    let sheets = calamine::Reader::sheet_names(&workbook);
    assert_eq!(
        sheets,
        [
            "Summary",
            "回访专员 version 2026.1",
            "回访专员 version 2026.2",
            "Detail"
        ],
        "a sheet per version"
    );
    let html = dir.path().join("out.html").display().to_string();
    let out = scorecard(&[
        "eval", &v1, &v2, &data, "--format", "html", "--output", &html,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let page = std::fs::read_to_string(&html).expect("the report");
    assert!(page.contains("version 2026.1") && page.contains("version 2026.2"));
}

#[test]
fn a_rules_directory_is_given_alone_and_feeds_with_from() {
    let out = scorecard(&[
        "eval",
        "rules/",
        S1,
        "examples/callback_specialists_by_brand.csv",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("give it alone"),
        "{}",
        text(&out.stderr)
    );
    // `--from` takes a rules directory: each specialist's total by her own
    // brand's (store's) card, the appraisal step's.
    let out = scorecard(&[
        "eval",
        "rules/cs_specialist_pay.card",
        "examples/cs_specialist_pay.csv",
        "--from",
        "月度考核分数=rules/:total,examples/callback_specialists_by_brand.csv",
        "--format",
        "csv",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // HF101 is scored 81 by the 君威/一店 card: (840 + 1180) × 96% × 92% × 81% + 935 = 2380.09.
    assert!(
        text(&out.stdout).contains(",2380.09,"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn rows_routed_by_a_rules_directory_carry_their_cards_hash() {
    let out = scorecard(&[
        "eval",
        "rules/",
        "examples/callback_specialists_by_brand.csv",
        "--step",
        "考核",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let cards = json["cards"].as_array().expect("a list of cards");
    assert!(cards.len() > 1);
    let hashes: Vec<&str> = cards
        .iter()
        .map(|c| c["card"]["hash"].as_str().expect("hash"))
        .collect();
    for (card, hash) in cards.iter().zip(&hashes) {
        for e in card["employees"].as_array().expect("employees") {
            assert_eq!(e["card_hash"].as_str(), Some(*hash));
        }
    }
    let mut distinct = hashes.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), hashes.len(), "each card has its own hash");
}
