//! `scorecard test`: the shipped cases, the runner's report when cases fail,
//! and the snapshot workflow (record, compare, show what moved, accept).

use crate::cli::{scorecard, text};
use std::path::Path;
use std::process::{Command, Output};

/// The shipped cases pass, reach every tier row and deduction, and match the
/// snapshot committed beside them.
#[test]
fn shipped_cases_pass_cover_the_card_and_match_their_snapshots() {
    let out = scorecard(&["test", "--snapshot", "rules/"]);
    let stdout = text(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}\n{}",
        text(&out.stderr)
    );
    assert!(stdout.contains("coverage of rules/callback_specialist.card: 13 of 13 tier rows and 11 of 11 deductions\n"), "{stdout}");
    let last = stdout.lines().last().unwrap_or("");
    assert!(
        last.starts_with("test result: ok. ") && last.ends_with(" passed; 0 failed"),
        "{stdout}"
    );
    insta::assert_snapshot!(stdout);
}

/// What a reviewer sees when cases fail: each case's line, then a diff of
/// expected against actual, the broken case's reason, the rules no case
/// reaches, and the closing `test result:` line; exit code 1.
#[test]
fn failing_cases_are_reported_like_cargo_test() {
    let out = scorecard(&["test", "tests/cases/tour_with_mistakes.cases.toml"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("test 满分 ... ok\n"));
    assert!(stdout.contains("- 月度工资 = 5000\n+ 月度工资 = 5120\n"));
    assert!(stdout.ends_with("test result: FAILED. 1 passed; 2 failed\n"));
    insta::assert_snapshot!(stdout);
}

/// A case's rows are scored together, as a month's: ranks, rank bands and
/// grade limits see them (the case file holds the arithmetic).
#[test]
fn cases_see_ranks_and_grade_limits() {
    let out = scorecard(&["test", "tests/cases/ranks.cases.toml"]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("test 一店三人 ... ok"), "{stdout}");
}

#[test]
fn a_card_without_cases_or_a_broken_case_file_exits_2() {
    let out = scorecard(&["test", "tests/cards/valid/tour.card"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr)
        .contains("has no cases: write them in `tests/cards/valid/tour.cases.toml`"));
}

fn in_dir(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_scorecard"))
        .env(crate::common::ENGLISH.0, crate::common::ENGLISH.1)
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the scorecard binary runs")
}

/// Record, compare, change the card, see what moved, accept.
#[test]
fn snapshots_record_then_show_what_moved_until_accepted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = crate::common::root();
    let card = std::fs::read_to_string(root.join("tests/cards/valid/tour.card")).expect("card");
    std::fs::write(dir.path().join("tour.card"), &card).expect("write card");
    let cases = std::fs::read_to_string(root.join("tests/cases/tour_with_mistakes.cases.toml"))
        .expect("cases");
    // Only the passing case, against the card beside it.
    let cases = cases
        .replace("card = \"../cards/valid/tour.card\"\n", "")
        .split("\n[[case]]\nname = \"漏算了预约提成\"")
        .next()
        .expect("first part")
        .to_string();
    std::fs::write(dir.path().join("tour.cases.toml"), cases).expect("write cases");

    let first = in_dir(dir.path(), &["test", "--snapshot", "."]);
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stdout));
    assert!(text(&first.stdout).contains("recorded the snapshot ./tour.cases.snap"));
    let recorded = std::fs::read_to_string(dir.path().join("tour.cases.snap")).expect("snapshot");
    assert!(
        // Recorded in Chinese whatever the locale: the file is committed beside the card.
        recorded.contains("=== case: 满分 ===\n\nT1 — 语言示例卡\n总分 30（满分 30）· 等级 优秀\n"),
        "{recorded}"
    );

    let again = in_dir(dir.path(), &["test", "--snapshot", "."]);
    assert_eq!(again.status.code(), Some(0), "{}", text(&again.stdout));

    // The coefficient for 27 points and up goes from 1.2 to 1.3: 满分 still
    // totals 30, so only the snapshot notices (月度工资 becomes 6200 元) —
    // and the case's own expectation of 考核系数 = 1.2 fails as well.
    let changed = card.replace(">= 27 : 1.2", ">= 27 : 1.3");
    assert_ne!(changed, card);
    std::fs::write(dir.path().join("tour.card"), changed).expect("write card");
    let moved = in_dir(dir.path(), &["test", "--snapshot", "."]);
    assert_eq!(moved.status.code(), Some(1));
    assert!(dir.path().join("tour.cases.snap.new").exists());
    insta::assert_snapshot!(text(&moved.stdout));

    let accepted = in_dir(dir.path(), &["test", "--snapshot", "--accept", "."]);
    assert!(!dir.path().join("tour.cases.snap.new").exists());
    let now = std::fs::read_to_string(dir.path().join("tour.cases.snap")).expect("snapshot");
    assert!(now.contains("6,200.00"), "{now}");
    // Accepting records the results; the expectation written by hand still fails.
    assert_eq!(accepted.status.code(), Some(1));
    assert!(text(&accepted.stdout).contains("- 考核系数 = 1.2\n+ 考核系数 = 1.3\n"));
}
