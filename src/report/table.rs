//! A terminal table: one row per employee, one column per section, block,
//! total, grade and band/output. No colour and no wrapping, so the output is
//! the same on every terminal and in every snapshot.

use super::common::summary;
use crate::check::CheckedCard;
use crate::eval::ScoreResult;
use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{CellAlignment, ContentArrangement, Table};

/// The table as text, ending in a newline.
pub fn table(card: &CheckedCard, results: &[ScoreResult]) -> String {
    let grid = summary(card, results);
    let mut table = Table::new();
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .force_no_tty()
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(grid.header);
    for row in grid.rows {
        table.add_row(row);
    }
    for (column, numeric) in table.column_iter_mut().zip(grid.numeric) {
        if numeric {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    format!("{table}\n")
}
