//! What evaluating one row gives: every score, and the trace behind it.
//!
//! The trace is data, not text: it records which tier row fired, which
//! deductions applied and how often, and any clamp, by index into the
//! [`CheckedCard`](crate::check::CheckedCard). `report::explain` turns it into
//! sentences in the card's own words — the raw material for an appeal.

use super::scores::Scores;
use crate::row::Employee;
use crate::source::Span;
use crate::value::Value;
use rust_decimal::Decimal;
use std::sync::Arc;

/// One row's result: its numbers always, the reasons behind them when asked
/// for. [`evaluate`](super::evaluate) gives both, [`evaluate_untraced`](super::evaluate_untraced)
/// the numbers alone; the ranking stage ([`rank`](super::rank)) works on the
/// numbers, so ranks and grade limits never need the trace.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreResult {
    /// Who the row is about (id, name, store, period …), as read from the data.
    pub employee: Employee,
    /// The row's line (CSV) or record number (JSON, TOML) in its data file, 1-based.
    pub line: usize,
    /// Every score, by index into the card: items, sections, bonus and
    /// penalty blocks, the total (never below zero), bands and outputs, the
    /// grade row (after any grade limit).
    pub scores: Scores,
    /// One per `RankStage::ranks`, same order; empty until the ranking stage.
    pub ranks: Vec<Placing>,
    /// Each grade limit that pushed this row's grade down, in the order applied.
    pub pushed: Vec<Push>,
    /// The card that produced this result: its version and content hash.
    pub card: Arc<crate::stamp::Stamp>,
    /// How the scores came about, when evaluation was asked to trace.
    pub trace: Option<Box<Trace>>,
}

impl ScoreResult {
    /// The grade's label, if the card grades.
    pub fn grade<'c>(&self, card: &'c crate::check::CheckedCard) -> Option<&'c Arc<str>> {
        let row = self.scores.grade?;
        Some(&card.grade.as_ref()?.rows.get(row)?.outcome)
    }

    /// The value `key` names, with its kind: `total`, `sections_total`, or
    /// an item, section, bonus/penalty block, band or output by name (or,
    /// failing that, by label). `None` when the card has no such thing.
    pub fn value_of(
        &self,
        card: &crate::check::CheckedCard,
        key: &str,
    ) -> Option<(Value, crate::value::Type)> {
        use crate::value::{Type, Unit};
        let plain = Type::Num(Unit::Plain);
        let s = &self.scores;
        match key {
            "total" => return Some((Value::Num(s.total), plain)),
            "sections_total" => return Some((Value::Num(s.sections_total), plain)),
            _ => {}
        }
        let found = |by_label: bool| {
            let pick = |name: &str, label: Option<&str>| match by_label {
                false => name == key,
                true => label == Some(key),
            };
            let num = |v: Option<&Decimal>| v.map(|v| (Value::Num(*v), plain));
            if let Some(i) = card
                .items
                .iter()
                .position(|x| pick(&x.name, x.label.as_deref()))
            {
                return num(s.items.get(i));
            }
            if let Some(i) = card
                .sections
                .iter()
                .position(|x| pick(&x.name, x.label.as_deref()))
            {
                return num(s.sections.get(i));
            }
            if let Some(i) = card
                .adjustments
                .iter()
                .position(|x| pick(&x.name, x.label.as_deref()))
            {
                return num(s.adjustments.get(i));
            }
            let i = card
                .derived
                .iter()
                .position(|x| pick(&x.name, x.label.as_deref()))?;
            Some((s.derived.get(i)?.clone(), card.derived[i].ty))
        };
        found(false).or_else(|| found(true))
    }

    /// The trace; results given to the reports that explain are always traced.
    ///
    /// # Panics
    /// When the result was evaluated without a trace: a caller's mistake.
    pub fn traced(&self) -> &Trace {
        self.trace
            .as_deref()
            .expect("this result was evaluated without its trace")
    }
}

/// How a row's scores came about: which tier row fired, which deductions
/// applied and how often, clamps, caps, the floor, every hook call.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Trace {
    /// One per `CheckedCard::items`, same order.
    pub items: Vec<ItemScore>,
    /// One per `CheckedCard::adjustments`, same order.
    pub adjustments: Vec<AdjustmentScore>,
    /// One per `CheckedCard::derived`: for a band, the row that fired.
    pub derived_rows: Vec<Option<usize>>,
    /// Penalties exceeded the score; the total was raised to zero from this (negative) value.
    pub floored_from: Option<Decimal>,
    /// Every hook call made for this row, in the order they ran.
    pub hooks: Vec<HookCall>,
}

/// One call to a hook: what went in, what came out, what it printed.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct HookCall {
    /// Index into `CheckedCard::hooks`.
    pub function: usize,
    /// The call in the card.
    pub span: Span,
    /// The arguments it was called with, in order.
    pub args: Vec<Value>,
    /// What it gave back.
    pub value: Value,
    /// Lines from `print` and `debug`, in order.
    pub output: Vec<String>,
}

/// How one item (考核项) got its score: the base, each deduction, any clamp.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ItemScore {
    /// The final score (also in [`Scores::items`]), within `[0, points]`.
    pub score: Decimal,
    /// How the score before deductions came about.
    pub base: BaseTrace,
    /// One per `Item::deductions`, same order (count 0 when it did not apply).
    pub deductions: Vec<Hit>,
    /// Base less deductions, before clamping.
    pub raw: Decimal,
    /// Whether the raw score was brought back within `[0, points]`, and which way.
    pub clamp: Option<Clamp>,
}

/// How the base score (before deductions) came about.
#[derive(Debug, Clone, PartialEq)]
pub enum BaseTrace {
    /// No base rule: the item starts at full points.
    Full,
    /// Tier row `row` fired on this subject value, giving `value` points.
    Tier {
        /// The tier row that fired, by index into the table.
        row: usize,
        /// The value the table looked at.
        subject: Value,
        /// The points it gave.
        value: Decimal,
    },
    /// The pass/fail condition held (`met`) or not, giving `value` points.
    PassFail {
        /// The condition held.
        met: bool,
        /// The points it gave.
        value: Decimal,
    },
    /// `days` late (`None`: not reported), giving `value` points.
    Late {
        /// Days late; `None`: not reported at all.
        days: Option<Decimal>,
        /// The points it gave.
        value: Decimal,
    },
    /// `score EXPR` gave this value.
    Score {
        /// The points it gave, before deductions and clamping.
        value: Decimal,
    },
    /// The raters' ratings (one per rater, `None` for one who did not rate),
    /// combined into `value`; `rounded` when that took rounding to 0.01.
    Rated {
        /// One per rater, in the card's order; `None` for a rater who did not rate.
        ratings: Vec<Option<Decimal>>,
        /// The combined rating: the item's base score.
        value: Decimal,
        /// Combining took rounding to 0.01 (a mean of three raters, say).
        rounded: bool,
    },
}

impl BaseTrace {
    /// The base score this gave, for an item worth `points`.
    pub fn value(&self, points: Decimal) -> Decimal {
        match self {
            BaseTrace::Full => points,
            BaseTrace::Tier { value, .. }
            | BaseTrace::PassFail { value, .. }
            | BaseTrace::Late { value, .. }
            | BaseTrace::Score { value }
            | BaseTrace::Rated { value, .. } => *value,
        }
    }
}

/// One per-occurrence rule applied `count` times for `amount` points in all (positive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// How many times it applied (occurrences, days …).
    pub count: Decimal,
    /// The points it took off (or added) in all, never negative.
    pub amount: Decimal,
}

/// Which way an item's raw score was brought back within its points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clamp {
    /// The raw score was below zero.
    ToZero,
    /// The raw score was above the item's points.
    ToPoints,
}

/// How one bonus (加分) or penalty (扣分) block came to its amount.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct AdjustmentScore {
    /// One per line of the block, same order.
    pub lines: Vec<Hit>,
    /// Signed: positive for a bonus, negative for a penalty, after the cap.
    pub amount: Decimal,
    /// The cap was reached; `uncapped` is what the lines added up to.
    pub capped: bool,
    /// What the lines added up to before the cap (signed like `amount`).
    pub uncapped: Decimal,
}

/// The value of one band or output, and for a band, which row gave it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct DerivedValue {
    /// The value, of the band's or output's type.
    pub value: Value,
    /// For a band: the row that fired.
    pub row: Option<usize>,
}

/// A row's place in one rank.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Placing {
    /// 1 is best.
    pub place: usize,
    /// How many rows the group has.
    pub size: usize,
    /// How many rows of the group (this one included) share this value.
    pub tied: usize,
    /// The group: the store, brand or region ranked within (`None` for all rows).
    pub group: Option<String>,
    /// The value ranked.
    pub value: Decimal,
}

impl Placing {
    /// The share of the group at or above this place: place 2 of 10 is 0.2.
    pub fn top(&self) -> Decimal {
        Decimal::from(self.place) / Decimal::from(self.size.max(1))
    }
}

/// A grade limit pushed this row down one grade.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Push {
    /// Index into `RankStage::limits`.
    pub limit: usize,
    /// The grade row it had, and the one it got.
    pub from: usize,
    /// The grade row it got (one below `from`).
    pub to: usize,
    /// The group's size, and how many rows of it may keep the grade.
    pub size: usize,
    /// How many rows of the group may keep the grade.
    pub allowed: usize,
    /// How many rows of the group had the grade before the limit.
    pub had: usize,
    /// The store, brand or region (`None` for all rows).
    pub group: Option<String>,
    /// The value the limit orders rows by, for this row and for the last row that kept the grade.
    pub value: Decimal,
    /// The same value for the last row that kept the grade (`None` when none did).
    pub last_kept: Option<Decimal>,
    /// Rows tied at the cut (the first row over the limit ties the last one
    /// within it), so the limit's tie rule decided.
    pub tie_at_cut: Option<Decimal>,
}
