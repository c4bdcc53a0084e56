//! Monthly rows → one row per employee and period, by the card's rules.

use crate::check::model::{CheckedCard, PartialRule, RollupPlan, RollupRule};
use crate::data::{Employee, Row};
use crate::t;
use crate::value::{format_value, Value};
use rust_decimal::Decimal;
use scorecard_core::period::{Period, PeriodKind};
use std::collections::HashMap;

/// What rolling up gave: the rows to score, and every row that is not scored.
#[derive(Debug, Clone, Default)]
pub struct RollUp {
    /// One per employee and period, in the order each first appears in the data.
    pub rows: Vec<Row>,
    /// How each row came about, parallel to `rows`.
    pub sources: Vec<Source>,
    /// Periods with too few months, left out by the card's `partial` rule. Not errors.
    pub skipped: Vec<Skipped>,
    /// Rows that could not be rolled up.
    pub errors: Vec<RollupError>,
    /// Things worth saying that do not stop anything.
    pub warnings: Vec<String>,
}

/// The months a rolled-up row came from, and what the roll-up did with them.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// Each month and its line in the data file, in calendar order.
    pub months: Vec<(Period, usize)>,
    /// How many months the period has (3 for a quarter).
    pub of: u32,
    /// `sum` inputs were scaled by `of / months` (`partial prorate`).
    pub prorated: bool,
    /// For each `ratio` input: its index, and the summed numerator and denominator.
    pub ratios: Vec<(usize, Decimal, Decimal)>,
}

/// A period left out under the card's `partial` rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub employee: Employee,
    pub months: Vec<Period>,
    /// What the rule asks for: at least this many months.
    pub minimum: u32,
}

/// A row, or an employee's period, that cannot be rolled up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RollupError {
    /// The data lines involved.
    pub lines: Vec<usize>,
    pub employee: Employee,
    pub kind: RollupErrorKind,
    /// The sentence the user reads.
    pub message: String,
}

/// What kept a row or an employee's period from being rolled up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RollupErrorKind {
    /// The row's period is not a month, or it has none.
    NotAMonth,
    /// A rate's denominator adds up to 0 over the months (`ratio(解决数, 受理数)`, no 受理数).
    RatioOfZero,
    /// An average or a rate came out beyond the input's range.
    OutOfRange,
    /// The card has no `rollup` plan.
    NoPlan,
}

/// Why nothing could be rolled up at all. `Display` is the sentence the user reads.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct CannotRollUp {
    kind: CannotRollUpKind,
    message: String,
}

/// Why nothing could be rolled up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum CannotRollUpKind {
    /// The card has no `period` to roll months up to.
    CardDoesNotRollUp,
    /// Rows were read, but none gives its month (the data has no month column).
    NoMonthColumn,
}

impl CannotRollUp {
    #[cold]
    fn new(kind: CannotRollUpKind, message: String) -> CannotRollUp {
        CannotRollUp { kind, message }
    }

    /// Why not.
    pub fn kind(&self) -> CannotRollUpKind {
        self.kind
    }

    /// The sentence the user reads (the same as `Display`).
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// Rolls monthly `rows` (read against `card`, e.g. with [`monthly_view`](super::monthly_view))
/// up to the card's period. Every row needs a month (a `月份` column).
pub fn roll_up(card: &CheckedCard, rows: &[Row]) -> Result<RollUp, CannotRollUp> {
    let mut rolling = RollingUp::new(card)?;
    let mut out = rolling.part(rows);
    out.warnings = rolling.finish()?;
    Ok(out)
}

/// [`roll_up`] a part of the rows at a time, for a caller that never holds
/// them all ([`crate::stream`]): each part must hold every month of each
/// employee's period it has. Parts rolled one after another give, end to
/// end, what [`roll_up`] gives for all the rows; what needs every row
/// (the data has no month at all, monthly values not used) comes at the end.
pub struct RollingUp<'c> {
    card: &'c CheckedCard,
    plan: &'c RollupPlan,
    /// Some row was rolled, and some row had a period.
    any_row: bool,
    any_period: bool,
    /// Per input: some row gave a value (kept for `ratio` inputs only).
    given: Vec<bool>,
}

impl<'c> RollingUp<'c> {
    /// `Err` when the card does not roll up.
    pub fn new(card: &'c CheckedCard) -> Result<Self, CannotRollUp> {
        let Some(plan) = &card.rollup() else {
            return Err(CannotRollUp::new(
                CannotRollUpKind::CardDoesNotRollUp,
                t!("period-card-no-rollup", card = card.name()),
            ));
        };
        Ok(RollingUp {
            card,
            plan,
            any_row: false,
            any_period: false,
            given: vec![false; card.inputs().len()],
        })
    }

    /// Rolls up the employees' periods of `rows` (no warnings: see [`RollingUp::finish`]).
    pub fn part(&mut self, rows: &[Row]) -> RollUp {
        self.note(rows);
        let (card, plan) = (self.card, self.plan);
        let mut out = RollUp::default();
        let mut order: Vec<(String, Period)> = Vec::new();
        let mut members: HashMap<(String, Period), Vec<&Row>> = HashMap::new();
        for row in rows {
            let month = match row.employee.period {
                Some(p) if p.kind == PeriodKind::Month => p,
                other => {
                    let message = match other {
                        Some(p) => t!("period-row-not-month", period = p.to_string()),
                        None => t!("period-row-no-month"),
                    };
                    out.errors.push(RollupError {
                        lines: vec![row.line],
                        employee: row.employee.clone(),
                        kind: RollupErrorKind::NotAMonth,
                        message,
                    });
                    continue;
                }
            };
            let period = month.containing(plan.period).unwrap_or(month);
            let key = (row.employee.id.clone(), period);
            members
                .entry(key.clone())
                .or_insert_with(|| {
                    order.push(key.clone());
                    Vec::new()
                })
                .push(row);
        }
        for key in order {
            let months = members.remove(&key).unwrap_or_default();
            roll_period(card, plan, key.1, months, &mut out);
        }
        out
    }

    /// What the rows seen say together: `Err` when no row had a month (the
    /// data has no month column), else the warnings.
    pub fn finish(self) -> Result<Vec<String>, CannotRollUp> {
        if self.any_row && !self.any_period {
            return Err(CannotRollUp::new(
                CannotRollUpKind::NoMonthColumn,
                t!("period-no-month-column"),
            ));
        }
        let mut warnings = Vec::new();
        for (i, input) in self.card.inputs().iter().enumerate() {
            if let RollupRule::Ratio { .. } = self.plan.inputs[i].rule {
                if self.given[i] {
                    warnings.push(t!("period-ratio-recomputed", input = &input.name));
                }
            }
        }
        Ok(warnings)
    }

    fn note(&mut self, rows: &[Row]) {
        self.any_row |= !rows.is_empty();
        self.any_period |= rows.iter().any(|r| r.employee.period.is_some());
        let ratios = self.plan.inputs.iter().map(|input| &input.rule);
        for (i, (given, rule)) in self.given.iter_mut().zip(ratios).enumerate() {
            if let RollupRule::Ratio { .. } = rule {
                *given = *given || rows.iter().any(|r| r.values[i] != Value::Missing);
            }
        }
    }
}

/// One employee's months of one period → a row, a skipped period or an error.
fn roll_period(
    card: &CheckedCard,
    plan: &RollupPlan,
    period: Period,
    mut months: Vec<&Row>,
    out: &mut RollUp,
) {
    months.sort_by_key(|r| r.employee.period);
    let of = plan.period.months();
    let count = months.len() as u32;
    let minimum = match plan.partial.rule {
        PartialRule::Skip => of,
        _ => plan.partial.minimum,
    };
    let last = months[months.len() - 1];
    let employee = Employee {
        period: Some(period),
        ..last.employee.clone()
    };
    if count < minimum {
        out.skipped.push(Skipped {
            employee,
            months: months.iter().filter_map(|r| r.employee.period).collect(),
            minimum,
        });
        return;
    }
    let prorate = plan.partial.rule == PartialRule::Prorate && count < of;
    let scale = Decimal::from(of) / Decimal::from(count);
    match roll_one(card, &months, prorate.then_some(scale)) {
        Ok((values, ratios)) => {
            out.rows.push(Row {
                line: months[0].line,
                employee,
                values,
            });
            out.sources.push(Source {
                months: months
                    .iter()
                    .filter_map(|r| r.employee.period.map(|p| (p, r.line)))
                    .collect(),
                of,
                prorated: prorate,
                ratios,
            });
        }
        Err((kind, message)) => out.errors.push(RollupError {
            lines: months.iter().map(|r| r.line).collect(),
            employee,
            kind,
            message,
        }),
    }
}

type Rolled = (Vec<Value>, Vec<(usize, Decimal, Decimal)>);

/// One employee's months → one row's values, or why not.
fn roll_one(
    card: &CheckedCard,
    months: &[&Row],
    scale: Option<Decimal>,
) -> Result<Rolled, (RollupErrorKind, String)> {
    let Some(plan) = &card.rollup() else {
        return Err((RollupErrorKind::NoPlan, t!("period-card-does-not-roll-up")));
    };
    let column = |i: usize| months.iter().map(move |r| &r.values[i]);
    let mut values = Vec::with_capacity(card.inputs().len());
    let mut ratios = Vec::new();
    for (i, input) in card.inputs().iter().enumerate() {
        let value = match plan.inputs[i].rule {
            RollupRule::Sum => match sum(column(i)) {
                Some(total) => Value::Num(match scale {
                    Some(scale) => total * scale,
                    None => total,
                }),
                None => Value::Missing,
            },
            RollupRule::Mean => {
                let given: Vec<Decimal> = column(i).filter_map(Value::as_num).collect();
                if given.is_empty() {
                    Value::Missing
                } else {
                    let total: Decimal = given.iter().sum();
                    Value::Num(total / Decimal::from(given.len()))
                }
            }
            RollupRule::Last => column(i).next_back().cloned().unwrap_or(Value::Missing),
            RollupRule::All | RollupRule::Any => {
                let flags: Option<Vec<bool>> = column(i).map(Value::as_bool).collect();
                match flags {
                    Some(flags) if plan.inputs[i].rule == RollupRule::All => {
                        Value::Bool(flags.iter().all(|&b| b))
                    }
                    Some(flags) => Value::Bool(flags.iter().any(|&b| b)),
                    None => Value::Missing,
                }
            }
            RollupRule::Ratio {
                numerator,
                denominator,
            } => match (sum(column(numerator)), sum(column(denominator))) {
                (Some(n), Some(d)) => {
                    if d.is_zero() {
                        return Err((
                            RollupErrorKind::RatioOfZero,
                            t!(
                                "period-ratio-zero",
                                input = &input.name,
                                numerator = &card.inputs()[numerator].name,
                                denominator = &card.inputs()[denominator].name
                            ),
                        ));
                    }
                    ratios.push((i, n, d));
                    Value::Num(n / d)
                }
                _ => Value::Missing,
            },
        };
        // Sums may pass a monthly range; averages and rates may not pass the card's.
        if let (Value::Num(v), Some((low, high)), false) =
            (&value, input.range, plan.inputs[i].rule == RollupRule::Sum)
        {
            if *v < low || *v > high {
                return Err((
                    RollupErrorKind::OutOfRange,
                    t!(
                        "period-rolled-out-of-range",
                        input = &input.name,
                        value = format_value(&value, input.ty.value_type()),
                        low = format_value(&Value::Num(low), input.ty.value_type()),
                        high = format_value(&Value::Num(high), input.ty.value_type())
                    ),
                ));
            }
        }
        values.push(value);
    }
    Ok((values, ratios))
}

/// The months' values added up; `None` if any month is blank (not reported).
fn sum<'a>(values: impl Iterator<Item = &'a Value>) -> Option<Decimal> {
    let mut total = Decimal::ZERO;
    for value in values {
        total += value.as_num()?;
    }
    Some(total)
}

impl Source {
    /// The roll-up in words, for the head of an explanation:
    /// which months, any scaling, and each recomputed rate.
    pub fn describe(&self, card: &CheckedCard) -> Vec<String> {
        let months: Vec<String> = self
            .months
            .iter()
            .map(|(p, line)| t!("period-month-at-line", period = p.to_string(), line = *line))
            .collect();
        let mut lines = vec![t!(
            "period-rolled-from",
            count = self.months.len(),
            of = self.of.to_string(),
            months = months.join(&t!("data-list-sep"))
        )];
        if let Some(plan) = &card.rollup() {
            if self.prorated {
                lines.push(t!(
                    "period-prorated",
                    rule = card.source().slice(plan.partial.span),
                    of = self.of.to_string(),
                    count = self.months.len()
                ));
            }
        }
        for &(i, n, d) in &self.ratios {
            let Some(crate::check::model::InputRollup {
                rule:
                    RollupRule::Ratio {
                        numerator,
                        denominator,
                    },
                ..
            }) = card.rollup().as_ref().map(|p| &p.inputs[i])
            else {
                continue;
            };
            let rate = n / d;
            let shown = rate.round_dp(4);
            lines.push(format!(
                "{} = {} {} / {} {} {} {}",
                card.inputs()[i].name,
                card.inputs()[*numerator].name,
                crate::value::format_decimal(n),
                card.inputs()[*denominator].name,
                crate::value::format_decimal(d),
                if shown == rate { "=" } else { "≈" },
                format_value(&Value::Num(shown), card.inputs()[i].ty.value_type())
            ));
        }
        lines
    }
}
