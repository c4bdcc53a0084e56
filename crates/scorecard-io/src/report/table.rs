//! A terminal table: one row per employee, one column per section, block,
//! total, grade and band/output; for a pay card with stores, its main pay
//! added up per store below. No colour and no wrapping, so the output is
//! the same on every terminal and in every snapshot.

use super::common::{main_output, store_totals, summary_of, Grid};
use super::CardResults;
use crate::check::CheckedCard;
use crate::eval::ScoreResult;
use crate::t;
use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{CellAlignment, ContentArrangement, Table};

/// The table as text, ending in a newline.
pub fn table(card: &CheckedCard, results: &[ScoreResult]) -> String {
    table_of(&CardResults::new(card, results))
}

/// [`table`] of one card's part of a run: with the inputs fed by other
/// cards beside the pay (see [`summary_of`]).
pub fn table_of(part: &CardResults) -> String {
    let (card, results) = (part.card, part.results);
    let mut out = format!("{}\n", grid_table(summary_of(part)));
    if let (Some(totals), Some(main)) = (store_totals(card, results), main_output(card)) {
        out += &format!(
            "\n{}\n{}\n",
            t!("store-totals", name = card.derived()[main].display_name()),
            grid_table(totals)
        );
    }
    out
}

fn grid_table(grid: Grid) -> Table {
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
    table
}
