//! JSON: every score and its trace, for programs (a payroll import, a web page).
//!
//! Numbers are JSON numbers with the exact decimal text (`4.5`, never
//! `4.4999…`): serde_json's `arbitrary_precision` keeps the digits as written.
//! Percentages are fractions (`0.96`); wherever a value may be a percentage
//! there is also a `display` string as HR writes it (`"96%"`). Penalty
//! amounts are negative. Rules are quoted from the card with their line, so a
//! program can show the same evidence `explain` does; for a card that
//! extends another, a rule written in a base card also names its `file`.
//! The card's version and content hash are in `card` and on every employee
//! (`card_version`, `card_hash`), so each published result names the card
//! that produced it. A pay card (no sections, no bonus/penalty blocks) gives
//! pay, not points: its employees have no `total`, `sections_total`,
//! `floored_from`, `grade` or `ranks` (nor `pushed`), and its card no `total`.

use super::common::{derived_order, is_scored, line_of, other_file, quote};
use crate::check::model::{BaseRule, DerivedRule, PerOccurrence};
use crate::check::CheckedCard;
use crate::eval::result::{BaseTrace, Clamp, Hit, ItemScore};
use crate::eval::result::{Placing, Push, Trace};
use crate::eval::{ScoreResult, Scores};
use crate::report::Who;
use crate::source::Span;
use crate::syntax::ast::AdjustmentKind;
use crate::value::{format_decimal, format_value, Type, Value};
use crate::version::Stamp;
use rust_decimal::Decimal;
use serde_json::{json, Value as Json};
use std::io::{self, Write};

/// `{"card": {…}, "employees": [{…}, …]}`
pub fn json(card: &CheckedCard, results: &[ScoreResult]) -> Json {
    json!({
        "card": card_json(card),
        "employees": results.iter().map(|r| employee_json(card, r)).collect::<Vec<_>>(),
    })
}

/// The card a report is by: its name, file, version and content hash.
pub fn card_json(card: &CheckedCard) -> Json {
    let mut doc = json!({
        "name": card.name(),
        "label": card.label(),
        "file": card.source().name,
        "total": num(card.total()),
        "version": card.stamp().version,
        "effective": card.stamp().effective.map(|e| json!({
            "from": e.from.to_string(),
            "until": e.until.map(|u| u.to_string()),
        })),
        "hash": card.stamp().hash.as_str(),
    });
    if !is_scored(card) {
        drop_keys(&mut doc, &["total"]);
    }
    doc
}

/// Keys a pay card's employee does not have: it gives pay, not points.
const POINTS_KEYS: [&str; 6] = [
    "total",
    "sections_total",
    "floored_from",
    "grade",
    "ranks",
    "pushed",
];

/// `keys` taken out of the object `doc`, the others kept in their order.
fn drop_keys(doc: &mut Json, keys: &[&str]) {
    if let Json::Object(map) = doc {
        for key in keys {
            map.shift_remove(*key);
        }
    }
}

/// Pretty-printed JSON, ending in a newline.
pub fn write_json(
    card: &CheckedCard,
    results: &[ScoreResult],
    mut out: impl Write,
) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut out, &json(card, results))?;
    out.write_all(b"\n")
}

/// One result as a report row takes it: from a [`ScoreResult`], or from a
/// row scored and written straight away (numbers only, no trace).
#[derive(Clone, Copy)]
pub struct Person<'a> {
    pub who: Who<'a>,
    pub line: usize,
    pub stamp: &'a Stamp,
    pub scores: &'a Scores,
    pub trace: Option<&'a Trace>,
    pub ranks: &'a [Placing],
    pub pushed: &'a [Push],
}

impl<'a> Person<'a> {
    pub fn of(r: &'a ScoreResult) -> Self {
        Person {
            who: Who::of(&r.employee),
            line: r.line,
            stamp: &r.card,
            scores: &r.scores,
            trace: r.trace.as_deref(),
            ranks: &r.ranks,
            pushed: &r.pushed,
        }
    }
}

/// One employee's object in the report.
pub fn employee_json(card: &CheckedCard, r: &ScoreResult) -> Json {
    person_json(card, &Person::of(r))
}

pub fn person_json(card: &CheckedCard, r: &Person) -> Json {
    let mut doc = person_json_all(card, r);
    // A pay card ranks nobody by points; a rank it declares stays.
    if !is_scored(card) && card.ranking().is_empty() {
        drop_keys(&mut doc, &POINTS_KEYS);
    }
    doc
}

fn person_json_all(card: &CheckedCard, r: &Person) -> Json {
    let e = &r.who;
    let t = r.trace;
    let grade = r
        .scores
        .grade
        .and_then(|row| card.grade().as_ref()?.rows.get(row))
        .map(|row| row.outcome.to_string());
    json!({
        "id": e.id,
        "name": e.name,
        "brand": e.brand,
        "store": e.store,
        "region": e.region,
        "period": e.period.map(|p| p.to_string()),
        "line": r.line,
        "card_version": r.stamp.version,
        "card_hash": r.stamp.hash.as_str(),
        "total": num(r.scores.total),
        "sections_total": num(r.scores.sections_total),
        "floored_from": t.and_then(|t| t.floored_from).map(num),
        "grade": grade,
        "sections": card.sections().iter().zip(&r.scores.sections).map(|(s, score)| json!({
            "name": s.name,
            "label": s.label,
            "score": num(*score),
            "weight": num(s.weight),
        })).collect::<Vec<_>>(),
        "items": card.items().iter().enumerate().map(|(n, i)| {
            item(card, i, r.scores.items[n], t.map(|t| &t.items[n]))
        }).collect::<Vec<_>>(),
        "adjustments": card.adjustments().iter().enumerate().map(|(n, a)| {
            let mut block = json!({
                "name": a.name,
                "label": a.label,
                "kind": match a.kind { AdjustmentKind::Bonus => "bonus", AdjustmentKind::Penalty => "penalty" },
                "amount": num(r.scores.adjustments[n]),
                "cap": a.cap.map(num),
            });
            if let Some(score) = t.map(|t| &t.adjustments[n]) {
                block["uncapped"] = num(score.uncapped);
                block["capped"] = json!(score.capped);
                block["lines"] = json!(a.lines.iter().zip(&score.lines).map(|(l, hit)| occurrence(card, l, hit)).collect::<Vec<_>>());
            }
            block
        }).collect::<Vec<_>>(),
        "ranks": ranks_json(card, r.ranks),
        "pushed": pushed_json(card, r.pushed),
        "outputs": derived_order(card).into_iter().map(|i| {
            let (d, v) = (&card.derived()[i], &r.scores.derived[i]);
            let fired = t.and_then(|t| t.derived_rows[i]);
            json!({
                "name": d.name,
                "label": d.label,
                "kind": match d.rule { DerivedRule::Band(_) => "band", DerivedRule::Output(_) => "output" },
                "value": typed_value(v, d.ty),
                "display": format_value(v, d.ty),
                "rule": match &d.rule {
                    DerivedRule::Band(table) => fired.map(|row| rule(card, table.rows[row].span)),
                    DerivedRule::Output(e) => Some(rule(card, e.span)),
                },
            })
        }).collect::<Vec<_>>(),
    })
}

/// A result's places in its groups.
pub fn ranks_json(card: &CheckedCard, ranks: &[Placing]) -> Json {
    json!(card
        .ranking()
        .ranks
        .iter()
        .zip(ranks)
        .map(|(rank, p)| json!({
            "name": rank.name,
            "label": rank.label,
            "place": p.place,
            "size": p.size,
            "tied": p.tied,
            "within": rank.within.keyword(),
            "group": p.group,
            "value": num(p.value),
            "top": num(p.top().round_dp(4)),
            "rule": rule(card, rank.span),
        }))
        .collect::<Vec<_>>())
}

/// The grade limits that pushed a result's grade down.
pub fn pushed_json(card: &CheckedCard, pushed: &[Push]) -> Json {
    json!(pushed
        .iter()
        .map(|p| {
            let limit = &card.ranking().limits[p.limit];
            let label = |row: usize| {
                card.grade()
                    .as_ref()
                    .map(|g| g.rows[row].outcome.to_string())
            };
            json!({
                "from": label(p.from),
                "to": label(p.to),
                "group": p.group,
                "size": p.size,
                "allowed": p.allowed,
                "had": p.had,
                "value": num(p.value),
                "last_kept": p.last_kept.map(num),
                "rule": rule(card, limit.span),
            })
        })
        .collect::<Vec<_>>())
}

/// An item's score, and with a trace how it came about.
fn item(
    card: &CheckedCard,
    i: &crate::check::model::Item,
    score: Decimal,
    trace: Option<&ItemScore>,
) -> Json {
    let mut item = json!({
        "name": i.name,
        "label": i.label,
        "section": card.sections()[i.section].name,
        "points": num(i.points),
        "score": num(score),
    });
    if let Some(s) = trace {
        item["rule"] = base_rule(card, i.base.as_ref(), &s.base);
        item["base"] = base(card, i.base.as_ref(), &s.base);
        item["deductions"] = json!(i
            .deductions
            .iter()
            .zip(&s.deductions)
            .map(|(d, hit)| occurrence(card, d, hit))
            .collect::<Vec<_>>());
        item["raw"] = num(s.raw);
        item["clamp"] = json!(s.clamp.map(|c| match c {
            Clamp::ToZero => "to_zero",
            Clamp::ToPoints => "to_points",
        }));
    }
    item
}

/// The source text of the rule that set the base: for a tier table, the row that fired.
fn base_rule(card: &CheckedCard, base: Option<&BaseRule>, trace: &BaseTrace) -> Json {
    match (base, trace) {
        (Some(BaseRule::Tiers(t)), BaseTrace::Tier { row, .. }) => rule(card, t.rows[*row].span),
        (Some(BaseRule::PassFail { span, .. } | BaseRule::Late { span, .. }), _) => {
            rule(card, *span)
        }
        (Some(BaseRule::Rated(rated)), _) => rule(card, rated.span),
        // The span covers the expression only; the keyword is put back.
        (Some(BaseRule::Score { span, .. }), _) => {
            let mut rule = rule(card, *span);
            rule["text"] = json!(format!("score {}", quote(card, *span)));
            rule
        }
        _ => Json::Null,
    }
}

fn base(card: &CheckedCard, rule: Option<&BaseRule>, trace: &BaseTrace) -> Json {
    match trace {
        BaseTrace::Full => json!({ "kind": "full" }),
        BaseTrace::Tier {
            row,
            subject,
            value: points,
        } => {
            let (text, ty) = match rule {
                Some(BaseRule::Tiers(t)) => (quote(card, t.subject.span), t.subject_type),
                _ => (String::new(), Type::Num(crate::value::Unit::Plain)),
            };
            json!({
                "kind": "tier",
                "subject": text,
                "value": value(subject),
                "display": format_value(subject, ty),
                "row": row,
                "points": num(*points),
            })
        }
        BaseTrace::PassFail { met, value: points } => {
            json!({ "kind": "pass_fail", "met": met, "points": num(*points) })
        }
        BaseTrace::Late {
            days,
            value: points,
        } => json!({ "kind": "late", "days": days.map(num), "points": num(*points) }),
        BaseTrace::Score { value: points } => json!({ "kind": "score", "points": num(*points) }),
        BaseTrace::Rated {
            ratings,
            value: points,
            rounded,
        } => {
            let Some(BaseRule::Rated(rated)) = rule else {
                return json!({ "kind": "rated", "points": num(*points) });
            };
            json!({
                "kind": "rated",
                "combine": rated.combine.keyword(),
                "ratings": rated.raters.iter().zip(ratings).map(|(slot, r)| json!({
                    "rater": slot.name,
                    "label": slot.label,
                    "rating": r.map(num),
                    "weight": slot.weight.map(num),
                })).collect::<Vec<_>>(),
                "points": num(*points),
                "rounded": rounded,
            })
        }
    }
}

fn occurrence(card: &CheckedCard, rule_: &PerOccurrence, hit: &Hit) -> Json {
    json!({
        "input": card.inputs()[rule_.input].name,
        "label": rule_.label,
        "count": num(hit.count),
        "amount": num(hit.amount),
        "rule": rule(card, rule_.span),
    })
}

/// `{"text": …, "line": …}`, and `"file"` when a base card wrote the rule.
fn rule(card: &CheckedCard, span: Span) -> Json {
    let mut rule = json!({ "text": quote(card, span), "line": line_of(card, span) });
    if let Some(file) = other_file(card, span) {
        rule["file"] = json!(file);
    }
    rule
}

pub fn value(v: &Value) -> Json {
    match v {
        Value::Num(d) => num(*d),
        Value::Bool(b) => Json::Bool(*b),
        Value::Text(t) => Json::String(t.to_string()),
        Value::Missing => Json::Null,
    }
}

/// [`value`], but an amount (`ty` money) to the fen: `1200.00`, as
/// [`crate::value::push_money`] writes it.
pub fn typed_value(v: &Value, ty: Type) -> Json {
    match v {
        Value::Num(d) if ty == Type::Num(crate::value::Unit::Money) => {
            let text = crate::value::format_money(*d);
            text.parse().map_or(Json::String(text), Json::Number)
        }
        other => value(other),
    }
}

/// A JSON number with the decimal's exact text.
pub fn num(d: Decimal) -> Json {
    let text = format_decimal(d);
    match text.parse() {
        Ok(n) => Json::Number(n),
        Err(_) => Json::String(text),
    }
}
