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

mod calendar;
mod rollup;

pub use calendar::{Period, PeriodKind};
pub use rollup::{roll_up, CannotRollUp, RollUp, RollingUp, RollupError, Skipped, Source};

use crate::check::model::{CheckedCard, RollupRule};

/// The card as monthly data is read against it: an input recomputed by
/// `ratio` needs no column of its own (its parts have columns).
pub fn monthly_view(card: &CheckedCard) -> CheckedCard {
    let mut view = card.clone();
    if let Some(plan) = &card.rollup {
        for (input, rule) in view.inputs.iter_mut().zip(&plan.inputs) {
            if let RollupRule::Ratio { .. } = rule.rule {
                input.optional = true;
                input.default = None;
            }
        }
    }
    view
}

#[cfg(test)]
mod tests;
