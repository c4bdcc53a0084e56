//! A run's results as a report: one card in its own layout; versions of a
//! card, or the cards of a rules directory, each format's way of telling
//! them apart; the notes of the run in every format.

use super::{CardRun, Outcome};
use crate::manifest::FIRST_STEP;
use crate::report::{self, CardResults, Format, Options};
use crate::t;
use crate::value::Value;
use std::io::{self, Write};

/// Writes `outcome`'s results in `format`.
pub fn render(
    format: Format,
    outcome: &Outcome,
    options: &Options,
    out: &mut dyn Write,
) -> io::Result<()> {
    let notes = outcome.note_lines();
    let inputs: Vec<Vec<&[Value]>> = outcome.runs.iter().map(CardRun::inputs_all).collect();
    let several_versions = !outcome.routed && outcome.runs.len() > 1;
    let tags: Vec<Option<String>> = outcome
        .runs
        .iter()
        .map(|run| match &run.step {
            Some(step) if step != FIRST_STEP => Some(step.clone()),
            _ if several_versions => Some(run.card.stamp().version.as_ref().map_or_else(
                || run.card.stamp().describe(),
                |v| t!("run-version-tag", version = v),
            )),
            _ => None,
        })
        .collect();
    let parts: Vec<CardResults> = outcome
        .runs
        .iter()
        .zip(&inputs)
        .zip(&tags)
        .map(|((run, inputs), tag)| CardResults {
            card: &run.card,
            results: &run.results,
            inputs,
            tag: tag.as_deref(),
            tables: &run.tables,
            fed: &run.fed,
        })
        .collect();
    match parts.as_slice() {
        [] => Ok(()),
        [one] if !outcome.routed => single(format, one, &notes, options, out),
        _ if several_versions => versions(format, &parts, &notes, options, out),
        _ => report::render_by_card(
            format,
            "考核结果",
            &format!("考核规则 {}", outcome.rules),
            &parts,
            &notes,
            options,
            out,
        ),
    }
}

fn single(
    format: Format,
    part: &CardResults,
    notes: &[String],
    options: &Options,
    out: &mut dyn Write,
) -> io::Result<()> {
    let (card, results) = (part.card, part.results);
    match format {
        Format::Table => {
            out.write_all(report::table_of(part).as_bytes())?;
            out.write_all(report::notes_text(notes).as_bytes())
        }
        Format::Json | Format::JsonLines => {
            report::write_json_rows(card, results, format == Format::JsonLines, notes, out)
        }
        Format::Csv => {
            report::write_csv(card, results, options.bom, &mut *out)?;
            out.write_all(report::notes_csv(notes).as_bytes())
        }
        Format::Markdown => {
            out.write_all(report::markdown_of(part).as_bytes())?;
            out.write_all(report::notes_markdown(notes).as_bytes())
        }
        Format::Xlsx => {
            let bytes =
                report::xlsx_with_notes(card, results, part.inputs, notes, part.fed, options)
                    .map_err(io::Error::other)?;
            out.write_all(&bytes)
        }
        Format::Html => report::write_html(card, results, part.inputs, notes, out),
    }
}

/// Versions of one card: one report per version, oldest first. CSV has one
/// header, so the versions must have the same columns.
#[allow(clippy::too_many_arguments)]
fn versions(
    format: Format,
    parts: &[CardResults],
    notes: &[String],
    options: &Options,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Json => {
            let docs: Vec<_> = parts
                .iter()
                .map(|g| report::json(g.card, g.results))
                .collect();
            let mut doc = serde_json::json!({ "versions": docs });
            if !notes.is_empty() {
                doc["notes"] = serde_json::json!(notes);
            }
            serde_json::to_writer_pretty(&mut *out, &doc)?;
            out.write_all(b"\n")
        }
        Format::JsonLines => report::write_json_lines_of_cards(parts, notes, out),
        Format::Csv => {
            let mut text = String::new();
            let mut header: Option<String> = None;
            for g in parts {
                let csv = report::csv_string(g.card, g.results, false);
                let (head, body) = csv.split_once('\n').unwrap_or((&csv, ""));
                match &header {
                    None => {
                        header = Some(head.to_string());
                        text += &csv;
                    }
                    Some(first) if first == head => text += body,
                    Some(_) => {
                        return Err(io::Error::new(
                            io::ErrorKind::Unsupported,
                            t!(
                                "run-csv-versions-differ",
                                versions = parts
                                    .iter()
                                    .map(|g| g.card.stamp().describe())
                                    .collect::<Vec<_>>()
                                    .join(&t!("data-list-sep"))
                            ),
                        ))
                    }
                }
            }
            if options.bom {
                out.write_all(report::CSV_BOM)?;
            }
            out.write_all(text.as_bytes())?;
            out.write_all(report::notes_csv(notes).as_bytes())
        }
        Format::Table => {
            for g in parts {
                let dates = g
                    .card
                    .stamp()
                    .effective
                    .map_or(String::new(), |e| t!("run-in-force", dates = e.to_string()));
                writeln!(
                    out,
                    "{} · {}{dates}",
                    g.card.display_name(),
                    g.card.stamp().describe()
                )?;
                out.write_all(report::table(g.card, g.results).as_bytes())?;
                out.write_all(b"\n")?;
            }
            out.write_all(report::notes_text(notes).as_bytes())
        }
        Format::Markdown => {
            let texts: Vec<String> = parts
                .iter()
                .map(|g| report::markdown(g.card, g.results))
                .collect();
            out.write_all(texts.join("\n").as_bytes())?;
            out.write_all(report::notes_markdown(notes).as_bytes())
        }
        Format::Xlsx | Format::Html => {
            let title = format!("{} 考核结果", parts[0].card.display_name());
            let about = format!(
                "考核表 {} 的 {} 个版本",
                parts[0].card.source().name,
                parts.len()
            );
            report::render_by_card(format, &title, &about, parts, notes, options, out)
        }
    }
}
