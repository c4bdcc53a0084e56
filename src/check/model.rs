//! The checked, compiled form of a card: what evaluation and reports work from.
//!
//! Only [`super::check`] builds a [`CheckedCard`], so evaluation never sees a
//! card that has not passed every check. Names are resolved to indices, every
//! constant is a `Decimal`, and each piece keeps the span of the text it came
//! from so a trace can quote the card's own words.

use crate::hooks::HookFn;
use crate::source::{SourceFile, Span};
use crate::syntax::ast::{AdjustmentKind, CmpOp};
use crate::value::{InputType, Type, Value};
use rust_decimal::Decimal;
use std::sync::Arc;

/// A card that has passed every check, ready to evaluate.
#[derive(Debug, Clone)]
pub struct CheckedCard {
    pub source: Arc<SourceFile>,
    pub name: String,
    pub label: Option<String>,
    pub role: Option<String>,
    pub period: Option<String>,
    /// The declared total (100 on most cards).
    pub total: Decimal,
    pub inputs: Vec<Input>,
    pub params: Vec<Param>,
    pub sections: Vec<Section>,
    /// Every item of every section, in card order; `Section::items` indexes into it.
    pub items: Vec<Item>,
    pub adjustments: Vec<Adjustment>,
    pub grade: Option<TierTable<Arc<str>>>,
    /// Bands and outputs in dependency order: each only reads what comes before it.
    pub derived: Vec<Derived>,
    /// Version, dates in force and content hash; every result carries a copy.
    pub stamp: Arc<crate::version::Stamp>,
    /// The hook functions the card declares, each bound to its compiled script.
    pub hooks: Vec<HookFn>,
}

impl CheckedCard {
    pub fn display_name(&self) -> &str {
        self.label.as_deref().unwrap_or(&self.name)
    }

    pub fn input_index(&self, name: &str) -> Option<usize> {
        self.inputs.iter().position(|i| i.name == name)
    }
}

#[derive(Debug, Clone)]
pub struct Input {
    pub name: String,
    pub label: Option<String>,
    pub ty: InputType,
    /// Inclusive bounds, already scaled (a percent range holds fractions).
    pub range: Option<(Decimal, Decimal)>,
    /// Used when a cell is blank. Declared in the card, never invented.
    pub default: Option<Value>,
    /// A blank cell is allowed and reads as [`Value::Missing`].
    pub optional: bool,
    pub span: Span,
}

impl Input {
    pub fn display_name(&self) -> &str {
        self.label.as_deref().unwrap_or(&self.name)
    }
}

#[derive(Debug, Clone)]
pub struct Param {
    pub name: String,
    pub label: Option<String>,
    pub value: Value,
    pub ty: Type,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Section {
    pub name: String,
    pub label: Option<String>,
    /// The section's weight in points (17% of a 100-point card is 17).
    pub weight: Decimal,
    /// Items' points are scaled to the weight (`scaled`), rather than checked against it.
    pub scaled: bool,
    pub items: std::ops::Range<usize>,
    /// Sum of the items' points.
    pub points: Decimal,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Item {
    pub name: String,
    pub label: Option<String>,
    pub section: usize,
    pub points: Decimal,
    /// What sets the score before deductions; `None` means full points.
    pub base: Option<BaseRule>,
    pub deductions: Vec<PerOccurrence>,
    pub span: Span,
}

impl Item {
    pub fn display_name(&self) -> &str {
        self.label.as_deref().unwrap_or(&self.name)
    }
}

/// The one rule (at most) that sets an item's score before deductions.
#[derive(Debug, Clone)]
pub enum BaseRule {
    Tiers(TierTable<Outcome>),
    /// Full points when `condition` is true (`full if`); with `zero_if`, none when it is true.
    PassFail {
        condition: Expr,
        zero_if: bool,
        otherwise: Decimal,
        span: Span,
    },
    /// "not reported → `missing` points, `per_day` off for each day late".
    Late {
        input: usize,
        missing: Decimal,
        per_day: Decimal,
        span: Span,
    },
    /// `score EXPR`
    Score {
        expr: Expr,
        span: Span,
    },
}

/// `minus N per X` inside an item, or a line of a bonus/penalty block.
#[derive(Debug, Clone)]
pub struct PerOccurrence {
    pub amount: Decimal,
    pub input: usize,
    pub label: Option<String>,
    pub span: Span,
}

/// What an item's tier row gives, already in points where it is constant.
#[derive(Debug, Clone)]
pub enum Outcome {
    Full,
    /// Points less this amount.
    Minus(Decimal),
    Fixed(Decimal),
    Formula(Expr),
}

/// An ordered table, first matching row wins; the last row is always `else`.
#[derive(Debug, Clone)]
pub struct TierTable<O> {
    pub subject: Expr,
    pub subject_type: Type,
    pub rows: Vec<TierRow<O>>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct TierRow<O> {
    /// `None` for the `else` row.
    pub guard: Option<(CmpOp, Decimal)>,
    pub outcome: O,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Adjustment {
    pub kind: AdjustmentKind,
    pub name: String,
    pub label: Option<String>,
    pub cap: Option<Decimal>,
    pub lines: Vec<PerOccurrence>,
    pub span: Span,
}

impl Adjustment {
    pub fn display_name(&self) -> &str {
        self.label.as_deref().unwrap_or(&self.name)
    }
}

/// A band or an output: a named value computed after the total.
#[derive(Debug, Clone)]
pub struct Derived {
    pub name: String,
    pub label: Option<String>,
    pub ty: Type,
    pub rule: DerivedRule,
    pub span: Span,
}

impl Derived {
    pub fn display_name(&self) -> &str {
        self.label.as_deref().unwrap_or(&self.name)
    }
}

#[derive(Debug, Clone)]
pub enum DerivedRule {
    Band(TierTable<Expr>),
    Output(Expr),
}

/// A compiled expression: names resolved to slots, constants folded to values.
#[derive(Debug, Clone)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum ExprKind {
    Const(Value),
    Input(usize),
    /// An item's score.
    Item(usize),
    /// A section's score.
    Section(usize),
    /// A bonus/penalty block's signed amount.
    Adjustment(usize),
    /// The card's total after bonuses and penalties.
    Total,
    /// A band or output, by index into `CheckedCard::derived`.
    Derived(usize),
    Neg(Box<Expr>),
    Not(Box<Expr>),
    Arith(Arith, Box<Expr>, Box<Expr>),
    Compare(CmpOp, Box<Expr>, Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    If(Box<Expr>, Box<Expr>, Box<Expr>),
    Min(Vec<Expr>),
    Max(Vec<Expr>),
    Clamp(Box<Expr>, Box<Expr>, Box<Expr>),
    /// Rounded half away from zero ("四舍五入") to this many decimal places.
    Round(Box<Expr>, u32),
    /// True when an optional input was filled in.
    Present(usize),
    /// A call to `CheckedCard::hooks[function]`.
    Hook {
        function: usize,
        args: Vec<Expr>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arith {
    Add,
    Sub,
    Mul,
    Div,
}
