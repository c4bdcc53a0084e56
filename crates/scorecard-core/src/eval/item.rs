//! Scoring one item: its base rule, then deductions, then the clamp to [0, points].
//!
//! Two ways share every rule's arithmetic: [`score`] without a trace works
//! in plain decimals (the hot path: nothing built, nothing allocated), and
//! with a trace it also records which row fired, who rated, what clamped.

use super::error::{EvalError, EvalErrorKind};
use super::expr::Frame;
use super::result::{BaseTrace, Clamp, Hit, ItemScore};
use super::{rated, tiers};
use crate::check::model::{BaseRule, Item, Outcome, PerOccurrence, Shape, TierTable};
use crate::source::Span;
use crate::t;
use crate::value::Value;
use rust_decimal::Decimal;

/// The item's score; with `trace`, how it came about is pushed onto it.
pub fn score(
    item: &Item,
    frame: &Frame,
    trace: Option<&mut Vec<ItemScore>>,
) -> Result<Decimal, EvalError> {
    match trace {
        None => untraced(item, frame),
        Some(trace) => traced(item, frame, trace),
    }
}

fn untraced(item: &Item, frame: &Frame) -> Result<Decimal, EvalError> {
    let mut raw = match &item.base {
        None => item.points,
        Some(rule) => base_value(rule, item.points, frame)?,
    };
    for rule in &item.deductions {
        raw = deduct(item, raw, hit(rule, frame)?)?;
    }
    Ok(clamp(raw, item.points).0)
}

fn traced(item: &Item, frame: &Frame, trace: &mut Vec<ItemScore>) -> Result<Decimal, EvalError> {
    let base = match &item.base {
        None => BaseTrace::Full,
        Some(rule) => base_trace(rule, item.points, frame)?,
    };
    let mut raw = base.value(item.points);
    let mut deductions = Vec::with_capacity(item.deductions.len());
    for rule in &item.deductions {
        let hit = hit(rule, frame)?;
        raw = deduct(item, raw, hit)?;
        deductions.push(hit);
    }
    let (score, clamp) = clamp(raw, item.points);
    trace.push(ItemScore {
        score,
        base,
        deductions,
        raw,
        clamp,
    });
    Ok(score)
}

/// The score of an item of a common [`Shape`], read straight from its
/// inputs; `None` when the item is of another shape or anything is out of
/// the ordinary (a blank cell, an overflow): the traced path, [`score`], then
/// scores it and words any error.
#[inline]
pub fn by_shape(item: &Item, inputs: &[Value]) -> Option<Decimal> {
    let mut raw = match &item.shape {
        Shape::Full => item.points,
        Shape::Flag {
            input,
            full_when,
            otherwise,
        } => match inputs[*input] {
            Value::Bool(cell) if cell == *full_when => item.points,
            Value::Bool(_) => *otherwise,
            _ => return None,
        },
        Shape::Tiers { input, rows } => {
            let Value::Num(subject) = inputs[*input] else {
                return None;
            };
            rows.iter()
                .find(|row| row.guard.is_none_or(|(op, t)| tiers::holds(op, subject, t)))?
                .points
        }
        Shape::General => return None,
    };
    // Without deductions the shape's points are already held to [0, points].
    if item.deductions.is_empty() {
        return Some(raw);
    }
    for rule in &item.deductions {
        let amount = occurrences(rule, inputs)?;
        // As `deduct`: nothing to take off leaves the score as it was.
        if !amount.is_zero() {
            raw = raw.checked_sub(amount)?;
        }
    }
    Some(clamp(raw, item.points).0)
}

/// `minus N per X`'s amount read straight from the row; `None` for a blank
/// count or an overflow (the traced path, [`hit`], words those).
#[inline]
pub fn occurrences(rule: &PerOccurrence, inputs: &[Value]) -> Option<Decimal> {
    match &inputs[rule.input] {
        Value::Num(count) => times(*count, rule.amount),
        _ => None,
    }
}

/// `count` occurrences of `amount`; `None` on overflow.
#[inline]
fn times(count: Decimal, amount: Decimal) -> Option<Decimal> {
    // Most months nothing happened; no need to multiply.
    if count.is_zero() {
        return Some(Decimal::ZERO);
    }
    count.checked_mul(amount)
}

/// The base rule's points, and nothing else.
fn base_value(rule: &BaseRule, points: Decimal, frame: &Frame) -> Result<Decimal, EvalError> {
    Ok(match rule {
        BaseRule::Tiers(table) => tier(table, points, frame)?.2,
        BaseRule::PassFail {
            condition,
            zero_if,
            otherwise,
            ..
        } => pass_fail(frame.bool(condition)?, *zero_if, *otherwise, points).1,
        BaseRule::Late {
            input,
            missing,
            per_day,
            span,
        } => late(&frame.inputs[*input], *missing, *per_day, points, *span)?.1,
        BaseRule::Score { expr, .. } => frame.num(expr)?,
        BaseRule::Rated(r) => rated::combine(r, frame)?.0,
    })
}

/// The base rule's points with how they came about.
fn base_trace(rule: &BaseRule, points: Decimal, frame: &Frame) -> Result<BaseTrace, EvalError> {
    Ok(match rule {
        BaseRule::Tiers(table) => {
            let (row, subject, value) = tier(table, points, frame)?;
            BaseTrace::Tier {
                row,
                subject: Value::Num(subject),
                value,
            }
        }
        BaseRule::PassFail {
            condition,
            zero_if,
            otherwise,
            ..
        } => {
            let (met, value) = pass_fail(frame.bool(condition)?, *zero_if, *otherwise, points);
            BaseTrace::PassFail { met, value }
        }
        BaseRule::Late {
            input,
            missing,
            per_day,
            span,
        } => {
            let (days, value) = late(&frame.inputs[*input], *missing, *per_day, points, *span)?;
            BaseTrace::Late { days, value }
        }
        BaseRule::Score { expr, .. } => BaseTrace::Score {
            value: frame.num(expr)?,
        },
        BaseRule::Rated(r) => {
            let (value, rounded) = rated::combine(r, frame)?;
            BaseTrace::Rated {
                ratings: r.raters.iter().map(|s| rated::rating(s, frame)).collect(),
                value,
                rounded,
            }
        }
    })
}

/// The tier row that fires, the subject it fired on, and the points it gives.
fn tier(
    table: &TierTable<Outcome>,
    points: Decimal,
    frame: &Frame,
) -> Result<(usize, Decimal, Decimal), EvalError> {
    let (row, subject) = tiers::pick(table, frame)?;
    let value = match &table.rows[row].outcome {
        Outcome::Full => points,
        Outcome::Minus(n) => points - n,
        Outcome::Fixed(n) => *n,
        Outcome::Formula(expr) => frame.num(expr)?,
    };
    Ok((row, subject, value))
}

/// Whether a pass/fail item's condition was met (`full if`, or not `zero if`),
/// and the points that gives.
fn pass_fail(holds: bool, zero_if: bool, otherwise: Decimal, points: Decimal) -> (bool, Decimal) {
    let met = holds != zero_if;
    let value = if met {
        points
    } else if zero_if {
        Decimal::ZERO
    } else {
        otherwise
    };
    (met, value)
}

/// Days late (`None`: not reported) and the points left.
fn late(
    days: &Value,
    missing: Decimal,
    per_day: Decimal,
    points: Decimal,
    span: Span,
) -> Result<(Option<Decimal>, Decimal), EvalError> {
    match days {
        Value::Missing => Ok((None, missing)),
        Value::Num(days) => {
            let off = days.checked_mul(per_day).ok_or_else(|| {
                EvalError::at(span, EvalErrorKind::Overflow, t!("eval-days-late-too-many"))
            })?;
            Ok((Some(*days), points - off))
        }
        _ => Err(EvalError::at(
            span,
            EvalErrorKind::WrongType,
            t!("eval-days-late-number"),
        )),
    }
}

/// `minus N per X`: N times the count in X.
pub fn hit(rule: &PerOccurrence, frame: &Frame) -> Result<Hit, EvalError> {
    let count = match &frame.inputs[rule.input] {
        Value::Num(n) => *n,
        _ => {
            return Err(EvalError::at(
                rule.span,
                EvalErrorKind::MissingInput,
                t!("eval-count-blank"),
            ))
        }
    };
    let amount = times(count, rule.amount).ok_or_else(|| {
        EvalError::at(
            rule.span,
            EvalErrorKind::Overflow,
            t!("eval-count-too-large"),
        )
    })?;
    Ok(Hit { count, amount })
}

fn deduct(item: &Item, raw: Decimal, hit: Hit) -> Result<Decimal, EvalError> {
    if hit.amount.is_zero() {
        return Ok(raw);
    }
    raw.checked_sub(hit.amount).ok_or_else(|| {
        EvalError::at(
            item.span,
            EvalErrorKind::Overflow,
            t!("eval-deductions-too-large"),
        )
    })
}

/// The score held to [0, points], and which bound held it, if one did
/// (as [`crate::check::model::held`] does for the constants of a shape).
fn clamp(raw: Decimal, points: Decimal) -> (Decimal, Option<Clamp>) {
    // A sign test is much cheaper than comparing decimals; -0 is not below zero.
    if raw.is_sign_negative() && !raw.is_zero() {
        (Decimal::ZERO, Some(Clamp::ToZero))
    } else if super::decimal::cmp(raw, points).is_gt() {
        (points, Some(Clamp::ToPoints))
    } else {
        (raw, None)
    }
}
