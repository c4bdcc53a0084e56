//! The common shapes of an item's base rule, found once at check time.
//!
//! Most items on a card are "full if this box is ticked" or "a tier table on
//! one input with points in every row". Scoring those through the general
//! evaluator costs a frame, an expression walk and a table of outcomes to
//! interpret, row after row. Their [`Shape`] holds instead exactly what the
//! untraced evaluator needs: the input's index and the points already worked
//! out. Every other rule is [`Shape::General`].
//!
//! A shape is found from the compiled rule by `check::items` (`shape_of`);
//! this module only says what a shape is, so the model can hold one.
//!
//! A shape is only a faster way to the same numbers: each constant here is
//! computed with the very operation the general evaluator applies, so the
//! two agree to the last digit and scale (a property test holds them to it).

use crate::syntax::ast::CmpOp;
use rust_decimal::Decimal;

/// How an item's base rule can be scored without the general evaluator.
#[derive(Debug, Clone, Default)]
pub enum Shape {
    /// No base rule: full points before deductions.
    Full,
    /// Pass/fail on one yes/no input: full points when the cell is
    /// `full_when`, `otherwise` points when it is not.
    Flag {
        /// The yes/no input, by index into the card's inputs.
        input: usize,
        /// The answer that gives full points (`false` for `zero if`).
        full_when: bool,
        /// The points for the other answer.
        otherwise: Decimal,
    },
    /// A tier table on one number input whose every row gives constant points.
    Tiers {
        /// The number input the table reads, by index into the card's inputs.
        input: usize,
        /// The table's rows, first match wins; the last is `else`.
        rows: Box<[Tier]>,
    },
    /// Anything else: the general evaluator scores it.
    #[default]
    General,
}

/// One row of a [`Shape::Tiers`]: its guard (`None` for `else`) and points.
#[derive(Debug, Clone)]
pub struct Tier {
    /// The comparison with the input's value (`>= 0.98`); `None` for `else`.
    pub guard: Option<(CmpOp, Decimal)>,
    /// The points the row gives.
    pub points: Decimal,
}

impl Shape {
    /// Holds every constant score to [0, points] (an item without deductions).
    pub(super) fn hold_to(&mut self, points: Decimal) {
        match self {
            Shape::Flag { otherwise, .. } => *otherwise = held(*otherwise, points),
            Shape::Tiers { rows, .. } => {
                for row in rows.iter_mut() {
                    row.points = held(row.points, points);
                }
            }
            Shape::Full | Shape::General => {}
        }
    }
}

/// A score held to [0, points], as the evaluator holds every item's score.
pub fn held(raw: Decimal, points: Decimal) -> Decimal {
    // -0 is not below zero: it stays as it is.
    if raw.is_sign_negative() && !raw.is_zero() {
        Decimal::ZERO
    } else if raw > points {
        points
    } else {
        raw
    }
}
