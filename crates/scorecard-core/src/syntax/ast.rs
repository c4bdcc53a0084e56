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
    pub name: String,
    pub span: Span,
}

/// A quoted string (the quotes are not part of `value`; escapes are resolved).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub value: String,
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
    pub value: Decimal,
    pub unit: LitUnit,
    pub span: Span,
}

/// A constant as it may appear in a declaration (range, default, parameter value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Literal {
    Number(Number),
    Bool { value: bool, span: Span },
}

impl Literal {
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
    pub name: Ident,
    pub label: Option<Text>,
    /// `extends "../callback_specialist.card"`: the base card's path, relative to this file.
    pub extends: Option<Text>,
    pub decls: Vec<Decl>,
    /// Every `quote` and `assume` note, in source order (see [`Note`]).
    pub notes: Vec<Note>,
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
    pub kind: NoteKind,
    pub text: Text,
    /// The note itself, from its keyword to its closing quote.
    pub span: Span,
    /// The node it is written before: its span, as the printer begins it.
    pub target: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteKind {
    /// `quote "…"`: the number is the policy's.
    Quote,
    /// `assume "…"`: the number is ours.
    Assume,
}

impl NoteKind {
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
    Input(InputDecl),
    Param(ParamDecl),
    Section(Section),
    /// `bonus …` and `penalty …` blocks.
    Adjustment(Adjustment),
    Grade(Grade),
    Band(Band),
    Output(Output),
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
    pub from: Date,
    pub until: Option<Date>,
    pub span: Span,
}

/// A calendar day written `2026-01-01`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub value: chrono::NaiveDate,
    pub span: Span,
}

/// `input 反馈及时率 percent "客户意见反馈及时率" range 0%..100% default 100%`
/// `input 迟报天数 days "潜客档案迟报天数" optional`
#[derive(Debug, Clone, PartialEq)]
pub struct InputDecl {
    pub name: Ident,
    pub ty: InputType,
    pub ty_span: Span,
    pub label: Option<Text>,
    pub range: Option<RangeSpec>,
    pub default: Option<Literal>,
    /// A blank cell is allowed and means "not reported" (see `late` rules).
    pub optional: Option<Span>,
    /// `rollup sum`: how monthly values add up to the card's period.
    pub rollup: Option<RollupSpec>,
    pub span: Span,
}

/// `range 0..100` or `range 0%..150%` — both ends inclusive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RangeSpec {
    pub low: Number,
    pub high: Number,
    pub span: Span,
}

/// `param 预约单价 30 元 "每台预约提成"`, `param 岗位系数 1.3`, `param 达标线 95%`
#[derive(Debug, Clone, PartialEq)]
pub struct ParamDecl {
    pub name: Ident,
    pub value: Literal,
    pub label: Option<Text>,
    pub span: Span,
}

/// `section 回访 "回访" weight 17% { item … }`; with `scaled` the items' points
/// are scaled to the weight instead of being checked against it.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub name: Ident,
    pub label: Option<Text>,
    /// `17%` (a share of the card's total) or `17` (points).
    pub weight: Number,
    pub scaled: Option<Span>,
    pub items: Vec<Item>,
    pub span: Span,
}

/// `item 按时反馈 "按时反馈" 3 { minus 1 per 日报迟报次数 }`
/// An item with no rules scores its full points.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub name: Ident,
    pub label: Option<Text>,
    pub points: Number,
    pub rules: Vec<Rule>,
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
    pub amount: Number,
    pub per: Ident,
    pub label: Option<Text>,
    pub span: Span,
}

/// A table of ordered thresholds on a subject expression, first match wins.
/// In an item and a band the subject is required (`by EXPR`); a grade's subject
/// defaults to the card's total.
#[derive(Debug, Clone, PartialEq)]
pub struct TierTable<O> {
    pub subject: Option<Expr>,
    pub rows: Vec<Tier<O>>,
    pub span: Span,
}

/// `>= 98% : full` or `else : 0`
#[derive(Debug, Clone, PartialEq)]
pub struct Tier<O> {
    pub guard: Guard,
    pub outcome: O,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Guard {
    /// `>= 98%` — the threshold is an expression (checked to be constant).
    Compare {
        op: CmpOp,
        threshold: Expr,
    },
    Else(Span),
    /// `top 10%` or `top 3` — on a rank: within the best 10% of the group, or
    /// the best 3. Read as `<=` on the rank's share or place.
    Top {
        threshold: Expr,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PassFailKind {
    /// `full if COND [else N]`: full points when COND holds, else N (default 0).
    FullIf,
    /// `zero if COND`: no points when COND holds, else full.
    ZeroIf,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PassFail {
    pub kind: PassFailKind,
    pub condition: Expr,
    pub otherwise: Option<Number>,
    pub span: Span,
}

/// Late and missing reports: "not reported → 0, −2 per day late".
/// `late 迟报天数 { missing: 0  minus 2 per day }` — the input must be
/// `days … optional`; a blank cell means not reported.
#[derive(Debug, Clone, PartialEq)]
pub struct LateRule {
    pub input: Ident,
    pub missing: Number,
    pub per_day: Number,
    pub span: Span,
}

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
    pub kind: AdjustmentKind,
    pub name: Ident,
    pub label: Option<Text>,
    pub cap: Option<Number>,
    /// Each line is `plus N per X` (bonus) or `minus N per X` (penalty).
    pub lines: Vec<Deduction>,
    pub span: Span,
}

/// `grade { >= 90: 优秀  >= 75: 称职  else: 较差 }` — on the total unless `by EXPR`.
#[derive(Debug, Clone, PartialEq)]
pub struct Grade {
    pub table: TierTable<GradeOutcome>,
    pub span: Span,
}

/// A named lookup from a score to a number, such as a pay coefficient:
/// `band 考核系数 "考核系数" by total { >= 90: 1.2  >= 75: 1.0  else: 0.8 }`.
/// Outcomes are number literals or parenthesised formulas.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub name: Ident,
    pub label: Option<Text>,
    pub table: TierTable<Expr>,
    pub span: Span,
}

/// `output 绩效工资 "客服经理月度工资" money = 2000 元 + 3000 元 * 考核系数`
#[derive(Debug, Clone, PartialEq)]
pub struct Output {
    pub name: Ident,
    pub label: Option<Text>,
    pub ty: Option<(InputType, Span)>,
    pub expr: Expr,
    pub span: Span,
}

/// `round money to 0.01 at each step`: how the card's money is rounded
/// (四舍五入, halves away from zero), and when.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundDecl {
    /// To what: `0.01` (the fen), `0.1` (the jiao) or `1` (the yuan).
    pub step: Number,
    pub when: RoundWhen,
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
    pub condition: Expr,
    pub message: Text,
    pub span: Span,
}

/// `ignore "备注", "部门"`: headers a data file may carry that the card
/// does not read; they are neither warned about nor taken for misspellings.
#[derive(Debug, Clone, PartialEq)]
pub struct IgnoreDecl {
    pub columns: Vec<Text>,
    pub span: Span,
}

/// `hooks "hooks/pay.rhai" { 增值业务提成(money, money) -> money }`: a rhai
/// script beside the card (the path is relative to the card's file) and the
/// functions the card uses from it, with the kinds they take and give.
#[derive(Debug, Clone, PartialEq)]
pub struct HooksDecl {
    pub path: Text,
    /// `None` when the `{ … }` block is left out (the checker asks for it).
    pub functions: Option<Vec<HookSig>>,
    pub span: Span,
}

/// `增值业务提成(money, money) -> money "保险及精品提成"`
#[derive(Debug, Clone, PartialEq)]
pub struct HookSig {
    pub name: Ident,
    pub params: Vec<(InputType, Span)>,
    pub result: (InputType, Span),
    pub label: Option<Text>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    Number(Number),
    Bool(bool),
    /// Any declared name, or `total`.
    Name(Ident),
    Unary {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    Binary {
        op: BinaryOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// `if COND then A else B`
    If {
        condition: Box<Expr>,
        then: Box<Expr>,
        otherwise: Box<Expr>,
    },
    /// `min(a, b)`, `max(…)`, `clamp(x, lo, hi)`, `round(x, 2)`, `present(x)`
    Call {
        function: Ident,
        args: Vec<Expr>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    /// `-x`
    Neg,
    /// `not x`
    Not,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
    And,
    Or,
    Cmp(CmpOp),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CmpOp {
    Ge,
    Gt,
    Le,
    Lt,
    Eq,
    Ne,
}

impl CmpOp {
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
    pub target: OverrideTarget,
    pub span: Span,
}

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
    pub name: Ident,
    pub label: Option<Text>,
    /// `weight 28%` (with `scaled`, if written): replaces the weight and the
    /// `scaled` flag together.
    pub weight: Option<Number>,
    pub scaled: Option<Span>,
    pub items: Vec<Item>,
    pub span: Span,
}

/// What an `override item` changes: the label, the points, and the rules
/// (a `{ … }` block replaces all of the base item's rules).
#[derive(Debug, Clone, PartialEq)]
pub struct ItemPatch {
    pub name: Ident,
    pub label: Option<Text>,
    pub points: Option<Number>,
    pub rules: Option<Vec<Rule>>,
    pub span: Span,
}

/// `remove item 潜客抽查`, `remove grade`
#[derive(Debug, Clone, PartialEq)]
pub struct Remove {
    pub kind: RemoveKind,
    /// `None` only for `remove grade`.
    pub name: Option<Ident>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemoveKind {
    Item,
    Section,
    Input,
    Param,
    Bonus,
    Penalty,
    Band,
    Output,
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
    pub name: Ident,
    pub label: Option<Text>,
    pub span: Span,
}

/// `rated by 自评, 经理, 审核 combine override`: the item scores what its
/// raters gave, combined by the named rule (`override`, `mean`, `weighted`).
#[derive(Debug, Clone, PartialEq)]
pub struct RatedRule {
    pub raters: Vec<RatedBy>,
    pub combine: Ident,
    pub span: Span,
}

/// One rater of a rated item, with its weight for `combine weighted` (`经理 60%`).
#[derive(Debug, Clone, PartialEq)]
pub struct RatedBy {
    pub rater: Ident,
    pub weight: Option<Number>,
    pub span: Span,
}

/// `rank 店内名次 "店内排名" by total [lowest first] [within store] [ties shared]`:
/// each row's place among the rows of its group, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct RankDecl {
    pub name: Ident,
    pub label: Option<Text>,
    pub by: Expr,
    /// `lowest first`: the smallest value ranks first (complaints, days late).
    pub lowest_first: Option<Span>,
    /// `within store` (store, brand, region or all).
    pub within: Option<Ident>,
    /// `ties shared` (1, 2, 2, 4) or `ties dense` (1, 2, 2, 3).
    pub ties: Option<Ident>,
    pub span: Span,
}

/// `limit 优秀 20% within store push down by total ties push`: forced
/// distribution. At most this share of a group keeps the grade; the rest,
/// lowest `by` first, go down to the next grade.
#[derive(Debug, Clone, PartialEq)]
pub struct LimitDecl {
    pub grade: Text,
    pub share: Number,
    pub within: Option<Ident>,
    pub by: Expr,
    /// `ties keep` or `ties push`: what happens to rows tied at the cut.
    pub ties: Option<Ident>,
    pub span: Span,
}

/// `rollup sum` / `mean` / `last` / `all` / `any` / `ratio(解决数, 受理数)` on an input.
#[derive(Debug, Clone, PartialEq)]
pub struct RollupSpec {
    pub rule: Ident,
    /// `ratio(numerator, denominator)`
    pub args: Option<(Ident, Ident)>,
    pub span: Span,
}

/// `partial skip`, `partial score minimum 2 months`, `partial prorate minimum 2 months`.
#[derive(Debug, Clone, PartialEq)]
pub struct PartialDecl {
    pub rule: Ident,
    pub minimum: Option<Number>,
    pub span: Span,
}
