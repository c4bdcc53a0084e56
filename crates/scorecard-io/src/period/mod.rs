//! Periods: monthly rows rolled up to a card's quarter, half-year or year.
//!
//! ```text
//! monthly Rows ──roll_up(&CheckedCard)──▶ one Row per employee and period ──▶ eval
//! ```
//!
//! A card that rolls up declares its `period` (quarterly, half-yearly,
//! yearly), how each input adds up (`rollup sum | mean | last | all | any |
//! ratio(numerator, denominator)`, or its type's default) and what happens
//! to a period some months are missing from (`partial`). See [`roll_up`].

mod rollup;

pub use rollup::{
    roll_up, CannotRollUp, CannotRollUpKind, RollUp, RollingUp, RollupError, RollupErrorKind,
    Skipped, Source,
};
pub use scorecard_core::period::{Period, PeriodKind};

use crate::check::model::{CheckedCard, RollupRule};

/// The inputs a roll-up recomputes from their parts (`rollup ratio(…)`):
/// monthly data need not give them ([`ReadOptions::supplied`](crate::data::ReadOptions)).
pub fn recomputed(card: &CheckedCard) -> Vec<usize> {
    let Some(plan) = &card.rollup() else {
        return Vec::new();
    };
    plan.inputs
        .iter()
        .enumerate()
        .filter(|(_, rule)| matches!(rule.rule, RollupRule::Ratio { .. }))
        .map(|(i, _)| i)
        .collect()
}

/// How monthly data is read against a card that rolls up: its recomputed
/// rates need no column of their own.
pub fn monthly_options(card: &CheckedCard) -> crate::data::ReadOptions {
    crate::data::ReadOptions {
        supplied: recomputed(card),
        ..crate::data::ReadOptions::default()
    }
}

#[cfg(test)]
mod tests;
