//! The fill-in workbook: sheet 数据 with one header per column, a note on
//! each header saying what goes there, each column pre-formatted for its
//! type (percentages as percentages, money with fen) and guarded by an Excel
//! data-validation rule (a percentage within its range, a whole number of
//! times, 是/否 from a list) with a prompt and an error message; then sheet
//! 填写说明 listing every column. Sheet 数据 comes first, so the reader
//! reads it without `--sheet`.

use super::{columns, range_text, Column, RoleSheet};
use crate::check::model::{CheckedCard, Input};
use crate::data::Row;
use crate::report::sheet::{NumberStyle, SheetWriter};
use crate::value::{InputType, Value};
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{
    DataValidation, DataValidationRule, DocProperties, ExcelDateTime, Format, Note, Workbook,
    Worksheet, XlsxError,
};

/// Rows the validation rules cover below the header.
const VALIDATED_ROWS: u32 = 10_000;
/// Excel's limits on a validation prompt's title and message.
const TITLE_CHARS: usize = 32;
const MESSAGE_CHARS: usize = 255;

/// The empty template's bytes.
pub fn template_xlsx(card: &CheckedCard) -> Result<Vec<u8>, XlsxError> {
    template_xlsx_with_rows(card, &[])
}

/// The template filled with `rows` (bound to `card`): a month's data in the
/// form HR fills, or an export from another system put into it.
pub fn template_xlsx_with_rows(card: &CheckedCard, rows: &[Row]) -> Result<Vec<u8>, XlsxError> {
    let columns = columns(card);
    let mut book = Workbook::new();
    // A fixed date, so the same card always gives the same bytes.
    book.set_properties(
        &DocProperties::new()
            .set_title(format!("{} 填写模板", card.display_name()))
            .set_creation_datetime(&ExcelDateTime::from_ymd(1980, 1, 1)?),
    );
    let sheet = book.add_worksheet();
    sheet.set_name("数据")?;
    let mut w = SheetWriter::new(sheet);
    let headers: Vec<String> = columns.iter().map(|c| c.header.clone()).collect();
    w.header(&headers)?;
    for (c, column) in columns.iter().enumerate() {
        let note = Note::new(&column.description).set_author("scorecard");
        w.sheet().insert_note(0, col(c), &note)?;
        if let Some(i) = column.input {
            guard(
                w.sheet(),
                c,
                &card.inputs()[i],
                &column.header,
                &column.description,
            )?;
        }
    }
    let first_input = columns
        .iter()
        .position(|c| c.input.is_some())
        .unwrap_or(columns.len());
    for (r, row) in rows.iter().enumerate() {
        fill(&mut w, r as u32 + 1, card, row, first_input)?;
    }
    w.finish(rows.len().max(1) as u32, 2)?;
    instructions(book.add_worksheet(), card, &columns)?;
    book.save_to_buffer()
}

/// The fill-in workbook of a rules directory: a sheet per role (named after
/// it, so `eval rules/ 模板.xlsx` gives each sheet's rows its role), then
/// 填写说明 with every role's columns and the cards that score them.
pub fn rules_xlsx(sheets: &[RoleSheet], title: &str) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    book.set_properties(
        &DocProperties::new()
            .set_title(format!("{title} 填写模板"))
            .set_creation_datetime(&ExcelDateTime::from_ymd(1980, 1, 1)?),
    );
    for role in sheets {
        let sheet = book.add_worksheet();
        let name: String = role
            .role
            .chars()
            .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
            .take(31)
            .collect();
        sheet.set_name(&name)?;
        let mut w = SheetWriter::new(sheet);
        let headers: Vec<String> = role.columns.iter().map(|c| c.header.clone()).collect();
        w.header(&headers)?;
        for (c, column) in role.columns.iter().enumerate() {
            let note = Note::new(&column.description).set_author("scorecard");
            w.sheet().insert_note(0, col(c), &note)?;
            if let Some(input) = &column.input {
                guard(w.sheet(), c, input, &column.header, &column.description)?;
            }
        }
        w.finish(1, 2)?;
    }
    let sheet = book.add_worksheet();
    sheet.set_name("填写说明")?;
    let mut w = SheetWriter::new(sheet);
    w.header(&[
        "岗位".to_string(),
        "列名".to_string(),
        "填写说明".to_string(),
    ])?;
    let mut r = 0;
    for role in sheets {
        for column in &role.columns {
            r += 1;
            w.text(r, 0, &role.role)?;
            w.text(r, 1, &column.header)?;
            w.text(r, 2, &column.description)?;
        }
        r += 1;
        w.text(r, 0, &role.role)?;
        w.text(r, 1, "考核表")?;
        w.text(r, 2, &role.cards.join("；"))?;
    }
    r += 2;
    w.text(
        r,
        0,
        "每个岗位一页，每行填一名员工；页名和列名请勿改动。品牌、门店决定使用哪张考核表。",
    )?;
    w.finish(r, 1)?;
    book.save_to_buffer()
}

/// The column's cell format and validation rule.
fn guard(
    sheet: &mut Worksheet,
    c: usize,
    input: &Input,
    header: &str,
    description: &str,
) -> Result<(), XlsxError> {
    let format = match input.ty {
        InputType::Percent => Some("0.0##%"),
        InputType::Money => Some("#,##0.00"),
        InputType::Count | InputType::Days => Some("0"),
        _ => None,
    };
    if let Some(code) = format {
        sheet.set_column_format(col(c), &Format::new().set_num_format(code))?;
    }
    let range = input
        .range
        .and_then(|(lo, hi)| Some((lo.to_f64()?, hi.to_f64()?)));
    let (validation, error) = match input.ty {
        InputType::Bool => (
            DataValidation::new().allow_list_strings(&["是", "否"])?,
            "请选择 是 或 否".to_string(),
        ),
        InputType::Count | InputType::Days => {
            let rule = match input
                .range
                .and_then(|(lo, hi)| Some((lo.to_i32()?, hi.to_i32()?)))
            {
                Some((lo, hi)) => DataValidationRule::Between(lo.max(0), hi),
                None => DataValidationRule::GreaterThanOrEqualTo(0),
            };
            (
                DataValidation::new().allow_whole_number(rule),
                format!("请填写 0 或正整数{}", in_range(input)),
            )
        }
        InputType::Percent | InputType::Number | InputType::Rating | InputType::Money => {
            let rule = match range {
                Some((lo, hi)) => DataValidationRule::Between(lo, hi),
                // Any number: the bounds only keep text out.
                None => DataValidationRule::Between(-1e15, 1e15),
            };
            let what = if input.ty == InputType::Percent {
                "百分比（如 98%）"
            } else {
                "数字"
            };
            (
                DataValidation::new().allow_decimal_number(rule),
                format!("请填写{what}{}", in_range(input)),
            )
        }
    };
    let validation = validation
        .set_input_title(clip(header, TITLE_CHARS))?
        .set_input_message(clip(description, MESSAGE_CHARS))?
        .set_error_title(clip(header, TITLE_CHARS))?
        .set_error_message(clip(&error, MESSAGE_CHARS))?;
    sheet.add_data_validation(1, col(c), VALIDATED_ROWS, col(c), &validation)?;
    Ok(())
}

/// `，范围 0%–100%`, or nothing.
fn in_range(input: &Input) -> String {
    range_text(input).map_or(String::new(), |r| format!("，范围 {r}"))
}

/// One row of data, typed as the template's columns are; the inputs start
/// at column `first_input`.
fn fill(
    w: &mut SheetWriter,
    r: u32,
    card: &CheckedCard,
    row: &Row,
    first_input: usize,
) -> Result<(), XlsxError> {
    let e = &row.employee;
    w.text(r, 0, &e.id)?;
    for (c, field) in [&e.name, &e.brand, &e.store].into_iter().enumerate() {
        w.text(r, c + 1, field.as_deref().unwrap_or(""))?;
    }
    for (i, (input, value)) in card.inputs().iter().zip(&row.values).enumerate() {
        let c = first_input + i;
        match value {
            Value::Num(d) => {
                let style = match input.ty {
                    InputType::Percent => NumberStyle::Percent,
                    InputType::Money => NumberStyle::Money,
                    _ => NumberStyle::Plain,
                };
                w.number(r, c, *d, style)?;
            }
            Value::Bool(b) => w.text(r, c, if *b { "是" } else { "否" })?,
            Value::Text(t) => w.text(r, c, t)?,
            Value::Missing => {}
        }
    }
    Ok(())
}

/// Sheet 填写说明: every column and what goes in it.
fn instructions(
    sheet: &mut Worksheet,
    card: &CheckedCard,
    columns: &[Column],
) -> Result<(), XlsxError> {
    sheet.set_name("填写说明")?;
    let mut w = SheetWriter::new(sheet);
    w.header(&["列名".to_string(), "填写说明".to_string()])?;
    for (r, column) in columns.iter().enumerate() {
        w.text(r as u32 + 1, 0, &column.header)?;
        w.text(r as u32 + 1, 1, &column.description)?;
    }
    let after = columns.len() as u32 + 2;
    let about = format!(
        "考核表：{}（{}）。在“数据”页每行填一名员工；列名请勿改动。",
        card.display_name(),
        card.source().name
    );
    w.text(after, 0, &about)?;
    w.finish(columns.len() as u32, 1)
}

/// At most `n` characters (Excel refuses longer prompts).
fn clip(text: &str, n: usize) -> String {
    text.chars().take(n).collect()
}

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}
