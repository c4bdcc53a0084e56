//! Money as money: a pay card's report in every text format, amounts to the
//! fen, no total, grade, rank or points lost, per-store sums of what is
//! shown, and the note when the card does not say how it rounds.

use crate::cli::{code, scorecard, text};
use crate::common;
use std::process::Command;

const PAY: &str = "rules/sales_pay.card";
const PAY_DATA: &str = "examples/sales_pay.csv";

fn eval(format: &str) -> String {
    let out = scorecard(&["eval", PAY, PAY_DATA, "--format", format]);
    assert_eq!(code(&out), 0, "--format {format}: {}", text(&out.stderr));
    text(&out.stdout)
}

#[test]
fn the_pay_report_in_a_table_shows_pay_to_the_fen_and_no_points() {
    let table = eval("table");
    // C2: 872.7272… + 183.6 + 800 = 1856.3272… → 1,856.33; C5's 342.2244 → 342.22.
    for cell in [
        "1,200.00", "1,856.33", "872.73", "342.22", "2,169.50", "0.00",
    ] {
        assert!(table.contains(cell), "{cell} missing from:\n{table}");
    }
    assert!(!table.contains("872.727"), "{table}");
    let header = table.lines().nth(1).unwrap();
    assert!(
        header.contains("id") && !header.contains("total") && !header.contains("grade"),
        "{header}"
    );
    // The main pay leads, with its unit.
    let first = header.split('┆').nth(2).unwrap().trim();
    assert_eq!(first, "月实发工资 (yuan)", "{header}");
    // The card says how it rounds (`round money to 0.01 at the end`): no note.
    assert!(!table.contains("rounded to the fen"), "{table}");
}

/// A card that does not say how it rounds money is reported to the fen all
/// the same, and the report says so: the same pay card without its `round`.
#[test]
fn a_card_that_does_not_say_how_it_rounds_gets_a_note() {
    let dir = tempfile::tempdir().expect("temp dir");
    let card = std::fs::read_to_string(PAY).expect("card");
    let silent = card.replace("    round money to 0.01 at the end\n", "");
    assert_ne!(silent, card, "the shipped card declares its rounding");
    std::fs::create_dir_all(dir.path().join("hooks")).expect("hooks dir");
    std::fs::copy(
        "rules/hooks/sales_pay.rhai",
        dir.path().join("hooks/sales_pay.rhai"),
    )
    .expect("hook");
    let path = dir.path().join("sales_pay.card");
    std::fs::write(&path, silent).expect("write card");
    let out = scorecard(&["eval", path.to_str().unwrap(), PAY_DATA, "--format", "csv"]);
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    let csv = text(&out.stdout);
    assert!(csv.contains("\nC2,"), "{csv}");
    assert!(csv.contains(",1856.33,"), "{csv}");
    assert!(csv.contains("# amounts are worked out exactly"), "{csv}");
}

#[test]
fn the_pay_report_in_csv_carries_pay_to_the_fen_and_no_total() {
    let csv = eval("csv");
    let mut lines = csv.lines();
    let header = lines.next().unwrap();
    assert_eq!(
        header,
        "id,name,brand,store,实发工资,固定工资,出勤工资,绩效工资,提成,card_version,card_hash"
    );
    assert!(
        csv.contains("\nC1,马丁,,,1200.00,960.00,960.00,240.00,0.00,"),
        "{csv}"
    );
    assert!(
        csv.contains("\nC5,何平,,,2169.50,1600.00,1527.27,342.22,300.00,"),
        "{csv}"
    );
    assert!(!csv.contains("# amounts are worked out exactly"), "{csv}");
}

#[test]
fn the_pay_report_in_markdown_has_no_points_lost() {
    let md = eval("md");
    assert!(md.contains("| 1,856.33 |"), "{md}");
    assert!(!md.contains("Points lost"), "{md}");
}

#[test]
fn json_carries_money_to_the_fen() {
    let json = eval("json");
    assert!(json.contains("\"value\":1856.33"), "{json}");
    // 1200 is written to the fen as a JSON number, its text kept.
    assert!(json.contains("\"value\":1200.00"), "{json}");
    assert!(!json.contains("1856.327"), "{json}");
}

#[test]
fn a_pay_card_with_stores_sums_the_shown_pay_per_store() {
    let out = scorecard(&[
        "eval",
        "tests/cards/valid/round_at_end.card",
        "tests/data/round_at_end.csv",
    ]);
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    let table = text(&out.stdout);
    // 一店: 1,112.73 + 1,869.50; 二店: 1,000.03; all three.
    for cell in ["2,982.23", "1,000.03", "3,982.26"] {
        assert!(table.contains(cell), "{cell} missing from:\n{table}");
    }
    // The card states its rounding: no note.
    assert!(!table.contains("rounded to the fen"), "{table}");
}

#[test]
fn the_appraisal_fed_into_the_pay_is_shown_beside_it() {
    let out = scorecard(&[
        "eval",
        "rules/",
        "examples/callback_specialists_by_brand.csv",
        "examples/booking_export.csv",
        "examples/finance_report.csv",
    ]);
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    let table = text(&out.stdout);
    let header = table
        .lines()
        .find(|l| l.contains("客服月度绩效 (yuan)"))
        .unwrap_or_else(|| panic!("{table}"));
    let columns: Vec<&str> = header.split('┆').map(str::trim).collect();
    let pay = columns
        .iter()
        .position(|c| *c == "客服月度绩效 (yuan)")
        .unwrap();
    assert_eq!(columns[pay + 1], "个人月度考核分数", "{header}");
    // HF101 + HF109 + HF117 of 君威 一店: 2,380.09 + 1,223.81 + 1,433.10.
    assert!(table.contains("5,037.00"), "{table}");
}

#[test]
fn in_chinese_the_headings_and_csv_columns_are_chinese() {
    let out = Command::new(env!("CARGO_BIN_EXE_scorecard"))
        .env("LC_ALL", "zh_CN.UTF-8")
        .args(["eval", PAY, PAY_DATA, "--format", "csv"])
        .current_dir(common::root())
        .output()
        .expect("scorecard runs");
    let csv = text(&out.stdout);
    assert!(csv.starts_with("工号,姓名,品牌,门店,实发工资,"), "{csv}");
    assert!(csv.contains(",考核表版本,考核表指纹\n"), "{csv}");
}
