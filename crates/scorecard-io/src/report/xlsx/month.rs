//! The month's workbook: every card of a rules directory in one file.

use super::reasons::Reasons;
use super::record::{block_listed, item_listed};
use super::{
    detail_row, detail_titles, header, next_detail_row, notes_sheet, page_header, summary_row,
    summary_titles, Cells, DetailSheets, Facts, Layout, Who, Word, SHEET_ROWS,
};
use crate::eval::ScoreResult;
use crate::report::common::{is_scored, with_trace, CardResults};
use crate::report::sheet::NumberStyle;
use crate::report::workbook::{RowsXml, Style, Text, Workbook};
use crate::report::Options;
use crate::t;
use crate::value::Value;
use std::io;

/// Rows formatted before they are deflated and put away.
const ROWS_AT_ONCE: u32 = 4096;

/// A workbook of several cards (a rules directory's month): sheet 汇总 with
/// everyone (工号, 姓名, 品牌, 门店, the card, 总分, 等级), a sheet per card
/// in that card's own columns, sheet 明细 with the lines of everyone's
/// appeal (and the card), and 说明 with the notes.
pub fn xlsx_cards(
    title: &str,
    cards: &[CardResults],
    notes: &[String],
    options: &Options,
) -> io::Result<Vec<u8>> {
    let mut book = Workbook::new(title, options.created);
    let all: Vec<&ScoreResult> = cards.iter().flat_map(|c| c.results).collect();
    let who = Who::of_all(&all);
    let layouts: Vec<Layout> = cards
        .iter()
        .map(|part| {
            let mut facts = Facts {
                fed: part.fed.to_vec(),
                ..Facts::default()
            };
            for r in part.results {
                facts.add(&r.employee, r.scores.total);
            }
            let mine: Vec<&ScoreResult> = part.results.iter().collect();
            let name = part.card.display_name().to_string();
            Layout::new(
                &mut book.strings,
                part.card,
                facts,
                Who::of_all(&mine),
                name,
            )
        })
        .collect();
    everyone_sheet(&mut book, cards, &who)?;
    let mut names: Vec<String> = vec![
        t!("workbook-summary"),
        t!("workbook-detail"),
        t!("workbook-notes"),
    ];
    for (part, l) in cards.iter().zip(&layouts) {
        let name = sheet_name(part, &names);
        let sheet = book.add_sheet(&name, 0, l.who.frozen());
        header(
            &mut book,
            sheet,
            None,
            &summary_titles(part.card, &l.who, part.fed),
        );
        let mut x = RowsXml::new();
        for (i, r) in part.results.iter().enumerate() {
            let cells = Cells::of(&r.employee, &mut book.strings);
            x.row(i as u32 + 1);
            let fed: Option<Vec<Value>> = part.inputs.get(i).map(|v| {
                part.fed
                    .iter()
                    .map(|&f| v.get(f).cloned().unwrap_or(Value::Missing))
                    .collect()
            });
            summary_row(&mut x, l, &cells, &r.scores, fed.as_deref());
            if x.len() > 1 << 20 {
                book.write(sheet, &mut x)?;
            }
        }
        book.write(sheet, &mut x)?;
        names.push(name);
    }
    let mut detail = DetailSheets::new(
        &mut book,
        detail_titles(&who, true),
        who.frozen(),
        SHEET_ROWS,
    );
    let mut x = RowsXml::new();
    let mut on = 0;
    let mut rows = 0;
    let mut reasons = Reasons::default();
    let mut lines: Vec<(bool, usize, std::sync::Arc<str>)> = Vec::new();
    for (part, l) in cards.iter().zip(&layouts) {
        let card = part.card;
        for (i, r) in part.results.iter().enumerate() {
            let inputs = part.inputs.get(i).copied();
            let r = with_trace(card, r, inputs);
            reasons.of(card, &r, inputs);
            lines.clear();
            for (i, &score) in r.scores.items.iter().enumerate() {
                if item_listed(card, i, score, &reasons.items[i].text) {
                    lines.push((false, i, reasons.items[i].text.clone()));
                }
            }
            for (b, &amount) in r.scores.adjustments.iter().enumerate() {
                if block_listed(amount, &reasons.blocks[b].text) {
                    lines.push((true, b, reasons.blocks[b].text.clone()));
                }
            }
            let mut place = detail.take(&mut book, lines.len() as u32);
            let cells = Cells::of(&r.employee, &mut book.strings);
            for (block, index, reason) in &lines {
                let (sheet, row) = next_detail_row(&mut place, detail.room);
                if sheet != on || rows >= ROWS_AT_ONCE {
                    book.write(detail.ids[on as usize], &mut x)?;
                    on = sheet;
                    rows = 0;
                }
                let shared = match reason.is_empty() {
                    true => None,
                    false => book.strings.intern(reason),
                };
                let reason = shared.unwrap_or(Text::Inline(reason));
                x.row_of_lines(row, reason.lines());
                rows += 1;
                detail_row(
                    &mut x,
                    l,
                    &who,
                    &cells,
                    true,
                    (*block, *index),
                    &r.scores,
                    reason,
                );
            }
        }
    }
    book.write(detail.ids[on as usize], &mut x)?;
    let mut all_notes = notes.to_vec();
    all_notes.extend(detail.note());
    notes_sheet(&mut book, &all_notes)?;
    let mut out = Vec::new();
    book.finish(&page_header(title), &t!("workbook-page-footer"), &mut out)?;
    Ok(out)
}

/// Everyone, whatever their card: who, the card, total and grade.
fn everyone_sheet(book: &mut Workbook, cards: &[CardResults], who: &Who) -> io::Result<()> {
    let mut titles = who.titles();
    titles.extend([
        t!("workbook-card"),
        t!("workbook-total"),
        t!("workbook-grade"),
    ]);
    let sheet = book.add_sheet(&t!("workbook-summary"), 0, who.frozen());
    header(book, sheet, None, &titles);
    let mut x = RowsXml::new();
    let mut row = 0;
    for part in cards {
        let name = match part.tag {
            Some(tag) => format!("{} · {tag}", part.card.display_name()),
            None => part.card.display_name().to_string(),
        };
        let name = Word::new(&mut book.strings, name);
        // A pay card gives no points: its total would read as a score of 0.
        let scored = is_scored(part.card);
        for r in part.results {
            let cells = Cells::of(&r.employee, &mut book.strings);
            row += 1;
            x.row(row);
            let c = who.write(&mut x, &cells);
            x.text(c, name.cell(), Style::Plain);
            if scored {
                x.number(c + 1, r.scores.total, NumberStyle::Plain);
            }
            if let Some(grade) = r.grade(part.card) {
                x.text(c + 2, Text::Inline(grade), Style::Plain);
            }
            if x.len() > 1 << 20 {
                book.write(sheet, &mut x)?;
            }
        }
    }
    book.write(sheet, &mut x)
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
