//! The ranking stage: what can only be known with every row in view.
//!
//! 1. Ranks: each rank orders the rows of each group (store, brand, region
//!    or all, and always one period at a time) by its value and places them
//!    by its tie rule.
//! 2. The bands and outputs that read a rank, in dependency order, and the
//!    grade if it reads one.
//! 3. Grade limits (forced distribution), top grade first: where more rows
//!    of a group have the grade than its share allows, those with the lowest
//!    value go down one grade; rows tied at the cut all keep it or all go,
//!    as the limit declares.
//!
//! Results stay in input order throughout; sorting is by index.

use super::error::{EvalError, EvalErrorKind};
use super::expr::{Beyond, Frame};
use super::result::{HookCall, Placing, Push, ScoreResult};
use super::scores::Scores;
use crate::check::model::{GradeLimit, Grouping, LimitTies, Rank, TieRule};
use crate::check::CheckedCard;
use crate::period::Period;
use crate::row::{Employee, Row};
use crate::t;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::cell::RefCell;
use std::collections::HashMap;

/// Runs the ranking stage over `results`, where `rows[i]` is the row `results[i]`
/// was scored from. Returns the rows that could not be completed (by index).
pub fn rank(
    card: &CheckedCard,
    rows: &[&Row],
    results: &mut [ScoreResult],
) -> Vec<(usize, EvalError)> {
    let stage = &card.ranking;
    let after_ranks = card.derived.iter().any(|d| d.after_ranks);
    if stage.is_empty() && !after_ranks && !stage.grade_after_ranks {
        return Vec::new();
    }
    for result in results.iter_mut() {
        result.ranks.clear();
    }
    let mut failed: Vec<Option<EvalError>> = vec![None; results.len()];

    // 1. What each row is ranked by, and its group, for every rank.
    let mut keys: Vec<Vec<(GroupKey, Decimal)>> = Vec::with_capacity(results.len());
    for (i, result) in results.iter().enumerate() {
        let frame = frame_of(&card.hooks, rows[i], &result.scores, None, &Beyond::NOTHING);
        let row_keys: Result<Vec<_>, EvalError> = stage
            .ranks
            .iter()
            .map(|rank| {
                let group = group_key(&result.employee, rank.within, rank.span, "rank")?;
                Ok((group, frame.num(&rank.by)?))
            })
            .collect();
        match row_keys {
            Ok(k) => keys.push(k),
            Err(e) => {
                failed[i] = Some(e);
                keys.push(Vec::new());
            }
        }
    }
    let live: Vec<usize> = (0..results.len())
        .filter(|&i| failed[i].is_none())
        .collect();
    for (r, rank) in stage.ranks.iter().enumerate() {
        let placings = place(rank, &live, |i| &keys[i][r]);
        for (i, placing) in placings {
            results[i].ranks.push(placing);
        }
    }

    // 2. Rank readers, then the grade if it reads a rank.
    let readers = after_ranks || stage.grade_after_ranks;
    for &i in live.iter().filter(|_| readers) {
        if let Err(e) = after_ranks_values(card, rows[i], &mut results[i]) {
            failed[i] = Some(e);
        }
    }

    // 3. Grade limits, top grade first.
    for (l, limit) in stage.limits.iter().enumerate() {
        let mut values: Vec<Option<(GroupKey, Decimal)>> = vec![None; results.len()];
        for (i, slot) in values.iter_mut().enumerate() {
            if failed[i].is_some() {
                continue;
            }
            let result = &results[i];
            let beyond = Beyond {
                ranks: &result.ranks,
                period_days: None,
            };
            let frame = frame_of(&card.hooks, rows[i], &result.scores, None, &beyond);
            let value = group_key(
                &results[i].employee,
                limit.within,
                limit.span,
                "grade limit",
            )
            .and_then(|g| Ok((g, frame.num(&limit.by)?)));
            match value {
                Ok(v) => *slot = Some(v),
                Err(e) => failed[i] = Some(e),
            }
        }
        apply_limit(card, l, limit, &values, results);
    }

    failed
        .into_iter()
        .enumerate()
        .filter_map(|(i, e)| e.map(|e| (i, e)))
        .collect()
}

/// Rows are compared only with rows of the same period and group.
type GroupKey = (Option<Period>, Option<String>);

fn group_key(
    employee: &Employee,
    within: Grouping,
    span: crate::source::Span,
    what: &str,
) -> Result<GroupKey, EvalError> {
    let field = match within {
        Grouping::All => return Ok((employee.period, None)),
        Grouping::Store => &employee.store,
        Grouping::Brand => &employee.brand,
        Grouping::Region => &employee.region,
    };
    match field {
        Some(value) => Ok((employee.period, Some(value.clone()))),
        None => Err(EvalError::at(
            span,
            EvalErrorKind::NoGroup,
            t!(
                "eval-no-group",
                what = match what {
                    "rank" => t!("eval-what-rank"),
                    _ => t!("eval-what-limit"),
                },
                group = match within {
                    Grouping::Store => t!("run-store"),
                    Grouping::Brand => t!("run-brand"),
                    _ => t!("eval-region"),
                }
            ),
        )),
    }
}

/// Places each row of `live` in its group for one rank.
fn place<'k>(
    rank: &Rank,
    live: &[usize],
    key: impl Fn(usize) -> &'k (GroupKey, Decimal),
) -> Vec<(usize, Placing)> {
    let mut out = Vec::with_capacity(live.len());
    for members in groups(live, |i| &key(i).0) {
        let mut order = members.clone();
        // Stable: equal values keep input order, though ties share a place anyway.
        order.sort_by(|&a, &b| {
            let (x, y) = (key(a).1, key(b).1);
            if rank.lowest_first {
                x.cmp(&y)
            } else {
                y.cmp(&x)
            }
        });
        // Equal values sit together once sorted: each run shares a place.
        let mut start = 0;
        let mut distinct = 0;
        while start < order.len() {
            let value = key(order[start]).1;
            let run = order[start..]
                .iter()
                .take_while(|&&j| key(j).1 == value)
                .count();
            distinct += 1;
            for &i in &order[start..start + run] {
                out.push((
                    i,
                    Placing {
                        place: match rank.ties {
                            TieRule::Shared => start + 1,
                            TieRule::Dense => distinct,
                        },
                        size: order.len(),
                        tied: run,
                        group: key(i).0 .1.clone(),
                        value,
                    },
                ));
            }
            start += run;
        }
    }
    out
}

/// `live` split by group key, groups in order of first appearance.
fn groups<'k>(live: &[usize], key: impl Fn(usize) -> &'k GroupKey) -> Vec<Vec<usize>> {
    let mut index: HashMap<&GroupKey, usize> = HashMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for &i in live {
        let slot = *index.entry(key(i)).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[slot].push(i);
    }
    groups
}

/// The bands and outputs that read a rank, and a grade that reads one.
fn after_ranks_values(
    card: &CheckedCard,
    row: &Row,
    result: &mut ScoreResult,
) -> Result<(), EvalError> {
    let calls = RefCell::new(Vec::new());
    let record = result.trace.is_some().then_some(&calls);
    let ranks = result.ranks.clone();
    let beyond = Beyond {
        ranks: &ranks,
        period_days: None,
    };
    for (i, d) in card.derived.iter().enumerate() {
        if d.after_ranks {
            let frame = frame_of(&card.hooks, row, &result.scores, record, &beyond);
            let value = super::derive(card, d, &frame)?;
            result.scores.derived[i] = value.value;
            if let Some(trace) = result.trace.as_mut() {
                trace.derived_rows[i] = value.row;
            }
        }
    }
    if card.ranking.grade_after_ranks {
        let frame = frame_of(&card.hooks, row, &result.scores, record, &beyond);
        result.scores.grade = super::grade(card, &frame)?;
    }
    super::money_at_the_end(card, &mut result.scores, true);
    // Hooks called by rank-reading outputs belong in the row's trace too.
    if let Some(trace) = result.trace.as_mut() {
        trace.hooks.extend(calls.into_inner());
    }
    Ok(())
}

/// Everything a row's formulas may read, ranks included (`beyond`).
fn frame_of<'a>(
    hooks: &'a [crate::hooks::HookFn],
    row: &'a Row,
    scores: &'a Scores,
    calls: Option<&'a RefCell<Vec<HookCall>>>,
    beyond: &'a Beyond<'a>,
) -> Frame<'a> {
    Frame {
        beyond,
        ..Frame::new(&row.values, scores, hooks, calls)
    }
}

/// Pushes rows over `limit` down one grade, lowest value first.
/// `values[i]` is row `i`'s group and value (`None`: not in the stage).
fn apply_limit(
    card: &CheckedCard,
    index: usize,
    limit: &GradeLimit,
    values: &[Option<(GroupKey, Decimal)>],
    results: &mut [ScoreResult],
) {
    if card.grade.is_none() {
        return;
    }
    let live: Vec<usize> = (0..values.len()).filter(|&i| values[i].is_some()).collect();
    let entry = |i: usize| values[i].as_ref().expect("live rows have a value");
    for members in groups(&live, |i| &entry(i).0) {
        let size = members.len();
        let allowed = floor_share(limit.share, size);
        // (value, row) of each row holding the grade, highest value first;
        // the sort is stable, so equal values keep input order.
        let mut holders: Vec<(Decimal, usize)> = members
            .iter()
            .filter(|&&i| results[i].scores.grade == Some(limit.grade_row))
            .map(|&i| (entry(i).1, i))
            .collect();
        let had = holders.len();
        if had <= allowed {
            continue;
        }
        holders.sort_by_key(|h| std::cmp::Reverse(h.0));
        let cut = holders[allowed].0;
        let tie_at_cut = (allowed > 0 && holders[allowed - 1].0 == cut).then_some(cut);
        let keep = match (tie_at_cut, limit.ties) {
            (Some(_), LimitTies::Keep) => holders.iter().filter(|h| h.0 >= cut).count(),
            (Some(_), LimitTies::Push) => holders.iter().filter(|h| h.0 > cut).count(),
            (None, _) => allowed,
        };
        let last_kept = keep.checked_sub(1).map(|k| holders[k].0);
        let to = limit.grade_row + 1;
        for &(value, i) in &holders[keep..] {
            let result = &mut results[i];
            result.scores.grade = Some(to);
            result.pushed.push(Push {
                limit: index,
                from: limit.grade_row,
                to,
                size,
                allowed,
                had,
                group: entry(i).0 .1.clone(),
                value,
                last_kept,
                tie_at_cut,
            });
        }
    }
}

/// At most `share` of `size` rows, rounded down: 20% of 7 is 1.
fn floor_share(share: Decimal, size: usize) -> usize {
    (share * Decimal::from(size))
        .floor()
        .to_usize()
        .unwrap_or(0)
}
