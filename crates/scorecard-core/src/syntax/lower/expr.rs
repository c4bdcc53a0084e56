//! Formulas, from `if … then … else …` down to a single number or name.

use super::words::{boolean, ident};
use super::{
    missing_part, next, span, unexpected, Children, Lower, Lowered, Pair, MAX_NESTING, MAX_TERMS,
};
use crate::diagnostic::{Code, Diagnostic};
use crate::source::Span;
use crate::syntax::ast::{self, Expr, ExprKind};
use crate::syntax::error;
use crate::syntax::parser::Rule;
use crate::t;

impl Lower {
    /// Any expression pair, from `expr` down to `group`.
    ///
    /// Every sub-expression is lowered through here. Levels that hold a single
    /// operand (an `arithmetic` that is just one `unary`) are stepped through
    /// without a call, and nesting is counted, so a deep formula gets a
    /// diagnostic instead of overflowing the stack.
    pub(super) fn expr(&mut self, pair: Pair) -> Lowered<Expr> {
        let pair = innermost(pair);
        if self.depth == 0 {
            self.terms = 0;
        }
        self.nested(|| span(&pair), |this| this.expr_level(pair.clone()))
    }

    /// Counts one level of nesting around `lower`; `at` is where a formula
    /// too deep to read is reported.
    fn nested(
        &mut self,
        at: impl FnOnce() -> Span,
        lower: impl FnOnce(&mut Self) -> Lowered<Expr>,
    ) -> Lowered<Expr> {
        if self.depth >= MAX_NESTING {
            return Err(error::too_deep(at()));
        }
        self.depth += 1;
        let expr = lower(self);
        self.depth -= 1;
        expr
    }

    /// An expression pair that is not stepped through.
    fn expr_level(&mut self, pair: Pair) -> Lowered<Expr> {
        if matches!(
            pair.as_rule(),
            Rule::number | Rule::boolean | Rule::call | Rule::name
        ) {
            self.terms += 1;
            if self.terms > MAX_TERMS {
                return Err(error::too_long(span(&pair)));
            }
        }
        match pair.as_rule() {
            Rule::if_expr => self.if_expr(pair),
            Rule::logic => self.logic(pair),
            Rule::not_expr => self.not_expr(pair),
            Rule::comparison => self.comparison(pair),
            Rule::arithmetic => self.arithmetic(pair),
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
        }
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

    /// `logic = { not_expr ~ ((kw_and | kw_or) ~ not_expr)* }`
    fn logic(&mut self, pair: Pair) -> Lowered<Expr> {
        self.two_strengths(pair, Counted::WithOthers)
    }

    /// `not_expr = { kw_not ~ not_expr | comparison }`
    fn not_expr(&mut self, pair: Pair) -> Lowered<Expr> {
        let span = span(&pair);
        let operand = self.expr(Children::of(pair).required(Rule::not_expr)?)?;
        Ok(unary(ast::UnaryOp::Not, operand, span))
    }

    /// `comparison = { arithmetic ~ (cmp_op ~ arithmetic)* }` — the grammar
    /// lets a chain through so that this can say why `a < b < c` is wrong.
    fn comparison(&mut self, pair: Pair) -> Lowered<Expr> {
        let whole = pair.clone();
        let (operands, operators) = operations(pair)?;
        if operators.len() > 1 {
            self.problems.push(
                Diagnostic::error(Code::Syntax, t!("chained-comparison"))
                    .label(span(&whole), t!("chained-comparison-label"))
                    .help(t!("chained-comparison-help")),
            );
        }
        self.left_assoc(&operands, &operators)
    }

    /// `arithmetic = { unary ~ ((mul_op | add_op) ~ unary)* }`
    fn arithmetic(&mut self, pair: Pair) -> Lowered<Expr> {
        self.two_strengths(pair, Counted::WithOthers)
    }

    /// An `arithmetic` pair read on its own, not through [`Lower::expr`]: a
    /// tier row's threshold.
    pub(super) fn threshold(&mut self, pair: Pair) -> Lowered<Expr> {
        // One formula: its operands count together.
        self.terms = 0;
        self.depth += 1;
        let threshold = self.two_strengths(pair, Counted::Always);
        self.depth -= 1;
        threshold
    }

    /// `operand (operator operand)*` whose operators bind at two strengths,
    /// `and` tighter than `or`, `*` `/` tighter than `+` `-`; grouped from the
    /// left within each: `a - b * c - d` is `(a - (b * c)) - d`.
    ///
    /// Nesting is counted as it was when each strength had its own rule (and
    /// pair): a run of tighter operations counts as a level of its own when
    /// looser operators join it to others, or when `counted` says it always does.
    fn two_strengths(&mut self, pair: Pair, counted: Counted) -> Lowered<Expr> {
        let (operands, operators) = operations(pair)?;
        let mut runs = Vec::new();
        let mut looser = Vec::new();
        let mut start = 0;
        for (i, &op) in operators.iter().enumerate() {
            if !binds_tighter(op) {
                runs.push(start..i + 1);
                looser.push(op);
                start = i + 1;
            }
        }
        runs.push(start..operands.len());
        let run_is_a_level = counted == Counted::Always || runs.len() > 1;
        let mut lowered = Vec::with_capacity(runs.len());
        for run in runs {
            let operators = &operators[run.start..run.end - 1];
            let operands = &operands[run];
            lowered.push(if run_is_a_level && operands.len() > 1 {
                self.nested(
                    || span(&operands[0]).to(span(&operands[operands.len() - 1])),
                    |this| this.left_assoc(operands, operators),
                )?
            } else {
                self.left_assoc(operands, operators)?
            });
        }
        let mut lowered = lowered.into_iter();
        let first = lowered.next().ok_or_else(missing_part)?;
        Ok(looser
            .into_iter()
            .zip(lowered)
            .fold(first, |lhs, (op, rhs)| binary(op, lhs, rhs)))
    }

    /// Operands joined by operators, grouped from the left: `a - b - c` is `(a - b) - c`.
    fn left_assoc(&mut self, operands: &[Pair], operators: &[ast::BinaryOp]) -> Lowered<Expr> {
        let (first, rest) = operands.split_first().ok_or_else(missing_part)?;
        let mut lhs = self.expr(first.clone())?;
        for (&op, operand) in operators.iter().zip(rest) {
            let rhs = self.expr(operand.clone())?;
            lhs = binary(op, lhs, rhs);
        }
        Ok(lhs)
    }

    /// `unary = { neg ~ unary | number | call | name | boolean | group }`; only
    /// the `neg` form gets here, [`Lower::expr`] steps into the others.
    fn unary(&mut self, pair: Pair) -> Lowered<Expr> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        c.required(Rule::neg)?;
        let operand = self.expr(c.required(Rule::unary)?)?;
        Ok(unary(ast::UnaryOp::Neg, operand, span))
    }

    /// `call = { ident ~ &"(" ~ lparen ~ (expr ~ (comma ~ expr)*)? ~ rparen }`
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
    pub(super) fn group(&mut self, pair: Pair) -> Lowered<Expr> {
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
            | Rule::logic
            | Rule::not_expr
            | Rule::comparison
            | Rule::arithmetic
            | Rule::unary
            | Rule::number
            | Rule::boolean
            | Rule::call
            | Rule::name
            | Rule::group
    )
}

/// Whether a run of tighter operations counts as a level of nesting when it
/// is the whole of its pair (see [`Lower::two_strengths`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Counted {
    WithOthers,
    Always,
}

/// The operands and the operators between them of `operand (operator operand)*`.
fn operations(pair: Pair) -> Lowered<(Vec<Pair>, Vec<ast::BinaryOp>)> {
    let mut children = pair.into_inner();
    let mut operands = vec![next(&mut children)?];
    let mut operators = Vec::new();
    while let Some(operator) = children.next() {
        operators.push(binary_op(&operator)?);
        operands.push(next(&mut children)?);
    }
    Ok((operands, operators))
}

/// `and` over `or`, `*` and `/` over `+` and `-`.
fn binds_tighter(op: ast::BinaryOp) -> bool {
    use ast::BinaryOp;
    matches!(op, BinaryOp::And | BinaryOp::Mul | BinaryOp::Div)
}

fn binary(op: ast::BinaryOp, lhs: Expr, rhs: Expr) -> Expr {
    Expr {
        span: lhs.span.to(rhs.span),
        kind: ExprKind::Binary {
            op,
            lhs: Box::new(lhs),
            rhs: Box::new(rhs),
        },
    }
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

/// The operator pair between two operands of `logic`, `comparison` or `arithmetic`.
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
pub(super) fn cmp_op(pair: &Pair) -> Lowered<ast::CmpOp> {
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
