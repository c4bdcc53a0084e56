//! What Chinese offices save: a GBK CSV (Excel's plain "CSV" on a Chinese
//! Windows, WPS), `.xls` and `.ods` workbooks score as the UTF-8 CSV does.
//! The workbooks under `tests/office/` were made from
//! `examples/callback_specialists.csv` (its `#` lines left out) by
//! LibreOffice: `soffice --headless --infilter="CSV:44,34,76" --convert-to xls`.

use crate::cli::{code, scorecard, text};
use std::path::Path;

const CARD: &str = "rules/callback_specialist.card";
const DATA: &str = "examples/callback_specialists.csv";
const GBK_NOTE: &str = "the file is not UTF-8, so it was read as GB18030 (GBK) text";

fn arg(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 temp path")
}

/// `eval CARD FILE --format FORMAT`: exit code 0, its stdout and stderr.
fn eval(data: &str, format: &str) -> (String, String) {
    let out = scorecard(&["eval", CARD, data, "--format", format]);
    assert_eq!(code(&out), 0, "{data}: {}", text(&out.stderr));
    (text(&out.stdout), text(&out.stderr))
}

/// The example file saved as GBK, in a temporary directory.
fn gbk_copy(dir: &Path, name: &str, from: &str) -> std::path::PathBuf {
    let utf8 = std::fs::read_to_string(from).unwrap();
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(&utf8);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the copy is not UTF-8"
    );
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// A report's lines but its notes (`#` lines).
fn without_notes(report: &str) -> Vec<&str> {
    report.lines().filter(|l| !l.starts_with('#')).collect()
}

#[test]
fn a_gbk_csv_scores_as_the_utf8_file_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let gbk = gbk_copy(dir.path(), "十月.csv", DATA);
    let (want, _) = eval(DATA, "csv");
    let (got, stderr) = eval(arg(&gbk), "csv");
    assert_eq!(without_notes(&got), without_notes(&want));
    let note = format!("{}: {GBK_NOTE}", gbk.display());
    assert!(got.contains(&format!("# {note}")), "{got}");
    assert!(stderr.contains(&note), "{stderr}");
    // Every row at once (JSON, the table) says it too.
    let (json, _) = eval(arg(&gbk), "json");
    assert!(json.contains(GBK_NOTE), "{json}");
    let (table, _) = eval(arg(&gbk), "table");
    assert!(table.contains(GBK_NOTE), "{table}");
    let (utf8_json, _) = eval(DATA, "json");
    assert!(!utf8_json.contains("GB18030"));
}

#[test]
fn a_gbk_csv_streams_by_groups_too() {
    let dir = tempfile::tempdir().unwrap();
    let data = "tests/data/ranks.csv";
    let gbk = gbk_copy(dir.path(), "ranks.csv", data);
    let card = "tests/cards/valid/ranks.card";
    let want = scorecard(&["eval", card, data, "--format", "csv"]);
    let got = scorecard(&["eval", card, arg(&gbk), "--format", "csv"]);
    assert_eq!(code(&got), 0, "{}", text(&got.stderr));
    let (want, got) = (text(&want.stdout), text(&got.stdout));
    assert_eq!(without_notes(&got), without_notes(&want));
    assert!(got.contains(GBK_NOTE), "{got}");
}

#[test]
fn xls_and_ods_copies_score_as_the_csv() {
    let (want, _) = eval(DATA, "csv");
    for book in [
        "tests/office/callback_specialists.xls",
        "tests/office/callback_specialists.ods",
    ] {
        let (got, _) = eval(book, "csv");
        assert_eq!(got, want, "{book}");
        let (table, _) = eval(book, "table");
        assert!(table.contains("王丽"), "{book}: {table}");
    }
    let named = scorecard(&[
        "eval",
        CARD,
        "tests/office/callback_specialists.xls",
        "--sheet",
        "五月",
    ]);
    assert_eq!(code(&named), 1);
    assert!(
        text(&named.stderr).contains("the workbook has no sheet named `五月`"),
        "{}",
        text(&named.stderr)
    );
}

#[test]
fn bytes_that_are_no_text_are_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    // A fixed scramble of bytes, as a damaged or mislabelled file holds.
    let mut state: u32 = 0x2545_F491;
    let bytes: Vec<u8> = (0..4000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            (state >> 24) as u8
        })
        .collect();
    for name in ["乱码.csv", "乱码.xls", "乱码.ods"] {
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).unwrap();
        let out = scorecard(&["eval", CARD, arg(&path)]);
        assert_eq!(code(&out), 1, "{name}");
        let stderr = text(&out.stderr);
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(stderr.contains(name), "{stderr}");
    }
    let path = dir.path().join("乱码.csv");
    let out = scorecard(&["eval", CARD, arg(&path)]);
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("the file is not text: neither UTF-8 nor GB18030 (GBK)"),
        "{stderr}"
    );
}
