//! Excel in and out on the scenario files: every hand-checked month read
//! from a workbook gives the same rows as from CSV, and the workbook and
//! HTML reports are snapshotted (the workbook as the grid of cell values
//! calamine reads back).

use crate::common;
use crate::scenarios;
use calamine::{Data, Reader, Xlsx};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Workbook};
use scorecard::data::{CsvSource, DataFormat, Numbering, RecordSource};
use scorecard::report::{self, Options};
use scorecard::run::{DataInput, DataSource};
use std::io::Cursor;
use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;

/// The CSV's records written as a person would type them into Excel:
/// `98%` as a percent-formatted 0.98, plain figures as numbers, the rest as text.
fn workbook_from_csv(path: &Path) -> Vec<u8> {
    let bytes = std::fs::read(path).unwrap();
    let mut source = CsvSource::from_bytes(bytes, "month.csv").unwrap();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("十月").unwrap();
    let percent = Format::new().set_num_format("0.0%");
    for (c, header) in source.columns().iter().enumerate() {
        sheet.write_string(0, c as u16, header).unwrap();
    }
    let mut row = 0;
    while let Some(record) = source.next_record() {
        row += 1;
        for (c, text) in record.unwrap().cells.iter().enumerate() {
            let c = c as u16;
            let text = text.trim();
            if let Some(p) = text
                .strip_suffix('%')
                .and_then(|p| Decimal::from_str(p).ok())
            {
                let fraction = (p / Decimal::ONE_HUNDRED).to_f64().unwrap();
                sheet
                    .write_number_with_format(row, c, fraction, &percent)
                    .unwrap();
            } else if let Ok(n) = Decimal::from_str(text) {
                sheet.write_number(row, c, n.to_f64().unwrap()).unwrap();
            } else if !text.is_empty() {
                sheet.write_string(row, c, text).unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn every_scenario_month_reads_the_same_from_a_workbook() {
    let mut paths: Vec<_> = std::fs::read_dir(common::data_dir())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .collect();
    paths.sort();
    let mut count = 0;
    for path in &paths {
        let rel = common::relative(path);
        let scenario = scenarios::load(path);
        let mut workbook = DataInput::records("month.xlsx", vec![], Numbering::SheetRows, vec![]);
        workbook.source = DataSource::Bytes(Arc::new(workbook_from_csv(path)));
        workbook.format = Some(DataFormat::Xlsx);
        // The same run on the workbook: the same cards, people, inputs and scores.
        let from_xlsx = scenarios::run(path, workbook);
        let (a, b) = (&from_xlsx.runs, &scenario.outcome.runs);
        assert_eq!(a.len(), b.len(), "{rel}");
        for (xlsx, csv) in a.iter().zip(b) {
            assert_eq!(xlsx.card.source().name, csv.card.source().name, "{rel}");
            assert_eq!(xlsx.results.len(), csv.results.len(), "{rel}");
            for (i, (x, c)) in xlsx.results.iter().zip(&csv.results).enumerate() {
                assert_eq!(x.employee, c.employee, "{rel}");
                assert_eq!(xlsx.inputs[i], csv.inputs[i], "{rel}: {}", c.employee.id);
                assert_eq!(x.scores, c.scores, "{rel}: {}", c.employee.id);
            }
        }
        count += 1;
    }
    assert!(count >= 6, "found {count} scenarios");
}

/// The one card's results of `tests/data/tour_stores.csv`.
fn tour_stores() -> scorecard::run::CardRun {
    let mut scenario = scenarios::load(&common::root().join("tests/data/tour_stores.csv"));
    assert_eq!(
        scenario.outcome.runs.len(),
        1,
        "tour_stores.csv uses one card"
    );
    scenario.outcome.runs.remove(0)
}

/// Each sheet as `## name` and one line per row, cells joined by ` | `
/// (line breaks within a cell shown as ` ⏎ `).
pub fn grid(bytes: Vec<u8>) -> String {
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let mut out = String::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        out += &format!("## {name}\n");
        for row in range.rows() {
            let cells: Vec<String> = row
                .iter()
                .map(|cell| match cell {
                    Data::Float(f) => format!("{f}"),
                    Data::Empty => String::new(),
                    // A wrapped reason's lines stay on the grid's one line.
                    other => other.to_string().replace('\n', " ⏎ "),
                })
                .collect();
            out += &cells.join(" | ");
            out.push('\n');
        }
    }
    out
}

#[test]
fn the_results_workbook_has_a_summary_and_a_detail_sheet() {
    let s = tour_stores();
    common::english();
    let bytes =
        report::xlsx_bytes(&s.card, &s.results, &s.inputs_all(), &Options::default()).unwrap();
    insta::assert_snapshot!(grid(bytes));
    // In Chinese, as HR gets it by default.
    let bytes = scorecard::i18n::with_lang(scorecard::i18n::Lang::Zh, || {
        report::xlsx_bytes(&s.card, &s.results, &s.inputs_all(), &Options::default()).unwrap()
    });
    insta::assert_snapshot!("the_results_workbook_in_chinese", grid(bytes));
}

#[test]
fn the_same_results_give_the_same_workbook_bytes() {
    let s = tour_stores();
    let once = report::xlsx_bytes(&s.card, &s.results, &[], &Options::default()).unwrap();
    let again = report::xlsx_bytes(&s.card, &s.results, &[], &Options::default()).unwrap();
    assert!(once == again, "the workbook is not deterministic");
}

#[test]
fn the_html_report_has_a_part_per_store() {
    let s = tour_stores();
    // Chinese, as HR reads it, whatever language other tests set.
    let html = scorecard::i18n::with_lang(scorecard::i18n::Lang::Zh, || {
        report::html(&s.card, &s.results, &s.inputs_all(), &[])
    });
    assert_eq!(html.matches("<section class=\"store\">").count(), 2);
    assert!(
        !html.contains("http://") || html.matches("http://").count() == 2,
        "only the SVG namespaces"
    );
    // The card's hash changes with every edit of the card; the report names it.
    assert!(html.contains(&s.card.stamp().describe()));
    insta::with_settings!({filters => vec![(r"sha256:[0-9a-f]{12}", "sha256:[hash]")]}, {
        insta::assert_snapshot!(html);
    });
}
