//! The results as an Excel workbook, for HR to sort, filter and hand to
//! store managers.
//!
//! * **汇总 (summary)**: one row per employee — 工号, 姓名, 品牌, 门店 (each
//!   when some row has it), every section, every bonus/penalty block, 总分,
//!   等级, 排名 (the rank of the total within this file: 1 is best, ties share
//!   a rank), then every band and output (pay).
//! * **明细 (detail)**: one row per employee and item, then per bonus/penalty
//!   block — its section, points, score, points lost, and the reason for
//!   every point lost, quoting the card and its line as `explain` does.
//!
//! Headers are Chinese (the workbook goes to store managers) and the header
//! row is frozen with a filter on it; numbers are Excel numbers (money with
//! two decimals, percentages as percentages) so they sum and sort; columns
//! are as wide as their Chinese text. The workbook's creation time is the one
//! given in [`Options`], else a fixed date, so the same results give the same bytes.

use super::common::derived_order;
use super::explain::{block_reasons, item_reasons};
use super::rank::ranks;
use super::sheet::{NumberStyle, SheetWriter};
use super::Options;
use crate::check::CheckedCard;
use crate::data::Employee;
use crate::eval::ScoreResult;
use crate::syntax::ast::AdjustmentKind;
use crate::value::{Type, Unit, Value};
use rust_decimal::Decimal;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, XlsxError};
use std::io::{self, Write};

/// Writes the workbook. `inputs[i]`, when given, holds `results[i]`'s input
/// values, so a reason can show what a condition read.
pub fn write_xlsx(
    card: &CheckedCard,
    results: &[ScoreResult],
    inputs: &[&[Value]],
    options: &Options,
    out: &mut impl Write,
) -> io::Result<()> {
    let bytes = xlsx_bytes(card, results, inputs, options).map_err(io::Error::other)?;
    out.write_all(&bytes)
}

/// The workbook's bytes.
pub fn xlsx_bytes(
    card: &CheckedCard,
    results: &[ScoreResult],
    inputs: &[&[Value]],
    options: &Options,
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    book.set_properties(&properties(card, options)?);
    summary_sheet(&mut book, card, results)?;
    detail_sheet(&mut book, card, results, inputs)?;
    book.save_to_buffer()
}

fn properties(card: &CheckedCard, options: &Options) -> Result<DocProperties, XlsxError> {
    let created = match options.created {
        Some(time) => {
            let seconds = time
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs());
            ExcelDateTime::from_timestamp(i64::try_from(seconds).unwrap_or(0))?
        }
        // The zip format's own epoch, which the archive's entries carry too.
        None => ExcelDateTime::from_ymd(1980, 1, 1)?,
    };
    Ok(DocProperties::new()
        .set_title(card.display_name())
        .set_creation_datetime(&created))
}

/// Which employee columns to show: those some row fills.
struct Who {
    name: bool,
    brand: bool,
    store: bool,
}

impl Who {
    fn of(results: &[ScoreResult]) -> Who {
        let has = |f: fn(&Employee) -> bool| results.iter().any(|r| f(&r.employee));
        Who {
            name: has(|e| e.name.is_some()),
            brand: has(|e| e.brand.is_some()),
            store: has(|e| e.store.is_some()),
        }
    }

    fn titles(&self) -> Vec<String> {
        let mut titles = vec!["工号".to_string()];
        for (shown, title) in [
            (self.name, "姓名"),
            (self.brand, "品牌"),
            (self.store, "门店"),
        ] {
            if shown {
                titles.push(title.to_string());
            }
        }
        titles
    }

    /// Writes the employee's cells from column 0; returns the next column.
    fn write(&self, w: &mut SheetWriter, row: u32, e: &Employee) -> Result<usize, XlsxError> {
        w.text(row, 0, &e.id)?;
        let mut c = 1;
        for (shown, value) in [
            (self.name, &e.name),
            (self.brand, &e.brand),
            (self.store, &e.store),
        ] {
            if shown {
                w.text(row, c, value.as_deref().unwrap_or(""))?;
                c += 1;
            }
        }
        Ok(c)
    }
}

fn summary_sheet(
    book: &mut Workbook,
    card: &CheckedCard,
    results: &[ScoreResult],
) -> Result<(), XlsxError> {
    let sheet = book.add_worksheet();
    sheet.set_name("汇总")?;
    let mut w = SheetWriter::new(sheet);
    let who = Who::of(results);
    let derived = derived_order(card);
    let mut titles = who.titles();
    let frozen = titles.len().min(2);
    titles.extend(
        card.sections
            .iter()
            .map(|s| s.label.clone().unwrap_or_else(|| s.name.clone())),
    );
    titles.extend(
        card.adjustments
            .iter()
            .map(|a| a.display_name().to_string()),
    );
    titles.push("总分".into());
    if card.grade.is_some() {
        titles.push("等级".into());
    }
    titles.push("排名".into());
    titles.extend(
        derived
            .iter()
            .map(|&i| card.derived[i].display_name().to_string()),
    );
    w.header(&titles)?;

    let ranks = ranks(results);
    for (i, (r, rank)) in results.iter().zip(ranks).enumerate() {
        let row = i as u32 + 1;
        let mut c = who.write(&mut w, row, &r.employee)?;
        let amounts = r.scores.sections.iter().chain(&r.scores.adjustments);
        for &amount in amounts.chain([&r.scores.total]) {
            w.number(row, c, amount, NumberStyle::Plain)?;
            c += 1;
        }
        if card.grade.is_some() {
            w.text(row, c, r.grade(card).map_or("", |g| g))?;
            c += 1;
        }
        w.number(row, c, Decimal::from(rank), NumberStyle::Plain)?;
        c += 1;
        for &d in &derived {
            value_cell(&mut w, row, c, &r.scores.derived[d], card.derived[d].ty)?;
            c += 1;
        }
    }
    w.finish(results.len() as u32, frozen)
}

fn detail_sheet(
    book: &mut Workbook,
    card: &CheckedCard,
    results: &[ScoreResult],
    inputs: &[&[Value]],
) -> Result<(), XlsxError> {
    let sheet = book.add_worksheet();
    sheet.set_name("明细")?;
    let mut w = SheetWriter::new(sheet);
    let who = Who::of(results);
    let mut titles = who.titles();
    let frozen = titles.len().min(2);
    titles.extend(["分类", "项目", "满分", "得分", "扣分", "原因"].map(String::from));
    w.header(&titles)?;

    let mut row = 0u32;
    for (i, r) in results.iter().enumerate() {
        let inputs = inputs.get(i).copied();
        for (item_index, (item, &score)) in card.items.iter().zip(&r.scores.items).enumerate() {
            row += 1;
            let section = &card.sections[item.section];
            let mut c = who.write(&mut w, row, &r.employee)?;
            w.text(row, c, section.label.as_deref().unwrap_or(&section.name))?;
            w.text(row, c + 1, item.display_name())?;
            w.number(row, c + 2, item.points, NumberStyle::Plain)?;
            w.number(row, c + 3, score, NumberStyle::Plain)?;
            w.number(row, c + 4, item.points - score, NumberStyle::Plain)?;
            c += 5;
            let reasons = item_reasons(card, r, inputs, item_index);
            w.long_text(row, c, &reasons.join("\n"))?;
        }
        let blocks = card.adjustments.iter().zip(&r.scores.adjustments);
        for (b, (block, &amount)) in blocks.enumerate() {
            row += 1;
            let c = who.write(&mut w, row, &r.employee)?;
            let kind = match block.kind {
                AdjustmentKind::Bonus => "加分项",
                AdjustmentKind::Penalty => "扣分项",
            };
            w.text(row, c, kind)?;
            w.text(row, c + 1, block.display_name())?;
            // A bonus's cap is the most it can add: its "full marks".
            if let (AdjustmentKind::Bonus, Some(cap)) = (block.kind, block.cap) {
                w.number(row, c + 2, cap, NumberStyle::Plain)?;
            }
            w.number(row, c + 3, amount, NumberStyle::Plain)?;
            if block.kind == AdjustmentKind::Penalty {
                w.number(row, c + 4, -amount, NumberStyle::Plain)?;
            }
            w.long_text(row, c + 5, &block_reasons(card, r, b).join("\n"))?;
        }
    }
    w.finish(row, frozen)
}

/// A band or output: a number in its unit's style, yes/no as 是/否, blank when missing.
fn value_cell(
    w: &mut SheetWriter,
    row: u32,
    c: usize,
    value: &Value,
    ty: Type,
) -> Result<(), XlsxError> {
    match value {
        Value::Num(d) => {
            let style = match ty {
                Type::Num(Unit::Money) => NumberStyle::Money,
                Type::Num(Unit::Percent) => NumberStyle::Percent,
                _ => NumberStyle::Plain,
            };
            w.number(row, c, *d, style)
        }
        Value::Bool(b) => w.text(row, c, if *b { "是" } else { "否" }),
        Value::Text(t) => w.text(row, c, t),
        Value::Missing => Ok(()),
    }
}
