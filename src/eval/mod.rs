//! Evaluate one row against a checked card.
//!
//! Items first (each from its inputs), then sections, bonus and penalty
//! blocks, the total, bands and outputs in dependency order, and the grade.
//! Every step records what it used in the [`ScoreResult`]'s trace.

mod error;
mod expr;
mod item;
pub mod result;
mod tiers;

pub use error::EvalError;
pub use result::ScoreResult;

use crate::check::model::{Adjustment, DerivedRule, Section};
use crate::check::CheckedCard;
use crate::data::Row;
use crate::syntax::ast::AdjustmentKind;
use expr::Frame;
use result::{AdjustmentScore, DerivedValue};
use rust_decimal::{Decimal, RoundingStrategy};

/// Scores one row. The row's values must have been bound to this card.
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
        let value = match &d.rule {
            DerivedRule::Output(expr) => DerivedValue {
                value: frame.eval(expr)?,
                row: None,
            },
            DerivedRule::Band(table) => {
                let (row, _) = tiers::pick(table, &frame)?;
                DerivedValue {
                    value: frame.eval(&table.rows[row].outcome)?,
                    row: Some(row),
                }
            }
        };
        frame.derived.push(value.value.clone());
        derived.push(value);
    }
    let grade = match &card.grade {
        Some(table) => {
            let (row, _) = tiers::pick(table, &frame)?;
            Some((row, table.rows[row].outcome.clone()))
        }
        None => None,
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
    })
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

/// Scores every row, keeping the failures beside the results, in input order.
pub fn evaluate_all(card: &CheckedCard, rows: &[Row]) -> (Vec<ScoreResult>, Vec<RowFailure>) {
    let mut results = Vec::with_capacity(rows.len());
    let mut failures = Vec::new();
    for row in rows {
        match evaluate(card, row) {
            Ok(result) => results.push(result),
            Err(error) => failures.push(RowFailure {
                line: row.line,
                employee: row.employee.clone(),
                error,
            }),
        }
    }
    (results, failures)
}

#[cfg(test)]
mod tests;
