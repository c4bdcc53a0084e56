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
//!   is on the summary). Past Excel's 1 048 576 rows the detail goes on
//!   over 明细 (2) …, and the sheet 说明 says so.
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
//! One layout, two ways in, the same bytes: every result at once
//! ([`xlsx_with_notes`]), or a row at a time from the streamed scorer — a
//! worker works out each row's reasons and makes its record
//! ([`XlsxRows`]), and [`XlsxSink`] lays records out, formatting and
//! deflating a thousand people at a time on every core (`sink`,
//! [`super::workbook`]).

mod bytes;
mod month;
mod reasons;
mod record;
mod sink;

pub use month::xlsx_cards;
pub use record::{XlsxRows, XlsxTotals};
pub use sink::XlsxSink;

use super::common::{derived_order, is_scored, main_output, section_and_block_titles, with_trace};
use super::sheet::NumberStyle;
use super::workbook::{RowsXml, SharedStrings, Style, Text, Workbook};
use super::Options;
use crate::check::CheckedCard;
use crate::data::Employee;
use crate::eval::{ScoreResult, Scores};
use crate::period::Period;
use crate::syntax::ast::AdjustmentKind;
use crate::t;
use crate::value::{Type, Unit, Value};
use rayon::prelude::*;
use reasons::Reasons;
use record::{encode, Person};
use rust_decimal::Decimal;
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
    let bytes = xlsx_bytes(card, results, inputs, options)?;
    out.write_all(&bytes)
}

/// The workbook's bytes.
pub fn xlsx_bytes(
    card: &CheckedCard,
    results: &[ScoreResult],
    inputs: &[&[Value]],
    options: &Options,
) -> io::Result<Vec<u8>> {
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
) -> io::Result<Vec<u8>> {
    one_card(card, results, inputs, notes, fed, options, SHEET_ROWS)
}

/// Results made into records this many at a time (on every core), then
/// laid out.
const RECORDS_AT_ONCE: usize = 4096;

/// [`xlsx_with_notes`], with `limit` rows a sheet: the results made into
/// the records the streamed way makes, and laid out by the same sink.
pub(super) fn one_card(
    card: &CheckedCard,
    results: &[ScoreResult],
    inputs: &[&[Value]],
    notes: &[String],
    fed: &[usize],
    options: &Options,
    limit: u32,
) -> io::Result<Vec<u8>> {
    let mut facts = Facts {
        fed: fed.to_vec(),
        ..Facts::default()
    };
    for r in results {
        facts.add(&r.employee, r.scores.total);
    }
    let mut out = Vec::new();
    let mut sink = XlsxSink::with_limit(card, facts, options, &mut out, limit);
    for (n, window) in results.chunks(RECORDS_AT_ONCE).enumerate() {
        let first = n * RECORDS_AT_ONCE;
        let records: Vec<Vec<u8>> = window
            .par_chunks(256)
            .enumerate()
            .map_init(Reasons::default, |reasons, (k, chunk)| {
                let mut bytes = Vec::new();
                for (j, r) in chunk.iter().enumerate() {
                    let inputs = inputs.get(first + k * 256 + j).copied();
                    let r = with_trace(card, r, inputs);
                    reasons.of(card, &r, inputs);
                    let e = &r.employee;
                    let person = Person {
                        id: &e.id,
                        name: e.name.as_deref(),
                        brand: e.brand.as_deref(),
                        store: e.store.as_deref(),
                    };
                    encode(&mut bytes, card, &person, &r.scores, inputs, fed, reasons);
                }
                bytes
            })
            .collect();
        for bytes in records {
            sink.write_all(&bytes)?;
        }
    }
    sink.finish(notes)?;
    Ok(out)
}

/// What the workbook must know of every row before it writes the first:
/// which employee columns some row fills, the periods, and every total
/// (for the ranks). Gathered from the results, or by a first pass over the
/// data ([`XlsxTotals`]).
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
        self.push_total(total);
    }

    fn push_total(&mut self, total: Decimal) {
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
    /// above it (84, 80, 80, 75 rank 1, 2, 2, 4), as [`super::super::ranks`].
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

/// The cells of the card's own words (sections, items, blocks, grades,
/// 是/否), shared strings made once per workbook.
struct Vocab {
    sections: Vec<Word>,
    items: Vec<Word>,
    blocks: Vec<Word>,
    bonus: Word,
    penalty: Word,
    grades: Vec<Word>,
    yes: Word,
    no: Word,
    card: Word,
}

/// A text and, when the table had room, its shared string.
struct Word {
    text: String,
    shared: Option<Text<'static>>,
}

impl Word {
    fn new(strings: &mut SharedStrings, text: String) -> Word {
        let shared = (!text.is_empty()).then(|| strings.intern(&text)).flatten();
        Word { text, shared }
    }

    fn cell(&self) -> Text<'_> {
        self.shared.unwrap_or(Text::Inline(&self.text))
    }
}

impl Vocab {
    /// `card_name`: the card as the month's detail names it.
    fn new(strings: &mut SharedStrings, card: &CheckedCard, card_name: String) -> Vocab {
        let mut word = |text: String| Word::new(strings, text);
        Vocab {
            sections: card
                .sections()
                .iter()
                .map(|s| word(s.label.clone().unwrap_or_else(|| s.name.clone())))
                .collect(),
            items: card
                .items()
                .iter()
                .map(|i| word(i.display_name().to_string()))
                .collect(),
            blocks: card
                .adjustments()
                .iter()
                .map(|a| word(a.display_name().to_string()))
                .collect(),
            bonus: word(t!("workbook-bonus")),
            penalty: word(t!("workbook-penalty")),
            grades: card
                .grade()
                .as_ref()
                .map(|g| g.rows.iter().map(|r| word(r.outcome.to_string())).collect())
                .unwrap_or_default(),
            yes: word(t!("workbook-yes")),
            no: word(t!("workbook-no")),
            card: word(card_name),
        }
    }
}

/// What formatting a card's rows reads: the card, the columns shown, the
/// ranks, its words.
struct Layout<'c> {
    card: &'c CheckedCard,
    who: Who,
    facts: Facts,
    vocab: Vocab,
}

impl<'c> Layout<'c> {
    fn new(
        strings: &mut SharedStrings,
        card: &'c CheckedCard,
        mut facts: Facts,
        who: Who,
        card_name: String,
    ) -> Self {
        facts.sort();
        Layout {
            card,
            who,
            facts,
            vocab: Vocab::new(strings, card, card_name),
        }
    }
}

/// A person's own cells.
struct Cells<'a> {
    id: &'a str,
    name: Option<&'a str>,
    brand: Option<Text<'a>>,
    store: Option<Text<'a>>,
}

impl<'a> Cells<'a> {
    /// `e`'s cells, brand and store shared (sequential writers).
    fn of(e: &'a Employee, strings: &mut SharedStrings) -> Cells<'a> {
        let mut shared = |text: &'a Option<String>| {
            text.as_deref()
                .map(|t| strings.intern(t).unwrap_or(Text::Inline(t)))
        };
        Cells {
            id: &e.id,
            name: e.name.as_deref(),
            brand: shared(&e.brand),
            store: shared(&e.store),
        }
    }
}

/// Rows a sheet holds below its header: Excel's limit is 1 048 576 in all.
const SHEET_ROWS: u32 = EXCEL_ROWS - 1;

/// Excel's rows in a sheet.
const EXCEL_ROWS: u32 = 1_048_576;

/// The detail sheets: 明细, and 明细 (2) … past Excel's row limit (or the
/// limit a test sets).
struct DetailSheets {
    ids: Vec<usize>,
    titles: Vec<String>,
    frozen: usize,
    /// Rows used on the last sheet.
    used: u32,
    /// Rows a sheet holds below its header.
    room: u32,
}

/// The header's row on a detail sheet, below its heading.
const DETAIL_TOP: u32 = 1;

impl DetailSheets {
    fn new(book: &mut Workbook, titles: Vec<String>, frozen: usize, limit: u32) -> Self {
        let room = limit.clamp(1, EXCEL_ROWS - 1 - DETAIL_TOP);
        let mut d = DetailSheets {
            ids: Vec::new(),
            titles,
            frozen,
            used: 0,
            room,
        };
        d.add(book);
        d
    }

    fn add(&mut self, book: &mut Workbook) {
        let name = match self.ids.len() {
            0 => t!("workbook-detail"),
            n => t!("workbook-detail-more", n = n + 1),
        };
        let heading = t!("workbook-detail-heading");
        let id = book.add_sheet(&name, DETAIL_TOP, self.frozen);
        header(book, id, Some(&heading), &self.titles);
        self.ids.push(id);
        self.used = 0;
    }

    /// Where the next `n` lines go: the sheet (its place among the detail
    /// sheets) and the rows used on it before the first — sheets added as
    /// they fill.
    fn take(&mut self, book: &mut Workbook, n: u32) -> (u32, u32) {
        let at = ((self.ids.len() - 1) as u32, self.used);
        let mut left = n;
        while left > 0 {
            if self.used == self.room {
                self.add(book);
            }
            let step = left.min(self.room - self.used);
            self.used += step;
            left -= step;
        }
        at
    }

    /// The note when the detail went on over more sheets.
    fn note(&self) -> Option<String> {
        (self.ids.len() > 1).then(|| {
            t!(
                "workbook-detail-split",
                rows = self.room,
                last = self.ids.len()
            )
        })
    }
}

/// Where a detail line goes after one at (`sheet`, `used`): the next row,
/// or the first of the next sheet; returns its sheet and row.
fn next_detail_row(at: &mut (u32, u32), room: u32) -> (u32, u32) {
    if at.1 == room {
        *at = (at.0 + 1, 0);
    }
    let here = (at.0, DETAIL_TOP + 1 + at.1);
    at.1 += 1;
    here
}

/// The heading (when given, on row 0) and the header row of `sheet`.
fn header(book: &mut Workbook, sheet: usize, heading: Option<&str>, titles: &[String]) {
    let mut x = RowsXml::new();
    let mut top = 0;
    if let Some(text) = heading {
        x.row(0);
        x.unmeasured(0, text, Style::Heading);
        top = 1;
    }
    x.row(top);
    for (c, title) in titles.iter().enumerate() {
        x.text(c, Text::Inline(title), Style::Header);
    }
    // A header is a few hundred bytes: held in memory, it cannot fail.
    let _ = book.write(sheet, &mut x);
}

/// The page header: the title centred, `&` doubled (Excel's codes), within
/// Excel's 255 characters.
fn page_header(title: &str) -> String {
    let title: String = title.replace('&', "&&").chars().take(200).collect();
    format!("&C{title}")
}

/// The notes, one per row, on a sheet of their own (none: no sheet), and
/// a last one when a text was cut to fit its cell.
fn notes_sheet(book: &mut Workbook, notes: &[String]) -> io::Result<()> {
    let mut notes = notes.to_vec();
    if book.cut() {
        notes.push(t!(
            "workbook-text-cut",
            most = super::workbook::EXCEL_CELL_CHARS
        ));
    }
    if notes.is_empty() {
        return Ok(());
    }
    let name = t!("workbook-notes");
    let sheet = book.add_sheet(&name, 0, 0);
    header(book, sheet, None, std::slice::from_ref(&name));
    let mut x = RowsXml::new();
    for (i, note) in notes.iter().enumerate() {
        let note = Text::Inline(note);
        x.row_of_lines(i as u32 + 1, note.lines());
        x.text(0, note, Style::Wrap);
    }
    book.write(sheet, &mut x)
}

/// Which employee columns to show: those some row fills.
#[derive(Debug, Clone, Copy)]
struct Who {
    name: bool,
    brand: bool,
    store: bool,
}

impl Who {
    fn of_facts(facts: &Facts) -> Who {
        Who {
            name: facts.name,
            brand: facts.brand,
            store: facts.store,
        }
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

    /// Writes the person's cells from column 0; returns the next column.
    /// The id is text, always: `00123` keeps its zeros.
    fn write(&self, x: &mut RowsXml, p: &Cells<'_>) -> usize {
        x.text(0, Text::Inline(p.id), Style::Plain);
        let mut c = 1;
        if self.name {
            if let Some(name) = p.name {
                x.text(c, Text::Inline(name), Style::Plain);
            }
            c += 1;
        }
        for (shown, text) in [(self.brand, p.brand), (self.store, p.store)] {
            if shown {
                if let Some(text) = text {
                    x.text(c, text, Style::Plain);
                }
                c += 1;
            }
        }
        c
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
    titles.extend(section_and_block_titles(card));
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

/// A person's summary row (the row started). `fed`: the values of the
/// inputs other cards fed, in the order of the layout's `fed`.
fn summary_row(
    x: &mut RowsXml,
    l: &Layout<'_>,
    p: &Cells<'_>,
    scores: &Scores,
    fed: Option<&[Value]>,
) {
    let card = l.card;
    let mut c = l.who.write(x, p);
    if !is_scored(card) {
        let main = main_output(card);
        if let Some(m) = main {
            value_cell(x, c, &scores.derived[m], card.derived()[m].ty, &l.vocab);
            c += 1;
        }
        for (k, &i) in l.facts.fed.iter().enumerate() {
            if let Some(value) = fed.and_then(|v| v.get(k)) {
                value_cell(x, c, value, card.inputs()[i].ty.value_type(), &l.vocab);
            }
            c += 1;
        }
        for d in derived_order(card).into_iter().filter(|&i| Some(i) != main) {
            value_cell(x, c, &scores.derived[d], card.derived()[d].ty, &l.vocab);
            c += 1;
        }
        return;
    }
    let amounts = scores.sections.iter().chain(&scores.adjustments);
    for &amount in amounts.chain([&scores.total]) {
        x.number(c, amount, NumberStyle::Plain);
        c += 1;
    }
    if card.grade().is_some() {
        if let Some(word) = scores.grade.and_then(|g| l.vocab.grades.get(g)) {
            x.text(c, word.cell(), Style::Plain);
        }
        c += 1;
    }
    x.number(
        c,
        Decimal::from(l.facts.rank(scores.total)),
        NumberStyle::Plain,
    );
    c += 1;
    for d in derived_order(card) {
        value_cell(x, c, &scores.derived[d], card.derived()[d].ty, &l.vocab);
        c += 1;
    }
    for &score in &scores.items {
        x.number(c, score, NumberStyle::Plain);
        c += 1;
    }
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

/// A detail line (the row started): an item's section, points, score,
/// points lost and why; or a bonus or penalty block's kind, what it added
/// or took, and why. `who`: the columns of the sheet's people;
/// `card_column`: the month's detail names the card.
#[allow(clippy::too_many_arguments)]
fn detail_row(
    x: &mut RowsXml,
    l: &Layout<'_>,
    who: &Who,
    p: &Cells<'_>,
    card_column: bool,
    line: (bool, usize),
    scores: &Scores,
    reason: Text<'_>,
) {
    let card = l.card;
    let mut c = who.write(x, p);
    if card_column {
        x.text(c, l.vocab.card.cell(), Style::Plain);
        c += 1;
    }
    match line {
        (false, i) => {
            let Some(item) = card.items().get(i) else {
                return;
            };
            let score = scores.items[i];
            x.text(c, l.vocab.sections[item.section].cell(), Style::Plain);
            x.text(c + 1, l.vocab.items[i].cell(), Style::Plain);
            x.number(c + 2, item.points, NumberStyle::Plain);
            x.number(c + 3, score, NumberStyle::Plain);
            x.number(c + 4, item.points - score, NumberStyle::Plain);
        }
        (true, b) => {
            let Some(block) = card.adjustments().get(b) else {
                return;
            };
            let amount = scores.adjustments[b];
            let kind = match block.kind {
                AdjustmentKind::Bonus => &l.vocab.bonus,
                AdjustmentKind::Penalty => &l.vocab.penalty,
            };
            x.text(c, kind.cell(), Style::Plain);
            x.text(c + 1, l.vocab.blocks[b].cell(), Style::Plain);
            // A bonus's cap is the most it can add: its "full marks".
            if let (AdjustmentKind::Bonus, Some(cap)) = (block.kind, block.cap) {
                x.number(c + 2, cap, NumberStyle::Plain);
            }
            x.number(c + 3, amount, NumberStyle::Plain);
            if block.kind == AdjustmentKind::Penalty {
                x.number(c + 4, -amount, NumberStyle::Plain);
            }
        }
    }
    x.text(c + 5, reason, Style::Wrap);
}

/// A band, output or input: a number in its unit's style, yes/no as 是/否,
/// blank when missing.
fn value_cell(x: &mut RowsXml, c: usize, value: &Value, ty: Type, vocab: &Vocab) {
    match value {
        Value::Num(d) => {
            let style = match ty {
                Type::Num(Unit::Money) => NumberStyle::Money,
                Type::Num(Unit::Percent) => NumberStyle::Percent,
                _ => NumberStyle::Plain,
            };
            x.number(c, *d, style);
        }
        Value::Bool(b) => {
            let word = if *b { &vocab.yes } else { &vocab.no };
            x.text(c, word.cell(), Style::Plain);
        }
        Value::Text(t) => x.text(c, Text::Inline(t), Style::Plain),
        Value::Missing => {}
    }
}
