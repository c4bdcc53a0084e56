//! The binary with workbooks: Excel in, workbook and HTML out, templates.

use crate::cli::{code, scorecard, text};
use calamine::{Reader, Xlsx};
use rust_xlsxwriter::Workbook;
use std::path::Path;

const TOUR: &str = "tests/cards/valid/tour.card";
const STORES: &str = "tests/data/tour_stores.csv";

fn arg(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 temp path")
}

#[test]
fn a_bad_cell_in_a_workbook_is_named_by_sheet_and_cell() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("十月.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("名单").unwrap();
    let header = [
        "工号",
        "客户满意率",
        "预约成功台数",
        "流程演练次数",
        "主管评分",
    ];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "M1").unwrap();
    sheet.write_string(1, 1, "九成").unwrap();
    sheet.write_number(1, 2, 3).unwrap();
    sheet.write_number(1, 3, 2).unwrap();
    sheet.write_number(1, 4, 8).unwrap();
    book.save(&path).unwrap();

    let out = scorecard(&["eval", TOUR, arg(&path), "--sheet", "名单"]);
    assert_eq!(code(&out), 1);
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("十月.xlsx: 名单!B2: column `客户满意率`: `九成` is not a percentage"),
        "{stderr}"
    );
    let missing = scorecard(&["eval", TOUR, arg(&path), "--sheet", "五月"]);
    assert_eq!(code(&missing), 1);
    assert!(text(&missing.stderr).contains("the workbook has no sheet named `五月`"));
}

#[test]
fn results_go_to_a_workbook_file_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("结果.xlsx");
    let out = scorecard(&[
        "eval",
        TOUR,
        STORES,
        "--format",
        "xlsx",
        "--output",
        arg(&path),
    ]);
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());
    let book: Xlsx<_> = calamine::open_workbook(&path).unwrap();
    // Notes: the tour card does not say how it rounds money (reported to the fen).
    assert_eq!(book.sheet_names(), ["Summary", "Detail", "Notes"]);
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "a temporary file was left behind");
}

#[test]
fn the_html_report_goes_to_stdout() {
    let out = scorecard(&["eval", TOUR, STORES, "--format", "html"]);
    assert_eq!(code(&out), 0);
    let html = text(&out.stdout);
    assert!(html.starts_with("<!DOCTYPE html>"));
    // One part per store, and the notes (amounts reported to the fen).
    assert_eq!(html.matches("<h2>").count(), 3, "one part per store");
    assert!(
        html.contains("<h2>Notes</h2>"),
        "the notes, in the test's English locale"
    );
}

#[test]
fn sheet_is_refused_for_a_csv_file() {
    let out = scorecard(&["eval", TOUR, STORES, "--sheet", "名单"]);
    assert_eq!(code(&out), 2);
    assert!(text(&out.stderr).contains("--sheet only applies to an Excel workbook"));
}

#[test]
fn a_template_is_written_and_reads_back_as_an_empty_month() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("模板.xlsx");
    let out = scorecard(&["template", TOUR, "--output", arg(&path)]);
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    let eval = scorecard(&["eval", TOUR, arg(&path)]);
    assert_eq!(code(&eval), 0, "{}", text(&eval.stderr));
    assert!(text(&eval.stderr).contains("模板.xlsx: 数据: the file has no rows"));

    let csv = scorecard(&["template", TOUR, "--format", "csv"]);
    assert_eq!(code(&csv), 0);
    assert!(text(&csv.stdout).ends_with("严重违纪,主管评分\n"));
    let help = scorecard(&["template", "--help"]);
    assert!(text(&help.stdout).contains("Examples:"));
}

/// `diff` reads a workbook like `eval` does: the example month copied into
/// a sheet gives the same comparison as the CSV it came from.
#[test]
fn diff_reads_a_workbook_sheet() {
    let old = "rules/callback_specialist.card";
    let new = "tests/cards/diff/callback_specialist_2026h2.card";
    let csv = "examples/callback_specialists.csv";
    let text_of = |p: &str| std::fs::read_to_string(crate::common::root().join(p)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("十月.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("名单").unwrap();
    let month = text_of(csv);
    let rows = month.lines().filter(|l| !l.starts_with('#'));
    for (r, line) in rows.enumerate() {
        for (c, cell) in line.split(',').enumerate() {
            sheet.write_string(r as u32, c as u16, cell).unwrap();
        }
    }
    book.save(&path).unwrap();
    let from_csv = scorecard(&["diff", old, new, csv, "--format", "json"]);
    assert_eq!(code(&from_csv), 0, "{}", text(&from_csv.stderr));
    let from_book = scorecard(&[
        "diff",
        old,
        new,
        arg(&path),
        "--sheet",
        "名单",
        "--format",
        "json",
    ]);
    assert_eq!(code(&from_book), 0, "{}", text(&from_book.stderr));
    // The same people, totals and items; only where each row is differs
    // (a sheet row, a CSV line after the file's comments).
    let people = |out: &std::process::Output| {
        let mut json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        for e in json["employees"].as_array_mut().expect("employees") {
            e.as_object_mut().expect("an employee").remove("line");
        }
        json["employees"].clone()
    };
    assert_eq!(people(&from_book), people(&from_csv));
    assert!(people(&from_csv).as_array().is_some_and(|a| !a.is_empty()));
}

/// `rows` generated months of the S1 card: every input filled, most people
/// losing points somewhere (the same rows every run).
fn s1_rows(rows: usize) -> String {
    let card = scorecard::compile_file(Path::new("rules/callback_specialist.card"))
        .expect("the S1 card checks")
        .into_card();
    let mut seed: u64 = 7;
    let mut next = |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    let mut out = String::from("工号,姓名,品牌,门店");
    for input in card.inputs() {
        out += &format!(",{}", input.name);
    }
    out.push('\n');
    for r in 0..rows {
        // Some without a name: the cells after it stay in their columns.
        let name = if r % 7 == 0 {
            String::new()
        } else {
            format!("员工{r}")
        };
        out += &format!("E{r:05},{name},{},{}店", ["君威", "GL8"][r % 2], r % 3 + 1);
        for input in card.inputs() {
            let cell = match input.ty {
                scorecard::value::InputType::Bool => {
                    ["是", "是", "否"][next(3) as usize].to_string()
                }
                scorecard::value::InputType::Percent => format!("{}%", 80 + next(21)),
                scorecard::value::InputType::Count => next(3).to_string(),
                _ => match input.range {
                    Some((_, high)) => (high - rust_decimal::Decimal::from(next(3))).to_string(),
                    None => next(100).to_string(),
                },
            };
            out += &format!(",{cell}");
        }
        out.push('\n');
    }
    out
}

#[test]
fn a_streamed_workbook_is_the_bytes_of_one_made_at_once_on_any_number_of_threads() {
    use std::process::Command;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("s1.csv");
    // Enough people for several chunks formatted and deflated apart.
    std::fs::write(&data, s1_rows(2500)).unwrap();
    let book = |name: &str, threads: &str, extra: &[&str]| -> Vec<u8> {
        let path = dir.path().join(name);
        let out = Command::new(env!("CARGO_BIN_EXE_scorecard"))
            .current_dir(crate::common::root())
            .env("RAYON_NUM_THREADS", threads)
            .args(["eval", "rules/callback_specialist.card", arg(&data)])
            .args(["--format", "xlsx", "--output", arg(&path)])
            .args(extra)
            .output()
            .unwrap();
        assert_eq!(code(&out), 0, "{}", text(&out.stderr));
        std::fs::read(&path).unwrap()
    };
    // Streamed: a row at a time, the workbook's rows made on every core.
    let two = book("two.xlsx", "2", &[]);
    let one = book("one.xlsx", "1", &[]);
    // With the trace asked for, the run reads every row first and makes the
    // workbook of all the results at once.
    let at_once = book("at_once.xlsx", "2", &["--trace"]);
    assert!(two == one, "the workbook depends on the number of threads");
    assert!(
        two == at_once,
        "the streamed workbook differs from the one made at once"
    );
    // Everyone is on the summary, a name left blank leaves a blank cell.
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(two)).unwrap();
    let summary = wb.worksheet_range("汇总").unwrap();
    assert_eq!(summary.height(), 2501);
    assert_eq!(
        summary.get((1, 0)).map(|c| c.to_string()).as_deref(),
        Some("E00000")
    );
    assert_eq!(
        summary.get((1, 1)).map(|c| c.to_string()).as_deref(),
        Some("")
    );
    assert_eq!(
        summary.get((1, 2)).map(|c| c.to_string()).as_deref(),
        Some("君威")
    );
    assert_eq!(
        summary.get((2, 1)).map(|c| c.to_string()).as_deref(),
        Some("员工1")
    );
    let detail = wb.worksheet_range("明细").unwrap();
    assert!(
        detail.height() > 2500,
        "people lose points: {}",
        detail.height()
    );
}
