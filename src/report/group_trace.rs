//! The words for rated items, ranks and grade limits, shared by `explain`
//! and the other reports.

use super::common::{card_line, quote, CardLine};
use crate::check::model::{Combine, ExprKind, Rated};
use crate::check::CheckedCard;
use crate::eval::result::{Placing, Push};
use crate::eval::ScoreResult;
use crate::value::{format_decimal, format_value, Type, Unit, Value};
use rust_decimal::Decimal;

/// `自评 8, 经理 7, 审核 blank: `rated by …`: 经理, the last to rate, gives 7`
pub fn rated_reason(
    card: &CheckedCard,
    rated: &Rated,
    ratings: &[Option<Decimal>],
    value: Decimal,
    rounded: bool,
) -> (String, CardLine) {
    let given: Vec<String> = rated
        .raters
        .iter()
        .zip(ratings)
        .map(|(slot, r)| match r {
            Some(r) => format!("{} {}", slot.name, format_decimal(*r)),
            None => format!("{} blank", slot.name),
        })
        .collect();
    let present: Vec<(usize, Decimal)> = ratings
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.map(|r| (i, r)))
        .collect();
    let shown = format_decimal(value);
    let rounding = if rounded { ", rounded to 0.01" } else { "" };
    let how = match rated.combine {
        _ if present.len() == 1 => {
            format!("only {} rated: {shown}", rated.raters[present[0].0].name)
        }
        Combine::Override => match present.last() {
            Some(&(i, _)) => {
                let earlier: Vec<&str> = present[..present.len() - 1]
                    .iter()
                    .map(|&(j, _)| rated.raters[j].name.as_str())
                    .collect();
                format!(
                    "{} overrides {}: {shown}",
                    rated.raters[i].name,
                    join_and(&earlier)
                )
            }
            None => shown,
        },
        Combine::Mean => {
            let parts: Vec<String> = present.iter().map(|(_, r)| format_decimal(*r)).collect();
            format!(
                "({}) / {} = {shown}{rounding}",
                parts.join(" + "),
                present.len()
            )
        }
        Combine::Weighted => {
            let weight = |i: usize| rated.raters[i].weight.unwrap_or_default();
            let parts: Vec<String> = present
                .iter()
                .map(|&(i, r)| format!("{} × {}", format_decimal(r), percent(weight(i))))
                .collect();
            let weights: Decimal = present.iter().map(|&(i, _)| weight(i)).sum();
            if weights == Decimal::ONE {
                format!("{} = {shown}{rounding}", parts.join(" + "))
            } else {
                format!(
                    "({}) / {} = {shown}{rounding} (the weights of those who rated, scaled to 100%)",
                    parts.join(" + "),
                    percent(weights)
                )
            }
        }
    };
    (
        format!("{}: `{}`: {how}", given.join(", "), quote(card, rated.span)),
        card_line(card, rated.span),
    )
}

/// `2 of 5`
pub fn place(placing: &Placing) -> String {
    format!("{} of {}", placing.place, placing.size)
}

/// For a formula's leaf that reads a rank: `2 of 5`, `top 40% (2 of 5)`, `5`.
pub fn rank_fact(kind: &ExprKind, result: &ScoreResult) -> Option<String> {
    Some(match kind {
        ExprKind::Rank(i) => place(result.ranks.get(*i)?),
        ExprKind::Top(i) => {
            let p = result.ranks.get(*i)?;
            format!("top {} ({})", percent(p.top()), place(p))
        }
        ExprKind::GroupSize(i) => result.ranks.get(*i)?.size.to_string(),
        _ => return None,
    })
}

/// One line per rank: its name, the place, and why.
pub fn rank_lines(
    card: &CheckedCard,
    result: &ScoreResult,
) -> Vec<(String, String, String, CardLine)> {
    card.group
        .ranks
        .iter()
        .zip(&result.ranks)
        .map(|(rank, p)| {
            let group = match &p.group {
                Some(g) => format!("in {} {g}", rank.within.keyword()),
                None => format!("among {}", all_rows(result)),
            };
            let tie = if p.tied > 1 {
                format!(
                    ", tied with {} other{}",
                    p.tied - 1,
                    if p.tied > 2 { "s" } else { "" }
                )
            } else {
                String::new()
            };
            let text = format!(
                "{} is {}, {group}{tie}: `{}`",
                quote(card, rank.by.span),
                format_value(&Value::Num(p.value), rank.by_type),
                quote(card, rank.span)
            );
            (
                rank.display_name().to_string(),
                place(p),
                text,
                card_line(card, rank.span),
            )
        })
        .collect()
}

/// Why a grade limit pushed the row down: one sentence per push.
pub fn push_line(card: &CheckedCard, result: &ScoreResult, push: &Push) -> (String, CardLine) {
    let limit = &card.group.limits[push.limit];
    let (from, to) = (grade_label(card, push.from), grade_label(card, push.to));
    let group = match &push.group {
        Some(g) => format!(
            "{} {g}: {} of its {} rows",
            limit.within.keyword(),
            push.had,
            push.size
        ),
        None => format!("{}: {} of the {}", all_rows(result), push.had, push.size),
    };
    let by = quote(card, limit.by.span);
    let shown = |d: Decimal| format_value(&Value::Num(d), limit.by_type);
    let why = match (push.tie_at_cut, push.last_kept) {
        (Some(cut), _) if cut == push.value => format!(
            "{by} {} ties at the cut, and `ties push` sends every tied row down",
            shown(cut)
        ),
        (_, Some(kept)) => format!(
            "{by} {} is below {}, the lowest kept",
            shown(push.value),
            shown(kept)
        ),
        (Some(cut), None) => format!(
            "{by} {} is below the cut at {}, where tied rows all went down",
            shown(push.value),
            shown(cut)
        ),
        (None, None) => format!(
            "{} of {}, rounded down, is none",
            percent(limit.share),
            rows(push.size)
        ),
    };
    (
        format!(
            "pushed down from {from} to {to}: `{}`: {group} had {from}, and {} may keep it; {why}",
            quote(card, limit.span),
            push.allowed,
        ),
        card_line(card, limit.span),
    )
}

/// `1 row`, `5 rows`
fn rows(n: usize) -> String {
    format!("{n} row{}", if n == 1 { "" } else { "s" })
}

/// `all rows`, or `all rows of 2026-10` when rows carry a period.
fn all_rows(result: &ScoreResult) -> String {
    match result.employee.period {
        Some(period) => format!("all rows of {period}"),
        None => "all rows".to_string(),
    }
}

/// The label of a grade table's row.
pub fn grade_label(card: &CheckedCard, row: usize) -> String {
    card.grade
        .as_ref()
        .and_then(|g| g.rows.get(row))
        .map(|r| r.outcome.to_string())
        .unwrap_or_default()
}

/// A share as HR writes it, to 0.01% for display: `40%`, `33.33%`.
fn percent(share: Decimal) -> String {
    let shown =
        share.round_dp_with_strategy(4, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    format_value(&Value::Num(shown), Type::Num(Unit::Percent))
}

/// `a`, `a and b`, `a, b and c`.
fn join_and(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
