//! pest's parse tree → [`ast`] nodes.
//!
//! One method per grammar rule, in the order of `grammar/scorecard.pest`; each
//! starts with the rule it reads. Keyword and punctuation pairs (`kw_*`, `{`,
//! `}` …) carry no content and are skipped by [`Children`].
//!
//! Problems the grammar cannot rule out (a number too big, a chained
//! comparison, an input option given twice) are collected and lowering goes
//! on, so the author sees them all at once. A tree the grammar cannot produce
//! is a bug in this module and stops lowering with an "internal error".

use super::ast::{self, Expr, ExprKind, Ident, Text};
use super::error;
use super::parser::{is_token, Rule};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::source::{SourceFile, Span};
use crate::value::InputType;
use rust_decimal::Decimal;
use std::iter::Peekable;
use std::sync::Arc;

type Pair<'i> = pest::iterators::Pair<'i, Rule>;
type Pairs<'i> = pest::iterators::Pairs<'i, Rule>;

/// `Err` only for an internal error; user mistakes go to [`Lower::problems`].
type Lowered<T> = Result<T, Diagnostic>;

/// Lowers the `card` pair of a successful parse.
pub fn card(source: &Arc<SourceFile>, pair: Pair) -> Result<ast::Card, Diagnostics> {
    let mut lower = Lower {
        problems: Diagnostics::default(),
        depth: 0,
    };
    match lower.card(pair) {
        Ok(card) if !lower.problems.has_errors() => Ok(card),
        Ok(_) => Err(in_file(lower.problems, source)),
        Err(bug) => Err(in_file(Diagnostics(vec![bug]), source)),
    }
}

fn in_file(diagnostics: Diagnostics, source: &Arc<SourceFile>) -> Diagnostics {
    Diagnostics(
        diagnostics
            .0
            .into_iter()
            .map(|d| d.in_file(source))
            .collect(),
    )
}

struct Lower {
    problems: Diagnostics,
    /// How many expressions enclose the one being lowered.
    depth: usize,
}

/// How deeply expressions may nest (parentheses, `-`, `not`, `if`) before
/// lowering stops with a diagnostic rather than risk overflowing the stack.
const MAX_NESTING: usize = 256;

// ─── The card ────────────────────────────────────────────────────────────────

impl Lower {
    /// `card = { SOI ~ kw_scorecard ~ ident ~ text? ~ lbrace ~ (decl | ";")* ~ card_end ~ EOI }`
    fn card(&mut self, pair: Pair) -> Lowered<ast::Card> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let name = ident(c.required(Rule::ident)?);
        let label = c.optional(Rule::text).map(text);
        let decls = c.all(Rule::decl, |p| self.decl(p))?;
        Ok(ast::Card {
            name,
            label,
            decls,
            span,
        })
    }

    /// `decl = { role | period | total | input | param | section | bonus | penalty | grade | band | output }`
    fn decl(&mut self, pair: Pair) -> Lowered<ast::Decl> {
        use ast::Decl;
        let inner = only_child(pair)?;
        Ok(match inner.as_rule() {
            Rule::role => Decl::Role(self.role(inner)?),
            Rule::period => Decl::Period(self.period(inner)?),
            Rule::total => Decl::Total(self.total(inner)?),
            Rule::input => Decl::Input(self.input(inner)?),
            Rule::param => Decl::Param(self.param(inner)?),
            Rule::section => Decl::Section(self.section(inner)?),
            Rule::bonus => Decl::Adjustment(self.bonus(inner)?),
            Rule::penalty => Decl::Adjustment(self.penalty(inner)?),
            Rule::grade => Decl::Grade(self.grade(inner)?),
            Rule::band => Decl::Band(self.band(inner)?),
            Rule::output => Decl::Output(self.output(inner)?),
            _ => return Err(unexpected(&inner)),
        })
    }

    /// `role = { kw_role ~ (text | ident) }`
    fn role(&mut self, pair: Pair) -> Lowered<Text> {
        text_or_ident(last_child(pair)?)
    }

    /// `period = { kw_period ~ ident }`
    fn period(&mut self, pair: Pair) -> Lowered<Ident> {
        Ok(ident(Children::of(pair).required(Rule::ident)?))
    }

    /// `total = { kw_total ~ number }`
    fn total(&mut self, pair: Pair) -> Lowered<ast::Number> {
        self.number(Children::of(pair).required(Rule::number)?)
    }
}

// ─── Inputs and parameters ───────────────────────────────────────────────────

impl Lower {
    /// `input = { kw_input ~ ident ~ type_name ~ text? ~ input_option* }`
    fn input(&mut self, pair: Pair) -> Lowered<ast::InputDecl> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let name = ident(c.required(Rule::ident)?);
        let (ty, ty_span) = type_name(c.required(Rule::type_name)?)?;
        let label = c.optional(Rule::text).map(text);
        let mut input = ast::InputDecl {
            name,
            ty,
            ty_span,
            label,
            range: None,
            default: None,
            optional: None,
            span,
        };
        for option in c.all(Rule::input_option, Ok)? {
            self.input_option(&mut input, option)?;
        }
        Ok(input)
    }

    /// `input_option = { input_range | input_default | kw_optional }`
    fn input_option(&mut self, input: &mut ast::InputDecl, pair: Pair) -> Lowered<()> {
        let option = only_child(pair)?;
        let at = span(&option);
        match option.as_rule() {
            Rule::input_range => {
                let range = self.input_range(option)?;
                self.set_once(&mut input.range, range, at, "range", &input.name);
            }
            Rule::input_default => {
                let default = self.input_default(option)?;
                self.set_once(&mut input.default, default, at, "default", &input.name);
            }
            Rule::kw_optional => {
                self.set_once(&mut input.optional, at, at, "optional", &input.name)
            }
            _ => return Err(unexpected(&option)),
        }
        Ok(())
    }

    /// Stores an input option, or reports that it was already given.
    fn set_once<T>(
        &mut self,
        slot: &mut Option<T>,
        value: T,
        at: Span,
        option: &str,
        input: &Ident,
    ) {
        if slot.is_some() {
            self.problems.push(
                Diagnostic::error(
                    Code::Syntax,
                    format!("`{option}` is given twice for input `{}`", input.name),
                )
                .label(at, "given again here")
                .help(format!("keep only one `{option}`")),
            );
        } else {
            *slot = Some(value);
        }
    }

    /// `input_range = { kw_range ~ signed_number ~ dots ~ signed_number }`
    fn input_range(&mut self, pair: Pair) -> Lowered<ast::RangeSpec> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let low = self.signed_number(c.required(Rule::signed_number)?)?;
        let high = self.signed_number(c.required(Rule::signed_number)?)?;
        Ok(ast::RangeSpec { low, high, span })
    }

    /// `input_default = { kw_default ~ literal }`
    fn input_default(&mut self, pair: Pair) -> Lowered<ast::Literal> {
        self.literal(Children::of(pair).required(Rule::literal)?)
    }

    /// `param = { kw_param ~ ident ~ literal ~ text? }`
    fn param(&mut self, pair: Pair) -> Lowered<ast::ParamDecl> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let name = ident(c.required(Rule::ident)?);
        let value = self.literal(c.required(Rule::literal)?)?;
        let label = c.optional(Rule::text).map(text);
        Ok(ast::ParamDecl {
            name,
            value,
            label,
            span,
        })
    }

    /// `literal = { boolean | signed_number }`
    fn literal(&mut self, pair: Pair) -> Lowered<ast::Literal> {
        let inner = only_child(pair)?;
        match inner.as_rule() {
            Rule::boolean => {
                let span = span(&inner);
                let value = boolean(&inner)?;
                Ok(ast::Literal::Bool { value, span })
            }
            Rule::signed_number => Ok(ast::Literal::Number(self.signed_number(inner)?)),
            _ => Err(unexpected(&inner)),
        }
    }
}

// ─── Sections, items and their rules ─────────────────────────────────────────

impl Lower {
    /// `section = { kw_section ~ ident ~ text? ~ kw_weight ~ number ~ kw_scaled? ~ lbrace ~ (item | ";")* ~ section_end }`
    fn section(&mut self, pair: Pair) -> Lowered<ast::Section> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let name = ident(c.required(Rule::ident)?);
        let label = c.optional(Rule::text).map(text);
        let weight = self.number(c.required(Rule::number)?)?;
        let scaled = c.optional(Rule::kw_scaled).map(|p| self::span(&p));
        let items = c.all(Rule::item, |p| self.item(p))?;
        Ok(ast::Section {
            name,
            label,
            weight,
            scaled,
            items,
            span,
        })
    }

    /// `item = { kw_item ~ ident ~ text? ~ number ~ (lbrace ~ (item_rule | ";")* ~ item_end)? }`
    fn item(&mut self, pair: Pair) -> Lowered<ast::Item> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let name = ident(c.required(Rule::ident)?);
        let label = c.optional(Rule::text).map(text);
        let points = self.number(c.required(Rule::number)?)?;
        let rules = c.all(Rule::item_rule, |p| self.item_rule(p))?;
        Ok(ast::Item {
            name,
            label,
            points,
            rules,
            span,
        })
    }

    /// `item_rule = { deduction | item_tiers | full_if | zero_if | late | score }`
    fn item_rule(&mut self, pair: Pair) -> Lowered<ast::Rule> {
        let inner = only_child(pair)?;
        Ok(match inner.as_rule() {
            Rule::deduction => ast::Rule::Deduction(self.deduction(inner)?),
            Rule::item_tiers => ast::Rule::Tiers(self.item_tiers(inner)?),
            Rule::full_if => ast::Rule::PassFail(self.full_if(inner)?),
            Rule::zero_if => ast::Rule::PassFail(self.zero_if(inner)?),
            Rule::late => ast::Rule::Late(self.late(inner)?),
            Rule::score => ast::Rule::Score(self.score(inner)?),
            _ => return Err(unexpected(&inner)),
        })
    }

    /// `deduction = { kw_minus ~ number ~ kw_per ~ ident ~ text? }`, and
    /// `bonus_line = { kw_plus ~ number ~ kw_per ~ ident ~ text? }` which reads the same.
    fn deduction(&mut self, pair: Pair) -> Lowered<ast::Deduction> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let amount = self.number(c.required(Rule::number)?)?;
        let per = ident(c.required(Rule::ident)?);
        let label = c.optional(Rule::text).map(text);
        Ok(ast::Deduction {
            amount,
            per,
            label,
            span,
        })
    }

    /// `item_tiers = { kw_by ~ expr ~ lbrace ~ (item_tier)+ ~ table_end }`
    fn item_tiers(&mut self, pair: Pair) -> Lowered<ast::TierTable<ast::ItemOutcome>> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let subject = Some(self.expr(c.required(Rule::expr)?)?);
        let rows = c.all(Rule::item_tier, |p| self.item_tier(p))?;
        Ok(ast::TierTable {
            subject,
            rows,
            span,
        })
    }

    /// `full_if = { kw_full ~ kw_if ~ expr ~ (kw_else ~ number)? }`
    fn full_if(&mut self, pair: Pair) -> Lowered<ast::PassFail> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let condition = self.expr(c.required(Rule::expr)?)?;
        let otherwise = c
            .optional(Rule::number)
            .map(|p| self.number(p))
            .transpose()?;
        Ok(ast::PassFail {
            kind: ast::PassFailKind::FullIf,
            condition,
            otherwise,
            span,
        })
    }

    /// `zero_if = { kw_zero ~ kw_if ~ expr }`
    fn zero_if(&mut self, pair: Pair) -> Lowered<ast::PassFail> {
        let span = span(&pair);
        let condition = self.expr(Children::of(pair).required(Rule::expr)?)?;
        Ok(ast::PassFail {
            kind: ast::PassFailKind::ZeroIf,
            condition,
            otherwise: None,
            span,
        })
    }

    /// `late = { kw_late ~ ident ~ lbrace ~ kw_missing ~ colon ~ number ~ kw_minus ~ number ~ kw_per ~ kw_day ~ block_end }`
    fn late(&mut self, pair: Pair) -> Lowered<ast::LateRule> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let input = ident(c.required(Rule::ident)?);
        let missing = self.number(c.required(Rule::number)?)?;
        let per_day = self.number(c.required(Rule::number)?)?;
        Ok(ast::LateRule {
            input,
            missing,
            per_day,
            span,
        })
    }

    /// `score = { kw_score ~ expr }`
    fn score(&mut self, pair: Pair) -> Lowered<Expr> {
        self.expr(Children::of(pair).required(Rule::expr)?)
    }

    /// `item_tier = { guard ~ colon ~ item_outcome }`
    fn item_tier(&mut self, pair: Pair) -> Lowered<ast::Tier<ast::ItemOutcome>> {
        self.tier(pair, Rule::item_outcome, Self::item_outcome)
    }

    /// `item_outcome = { kw_full | item_minus | number | group }`
    fn item_outcome(&mut self, pair: Pair) -> Lowered<ast::ItemOutcome> {
        use ast::ItemOutcome;
        let inner = only_child(pair)?;
        Ok(match inner.as_rule() {
            Rule::kw_full => ItemOutcome::Full(span(&inner)),
            Rule::item_minus => ItemOutcome::Minus(self.item_minus(inner)?),
            Rule::number => ItemOutcome::Fixed(self.number(inner)?),
            Rule::group => ItemOutcome::Formula(self.group(inner)?),
            _ => return Err(unexpected(&inner)),
        })
    }

    /// `item_minus = { kw_minus ~ number }`
    fn item_minus(&mut self, pair: Pair) -> Lowered<ast::Number> {
        self.number(Children::of(pair).required(Rule::number)?)
    }
}

// ─── Tier tables ─────────────────────────────────────────────────────────────

impl Lower {
    /// `guard = { cmp_op ~ sum | kw_else }`
    fn guard(&mut self, pair: Pair) -> Lowered<ast::Guard> {
        let mut children = pair.into_inner();
        let first = next(&mut children)?;
        match first.as_rule() {
            Rule::kw_else => Ok(ast::Guard::Else(span(&first))),
            Rule::cmp_op => Ok(ast::Guard::Compare {
                op: cmp_op(&first)?,
                threshold: self.sum(next(&mut children)?)?,
            }),
            _ => Err(unexpected(&first)),
        }
    }

    /// A row of any tier table: `guard ~ colon ~ <outcome>`.
    fn tier<O>(
        &mut self,
        pair: Pair,
        outcome_rule: Rule,
        outcome: fn(&mut Self, Pair) -> Lowered<O>,
    ) -> Lowered<ast::Tier<O>> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let guard = self.guard(c.required(Rule::guard)?)?;
        let outcome = outcome(self, c.required(outcome_rule)?)?;
        Ok(ast::Tier {
            guard,
            outcome,
            span,
        })
    }

    /// `grade = { kw_grade ~ (kw_by ~ expr)? ~ lbrace ~ (grade_tier)+ ~ table_end }`
    fn grade(&mut self, pair: Pair) -> Lowered<ast::Grade> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let subject = c.optional(Rule::expr).map(|p| self.expr(p)).transpose()?;
        let rows = c.all(Rule::grade_tier, |p| self.grade_tier(p))?;
        let table = ast::TierTable {
            subject,
            rows,
            span,
        };
        Ok(ast::Grade { table, span })
    }

    /// `grade_tier = { guard ~ colon ~ grade_outcome }`
    fn grade_tier(&mut self, pair: Pair) -> Lowered<ast::Tier<ast::GradeOutcome>> {
        self.tier(pair, Rule::grade_outcome, Self::grade_outcome)
    }

    /// `grade_outcome = { text | ident }`
    fn grade_outcome(&mut self, pair: Pair) -> Lowered<ast::GradeOutcome> {
        text_or_ident(only_child(pair)?)
    }

    /// `band = { kw_band ~ ident ~ text? ~ kw_by ~ expr ~ lbrace ~ (band_tier)+ ~ table_end }`
    fn band(&mut self, pair: Pair) -> Lowered<ast::Band> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let name = ident(c.required(Rule::ident)?);
        let label = c.optional(Rule::text).map(text);
        // The table is everything from `by` to the closing `}`.
        let table_span = Span::new(self::span(&c.required(Rule::kw_by)?).start, span.end);
        let subject = Some(self.expr(c.required(Rule::expr)?)?);
        let rows = c.all(Rule::band_tier, |p| self.band_tier(p))?;
        Ok(ast::Band {
            name,
            label,
            table: ast::TierTable {
                subject,
                rows,
                span: table_span,
            },
            span,
        })
    }

    /// `band_tier = { guard ~ colon ~ band_outcome }`
    fn band_tier(&mut self, pair: Pair) -> Lowered<ast::Tier<Expr>> {
        self.tier(pair, Rule::band_outcome, Self::band_outcome)
    }

    /// `band_outcome = { signed_number | group }`
    fn band_outcome(&mut self, pair: Pair) -> Lowered<Expr> {
        let inner = only_child(pair)?;
        match inner.as_rule() {
            Rule::signed_number => {
                let number = self.signed_number(inner)?;
                Ok(Expr {
                    span: number.span,
                    kind: ExprKind::Number(number),
                })
            }
            Rule::group => self.group(inner),
            _ => Err(unexpected(&inner)),
        }
    }
}

// ─── Bonuses, penalties and outputs ──────────────────────────────────────────

impl Lower {
    /// `bonus = { kw_bonus ~ ident ~ text? ~ cap? ~ lbrace ~ (bonus_line | ";")* ~ block_end }`
    fn bonus(&mut self, pair: Pair) -> Lowered<ast::Adjustment> {
        self.adjustment(pair, ast::AdjustmentKind::Bonus, Rule::bonus_line)
    }

    /// `penalty = { kw_penalty ~ ident ~ text? ~ cap? ~ lbrace ~ (deduction | ";")* ~ block_end }`
    fn penalty(&mut self, pair: Pair) -> Lowered<ast::Adjustment> {
        self.adjustment(pair, ast::AdjustmentKind::Penalty, Rule::deduction)
    }

    /// A `bonus` or `penalty` block, whose lines are `line_rule` pairs.
    fn adjustment(
        &mut self,
        pair: Pair,
        kind: ast::AdjustmentKind,
        line_rule: Rule,
    ) -> Lowered<ast::Adjustment> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let name = ident(c.required(Rule::ident)?);
        let label = c.optional(Rule::text).map(text);
        let cap = c.optional(Rule::cap).map(|p| self.cap(p)).transpose()?;
        let lines = c.all(line_rule, |p| self.deduction(p))?;
        Ok(ast::Adjustment {
            kind,
            name,
            label,
            cap,
            lines,
            span,
        })
    }

    /// `cap = { kw_cap ~ number }`
    fn cap(&mut self, pair: Pair) -> Lowered<ast::Number> {
        self.number(Children::of(pair).required(Rule::number)?)
    }

    /// `output = { kw_output ~ ident ~ text? ~ type_name? ~ equals ~ expr }`
    fn output(&mut self, pair: Pair) -> Lowered<ast::Output> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let name = ident(c.required(Rule::ident)?);
        let label = c.optional(Rule::text).map(text);
        let ty = c.optional(Rule::type_name).map(type_name).transpose()?;
        let expr = self.expr(c.required(Rule::expr)?)?;
        Ok(ast::Output {
            name,
            label,
            ty,
            expr,
            span,
        })
    }
}

// ─── Expressions ─────────────────────────────────────────────────────────────

impl Lower {
    /// Any expression pair, from `expr` down to `group`.
    ///
    /// Every sub-expression is lowered through here. Levels that hold a single
    /// operand (a `sum` that is just one `product`) are stepped through without
    /// a call, and nesting is counted, so a deep formula gets a diagnostic
    /// instead of overflowing the stack.
    fn expr(&mut self, pair: Pair) -> Lowered<Expr> {
        let pair = innermost(pair);
        if self.depth >= MAX_NESTING {
            return Err(error::too_deep(span(&pair)));
        }
        self.depth += 1;
        let expr = match pair.as_rule() {
            Rule::if_expr => self.if_expr(pair),
            Rule::or_expr => self.or_expr(pair),
            Rule::and_expr => self.and_expr(pair),
            Rule::not_expr => self.not_expr(pair),
            Rule::comparison => self.comparison(pair),
            Rule::sum => self.sum(pair),
            Rule::product => self.product(pair),
            Rule::unary => self.unary(pair),
            Rule::number => self.number(pair).map(|n| Expr {
                span: n.span,
                kind: ExprKind::Number(n),
            }),
            Rule::boolean => boolean(&pair).map(|b| Expr {
                span: span(&pair),
                kind: ExprKind::Bool(b),
            }),
            Rule::call => self.call(pair),
            Rule::name => Ok(name(pair)),
            Rule::group => self.group(pair),
            _ => Err(unexpected(&pair)),
        };
        self.depth -= 1;
        expr
    }

    /// `if_expr = { kw_if ~ expr ~ kw_then ~ expr ~ kw_else ~ expr }`
    fn if_expr(&mut self, pair: Pair) -> Lowered<Expr> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let condition = self.expr(c.required(Rule::expr)?)?;
        let then = self.expr(c.required(Rule::expr)?)?;
        let otherwise = self.expr(c.required(Rule::expr)?)?;
        Ok(Expr {
            kind: ExprKind::If {
                condition: Box::new(condition),
                then: Box::new(then),
                otherwise: Box::new(otherwise),
            },
            span,
        })
    }

    /// `or_expr = { and_expr ~ (kw_or ~ and_expr)* }`
    fn or_expr(&mut self, pair: Pair) -> Lowered<Expr> {
        self.left_assoc(pair)
    }

    /// `and_expr = { not_expr ~ (kw_and ~ not_expr)* }`
    fn and_expr(&mut self, pair: Pair) -> Lowered<Expr> {
        self.left_assoc(pair)
    }

    /// `not_expr = { kw_not ~ not_expr | comparison }`
    fn not_expr(&mut self, pair: Pair) -> Lowered<Expr> {
        let span = span(&pair);
        let operand = self.expr(Children::of(pair).required(Rule::not_expr)?)?;
        Ok(unary(ast::UnaryOp::Not, operand, span))
    }

    /// `comparison = { sum ~ (cmp_op ~ sum)* }` — the grammar lets a chain
    /// through so that this can say why `a < b < c` is wrong.
    fn comparison(&mut self, pair: Pair) -> Lowered<Expr> {
        let operators = pair
            .clone()
            .into_inner()
            .filter(|p| p.as_rule() == Rule::cmp_op);
        if operators.count() > 1 {
            self.problems.push(
                Diagnostic::error(Code::Syntax, "comparisons cannot be chained")
                    .label(span(&pair), "more than one comparison in a row")
                    .help(
                        "compare two things at a time and join them with `and`: `a < b and b < c`",
                    ),
            );
        }
        self.left_assoc(pair)
    }

    /// `sum = { product ~ (add_op ~ product)* }`
    fn sum(&mut self, pair: Pair) -> Lowered<Expr> {
        self.left_assoc(pair)
    }

    /// `product = { unary ~ (mul_op ~ unary)* }`
    fn product(&mut self, pair: Pair) -> Lowered<Expr> {
        self.left_assoc(pair)
    }

    /// `operand (operator operand)*`, grouped from the left: `a - b - c` is `(a - b) - c`.
    fn left_assoc(&mut self, pair: Pair) -> Lowered<Expr> {
        let mut children = pair.into_inner();
        let mut lhs = self.expr(next(&mut children)?)?;
        while let Some(operator) = children.next() {
            let op = binary_op(&operator)?;
            let rhs = self.expr(next(&mut children)?)?;
            lhs = Expr {
                span: lhs.span.to(rhs.span),
                kind: ExprKind::Binary {
                    op,
                    lhs: Box::new(lhs),
                    rhs: Box::new(rhs),
                },
            };
        }
        Ok(lhs)
    }

    /// `unary = { neg ~ unary | number | boolean | call | name | group }`; only
    /// the `neg` form gets here, [`Lower::expr`] steps into the others.
    fn unary(&mut self, pair: Pair) -> Lowered<Expr> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        c.required(Rule::neg)?;
        let operand = self.expr(c.required(Rule::unary)?)?;
        Ok(unary(ast::UnaryOp::Neg, operand, span))
    }

    /// `call = { ident ~ lparen ~ (expr ~ (comma ~ expr)*)? ~ rparen }`
    fn call(&mut self, pair: Pair) -> Lowered<Expr> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let function = ident(c.required(Rule::ident)?);
        let args = c.all(Rule::expr, |p| self.expr(p))?;
        Ok(Expr {
            kind: ExprKind::Call { function, args },
            span,
        })
    }

    /// `group = { lparen ~ expr ~ rparen }` — the expression inside, its span
    /// widened to take in the parentheses.
    fn group(&mut self, pair: Pair) -> Lowered<Expr> {
        let span = span(&pair);
        let inner = self.expr(Children::of(pair).required(Rule::expr)?)?;
        Ok(Expr { span, ..inner })
    }
}

/// `name = { kw_total | ident }`: a name in a formula (`total` is one there).
fn name(pair: Pair) -> Expr {
    let name = ident(pair);
    Expr {
        span: name.span,
        kind: ExprKind::Name(name),
    }
}

/// Steps down from an expression pair through the levels that have a single
/// child which is itself an expression level.
fn innermost(mut pair: Pair) -> Pair {
    loop {
        let mut children = pair.clone().into_inner();
        match (children.next(), children.next()) {
            (Some(only), None) if is_expression(only.as_rule()) => pair = only,
            _ => return pair,
        }
    }
}

fn is_expression(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::expr
            | Rule::if_expr
            | Rule::or_expr
            | Rule::and_expr
            | Rule::not_expr
            | Rule::comparison
            | Rule::sum
            | Rule::product
            | Rule::unary
            | Rule::number
            | Rule::boolean
            | Rule::call
            | Rule::name
            | Rule::group
    )
}

fn unary(op: ast::UnaryOp, operand: Expr, span: Span) -> Expr {
    Expr {
        kind: ExprKind::Unary {
            op,
            operand: Box::new(operand),
        },
        span,
    }
}

/// The operator pair between two operands of `or_expr` … `product`.
fn binary_op(pair: &Pair) -> Lowered<ast::BinaryOp> {
    use ast::BinaryOp;
    Ok(match (pair.as_rule(), pair.as_str()) {
        (Rule::kw_or, _) => BinaryOp::Or,
        (Rule::kw_and, _) => BinaryOp::And,
        (Rule::cmp_op, _) => BinaryOp::Cmp(cmp_op(pair)?),
        (Rule::add_op, "+") => BinaryOp::Add,
        (Rule::add_op, "-") => BinaryOp::Sub,
        (Rule::mul_op, "*") => BinaryOp::Mul,
        (Rule::mul_op, "/") => BinaryOp::Div,
        _ => return Err(unexpected(pair)),
    })
}

/// `cmp_op = { ">=" | "<=" | "!=" | ">" | "<" | "=" }`
fn cmp_op(pair: &Pair) -> Lowered<ast::CmpOp> {
    use ast::CmpOp;
    Ok(match pair.as_str() {
        ">=" => CmpOp::Ge,
        "<=" => CmpOp::Le,
        "!=" => CmpOp::Ne,
        ">" => CmpOp::Gt,
        "<" => CmpOp::Lt,
        "=" => CmpOp::Eq,
        _ => return Err(unexpected(pair)),
    })
}

/// `boolean = { kw_true | kw_false }`
fn boolean(pair: &Pair) -> Lowered<bool> {
    match pair.as_str() {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(unexpected(pair)),
    }
}

// ─── Words ───────────────────────────────────────────────────────────────────

/// `ident`, and `name = { kw_total | ident }` in formulas (so `total` is a name there).
fn ident(pair: Pair) -> Ident {
    Ident {
        name: pair.as_str().to_string(),
        span: span(&pair),
    }
}

/// `type_name = @{ ("percent" | "number" | …) ~ !XID_CONTINUE }`
fn type_name(pair: Pair) -> Lowered<(InputType, Span)> {
    let ty = InputType::from_keyword(pair.as_str()).ok_or_else(|| unexpected(&pair))?;
    Ok((ty, span(&pair)))
}

impl Lower {
    /// `number = ${ digits ~ (percent_sign | money_unit)? }`
    fn number(&mut self, pair: Pair) -> Lowered<ast::Number> {
        let span = span(&pair);
        let mut children = pair.into_inner();
        let digits = next(&mut children)?;
        let unit = match children.next().map(|p| p.as_rule()) {
            None => ast::LitUnit::None,
            Some(Rule::percent_sign) => ast::LitUnit::Percent,
            Some(Rule::money_unit) => ast::LitUnit::Money,
            Some(_) => return Err(unexpected(&digits)),
        };
        let value = literal_value(digits.as_str(), unit).unwrap_or_else(|problem| {
            self.bad_number(span, digits.as_str(), problem);
            Decimal::ZERO
        });
        Ok(ast::Number { value, unit, span })
    }

    /// `signed_number = ${ neg? ~ number }`
    fn signed_number(&mut self, pair: Pair) -> Lowered<ast::Number> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let negative = c.optional(Rule::neg).is_some();
        let number = self.number(c.required(Rule::number)?)?;
        Ok(ast::Number {
            value: if negative {
                -number.value
            } else {
                number.value
            },
            span,
            ..number
        })
    }

    fn bad_number(&mut self, span: Span, digits: &str, problem: NumberProblem) {
        let shown: String = digits.chars().take(40).collect();
        let ellipsis = if digits.len() > shown.len() {
            "…"
        } else {
            ""
        };
        let (what, help) = match problem {
            NumberProblem::TooLarge => (
                "is too large",
                format!("numbers can be at most {}", Decimal::MAX),
            ),
            NumberProblem::TooPrecise => (
                "has too many decimal places",
                "numbers can have at most 28 decimal places (a percentage 26)".to_string(),
            ),
        };
        self.problems.push(
            Diagnostic::error(
                Code::BadNumber,
                format!("the number `{shown}{ellipsis}` {what}"),
            )
            .label(span, what)
            .help(help),
        );
    }
}

/// Why a number literal cannot be held exactly.
enum NumberProblem {
    TooLarge,
    TooPrecise,
}

/// The exact value of a literal's digits, scaled down for `%`.
fn literal_value(digits: &str, unit: ast::LitUnit) -> Result<Decimal, NumberProblem> {
    let value = Decimal::from_str_exact(digits).map_err(|e| match e {
        rust_decimal::Error::Underflow => NumberProblem::TooPrecise,
        _ => NumberProblem::TooLarge,
    })?;
    if unit != ast::LitUnit::Percent {
        return Ok(value);
    }
    value
        .checked_div(Decimal::ONE_HUNDRED)
        .filter(|fraction| fraction.checked_mul(Decimal::ONE_HUNDRED) == Some(value))
        .ok_or(NumberProblem::TooPrecise)
}

/// `text = ${ "\"" ~ (text_chars | escape)* ~ text_end | "“" ~ cn_text_chars? ~ cn_text_end }`
fn text(pair: Pair) -> Text {
    let span = span(&pair);
    let mut value = String::new();
    for part in pair.into_inner() {
        match part.as_rule() {
            Rule::escape => value.push(escape(part.as_str())),
            Rule::text_chars | Rule::cn_text_chars => value.push_str(part.as_str()),
            _ => {} // the closing quote
        }
    }
    Text { value, span }
}

/// `escape = @{ "\\" ~ ("\"" | "\\" | "n") }`
fn escape(escape: &str) -> char {
    match escape {
        "\\n" => '\n',
        "\\\"" => '"',
        _ => '\\',
    }
}

/// A `text` or an `ident` standing where a text may be written without quotes
/// (`role 回访专员`, a grade `优秀`).
fn text_or_ident(pair: Pair) -> Lowered<Text> {
    match pair.as_rule() {
        Rule::text => Ok(text(pair)),
        Rule::ident => {
            let name = ident(pair);
            Ok(Text {
                value: name.name,
                span: name.span,
            })
        }
        _ => Err(unexpected(&pair)),
    }
}

// ─── Walking the tree ────────────────────────────────────────────────────────

/// The source text a pair covers. pest lets a rule that ends in a repetition
/// (`product ~ (add_op ~ product)*`) take in the whitespace and comments after
/// it, so the span ends where the pair's last token ends.
fn span(pair: &Pair) -> Span {
    let whole = pair.as_span();
    let end = match pair.clone().into_inner().flatten().next_back() {
        Some(last) => last.as_span().end(),
        None => whole.end(),
    };
    Span::new(whole.start(), end)
}

/// An internal error: the tree has a shape the grammar does not allow.
fn unexpected(pair: &Pair) -> Diagnostic {
    Diagnostic::error(
        Code::Syntax,
        format!(
            "internal error: unexpected `{:?}` in the parse tree; please report this card",
            pair.as_rule()
        ),
    )
    .label(span(pair), "here")
}

/// The next child of a pair whose grammar rule promises one.
fn next<'i>(children: &mut Pairs<'i>) -> Lowered<Pair<'i>> {
    children.next().ok_or_else(|| {
        Diagnostic::error(
            Code::Syntax,
            "internal error: a part of the parse tree is missing; please report this card",
        )
    })
}

/// The child of a rule that is a choice (`a | b | c`).
fn only_child(pair: Pair) -> Lowered<Pair> {
    next(&mut pair.into_inner())
}

/// The last child, skipping nothing: for `kw_role ~ (text | ident)`.
fn last_child(pair: Pair) -> Lowered<Pair> {
    let whole = pair.clone();
    pair.into_inner().last().ok_or_else(|| unexpected(&whole))
}

/// The children of a pair, read front to back. Keyword and punctuation pairs
/// are skipped unless they are the rule asked for.
struct Children<'i> {
    rule: Rule,
    span: Span,
    inner: Peekable<Pairs<'i>>,
}

impl<'i> Children<'i> {
    fn of(pair: Pair<'i>) -> Self {
        Children {
            rule: pair.as_rule(),
            span: span(&pair),
            inner: pair.into_inner().peekable(),
        }
    }

    /// The next child if it is a `rule` pair.
    fn optional(&mut self, rule: Rule) -> Option<Pair<'i>> {
        while let Some(next) = self.inner.peek() {
            if next.as_rule() == rule {
                return self.inner.next();
            }
            if !is_token(next.as_rule()) {
                return None;
            }
            self.inner.next();
        }
        None
    }

    /// The next child, which the grammar says is a `rule` pair.
    fn required(&mut self, rule: Rule) -> Lowered<Pair<'i>> {
        self.optional(rule).ok_or_else(|| {
            Diagnostic::error(
                Code::Syntax,
                format!(
                    "internal error: `{:?}` lacks its `{rule:?}` in the parse tree; please report this card",
                    self.rule
                ),
            )
            .label(self.span, "here")
        })
    }

    /// Every `rule` pair from here on, each lowered by `lower`.
    fn all<T>(
        &mut self,
        rule: Rule,
        mut lower: impl FnMut(Pair<'i>) -> Lowered<T>,
    ) -> Lowered<Vec<T>> {
        let mut out = Vec::new();
        while let Some(pair) = self.optional(rule) {
            out.push(lower(pair)?);
        }
        Ok(out)
    }
}
