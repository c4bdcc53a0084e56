//! 考核结果告知书: one printed A4 page per employee, to hand out.
//!
//! A page holds who the employee is and the period; for each card that
//! scored them (the appraisal, then the pay it feeds) the total and grade,
//! every item with its points and score and, where points were lost, why
//! in plain words, quoting the policy's sentence (see [`super::explain`])
//! with the card's file and line as a small reference; bonus and penalty lines; the outputs
//! (pay) to the fen; the notes on what nobody stated; then the appeal
//! paragraph and a signature block (考核人 / 被考核人 / 日期).
//!
//! Self-contained (styles inline, nothing fetched) and deterministic, like
//! the store report ([`super::html`]), whose reason lines and money format it
//! shares.

use super::common::minus;
use super::explain::{block_reasons, item_reasons};
use super::html_text::{escape, value_text, with_code};
use crate::check::CheckedCard;
use crate::eval::ScoreResult;
use crate::t;
use crate::value::{format_decimal, Value};
use std::fmt::Write as _;

const STYLE: &str = r#"
@page { size: A4; margin: 10mm 12mm 10mm 12mm; }
body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; color: #111; margin: 0; font-size: 8pt; line-height: 1.2; }
section.sheet { break-after: page; }
section.sheet:last-of-type { break-after: auto; }
h1 { font-size: 14pt; text-align: center; margin: 0 0 1mm 0; letter-spacing: 0.3em; }
h2 { font-size: 10pt; margin: 2mm 0 0.5mm 0; }
.meta { text-align: center; color: #444; margin: 0 0 2mm 0; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0; }
th, td { border: 0.5pt solid #888; padding: 0.25mm 1.2mm; vertical-align: top; }
th { background: #e8eef7; font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.name { white-space: nowrap; }
tr.section td { background: #f4f4f4; font-weight: 600; }
.why { color: #333; font-size: 7pt; line-height: 1.15; }
code { font-family: inherit; background: #f1f1f1; padding: 0 0.4mm; }
.result { font-size: 10pt; margin: 0.5mm 0; }
.notes { border: 0.6pt solid #d8b64a; background: #fff8e0; padding: 1mm 2mm; margin: 2mm 0; font-size: 8.5pt; }
.appeal { margin-top: 2mm; }
.appeal p { margin: 1mm 0; line-height: 1.5; }
table.sign td { border: none; padding-top: 4mm; width: 33%; }
.ref { color: #777; font-size: 7.5pt; margin-top: 3mm; }
.cite { color: #888; font-size: 6pt; white-space: nowrap; }
tr, li { break-inside: avoid; }
"#;

/// What one card gave one employee, with what the report needs to explain it.
pub struct AppealPart<'a> {
    pub card: &'a CheckedCard,
    pub result: &'a ScoreResult,
    /// The row's input values, so a reason can show what a rule read.
    pub inputs: Option<&'a [Value]>,
    /// What the run did that nobody typed, for this row.
    pub notes: Vec<String>,
}

/// The document: a page per employee (and period), each with the parts of
/// every card that scored them, in the order given. Parts of one employee
/// and period are gathered onto one page wherever they come in `parts`.
pub fn appeal_html(title: &str, parts: &[AppealPart]) -> String {
    let mut pages: Vec<(String, Option<String>, Vec<&AppealPart>)> = Vec::new();
    for part in parts {
        let employee = &part.result.employee;
        let period = employee.period.as_ref().map(|p| p.to_string());
        match pages
            .iter_mut()
            .find(|(id, p, _)| id == &employee.id && p == &period)
        {
            Some((_, _, page)) => page.push(part),
            None => pages.push((employee.id.clone(), period, vec![part])),
        }
    }
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        crate::i18n::lang().tag(),
        escape(title)
    );
    for (_, period, page) in &pages {
        sheet(&mut out, period.as_deref(), page);
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn sheet(out: &mut String, period: Option<&str>, parts: &[&AppealPart]) {
    let first = parts[0];
    let employee = &first.result.employee;
    let _ = writeln!(
        out,
        "<section class=\"sheet\">\n<h1>{}</h1>",
        escape(&t!("appeal-title"))
    );
    let _ = writeln!(
        out,
        "<p class=\"meta\">{} · {}</p>",
        escape(first.card.display_name()),
        escape(&t!("appeal-period", period = period.unwrap_or("—")))
    );
    let cell = |text: &Option<String>| escape(text.as_deref().unwrap_or("—"));
    let _ = writeln!(
        out,
        "<table class=\"who\"><tr><th>{}</th><td>{}</td><th>{}</th><td>{}</td><th>{}</th><td>{}</td><th>{}</th><td>{}</td><th>{}</th><td>{}</td></tr></table>",
        t!("appeal-id"),
        escape(&employee.id),
        t!("appeal-name"),
        cell(&employee.name),
        t!("appeal-role"),
        cell(&first.card.role().map(str::to_string)),
        t!("appeal-brand"),
        cell(&employee.brand),
        t!("appeal-store"),
        cell(&employee.store),
    );
    for part in parts {
        card_part(out, part, parts.len() > 1);
    }
    let notes: Vec<&String> = parts.iter().flat_map(|p| &p.notes).collect();
    if !notes.is_empty() {
        let _ = writeln!(out, "<div class=\"notes\">{}<ul>", t!("appeal-notes"));
        for note in notes {
            let _ = writeln!(out, "<li>{}</li>", with_code(note));
        }
        out.push_str("</ul></div>\n");
    }
    let _ = writeln!(
        out,
        "<div class=\"appeal\"><h2>{}</h2>\n<p>{}</p>\n<p>{}</p>\n</div>",
        escape(&t!("appeal-heading")),
        escape(&t!("appeal-text")),
        escape(&t!("appeal-matter"))
    );
    let _ = writeln!(
        out,
        "<table class=\"sign\"><tr><td>{}</td><td>{}</td><td>{}</td></tr></table>",
        escape(&t!("appeal-sign-rater")),
        escape(&t!("appeal-sign-employee")),
        escape(&t!("appeal-sign-date"))
    );
    let refs: Vec<String> = parts
        .iter()
        .map(|p| {
            t!(
                "appeal-ref",
                file = &p.card.source().name,
                stamp = p.card.stamp().describe(),
                line = p.result.line
            )
        })
        .collect();
    let _ = writeln!(
        out,
        "<p class=\"ref\">{}</p>",
        escape(&refs.join(&t!("appeal-ref-sep")))
    );
    out.push_str("</section>\n");
}

/// One card's result: total and grade, items, bonus and penalty, outputs.
fn card_part(out: &mut String, part: &AppealPart, titled: bool) {
    let (card, result) = (part.card, part.result);
    if titled {
        let _ = writeln!(out, "<h2>{}</h2>", escape(card.display_name()));
    }
    if !card.sections().is_empty() {
        let grade = result
            .grade(card)
            .map_or(String::new(), |g| t!("appeal-grade", grade = escape(g)));
        let _ = writeln!(
            out,
            "<p class=\"result\">{}{grade}</p>",
            t!(
                "appeal-result",
                total = format_decimal(result.scores.total),
                of = format_decimal(card.total())
            )
        );
        let _ = writeln!(
            out,
            "<table class=\"items\"><thead><tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th>{}</th></tr></thead>\n<tbody>",
            escape(&t!("appeal-col-item")),
            escape(&t!("appeal-col-points")),
            escape(&t!("appeal-col-score")),
            escape(&t!("appeal-col-why"))
        );
        for (s, section) in card.sections().iter().enumerate() {
            let _ = writeln!(
                out,
                "<tr class=\"section\"><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td></td></tr>",
                escape(section.label.as_deref().unwrap_or(&section.name)),
                format_decimal(section.weight),
                format_decimal(result.scores.sections[s]),
            );
            for i in section.items.clone() {
                let item = &card.items()[i];
                let score = result.scores.items[i];
                let why = if score < item.points {
                    reasons(&item_reasons(card, result, part.inputs, i))
                } else {
                    String::new()
                };
                let _ = writeln!(
                    out,
                    "<tr><td class=\"name\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"why\">{why}</td></tr>",
                    escape(item.display_name()),
                    format_decimal(item.points),
                    format_decimal(score),
                );
            }
        }
        for (b, (block, amount)) in card
            .adjustments()
            .iter()
            .zip(&result.scores.adjustments)
            .enumerate()
        {
            let why = if amount.is_zero() {
                String::new()
            } else {
                reasons(&block_reasons(card, result, b))
            };
            let _ = writeln!(
                out,
                "<tr class=\"section\"><td>{}</td><td class=\"num\"></td><td class=\"num\">{}</td><td class=\"why\">{why}</td></tr>",
                escape(block.display_name()),
                minus(*amount),
            );
        }
        out.push_str("</tbody></table>\n");
    }
    let outputs: Vec<usize> = super::common::derived_order(card);
    if !outputs.is_empty() {
        // Two outputs to a row: the pay block stays short, so the page holds it.
        out.push_str("<table class=\"pay\"><tbody>\n");
        for pair in outputs.chunks(2) {
            out.push_str("<tr>");
            for &d in pair {
                let derived = &card.derived()[d];
                let _ = write!(
                    out,
                    "<th>{}</th><td class=\"num\">{}</td>",
                    escape(derived.display_name()),
                    escape(&value_text(&result.scores.derived[d], derived.ty)),
                );
            }
            if pair.len() == 1 {
                out.push_str("<th></th><td></td>");
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody></table>\n");
    }
}

/// Each reason on its own line, the card's file and line after it in small grey type.
fn reasons(lines: &[String]) -> String {
    lines
        .iter()
        .map(|l| match l.rsplit_once("  ") {
            Some((text, cite)) => format!(
                "{} <span class=\"cite\">{}</span>",
                with_code(text),
                escape(cite)
            ),
            None => with_code(l),
        })
        .collect::<Vec<_>>()
        .join("<br>")
}
