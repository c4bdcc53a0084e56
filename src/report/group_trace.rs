//! The words for rated items, ranks and grade limits, shared by `explain`
//! and the other reports.

use super::common::{line_of, quote};
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
) -> (String, usize) {
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
        line_of(card, rated.span),
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
) -> Vec<(String, String, String, usize)> {
    card.group
        .ranks
        .iter()
        .zip(&result.ranks)
        .map(|(rank, p)| {
            let group = match &p.group {
                Some(g) => format!("in {} {g}", rank.within.keyword()),
                None => "among all rows".to_string(),
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
                line_of(card, rank.span),
            )
        })
        .collect()
}

/// Why a grade limit pushed the row down: one sentence per push.
pub fn push_line(card: &CheckedCard, push: &Push) -> (String, usize) {
    let limit = &card.group.limits[push.limit];
    let label = |row: usize| {
        card.grade
            .as_ref()
            .and_then(|g| g.rows.get(row))
            .map(|r| r.outcome.to_string())
            .unwrap_or_default()
    };
    let group = match &push.group {
        Some(g) => format!("{} {g}", limit.within.keyword()),
        None => "all rows".to_string(),
    };
    let shown = |d: Decimal| format_value(&Value::Num(d), limit.by_type);
    let below = match push.last_kept {
        Some(kept) if kept == push.value => format!(
            "{} ties the cut at {}, and ties go down",
            quote(card, limit.by.span),
            shown(push.value)
        ),
        Some(kept) => format!(
            "{} {} is below {}, the lowest kept",
            quote(card, limit.by.span),
            shown(push.value),
            shown(kept)
        ),
        None => "no row may keep it".to_string(),
    };
    (
        format!(
            "pushed down from {} to {}: `{}`: {} has {} row{}, {} of them had {}, {} may keep it; {below}",
            label(push.from),
            label(push.to),
            quote(card, limit.span),
            group,
            push.size,
            if push.size == 1 { "" } else { "s" },
            push.had,
            label(push.from),
            push.allowed,
        ),
        line_of(card, limit.span),
    )
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
