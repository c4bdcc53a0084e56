//! A Markdown report: the summary table, then for each employee the items
//! and blocks that cost points (the full reasons are in `explain`).

use super::common::{employee_title, minus, summary};
use crate::check::CheckedCard;
use crate::eval::ScoreResult;
use crate::value::format_decimal;
use std::fmt::Write as _;

/// The report as Markdown text, ending in a newline.
pub fn markdown(card: &CheckedCard, results: &[ScoreResult]) -> String {
    let grid = summary(card, results);
    let mut out = format!(
        "# {}\n\n{} · {}\n\n",
        escape(card.display_name()),
        escape(&card.source.name),
        escape(&card.stamp.describe())
    );
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
    // A pay card (no items, no bonus or penalty) has no points to lose.
    if card.items.is_empty() && card.adjustments.is_empty() {
        return out;
    }
    if !results.is_empty() {
        out += "\n## Points lost\n";
    }
    for result in results {
        let _ = write!(
            out,
            "\n### {}\n\n",
            escape(&employee_title(&result.employee))
        );
        let lost = points_lost(card, result);
        if lost.is_empty() {
            out += "- none\n";
        }
        for line in lost {
            let _ = writeln!(out, "- {}", escape(&line));
        }
    }
    out
}

/// `按时反馈 (信息反馈): 1 of 3`, and each penalty block that took points.
fn points_lost(card: &CheckedCard, result: &ScoreResult) -> Vec<String> {
    let mut lines = Vec::new();
    for (item, &score) in card.items.iter().zip(&result.scores.items) {
        if score < item.points {
            let section = &card.sections[item.section];
            lines.push(format!(
                "{} ({}): {} of {}",
                item.display_name(),
                section.label.as_deref().unwrap_or(&section.name),
                format_decimal(score),
                format_decimal(item.points)
            ));
        }
    }
    for (block, &amount) in card.adjustments.iter().zip(&result.scores.adjustments) {
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
