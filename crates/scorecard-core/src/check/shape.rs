//! The common shapes of an item's base rule, found once at check time.
//!
//! Most items on a card are "full if this box is ticked" or "a tier table on
//! one input with points in every row". Scoring those through the general
//! evaluator costs a frame, an expression walk and a table of outcomes to
//! interpret, row after row. Their [`Shape`] holds instead exactly what the
//! untraced evaluator needs: the input's index and the points already worked
//! out. Every other rule is [`Shape::General`].
//!
//! A shape is only a faster way to the same numbers: each constant here is
//! computed with the very operation the general evaluator applies, so the
//! two agree to the last digit and scale (a property test holds them to it).

use super::model::{BaseRule, Expr, ExprKind, Outcome, TierTable};
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
    /// The shape of an item worth `points` whose base rule is `base`. An
    /// item without deductions has its points held to [0, points] here, once,
    /// rather than row after row.
    pub fn of(base: Option<&BaseRule>, points: Decimal, deductions: bool) -> Shape {
        let mut shape = match base {
            None => Shape::Full,
            Some(BaseRule::PassFail {
                condition,
                zero_if,
                otherwise,
                ..
            }) => flag(condition, *zero_if, *otherwise),
            Some(BaseRule::Tiers(table)) => tiers(table, points),
            Some(_) => Shape::General,
        };
        if !deductions {
            shape.hold_to(points);
        }
        shape
    }

    fn hold_to(&mut self, points: Decimal) {
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

/// `full if X`, `zero if X`, or either on `not X`, for a yes/no input X.
fn flag(condition: &Expr, zero_if: bool, otherwise: Decimal) -> Shape {
    // The rule is met when the condition differs from `zero_if`; the cell
    // is the condition, or its opposite under `not`.
    let (input, negated) = match &condition.kind {
        ExprKind::Input(i) => (*i, false),
        ExprKind::Not(inner) => match inner.kind {
            ExprKind::Input(i) => (i, true),
            _ => return Shape::General,
        },
        _ => return Shape::General,
    };
    Shape::Flag {
        input,
        full_when: zero_if == negated,
        otherwise: if zero_if { Decimal::ZERO } else { otherwise },
    }
}

fn tiers(table: &TierTable<Outcome>, points: Decimal) -> Shape {
    let ExprKind::Input(input) = table.subject.kind else {
        return Shape::General;
    };
    let rows: Option<Box<[Tier]>> = table
        .rows
        .iter()
        .map(|row| {
            let points = match &row.outcome {
                Outcome::Full => points,
                // Overflow is left to the general evaluator to report.
                Outcome::Minus(n) => points.checked_sub(*n)?,
                Outcome::Fixed(n) => *n,
                Outcome::Formula(_) => return None,
            };
            Some(Tier {
                guard: row.guard,
                points,
            })
        })
        .collect();
    match rows {
        Some(rows) => Shape::Tiers { input, rows },
        None => Shape::General,
    }
}
