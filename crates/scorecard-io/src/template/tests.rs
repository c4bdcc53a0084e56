//! The template for the tour card, and what reading it back gives.

use super::*;
use crate::data::{self, CsvSource, DataProblemKind, RecordSource, XlsxSource};

fn tour() -> CheckedCard {
    let text = include_str!("../../../../tests/cards/valid/tour.card");
    let source = crate::SourceFile::new("tests/cards/valid/tour.card", text);
    crate::compile(&source)
        .expect("the tour card compiles")
        .into_card()
}

fn tour_rows(card: &CheckedCard) -> Vec<crate::data::Row> {
    let text = include_str!("../../../../tests/data/tour.csv");
    let source = CsvSource::from_bytes(text.as_bytes().to_vec(), "tour.csv").unwrap();
    let set = data::read(card, source);
    assert!(set.is_ok(), "{:?}", set.errors);
    set.rows
}

#[test]
fn columns_are_the_employee_fields_then_each_input_by_label() {
    let card = tour();
    let headers: Vec<String> = columns(&card).into_iter().map(|c| c.header).collect();
    assert_eq!(
        headers,
        [
            "工号",
            "姓名",
            "品牌",
            "门店",
            "客户满意率",
            "预约成功台数",
            "潜客档案迟报天数",
            "流程演练次数",
            "客户表扬次数",
            "严重违纪",
            "主管评分"
        ]
    );
}

#[test]
fn each_input_says_its_type_range_and_what_a_blank_means() {
    let card = tour();
    let described: Vec<String> = card.inputs().iter().map(describe).collect();
    assert_eq!(
        described,
        [
            "百分比 (percent)，0%–100%，写作 98% 或 0.98，必填，卡片中名为 满意率",
            "次数 (count)，0 或正整数，必填，卡片中名为 预约台次",
            "天数 (days)，0 或正整数，可空（表示未报），卡片中名为 迟报天数",
            "次数 (count)，0 或正整数，必填，卡片中名为 演练次数",
            "次数 (count)，0 或正整数，空白按 0 计，卡片中名为 表扬",
            "次数 (count)，0 或正整数，空白按 0 计",
            "评分 (rating)，0–10，数字，必填，卡片中名为 评分",
        ]
    );
}

#[test]
fn an_empty_workbook_template_binds_every_column_and_has_no_rows() {
    let card = tour();
    let bytes = template_xlsx(&card).unwrap();
    let source = XlsxSource::from_bytes(bytes, "模板.xlsx", None).unwrap();
    assert_eq!(source.name(), "模板.xlsx: 数据");
    let set = data::read(&card, source);
    assert!(set.errors.is_empty(), "{:?}", set.errors);
    let kinds: Vec<_> = set.warnings.iter().map(|w| w.kind).collect();
    assert_eq!(kinds, [DataProblemKind::NoRows]);
}

#[test]
fn a_filled_workbook_template_reads_back_to_the_same_rows() {
    let card = tour();
    let rows = tour_rows(&card);
    let bytes = template_xlsx_with_rows(&card, &rows).unwrap();
    let set = data::read(
        &card,
        XlsxSource::from_bytes(bytes, "模板.xlsx", None).unwrap(),
    );
    assert!(
        set.is_ok() && set.warnings.is_empty(),
        "{:?} {:?}",
        set.errors,
        set.warnings
    );
    assert_eq!(set.rows.len(), rows.len());
    for (back, row) in set.rows.iter().zip(&rows) {
        assert_eq!(back.employee, row.employee);
        assert_eq!(back.values, row.values, "{}", row.employee.id);
    }
}

#[test]
fn the_csv_template_describes_each_column_and_reads_as_an_empty_month() {
    let card = tour();
    let text = template_csv(&card, true);
    assert!(text.starts_with("\u{feff}# 语言示例卡 填写模板（tests/cards/valid/tour.card）\n"));
    assert!(text.contains("\n# 主管评分: 评分 (rating)，0–10，数字，必填，卡片中名为 评分\n"));
    assert!(text.ends_with("\n工号,姓名,品牌,门店,客户满意率,预约成功台数,潜客档案迟报天数,流程演练次数,客户表扬次数,严重违纪,主管评分\n"));
    let source = CsvSource::from_bytes(text.into_bytes(), "模板.csv").unwrap();
    let set = data::read(&card, source);
    assert!(set.errors.is_empty(), "{:?}", set.errors);
    assert_eq!(set.warnings.len(), 1, "{:?}", set.warnings);
}

#[test]
fn a_dated_cards_template_asks_for_the_period() {
    let text = include_str!("../../../../tests/cards/valid/tour.card").replace(
        "    total  30\n",
        "    total  30\n    effective 2026-01-01..2026-06-30\n",
    );
    let source = crate::SourceFile::new("dated.card", text);
    let card = crate::compile(&source)
        .expect("the dated card compiles")
        .into_card();
    assert!(
        card.stamp().effective.is_some(),
        "the tour card's total moved"
    );
    let columns = columns(&card);
    let headers: Vec<&str> = columns.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(
        headers[..6],
        ["工号", "姓名", "品牌", "门店", "期间", "客户满意率"]
    );
    assert!(columns[4]
        .description
        .contains("本表 2026-01-01..2026-06-30 有效"));
    // Filled in (the period left for HR to type), it reads back with every
    // column bound: the period column is the reader's, not an unknown one.
    let rows = tour_rows(&tour());
    let bytes = template_xlsx_with_rows(&card, &rows).unwrap();
    let source = XlsxSource::from_bytes(bytes, "模板.xlsx", None).unwrap();
    let set = data::read(&card, source);
    assert!(
        set.is_ok() && set.warnings.is_empty(),
        "{:?} {:?}",
        set.errors,
        set.warnings
    );
    for (back, row) in set.rows.iter().zip(&rows) {
        assert_eq!(back.values, row.values, "{}", row.employee.id);
    }
}
