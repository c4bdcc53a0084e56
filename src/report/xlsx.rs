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

use super::common::{derived_order, with_trace};
use super::explain::{block_reasons, item_reasons};
use super::groups::CardResults;
use super::rank::ranks;
use super::sheet::{NumberStyle, SheetWriter};
use super::Options;
use crate::check::CheckedCard;
use crate::data::Employee;
use crate::eval::ScoreResult;
use crate::syntax::ast::AdjustmentKind;
use crate::value::{Type, Unit, Value};
use rust_decimal::Decimal;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, Worksheet, XlsxError};
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
    xlsx_with_notes(card, results, inputs, &[], options)
}

/// [`xlsx_bytes`], with a sheet 说明 listing `notes` (when there are any).
pub fn xlsx_with_notes(
    card: &CheckedCard,
    results: &[ScoreResult],
    inputs: &[&[Value]],
    notes: &[String],
    options: &Options,
) -> Result<Vec<u8>, XlsxError> {
    one_card(card, results, inputs, notes, options, SHEET_ROWS)
}

/// [`xlsx_with_notes`], with `limit` rows a sheet.
pub(super) fn one_card(
    card: &CheckedCard,
    results: &[ScoreResult],
    inputs: &[&[Value]],
    notes: &[String],
    options: &Options,
    limit: u32,
) -> Result<Vec<u8>, XlsxError> {
    let mut book = workbook();
    book.set_properties(&properties(card.display_name(), options)?);
    summary_sheet(&mut book, "汇总", card, results)?;
    let part = CardResults {
        inputs,
        ..CardResults::new(card, results)
    };
    let more = detail_sheet(&mut book, &[part], false, limit)?;
    notes_sheet(&mut book, &with_note(notes, more))?;
    book.save_to_buffer()
}

/// A workbook of several cards (a rules directory's month): sheet 汇总 with
/// everyone (工号, 姓名, 品牌, 门店, the card, 总分, 等级), a sheet per card
/// in that card's own columns, sheet 明细 with every item of everyone (and
/// the card), and 说明 with the notes.
pub fn xlsx_cards(
    title: &str,
    cards: &[CardResults],
    notes: &[String],
    options: &Options,
) -> Result<Vec<u8>, XlsxError> {
    let mut book = workbook();
    book.set_properties(&properties(title, options)?);
    everyone_sheet(&mut book, cards)?;
    let mut names: Vec<String> = vec!["汇总".into(), "明细".into(), "说明".into()];
    for part in cards {
        let name = sheet_name(part, &names);
        summary_sheet(&mut book, &name, part.card, part.results)?;
        names.push(name);
    }
    let more = detail_sheet(&mut book, cards, true, SHEET_ROWS)?;
    notes_sheet(&mut book, &with_note(notes, more))?;
    book.save_to_buffer()
}

/// A sheet name for a card: its name (and tag), at most 31 characters,
/// without the characters Excel forbids, unlike every name in `taken`.
fn sheet_name(part: &CardResults, taken: &[String]) -> String {
    let mut base: String = match part.tag {
        Some(tag) => format!("{} {tag}", part.card.name),
        None => part.card.name.clone(),
    }
    .chars()
    .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
    .take(28)
    .collect();
    if base.trim().is_empty() {
        base = "考核表".into();
    }
    let mut name = base.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        name = format!("{base}({n})");
        n += 1;
    }
    name
}

/// Everyone, whatever their card: who, the card, total and grade.
fn everyone_sheet(book: &mut Workbook, cards: &[CardResults]) -> Result<(), XlsxError> {
    let mut w = SheetWriter::new(new_sheet(book, "汇总")?);
    let all: Vec<&ScoreResult> = cards.iter().flat_map(|c| c.results).collect();
    let who = Who::of_all(&all);
    let mut titles = who.titles();
    let frozen = titles.len().min(2);
    titles.extend(["考核表", "总分", "等级"].map(String::from));
    w.header(&titles)?;
    let mut row = 0u32;
    for part in cards {
        let name = match part.tag {
            Some(tag) => format!("{} · {tag}", part.card.display_name()),
            None => part.card.display_name().to_string(),
        };
        // A pay card gives no points: its total would read as a score of 0.
        let scored = !part.card.sections.is_empty() || !part.card.adjustments.is_empty();
        for r in part.results {
            row += 1;
            let c = who.write(&mut w, row, &r.employee)?;
            w.text(row, c, &name)?;
            if scored {
                w.number(row, c + 1, r.scores.total, NumberStyle::Plain)?;
            }
            w.text(row, c + 2, r.grade(part.card).map_or("", |g| g))?;
        }
    }
    w.finish(row, frozen)
}

/// A workbook compressed at level 3: deflate was about half the time of
/// writing a large report at the default level 6 (100 000 S1 rows: 12 s
/// instead of 21), for a file about a fifth larger.
fn workbook() -> Workbook {
    let mut book = Workbook::new();
    book.set_zip_compression_level(3);
    book
}

/// The run's notes, and the workbook's own (a sheet gone on over several).
fn with_note(notes: &[String], more: Option<String>) -> Vec<String> {
    notes.iter().cloned().chain(more).collect()
}

/// The notes, one per row, on a sheet of their own (none: no sheet).
fn notes_sheet(book: &mut Workbook, notes: &[String]) -> Result<(), XlsxError> {
    if notes.is_empty() {
        return Ok(());
    }
    let sheet = book.add_worksheet();
    sheet.set_name("说明")?;
    let mut w = SheetWriter::new(sheet);
    w.header(&["说明".to_string()])?;
    for (i, note) in notes.iter().enumerate() {
        w.long_text(i as u32 + 1, 0, note)?;
    }
    w.finish(notes.len() as u32, 0)
}

fn properties(title: &str, options: &Options) -> Result<DocProperties, XlsxError> {
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
        .set_title(title)
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
        Who::of_all(&results.iter().collect::<Vec<_>>())
    }

    fn of_all(results: &[&ScoreResult]) -> Who {
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
    name: &str,
    card: &CheckedCard,
    results: &[ScoreResult],
) -> Result<(), XlsxError> {
    let mut w = SheetWriter::new(new_sheet(book, name)?);
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

/// Every item and block of every employee of `cards`, with the reason for
/// each point lost; `card_column`: which card scored the row (several cards).
/// A sheet holds `limit` rows below its header; more go on over new sheets
/// (明细 (2) …), and the note returned says so.
fn detail_sheet(
    book: &mut Workbook,
    cards: &[CardResults],
    card_column: bool,
    limit: u32,
) -> Result<Option<String>, XlsxError> {
    let mut w = SheetWriter::new(new_sheet(book, "明细")?);
    let all: Vec<&ScoreResult> = cards.iter().flat_map(|c| c.results).collect();
    let who = Who::of_all(&all);
    let mut titles = who.titles();
    let frozen = titles.len().min(2);
    if card_column {
        titles.push("考核表".into());
    }
    titles.extend(["分类", "项目", "满分", "得分", "扣分", "原因"].map(String::from));
    w.header(&titles)?;

    let mut row = 0u32;
    // Sheets beyond the first, at Excel's row limit.
    let mut more = 0;
    for part in cards {
        let card = part.card;
        let write_who = |w: &mut SheetWriter, row: u32, e: &Employee| -> Result<usize, XlsxError> {
            let c = who.write(w, row, e)?;
            if card_column {
                w.text(row, c, card.display_name())?;
                return Ok(c + 1);
            }
            Ok(c)
        };
        for (i, r) in part.results.iter().enumerate() {
            let inputs = part.inputs.get(i).copied();
            let r = &*with_trace(card, r, inputs);
            for (item_index, (item, &score)) in card.items.iter().zip(&r.scores.items).enumerate() {
                if row == limit {
                    w.finish(row, frozen)?;
                    more += 1;
                    w = SheetWriter::new(new_sheet(book, &format!("明细 ({})", more + 1))?);
                    w.header(&titles)?;
                    row = 0;
                }
                row += 1;
                let section = &card.sections[item.section];
                let mut c = write_who(&mut w, row, &r.employee)?;
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
                if row == limit {
                    w.finish(row, frozen)?;
                    more += 1;
                    w = SheetWriter::new(new_sheet(book, &format!("明细 ({})", more + 1))?);
                    w.header(&titles)?;
                    row = 0;
                }
                row += 1;
                let c = write_who(&mut w, row, &r.employee)?;
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
    }
    w.finish(row, frozen)?;
    Ok((more > 0).then(|| {
        format!(
            "明细 has more rows than an Excel sheet holds ({limit} below its header): it goes on in sheets 明细 (2) to 明细 ({})",
            more + 1
        )
    }))
}

/// Rows a sheet holds below its header: Excel's limit is 1 048 576 in all.
const SHEET_ROWS: u32 = 1_048_575;

/// A worksheet written row by row, each row flushed to a temporary file as
/// the next starts (rust_xlsxwriter's constant-memory mode): memory holds
/// one row, not the sheet.
fn new_sheet<'b>(book: &'b mut Workbook, name: &str) -> Result<&'b mut Worksheet, XlsxError> {
    let sheet = book.add_worksheet_with_constant_memory()?;
    sheet.set_name(name)?;
    Ok(sheet)
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
