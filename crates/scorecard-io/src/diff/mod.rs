//! `diff`: two versions of the rules on the same data — whom the change
//! affects and by how much, and what changed in the cards, in their words.
//!
//! ```text
//! old rules ─┐                  ┌─ structure::changes ──▶ Vec<Change>
//! new rules ─┼─ run::Plan each ─┼─ people::compare ──▶ EmployeeDiff, Unscored
//! data ──────┘                  └─ people::summarize ──▶ Summary
//! ```
//!
//! Each side is a run of its own (a card, or a rules directory where each
//! row is scored by its own card, before and after), so a row's numbers are
//! those every other command gives. Each side reads the data against its
//! own inputs; a row only one side can read or score is reported, not
//! dropped. [`render`] writes the report as a table, JSON, CSV or Markdown.

mod people;
mod render;
mod structure;

pub use people::{EmployeeDiff, ItemDiff, PayTotal, Summary, Unscored, ValueDiff};
pub use render::render;
pub use structure::{changes, Change};

use crate::run::{Outcome, Scoring};
use crate::version::Stamp;
use std::sync::Arc;

/// Which cards a side of the diff is.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    /// The card file, or the rules directory's manifest.
    pub file: String,
    /// The card's version and hash; `None` for a rules directory (each
    /// employee's card is named beside them).
    pub stamp: Option<Arc<Stamp>>,
}

impl Side {
    /// The side for what a scoring holds: its one card, or its manifest.
    pub fn of(scoring: &Scoring) -> Side {
        match scoring.directory_ref() {
            Some(d) => Side {
                file: d.manifest().source.name.clone(),
                stamp: None,
            },
            None => {
                let card = &scoring.cards()[0];
                Side {
                    file: card.source().name.clone(),
                    stamp: Some(card.stamp().clone()),
                }
            }
        }
    }
}

/// Everything `scorecard diff` reports.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub old: Side,
    pub new: Side,
    pub changes: Vec<Change>,
    /// Employees both sides scored (each step of each, for a rules
    /// directory), in data order.
    pub employees: Vec<EmployeeDiff>,
    pub unscored: Vec<Unscored>,
    pub summary: Summary,
    /// Several cards on a side: each employee's card is shown.
    pub routed: bool,
}

impl Report {
    /// True when some row could not be scored by one side or both.
    pub fn has_problems(&self) -> bool {
        !self.unscored.is_empty()
    }
}

/// Two versions of a card on the same data: `old` and `new` are the card's
/// own results, row by row.
pub fn diff(old: &Scoring, new: &Scoring, old_run: &Outcome, new_run: &Outcome) -> Report {
    let (employees, unscored) = people::compare(old_run, new_run);
    let summary = people::summarize(&employees);
    Report {
        old: Side::of(old),
        new: Side::of(new),
        changes: card_changes(old, new),
        employees,
        unscored,
        summary,
        routed: old.directory_ref().is_some() || new.directory_ref().is_some(),
    }
}

/// What changed in the cards: for one card on each side, the two compared;
/// for rules directories, each card by name (those added and removed said
/// so), every difference headed by the card's name.
fn card_changes(old: &Scoring, new: &Scoring) -> Vec<Change> {
    if let ([o], [n]) = (old.cards(), new.cards()) {
        if old.directory_ref().is_none() && new.directory_ref().is_none() {
            return changes(o, n);
        }
    }
    // Each change with the cards it is in: a change of the group's card
    // reaches every brand card that extends it, and is said once for all.
    let mut found: Vec<(Vec<String>, Change)> = Vec::new();
    let mut add = |card: &str, change: Change| match found.iter_mut().find(|(_, c)| *c == change) {
        Some((cards, _)) => cards.push(card.to_string()),
        None => found.push((vec![card.to_string()], change)),
    };
    for n in new.cards() {
        match old.cards().iter().find(|o| o.name() == n.name()) {
            Some(o) if o.stamp().hash != n.stamp().hash => {
                for change in changes(o, n) {
                    add(n.name(), change);
                }
            }
            Some(_) => {}
            None => add(
                n.name(),
                Change {
                    about: crate::t!("diff-about-card"),
                    change: crate::t!("diff-card-new", file = &n.source().name),
                },
            ),
        }
    }
    for o in old.cards() {
        if !new.cards().iter().any(|n| n.name() == o.name()) {
            add(
                o.name(),
                Change {
                    about: crate::t!("diff-about-card"),
                    change: crate::t!("diff-card-gone", file = &o.source().name),
                },
            );
        }
    }
    found
        .into_iter()
        .map(|(cards, change)| Change {
            about: format!("{} · {}", cards.join(", "), change.about),
            change: change.change,
        })
        .collect()
}

#[cfg(test)]
mod tests;
