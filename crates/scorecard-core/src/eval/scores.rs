//! A row's numbers without the trace: what the hot path fills, row after row,
//! in buffers it reuses, and what a CSV report needs.

use crate::value::Value;
use rust_decimal::Decimal;

/// Every score of one row, by index into the card, as
/// [`evaluate_scores`](super::evaluate_scores) leaves them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    /// One per `CheckedCard::items`.
    pub items: Vec<Decimal>,
    /// One per `CheckedCard::sections` (scaled when the section is `scaled`).
    pub sections: Vec<Decimal>,
    /// One per `CheckedCard::adjustments`: positive for a bonus, negative for a penalty.
    pub adjustments: Vec<Decimal>,
    /// The sections added up, before bonuses and penalties.
    pub sections_total: Decimal,
    /// Never below zero.
    pub total: Decimal,
    /// One per `CheckedCard::derived`; [`Value::Missing`] for those that read a rank.
    pub derived: Vec<Value>,
    /// The grade row that fired (`None`: no grade, or it reads a rank).
    pub grade: Option<usize>,
}

impl Scores {
    /// Empty lists with room for `card`'s scores.
    pub fn for_card(card: &crate::check::CheckedCard) -> Scores {
        Scores {
            items: Vec::with_capacity(card.items.len()),
            sections: Vec::with_capacity(card.sections.len()),
            adjustments: Vec::with_capacity(card.adjustments.len()),
            derived: Vec::with_capacity(card.derived.len()),
            ..Scores::default()
        }
    }

    /// Empties every list, keeping their memory for the next row.
    pub(super) fn clear(&mut self) {
        self.items.clear();
        self.sections.clear();
        self.adjustments.clear();
        self.derived.clear();
        self.sections_total = Decimal::ZERO;
        self.total = Decimal::ZERO;
        self.grade = None;
    }
}
