//! `diff`: two versions of a card on the same data — whom the change affects
//! and by how much, and what changed in the card, in its own words.
//!
//! ```text
//! old card ─┐                    ┌─ structure::changes ──▶ Vec<Change>
//! new card ─┼─ data read twice ──┼─ evaluate each ──▶ people::compare ──▶ EmployeeDiff, Unscored
//! data ─────┘  (one per card)    └─ people::summarize ──▶ Summary
//! ```
//!
//! The data is read against each card separately, since versions may differ
//! in their inputs; a row only one card can read or score is reported, not
//! dropped. [`render`] writes the report as a table, JSON, CSV or Markdown.

mod people;
mod render;
mod structure;

pub use people::{EmployeeDiff, ItemDiff, PayTotal, Summary, Unscored, ValueDiff};
pub use render::render;
pub use structure::{changes, Change};

use crate::check::CheckedCard;
use crate::data::DataSet;
use crate::version::Stamp;
use std::sync::Arc;

/// Which card a side of the diff is.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    pub file: String,
    pub stamp: Arc<Stamp>,
}

/// Everything `scorecard diff` reports.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub old: Side,
    pub new: Side,
    pub changes: Vec<Change>,
    /// Employees both cards scored, in data-file order.
    pub employees: Vec<EmployeeDiff>,
    pub unscored: Vec<Unscored>,
    pub summary: Summary,
}

impl Report {
    /// True when some row could not be scored by one card or both.
    pub fn has_problems(&self) -> bool {
        !self.unscored.is_empty()
    }
}

/// Scores `old_data` with `old` and `new_data` with `new` (the same file, read
/// against each card) and compares.
pub fn diff(
    old: &CheckedCard,
    new: &CheckedCard,
    old_data: &DataSet,
    new_data: &DataSet,
) -> Report {
    let score = |card: &CheckedCard, data: &DataSet| {
        let (results, failures) = crate::eval::evaluate_all(card, &data.rows);
        let failures = failures
            .into_iter()
            .map(|f| {
                let message = format!("{} (line {})", f.error.message, f.line);
                (f.line, f.employee.id, message)
            })
            .collect::<Vec<_>>();
        (results, failures)
    };
    let (old_results, old_failures) = score(old, old_data);
    let (new_results, new_failures) = score(new, new_data);
    let (employees, unscored) = people::compare(
        &people::Scored {
            card: old,
            data: old_data,
            results: &old_results,
            failures: old_failures,
        },
        &people::Scored {
            card: new,
            data: new_data,
            results: &new_results,
            failures: new_failures,
        },
    );
    let summary = people::summarize(&employees);
    Report {
        old: Side {
            file: old.source.name.clone(),
            stamp: old.stamp.clone(),
        },
        new: Side {
            file: new.source.name.clone(),
            stamp: new.stamp.clone(),
        },
        changes: changes(old, new),
        employees,
        unscored,
        summary,
    }
}

#[cfg(test)]
mod tests;
