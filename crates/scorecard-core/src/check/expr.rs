//! Expressions: resolve names, check kinds (percent, money, plain number,
//! yes/no) and compile to [`model::Expr`].
//!
//! Units keep authors from the classic spreadsheet slips: `反馈及时率 >= 98`
//! (98 is not 98%), adding money to a count, a yes/no in arithmetic. A plain
//! number literal (`2000`) is *flexible*: it may stand for money as well, but
//! never for a percentage. What `*` and `/` give goes by the figures' kinds
//! (a count, a ratio, any other number, a percentage, money): see [`super::kinds`].

use super::kinds::{self, Kind, Measure, Slip};
use super::model::{Arith, Expr, ExprKind};
use super::symbols::Symbol;
use super::Checker;
use crate::diagnostic::{Code, Diagnostic};
use crate::source::Span;
use crate::syntax::ast::{self, BinaryOp, LitUnit, UnaryOp};
use crate::t;
use crate::value::{Type, Unit, Value};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// Where an expression stands decides what it may read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// An item's rule: inputs and parameters only (other scores are not known yet).
    ItemRule,
    /// A `require` line: inputs and parameters only, checked as each row is read.
    Require,
    /// A band, output or grade: anything, including scores and the total.
    Derived,
}

/// A compiled expression with its type. `flex` marks an unsuffixed constant;
/// `measure` says what a plain number measures (a count, a ratio, any other
/// number), which decides what dividing and multiplying give.
#[derive(Debug, Clone)]
pub struct Typed {
    pub expr: Expr,
    pub ty: Type,
    pub flex: bool,
    pub measure: Measure,
}

impl Typed {
    pub(super) fn new(kind: ExprKind, span: Span, ty: Type) -> Typed {
        Typed {
            expr: Expr { kind, span },
            ty,
            flex: false,
            measure: Measure::Number,
        }
    }

    /// A count (a `count` or `days` input, a rank's place …).
    pub(super) fn counted(self) -> Typed {
        Typed {
            measure: Measure::Count,
            ..self
        }
    }

    /// The number's kind; `None` for yes/no and text.
    pub fn kind(&self) -> Option<Kind> {
        Kind::of(self.ty, self.measure)
    }

    pub fn constant(&self) -> Option<&Value> {
        match &self.expr.kind {
            ExprKind::Const(v) => Some(v),
            _ => None,
        }
    }
}

impl Checker<'_> {
    /// Compiles `expr`; reports problems and returns `None` if it has any.
    pub(super) fn expr(&mut self, expr: &ast::Expr, context: Context) -> Option<Typed> {
        match &expr.kind {
            ast::ExprKind::Number(n) => Some(number(n)),
            ast::ExprKind::Bool(b) => Some(Typed::new(
                ExprKind::Const(Value::Bool(*b)),
                expr.span,
                Type::Bool,
            )),
            ast::ExprKind::Name(name) => self.name(name, context),
            ast::ExprKind::Unary { op, operand } => {
                let operand = self.expr(operand, context)?;
                self.unary(*op, operand, expr.span)
            }
            ast::ExprKind::Binary { .. } => self.binary_chain(expr, context),
            ast::ExprKind::If {
                condition,
                then,
                otherwise,
            } => {
                let condition = self.expr(condition, context);
                let then = self.expr(then, context);
                let otherwise = self.expr(otherwise, context);
                let condition = self.expect_bool(condition?, &t!("what-if-condition"))?;
                let (then, otherwise) = (then?, otherwise?);
                let joined = self.unify(&then, &otherwise, &t!("what-if-branches"))?;
                Some(Typed {
                    expr: Expr {
                        kind: ExprKind::If(
                            Box::new(condition.expr),
                            Box::new(then.expr),
                            Box::new(otherwise.expr),
                        ),
                        span: expr.span,
                    },
                    ..joined
                })
            }
            ast::ExprKind::Call { function, args } => self.call(function, args, expr.span, context),
        }
    }

    /// `((a + b) - c) …`: the chain of operations down the left side walked
    /// with a stack of its own, not by recursion (a sum of a thousand terms
    /// is a chain a thousand deep); each operation compiled as
    /// [`Checker::binary`] does, both sides checked even when one fails.
    fn binary_chain(&mut self, top: &ast::Expr, context: Context) -> Option<Typed> {
        let mut spine = Vec::new();
        let mut at = top;
        while let ast::ExprKind::Binary { op, lhs, rhs } = &at.kind {
            spine.push((*op, &**rhs, at.span));
            at = lhs;
        }
        let mut lhs = self.expr(at, context);
        for (op, rhs, span) in spine.into_iter().rev() {
            let rhs = self.expr(rhs, context);
            lhs = match (lhs, rhs) {
                (Some(lhs), Some(rhs)) => self.binary(op, lhs, rhs, span),
                _ => None,
            };
        }
        lhs
    }

    fn name(&mut self, name: &ast::Ident, context: Context) -> Option<Typed> {
        let span = name.span;
        if name.name == "total" {
            return self
                .readable(context, &t!("what-total"), span)
                .then(|| Typed::new(ExprKind::Total, span, Type::Num(Unit::Plain)));
        }
        let Some(symbol) = self.symbols.get(&name.name) else {
            self.unknown_name(name);
            return None;
        };
        match symbol {
            Symbol::Input(i) => {
                let ty = self.inputs.get(i)?.ty;
                let typed = Typed::new(ExprKind::Input(i), span, ty.value_type());
                Some(if ty.is_countable() {
                    typed.counted()
                } else {
                    typed
                })
            }
            Symbol::Param(i) => {
                let param = self.params.get(i)?;
                let flex = self.param_flex.get(i).copied().unwrap_or(false);
                Some(Typed {
                    flex,
                    ..Typed::new(ExprKind::Const(param.value.clone()), span, param.ty)
                })
            }
            Symbol::Item(i) => self
                .readable(context, &t!("what-item-score"), span)
                .then(|| Typed::new(ExprKind::Item(i), span, Type::Num(Unit::Plain))),
            Symbol::Section(i) => self
                .readable(context, &t!("what-section-score"), span)
                .then(|| Typed::new(ExprKind::Section(i), span, Type::Num(Unit::Plain))),
            Symbol::Adjustment(i) => self
                .readable(context, &t!("what-adjustment"), span)
                .then(|| Typed::new(ExprKind::Adjustment(i), span, Type::Num(Unit::Plain))),
            Symbol::Derived(i) => {
                if !self.readable(context, &t!("what-derived"), span) {
                    return None;
                }
                let (index, ty, measure) = self.derived_ref(i, span)?;
                Some(Typed {
                    measure,
                    ..Typed::new(ExprKind::Derived(index), span, ty)
                })
            }
            Symbol::Rank(i) => self
                .readable(context, &t!("what-rank"), span)
                .then(|| Typed::new(ExprKind::Rank(i), span, Type::Num(Unit::Plain)).counted()),
            Symbol::Rater(_) => {
                let d =
                    Diagnostic::error(Code::TypeMismatch, t!("rater-not-value", name = &name.name))
                        .label(span, t!("rater-not-value-label"))
                        .help(t!("rater-not-value-help"));
                self.report(d);
                None
            }
        }
    }

    /// Item rules run before any score is known, and `require` lines as the
    /// row is read, so they may read only inputs and parameters.
    fn readable(&mut self, context: Context, what: &str, span: Span) -> bool {
        let d = match context {
            Context::Derived => return true,
            Context::ItemRule => {
                Diagnostic::error(Code::OutOfOrder, t!("item-rule-cannot-use", what = what))
                    .label(span, t!("item-rule-cannot-use-label"))
                    .help(t!("item-rule-cannot-use-help"))
            }
            Context::Require => {
                Diagnostic::error(Code::OutOfOrder, t!("require-cannot-use", what = what))
                    .label(span, t!("require-cannot-use-label"))
                    .help(t!("require-cannot-use-help"))
            }
        };
        self.report(d);
        false
    }

    pub(super) fn unknown_name(&mut self, name: &ast::Ident) {
        let mut d = Diagnostic::error(Code::UnknownName, t!("unknown-name", name = &name.name))
            .label(name.span, t!("unknown-name-label"));
        d = match self.symbols.suggest(&name.name) {
            Some(suggestion) => d.help(t!("did-you-mean", name = suggestion)),
            None => d.help(t!("unknown-name-help")),
        };
        self.report(d);
    }

    fn unary(&mut self, op: UnaryOp, operand: Typed, span: Span) -> Option<Typed> {
        match op {
            UnaryOp::Neg => {
                let Type::Num(_) = operand.ty else {
                    self.mismatch(
                        operand.expr.span,
                        t!("minus-needs-number", ty = operand.ty.to_string()),
                        None,
                    );
                    return None;
                };
                let kind = match operand.expr.kind {
                    ExprKind::Const(Value::Num(d)) => ExprKind::Const(Value::Num(-d)),
                    other => ExprKind::Neg(Box::new(Expr {
                        kind: other,
                        span: operand.expr.span,
                    })),
                };
                Some(Typed {
                    expr: Expr { kind, span },
                    ..operand
                })
            }
            UnaryOp::Not => {
                let operand = self.expect_bool(operand, "`not`")?;
                Some(Typed::new(
                    ExprKind::Not(Box::new(operand.expr)),
                    span,
                    Type::Bool,
                ))
            }
        }
    }

    fn binary(&mut self, op: BinaryOp, lhs: Typed, rhs: Typed, span: Span) -> Option<Typed> {
        match op {
            BinaryOp::And | BinaryOp::Or => {
                let word = if op == BinaryOp::And { "`and`" } else { "`or`" };
                let lhs = self.expect_bool(lhs, word);
                let rhs = self.expect_bool(rhs, word);
                let (l, r) = (Box::new(lhs?.expr), Box::new(rhs?.expr));
                let kind = if op == BinaryOp::And {
                    ExprKind::And(l, r)
                } else {
                    ExprKind::Or(l, r)
                };
                Some(Typed::new(kind, span, Type::Bool))
            }
            BinaryOp::Cmp(cmp) => {
                self.unify(&lhs, &rhs, &t!("what-compare-sides", op = cmp.symbol()))?;
                let kind = ExprKind::Compare(cmp, Box::new(lhs.expr), Box::new(rhs.expr));
                Some(Typed::new(kind, span, Type::Bool))
            }
            BinaryOp::Add | BinaryOp::Sub => {
                let what = if op == BinaryOp::Add {
                    t!("what-numbers-to-add")
                } else {
                    t!("what-numbers-to-subtract")
                };
                let (l, r) = (self.numeric(&lhs), self.numeric(&rhs));
                l?;
                r?;
                let joined = self.unify(&lhs, &rhs, &what)?;
                Some(self.arith(op, lhs, rhs, span, joined))
            }
            BinaryOp::Mul | BinaryOp::Div => {
                let (l, r) = (self.numeric(&lhs), self.numeric(&rhs));
                let (l, r) = (l?, r?);
                let kind = match op {
                    BinaryOp::Mul if rhs.flex && !lhs.flex => Ok(kinds::scaled(l)),
                    BinaryOp::Mul if lhs.flex && !rhs.flex => Ok(kinds::scaled(r)),
                    BinaryOp::Mul => kinds::product(l, r),
                    // Dividing by a plain constant keeps the kind: `合格率 / 3`.
                    _ if rhs.flex => Ok(l),
                    _ => kinds::quotient(l, r),
                };
                let kind = match kind {
                    Ok(kind) => kind,
                    Err(slip) => {
                        self.slip(slip, span);
                        return None;
                    }
                };
                let joined = Typed {
                    ty: kind.ty(),
                    flex: lhs.flex && rhs.flex,
                    measure: kind.measure(),
                    ..lhs.clone()
                };
                Some(self.arith(op, lhs, rhs, span, joined))
            }
        }
    }

    /// `lhs op rhs`, of the type and measure `joined` gives.
    fn arith(&mut self, op: BinaryOp, lhs: Typed, rhs: Typed, span: Span, joined: Typed) -> Typed {
        let arith = match op {
            BinaryOp::Add => Arith::Add,
            BinaryOp::Sub => Arith::Sub,
            BinaryOp::Mul => Arith::Mul,
            _ => Arith::Div,
        };
        let kind = ExprKind::Arith(arith, Box::new(lhs.expr), Box::new(rhs.expr));
        Typed {
            expr: Expr { kind, span },
            ..joined
        }
    }

    fn slip(&mut self, slip: Slip, span: Span) {
        match slip {
            Slip::MoneyTimesMoney => self.mismatch(
                span,
                t!("money-times-money"),
                Some(&t!("money-times-money-help")),
            ),
            Slip::DivideByMoney => self.mismatch(span, t!("divide-by-money"), None),
        }
    }

    fn numeric(&mut self, typed: &Typed) -> Option<Kind> {
        if let Some(kind) = typed.kind() {
            return Some(kind);
        }
        self.mismatch(
            typed.expr.span,
            t!("arithmetic-needs-numbers", ty = typed.ty.to_string()),
            None,
        );
        None
    }

    /// The common type of two values that are added, compared or chosen
    /// between (the expression of the result is `lhs`'s; callers replace it).
    /// A plain constant may stand for money (never for a percentage), and a
    /// ratio for a percentage.
    pub(super) fn unify(&mut self, lhs: &Typed, rhs: &Typed, what: &str) -> Option<Typed> {
        let flex = lhs.flex && rhs.flex;
        let joined = |ty: Type, flex: bool, measure: Measure| Typed {
            ty,
            flex,
            measure,
            ..lhs.clone()
        };
        let percent = Type::Num(Unit::Percent);
        let plain = Type::Num(Unit::Plain);
        let ratio = |t: &Typed| t.ty == plain && t.measure == Measure::Ratio;
        match (lhs.ty, rhs.ty) {
            (a, b) if a == b && a == plain => Some(joined(
                a,
                flex,
                kinds::join(lhs.measure, lhs.flex, rhs.measure, rhs.flex),
            )),
            (a, b) if a == b => Some(joined(a, flex, Measure::Number)),
            // A plain constant may stand for money; never for a percentage.
            (Type::Num(Unit::Money), b) if b == plain && rhs.flex => {
                Some(joined(lhs.ty, false, Measure::Number))
            }
            (a, Type::Num(Unit::Money)) if a == plain && lhs.flex => {
                Some(joined(rhs.ty, false, Measure::Number))
            }
            // A ratio is a percentage where it meets one.
            (a, _) if a == percent && ratio(rhs) => Some(joined(percent, false, Measure::Number)),
            (_, b) if b == percent && ratio(lhs) => Some(joined(percent, false, Measure::Number)),
            (a, b) => {
                let mut d = Diagnostic::error(
                    Code::TypeMismatch,
                    t!(
                        "types-do-not-match",
                        what = what,
                        a = a.to_string(),
                        b = b.to_string()
                    ),
                )
                .label(rhs.expr.span, t!("this-is", ty = b.to_string()))
                .label(lhs.expr.span, t!("this-is", ty = a.to_string()));
                if let Some(help) = percent_help(lhs, rhs) {
                    d = d.help(help);
                }
                self.report(d);
                None
            }
        }
    }

    pub(super) fn expect_bool(&mut self, typed: Typed, what: &str) -> Option<Typed> {
        if typed.ty == Type::Bool {
            return Some(typed);
        }
        let help = t!("needs-yes-no-help");
        self.mismatch(
            typed.expr.span,
            t!("needs-yes-no", what = what, ty = typed.ty.to_string()),
            Some(&help),
        );
        None
    }

    pub(super) fn mismatch(&mut self, span: Span, message: String, help: Option<&str>) {
        let mut d = Diagnostic::error(Code::TypeMismatch, message).label(span, t!("here"));
        if let Some(help) = help {
            d = d.help(help);
        }
        self.report(d);
    }

    fn call(
        &mut self,
        function: &ast::Ident,
        args: &[ast::Expr],
        span: Span,
        context: Context,
    ) -> Option<Typed> {
        let name = function.name.as_str();
        if name == "present" {
            return self.present(function, args, span);
        }
        if let Some(hook) = self.hook_named(name) {
            return self.hook_call(hook, function, args, span, context);
        }
        if name == "top" || name == "group_size" {
            return self.rank_function(name, args, span, context);
        }
        if name == "days_in_period" {
            return self.days_in_period(args, span, context);
        }
        let arity = match name {
            "min" | "max" => 2..=usize::MAX,
            "clamp" => 3..=3,
            "round" => 1..=2,
            _ => {
                self.unknown_function(function);
                return None;
            }
        };
        if !arity.contains(&args.len()) {
            let d = Diagnostic::error(
                Code::BadCall,
                t!(
                    "wrong-arity",
                    name = name,
                    expected = arity_text(name),
                    count = args.len()
                ),
            )
            .label(span, t!("wrong-arity-label"));
            self.report(d);
            return None;
        }
        if name == "round" {
            return self.round(args, span, context);
        }
        let compiled: Vec<Option<Typed>> = args.iter().map(|a| self.expr(a, context)).collect();
        let compiled: Vec<Typed> = compiled.into_iter().collect::<Option<_>>()?;
        let mut common = compiled[0].clone();
        for arg in &compiled[1..] {
            common = self.unify(&common, arg, &t!("what-arguments-of", name = name))?;
        }
        if !matches!(common.ty, Type::Num(_)) {
            self.mismatch(span, t!("function-needs-numbers", name = name), None);
            return None;
        }
        let mut exprs = compiled.into_iter().map(|t| t.expr);
        let kind = match name {
            "min" => ExprKind::Min(exprs.collect()),
            "max" => ExprKind::Max(exprs.collect()),
            _ => {
                let (x, lo, hi) = (exprs.next()?, exprs.next()?, exprs.next()?);
                ExprKind::Clamp(Box::new(x), Box::new(lo), Box::new(hi))
            }
        };
        Some(Typed {
            expr: Expr { kind, span },
            ..common
        })
    }

    fn round(&mut self, args: &[ast::Expr], span: Span, context: Context) -> Option<Typed> {
        let value = self.expr(&args[0], context)?;
        self.numeric(&value)?;
        let places = match args.get(1).map(|a| &a.kind) {
            None => 0,
            Some(ast::ExprKind::Number(n))
                if n.unit == LitUnit::None
                    && n.value.fract().is_zero()
                    && n.value >= Decimal::ZERO
                    && n.value <= Decimal::from(10) =>
            {
                n.value.to_u32().unwrap_or(0)
            }
            Some(_) => {
                let d = Diagnostic::error(Code::BadCall, t!("round-places"))
                    .label(args[1].span, t!("round-places-label"))
                    .help(t!("round-places-help"));
                self.report(d);
                return None;
            }
        };
        let kind = ExprKind::Round(Box::new(value.expr), places);
        Some(Typed {
            expr: Expr { kind, span },
            ..value
        })
    }

    fn present(&mut self, function: &ast::Ident, args: &[ast::Expr], span: Span) -> Option<Typed> {
        let input = match args {
            [ast::Expr {
                kind: ast::ExprKind::Name(name),
                ..
            }] => match self.symbols.get(&name.name) {
                Some(Symbol::Input(i)) if self.inputs.get(i).is_some_and(|inp| inp.optional) => {
                    Some(i)
                }
                _ => None,
            },
            _ => None,
        };
        let Some(input) = input else {
            let d = Diagnostic::error(Code::BadCall, t!("present-needs-optional"))
                .label(span, t!("present-needs-optional-label"))
                .help(t!("present-needs-optional-help"));
            self.report(d);
            return None;
        };
        let _ = function;
        Some(Typed::new(ExprKind::Present(input), span, Type::Bool))
    }
}

impl Checker<'_> {
    /// `days_in_period()`: the days of the row's month (or quarter …), for
    /// `require 旷工 <= days_in_period() "…"`; only a `require` line knows the row's period.
    fn days_in_period(
        &mut self,
        args: &[ast::Expr],
        span: Span,
        context: Context,
    ) -> Option<Typed> {
        if !args.is_empty() {
            let d = Diagnostic::error(Code::BadCall, t!("days-in-period-arguments"))
                .label(span, t!("days-in-period-arguments-label"));
            self.report(d);
            return None;
        }
        if context != Context::Require {
            let d = Diagnostic::error(Code::OutOfOrder, t!("days-in-period-only-require"))
                .label(span, t!("days-in-period-only-require-label"))
                .help(t!("days-in-period-only-require-help"));
            self.report(d);
            return None;
        }
        Some(Typed::new(ExprKind::PeriodDays, span, Type::Num(Unit::Plain)).counted())
    }

    /// `top(名次)`: the share of the group at or above the row's place;
    /// `group_size(名次)`: how many rows the group has.
    fn rank_function(
        &mut self,
        name: &str,
        args: &[ast::Expr],
        span: Span,
        context: Context,
    ) -> Option<Typed> {
        let rank = match args {
            [ast::Expr {
                kind: ast::ExprKind::Name(arg),
                ..
            }] => match self.symbols.get(&arg.name) {
                Some(Symbol::Rank(i)) => Some(i),
                _ => None,
            },
            _ => None,
        };
        let Some(rank) = rank else {
            let d = Diagnostic::error(Code::BadCall, t!("takes-one-rank", name = name))
                .label(span, t!("top-needs-rank-label"))
                .help(t!("takes-one-rank-help", name = name));
            self.report(d);
            return None;
        };
        if !self.readable(context, &t!("what-rank"), span) {
            return None;
        }
        Some(if name == "top" {
            Typed::new(ExprKind::Top(rank), span, Type::Num(Unit::Percent))
        } else {
            Typed::new(ExprKind::GroupSize(rank), span, Type::Num(Unit::Plain)).counted()
        })
    }
}

fn number(n: &ast::Number) -> Typed {
    let (ty, flex) = match n.unit {
        LitUnit::None => (Type::Num(Unit::Plain), true),
        LitUnit::Percent => (Type::Num(Unit::Percent), false),
        LitUnit::Money => (Type::Num(Unit::Money), false),
    };
    Typed {
        expr: Expr {
            kind: ExprKind::Const(Value::Num(n.value)),
            span: n.span,
        },
        ty,
        flex,
        measure: Measure::Number,
    }
}

/// When a percentage meets a plain number, the fix is nearly always a `%`.
fn percent_help(lhs: &Typed, rhs: &Typed) -> Option<String> {
    let plain_constant = |t: &Typed| match (&t.expr.kind, t.ty) {
        (ExprKind::Const(Value::Num(d)), Type::Num(Unit::Plain)) => Some(*d),
        _ => None,
    };
    let is_percent = |t: &Typed| t.ty == Type::Num(Unit::Percent);
    let constant = if is_percent(lhs) {
        plain_constant(rhs)
    } else if is_percent(rhs) {
        plain_constant(lhs)
    } else {
        None
    };
    constant.map(|d| t!("write-as-percent", value = crate::value::format_decimal(d)))
}

fn arity_text(name: &str) -> String {
    match name {
        "min" | "max" => t!("arity-two-or-more"),
        "clamp" => t!("arity-three"),
        _ => t!("arity-one-or-two"),
    }
}
