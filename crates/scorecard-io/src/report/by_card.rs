//! Results of several cards in one report: a data file whose rows a rules
//! manifest sent to different cards (a brand's card here, the group's there,
//! another role's elsewhere).
//!
//! Different cards have different items, so each format says plainly whose
//! card a row was scored by:
//!
//! * table and Markdown: one block per card, headed by the card's name and file;
//! * JSON: `{"cards": [{"card": …, "employees": […]}, …]}`, each element as a
//!   single card's report;
//! * CSV: one table for a spreadsheet, rows in the data file's order, with a
//!   `card` column after the employee's; the other columns are the union of
//!   every card's (a column new to the union goes after its neighbour in its
//!   own card), so an item that several cards share (a brand's card keeps
//!   most of the group's items) is one column, and a cell is blank where the
//!   row's card has no such column.

use super::common::CardResults;
use super::{csv_string, json, Format, Options};
use serde_json::json;
use std::io::{self, Write};

/// Writes several cards' results in `format` (see the module's notes);
/// `title` heads the workbook and the HTML report, `about` (the rules
/// scored by) is said under it, `notes` are listed in each.
pub fn render_by_card(
    format: Format,
    title: &str,
    about: &str,
    groups: &[CardResults],
    notes: &[String],
    options: &Options,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Table => {
            let blocks: Vec<String> = groups
                .iter()
                .map(|g| format!("{}\n{}", heading(g), super::table_of(g)))
                .collect();
            out.write_all(blocks.join("\n").as_bytes())?;
            out.write_all(super::notes_text(notes).as_bytes())
        }
        Format::Markdown => {
            let blocks: Vec<String> = groups.iter().map(super::markdown_of).collect();
            out.write_all(blocks.join("\n").as_bytes())?;
            out.write_all(super::notes_markdown(notes).as_bytes())
        }
        Format::Json => {
            let cards: Vec<serde_json::Value> = groups
                .iter()
                .map(|g| {
                    let mut doc = json(g.card, g.results);
                    if let Some(tag) = g.tag {
                        doc["step"] = json!(tag);
                    }
                    doc
                })
                .collect();
            let mut doc = json!({ "cards": cards });
            if !notes.is_empty() {
                doc["notes"] = json!(notes);
            }
            serde_json::to_writer_pretty(&mut *out, &doc)?;
            out.write_all(b"\n")
        }
        Format::JsonLines => super::write_json_lines_of_cards(groups, notes, out),
        Format::Csv => {
            write_union_csv(groups, options.bom, &mut *out)?;
            out.write_all(super::notes_csv(notes).as_bytes())
        }
        Format::Xlsx => {
            let bytes =
                super::xlsx_cards(title, groups, notes, options).map_err(io::Error::other)?;
            out.write_all(&bytes)
        }
        Format::Html => super::write_html_cards(title, about, groups, notes, out),
    }
}

/// `回访专员_君威 · 市场部客服回访专员绩效考核表(君威) · rules/brands/君威/callback_specialist.card · 3 人`
fn heading(group: &CardResults) -> String {
    let card = group.card;
    let rows = group.results.len();
    let mut parts = vec![card.name().to_string()];
    if let Some(label) = card.label() {
        parts.push(label.to_string());
    }
    if let Some(tag) = group.tag {
        parts.push(tag.to_string());
    }
    parts.push(card.source().name.clone());
    parts.push(crate::t!("report-card-rows", rows = rows));
    parts.join(" · ")
}

/// The columns every card's CSV starts with; `card` goes after them.
const EMPLOYEE_COLUMNS: usize = 4;

/// One card's CSV, read back: its column names and, per result, its data
/// table and line, and cells.
struct CardCsv<'a> {
    card: &'a str,
    names: Vec<String>,
    rows: Vec<((usize, usize), Vec<String>)>,
}

fn write_union_csv(groups: &[CardResults], bom: bool, out: &mut dyn Write) -> io::Result<()> {
    let mut header: Vec<String> = Vec::new();
    let mut cards: Vec<CardCsv> = Vec::new();
    for group in groups {
        // Each card's own CSV, read back: the cells are formatted exactly as
        // a single card's CSV formats them.
        let text = csv_string(group.card, group.results, false);
        let mut reader = ::csv::Reader::from_reader(text.as_bytes());
        let names: Vec<String> = reader
            .headers()
            .map_err(io::Error::other)?
            .iter()
            .map(str::to_string)
            .collect();
        if header.is_empty() {
            header.extend(names.iter().take(EMPLOYEE_COLUMNS).cloned());
            header.push(super::csv::heading("card"));
        }
        // A column new to the union goes just after the column before it in
        // its own card (a brand's extra item sits among the items); a card
        // whose first columns are all new (a pay card after the appraisal)
        // goes after the columns already there, before the card's stamp.
        let stamp = super::csv::heading("card_version");
        let mut previous = match header.iter().position(|h| *h == stamp) {
            Some(stamp) => stamp - 1,
            None => EMPLOYEE_COLUMNS,
        };
        for name in names.iter().skip(EMPLOYEE_COLUMNS) {
            previous = match header.iter().position(|h| h == name) {
                Some(at) => at,
                None => {
                    header.insert(previous + 1, name.clone());
                    previous + 1
                }
            };
        }
        let mut rows = Vec::with_capacity(group.results.len());
        for (i, (record, result)) in reader.records().zip(group.results).enumerate() {
            let record = record.map_err(io::Error::other)?;
            let table = group.tables.get(i).copied().unwrap_or_default();
            rows.push((
                (table, result.line),
                record.iter().map(str::to_string).collect(),
            ));
        }
        cards.push(CardCsv {
            card: group.card.name(),
            names,
            rows,
        });
    }
    // For each card, where each union column is among its own (worked out once).
    let columns: Vec<Vec<Option<usize>>> = cards
        .iter()
        .map(|c| {
            header
                .iter()
                .map(|h| c.names.iter().position(|n| n == h))
                .collect()
        })
        .collect();
    let mut order: Vec<((usize, usize), usize, usize)> = cards
        .iter()
        .enumerate()
        .flat_map(|(c, card)| {
            card.rows
                .iter()
                .enumerate()
                .map(move |(r, (line, _))| (*line, c, r))
        })
        .collect();
    order.sort_unstable();
    if bom {
        out.write_all(b"\xEF\xBB\xBF")?;
    }
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(&header)?;
    let card_column = super::csv::heading("card");
    for (_, c, r) in order {
        let (card, cells) = (&cards[c], &cards[c].rows[r].1);
        let record = header.iter().zip(&columns[c]).map(|(h, at)| {
            if *h == card_column {
                return card.card;
            }
            at.and_then(|i| cells.get(i)).map_or("", String::as_str)
        });
        writer.write_record(record)?;
    }
    writer.flush()
}
