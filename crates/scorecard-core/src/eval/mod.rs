//! Evaluate rows against a checked card, in two stages.
//!
//! 1. [`evaluate`], the row stage: items first (each from its inputs), then
//!    sections, bonus and penalty blocks, the total, the bands and outputs
//!    that read no rank in dependency order, and the grade.
//! 2. [`rank`], the ranking stage, over all rows at once: ranks within each
//!    group, then the bands and outputs that read a rank, then grade limits.
//!
//! [`evaluate_all`] runs both. Every step records what it used in the
//! [`ScoreResult`]'s trace.

mod decimal;
mod error;
mod expr;
mod item;
mod ranking;
mod rated;
pub mod result;
mod scores;
mod tiers;

pub use error::{EvalError, EvalErrorKind};
pub use ranking::rank;
pub use result::ScoreResult;
pub use scores::Scores;

use crate::check::model::{Adjustment, Derived, DerivedRule, RoundWhen, Section};
use crate::check::CheckedCard;
use crate::row::Row;
use crate::syntax::ast::AdjustmentKind;
use crate::t;
use crate::value::Value;
use expr::Frame;
pub use result::Trace;
use result::{AdjustmentScore, DerivedValue};
use rust_decimal::{Decimal, RoundingStrategy};
use std::cell::RefCell;

/// Scores one row, with its trace: the row stage. The row's values must
/// have been bound to this card. When the card ranks rows, the values that
/// read a rank stay [`Value::Missing`] (and a
/// grade that reads one stays `None`) until [`rank`] fills them in;
/// [`evaluate_all`] does both.
pub fn evaluate(card: &CheckedCard, row: &Row) -> Result<ScoreResult, EvalError> {
    evaluate_row(card, row, true)
}

/// [`evaluate`] without the trace: the same numbers, nothing built to
/// explain them (what a CSV report or a ranking needs).
pub fn evaluate_untraced(card: &CheckedCard, row: &Row) -> Result<ScoreResult, EvalError> {
    evaluate_row(card, row, false)
}

/// The row stage into a result, traced or not.
pub(crate) fn evaluate_row(
    card: &CheckedCard,
    row: &Row,
    traced: bool,
) -> Result<ScoreResult, EvalError> {
    let mut scores = Scores::for_card(card);
    let mut trace = traced.then(|| Trace {
        items: Vec::with_capacity(card.items.len()),
        adjustments: Vec::with_capacity(card.adjustments.len()),
        derived_rows: Vec::with_capacity(card.derived.len()),
        ..Trace::default()
    });
    row_stage(card, &row.values, &mut scores, trace.as_mut())?;
    Ok(ScoreResult {
        employee: row.employee.clone(),
        line: row.line,
        scores,
        card: card.stamp.clone(),
        ranks: Vec::new(),
        pushed: Vec::new(),
        trace: trace.map(Box::new),
    })
}

/// The row stage without the trace: only the numbers, into `scores`, whose
/// lists are reused from row to row so that scoring allocates nothing (hooks
/// aside). The hot path of `scorecard_io::stream`; [`evaluate`] gives the same
/// numbers with the reasons behind them.
pub fn evaluate_scores(
    card: &CheckedCard,
    inputs: &[Value],
    scores: &mut Scores,
) -> Result<(), EvalError> {
    row_stage(card, inputs, scores, None)
}

/// Whether a row's `inputs` meet `constraint` (a `require` line), for the
/// data layer, which checks each row as it reads it; `period_days` is what
/// `days_in_period()` gives for the row. `Ok(None)`: an input the condition
/// reads is blank (an optional input), so there is nothing to check.
pub fn meets(
    card: &CheckedCard,
    constraint: &crate::check::model::Constraint,
    inputs: &[Value],
    period_days: Decimal,
) -> Result<Option<bool>, EvalError> {
    if constraint
        .reads
        .iter()
        .any(|&i| inputs[i] == Value::Missing)
    {
        return Ok(None);
    }
    // A condition reads no score: an empty set of scores serves.
    let scores = Scores::default();
    let beyond = expr::Beyond {
        ranks: &[],
        period_days: Some(period_days),
    };
    let frame = Frame {
        beyond: &beyond,
        ..Frame::new(inputs, &scores, &card.hooks, None)
    };
    frame.bool(&constraint.condition).map(Some)
}

/// The row stage, in card order: items, sections, bonuses and penalties, the
/// total, the bands and outputs that read no rank, the grade.
fn row_stage(
    card: &CheckedCard,
    inputs: &[Value],
    s: &mut Scores,
    mut trace: Option<&mut Trace>,
) -> Result<(), EvalError> {
    s.clear();
    let calls = RefCell::new(Vec::new());
    let recorded = trace.is_some().then_some(&calls);
    // A frame borrows the scores so far for one call; the score it gives is
    // pushed after, ready for the next.
    for item in &card.items {
        // Without a trace, an item of a common shape is read straight from
        // the row (`item::by_shape`); any other (or anything out of the ordinary)
        // by the traced path, `item::score`.
        let fast = match trace {
            None => item::by_shape(item, inputs),
            Some(_) => None,
        };
        let score = match fast {
            Some(score) => score,
            None => item::score(
                item,
                &Frame::new(inputs, s, &card.hooks, recorded),
                trace.as_mut().map(|t| &mut t.items),
            )?,
        };
        s.items.push(score);
    }
    for section in &card.sections {
        let score = section_score(section, &s.items)?;
        s.sections.push(score);
    }
    s.sections_total =
        decimal::sum(&s.sections).ok_or_else(|| too_large(t!("eval-sections-too-large")))?;

    let mut raw_total = s.sections_total;
    for block in &card.adjustments {
        let amount = adjustment(
            block,
            &Frame::new(inputs, s, &card.hooks, recorded),
            trace.as_mut().map(|t| &mut t.adjustments),
        )?;
        s.adjustments.push(amount);
        raw_total = raw_total
            .checked_add(amount)
            .ok_or_else(|| too_large(t!("eval-adjustments-too-large")))?;
    }
    s.total = raw_total.max(Decimal::ZERO);
    if let Some(t) = trace.as_mut() {
        t.floored_from = (raw_total < Decimal::ZERO).then_some(raw_total);
    }

    for d in &card.derived {
        let value = if d.after_ranks {
            DerivedValue {
                value: Value::Missing,
                row: None,
            }
        } else {
            derive(card, d, &Frame::new(inputs, s, &card.hooks, recorded))?
        };
        s.derived.push(value.value);
        if let Some(t) = trace.as_mut() {
            t.derived_rows.push(value.row);
        }
    }
    if !card.ranking.grade_after_ranks {
        s.grade = grade(card, &Frame::new(inputs, s, &card.hooks, recorded))?;
    }
    money_at_the_end(card, s, false);
    if let Some(t) = trace {
        t.hooks = calls.into_inner();
    }
    Ok(())
}

/// A band's or output's value; an amount rounded as the card says when it
/// rounds money `at each step` (before anything reads it).
fn derive(card: &CheckedCard, d: &Derived, frame: &Frame) -> Result<DerivedValue, EvalError> {
    let mut value = derive_exact(d, frame)?;
    if card.money.when == RoundWhen::EachStep {
        card.money.value(&mut value.value, d.ty);
    }
    Ok(value)
}

/// Money `at the end` (and by default): once the row stage is done (or the
/// ranking stage, for what reads a rank: `after_ranks`), each amount is
/// rounded as the card says, so every report shows, stores and adds up the
/// same amounts. Ranks and what reads a rank see the rounded amounts.
fn money_at_the_end(card: &CheckedCard, s: &mut Scores, after_ranks: bool) {
    if card.money.when != RoundWhen::AtEnd {
        return;
    }
    for (d, value) in card.derived.iter().zip(s.derived.iter_mut()) {
        if d.after_ranks == after_ranks {
            card.money.value(value, d.ty);
        }
    }
}

fn derive_exact(d: &Derived, frame: &Frame) -> Result<DerivedValue, EvalError> {
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

/// The grade row that fires.
fn grade(card: &CheckedCard, frame: &Frame) -> Result<Option<usize>, EvalError> {
    let Some(table) = &card.grade else {
        return Ok(None);
    };
    let (row, _) = tiers::pick(table, frame)?;
    Ok(Some(row))
}

/// A section is the sum of its items; a `scaled` section is scaled to its
/// weight and rounded to 0.01 point (half away from zero).
fn section_score(section: &Section, items: &[Decimal]) -> Result<Decimal, EvalError> {
    let sum = decimal::sum(&items[section.items.clone()]).ok_or_else(|| {
        EvalError::at(
            section.span,
            EvalErrorKind::Overflow,
            t!("eval-items-too-large"),
        )
    })?;
    if !section.scaled || section.points.is_zero() {
        return Ok(sum);
    }
    Ok((sum * section.weight / section.points)
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
}

#[cold]
fn too_large(message: String) -> EvalError {
    EvalError::new(EvalErrorKind::Overflow, message)
}

/// A bonus or penalty block's signed amount; with `trace`, its lines and cap
/// are pushed onto it.
fn adjustment(
    block: &Adjustment,
    frame: &Frame,
    trace: Option<&mut Vec<AdjustmentScore>>,
) -> Result<Decimal, EvalError> {
    if trace.is_none() {
        if let Some(uncapped) = lines_read_straight(block, frame.inputs) {
            return Ok(capped(block, uncapped).0);
        }
    }
    let mut lines = Vec::new();
    let mut uncapped = Decimal::ZERO;
    for line in &block.lines {
        let hit = item::hit(line, frame)?;
        uncapped = uncapped.checked_add(hit.amount).ok_or_else(|| {
            EvalError::at(
                block.span,
                EvalErrorKind::Overflow,
                t!("eval-amounts-too-large"),
            )
        })?;
        if trace.is_some() {
            lines.push(hit);
        }
    }
    let (amount, capped) = capped(block, uncapped);
    if let Some(trace) = trace {
        trace.push(AdjustmentScore {
            lines,
            amount,
            capped,
            uncapped,
        });
    }
    Ok(amount)
}

/// The block's lines added up, read straight from the row; `None` for a
/// blank count or an overflow, which the traced path (`item::hit` per line,
/// in [`adjustment`]) words.
fn lines_read_straight(block: &Adjustment, inputs: &[Value]) -> Option<Decimal> {
    let mut uncapped = Decimal::ZERO;
    for line in &block.lines {
        uncapped = uncapped.checked_add(item::occurrences(line, inputs)?)?;
    }
    Some(uncapped)
}

/// The block's signed amount from its lines' sum, and whether the cap held it.
fn capped(block: &Adjustment, uncapped: Decimal) -> (Decimal, bool) {
    let capped = block.cap.is_some_and(|cap| uncapped > cap);
    let magnitude = match block.cap {
        Some(cap) if capped => cap,
        _ => uncapped,
    };
    let amount = match block.kind {
        AdjustmentKind::Bonus => magnitude,
        AdjustmentKind::Penalty => -magnitude,
    };
    (amount, capped)
}

/// A row that could not be scored, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct RowFailure {
    /// The row's line (CSV) or record number (JSON, TOML) in its data file, 1-based.
    pub line: usize,
    /// Who the row is about.
    pub employee: crate::row::Employee,
    /// Why the row could not be scored.
    pub error: EvalError,
}

/// How the row stage goes over a batch of rows: [`OneByOne`] here, in
/// order; `scorecard_io::parallel::EveryCore` on every core. Either way the
/// results come back in the rows' order, so the output is the same.
pub trait RowMap {
    /// `score` applied to each of `rows`, in their order.
    fn map(
        &self,
        rows: &[Row],
        score: &(dyn Fn(&Row) -> Result<ScoreResult, EvalError> + Sync),
    ) -> Vec<Result<ScoreResult, EvalError>>;
}

/// Scores rows one after another on the calling thread.
#[derive(Debug, Clone, Copy, Default)]
pub struct OneByOne;

impl RowMap for OneByOne {
    fn map(
        &self,
        rows: &[Row],
        score: &(dyn Fn(&Row) -> Result<ScoreResult, EvalError> + Sync),
    ) -> Vec<Result<ScoreResult, EvalError>> {
        rows.iter().map(score).collect()
    }
}

/// Scores every row, both stages, with their traces, keeping the failures
/// beside the results, each in input order. Ranks are over the rows that the
/// row stage scored.
pub fn evaluate_all(card: &CheckedCard, rows: &[Row]) -> (Vec<ScoreResult>, Vec<RowFailure>) {
    evaluate_all_with(card, rows, true, &mut |_| {}, &OneByOne)
}

/// [`evaluate_all`], traced or not, telling `progress` how many more rows
/// the row stage has done after each chunk (for a progress bar), the rows
/// gone over by `map`.
pub fn evaluate_all_with(
    card: &CheckedCard,
    rows: &[Row],
    traced: bool,
    progress: &mut dyn FnMut(usize),
    map: &dyn RowMap,
) -> (Vec<ScoreResult>, Vec<RowFailure>) {
    let scored = evaluate_indexed(card, rows, traced, progress, map);
    let results = scored.results.into_iter().map(|(_, r)| r).collect();
    let failures = scored.failures.into_iter().map(|(_, f)| f).collect();
    (results, failures)
}

/// What [`evaluate_indexed`] gives: each result and each failure with the
/// index of its row, both in row order.
#[derive(Debug, Default)]
pub struct Indexed {
    /// Each scored row's index and result.
    pub results: Vec<(usize, ScoreResult)>,
    /// Each failed row's index and failure.
    pub failures: Vec<(usize, RowFailure)>,
}

/// Both stages over `rows`, each result and failure paired with its row's
/// index (rows from several files may share line numbers).
pub fn evaluate_indexed(
    card: &CheckedCard,
    rows: &[Row],
    traced: bool,
    progress: &mut dyn FnMut(usize),
    map: &dyn RowMap,
) -> Indexed {
    let mut scored: Vec<usize> = Vec::with_capacity(rows.len());
    let mut results = Vec::with_capacity(rows.len());
    let mut failures = Vec::new();
    // Rows are scored a batch at a time (in parallel when `map` is);
    // results come back in input order.
    let score = |row: &Row| evaluate_row(card, row, traced);
    for (b, batch) in rows.chunks(4096).enumerate() {
        let outcomes = map.map(batch, &score);
        for (i, (row, outcome)) in batch.iter().zip(outcomes).enumerate() {
            let index = b * 4096 + i;
            match outcome {
                Ok(result) => {
                    scored.push(index);
                    results.push(result);
                }
                Err(error) => failures.push((index, failure(row, error))),
            }
        }
        progress(batch.len());
    }
    let ranked: Vec<&Row> = scored.iter().map(|&i| &rows[i]).collect();
    let failed = rank(card, &ranked, &mut results);
    let mut keep = vec![true; results.len()];
    for (i, error) in failed {
        keep[i] = false;
        failures.push((scored[i], failure(ranked[i], error)));
    }
    failures.sort_by_key(|(index, _)| *index);
    Indexed {
        results: scored
            .into_iter()
            .zip(results)
            .zip(keep)
            .filter(|(_, keep)| *keep)
            .map(|(pair, _)| pair)
            .collect(),
        failures,
    }
}

fn failure(row: &Row, error: EvalError) -> RowFailure {
    RowFailure {
        line: row.line,
        employee: row.employee.clone(),
        error,
    }
}

#[cfg(test)]
mod ranking_tests;
#[cfg(test)]
mod shape_tests;
#[cfg(test)]
mod tests;
