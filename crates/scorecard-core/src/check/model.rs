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
    pub stamp: Arc<crate::stamp::Stamp>,
    /// The hook functions the card declares, each bound to its compiled script.
    pub hooks: Vec<HookFn>,
    /// Ranks and grade limits: worked out across rows once every row is scored.
    pub ranking: RankStage,
    /// How monthly rows add up to this card's period; `None` when the card does not roll up.
    pub rollup: Option<RollupPlan>,
    /// What every row of data must meet (`require`), checked as it is read.
    pub constraints: Vec<Constraint>,
    /// Columns the data may carry that the card does not read (`ignore`).
    pub ignore: Vec<String>,
    /// How the card's money is rounded (`round money to …`), or the default.
    pub money: MoneyRounding,
    /// The output a pay card's report leads with (`main …`): an index into
    /// `derived`.
    pub main: Option<usize>,
}

/// How a card's money outputs and bands are rounded: to `step` yuan, halves
/// away from zero (四舍五入), either as each is worked out or only once the
/// row is scored (see [`RoundWhen`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MoneyRounding {
    /// `0.01` (the fen), `0.1` or `1`.
    pub step: Decimal,
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
    pub fn display_name(&self) -> &str {
        self.label.as_deref().unwrap_or(&self.name)
    }

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

/// `require COND "sentence"`: what a row of data must meet. Checked when
/// the row is read (`data::RowReader`), before anything is scored; a row
/// that fails is a bad row, refused with the sentence.
#[derive(Debug, Clone)]
pub struct Constraint {
    /// Yes or no; reads inputs, parameters, hooks and `days_in_period()` only.
    pub condition: Expr,
    /// The card's sentence, what HR is told.
    pub message: String,
    /// The inputs the condition reads (other than through `present`), in card
    /// order. A row where one of them is blank (an optional input) is not
    /// checked against it; when it fails, their columns are named.
    pub reads: Vec<usize>,
    pub span: Span,
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
    /// The base rule's shape, when it is a common one the evaluator scores directly.
    pub shape: Shape,
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
    /// `rated by 自评, 经理 combine override`
    Rated(Rated),
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
    /// Reads a rank (directly or through another band or output), so it is
    /// worked out in the ranking stage, after every row's ranks are known.
    pub after_ranks: bool,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arith {
    Add,
    Sub,
    Mul,
    Div,
}

// ─── Raters ──────────────────────────────────────────────────────────────────

/// A rated item: what its raters gave, combined by a declared rule.
#[derive(Debug, Clone)]
pub struct Rated {
    /// In the order written: for `override`, each rater overrides those before it.
    pub raters: Vec<RaterSlot>,
    pub combine: Combine,
    pub span: Span,
}

/// One rater of one item, and the input (`工作类.经理`) that holds the rating.
#[derive(Debug, Clone)]
pub struct RaterSlot {
    pub name: String,
    pub label: Option<String>,
    /// Index into `CheckedCard::inputs`: an optional rating bounded by the item's points.
    pub input: usize,
    /// `combine weighted` only: this rater's share (0.6 for `60%`).
    pub weight: Option<Decimal>,
}

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
pub struct RankStage {
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
    All,
    Store,
    Brand,
    Region,
}

impl Grouping {
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
    pub fn keyword(self) -> &'static str {
        match self {
            TieRule::Shared => "shared",
            TieRule::Dense => "dense",
        }
    }
}

/// `rank 店内名次 by total within store ties shared`
#[derive(Debug, Clone)]
pub struct Rank {
    pub name: String,
    pub label: Option<String>,
    /// What is ranked; never reads a rank.
    pub by: Expr,
    pub by_type: Type,
    /// The smallest value is best.
    pub lowest_first: bool,
    pub within: Grouping,
    pub ties: TieRule,
    pub span: Span,
}

impl Rank {
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
    pub fn keyword(self) -> &'static str {
        match self {
            LimitTies::Keep => "keep",
            LimitTies::Push => "push",
        }
    }
}

/// `limit 优秀 20% within store push down by total ties push`
#[derive(Debug, Clone)]
pub struct GradeLimit {
    /// The limited grade's row in the grade table; rows pushed down get row + 1.
    pub grade_row: usize,
    /// At most this share of the group keeps the grade (rounded down to whole rows).
    pub share: Decimal,
    pub within: Grouping,
    /// Who is pushed down first: the lowest value.
    pub by: Expr,
    pub by_type: Type,
    pub ties: LimitTies,
    pub span: Span,
}

// ─── Periods ─────────────────────────────────────────────────────────────────

/// How monthly rows become one row of the card's period.
#[derive(Debug, Clone)]
pub struct RollupPlan {
    pub period: crate::period::PeriodKind,
    /// One per `CheckedCard::inputs`, same order.
    pub inputs: Vec<InputRollup>,
    pub partial: Partial,
}

#[derive(Debug, Clone)]
pub struct InputRollup {
    pub rule: RollupRule,
    /// Where the rule is written; `None` when it is the input type's default.
    pub span: Option<Span>,
}

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
        numerator: usize,
        denominator: usize,
    },
}

impl RollupRule {
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
pub struct Partial {
    pub rule: PartialRule,
    /// Fewer months than this: the row is not scored.
    pub minimum: u32,
    pub span: Span,
}

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
    pub fn keyword(self) -> &'static str {
        match self {
            PartialRule::Skip => "skip",
            PartialRule::Score => "score",
            PartialRule::Prorate => "prorate",
        }
    }
}
