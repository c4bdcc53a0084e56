//! The `scorecard` binary as a user runs it: exit codes, stdin, help, and
//! what a person sees when a data file is wrong.

use crate::common;
use std::io::Write;
use std::process::{Command, Output, Stdio};

pub fn scorecard(args: &[&str]) -> Output {
    run(args, None)
}

pub fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_scorecard"))
        .args(args)
        .current_dir(common::root())
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the scorecard binary runs");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(text.as_bytes())
            .expect("write stdin");
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("scorecard finishes")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("exited normally")
}

const S1: &str = "rules/callback_specialist.card";
const EXAMPLE: &str = "examples/callback_specialists.csv";

#[test]
fn the_readme_example_scores_every_specialist() {
    let out = scorecard(&["eval", S1, EXAMPLE]);
    assert_eq!(code(&out), 0, "stderr:\n{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    for id in ["HF101", "HF110", "HF120"] {
        assert!(stdout.contains(id), "{id} missing from:\n{stdout}");
    }
}

#[test]
fn every_output_format_renders_the_example() {
    for format in ["table", "json", "csv", "md"] {
        let out = scorecard(&["eval", S1, EXAMPLE, "--format", format]);
        assert_eq!(code(&out), 0, "--format {format}: {}", text(&out.stderr));
        assert!(
            text(&out.stdout).contains("HF105"),
            "--format {format} lacks HF105"
        );
    }
}

#[test]
fn csv_output_can_start_with_a_bom_for_excel() {
    let out = scorecard(&["eval", S1, EXAMPLE, "--format", "csv", "--bom"]);
    assert!(
        out.stdout.starts_with("\u{feff}".as_bytes()),
        "no BOM at the start"
    );
}

#[test]
fn an_invalid_card_exits_2_with_a_located_message() {
    let out = scorecard(&["check", "tests/cards/check/unknown_name.card"]);
    assert_eq!(code(&out), 2);
    let stderr = text(&out.stderr);
    assert!(stderr.contains("error[unknown-name]"), "{stderr}");
    assert!(
        stderr.contains("tests/cards/check/unknown_name.card:7:16"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `反馈及时率`?"), "{stderr}");
}

#[test]
fn check_json_lists_diagnostics_on_stdout() {
    let out = scorecard(&[
        "check",
        "--format",
        "json",
        "tests/cards/check/output_cycle.card",
    ]);
    assert_eq!(code(&out), 2);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert_eq!(json[0]["code"], "cycle");
    assert_eq!(json[0]["line"], 8);
}

#[test]
fn eval_with_an_invalid_card_exits_2() {
    let out = scorecard(&["eval", "tests/cards/check/tiers_overlap.card", EXAMPLE]);
    assert_eq!(code(&out), 2);
}

#[test]
fn bad_data_exits_1_and_scores_nothing() {
    let out = scorecard(&["eval", S1, "tests/bad_data/bad_cells.csv"]);
    assert_eq!(code(&out), 1);
    assert!(
        out.stdout.is_empty(),
        "nothing should be scored:\n{}",
        text(&out.stdout)
    );
    insta::assert_snapshot!(text(&out.stderr));
}

#[test]
fn keep_going_scores_the_good_rows_and_still_exits_1() {
    let out = scorecard(&[
        "eval",
        S1,
        "tests/bad_data/bad_cells.csv",
        "--keep-going",
        "--format",
        "csv",
    ]);
    assert_eq!(code(&out), 1);
    let stdout = text(&out.stdout);
    assert_eq!(
        stdout.lines().count(),
        2,
        "header and the one good row:\n{stdout}"
    );
    assert!(stdout.contains("B1,好行"), "{stdout}");
    assert!(text(&out.stderr).contains("5 bad row(s) left out; 1 row(s) scored"));
}

#[test]
fn data_can_come_from_stdin() {
    let rows = r#"[{"工号": "M9", "满意率": "96%", "预约台次": 1, "迟报天数": 0, "演练次数": 2, "评分": 5}]"#;
    let out = run(
        &[
            "eval",
            "tests/cards/valid/tour.card",
            "-",
            "--input-format",
            "json",
            "--format",
            "csv",
        ],
        Some(rows),
    );
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("M9"), "{}", text(&out.stdout));
}

#[test]
fn stdin_without_a_format_is_a_usage_error() {
    let out = run(&["eval", "tests/cards/valid/tour.card", "-"], Some(""));
    assert_eq!(code(&out), 2);
    assert!(text(&out.stderr).contains("--input-format"));
}

#[test]
fn a_card_can_come_from_stdin() {
    let card = std::fs::read_to_string(common::root().join("tests/cards/valid/tour.card"))
        .expect("tour card");
    let out = run(&["check", "-"], Some(&card));
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
}

#[test]
fn explain_one_employee_quotes_the_rules() {
    let out = scorecard(&[
        "explain",
        S1,
        "tests/data/s1_typical_month.csv",
        "--employee",
        "R1",
    ]);
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("张三 (R1"), "{stdout}");
    assert!(!stdout.contains("李四"), "only R1 was asked for:\n{stdout}");
    assert!(stdout.contains("`>= 95% : minus 1`"), "{stdout}");
}

#[test]
fn explain_an_unknown_employee_exits_1() {
    let out = scorecard(&["explain", S1, EXAMPLE, "--employee", "NOBODY"]);
    assert_eq!(code(&out), 1);
    assert!(text(&out.stderr).contains("no employee `NOBODY`"));
}

#[test]
fn a_missing_data_file_exits_1() {
    let out = scorecard(&["eval", S1, "no/such/file.csv"]);
    assert_eq!(code(&out), 1);
    assert!(text(&out.stderr).contains("no/such/file.csv"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(code(&scorecard(&["eval", S1])), 2);
    assert_eq!(code(&scorecard(&["frobnicate"])), 2);
    assert_eq!(
        code(&scorecard(&["eval", S1, EXAMPLE, "--format", "pdf"])),
        2
    );
}

#[test]
fn every_command_has_help_with_an_example() {
    for command in ["check", "eval", "explain"] {
        let out = scorecard(&[command, "--help"]);
        assert_eq!(code(&out), 0);
        let help = text(&out.stdout);
        assert!(
            help.contains("Examples:"),
            "`scorecard {command} --help` shows no example:\n{help}"
        );
    }
}
