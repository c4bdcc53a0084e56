//! Evaluate rows against a checked card, in two stages.
//!
//! 1. [`evaluate`], the row stage: items first (each from its inputs), then
//!    sections, bonus and penalty blocks, the total, the bands and outputs
//!    that read no rank in dependency order, and the grade.
//! 2. [`rank`], the group stage, over all rows at once: ranks within each
//!    group, then the bands and outputs that read a rank, then grade limits.
//!
//! [`evaluate_all`] runs both. Every step records what it used in the
//! [`ScoreResult`]'s trace.

mod error;
mod expr;
mod group;
mod item;
mod rated;
pub mod result;
mod tiers;

pub use error::EvalError;
pub use group::rank;
pub use result::ScoreResult;

use crate::check::model::{Adjustment, Derived, DerivedRule, Section};
use crate::check::CheckedCard;
use crate::data::Row;
use crate::syntax::ast::AdjustmentKind;
use crate::value::Value;
use expr::Frame;
use result::{AdjustmentScore, DerivedValue};
use rust_decimal::{Decimal, RoundingStrategy};
use std::sync::Arc;

/// Scores one row: the row stage. The row's values must have been bound to
/// this card. When the card ranks rows, the values that read a rank stay
/// [`Value::Missing`](crate::value::Value::Missing) (and a grade that reads
/// one stays `None`) until [`rank`] fills them in; [`evaluate_all`] does both.
pub fn evaluate(card: &CheckedCard, row: &Row) -> Result<ScoreResult, EvalError> {
    let mut frame = Frame {
        inputs: &row.values,
        items: Vec::with_capacity(card.items.len()),
        sections: Vec::with_capacity(card.sections.len()),
        adjustments: Vec::with_capacity(card.adjustments.len()),
        total: Decimal::ZERO,
        derived: Vec::with_capacity(card.derived.len()),
        hooks: &card.hooks,
        calls: std::cell::RefCell::new(Vec::new()),
        ranks: &[],
    };
    let items = card
        .items
        .iter()
        .map(|i| item::score(i, &frame))
        .collect::<Result<Vec<_>, _>>()?;
    frame.items = items.iter().map(|i| i.score).collect();
    frame.sections = card
        .sections
        .iter()
        .map(|s| section_score(s, &frame.items))
        .collect();
    let sections_total: Decimal = frame.sections.iter().copied().sum();

    let adjustments = card
        .adjustments
        .iter()
        .map(|a| adjustment(a, &frame))
        .collect::<Result<Vec<_>, _>>()?;
    frame.adjustments = adjustments.iter().map(|a| a.amount).collect();
    let raw_total = adjustments
        .iter()
        .try_fold(sections_total, |sum, a| sum.checked_add(a.amount))
        .ok_or_else(|| EvalError {
            message: "bonuses and penalties grew too large to compute".into(),
            span: None,
        })?;
    let (total, floored_from) = if raw_total < Decimal::ZERO {
        (Decimal::ZERO, Some(raw_total))
    } else {
        (raw_total, None)
    };
    frame.total = total;

    let mut derived = Vec::with_capacity(card.derived.len());
    for d in &card.derived {
        let value = if d.after_ranks {
            DerivedValue {
                value: Value::Missing,
                row: None,
            }
        } else {
            derive(d, &frame)?
        };
        frame.derived.push(value.value.clone());
        derived.push(value);
    }
    let grade = if card.group.grade_after_ranks {
        None
    } else {
        grade(card, &frame)?
    };
    Ok(ScoreResult {
        employee: row.employee.clone(),
        line: row.line,
        items,
        sections: frame.sections,
        adjustments,
        sections_total,
        total,
        floored_from,
        grade,
        derived,
        card: card.stamp.clone(),
        hooks: frame.calls.into_inner(),
        ranks: Vec::new(),
        pushed: Vec::new(),
    })
}

/// A band's or output's value.
fn derive(d: &Derived, frame: &Frame) -> Result<DerivedValue, EvalError> {
    Ok(match &d.rule {
        DerivedRule::Output(expr) => DerivedValue {
            value: frame.eval(expr)?,
            row: None,
        },
        DerivedRule::Band(table) => {
            let (row, _) = tiers::pick(table, frame)?;
            DerivedValue {
                value: frame.eval(&table.rows[row].outcome)?,
                row: Some(row),
            }
        }
    })
}

/// The grade row that fires, and its label.
fn grade(card: &CheckedCard, frame: &Frame) -> Result<Option<(usize, Arc<str>)>, EvalError> {
    let Some(table) = &card.grade else {
        return Ok(None);
    };
    let (row, _) = tiers::pick(table, frame)?;
    Ok(Some((row, table.rows[row].outcome.clone())))
}

/// A section is the sum of its items; a `scaled` section is scaled to its
/// weight and rounded to 0.01 point (half away from zero).
fn section_score(section: &Section, items: &[Decimal]) -> Decimal {
    let sum: Decimal = items[section.items.clone()].iter().copied().sum();
    if !section.scaled || section.points.is_zero() {
        return sum;
    }
    (sum * section.weight / section.points)
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

fn adjustment(block: &Adjustment, frame: &Frame) -> Result<AdjustmentScore, EvalError> {
    let lines = block
        .lines
        .iter()
        .map(|l| item::hit(l, frame))
        .collect::<Result<Vec<_>, _>>()?;
    let mut uncapped = Decimal::ZERO;
    for line in &lines {
        uncapped = uncapped
            .checked_add(line.amount)
            .ok_or_else(|| EvalError::at(block.span, "the amounts grew too large to compute"))?;
    }
    let capped = block.cap.is_some_and(|cap| uncapped > cap);
    let magnitude = if capped {
        block.cap.unwrap_or(uncapped)
    } else {
        uncapped
    };
    let amount = match block.kind {
        AdjustmentKind::Bonus => magnitude,
        AdjustmentKind::Penalty => -magnitude,
    };
    Ok(AdjustmentScore {
        lines,
        amount,
        capped,
        uncapped,
    })
}

/// A row that could not be scored, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct RowFailure {
    pub line: usize,
    pub employee: crate::data::Employee,
    pub error: EvalError,
}

/// Scores every row, both stages, keeping the failures beside the results,
/// each in input order. Ranks are over the rows that the row stage scored.
pub fn evaluate_all(card: &CheckedCard, rows: &[Row]) -> (Vec<ScoreResult>, Vec<RowFailure>) {
    evaluate_all_with(card, rows, &mut |_| {})
}

/// [`evaluate_all`], telling `progress` how many more rows the row stage has
/// done after each chunk (for a progress bar).
pub fn evaluate_all_with(
    card: &CheckedCard,
    rows: &[Row],
    progress: &mut dyn FnMut(usize),
) -> (Vec<ScoreResult>, Vec<RowFailure>) {
    use rayon::prelude::*;
    let mut scored: Vec<&Row> = Vec::with_capacity(rows.len());
    let mut results = Vec::with_capacity(rows.len());
    let mut failures = Vec::new();
    // Rows are scored in parallel, a batch at a time; collecting keeps input
    // order, so the output is the same as a single-threaded run's.
    for batch in rows.chunks(4096) {
        let outcomes: Vec<Result<ScoreResult, EvalError>> =
            batch.par_iter().map(|row| evaluate(card, row)).collect();
        for (row, outcome) in batch.iter().zip(outcomes) {
            match outcome {
                Ok(result) => {
                    scored.push(row);
                    results.push(result);
                }
                Err(error) => failures.push(failure(row, error)),
            }
        }
        progress(batch.len());
    }
    let failed = rank(card, &scored, &mut results);
    if !failed.is_empty() {
        let mut keep = vec![true; results.len()];
        for (i, error) in failed {
            keep[i] = false;
            failures.push(failure(scored[i], error));
        }
        let mut keep = keep.into_iter();
        results.retain(|_| keep.next().unwrap_or(true));
        failures.sort_by_key(|f| f.line);
    }
    (results, failures)
}

fn failure(row: &Row, error: EvalError) -> RowFailure {
    RowFailure {
        line: row.line,
        employee: row.employee.clone(),
        error,
    }
}

#[cfg(test)]
mod group_tests;
#[cfg(test)]
mod tests;
