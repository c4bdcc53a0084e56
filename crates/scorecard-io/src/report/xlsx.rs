//! The results as an Excel workbook, for HR to sort, filter, print and hand
//! to store managers.
//!
//! * **汇总 (summary)**: one row per employee — 工号, 姓名, 品牌, 门店 (each
//!   when some row has it), every section, every bonus/penalty block, 总分,
//!   等级, 排名 (the rank of the total within this file: 1 is best, ties share
//!   a rank), then every band and output (pay). A pay card (no sections, no
//!   blocks) has no total, grade or rank: its sheet leads with its main pay
//!   output, then the inputs other cards fed it (月度考核分数), then its other
//!   outputs, and a sheet 门店合计 sums the main output per store.
//!   Then every item's score, in the card's order: the detail lists only
//!   the items that lost points.
//! * **明细 (detail)**: the lines of an appeal — one row per employee and
//!   item that lost points (or whose reason says something: a clamp), then
//!   per bonus/penalty block that added or took something — its section,
//!   points, score, points lost, and the reason for every point lost,
//!   quoting the card and its line as `explain` does. A heading above the
//!   header says so: an item not listed scored its full points (its score
//!   is on the summary). Listing every item took 24 rows a person, most of
//!   them "full marks, no reason", and most of the time of a large report.
//!
//! Headers come from the catalogue (Chinese by default); the header row is
//! frozen with a filter on it, repeated on every printed page, and each sheet
//! prints landscape on A4, one page wide, with the card (and period) in the
//! page header and the page number in the footer. 工号 is text, so `00123`
//! keeps its zeros. Numbers are Excel numbers (money rounded to the fen with
//! two decimals, percentages as percentages) so they sum and sort; columns
//! are as wide as their Chinese text. The workbook's creation time is the one
//! given in [`Options`], else a fixed date, so the same results give the
//! same bytes.
//!
//! One layout, two ways in: every result at once ([`xlsx_with_notes`]), or a
//! row at a time from the streamed scorer ([`XlsxRows`] formats a row on a
//! worker, [`XlsxSink`] lays it out), each row written to sheets held in
//! rust_xlsxwriter's constant-memory mode, so memory stays flat.

use super::common::CardResults;
use super::common::{derived_order, is_scored, main_output, with_trace};
use super::explain::{block_reasons, item_reasons};
use super::sheet::{print_setup, Columns, NumberStyle, SheetWriter};
use super::Options;
use crate::check::CheckedCard;
use crate::data::Employee;
use crate::eval::{ScoreResult, Scores};
use crate::period::Period;
use crate::syntax::ast::AdjustmentKind;
use crate::t;
use crate::value::{Type, Unit, Value};
use rust_decimal::Decimal;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, Worksheet, XlsxError};
use std::io::{self, Write};
use std::sync::Arc;

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
    xlsx_with_notes(card, results, inputs, &[], &[], options)
}

/// [`xlsx_bytes`], with a sheet 说明 listing `notes` (when there are any).
/// `fed`: the inputs other cards' results fed in this run.
pub fn xlsx_with_notes(
    card: &CheckedCard,
    results: &[ScoreResult],
    inputs: &[&[Value]],
    notes: &[String],
    fed: &[usize],
    options: &Options,
) -> Result<Vec<u8>, XlsxError> {
    one_card(card, results, inputs, notes, fed, options, SHEET_ROWS)
}

/// [`xlsx_with_notes`], with `limit` rows a sheet.
pub(super) fn one_card(
    card: &CheckedCard,
    results: &[ScoreResult],
    inputs: &[&[Value]],
    notes: &[String],
    fed: &[usize],
    options: &Options,
    limit: u32,
) -> Result<Vec<u8>, XlsxError> {
    let mut facts = Facts {
        fed: fed.to_vec(),
        ..Facts::default()
    };
    for r in results {
        facts.add(&r.employee, r.scores.total);
    }
    let mut book = Book::new(card, facts, options, limit)?;
    let mut reasons = Reasons::default();
    for (i, r) in results.iter().enumerate() {
        let inputs = inputs.get(i).copied();
        let r = with_trace(card, r, inputs);
        reasons.of(card, &r, inputs);
        book.person(&r.employee, &r.scores, inputs, &reasons)?;
    }
    let mut out = Vec::new();
    book.finish(notes, &mut out)?;
    Ok(out)
}

/// What the workbook must know of every row before it writes the first:
/// which employee columns some row fills, the periods, and every total
/// (for the ranks). Gathered from the results, or by a first pass over the
/// data ([`XlsxRows::totals`]).
#[derive(Debug, Clone, Default)]
pub struct Facts {
    name: bool,
    brand: bool,
    store: bool,
    first: Option<Period>,
    last: Option<Period>,
    /// Every total, best first once [`sorted`](Facts::sort).
    totals: Vec<Decimal>,
    sorted: bool,
    /// A pay card's inputs that other cards' results fed in this run (a
    /// manifest step's `from`, `--from`): shown beside its pay.
    fed: Vec<usize>,
}

impl Facts {
    fn add(&mut self, e: &Employee, total: Decimal) {
        self.note(
            e.name.is_some(),
            e.brand.is_some(),
            e.store.is_some(),
            e.period,
        );
        self.totals.push(total);
        self.sorted = false;
    }

    fn note(&mut self, name: bool, brand: bool, store: bool, period: Option<Period>) {
        self.name |= name;
        self.brand |= brand;
        self.store |= store;
        if let Some(p) = period {
            self.first = Some(self.first.map_or(p, |f| f.min(p)));
            self.last = Some(self.last.map_or(p, |l| l.max(p)));
        }
    }

    fn sort(&mut self) {
        if !self.sorted {
            self.totals.sort_unstable_by(|a, b| b.cmp(a));
            self.sorted = true;
        }
    }

    /// The rank of `total`: one more than the number of totals strictly
    /// above it (84, 80, 80, 75 rank 1, 2, 2, 4), as [`super::ranks`].
    fn rank(&self, total: Decimal) -> usize {
        1 + self.totals.partition_point(|t| *t > total)
    }

    /// `2026-10`, `2026-10 – 2026-12`, or nothing.
    fn period(&self) -> Option<String> {
        match (self.first, self.last) {
            (Some(a), Some(b)) if a == b => Some(a.to_string()),
            (Some(a), Some(b)) => Some(format!("{a} – {b}")),
            _ => None,
        }
    }
}

/// The reasons shown beside each item and block of one person, a cell each.
#[derive(Debug, Default)]
pub struct Reasons {
    items: Vec<String>,
    blocks: Vec<String>,
    /// Reasons written already, by what they were written from (see
    /// [`Reasons::key`]): many people lose points the same way, and writing
    /// a reason (the catalogue's sentences, the card's words) costs more
    /// than the rest of the workbook's row.
    known: rustc_hash::FxHashMap<Vec<u8>, String>,
    /// Per item, the inputs its rules read; `None` when a rule reads
    /// something beyond the row's inputs and its trace (a hook, another
    /// item, a band …): its reasons are written every time.
    reads: Option<Vec<Option<Vec<usize>>>>,
    /// The card `known` and `reads` are of (its address; the cards of a
    /// workbook of several are all alive while it is written).
    card: usize,
    key: Vec<u8>,
}

/// Reasons kept at most before the cache starts again.
const KNOWN_REASONS: usize = 50_000;

impl Reasons {
    /// `r`'s reasons (`r` has its trace).
    fn of(&mut self, card: &CheckedCard, r: &ScoreResult, inputs: Option<&[Value]>) {
        self.items.clear();
        self.blocks.clear();
        let address = std::ptr::from_ref(card) as usize;
        if self.card != address {
            self.card = address;
            self.known.clear();
            self.reads = None;
        }
        if self.known.len() > KNOWN_REASONS {
            self.known.clear();
        }
        let reads = self
            .reads
            .get_or_insert_with(|| card.items().iter().map(item_reads).collect());
        let trace = r.traced();
        for (i, item) in card.items().iter().enumerate() {
            // An item at full points, with nothing deducted or clamped, has
            // no reason to give (as `explain` has none for it).
            let t = &trace.items[i];
            let quiet = t.score >= item.points
                && t.clamp.is_none()
                && t.deductions.iter().all(|h| h.count.is_zero());
            if quiet {
                self.items.push(String::new());
                continue;
            }
            let Some(read) = &reads[i] else {
                self.items.push(item_reasons(card, r, inputs, i).join("\n"));
                continue;
            };
            // The sentences are the same for the same trace and the same
            // values of the inputs the item reads.
            let key = &mut self.key;
            key.clear();
            key.push(0);
            key.extend_from_slice(&(i as u32).to_le_bytes());
            item_key(key, t);
            key.push(u8::from(inputs.is_some()));
            for &input in read {
                put_value(
                    key,
                    inputs.and_then(|v| v.get(input)).unwrap_or(&Value::Missing),
                );
            }
            let text = match self.known.get(key.as_slice()) {
                Some(text) => text.clone(),
                None => {
                    let text = item_reasons(card, r, inputs, i).join("\n");
                    self.known.insert(key.clone(), text.clone());
                    text
                }
            };
            self.items.push(text);
        }
        for (b, t) in trace.adjustments.iter().enumerate() {
            if !t.capped && t.lines.iter().all(|h| h.count.is_zero()) {
                self.blocks.push(String::new());
                continue;
            }
            // A block's sentences read its trace alone.
            let key = &mut self.key;
            key.clear();
            key.push(1);
            key.extend_from_slice(&(b as u32).to_le_bytes());
            for h in &t.lines {
                key.extend_from_slice(&h.count.serialize());
                key.extend_from_slice(&h.amount.serialize());
            }
            key.extend_from_slice(&t.amount.serialize());
            key.push(u8::from(t.capped));
            key.extend_from_slice(&t.uncapped.serialize());
            let text = match self.known.get(key.as_slice()) {
                Some(text) => text.clone(),
                None => {
                    let text = block_reasons(card, r, b).join("\n");
                    self.known.insert(key.clone(), text.clone());
                    text
                }
            };
            self.blocks.push(text);
        }
    }
}

/// An item's trace, as bytes that differ when any of it differs.
fn item_key(key: &mut Vec<u8>, t: &crate::eval::result::ItemScore) {
    use crate::eval::result::{BaseTrace, Clamp};
    let decimal = |key: &mut Vec<u8>, d: &Decimal| key.extend_from_slice(&d.serialize());
    decimal(key, &t.score);
    decimal(key, &t.raw);
    key.push(match t.clamp {
        None => 0,
        Some(Clamp::ToZero) => 1,
        Some(Clamp::ToPoints) => 2,
    });
    for h in &t.deductions {
        decimal(key, &h.count);
        decimal(key, &h.amount);
    }
    match &t.base {
        BaseTrace::Full => key.push(0),
        BaseTrace::Tier {
            row,
            subject,
            value,
        } => {
            key.push(1);
            key.extend_from_slice(&(*row as u64).to_le_bytes());
            put_value(key, subject);
            decimal(key, value);
        }
        BaseTrace::PassFail { met, value } => {
            key.push(2);
            key.push(u8::from(*met));
            decimal(key, value);
        }
        BaseTrace::Late { days, value } => {
            key.push(3);
            match days {
                Some(d) => {
                    key.push(1);
                    decimal(key, d);
                }
                None => key.push(0),
            }
            decimal(key, value);
        }
        BaseTrace::Score { value } => {
            key.push(4);
            decimal(key, value);
        }
        BaseTrace::Rated {
            ratings,
            value,
            rounded,
        } => {
            key.push(5);
            for rating in ratings {
                match rating {
                    Some(d) => {
                        key.push(1);
                        decimal(key, d);
                    }
                    None => key.push(0),
                }
            }
            decimal(key, value);
            key.push(u8::from(*rounded));
        }
    }
}

/// The inputs `item`'s rules read, or `None` when they read anything else
/// (a hook call, another item, a section, a band, a rank …).
fn item_reads(item: &crate::check::model::Item) -> Option<Vec<usize>> {
    use crate::check::model::{BaseRule, Expr, ExprKind, Outcome};
    fn walk(e: &Expr, reads: &mut Vec<usize>) -> bool {
        match &e.kind {
            ExprKind::Input(i) | ExprKind::Present(i) => reads.push(*i),
            ExprKind::Const(_)
            | ExprKind::Neg(_)
            | ExprKind::Not(_)
            | ExprKind::Arith(..)
            | ExprKind::Compare(..)
            | ExprKind::And(..)
            | ExprKind::Or(..)
            | ExprKind::If(..)
            | ExprKind::Min(_)
            | ExprKind::Max(_)
            | ExprKind::Clamp(..)
            | ExprKind::Round(..) => {}
            _ => return false,
        }
        e.children().into_iter().all(|c| walk(c, reads))
    }
    let mut reads: Vec<usize> = item.deductions.iter().map(|d| d.input).collect();
    let pure = match &item.base {
        None => true,
        Some(BaseRule::Tiers(table)) => {
            walk(&table.subject, &mut reads)
                && table.rows.iter().all(|row| match &row.outcome {
                    Outcome::Formula(e) => walk(e, &mut reads),
                    Outcome::Full | Outcome::Minus(_) | Outcome::Fixed(_) => true,
                })
        }
        Some(BaseRule::PassFail { condition, .. }) => walk(condition, &mut reads),
        Some(BaseRule::Late { input, .. }) => {
            reads.push(*input);
            true
        }
        Some(BaseRule::Score { expr, .. }) => walk(expr, &mut reads),
        Some(BaseRule::Rated(rated)) => {
            reads.extend(rated.raters.iter().map(|r| r.input));
            true
        }
    };
    reads.sort_unstable();
    reads.dedup();
    pure.then_some(reads)
}

/// A sheet filled a row at a time, one of several in turn.
struct Sheet {
    index: usize,
    /// Away only while a row is written.
    columns: Option<Box<Columns>>,
    /// Rows written below the header.
    rows: u32,
    frozen: usize,
    /// The header's row: 0, or 1 below a heading.
    top: u32,
}

impl Sheet {
    fn new(
        book: &mut Workbook,
        name: &str,
        titles: &[String],
        frozen: usize,
    ) -> Result<Sheet, XlsxError> {
        Sheet::with_heading(book, name, None, titles, frozen)
    }

    /// A sheet with a line above its header (`heading`) saying what it holds.
    fn with_heading(
        book: &mut Workbook,
        name: &str,
        heading: Option<&str>,
        titles: &[String],
        frozen: usize,
    ) -> Result<Sheet, XlsxError> {
        let index = book.worksheets_mut().len();
        let mut w = SheetWriter::new(new_sheet(book, name)?);
        if let Some(text) = heading {
            w.heading(text)?;
        }
        w.header(titles)?;
        Ok(Sheet {
            index,
            top: w.header_row(),
            columns: Some(w.pause()),
            rows: 0,
            frozen,
        })
    }

    /// Data rows the sheet holds at most below its header: `limit`, within
    /// Excel's 1 048 576 rows.
    fn room(&self, limit: u32) -> u32 {
        limit.min(EXCEL_ROWS - 1 - self.top)
    }

    /// Writes with `write` onto the sheet's next row.
    fn row(
        &mut self,
        book: &mut Workbook,
        write: impl FnOnce(&mut SheetWriter, u32) -> Result<(), XlsxError>,
    ) -> Result<(), XlsxError> {
        let columns = self.columns.take().unwrap_or_default();
        let mut w = SheetWriter::resume(book.worksheet_from_index(self.index)?, columns);
        self.rows += 1;
        let written = write(&mut w, self.top + self.rows);
        self.columns = Some(w.pause());
        written
    }

    fn finish(mut self, book: &mut Workbook, title: &str) -> Result<(), XlsxError> {
        let columns = self.columns.take().unwrap_or_default();
        let sheet = book.worksheet_from_index(self.index)?;
        print_setup(sheet, title, self.top)?;
        SheetWriter::resume(sheet, columns).finish(self.rows, self.frozen)
    }
}

/// One card's workbook, written a person at a time.
struct Book<'c> {
    card: &'c CheckedCard,
    book: Workbook,
    facts: Facts,
    who: Who,
    limit: u32,
    /// The page header: the card, and the period.
    title: String,
    summary: Sheet,
    /// A pay card's main output summed per store.
    stores: Option<(Sheet, Vec<StoreTotal>)>,
    detail: Option<Detail>,
}

/// A store, its people, and the sum of their main pay output.
type StoreTotal = (String, usize, Decimal);

/// The detail sheets: 明细, and 明细 (2) … past Excel's row limit.
struct Detail {
    sheet: Sheet,
    titles: Vec<String>,
    /// Sheets beyond the first.
    more: u32,
}

impl<'c> Book<'c> {
    fn new(
        card: &'c CheckedCard,
        mut facts: Facts,
        options: &Options,
        limit: u32,
    ) -> Result<Book<'c>, XlsxError> {
        facts.sort();
        let mut book = workbook();
        let title = match facts.period() {
            Some(period) => format!("{} {period}", card.display_name()),
            None => card.display_name().to_string(),
        };
        book.set_properties(&properties(&title, options)?);
        let who = Who {
            name: facts.name,
            brand: facts.brand,
            store: facts.store,
        };
        let titles = summary_titles(card, &who, &facts.fed);
        let frozen = who.frozen();
        let summary = Sheet::new(&mut book, &t!("workbook-summary"), &titles, frozen)?;
        let stores = match (is_scored(card), main_output(card)) {
            (false, Some(main)) => {
                let titles = vec![
                    t!("workbook-store"),
                    t!("workbook-people"),
                    card.derived()[main].display_name().to_string(),
                ];
                let sheet = Sheet::new(&mut book, &t!("workbook-store-totals"), &titles, 1)?;
                Some((sheet, Vec::new()))
            }
            _ => None,
        };
        let detail = if card.items().is_empty() && card.adjustments().is_empty() {
            None
        } else {
            let titles = detail_titles(&who, false);
            Some(Detail {
                sheet: Detail::sheet(&mut book, &t!("workbook-detail"), &titles, frozen)?,
                titles,
                more: 0,
            })
        };
        Ok(Book {
            card,
            book,
            facts,
            who,
            limit,
            title,
            summary,
            stores,
            detail,
        })
    }

    /// One person's summary row and detail rows.
    fn person(
        &mut self,
        e: &Employee,
        scores: &Scores,
        inputs: Option<&[Value]>,
        reasons: &Reasons,
    ) -> Result<(), XlsxError> {
        let card = self.card;
        let rank = is_scored(card).then(|| self.facts.rank(scores.total));
        let who = &self.who;
        self.summary.row(&mut self.book, |w, row| {
            summary_row(w, row, card, who, e, scores, inputs, rank, &self.facts.fed)
        })?;
        if let (Some((_, stores)), Some(main)) = (&mut self.stores, main_output(card)) {
            let store = e.store.as_deref().unwrap_or("");
            let amount = match &scores.derived[main] {
                Value::Num(d) if card.derived()[main].ty == Type::Num(Unit::Money) => fen(*d),
                Value::Num(d) => *d,
                _ => Decimal::ZERO,
            };
            match stores.iter_mut().find(|(s, _, _)| s == store) {
                Some((_, people, sum)) => {
                    *people += 1;
                    *sum = sum.checked_add(amount).unwrap_or(*sum);
                }
                None => stores.push((store.to_string(), 1, amount)),
            }
        }
        let Some(detail) = &mut self.detail else {
            return Ok(());
        };
        for (i, &score) in scores.items.iter().enumerate() {
            if !item_listed(card, i, score, &reasons.items[i]) {
                continue;
            }
            detail.next(&mut self.book, self.limit, &self.title)?;
            detail.sheet.row(&mut self.book, |w, row| {
                item_row(w, row, card, who, None, e, i, score, &reasons.items[i])
            })?;
        }
        for (b, &amount) in scores.adjustments.iter().enumerate() {
            if !block_listed(amount, &reasons.blocks[b]) {
                continue;
            }
            detail.next(&mut self.book, self.limit, &self.title)?;
            detail.sheet.row(&mut self.book, |w, row| {
                block_row(w, row, card, who, None, e, b, amount, &reasons.blocks[b])
            })?;
        }
        Ok(())
    }

    /// The sheets finished, the notes (and the workbook's own) on a sheet
    /// 说明, and the workbook written to `out`.
    fn finish(mut self, notes: &[String], out: impl Write + Send) -> Result<(), XlsxError> {
        let book = &mut self.book;
        self.summary.finish(book, &self.title)?;
        if let Some((mut sheet, stores)) = self.stores {
            let money = self.card.derived()[main_output(self.card).unwrap_or(0)].ty
                == Type::Num(Unit::Money);
            let style = if money {
                NumberStyle::Money
            } else {
                NumberStyle::Plain
            };
            let (mut people, mut sum) = (0, Decimal::ZERO);
            for (store, n, amount) in &stores {
                people += n;
                sum = sum.checked_add(*amount).unwrap_or(sum);
                // Without stores in the data: the total alone.
                if !self.who.store {
                    continue;
                }
                sheet.row(book, |w, row| {
                    w.text(row, 0, store)?;
                    w.number(row, 1, Decimal::from(*n), NumberStyle::Plain)?;
                    w.number(row, 2, *amount, style)
                })?;
            }
            sheet.row(book, |w, row| {
                w.text(row, 0, &t!("workbook-all-stores"))?;
                w.number(row, 1, Decimal::from(people), NumberStyle::Plain)?;
                w.number(row, 2, sum, style)
            })?;
            sheet.finish(book, &self.title)?;
        }
        let mut all: Vec<String> = notes.to_vec();
        if let Some(detail) = self.detail {
            if detail.more > 0 {
                all.push(t!(
                    "workbook-detail-split",
                    rows = detail.sheet.room(self.limit),
                    last = detail.more + 1
                ));
            }
            detail.sheet.finish(book, &self.title)?;
        }
        notes_sheet(book, &all, &self.title)?;
        book.save_to_writer(out)
    }
}

impl Detail {
    /// A detail sheet, its heading saying which rows it lists.
    fn sheet(
        book: &mut Workbook,
        name: &str,
        titles: &[String],
        frozen: usize,
    ) -> Result<Sheet, XlsxError> {
        let heading = t!("workbook-detail-heading");
        Sheet::with_heading(book, name, Some(&heading), titles, frozen)
    }

    /// Goes on to a new sheet when this one is full.
    fn next(&mut self, book: &mut Workbook, limit: u32, title: &str) -> Result<(), XlsxError> {
        if self.sheet.rows < self.sheet.room(limit) {
            return Ok(());
        }
        self.more += 1;
        let name = t!("workbook-detail-more", n = self.more + 1);
        let next = Detail::sheet(book, &name, &self.titles, self.sheet.frozen)?;
        std::mem::replace(&mut self.sheet, next).finish(book, title)
    }
}

/// Whether the detail lists item `i` scored `score`: when it lost points
/// or its reason says something (a clamp, a deduction that cost nothing).
/// An item not listed scored its full points, as the summary shows.
fn item_listed(card: &CheckedCard, i: usize, score: Decimal, reason: &str) -> bool {
    score != card.items()[i].points || !reason.is_empty()
}

/// Whether the detail lists a bonus/penalty block: when it added or took
/// something, or its reason says something (a cap).
fn block_listed(amount: Decimal, reason: &str) -> bool {
    !amount.is_zero() || !reason.is_empty()
}

/// Money to the fen, half away from zero: what the workbook stores and shows.
fn fen(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
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
    everyone_sheet(&mut book, cards, title)?;
    let mut names: Vec<String> = vec![
        t!("workbook-summary"),
        t!("workbook-detail"),
        t!("workbook-notes"),
    ];
    for part in cards {
        let name = sheet_name(part, &names);
        let all: Vec<&ScoreResult> = part.results.iter().collect();
        let who = Who::of_all(&all);
        let mut facts = Facts::default();
        for r in part.results {
            facts.add(&r.employee, r.scores.total);
        }
        facts.sort();
        let mut sheet = Sheet::new(
            &mut book,
            &name,
            &summary_titles(part.card, &who, part.fed),
            who.frozen(),
        )?;
        let scored = is_scored(part.card);
        for (i, r) in part.results.iter().enumerate() {
            let rank = scored.then(|| facts.rank(r.scores.total));
            let inputs = part.inputs.get(i).copied();
            sheet.row(&mut book, |w, row| {
                summary_row(
                    w,
                    row,
                    part.card,
                    &who,
                    &r.employee,
                    &r.scores,
                    inputs,
                    rank,
                    part.fed,
                )
            })?;
        }
        sheet.finish(&mut book, title)?;
        names.push(name);
    }
    let more = detail_sheets(&mut book, cards, SHEET_ROWS, title)?;
    let mut all = notes.to_vec();
    all.extend(more);
    notes_sheet(&mut book, &all, title)?;
    book.save_to_buffer()
}

/// A sheet name for a card: its name (and tag), at most 31 characters,
/// without the characters Excel forbids, unlike every name in `taken`.
fn sheet_name(part: &CardResults, taken: &[String]) -> String {
    let mut base: String = match part.tag {
        Some(tag) => format!("{} {tag}", part.card.name()),
        None => part.card.name().to_string(),
    }
    .chars()
    .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
    .take(28)
    .collect();
    if base.trim().is_empty() {
        base = t!("workbook-card");
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
fn everyone_sheet(
    book: &mut Workbook,
    cards: &[CardResults],
    title: &str,
) -> Result<(), XlsxError> {
    let all: Vec<&ScoreResult> = cards.iter().flat_map(|c| c.results).collect();
    let who = Who::of_all(&all);
    let mut titles = who.titles();
    titles.extend([
        t!("workbook-card"),
        t!("workbook-total"),
        t!("workbook-grade"),
    ]);
    let mut sheet = Sheet::new(book, &t!("workbook-summary"), &titles, who.frozen())?;
    for part in cards {
        let name = match part.tag {
            Some(tag) => format!("{} · {tag}", part.card.display_name()),
            None => part.card.display_name().to_string(),
        };
        // A pay card gives no points: its total would read as a score of 0.
        let scored = is_scored(part.card);
        for r in part.results {
            sheet.row(book, |w, row| {
                let c = who.write(w, row, &r.employee)?;
                w.text(row, c, &name)?;
                if scored {
                    w.number(row, c + 1, r.scores.total, NumberStyle::Plain)?;
                }
                w.text(row, c + 2, r.grade(part.card).map_or("", |g| g))
            })?;
        }
    }
    sheet.finish(book, title)
}

/// A workbook compressed at level 2 (zlib-rs's fast deflate, no lazy
/// matches): deflating the sheets is the largest part of writing a large
/// report, and level 6 (the default) took twice the time of 3 for a file a
/// fifth smaller; 2 is faster again for a file a little larger.
///
/// Where the time of a large workbook goes (perf, 20 000 S1 rows, with the
/// detail listing only what happened and the reasons cached): about four
/// fifths of the CPU is on one thread — rust_xlsxwriter's cell calls on the
/// writing thread (58%: `store_string`, `insert_cell`, `flush_data_row`
/// formatting each row's XML) and deflating the sheets when the workbook is
/// saved (22%) — while scoring and the reasons on the workers take the
/// rest. So a second core cannot help, and rust_xlsxwriter tops out near
/// 15 000 S1 rows a second here (about 65 µs a person on that thread). The
/// 100 000 rows a second of issue 17 needs each row's XML written on the
/// workers and the sheets deflated in parallel (independent deflate blocks
/// per chunk, as pigz does, in a zip written by hand): a sheet writer of
/// our own, not done yet.
fn workbook() -> Workbook {
    let mut book = Workbook::new();
    book.set_zip_compression_level(2);
    book
}

/// The notes, one per row, on a sheet of their own (none: no sheet).
fn notes_sheet(book: &mut Workbook, notes: &[String], title: &str) -> Result<(), XlsxError> {
    if notes.is_empty() {
        return Ok(());
    }
    let name = t!("workbook-notes");
    let mut sheet = Sheet::new(book, &name, std::slice::from_ref(&name), 0)?;
    for note in notes {
        sheet.row(book, |w, row| w.long_text(row, 0, note))?;
    }
    sheet.finish(book, title)
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
    fn of_all(results: &[&ScoreResult]) -> Who {
        let has = |f: fn(&Employee) -> bool| results.iter().any(|r| f(&r.employee));
        Who {
            name: has(|e| e.name.is_some()),
            brand: has(|e| e.brand.is_some()),
            store: has(|e| e.store.is_some()),
        }
    }

    fn titles(&self) -> Vec<String> {
        let mut titles = vec![t!("workbook-id")];
        for (shown, title) in [
            (self.name, t!("workbook-name")),
            (self.brand, t!("workbook-brand")),
            (self.store, t!("workbook-store")),
        ] {
            if shown {
                titles.push(title);
            }
        }
        titles
    }

    /// Columns kept in view on the left: 工号 and 姓名.
    fn frozen(&self) -> usize {
        if self.name || self.brand || self.store {
            2
        } else {
            1
        }
    }

    /// Writes the employee's cells from column 0; returns the next column.
    /// The id is text, always: `00123` keeps its zeros.
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

/// The summary sheet's header: a scored card's sections, blocks, total,
/// grade, rank and outputs; a pay card's main output, the inputs other
/// cards fed it, and its other outputs.
fn summary_titles(card: &CheckedCard, who: &Who, fed: &[usize]) -> Vec<String> {
    let mut titles = who.titles();
    if !is_scored(card) {
        let main = main_output(card);
        titles.extend(main.map(|m| card.derived()[m].display_name().to_string()));
        titles.extend(
            fed.iter()
                .map(|&i| card.inputs()[i].display_name().to_string()),
        );
        titles.extend(
            derived_order(card)
                .into_iter()
                .filter(|&i| Some(i) != main)
                .map(|i| card.derived()[i].display_name().to_string()),
        );
        return titles;
    }
    titles.extend(
        card.sections()
            .iter()
            .map(|s| s.label.clone().unwrap_or_else(|| s.name.clone())),
    );
    titles.extend(
        card.adjustments()
            .iter()
            .map(|a| a.display_name().to_string()),
    );
    titles.push(t!("workbook-total"));
    if card.grade().is_some() {
        titles.push(t!("workbook-grade"));
    }
    titles.push(t!("workbook-rank"));
    titles.extend(
        derived_order(card)
            .into_iter()
            .map(|i| card.derived()[i].display_name().to_string()),
    );
    // Every item's score: the detail lists only the items that lost points.
    titles.extend(card.items().iter().map(|i| i.display_name().to_string()));
    titles
}

#[allow(clippy::too_many_arguments)]
fn summary_row(
    w: &mut SheetWriter,
    row: u32,
    card: &CheckedCard,
    who: &Who,
    e: &Employee,
    scores: &Scores,
    inputs: Option<&[Value]>,
    rank: Option<usize>,
    fed: &[usize],
) -> Result<(), XlsxError> {
    let mut c = who.write(w, row, e)?;
    if !is_scored(card) {
        let main = main_output(card);
        if let Some(m) = main {
            value_cell(w, row, c, &scores.derived[m], card.derived()[m].ty)?;
            c += 1;
        }
        for &i in fed {
            if let Some(value) = inputs.and_then(|v| v.get(i)) {
                value_cell(w, row, c, value, card.inputs()[i].ty.value_type())?;
            }
            c += 1;
        }
        for d in derived_order(card).into_iter().filter(|&i| Some(i) != main) {
            value_cell(w, row, c, &scores.derived[d], card.derived()[d].ty)?;
            c += 1;
        }
        return Ok(());
    }
    let amounts = scores.sections.iter().chain(&scores.adjustments);
    for &amount in amounts.chain([&scores.total]) {
        w.number(row, c, amount, NumberStyle::Plain)?;
        c += 1;
    }
    if card.grade().is_some() {
        let grade = scores
            .grade
            .and_then(|g| card.grade().as_ref()?.rows.get(g))
            .map_or("", |g| &*g.outcome);
        w.text(row, c, grade)?;
        c += 1;
    }
    if let Some(rank) = rank {
        w.number(row, c, Decimal::from(rank), NumberStyle::Plain)?;
    }
    c += 1;
    for d in derived_order(card) {
        value_cell(w, row, c, &scores.derived[d], card.derived()[d].ty)?;
        c += 1;
    }
    for &score in &scores.items {
        w.number(row, c, score, NumberStyle::Plain)?;
        c += 1;
    }
    Ok(())
}

/// The detail sheet's header (`card_column`: which card scored the row).
fn detail_titles(who: &Who, card_column: bool) -> Vec<String> {
    let mut titles = who.titles();
    if card_column {
        titles.push(t!("workbook-card"));
    }
    titles.extend([
        t!("workbook-section"),
        t!("workbook-item"),
        t!("workbook-points"),
        t!("workbook-score"),
        t!("workbook-lost"),
        t!("workbook-reason"),
    ]);
    titles
}

/// An item's row: its section, points, score, points lost and why.
#[allow(clippy::too_many_arguments)]
fn item_row(
    w: &mut SheetWriter,
    row: u32,
    card: &CheckedCard,
    who: &Who,
    card_name: Option<&str>,
    e: &Employee,
    i: usize,
    score: Decimal,
    reason: &str,
) -> Result<(), XlsxError> {
    let item = &card.items()[i];
    let section = &card.sections()[item.section];
    let mut c = who.write(w, row, e)?;
    if let Some(name) = card_name {
        w.text(row, c, name)?;
        c += 1;
    }
    w.text(row, c, section.label.as_deref().unwrap_or(&section.name))?;
    w.text(row, c + 1, item.display_name())?;
    w.number(row, c + 2, item.points, NumberStyle::Plain)?;
    w.number(row, c + 3, score, NumberStyle::Plain)?;
    w.number(row, c + 4, item.points - score, NumberStyle::Plain)?;
    w.long_text(row, c + 5, reason)
}

/// A bonus or penalty block's row: what it added or took, and why.
#[allow(clippy::too_many_arguments)]
fn block_row(
    w: &mut SheetWriter,
    row: u32,
    card: &CheckedCard,
    who: &Who,
    card_name: Option<&str>,
    e: &Employee,
    b: usize,
    amount: Decimal,
    reason: &str,
) -> Result<(), XlsxError> {
    let block = &card.adjustments()[b];
    let mut c = who.write(w, row, e)?;
    if let Some(name) = card_name {
        w.text(row, c, name)?;
        c += 1;
    }
    let kind = match block.kind {
        AdjustmentKind::Bonus => t!("workbook-bonus"),
        AdjustmentKind::Penalty => t!("workbook-penalty"),
    };
    w.text(row, c, &kind)?;
    w.text(row, c + 1, block.display_name())?;
    // A bonus's cap is the most it can add: its "full marks".
    if let (AdjustmentKind::Bonus, Some(cap)) = (block.kind, block.cap) {
        w.number(row, c + 2, cap, NumberStyle::Plain)?;
    }
    w.number(row, c + 3, amount, NumberStyle::Plain)?;
    if block.kind == AdjustmentKind::Penalty {
        w.number(row, c + 4, -amount, NumberStyle::Plain)?;
    }
    w.long_text(row, c + 5, reason)
}

/// Every item and block of every employee of several cards, with the card
/// and the reason for each point lost. A sheet holds `limit` rows below its
/// header; more go on over new sheets (明细 (2) …), and the note returned
/// says so.
fn detail_sheets(
    book: &mut Workbook,
    cards: &[CardResults],
    limit: u32,
    title: &str,
) -> Result<Option<String>, XlsxError> {
    let all: Vec<&ScoreResult> = cards.iter().flat_map(|c| c.results).collect();
    let who = Who::of_all(&all);
    let titles = detail_titles(&who, true);
    let mut detail = Detail {
        sheet: Detail::sheet(book, &t!("workbook-detail"), &titles, who.frozen())?,
        titles,
        more: 0,
    };
    let mut reasons = Reasons::default();
    for part in cards {
        let card = part.card;
        let name = card.display_name();
        for (i, r) in part.results.iter().enumerate() {
            let inputs = part.inputs.get(i).copied();
            let r = &*with_trace(card, r, inputs);
            reasons.of(card, r, inputs);
            let e = &r.employee;
            for (i, &score) in r.scores.items.iter().enumerate() {
                if !item_listed(card, i, score, &reasons.items[i]) {
                    continue;
                }
                detail.next(book, limit, title)?;
                detail.sheet.row(book, |w, row| {
                    item_row(
                        w,
                        row,
                        card,
                        &who,
                        Some(name),
                        e,
                        i,
                        score,
                        &reasons.items[i],
                    )
                })?;
            }
            for (b, &amount) in r.scores.adjustments.iter().enumerate() {
                if !block_listed(amount, &reasons.blocks[b]) {
                    continue;
                }
                detail.next(book, limit, title)?;
                detail.sheet.row(book, |w, row| {
                    block_row(
                        w,
                        row,
                        card,
                        &who,
                        Some(name),
                        e,
                        b,
                        amount,
                        &reasons.blocks[b],
                    )
                })?;
            }
        }
    }
    let more = detail.more;
    let rows = detail.sheet.room(limit);
    detail.sheet.finish(book, title)?;
    Ok((more > 0).then(|| t!("workbook-detail-split", rows = rows, last = more + 1)))
}

/// Rows a sheet holds below its header: Excel's limit is 1 048 576 in all.
const SHEET_ROWS: u32 = EXCEL_ROWS - 1;

/// Excel's rows in a sheet.
const EXCEL_ROWS: u32 = 1_048_576;

/// A worksheet written row by row, each row flushed to a temporary file as
/// the next starts (rust_xlsxwriter's constant-memory mode): memory holds
/// one row, not the sheet.
fn new_sheet<'b>(book: &'b mut Workbook, name: &str) -> Result<&'b mut Worksheet, XlsxError> {
    let sheet = book.add_worksheet_with_constant_memory()?;
    sheet.set_name(name)?;
    Ok(sheet)
}

/// A band, output or input: a number in its unit's style, yes/no as 是/否,
/// blank when missing.
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
        Value::Bool(b) => w.text(
            row,
            c,
            &if *b {
                t!("workbook-yes")
            } else {
                t!("workbook-no")
            },
        ),
        Value::Text(t) => w.text(row, c, t),
        Value::Missing => Ok(()),
    }
}

// ---------------------------------------------------------------------------
// A row at a time, from the streamed scorer.

/// An employee's workbook rows formatted on a worker (the trace worked out
/// and the reasons written there, on every core), as a record the
/// [`XlsxSink`] lays out on the writing thread. `totals`: the first pass,
/// which only records each total (for the ranks) and who is named.
pub struct XlsxRows<'c> {
    card: &'c CheckedCard,
    totals: bool,
    bytes: Vec<u8>,
    reasons: Reasons,
}

impl<'c> XlsxRows<'c> {
    pub fn new(card: &'c CheckedCard, totals: bool) -> Self {
        XlsxRows {
            card,
            totals,
            bytes: Vec::new(),
            reasons: Reasons::default(),
        }
    }

    /// One scored row, with its inputs (for the trace).
    pub fn row(&mut self, who: &super::Who, line: usize, scores: &Scores, values: &[Value]) {
        let start = self.bytes.len();
        self.bytes.extend_from_slice(&[0; 4]);
        let period = who.period.map(|p| p.to_string());
        if self.totals {
            self.bytes.extend_from_slice(&scores.total.serialize());
            let flags = u8::from(who.name.is_some())
                | u8::from(who.brand.is_some()) << 1
                | u8::from(who.store.is_some()) << 2;
            self.bytes.push(flags);
            put_text(&mut self.bytes, period.as_deref());
        } else {
            let employee = Employee {
                id: who.id.to_string(),
                name: who.name.map(str::to_string),
                brand: who.brand.map(str::to_string),
                store: who.store.map(str::to_string),
                region: who.region.map(str::to_string),
                period: who.period,
            };
            let row = crate::data::Row {
                line,
                employee,
                values: values.to_vec(),
            };
            // The row scored already: with the trace it scores the same.
            match crate::eval::evaluate(self.card, &row) {
                Ok(r) => self.reasons.of(self.card, &r, Some(values)),
                Err(_) => {
                    self.reasons.items = vec![String::new(); self.card.items().len()];
                    self.reasons.blocks = vec![String::new(); self.card.adjustments().len()];
                }
            }
            let e = &row.employee;
            for text in [Some(e.id.as_str()), who.name, who.brand, who.store] {
                put_text(&mut self.bytes, text);
            }
            put_text(&mut self.bytes, period.as_deref());
            for d in scores
                .items
                .iter()
                .chain(&scores.sections)
                .chain(&scores.adjustments)
            {
                self.bytes.extend_from_slice(&d.serialize());
            }
            self.bytes
                .extend_from_slice(&scores.sections_total.serialize());
            self.bytes.extend_from_slice(&scores.total.serialize());
            let grade = scores.grade.map_or(u32::MAX, |g| g as u32);
            self.bytes.extend_from_slice(&grade.to_le_bytes());
            for v in scores.derived.iter().chain(values) {
                put_value(&mut self.bytes, v);
            }
            for text in self.reasons.items.iter().chain(&self.reasons.blocks) {
                put_text(&mut self.bytes, Some(text));
            }
        }
        let len = (self.bytes.len() - start - 4) as u32;
        self.bytes[start..start + 4].copy_from_slice(&len.to_le_bytes());
    }

    pub fn take(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.bytes)
    }

    pub fn replace_buffer(&mut self, mut next: Vec<u8>) -> Vec<u8> {
        next.clear();
        std::mem::replace(&mut self.bytes, next)
    }

    pub fn written(&self) -> usize {
        self.bytes.len()
    }
}

fn put_text(out: &mut Vec<u8>, text: Option<&str>) {
    match text {
        Some(t) => {
            out.extend_from_slice(&(t.len() as u32).to_le_bytes());
            out.extend_from_slice(t.as_bytes());
        }
        None => out.extend_from_slice(&u32::MAX.to_le_bytes()),
    }
}

fn put_value(out: &mut Vec<u8>, v: &Value) {
    match v {
        Value::Num(d) => {
            out.push(0);
            out.extend_from_slice(&d.serialize());
        }
        Value::Bool(b) => out.push(1 + u8::from(*b)),
        Value::Text(t) => {
            out.push(3);
            put_text(out, Some(t));
        }
        Value::Missing => out.push(4),
    }
}

/// Reads back what [`XlsxRows`] wrote.
struct Record<'b> {
    bytes: &'b [u8],
}

impl<'b> Record<'b> {
    fn take(&mut self, n: usize) -> &'b [u8] {
        let (head, rest) = self.bytes.split_at(n.min(self.bytes.len()));
        self.bytes = rest;
        head
    }

    fn u32(&mut self) -> u32 {
        let mut b = [0; 4];
        b.copy_from_slice(self.take(4));
        u32::from_le_bytes(b)
    }

    fn decimal(&mut self) -> Decimal {
        let mut b = [0; 16];
        b.copy_from_slice(self.take(16));
        Decimal::deserialize(b)
    }

    fn text(&mut self) -> Option<&'b str> {
        let len = self.u32();
        if len == u32::MAX {
            return None;
        }
        // Written from a &str.
        std::str::from_utf8(self.take(len as usize)).ok()
    }

    fn value(&mut self) -> Value {
        match self.take(1).first() {
            Some(0) => Value::Num(self.decimal()),
            Some(1) => Value::Bool(false),
            Some(2) => Value::Bool(true),
            Some(3) => Value::Text(Arc::from(self.text().unwrap_or_default())),
            _ => Value::Missing,
        }
    }
}

/// The first pass's records: every total, and who is named.
#[derive(Default)]
pub struct XlsxTotals {
    facts: Facts,
    pending: Vec<u8>,
}

impl XlsxTotals {
    pub fn into_facts(self) -> Facts {
        self.facts
    }
}

impl Write for XlsxTotals {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let mut done = 0;
        while let Some(record) = whole_record(&self.pending[done..]) {
            done += 4 + record.len();
            let mut r = Record { bytes: record };
            let total = r.decimal();
            let flags = r.take(1).first().copied().unwrap_or(0);
            let period = r.text().and_then(|p| Period::parse(p).ok());
            self.facts
                .note(flags & 1 != 0, flags & 2 != 0, flags & 4 != 0, period);
            self.facts.totals.push(total);
            self.facts.sorted = false;
        }
        self.pending.drain(..done);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The record at the start of `bytes`, when all of it is there.
fn whole_record(bytes: &[u8]) -> Option<&[u8]> {
    let len = u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?) as usize;
    bytes.get(4..4 + len)
}

/// The streamed workbook: records from [`XlsxRows`] laid out as they come,
/// in order; [`finish`](XlsxSink::finish) writes the workbook to `out`.
pub struct XlsxSink<'c, 'o> {
    book: Book<'c>,
    out: &'o mut (dyn Write + Send),
    pending: Vec<u8>,
    employee: Employee,
    scores: Scores,
    inputs: Vec<Value>,
    reasons: Reasons,
}

impl<'c, 'o> XlsxSink<'c, 'o> {
    /// `facts` from the first pass ([`XlsxTotals`]).
    pub fn new(
        card: &'c CheckedCard,
        facts: Facts,
        options: &Options,
        out: &'o mut (dyn Write + Send),
    ) -> Result<Self, XlsxError> {
        Ok(XlsxSink {
            book: Book::new(card, facts, options, SHEET_ROWS)?,
            out,
            pending: Vec::new(),
            employee: Employee::default(),
            scores: Scores::default(),
            inputs: Vec::new(),
            reasons: Reasons::default(),
        })
    }

    /// The workbook, with `notes`, written out.
    pub fn finish(self, notes: &[String]) -> io::Result<()> {
        self.book.finish(notes, self.out).map_err(io::Error::other)
    }

    fn person(&mut self, record: &[u8]) -> Result<(), XlsxError> {
        let card = self.book.card;
        let mut r = Record { bytes: record };
        let text = |t: Option<&str>| t.map(str::to_string);
        self.employee = Employee {
            id: r.text().unwrap_or_default().to_string(),
            name: text(r.text()),
            brand: text(r.text()),
            store: text(r.text()),
            region: None,
            period: r.text().and_then(|p| Period::parse(p).ok()),
        };
        let s = &mut self.scores;
        s.items.clear();
        s.items.extend((0..card.items().len()).map(|_| r.decimal()));
        s.sections.clear();
        s.sections
            .extend((0..card.sections().len()).map(|_| r.decimal()));
        s.adjustments.clear();
        s.adjustments
            .extend((0..card.adjustments().len()).map(|_| r.decimal()));
        s.sections_total = r.decimal();
        s.total = r.decimal();
        s.grade = Some(r.u32()).filter(|g| *g != u32::MAX).map(|g| g as usize);
        s.derived.clear();
        s.derived
            .extend((0..card.derived().len()).map(|_| r.value()));
        self.inputs.clear();
        self.inputs
            .extend((0..card.inputs().len()).map(|_| r.value()));
        self.reasons.items.clear();
        for _ in 0..card.items().len() {
            let reason = r.text().unwrap_or_default().to_string();
            self.reasons.items.push(reason);
        }
        self.reasons.blocks.clear();
        for _ in 0..card.adjustments().len() {
            let reason = r.text().unwrap_or_default().to_string();
            self.reasons.blocks.push(reason);
        }
        self.book.person(
            &self.employee,
            &self.scores,
            Some(&self.inputs),
            &self.reasons,
        )
    }
}

impl Write for XlsxSink<'_, '_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let mut done = 0;
        let pending = std::mem::take(&mut self.pending);
        let mut result = Ok(());
        while let Some(record) = whole_record(&pending[done..]) {
            done += 4 + record.len();
            if let Err(e) = self.person(record) {
                result = Err(io::Error::other(e));
                break;
            }
        }
        self.pending = pending;
        self.pending.drain(..done);
        result.map(|()| buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
