//! The checked, compiled form of a card: what evaluation and reports work from.
//!
//! Only [`super::check`] builds a [`CheckedCard`], so evaluation never sees a
//! card that has not passed every check. Names are resolved to indices, every
//! constant is a `Decimal`, and each piece keeps the span of the text it came
//! from so a trace can quote the card's own words.

pub use super::shape::{held, Shape, Tier};
use crate::hooks::HookFn;
use crate::source::{SourceFile, Span};
use crate::syntax::ast::{AdjustmentKind, CmpOp};
use crate::value::{InputType, Type, Value};
use rust_decimal::Decimal;
use std::sync::Arc;

/// A card that has passed every check, ready to evaluate.
///
/// Only [`check`](super::check) builds one (its fields are the core's own),
/// so a program that holds a `CheckedCard` holds a card that passed every
/// check: read it through the methods below, never write it.
#[derive(Debug, Clone)]
pub struct CheckedCard {
    pub(crate) source: Arc<SourceFile>,
    pub(crate) name: String,
    pub(crate) label: Option<String>,
    pub(crate) role: Option<String>,
    pub(crate) period: Option<String>,
    pub(crate) total: Decimal,
    pub(crate) inputs: Vec<Input>,
    pub(crate) params: Vec<Param>,
    pub(crate) sections: Vec<Section>,
    pub(crate) items: Vec<Item>,
    pub(crate) adjustments: Vec<Adjustment>,
    pub(crate) grade: Option<TierTable<Arc<str>>>,
    pub(crate) derived: Vec<Derived>,
    pub(crate) stamp: Arc<crate::stamp::Stamp>,
    pub(crate) hooks: Vec<HookFn>,
    pub(crate) ranking: RankStage,
    pub(crate) rollup: Option<RollupPlan>,
    pub(crate) constraints: Vec<Constraint>,
    pub(crate) ignore: Vec<String>,
    pub(crate) money: MoneyRounding,
    pub(crate) main: Option<usize>,
}

/// How a card's money outputs and bands are rounded: to `step` yuan, halves
/// away from zero (四舍五入), either as each is worked out or only once the
/// row is scored (see [`RoundWhen`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct MoneyRounding {
    /// `0.01` (the fen), `0.1` or `1`.
    pub step: Decimal,
    /// As each amount is worked out, or once at the end of the row.
    pub when: RoundWhen,
    /// Where the card says so; `None`: the card does not, and it is
    /// reported to the fen at the end (a report says so in its notes).
    pub declared: Option<Span>,
}

pub use crate::syntax::ast::RoundWhen;

impl Default for MoneyRounding {
    /// What a card that says nothing gets: exact amounts, reported to the fen.
    fn default() -> Self {
        MoneyRounding {
            step: Decimal::new(1, 2),
            when: RoundWhen::AtEnd,
            declared: None,
        }
    }
}

impl MoneyRounding {
    /// The steps a card may round to: the fen, the jiao, the yuan.
    pub const STEPS: [Decimal; 3] = [
        Decimal::from_parts(1, 0, 0, false, 2),
        Decimal::from_parts(1, 0, 0, false, 1),
        Decimal::ONE,
    ];

    /// `amount` rounded to the step, halves away from zero.
    #[inline]
    pub fn round(&self, amount: Decimal) -> Decimal {
        let places = self.step.scale();
        amount.round_dp_with_strategy(places, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
    }

    /// A value rounded if it is an amount (`ty` money); any other as it is.
    #[inline]
    pub fn value(&self, value: &mut Value, ty: Type) {
        if ty == Type::Num(crate::value::Unit::Money) {
            if let Value::Num(d) = value {
                *d = self.round(*d);
            }
        }
    }
}

impl CheckedCard {
    /// The card's text, for quoting it in a trace or a diagnostic.
    pub fn source(&self) -> &Arc<SourceFile> {
        &self.source
    }

    /// The card's name as written after `scorecard` (an identifier, often Chinese).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The card's display label (`label "…"`), when it has one.
    pub fn label(&self) -> Option<&str> {
        self.label.as_deref()
    }

    /// The post the card appraises (`role "…"`), when it says.
    pub fn role(&self) -> Option<&str> {
        self.role.as_deref()
    }

    /// The period the card scores (`period quarter` …) as written; `None`: monthly.
    pub fn period(&self) -> Option<&str> {
        self.period.as_deref()
    }

    /// The declared total, 100 on most cards.
    pub fn total(&self) -> Decimal {
        self.total
    }

    /// The inputs, in card order: a row's `values[i]` is `inputs()[i]`.
    pub fn inputs(&self) -> &[Input] {
        &self.inputs
    }

    /// The parameters (`param`): constants a card names, such as a pay base.
    pub fn params(&self) -> &[Param] {
        &self.params
    }

    /// The sections (考核板块), in card order.
    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    /// Every item (考核项) of every section, in card order;
    /// [`Section::items`] indexes into it.
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// The bonus (加分) and penalty (扣分) blocks, in card order.
    pub fn adjustments(&self) -> &[Adjustment] {
        &self.adjustments
    }

    /// The grade table (等级), when the card grades: the total against
    /// thresholds, top grade first.
    pub fn grade(&self) -> Option<&TierTable<Arc<str>>> {
        self.grade.as_ref()
    }

    /// Bands and outputs in dependency order: each only reads what comes before it.
    pub fn derived(&self) -> &[Derived] {
        &self.derived
    }

    /// Version, dates in force and content hash; every result carries a copy.
    pub fn stamp(&self) -> &Arc<crate::stamp::Stamp> {
        &self.stamp
    }

    /// The hook functions the card declares, each bound to its compiled script.
    pub fn hooks(&self) -> &[HookFn] {
        &self.hooks
    }

    /// Ranks and grade limits: worked out across rows once every row is scored.
    pub fn ranking(&self) -> &RankStage {
        &self.ranking
    }

    /// How monthly rows add up to this card's period; `None` when the card does not roll up.
    pub fn rollup(&self) -> Option<&RollupPlan> {
        self.rollup.as_ref()
    }

    /// What every row of data must meet (`require`), checked as it is read.
    pub fn constraints(&self) -> &[Constraint] {
        &self.constraints
    }

    /// Columns the data may carry that the card does not read (`ignore`).
    pub fn ignore(&self) -> &[String] {
        &self.ignore
    }

    /// How the card's money is rounded (`round money to …`), or the default.
    pub fn money(&self) -> MoneyRounding {
        self.money
    }

    /// The output a pay card's report leads with (`main …`): an index into
    /// [`derived`](Self::derived).
    pub fn main(&self) -> Option<usize> {
        self.main
    }

    /// The name HR reads: the label, else the name.
    pub fn display_name(&self) -> &str {
        self.label.as_deref().unwrap_or(&self.name)
    }

    /// Where the input called `name` sits in [`inputs`](Self::inputs).
    pub fn input_index(&self, name: &str) -> Option<usize> {
        self.inputs.iter().position(|i| i.name == name)
    }

    /// The kind of value a result's `key` is (see
    /// [`ScoreResult::value_of`](crate::eval::ScoreResult::value_of)):
    /// `total`, `sections_total`, an item, section or block (points), or a
    /// band or output (its own kind), by name, else by label.
    pub fn key_type(&self, key: &str) -> Option<crate::value::Type> {
        use crate::value::{Type, Unit};
        let points = Some(Type::Num(Unit::Plain));
        if key == "total" || key == "sections_total" {
            return points;
        }
        let by = |label: bool| {
            let is = |name: &str, l: Option<&str>| if label { l == Some(key) } else { name == key };
            if self.items.iter().any(|x| is(&x.name, x.label.as_deref()))
                || self
                    .sections
                    .iter()
                    .any(|x| is(&x.name, x.label.as_deref()))
                || self
                    .adjustments
                    .iter()
                    .any(|x| is(&x.name, x.label.as_deref()))
            {
                return points;
            }
            self.derived
                .iter()
                .find(|d| is(&d.name, d.label.as_deref()))
                .map(|d| d.ty)
        };
        by(false).or_else(|| by(true))
    }
}

/// One input (考核数据): a column of the data, read with its type, range and default.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Input {
    /// The name as written in the card, what formulas and data columns use.
    pub name: String,
    /// The display label (`"…"` after the name), what reports show; `None`: the name is shown.
    pub label: Option<String>,
    /// What kind of value its cells hold (percent, count, money, yes/no …).
    pub ty: InputType,
    /// Inclusive bounds, already scaled (a percent range holds fractions).
    pub range: Option<(Decimal, Decimal)>,
    /// Used when a cell is blank. Declared in the card, never invented.
    pub default: Option<Value>,
    /// A blank cell is allowed and reads as [`Value::Missing`].
    pub optional: bool,
    /// Where in the card it is written.
    pub span: Span,
}

impl Input {
    /// The name HR reads: the label, else the name.
    pub fn display_name(&self) -> &str {
        self.label.as_deref().unwrap_or(&self.name)
    }
}

/// `require COND "sentence"`: what a row of data must meet. Checked when
/// the row is read (`data::RowReader`), before anything is scored; a row
/// that fails is a bad row, refused with the sentence.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Constraint {
    /// Yes or no; reads inputs, parameters, hooks and `days_in_period()` only.
    pub condition: Expr,
    /// The card's sentence, what HR is told.
    pub message: String,
    /// The inputs the condition reads (other than through `present`), in card
    /// order. A row where one of them is blank (an optional input) is not
    /// checked against it; when it fails, their columns are named.
    pub reads: Vec<usize>,
    /// Where in the card it is written.
    pub span: Span,
}

/// A parameter (`param 提成基数 800`): a constant with a name, such as a pay base.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Param {
    /// The name as written in the card, what formulas and data columns use.
    pub name: String,
    /// The display label (`"…"` after the name), what reports show; `None`: the name is shown.
    pub label: Option<String>,
    /// Its value.
    pub value: Value,
    /// Its type (money, percent, a plain number …).
    pub ty: Type,
    /// Where in the card it is written.
    pub span: Span,
}

/// A section (考核板块) of items, with its weight in points.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Section {
    /// The name as written in the card, what formulas and data columns use.
    pub name: String,
    /// The display label (`"…"` after the name), what reports show; `None`: the name is shown.
    pub label: Option<String>,
    /// The section's weight in points (17% of a 100-point card is 17).
    pub weight: Decimal,
    /// Items' points are scaled to the weight (`scaled`), rather than checked against it.
    pub scaled: bool,
    /// Its items, as a range of indices into [`CheckedCard::items`].
    pub items: std::ops::Range<usize>,
    /// Sum of the items' points.
    pub points: Decimal,
    /// Where in the card it is written.
    pub span: Span,
}

/// An item (考核项): its points (分值), the rule that sets its score, and its deductions (扣分).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Item {
    /// The name as written in the card, what formulas and data columns use.
    pub name: String,
    /// The display label (`"…"` after the name), what reports show; `None`: the name is shown.
    pub label: Option<String>,
    /// Its section, by index into [`CheckedCard::sections`].
    pub section: usize,
    /// Its points (分值): a score is never above them, never below zero.
    pub points: Decimal,
    /// What sets the score before deductions; `None` means full points.
    pub base: Option<BaseRule>,
    /// `minus N per X` lines, taken off after the base score.
    pub deductions: Vec<PerOccurrence>,
    /// The base rule's shape, when it is a common one the evaluator scores directly.
    pub shape: Shape,
    /// Where in the card it is written.
    pub span: Span,
}

impl Item {
    /// The name HR reads: the label, else the name.
    pub fn display_name(&self) -> &str {
        self.label.as_deref().unwrap_or(&self.name)
    }
}

/// The one rule (at most) that sets an item's score before deductions.
#[derive(Debug, Clone)]
pub enum BaseRule {
    /// A tier table (`by 反馈及时率 { >= 98% : full … }`): the first row that matches sets the score.
    Tiers(TierTable<Outcome>),
    /// Full points when `condition` is true (`full if`); with `zero_if`, none when it is true.
    PassFail {
        /// The yes/no condition.
        condition: Expr,
        /// Written `zero if`: the condition takes the points away instead of giving them.
        zero_if: bool,
        /// The points when the condition does not give full points (`else N`, 0 unless written).
        otherwise: Decimal,
        /// Where in the card it is written.
        span: Span,
    },
    /// "not reported → `missing` points, `per_day` off for each day late".
    Late {
        /// The days-late input, by index into [`CheckedCard::inputs`].
        input: usize,
        /// The points when the report never came (the cell is blank).
        missing: Decimal,
        /// The points off for each day late.
        per_day: Decimal,
        /// Where in the card it is written.
        span: Span,
    },
    /// `score EXPR`
    Score {
        /// The formula: its value is the score, before deductions, held within the item's points.
        expr: Expr,
        /// Where in the card it is written.
        span: Span,
    },
    /// `rated by 自评, 经理 combine override`
    Rated(Rated),
}

/// `minus N per X` inside an item, or a line of a bonus/penalty block.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct PerOccurrence {
    /// The points for one occurrence (positive).
    pub amount: Decimal,
    /// The input that counts the occurrences, by index into [`CheckedCard::inputs`].
    pub input: usize,
    /// What the occurrence is called in reports (`"日报迟报"`), when the card says.
    pub label: Option<String>,
    /// Where in the card it is written.
    pub span: Span,
}

/// What an item's tier row gives, already in points where it is constant.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// The item's full points.
    Full,
    /// Points less this amount.
    Minus(Decimal),
    /// These points.
    Fixed(Decimal),
    /// A formula's value, held within the item's points.
    Formula(Expr),
}

/// An ordered table, first matching row wins; the last row is always `else`.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct TierTable<O> {
    /// What the rows compare (an input, a total, a formula).
    pub subject: Expr,
    /// The subject's type: every row's threshold is of it.
    pub subject_type: Type,
    /// The rows in card order; the last is `else`.
    pub rows: Vec<TierRow<O>>,
    /// Where in the card it is written.
    pub span: Span,
}

/// One row of a tier table: a threshold and what the row gives.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct TierRow<O> {
    /// `None` for the `else` row.
    pub guard: Option<(CmpOp, Decimal)>,
    /// What the row gives: points for an item, a grade's label, a band's value.
    pub outcome: O,
    /// Where in the card it is written.
    pub span: Span,
}

/// A bonus (加分) or penalty (扣分) block: lines counted per occurrence, with an optional cap.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Adjustment {
    /// Bonus (adds to the total) or penalty (comes off it).
    pub kind: AdjustmentKind,
    /// The name as written in the card, what formulas and data columns use.
    pub name: String,
    /// The display label (`"…"` after the name), what reports show; `None`: the name is shown.
    pub label: Option<String>,
    /// The most the block can add or take, in points (`cap 30`).
    pub cap: Option<Decimal>,
    /// Its lines, `plus`/`minus N per X`.
    pub lines: Vec<PerOccurrence>,
    /// Where in the card it is written.
    pub span: Span,
}

impl Adjustment {
    /// The name HR reads: the label, else the name.
    pub fn display_name(&self) -> &str {
        self.label.as_deref().unwrap_or(&self.name)
    }
}

/// A band or an output: a named value computed after the total.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Derived {
    /// The name as written in the card, what formulas and data columns use.
    pub name: String,
    /// The display label (`"…"` after the name), what reports show; `None`: the name is shown.
    pub label: Option<String>,
    /// Its type: money for pay, a plain number for a coefficient …
    pub ty: Type,
    /// How it is worked out.
    pub rule: DerivedRule,
    /// Reads a rank (directly or through another band or output), so it is
    /// worked out in the ranking stage, after every row's ranks are known.
    pub after_ranks: bool,
    /// Where in the card it is written.
    pub span: Span,
}

impl Derived {
    /// The name HR reads: the label, else the name.
    pub fn display_name(&self) -> &str {
        self.label.as_deref().unwrap_or(&self.name)
    }
}

/// How a band or output is worked out.
#[derive(Debug, Clone)]
pub enum DerivedRule {
    /// A band (`band 系数 by total { >= 90 : 1.2 … }`): a tier table of values.
    Band(TierTable<Expr>),
    /// An output (`output 绩效工资 = 基数 * 系数`): a formula.
    Output(Expr),
}

/// A compiled expression: names resolved to slots, constants folded to values.
#[derive(Debug, Clone)]
pub struct Expr {
    /// What the expression is.
    pub kind: ExprKind,
    /// Where in the card it is written, for traces and errors.
    pub span: Span,
}

impl Expr {
    /// The expressions directly inside this one (one walker for every
    /// pass that looks into an expression).
    pub fn children(&self) -> Vec<&Expr> {
        match &self.kind {
            ExprKind::Neg(e) | ExprKind::Not(e) | ExprKind::Round(e, _) => vec![e],
            ExprKind::Arith(_, l, r)
            | ExprKind::Compare(_, l, r)
            | ExprKind::And(l, r)
            | ExprKind::Or(l, r) => vec![l, r],
            ExprKind::If(a, b, c) | ExprKind::Clamp(a, b, c) => vec![a, b, c],
            ExprKind::Min(args) | ExprKind::Max(args) | ExprKind::Hook { args, .. } => {
                args.iter().collect()
            }
            ExprKind::Const(_)
            | ExprKind::Input(_)
            | ExprKind::Item(_)
            | ExprKind::Section(_)
            | ExprKind::Adjustment(_)
            | ExprKind::Total
            | ExprKind::Derived(_)
            | ExprKind::Present(_)
            | ExprKind::Rank(_)
            | ExprKind::GroupSize(_)
            | ExprKind::Top(_)
            | ExprKind::PeriodDays => Vec::new(),
        }
    }

    /// Calls `f` on this expression and on every one inside it, outer
    /// first, left to right (through [`Expr::children`]).
    pub fn walk<'e>(&'e self, f: &mut impl FnMut(&'e Expr)) {
        f(self);
        for child in self.children() {
            child.walk(f);
        }
    }
}

/// The forms a compiled expression takes; names are indices into the card.
#[derive(Debug, Clone)]
pub enum ExprKind {
    /// A constant, folded at check time.
    Const(Value),
    /// An input's value in the row, by index into [`CheckedCard::inputs`].
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
    /// `-x`
    Neg(Box<Expr>),
    /// `not x`
    Not(Box<Expr>),
    /// `a + b`, `a - b`, `a * b`, `a / b`.
    Arith(Arith, Box<Expr>, Box<Expr>),
    /// `a >= b` and the other comparisons.
    Compare(CmpOp, Box<Expr>, Box<Expr>),
    /// `a and b`
    And(Box<Expr>, Box<Expr>),
    /// `a or b`
    Or(Box<Expr>, Box<Expr>),
    /// `if c then a else b`
    If(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `min(a, b, …)`
    Min(Vec<Expr>),
    /// `max(a, b, …)`
    Max(Vec<Expr>),
    /// `clamp(x, low, high)`
    Clamp(Box<Expr>, Box<Expr>, Box<Expr>),
    /// Rounded half away from zero ("四舍五入") to this many decimal places.
    Round(Box<Expr>, u32),
    /// True when an optional input was filled in.
    Present(usize),
    /// A call to `CheckedCard::hooks[function]`.
    Hook {
        /// The hook, by index into [`CheckedCard::hooks`].
        function: usize,
        /// The arguments, one per parameter.
        args: Vec<Expr>,
    },
    /// The row's place in rank `i` (1 is best), by index into `RankStage::ranks`.
    Rank(usize),
    /// How many rows rank `i`'s group has (`group_size(名次)`).
    GroupSize(usize),
    /// The share of its group at or above the row's place in rank `i`, as a
    /// percentage: place 2 of 10 is 20% (`top(名次)`, and `top 20%` rows).
    Top(usize),
    /// `days_in_period()`: the days of the row's month (quarter …), only in a `require`.
    PeriodDays,
}

/// An arithmetic operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arith {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/` (a division by zero fails the row).
    Div,
}

// ─── Raters ──────────────────────────────────────────────────────────────────

/// A rated item: what its raters gave, combined by a declared rule.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Rated {
    /// In the order written: for `override`, each rater overrides those before it.
    pub raters: Vec<RaterSlot>,
    /// How the ratings become one score.
    pub combine: Combine,
    /// Where in the card it is written.
    pub span: Span,
}

/// One rater of one item, and the input (`工作类.经理`) that holds the rating.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct RaterSlot {
    /// The rater's name (`经理`), as the `rater` line declares it.
    pub name: String,
    /// The rater's label, what a data column may be headed with.
    pub label: Option<String>,
    /// Index into `CheckedCard::inputs`: an optional rating bounded by the item's points.
    pub input: usize,
    /// `combine weighted` only: this rater's share (0.6 for `60%`).
    pub weight: Option<Decimal>,
}

/// How the ratings of a rated item become one score (`combine …`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Combine {
    /// The last rater in the list who rated gives the score (audit over manager over self).
    Override,
    /// The mean of the raters who rated.
    Mean,
    /// The weighted mean of the raters who rated, weights renormalised over them.
    Weighted,
}

impl Combine {
    /// The card's word for it.
    pub fn keyword(self) -> &'static str {
        match self {
            Combine::Override => "override",
            Combine::Mean => "mean",
            Combine::Weighted => "weighted",
        }
    }
}

// ─── Ranks and grade limits ──────────────────────────────────────────────────

/// What is worked out across rows, after each row's own scores.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct RankStage {
    /// The ranks (`rank …`), in card order.
    pub ranks: Vec<Rank>,
    /// In the grade table's order, top grade first.
    pub limits: Vec<GradeLimit>,
    /// The grade reads a rank (`grade by …`), so it waits for the ranking stage.
    pub grade_after_ranks: bool,
}

impl RankStage {
    /// Whether rows must be seen together before results are complete.
    pub fn is_empty(&self) -> bool {
        self.ranks.is_empty() && self.limits.is_empty()
    }
}

/// Which rows are compared with each other. Rows of different periods
/// (a `月份` column) are never compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    /// Every row of the period together.
    All,
    /// Rows of the same store (门店).
    Store,
    /// Rows of the same brand (品牌).
    Brand,
    /// Rows of the same region (区域).
    Region,
}

impl Grouping {
    /// The card's word for it.
    pub fn keyword(self) -> &'static str {
        match self {
            Grouping::All => "all",
            Grouping::Store => "store",
            Grouping::Brand => "brand",
            Grouping::Region => "region",
        }
    }
}

/// How tied rows are placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TieRule {
    /// Ties share the best place and the next place is skipped: 1, 2, 2, 4.
    Shared,
    /// Ties share the best place and the next place follows: 1, 2, 2, 3.
    Dense,
}

impl TieRule {
    /// The card's word for it.
    pub fn keyword(self) -> &'static str {
        match self {
            TieRule::Shared => "shared",
            TieRule::Dense => "dense",
        }
    }
}

/// `rank 店内名次 by total within store ties shared`
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Rank {
    /// The name as written in the card, what formulas and data columns use.
    pub name: String,
    /// The display label (`"…"` after the name), what reports show; `None`: the name is shown.
    pub label: Option<String>,
    /// What is ranked; never reads a rank.
    pub by: Expr,
    /// The type of what is ranked.
    pub by_type: Type,
    /// The smallest value is best.
    pub lowest_first: bool,
    /// Which rows are compared.
    pub within: Grouping,
    /// How tied rows are placed.
    pub ties: TieRule,
    /// Where in the card it is written.
    pub span: Span,
}

impl Rank {
    /// The name HR reads: the label, else the name.
    pub fn display_name(&self) -> &str {
        self.label.as_deref().unwrap_or(&self.name)
    }
}

/// What happens to rows tied at a grade limit's cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LimitTies {
    /// All of them keep the grade, even if that exceeds the limit.
    Keep,
    /// All of them go down, even if that leaves the grade under its limit.
    Push,
}

impl LimitTies {
    /// The card's word for it.
    pub fn keyword(self) -> &'static str {
        match self {
            LimitTies::Keep => "keep",
            LimitTies::Push => "push",
        }
    }
}

/// `limit 优秀 20% within store push down by total ties push`
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct GradeLimit {
    /// The limited grade's row in the grade table; rows pushed down get row + 1.
    pub grade_row: usize,
    /// At most this share of the group keeps the grade (rounded down to whole rows).
    pub share: Decimal,
    /// Which rows the share is counted over.
    pub within: Grouping,
    /// Who is pushed down first: the lowest value.
    pub by: Expr,
    /// The type of the value rows are ordered by.
    pub by_type: Type,
    /// What happens to rows tied at the cut.
    pub ties: LimitTies,
    /// Where in the card it is written.
    pub span: Span,
}

// ─── Periods ─────────────────────────────────────────────────────────────────

/// How monthly rows become one row of the card's period.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct RollupPlan {
    /// The card's period: quarter, half-year or year.
    pub period: crate::period::PeriodKind,
    /// One per `CheckedCard::inputs`, same order.
    pub inputs: Vec<InputRollup>,
    /// What happens to a period some months are missing from.
    pub partial: Partial,
}

/// How one input adds up over the months.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct InputRollup {
    /// The rule: sum, mean, last, all, any, or a ratio recomputed.
    pub rule: RollupRule,
    /// Where the rule is written; `None` when it is the input type's default.
    pub span: Option<Span>,
}

/// How an input's monthly values become the period's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RollupRule {
    /// The months added up (counts, days, money).
    Sum,
    /// The mean of the months that have a value (scores, ratings).
    Mean,
    /// The last month's value.
    Last,
    /// Yes when every month is yes.
    All,
    /// Yes when any month is yes.
    Any,
    /// A rate recomputed from summed inputs: sum of numerator / sum of denominator.
    Ratio {
        /// The numerator input, by index into [`CheckedCard::inputs`].
        numerator: usize,
        /// The denominator input, by index into [`CheckedCard::inputs`].
        denominator: usize,
    },
}

impl RollupRule {
    /// The card's word for it.
    pub fn keyword(self) -> &'static str {
        match self {
            RollupRule::Sum => "sum",
            RollupRule::Mean => "mean",
            RollupRule::Last => "last",
            RollupRule::All => "all",
            RollupRule::Any => "any",
            RollupRule::Ratio { .. } => "ratio",
        }
    }
}

/// `partial prorate minimum 2 months`: a period some months are missing from.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Partial {
    /// Skip, score on the months there are, or prorate.
    pub rule: PartialRule,
    /// Fewer months than this: the row is not scored.
    pub minimum: u32,
    /// Where the card says so.
    pub span: Span,
}

/// What a period some months are missing from gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartialRule {
    /// Only complete periods are scored.
    Skip,
    /// Scored on the months there are.
    Score,
    /// Scored on the months there are, with `sum` inputs scaled up to the whole period.
    Prorate,
}

impl PartialRule {
    /// The card's word for it.
    pub fn keyword(self) -> &'static str {
        match self {
            PartialRule::Skip => "skip",
            PartialRule::Score => "score",
            PartialRule::Prorate => "prorate",
        }
    }
}
