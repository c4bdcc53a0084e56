//! A Markdown report: the summary table, then for each employee the items
//! and blocks that cost points (the full reasons are in `explain`).

use super::common::{employee_title, main_output, minus, store_totals, summary_of, Grid};
use super::CardResults;
use crate::check::CheckedCard;
use crate::eval::ScoreResult;
use crate::t;
use crate::value::format_decimal;
use std::fmt::Write as _;

/// The report as Markdown text, ending in a newline.
pub fn markdown(card: &CheckedCard, results: &[ScoreResult]) -> String {
    markdown_of(&CardResults::new(card, results))
}

/// [`markdown`] of one card's part of a run: with the inputs fed by other
/// cards beside the pay.
pub fn markdown_of(part: &CardResults) -> String {
    let (card, results) = (part.card, part.results);
    let mut out = format!(
        "# {}\n\n{} · {}\n\n",
        escape(card.display_name()),
        escape(&card.source().name),
        escape(&card.stamp().describe())
    );
    out += &grid_markdown(&summary_of(part));
    if let (Some(totals), Some(main)) = (store_totals(card, results), main_output(card)) {
        let _ = write!(
            out,
            "\n## {}\n\n{}",
            escape(&t!(
                "store-totals",
                name = card.derived()[main].display_name()
            )),
            grid_markdown(&totals)
        );
    }
    // A pay card (no items, no bonus or penalty) has no points to lose.
    if card.items().is_empty() && card.adjustments().is_empty() {
        return out;
    }
    if !results.is_empty() {
        let _ = writeln!(out, "\n## {}", t!("md-points-lost"));
    }
    for result in results {
        let _ = write!(
            out,
            "\n### {}\n\n",
            escape(&employee_title(&result.employee))
        );
        let lost = points_lost(card, result);
        if lost.is_empty() {
            let _ = writeln!(out, "- {}", t!("md-none"));
        }
        for line in lost {
            let _ = writeln!(out, "- {}", escape(&line));
        }
    }
    out
}

/// A grid as a Markdown table, numbers right-aligned.
fn grid_markdown(grid: &Grid) -> String {
    let mut out = String::new();
    let row = |cells: &[String]| {
        format!(
            "| {} |\n",
            cells
                .iter()
                .map(|c| escape(c))
                .collect::<Vec<_>>()
                .join(" | ")
        )
    };
    out += &row(&grid.header);
    let rule: Vec<String> = grid
        .numeric
        .iter()
        .map(|&n| if n { "---:" } else { "---" }.to_string())
        .collect();
    out += &format!("|{}|\n", rule.join("|"));
    for cells in &grid.rows {
        out += &row(cells);
    }
    out
}

/// `按时反馈 (信息反馈): 1 of 3`, and each penalty block that took points.
fn points_lost(card: &CheckedCard, result: &ScoreResult) -> Vec<String> {
    let mut lines = Vec::new();
    for (item, &score) in card.items().iter().zip(&result.scores.items) {
        if score < item.points {
            let section = &card.sections()[item.section];
            lines.push(t!(
                "md-lost",
                item = item.display_name(),
                section = section.label.as_deref().unwrap_or(&section.name),
                score = format_decimal(score),
                points = format_decimal(item.points)
            ));
        }
    }
    for (block, &amount) in card.adjustments().iter().zip(&result.scores.adjustments) {
        if amount.is_sign_negative() && !amount.is_zero() {
            lines.push(format!("{}: {}", block.display_name(), minus(amount)));
        }
    }
    lines
}

/// Keeps a cell's text from breaking the table or turning into markup.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' | '\\' | '*' | '_' | '`' | '<' | '>' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}
