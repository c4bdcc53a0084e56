//! Broken cards and broken data, as users produce them: each gives a clear
//! message and the right exit code, never a panic, a hang or a wrong total.

use crate::common;
use std::path::PathBuf;
use std::process::{Command, Output};

const S1: &str = "rules/callback_specialist.card";

/// A scratch directory for generated files, removed at the end of the test.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("scorecard-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch dir");
        Scratch(dir)
    }

    fn file(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).expect("write scratch file");
        path.to_string_lossy().into_owned()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn scorecard(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_scorecard"))
        .args(args)
        .current_dir(common::root())
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

/// Runs and checks the exit code; a panic (exit 101) is always a failure.
fn expect(args: &[&str], code: i32, stderr_has: &str) -> String {
    let out = scorecard(args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{args:?} panicked:\n{stderr}");
    assert_eq!(out.status.code(), Some(code), "{args:?}:\n{stderr}");
    assert!(
        stderr.contains(stderr_has),
        "{args:?}: expected {stderr_has:?} in:\n{stderr}"
    );
    stderr
}

fn s1_header() -> String {
    let text =
        std::fs::read_to_string(common::root().join("tests/data/s1_full_marks.csv")).expect("data");
    text.lines()
        .find(|l| !l.starts_with('#'))
        .expect("header")
        .to_string()
}

fn s1_good_row(id: &str) -> String {
    let text =
        std::fs::read_to_string(common::root().join("tests/data/s1_full_marks.csv")).expect("data");
    let row = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .nth(1)
        .expect("a row");
    let (_, rest) = row.split_once(',').expect("an id cell");
    format!("{id},{rest}")
}

#[test]
fn broken_cards() {
    let dir = Scratch::new("cards");
    let card = std::fs::read_to_string(common::root().join(S1)).expect("S1");
    let mut half = card.len() / 2;
    while !card.is_char_boundary(half) {
        half -= 1;
    }
    let truncated = dir.file("truncated.card", &card.as_bytes()[..half]);
    expect(&["check", &truncated], 3, "error[syntax]");
    let cut = dir.file(
        "cut.card",
        &card.as_bytes()[..card.find('回').expect("a Chinese character") + 1],
    );
    expect(&["check", &cut], 3, "cut short");
    let empty = dir.file("empty.card", b"");
    expect(&["check", &empty], 3, "the card is empty");
    let gbk = dir.file("gbk.card", &[0x73, 0x63, 0xBB, 0xD8, 0xB7, 0xC3, 0x0A]);
    expect(&["check", &gbk], 3, "not UTF-8");
    let nested = format!(
        "scorecard t {{ output o = {}1{} }}",
        "(".repeat(5000),
        ")".repeat(5000)
    );
    let deep = dir.file("deep.card", nested.as_bytes());
    expect(&["check", &deep], 3, "nested too deeply");
    let huge = dir.file(
        "huge.card",
        b"scorecard t { total 99999999999999999999999999999999999 }",
    );
    expect(&["check", &huge], 3, "error[bad-number]");
    expect(
        &["check", "no/such.card"],
        3,
        "there is no file `no/such.card`",
    );
}

#[test]
fn broken_data() {
    let dir = Scratch::new("data");
    let header = s1_header();
    let good = s1_good_row("A1");

    let empty = dir.file("empty.csv", b"");
    expect(&["eval", S1, &empty], 1, "");
    let truncated = dir.file(
        "truncated.csv",
        format!("{header}\n{}", &good[..good.len() / 2]).as_bytes(),
    );
    expect(&["eval", S1, &truncated], 1, "truncated.csv:2");
    let duplicate = dir.file("dup.csv", format!("{header}\n{good}\n{good}\n").as_bytes());
    expect(&["eval", S1, &duplicate], 1, "A1");
    let gbk = dir.file("gbk.csv", &[0xB9, 0xA4, 0xBA, 0xC5, 0x0A, 0x31, 0x0A]);
    expect(&["eval", S1, &gbk], 1, "UTF-8");
    for bad in [
        "NaN",
        "inf",
        "1e5",
        "--3",
        "99999999999999999999999999999999",
    ] {
        let row = good.replacen(",90,", &format!(",{bad},"), 1);
        let file = dir.file("cell.csv", format!("{header}\n{row}\n").as_bytes());
        let stderr = expect(&["eval", S1, &file], 1, "培训成绩");
        assert!(
            stderr.contains(bad),
            "the bad value {bad} should be quoted:\n{stderr}"
        );
    }
    let json = dir.file("broken.json", br#"[{"id": "A1", "#);
    expect(&["eval", S1, &json], 1, "broken.json");
}

/// Found by the `stream` fuzz target: a period cell of six bytes that are
/// not ASCII (`马丁`, two characters) was cut at byte 4 to look for `202610`,
/// inside a character: a panic, whichever way the file was read.
#[test]
fn a_six_byte_chinese_period_is_a_bad_month_not_a_panic() {
    let dir = Scratch::new("period");
    let file = dir.file("period.csv", b",period\n,\xe9\xa9\xac\xe4\xb8\x81");
    expect(&["eval", S1, &file], 1, "`马丁` is not a month");
    let month = scorecard::period::Period::parse("马丁");
    assert_eq!(month, Err("`马丁` is not a month".to_string()));
}

#[test]
fn a_100_mb_single_line_is_refused_cleanly() {
    let dir = Scratch::new("long");
    let mut bytes = Vec::with_capacity(100_000_100);
    bytes.extend_from_slice(s1_header().as_bytes());
    bytes.push(b'\n');
    bytes.extend(std::iter::repeat_n(b'x', 100_000_000));
    let path = dir.file("long.csv", &bytes);
    drop(bytes);
    expect(&["eval", S1, &path], 1, "long.csv:2");
}

/// The good rows of a partly bad file are scored exactly as on their own.
#[test]
fn bad_rows_never_change_good_totals() {
    let dir = Scratch::new("mixed");
    let header = s1_header();
    let good = s1_good_row("G1");
    let bad = s1_good_row("B1").replacen(",90,", ",abc,", 1);
    let mixed = dir.file("mixed.csv", format!("{header}\n{bad}\n{good}\n").as_bytes());
    let out = scorecard(&["eval", S1, &mixed, "--keep-going", "--format", "csv"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let row = stdout
        .lines()
        .find(|l| l.starts_with("G1,"))
        .expect("G1 scored");
    // The card's version and hash close the row.
    assert!(row.contains(",100,100,优秀,,sha256:"), "{row}");
    assert!(!stdout.contains("B1"), "{stdout}");
}
