//! Formulas, from `if … then … else …` down to a single number or name.

use super::words::{boolean, ident};
use super::{next, span, unexpected, Children, Lower, Lowered, Pair, MAX_NESTING};
use crate::diagnostic::{Code, Diagnostic};
use crate::source::Span;
use crate::syntax::ast::{self, Expr, ExprKind};
use crate::syntax::error;
use crate::syntax::parser::Rule;

impl Lower {
    /// Any expression pair, from `expr` down to `group`.
    ///
    /// Every sub-expression is lowered through here. Levels that hold a single
    /// operand (a `sum` that is just one `product`) are stepped through without
    /// a call, and nesting is counted, so a deep formula gets a diagnostic
    /// instead of overflowing the stack.
    pub(super) fn expr(&mut self, pair: Pair) -> Lowered<Expr> {
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
    pub(super) fn sum(&mut self, pair: Pair) -> Lowered<Expr> {
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
