//! Workbooks written with rust_xlsxwriter, read back as a card's rows.

use super::*;
use crate::data::testing::{num, service_card};
use crate::data::{read, DataSet};
use crate::value::Value;
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook, Worksheet};

/// A one-sheet workbook named `名单`, filled by `fill`.
fn workbook(fill: impl FnOnce(&mut Worksheet)) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("名单").unwrap();
    fill(sheet);
    book.save_to_buffer().unwrap()
}

fn write_row(sheet: &mut Worksheet, row: u32, cells: &[&str]) {
    for (c, text) in cells.iter().enumerate() {
        if !text.is_empty() {
            sheet.write_string(row, c as u16, *text).unwrap();
        }
    }
}

fn open(bytes: Vec<u8>, sheet: Option<&str>) -> Result<XlsxSource, DataProblem> {
    XlsxSource::from_bytes(bytes, "五月.xlsx", sheet)
}

fn read_book(bytes: Vec<u8>) -> DataSet {
    read(&service_card(), open(bytes, None).unwrap())
}

fn errors(set: &DataSet) -> Vec<String> {
    set.errors.iter().map(|e| e.to_string()).collect()
}

const HEADER: [&str; 5] = ["工号", "反馈及时率", "日报迟报次数", "奖金", "参加培训"];

#[test]
fn chinese_headers_bind_by_label_and_typed_cells_read_exactly() {
    let percent = Format::new().set_num_format("0.0%");
    let bytes = workbook(|s| {
        write_row(s, 0, &HEADER);
        s.write_string(1, 0, "E1").unwrap();
        s.write_number_with_format(1, 1, 0.985, &percent).unwrap();
        s.write_number(1, 2, 2).unwrap();
        s.write_number(1, 3, 1200.5).unwrap();
        s.write_boolean(1, 4, true).unwrap();
        s.write_number(2, 0, 1002).unwrap(); // an id typed as a number
        s.write_number(2, 1, 0.9).unwrap(); // a bare fraction
        s.write_string(2, 3, "¥1,200").unwrap();
        s.write_string(2, 4, "否").unwrap();
    });
    let set = read_book(bytes);
    assert_eq!(errors(&set), Vec::<String>::new());
    assert!(set.warnings.is_empty(), "{:?}", set.warnings);
    let rows: Vec<(usize, &str, &[Value])> = set
        .rows
        .iter()
        .map(|r| (r.line, r.employee.id.as_str(), r.values.as_slice()))
        .collect();
    assert_eq!(rows[0].0, 2, "numbered by worksheet row");
    assert_eq!(rows[0].1, "E1");
    assert_eq!(
        rows[0].2,
        [
            num("0.985"),
            num("2"),
            Value::Missing,
            num("1200.5"),
            Value::Bool(true)
        ]
    );
    assert_eq!((rows[1].0, rows[1].1), (3, "1002"));
    assert_eq!(
        rows[1].2,
        [
            num("0.9"),
            num("0"),
            Value::Missing,
            num("1200"),
            Value::Bool(false)
        ],
        "a blank count takes its default 0; blank optional days are missing"
    );
}

#[test]
fn title_rows_above_the_header_are_skipped() {
    let bytes = workbook(|s| {
        s.merge_range(0, 0, 0, 4, "2026年10月 回访专员考核数据", &Format::new())
            .unwrap();
        write_row(s, 1, &["制表: 人事部", "日期: 2026-11-02"]);
        write_row(s, 3, &HEADER);
        write_row(s, 4, &["E1", "98%", "0", "0", "是"]);
    });
    let source = open(bytes, None).unwrap();
    assert_eq!(source.columns(), HEADER);
    assert_eq!(source.header_location(), Location::SheetRow(4));
    let set = read(&service_card(), source);
    assert_eq!(errors(&set), Vec::<String>::new());
    assert_eq!(set.rows[0].line, 5);
}

#[test]
fn bad_cells_are_named_as_excel_names_them_with_the_value() {
    let bytes = workbook(|s| {
        // The table starts at B2, so record columns are offset from sheet columns.
        for (c, h) in HEADER.iter().enumerate() {
            s.write_string(1, c as u16 + 1, *h).unwrap();
        }
        write_row(s, 2, &["", "E1", "abc", "2.5", "0", "是"]);
        s.write_string(3, 1, "E2").unwrap();
        s.write_formula(3, 2, Formula::new("=1/0").set_result("#DIV/0!"))
            .unwrap();
        let date = Format::new().set_num_format("yyyy-mm-dd");
        let day = ExcelDateTime::from_ymd(2026, 10, 5).unwrap();
        s.write_datetime_with_format(3, 4, day, &date).unwrap();
        s.write_string(3, 5, "是").unwrap();
    });
    let set = read_book(bytes);
    assert!(set.rows.is_empty());
    assert_eq!(
        errors(&set),
        [
            "五月.xlsx: 名单!C3: column `反馈及时率`: `abc` is not a percentage\n  help: percentages are written as 98% or 0.98",
            "五月.xlsx: 名单!D3: column `日报迟报次数`: `2.5` is not a whole number\n  help: a count is a whole number, 0 or more",
            "五月.xlsx: 名单!C4: column `反馈及时率`: `#DIV/0!` is an Excel error: a formula divided by zero\n  help: fix the formula in the workbook (or type the figure in), then read the data again",
            "五月.xlsx: 名单!E4: column `奖金`: `2026-10-05` is not an amount of money",
        ]
    );
    assert_eq!(set.errors[0].value.as_deref(), Some("abc"));
    assert_eq!(set.errors[3].value.as_deref(), Some("2026-10-05"));
}

#[test]
fn header_problems_name_the_header_row() {
    let bytes = workbook(|s| {
        write_row(s, 0, &["工号", "反馈及时律", "奖金", "参加培训"]);
        write_row(s, 1, &["E1", "98%", "0", "是"]);
    });
    let set = read_book(bytes);
    assert_eq!(
        errors(&set),
        ["五月.xlsx: 名单 row 1: no column for required input `反馈及时率` (`feedback_rate`)\n  help: did you mean the column `反馈及时律`? A header must match the input's label or name exactly"]
    );
}

#[test]
fn a_duplicate_id_names_both_rows() {
    let bytes = workbook(|s| {
        write_row(s, 0, &HEADER);
        write_row(s, 1, &["E1", "98%", "0", "0", "是"]);
        write_row(s, 2, &["E1", "98%", "0", "0", "是"]);
    });
    let set = read_book(bytes);
    assert_eq!(
        errors(&set),
        ["五月.xlsx: 名单!A3: column `工号`: employee `E1` appears twice, at row 2 and row 3"]
    );
}

#[test]
fn a_merged_store_cell_belongs_to_every_row_it_covers() {
    let bytes = workbook(|s| {
        write_row(s, 0, &["工号", "门店", "反馈及时率", "奖金", "参加培训"]);
        write_row(s, 1, &["E1", "", "98%", "0", "是"]);
        write_row(s, 2, &["E2", "", "98%", "0", "是"]);
        s.merge_range(1, 1, 2, 1, "一店", &Format::new()).unwrap();
    });
    let set = read_book(bytes);
    assert_eq!(errors(&set), Vec::<String>::new());
    let stores: Vec<_> = set
        .rows
        .iter()
        .map(|r| r.employee.store.as_deref())
        .collect();
    assert_eq!(stores, [Some("一店"), Some("一店")]);
}

#[test]
fn a_named_sheet_is_read_and_a_missing_one_is_an_error_listing_the_sheets() {
    let mut book = Workbook::new();
    let first = book.add_worksheet();
    first.set_name("说明").unwrap();
    first.write_string(0, 0, "请在“名单”页填写").unwrap();
    let data = book.add_worksheet();
    data.set_name("名单").unwrap();
    write_row(data, 0, &HEADER);
    write_row(data, 1, &["E1", "98%", "0", "0", "是"]);
    let bytes = book.save_to_buffer().unwrap();

    let set = read(&service_card(), open(bytes.clone(), Some("名单")).unwrap());
    assert_eq!(errors(&set), Vec::<String>::new());
    assert_eq!(set.rows.len(), 1);

    let first = open(bytes.clone(), None).unwrap();
    assert_eq!(
        first.name(),
        "五月.xlsx: 说明",
        "the first sheet by default"
    );

    let missing = open(bytes.clone(), Some("名单 ")).err().unwrap();
    assert_eq!(
        missing.to_string(),
        "五月.xlsx: the workbook has no sheet named `名单 `\n  help: did you mean `名单`?"
    );
    let missing = open(bytes, Some("Sheet1")).err().unwrap();
    assert_eq!(
        missing.help.as_deref(),
        Some("the workbook's sheets are: `说明`, `名单`")
    );
}

#[test]
fn a_file_that_is_not_a_workbook_is_one_error_not_a_panic() {
    let error = open(b"id,name\nE1,x\n".to_vec(), None).err().unwrap();
    assert_eq!(error.kind, DataProblemKind::Malformed);
    let not_a_workbook = "the file is not a workbook (.xlsx, .xls, .xlsb or .ods)";
    assert_eq!(error.message, not_a_workbook);
    assert!(error.help.unwrap().contains("save it as .xlsx"));
    let empty = open(Vec::new(), None).err().unwrap();
    assert_eq!(empty.message, not_a_workbook);
    // A compound file that is no workbook, and a zip that is no workbook.
    let mut compound = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    compound.extend([0xAB; 600]);
    let error = open(compound, None).err().unwrap();
    assert!(
        error.message.starts_with("cannot read the workbook"),
        "{error}"
    );
}

#[test]
fn a_workbook_is_known_by_its_bytes() {
    assert_eq!(Kind::of(&workbook(|_| {})), Kind::Xlsx);
    let xls = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/office/callback_specialists.xls"
    ))
    .unwrap();
    assert_eq!(Kind::of(&xls), Kind::Xls);
    let ods = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/office/callback_specialists.ods"
    ))
    .unwrap();
    assert_eq!(Kind::of(&ods), Kind::Ods);
    // Named .xlsx or not, each reads the same rows.
    for bytes in [xls, ods] {
        let source = XlsxSource::from_bytes(bytes, "十月.xlsx", None).unwrap();
        assert_eq!(source.columns()[..2], ["工号", "姓名"]);
        assert_eq!(source.header_location(), Location::SheetRow(1));
        let worksheets = worksheet_names(
            &std::fs::read(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../tests/office/callback_specialists.ods"
            ))
            .unwrap(),
            "x",
        )
        .unwrap();
        assert_eq!(worksheets.len(), 1);
    }
}

#[test]
fn an_xls_larger_than_the_limit_is_refused_before_it_is_read() {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(MAX_XLS_BYTES as usize + 1, 0);
    let error = open(bytes, None).err().unwrap();
    assert_eq!(
        error.message,
        "the workbook is larger than 64 MB, the most an .xls workbook may be"
    );
}

#[test]
fn an_empty_sheet_is_an_error() {
    let error = open(workbook(|_| {}), None).err().unwrap();
    assert_eq!(
        error.to_string(),
        "五月.xlsx: 名单: the sheet is empty\n  help: the workbook's sheets are: `名单`"
    );
}
