//! Scoring one item: its base rule, then deductions, then the clamp to [0, points].

use super::error::EvalError;
use super::expr::Frame;
use super::result::{BaseTrace, Clamp, Hit, ItemScore};
use super::tiers;
use crate::check::model::{BaseRule, Item, Outcome, PerOccurrence};
use crate::value::Value;
use rust_decimal::Decimal;

/// The item's score; with `trace`, how it came about is pushed onto it.
/// Without one nothing is allocated.
pub fn score(
    item: &Item,
    frame: &Frame,
    trace: Option<&mut Vec<ItemScore>>,
) -> Result<Decimal, EvalError> {
    let traced = trace.is_some();
    let base = match &item.base {
        None => BaseTrace::Full,
        Some(rule) => base(rule, item.points, frame, traced)?,
    };
    let mut raw = base.value(item.points);
    let mut deductions = Vec::new();
    for rule in &item.deductions {
        let hit = hit(rule, frame)?;
        raw = raw.checked_sub(hit.amount).ok_or_else(|| too_large(item))?;
        if traced {
            deductions.push(hit);
        }
    }
    let (score, clamp) = if raw < Decimal::ZERO {
        (Decimal::ZERO, Some(Clamp::ToZero))
    } else if raw > item.points {
        (item.points, Some(Clamp::ToPoints))
    } else {
        (raw, None)
    };
    if let Some(trace) = trace {
        trace.push(ItemScore {
            score,
            base,
            deductions,
            raw,
            clamp,
        });
    }
    Ok(score)
}

fn base(
    rule: &BaseRule,
    points: Decimal,
    frame: &Frame,
    traced: bool,
) -> Result<BaseTrace, EvalError> {
    Ok(match rule {
        BaseRule::Tiers(table) => {
            let (row, subject) = tiers::pick(table, frame)?;
            let subject = Value::Num(subject);
            let value = match &table.rows[row].outcome {
                Outcome::Full => points,
                Outcome::Minus(n) => points - n,
                Outcome::Fixed(n) => *n,
                Outcome::Formula(expr) => frame.num(expr)?,
            };
            BaseTrace::Tier {
                row,
                subject,
                value,
            }
        }
        BaseRule::PassFail {
            condition,
            zero_if,
            otherwise,
            ..
        } => {
            let holds = frame.bool(condition)?;
            let met = holds != *zero_if;
            let value = if met {
                points
            } else if *zero_if {
                Decimal::ZERO
            } else {
                *otherwise
            };
            BaseTrace::PassFail { met, value }
        }
        BaseRule::Late {
            input,
            missing,
            per_day,
            span,
        } => match &frame.inputs[*input] {
            Value::Missing => BaseTrace::Late {
                days: None,
                value: *missing,
            },
            Value::Num(days) => {
                let off = days
                    .checked_mul(*per_day)
                    .ok_or_else(|| EvalError::at(*span, "too many days late to compute"))?;
                BaseTrace::Late {
                    days: Some(*days),
                    value: points - off,
                }
            }
            _ => return Err(EvalError::at(*span, "days late must be a number")),
        },
        BaseRule::Score { expr, .. } => BaseTrace::Score {
            value: frame.num(expr)?,
        },
        BaseRule::Rated(rated) => super::rated::combine(rated, frame, traced)?,
    })
}

/// `minus N per X`: N times the count in X.
pub fn hit(rule: &PerOccurrence, frame: &Frame) -> Result<Hit, EvalError> {
    let count = match &frame.inputs[rule.input] {
        Value::Num(n) => *n,
        _ => return Err(EvalError::at(rule.span, "this count was left blank")),
    };
    let amount = count
        .checked_mul(rule.amount)
        .ok_or_else(|| EvalError::at(rule.span, "the count is too large to compute"))?;
    Ok(Hit { count, amount })
}

fn too_large(item: &Item) -> EvalError {
    EvalError::at(item.span, "deductions grew too large to compute")
}
