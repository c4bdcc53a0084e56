//! The typed syntax tree of a card, exactly as written.
//!
//! Nothing here is checked yet: names are plain strings, numbers are whatever
//! the author wrote. Every node carries the [`Span`] of the text it came from,
//! so later stages can point back at it. Declarations keep their source order
//! so `show` and `fmt` can print a card the way its author laid it out.

use crate::source::Span;
use crate::value::InputType;
use rust_decimal::Decimal;

mod spans;
mod walk;
pub use spans::VisitSpans;

/// A name as written: an input, item, section, parameter or output. May be Chinese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ident {
    /// The name as written.
    pub name: String,
    /// Where it is written.
    pub span: Span,
}

/// A quoted string (the quotes are not part of `value`; escapes are resolved).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// The text, without its quotes.
    pub value: String,
    /// Where it is written, quotes included.
    pub span: Span,
}

/// The unit written after a number literal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LitUnit {
    /// `12`, `1.3`
    None,
    /// `98%` — the value is stored as the fraction 0.98.
    Percent,
    /// `30 元` or `30 yuan`
    Money,
}

/// A number literal. `value` is already scaled: `98%` holds 0.98.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number {
    /// The value, already scaled (`98%` is 0.98).
    pub value: Decimal,
    /// The unit written after it, if any.
    pub unit: LitUnit,
    /// Where it is written, unit included.
    pub span: Span,
}

/// A constant as it may appear in a declaration (range, default, parameter value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Literal {
    /// A number (`95%`, `30 元`, `1.3`).
    Number(Number),
    /// `true` or `false`.
    Bool {
        /// `true` or `false`.
        value: bool,
        /// Where it is written.
        span: Span,
    },
}

impl Literal {
    /// Where it is written.
    pub fn span(&self) -> Span {
        match self {
            Literal::Number(n) => n.span,
            Literal::Bool { span, .. } => *span,
        }
    }
}

/// `scorecard 回访专员 "市场部客服回访专员绩效考核" { … }`
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    /// The card's name after `scorecard` (`回访专员`).
    pub name: Ident,
    /// The card's title (`"市场部客服回访专员绩效考核表"`), if written.
    pub label: Option<Text>,
    /// `extends "../callback_specialist.card"`: the base card's path, relative to this file.
    pub extends: Option<Text>,
    /// The declarations inside `{ … }`, in source order.
    pub decls: Vec<Decl>,
    /// Every `quote` and `assume` note, in source order (see [`Note`]).
    pub notes: Vec<Note>,
    /// The whole card.
    pub span: Span,
}

/// `quote "…"` or `assume "…"`, on the line before a declaration, an item, an
/// item's rule, a tier row or a bonus/penalty line: where the numbers written
/// in that node come from. A quote gives the policy's own sentence; an
/// assumption says the numbers are ours, for HR to confirm with management.
/// It covers every number inside its node, unless a note on a node further in
/// says otherwise. Notes are kept beside the tree, tied to their node by its
/// span, so that they print before it.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// A quote (the policy's) or an assumption (ours).
    pub kind: NoteKind,
    /// The quoted sentence.
    pub text: Text,
    /// The note itself, from its keyword to its closing quote.
    pub span: Span,
    /// The node it is written before: its span, as the printer begins it.
    pub target: Span,
}

/// Whose the numbers under a note are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteKind {
    /// `quote "…"`: the number is the policy's.
    Quote,
    /// `assume "…"`: the number is ours.
    Assume,
}

impl NoteKind {
    /// The keyword: `quote` or `assume`.
    pub fn keyword(self) -> &'static str {
        match self {
            NoteKind::Quote => "quote",
            NoteKind::Assume => "assume",
        }
    }
}

/// One declaration inside a card, in source order.
#[derive(Debug, Clone, PartialEq)]
pub enum Decl {
    /// `role 回访专员` or `role "客服回访专员"`
    Role(Text),
    /// `period monthly` (monthly | quarterly | yearly)
    Period(Ident),
    /// `total 100`
    Total(Number),
    /// `version "2026.1"`: which version of the policy this card is.
    Version(Text),
    /// `effective 2026-01-01..2026-06-30`: when this version is in force.
    Effective(Effective),
    /// `input 反馈及时率 percent "客户意见反馈及时率"`
    Input(InputDecl),
    /// `param 预约单价 30 元`
    Param(ParamDecl),
    /// `section 回访 weight 17% { … }`
    Section(Section),
    /// `bonus …` and `penalty …` blocks.
    Adjustment(Adjustment),
    /// `grade { >= 90 : 优秀 … }`
    Grade(Grade),
    /// `band 考核系数 by total { … }`
    Band(Band),
    /// `output 绩效工资 money = …`
    Output(Output),
    /// `hooks "hooks/pay.rhai" { … }`
    Hooks(HooksDecl),
    /// `override …`, only in a card that `extends` another.
    Override(Override),
    /// `remove item 潜客抽查`, only in a card that `extends` another.
    Remove(Remove),
    /// `rater 经理 "部门经理评分"`
    Rater(RaterDecl),
    /// `rank 店内名次 by total within store ties shared`
    Rank(RankDecl),
    /// `limit 优秀 20% within store push down by total ties push`
    Limit(LimitDecl),
    /// `partial prorate minimum 2 months`
    Partial(PartialDecl),
    /// `require 质检合格 <= 质检台次 "合格台次不能多于质检台次"`
    Require(RequireDecl),
    /// `ignore "备注", "部门"`: columns the data may carry that the card
    /// does not read, without a warning.
    Ignore(IgnoreDecl),
    /// `round money to 0.01 at each step` / `… at the end`
    Round(RoundDecl),
    /// `main 实发工资`: the output a pay card's report leads with.
    Main(Ident),
}

impl Decl {
    /// The declaration's own span (an override's or a remove's whole line).
    pub fn span(&self) -> Span {
        match self {
            Decl::Role(t) | Decl::Version(t) => t.span,
            Decl::Period(p) => p.span,
            Decl::Total(n) => n.span,
            Decl::Effective(e) => e.span,
            Decl::Input(i) => i.span,
            Decl::Param(p) => p.span,
            Decl::Section(s) => s.span,
            Decl::Adjustment(a) => a.span,
            Decl::Grade(g) => g.span,
            Decl::Band(b) => b.span,
            Decl::Output(o) => o.span,
            Decl::Hooks(h) => h.span,
            Decl::Rater(r) => r.span,
            Decl::Rank(r) => r.span,
            Decl::Limit(l) => l.span,
            Decl::Partial(p) => p.span,
            Decl::Require(r) => r.span,
            Decl::Ignore(i) => i.span,
            Decl::Round(r) => r.span,
            Decl::Main(m) => m.span,
            Decl::Override(o) => o.span,
            Decl::Remove(r) => r.span,
        }
    }

    /// The span the printer begins the declaration's line by: its own, but
    /// for `override input …` (and other replaced declarations) the one of
    /// the declaration after `override`.
    pub fn printed_span(&self) -> Span {
        match self {
            Decl::Override(Override {
                target: OverrideTarget::Decl(decl),
                ..
            }) => decl.printed_span(),
            other => other.span(),
        }
    }
}

/// `effective 2026-01-01..2026-06-30` (both days included) or
/// `effective 2026-07-01..` (no end yet).
#[derive(Debug, Clone, PartialEq)]
pub struct Effective {
    /// The first day in force.
    pub from: Date,
    /// The last day in force; `None`: until further notice.
    pub until: Option<Date>,
    /// Where it is written, from its keyword to its end.
    pub span: Span,
}

/// A calendar day written `2026-01-01`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    /// The day.
    pub value: chrono::NaiveDate,
    /// Where it is written.
    pub span: Span,
}

/// `input 反馈及时率 percent "客户意见反馈及时率" range 0%..100% default 100%`
/// `input 迟报天数 days "潜客档案迟报天数" optional`
#[derive(Debug, Clone, PartialEq)]
pub struct InputDecl {
    /// The name, as formulas and data columns use it.
    pub name: Ident,
    /// The input's type (`percent`, `count`, `money` …).
    pub ty: InputType,
    /// Where the type is written.
    pub ty_span: Span,
    /// The display label (`"…"` after the name), if written. Data columns may be headed by it.
    pub label: Option<Text>,
    /// `range 0..100`: the values a cell may hold.
    pub range: Option<RangeSpec>,
    /// `default 0`: the value of a blank cell.
    pub default: Option<Literal>,
    /// A blank cell is allowed and means "not reported" (see `late` rules).
    pub optional: Option<Span>,
    /// `rollup sum`: how monthly values add up to the card's period.
    pub rollup: Option<RollupSpec>,
    /// Where it is written, from its keyword to its end.
    pub span: Span,
}

/// `range 0..100` or `range 0%..150%` — both ends inclusive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RangeSpec {
    /// The smallest value allowed.
    pub low: Number,
    /// The largest value allowed.
    pub high: Number,
    /// Where it is written, from its keyword to its end.
    pub span: Span,
}

/// `param 预约单价 30 元 "每台预约提成"`, `param 岗位系数 1.3`, `param 达标线 95%`
#[derive(Debug, Clone, PartialEq)]
pub struct ParamDecl {
    /// The name, as formulas and data columns use it.
    pub name: Ident,
    /// Its value.
    pub value: Literal,
    /// The display label (`"…"` after the name), if written.
    pub label: Option<Text>,
    /// Where it is written, from its keyword to its end.
    pub span: Span,
}

/// `section 回访 "回访" weight 17% { item … }`; with `scaled` the items' points
/// are scaled to the weight instead of being checked against it.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// The name, as formulas and data columns use it.
    pub name: Ident,
    /// The display label (`"…"` after the name), if written.
    pub label: Option<Text>,
    /// `17%` (a share of the card's total) or `17` (points).
    pub weight: Number,
    /// Where `scaled` is written, if it is.
    pub scaled: Option<Span>,
    /// The section's items, in source order.
    pub items: Vec<Item>,
    /// Where it is written, from its keyword to its end.
    pub span: Span,
}

/// `item 按时反馈 "按时反馈" 3 { minus 1 per 日报迟报次数 }`
/// An item with no rules scores its full points.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The name, as formulas and data columns use it.
    pub name: Ident,
    /// The display label (`"…"` after the name), if written.
    pub label: Option<Text>,
    /// The item's points (分值).
    pub points: Number,
    /// Its rules, in source order.
    pub rules: Vec<Rule>,
    /// Where it is written, from its keyword to its end.
    pub span: Span,
}

/// How an item earns or loses points. At most one rule sets the base score
/// (tiers, pass/fail, late, score); any number of deductions come off it.
#[derive(Debug, Clone, PartialEq)]
pub enum Rule {
    /// `minus 2 per 个人原因抱怨 "个人原因引起抱怨"`
    Deduction(Deduction),
    /// `by 反馈及时率 { >= 98%: full  >= 95%: minus 1  else: 0 }`
    Tiers(TierTable<ItemOutcome>),
    /// `full if 档案管理达标` / `full if 培训成绩 >= 85 else 2` / `zero if 信息错误未通知`
    PassFail(PassFail),
    /// `late 潜客档案迟报天数 { missing: 0  minus 2 per day }`
    Late(LateRule),
    /// `score 工作类评分` — the item scores the expression's value.
    Score(Expr),
    /// `rated by 自评, 经理, 审核 combine override`
    Rated(RatedRule),
}

impl Rule {
    /// Where the rule is written.
    pub fn span(&self) -> Span {
        match self {
            Rule::Deduction(d) => d.span,
            Rule::Tiers(t) => t.span,
            Rule::PassFail(p) => p.span,
            Rule::Late(l) => l.span,
            Rule::Score(e) => e.span,
            Rule::Rated(r) => r.span,
        }
    }
}

/// `minus N per X ["label"]`: N points off for each occurrence counted in input X.
#[derive(Debug, Clone, PartialEq)]
pub struct Deduction {
    /// N: the points for one occurrence.
    pub amount: Number,
    /// X: the input that counts occurrences.
    pub per: Ident,
    /// What an occurrence is called in reports, if written.
    pub label: Option<Text>,
    /// Where it is written, from its keyword to its end.
    pub span: Span,
}

/// A table of ordered thresholds on a subject expression, first match wins.
/// In an item and a band the subject is required (`by EXPR`); a grade's subject
/// defaults to the card's total.
#[derive(Debug, Clone, PartialEq)]
pub struct TierTable<O> {
    /// `by EXPR`: what the rows compare; `None` for a grade on the total.
    pub subject: Option<Expr>,
    /// The rows in source order, `else` last.
    pub rows: Vec<Tier<O>>,
    /// Where it is written, from its keyword to its end.
    pub span: Span,
}

/// `>= 98% : full` or `else : 0`
#[derive(Debug, Clone, PartialEq)]
pub struct Tier<O> {
    /// When the row matches.
    pub guard: Guard,
    /// What the row gives.
    pub outcome: O,
    /// Where it is written, from its keyword to its end.
    pub span: Span,
}

/// When a tier row matches.
#[derive(Debug, Clone, PartialEq)]
pub enum Guard {
    /// `>= 98%` — the threshold is an expression (checked to be constant).
    Compare {
        /// The comparison.
        op: CmpOp,
        /// The value compared with.
        threshold: Expr,
    },
    /// `else`: every value left.
    Else(Span),
    /// `top 10%` or `top 3` — on a rank: within the best 10% of the group, or
    /// the best 3. Read as `<=` on the rank's share or place.
    Top {
        /// The share (`10%`) or count (`3`) of the group.
        threshold: Expr,
        /// Where it is written, from its keyword to its end.
        span: Span,
    },
}

/// What a tier row gives an item.
#[derive(Debug, Clone, PartialEq)]
pub enum ItemOutcome {
    /// `full` — the item's points.
    Full(Span),
    /// `minus 1` — the item's points less N.
    Minus(Number),
    /// `3` — exactly N points (`0` for "不得分").
    Fixed(Number),
    /// `(5 * 完成率)` — a formula, in parentheses.
    Formula(Expr),
}

/// What a grade row gives: a label such as 优秀.
pub type GradeOutcome = Text;

/// Which pass/fail rule it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PassFailKind {
    /// `full if COND [else N]`: full points when COND holds, else N (default 0).
    FullIf,
    /// `zero if COND`: no points when COND holds, else full.
    ZeroIf,
}

/// `full if COND [else N]` or `zero if COND`.
#[derive(Debug, Clone, PartialEq)]
pub struct PassFail {
    /// `full if` or `zero if`.
    pub kind: PassFailKind,
    /// COND: a yes/no expression.
    pub condition: Expr,
    /// `else N` of a `full if`, if written.
    pub otherwise: Option<Number>,
    /// Where it is written, from its keyword to its end.
    pub span: Span,
}

/// Late and missing reports: "not reported → 0, −2 per day late".
/// `late 迟报天数 { missing: 0  minus 2 per day }` — the input must be
/// `days … optional`; a blank cell means not reported.
#[derive(Debug, Clone, PartialEq)]
pub struct LateRule {
    /// The `days … optional` input that holds how late it was.
    pub input: Ident,
    /// The points when not reported at all.
    pub missing: Number,
    /// The points off per day late.
    pub per_day: Number,
    /// Where it is written, from its keyword to its end.
    pub span: Span,
}

/// Whether a block adds to the total or comes off it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdjustmentKind {
    /// `bonus 表彰 cap 5 { plus 2 per 客户表扬 }` adds to the total.
    Bonus,
    /// `penalty 制度类 cap 30 { minus 10 per 严重违纪 }` comes off the total.
    Penalty,
}

/// A bonus or penalty block: per-occurrence lines applied to the total.
#[derive(Debug, Clone, PartialEq)]
pub struct Adjustment {
    /// Bonus or penalty.
    pub kind: AdjustmentKind,
    /// The name, as formulas and data columns use it.
    pub name: Ident,
    /// The display label (`"…"` after the name), if written.
    pub label: Option<Text>,
    /// `cap 30`: the most it can add or take, in points.
    pub cap: Option<Number>,
    /// Each line is `plus N per X` (bonus) or `minus N per X` (penalty).
    pub lines: Vec<Deduction>,
    /// Where it is written, from its keyword to its end.
    pub span: Span,
}

/// `grade { >= 90: 优秀  >= 75: 称职  else: 较差 }` — on the total unless `by EXPR`.
#[derive(Debug, Clone, PartialEq)]
pub struct Grade {
    /// The rows: thresholds and grade labels.
    pub table: TierTable<GradeOutcome>,
    /// Where it is written, from its keyword to its end.
    pub span: Span,
}

/// A named lookup from a score to a number, such as a pay coefficient:
/// `band 考核系数 "考核系数" by total { >= 90: 1.2  >= 75: 1.0  else: 0.8 }`.
/// Outcomes are number literals or parenthesised formulas.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// The name, as formulas and data columns use it.
    pub name: Ident,
    /// The display label (`"…"` after the name), if written.
    pub label: Option<Text>,
    /// The rows: thresholds and values.
    pub table: TierTable<Expr>,
    /// Where it is written, from its keyword to its end.
    pub span: Span,
}

/// `output 绩效工资 "客服经理月度工资" money = 2000 元 + 3000 元 * 考核系数`
#[derive(Debug, Clone, PartialEq)]
pub struct Output {
    /// The name, as formulas and data columns use it.
    pub name: Ident,
    /// The display label (`"…"` after the name), if written.
    pub label: Option<Text>,
    /// The declared type (`money`), if written, and where.
    pub ty: Option<(InputType, Span)>,
    /// The formula after `=`.
    pub expr: Expr,
    /// Where it is written, from its keyword to its end.
    pub span: Span,
}

/// `round money to 0.01 at each step`: how the card's money is rounded
/// (四舍五入, halves away from zero), and when.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundDecl {
    /// To what: `0.01` (the fen), `0.1` (the jiao) or `1` (the yuan).
    pub step: Number,
    /// `at each step` or `at the end`.
    pub when: RoundWhen,
    /// Where it is written, from its keyword to its end.
    pub span: Span,
}

/// When money is rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoundWhen {
    /// `at each step`: every money output (and band), as it is worked out,
    /// before anything else reads it.
    EachStep,
    /// `at the end`: amounts are worked with exactly; only what is reported
    /// is rounded.
    AtEnd,
}

impl RoundWhen {
    /// As written after the step: `at each step`, `at the end`.
    pub fn words(self) -> &'static str {
        match self {
            RoundWhen::EachStep => "at each step",
            RoundWhen::AtEnd => "at the end",
        }
    }
}

/// `require 质检合格 <= 质检台次 "合格台次不能多于质检台次"`: a condition every
/// row of data must meet, checked when the row is read (before scoring), and
/// the sentence a row that fails it is refused with.
#[derive(Debug, Clone, PartialEq)]
pub struct RequireDecl {
    /// The condition every row must meet.
    pub condition: Expr,
    /// The sentence a row that fails it is refused with.
    pub message: Text,
    /// Where it is written, from its keyword to its end.
    pub span: Span,
}

/// `ignore "备注", "部门"`: headers a data file may carry that the card
/// does not read; they are neither warned about nor taken for misspellings.
#[derive(Debug, Clone, PartialEq)]
pub struct IgnoreDecl {
    /// The headers, as written.
    pub columns: Vec<Text>,
    /// Where it is written, from its keyword to its end.
    pub span: Span,
}

/// `hooks "hooks/pay.rhai" { 增值业务提成(money, money) -> money }`: a rhai
/// script beside the card (the path is relative to the card's file) and the
/// functions the card uses from it, with the kinds they take and give.
#[derive(Debug, Clone, PartialEq)]
pub struct HooksDecl {
    /// The script's path, relative to the card's file.
    pub path: Text,
    /// `None` when the `{ … }` block is left out (the checker asks for it).
    pub functions: Option<Vec<HookSig>>,
    /// Where it is written, from its keyword to its end.
    pub span: Span,
}

/// `增值业务提成(money, money) -> money "保险及精品提成"`
#[derive(Debug, Clone, PartialEq)]
pub struct HookSig {
    /// The function's name, as the script defines it.
    pub name: Ident,
    /// The kind of each argument, and where it is written.
    pub params: Vec<(InputType, Span)>,
    /// The kind of value it gives back, and where it is written.
    pub result: (InputType, Span),
    /// The display label (`"…"` after the name), if written.
    pub label: Option<Text>,
    /// Where it is written, from its keyword to its end.
    pub span: Span,
}

/// An expression as written: a formula, a condition, a tier table's subject.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where it is written.
    pub span: Span,
}

/// The forms an expression takes.
#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// A number literal.
    Number(Number),
    /// `true` or `false`.
    Bool(bool),
    /// Any declared name, or `total`.
    Name(Ident),
    /// `-x` or `not x`.
    Unary {
        /// The operator.
        op: UnaryOp,
        /// What it applies to.
        operand: Box<Expr>,
    },
    /// `a + b`, `a and b`, `a >= b` …
    Binary {
        /// The operator.
        op: BinaryOp,
        /// The left side.
        lhs: Box<Expr>,
        /// The right side.
        rhs: Box<Expr>,
    },
    /// `if COND then A else B`
    If {
        /// COND
        condition: Box<Expr>,
        /// A, when COND holds.
        then: Box<Expr>,
        /// B, when it does not.
        otherwise: Box<Expr>,
    },
    /// `min(a, b)`, `max(…)`, `clamp(x, lo, hi)`, `round(x, 2)`, `present(x)`
    Call {
        /// The function's name: a built-in or a hook.
        function: Ident,
        /// The arguments, in order.
        args: Vec<Expr>,
    },
}

/// A unary operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    /// `-x`
    Neg,
    /// `not x`
    Not,
}

/// A binary operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `and`
    And,
    /// `or`
    Or,
    /// A comparison.
    Cmp(CmpOp),
}

/// A comparison, in expressions and tier rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CmpOp {
    /// `>=`
    Ge,
    /// `>`
    Gt,
    /// `<=`
    Le,
    /// `<`
    Lt,
    /// `=`
    Eq,
    /// `!=`
    Ne,
}

impl CmpOp {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Ge => ">=",
            CmpOp::Gt => ">",
            CmpOp::Le => "<=",
            CmpOp::Lt => "<",
            CmpOp::Eq => "=",
            CmpOp::Ne => "!=",
        }
    }
}

// ─── Composition ─────────────────────────────────────────────────────────────

/// `override …`: changes what the base card declares. Resolving the card
/// (`crate::resolve`) applies it; the checker never sees one.
#[derive(Debug, Clone, PartialEq)]
pub struct Override {
    /// What it replaces or changes.
    pub target: OverrideTarget,
    /// Where it is written, from its keyword to its end.
    pub span: Span,
}

/// What an `override` changes.
#[derive(Debug, Clone, PartialEq)]
pub enum OverrideTarget {
    /// `override param 预约单价 35 元`, `override grade { … }`: the base's
    /// declaration of that name (for role, period, total and grade: of that
    /// kind) is replaced by this one; a label left out is kept from the base.
    /// Never a section, an override or a remove.
    Decl(Box<Decl>),
    /// `override section 日常工作 weight 28% { item … }`
    Section(SectionPatch),
    /// `override item 潜客抽查 3`
    Item(ItemPatch),
}

/// What an `override section` changes: each part given replaces the base's;
/// its items are added at the end of the section.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionPatch {
    /// The base's section to change.
    pub name: Ident,
    /// A new label, if written.
    pub label: Option<Text>,
    /// `weight 28%` (with `scaled`, if written): replaces the weight and the
    /// `scaled` flag together.
    pub weight: Option<Number>,
    /// Where `scaled` is written, if it is.
    pub scaled: Option<Span>,
    /// Items added at the end of the section.
    pub items: Vec<Item>,
    /// Where it is written, from its keyword to its end.
    pub span: Span,
}

/// What an `override item` changes: the label, the points, and the rules
/// (a `{ … }` block replaces all of the base item's rules).
#[derive(Debug, Clone, PartialEq)]
pub struct ItemPatch {
    /// The base's item to change.
    pub name: Ident,
    /// A new label, if written.
    pub label: Option<Text>,
    /// New points, if written.
    pub points: Option<Number>,
    /// New rules, if a `{ … }` block is written: they replace all of the base item's.
    pub rules: Option<Vec<Rule>>,
    /// Where it is written, from its keyword to its end.
    pub span: Span,
}

/// `remove item 潜客抽查`, `remove grade`
#[derive(Debug, Clone, PartialEq)]
pub struct Remove {
    /// What kind of declaration is removed.
    pub kind: RemoveKind,
    /// `None` only for `remove grade`.
    pub name: Option<Ident>,
    /// Where it is written, from its keyword to its end.
    pub span: Span,
}

/// What a `remove` takes away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemoveKind {
    /// `remove item NAME`
    Item,
    /// `remove section NAME`
    Section,
    /// `remove input NAME`
    Input,
    /// `remove param NAME`
    Param,
    /// `remove bonus NAME`
    Bonus,
    /// `remove penalty NAME`
    Penalty,
    /// `remove band NAME`
    Band,
    /// `remove output NAME`
    Output,
    /// `remove grade`
    Grade,
}

impl RemoveKind {
    /// The keyword after `remove`.
    pub fn keyword(self) -> &'static str {
        match self {
            RemoveKind::Item => "item",
            RemoveKind::Section => "section",
            RemoveKind::Input => "input",
            RemoveKind::Param => "param",
            RemoveKind::Bonus => "bonus",
            RemoveKind::Penalty => "penalty",
            RemoveKind::Band => "band",
            RemoveKind::Output => "output",
            RemoveKind::Grade => "grade",
        }
    }
}

// ─── Raters, ranks and periods ───────────────────────────────────────────────

/// `rater 经理 "部门经理评分"`: someone who rates items. The label is what
/// the rater's columns are headed by in data (`工作类.部门经理评分`).
#[derive(Debug, Clone, PartialEq)]
pub struct RaterDecl {
    /// The rater's name, as `rated by` lists it.
    pub name: Ident,
    /// The display label (`"…"` after the name), if written.
    pub label: Option<Text>,
    /// Where it is written, from its keyword to its end.
    pub span: Span,
}

/// `rated by 自评, 经理, 审核 combine override`: the item scores what its
/// raters gave, combined by the named rule (`override`, `mean`, `weighted`).
#[derive(Debug, Clone, PartialEq)]
pub struct RatedRule {
    /// The raters, in the order written.
    pub raters: Vec<RatedBy>,
    /// The rule's word: `override`, `mean` or `weighted`.
    pub combine: Ident,
    /// Where it is written, from its keyword to its end.
    pub span: Span,
}

/// One rater of a rated item, with its weight for `combine weighted` (`经理 60%`).
#[derive(Debug, Clone, PartialEq)]
pub struct RatedBy {
    /// The rater's name.
    pub rater: Ident,
    /// The weight (`60%`), for `combine weighted`.
    pub weight: Option<Number>,
    /// Where it is written, from its keyword to its end.
    pub span: Span,
}

/// `rank 店内名次 "店内排名" by total [lowest first] [within store] [ties shared]`:
/// each row's place among the rows of its group, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct RankDecl {
    /// The name, as formulas and data columns use it.
    pub name: Ident,
    /// The display label (`"…"` after the name), if written.
    pub label: Option<Text>,
    /// What is ranked (`total`, an item, a formula).
    pub by: Expr,
    /// `lowest first`: the smallest value ranks first (complaints, days late).
    pub lowest_first: Option<Span>,
    /// `within store` (store, brand, region or all).
    pub within: Option<Ident>,
    /// `ties shared` (1, 2, 2, 4) or `ties dense` (1, 2, 2, 3).
    pub ties: Option<Ident>,
    /// Where it is written, from its keyword to its end.
    pub span: Span,
}

/// `limit 优秀 20% within store push down by total ties push`: forced
/// distribution. At most this share of a group keeps the grade; the rest,
/// lowest `by` first, go down to the next grade.
#[derive(Debug, Clone, PartialEq)]
pub struct LimitDecl {
    /// The grade limited (`优秀`), as the grade table names it.
    pub grade: Text,
    /// The share of the group that may keep it (`20%`).
    pub share: Number,
    /// `within store` (store, brand, region or all), if written.
    pub within: Option<Ident>,
    /// Who goes down first: the lowest value of this.
    pub by: Expr,
    /// `ties keep` or `ties push`: what happens to rows tied at the cut.
    pub ties: Option<Ident>,
    /// Where it is written, from its keyword to its end.
    pub span: Span,
}

/// `rollup sum` / `mean` / `last` / `all` / `any` / `ratio(解决数, 受理数)` on an input.
#[derive(Debug, Clone, PartialEq)]
pub struct RollupSpec {
    /// The rule's word (`sum`, `mean`, `ratio` …).
    pub rule: Ident,
    /// `ratio(numerator, denominator)`
    pub args: Option<(Ident, Ident)>,
    /// Where it is written, from its keyword to its end.
    pub span: Span,
}

/// `partial skip`, `partial score minimum 2 months`, `partial prorate minimum 2 months`.
#[derive(Debug, Clone, PartialEq)]
pub struct PartialDecl {
    /// `skip`, `score` or `prorate`.
    pub rule: Ident,
    /// `minimum 2 months`, if written.
    pub minimum: Option<Number>,
    /// Where it is written, from its keyword to its end.
    pub span: Span,
}
