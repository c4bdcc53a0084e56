//! The words for rated items, ranks and grade limits, shared by `explain`
//! and the other reports, in the reader's language (`locales/*/explain.ftl`).

use super::common::{card_line, quote, CardLine};
use crate::check::model::{Combine, ExprKind, Rated};
use crate::check::CheckedCard;
use crate::eval::result::{Placing, Push};
use crate::eval::ScoreResult;
use crate::t;
use crate::value::{format_decimal, format_value, Type, Unit, Value};
use rust_decimal::Decimal;

/// `只有部门经理评分 5 分`, `自评 8，部门经理评分 7，以部门经理评分的评分为准：7 分`.
pub fn rated_reason(
    card: &CheckedCard,
    rated: &Rated,
    ratings: &[Option<Decimal>],
    value: Decimal,
    rounded: bool,
) -> (String, CardLine) {
    let name = |i: usize| {
        let slot = &rated.raters[i];
        slot.label.clone().unwrap_or_else(|| slot.name.clone())
    };
    let present: Vec<(usize, Decimal)> = ratings
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.map(|r| (i, r)))
        .collect();
    let given = present
        .iter()
        .map(|&(i, r)| {
            t!(
                "explain-rated-given",
                rater = name(i),
                score = format_decimal(r)
            )
        })
        .collect::<Vec<_>>()
        .join(&t!("explain-sep"));
    let shown = format_decimal(value);
    let rounding = if rounded {
        t!("explain-rated-rounded")
    } else {
        String::new()
    };
    let text = match rated.combine {
        _ if present.is_empty() => t!("explain-rated-none", score = shown),
        _ if present.len() == 1 => {
            t!(
                "explain-rated-only",
                rater = name(present[0].0),
                score = shown
            )
        }
        Combine::Override => {
            let last = present.last().map_or(0, |&(i, _)| i);
            t!(
                "explain-rated-override",
                given = given,
                rater = name(last),
                score = shown
            )
        }
        Combine::Mean => {
            let parts: Vec<String> = present.iter().map(|(_, r)| format_decimal(*r)).collect();
            let formula = format!("({}) ÷ {}", parts.join(" + "), present.len());
            t!(
                "explain-rated-mean",
                given = given,
                formula = formula,
                score = shown
            ) + rounding.as_str()
        }
        Combine::Weighted => {
            let weight = |i: usize| rated.raters[i].weight.unwrap_or_default();
            let parts: Vec<String> = present
                .iter()
                .map(|&(i, r)| format!("{} × {}", format_decimal(r), percent(weight(i))))
                .collect();
            let weights: Decimal = present.iter().map(|&(i, _)| weight(i)).sum();
            let (formula, rescaled) = if weights == Decimal::ONE {
                (parts.join(" + "), String::new())
            } else {
                (
                    format!("({}) ÷ {}", parts.join(" + "), percent(weights)),
                    t!("explain-rated-rescaled", weights = percent(weights)),
                )
            };
            t!(
                "explain-rated-weighted",
                given = given,
                formula = formula,
                score = shown
            ) + rounding.as_str()
                + rescaled.as_str()
        }
    };
    (text, card_line(card, rated.span))
}

/// `第 2 / 5` (`2 of 5`): a place in the reader's language.
pub fn place_text(placing: &Placing) -> String {
    t!("explain-place", place = placing.place, size = placing.size)
}

/// For a formula's leaf that reads a rank: `第 2 / 5`, `前 40%（第 2 / 5）`, `5`.
pub fn rank_fact(kind: &ExprKind, result: &ScoreResult) -> Option<String> {
    Some(match kind {
        ExprKind::Rank(i) => place_text(result.ranks.get(*i)?),
        ExprKind::Top(i) => {
            let p = result.ranks.get(*i)?;
            format!("{} ({})", percent(p.top()), place_text(p))
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
    card.ranking()
        .ranks
        .iter()
        .zip(&result.ranks)
        .map(|(rank, p)| {
            let group = match &p.group {
                Some(g) => g.clone(),
                None => all_rows(result),
            };
            let mut text = t!(
                "explain-rank",
                by = by_name(card, &rank.by),
                value = format_value(&Value::Num(p.value), rank.by_type),
                group = group,
                size = p.size,
                place = p.place
            );
            if p.tied > 1 {
                text += &t!("explain-rank-tied", others = p.tied - 1);
            }
            (
                rank.display_name().to_string(),
                place_text(p),
                text,
                card_line(card, rank.span),
            )
        })
        .collect()
}

/// What a rank or limit orders by: `总分`, or the name (or formula) as written.
fn by_name(card: &CheckedCard, by: &crate::check::model::Expr) -> String {
    match by.kind {
        ExprKind::Total => t!("explain-total-name"),
        _ => quote(card, by.span),
    }
}

/// Why a grade limit pushed the row down: one sentence per push.
pub fn push_line(card: &CheckedCard, result: &ScoreResult, push: &Push) -> (String, CardLine) {
    let limit = &card.ranking().limits[push.limit];
    let (from, to) = (grade_label(card, push.from), grade_label(card, push.to));
    let group = match &push.group {
        Some(g) => g.clone(),
        None => all_rows(result),
    };
    let by = by_name(card, &limit.by);
    let shown = |d: Decimal| format_value(&Value::Num(d), limit.by_type);
    let why = match (push.tie_at_cut, push.last_kept) {
        (Some(cut), _) if cut == push.value => {
            t!("explain-push-tie", by = by, value = shown(cut))
        }
        (_, Some(kept)) => t!(
            "explain-push-below",
            by = by,
            value = shown(push.value),
            kept = shown(kept)
        ),
        (Some(cut), None) => t!(
            "explain-push-below-cut",
            by = by,
            value = shown(push.value),
            cut = shown(cut)
        ),
        (None, None) => t!(
            "explain-push-none",
            share = percent(limit.share),
            size = push.size
        ),
    };
    (
        t!(
            "explain-push",
            from = from,
            to = to,
            group = group,
            had = push.had,
            allowed = push.allowed,
            why = why
        ),
        card_line(card, limit.span),
    )
}

/// `全部`, or `2026-10 全部` when rows carry a period.
fn all_rows(result: &ScoreResult) -> String {
    match result.employee.period {
        Some(period) => t!("explain-rank-all-period", period = period.to_string()),
        None => t!("explain-rank-all"),
    }
}

/// The label of a grade table's row.
pub fn grade_label(card: &CheckedCard, row: usize) -> String {
    card.grade()
        .as_ref()
        .and_then(|g| g.rows.get(row))
        .map(|r| r.outcome.to_string())
        .unwrap_or_default()
}

/// A share as HR writes it, to 0.01% for display: `40%`, `33.33%`.
pub(super) fn percent(share: Decimal) -> String {
    let shown =
        share.round_dp_with_strategy(4, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    format_value(&Value::Num(shown), Type::Num(Unit::Percent))
}
