//! Evaluating compiled expressions over one row.

use super::error::{EvalError, EvalErrorKind};
use super::result::HookCall;
use super::result::Placing;
use super::scores::Scores;
use crate::check::model::{Arith, Expr, ExprKind};
use crate::hooks::HookFn;
use crate::syntax::ast::CmpOp;
use crate::t;
use crate::value::Value;
use rust_decimal::{Decimal, RoundingStrategy};
use std::cell::RefCell;
use std::cmp::Ordering;

/// Everything an expression may read: the row's inputs, and its scores as
/// far as they are filled in (stage by stage).
#[derive(Clone, Copy)]
pub struct Frame<'a> {
    pub inputs: &'a [Value],
    pub scores: &'a Scores,
    /// The card's hook functions.
    pub hooks: &'a [HookFn],
    /// Where every call to a hook is recorded, in order; `None` when no
    /// trace is being built.
    pub calls: Option<&'a RefCell<Vec<HookCall>>>,
    /// What the row stage does not know: ranks, the period's days.
    pub beyond: &'a Beyond<'a>,
}

/// What a formula may read beyond a row's inputs and scores, known only at
/// some stages (held apart, so that the row stage's frames stay small).
#[derive(Debug, Clone, Copy)]
pub struct Beyond<'a> {
    /// Empty until the ranking stage; then one per rank.
    pub ranks: &'a [Placing],
    /// The days of the row's period, for `days_in_period()` in a `require`
    /// line (the only place the checker allows it): known when a row is read.
    pub period_days: Option<Decimal>,
}

impl Beyond<'_> {
    /// The row stage: nothing beyond the row.
    pub const NOTHING: Beyond<'static> = Beyond {
        ranks: &[],
        period_days: None,
    };
}

impl<'a> Frame<'a> {
    /// A frame for the row stage, before any rank is known.
    pub fn new(
        inputs: &'a [Value],
        scores: &'a Scores,
        hooks: &'a [HookFn],
        calls: Option<&'a RefCell<Vec<HookCall>>>,
    ) -> Self {
        Frame {
            inputs,
            scores,
            hooks,
            calls,
            beyond: &Beyond::NOTHING,
        }
    }

    pub fn eval(&self, expr: &Expr) -> Result<Value, EvalError> {
        Ok(match &expr.kind {
            ExprKind::Const(v) => v.clone(),
            ExprKind::Input(i) => match &self.inputs[*i] {
                Value::Missing => {
                    return Err(EvalError::at(
                        expr.span,
                        EvalErrorKind::MissingInput,
                        t!("eval-blank-optional"),
                    ))
                }
                v => v.clone(),
            },
            ExprKind::Item(i) => Value::Num(self.scores.items[*i]),
            ExprKind::Section(i) => Value::Num(self.scores.sections[*i]),
            ExprKind::Adjustment(i) => Value::Num(self.scores.adjustments[*i]),
            ExprKind::Total => Value::Num(self.scores.total),
            ExprKind::Derived(i) => self.scores.derived[*i].clone(),
            ExprKind::Neg(e) => Value::Num(-self.num(e)?),
            ExprKind::Not(e) => Value::Bool(!self.bool(e)?),
            ExprKind::Arith(op, l, r) => Value::Num(arith(*op, self.num(l)?, self.num(r)?, expr)?),
            ExprKind::Compare(op, l, r) => {
                Value::Bool(compare(*op, &self.eval(l)?, &self.eval(r)?))
            }
            ExprKind::And(l, r) => Value::Bool(self.bool(l)? && self.bool(r)?),
            ExprKind::Or(l, r) => Value::Bool(self.bool(l)? || self.bool(r)?),
            ExprKind::If(c, t, e) => {
                if self.bool(c)? {
                    self.eval(t)?
                } else {
                    self.eval(e)?
                }
            }
            ExprKind::Min(args) => Value::Num(self.fold(args, Decimal::min)?),
            ExprKind::Max(args) => Value::Num(self.fold(args, Decimal::max)?),
            ExprKind::Clamp(x, lo, hi) => {
                let (x, lo, hi) = (self.num(x)?, self.num(lo)?, self.num(hi)?);
                if lo > hi {
                    return Err(EvalError::at(
                        expr.span,
                        EvalErrorKind::BadBounds,
                        t!("eval-clamp-bounds"),
                    ));
                }
                Value::Num(x.clamp(lo, hi))
            }
            ExprKind::Round(x, places) => Value::Num(
                self.num(x)?
                    .round_dp_with_strategy(*places, RoundingStrategy::MidpointAwayFromZero),
            ),
            ExprKind::Present(i) => Value::Bool(self.inputs[*i] != Value::Missing),
            ExprKind::Hook { function, args } => self.hook(*function, args, expr)?,
            ExprKind::Rank(i) => Value::Num(Decimal::from(self.placing(*i, expr)?.place)),
            ExprKind::GroupSize(i) => Value::Num(Decimal::from(self.placing(*i, expr)?.size)),
            ExprKind::Top(i) => Value::Num(self.placing(*i, expr)?.top()),
            ExprKind::PeriodDays => self.period_days(expr)?,
        })
    }

    /// `days_in_period()`, which the checker allows only in a `require` line
    /// (kept out of [`Frame::eval`], which scoring runs for every item).
    #[cold]
    #[inline(never)]
    fn period_days(&self, expr: &Expr) -> Result<Value, EvalError> {
        match self.beyond.period_days {
            Some(days) => Ok(Value::Num(days)),
            None => Err(EvalError::at(
                expr.span,
                EvalErrorKind::NotKnownAlone,
                t!("eval-days-in-period"),
            )),
        }
    }

    /// The checker keeps rank readers out of the row stage; this guards the library's callers.
    fn placing(&self, rank: usize, expr: &Expr) -> Result<&Placing, EvalError> {
        self.beyond.ranks.get(rank).ok_or_else(|| {
            EvalError::at(
                expr.span,
                EvalErrorKind::NotKnownAlone,
                t!("eval-ranks-together"),
            )
        })
    }

    /// Calls a hook and records the call (its arguments, result and printed lines).
    fn hook(&self, function: usize, args: &[Expr], expr: &Expr) -> Result<Value, EvalError> {
        let values = args
            .iter()
            .map(|a| self.eval(a))
            .collect::<Result<Vec<_>, _>>()?;
        let hook = &self.hooks[function];
        let called = hook
            .call(&values)
            .map_err(|error| EvalError::hook(expr.span, error))?;
        if let Some(calls) = self.calls {
            calls.borrow_mut().push(HookCall {
                function,
                span: expr.span,
                args: values,
                value: called.value.clone(),
                output: called.output,
            });
        }
        Ok(called.value)
    }

    /// A number: the commonest leaf read in line, the rest by [`Frame::num_of`].
    #[inline]
    pub fn num(&self, expr: &Expr) -> Result<Decimal, EvalError> {
        if let ExprKind::Input(i) = &expr.kind {
            if let Value::Num(d) = &self.inputs[*i] {
                return Ok(*d);
            }
        }
        self.num_of(expr)
    }

    fn num_of(&self, expr: &Expr) -> Result<Decimal, EvalError> {
        // The other common leaves, read without building a Value.
        match &expr.kind {
            ExprKind::Const(Value::Num(d)) => return Ok(*d),
            ExprKind::Item(i) => return Ok(self.scores.items[*i]),
            ExprKind::Total => return Ok(self.scores.total),
            // Here rather than through `eval`, whose frame is larger: a sum
            // of a thousand terms recurses a thousand deep (see
            // `syntax::MAX_TERMS`), which must fit a worker thread's stack.
            ExprKind::Arith(op, l, r) => return arith(*op, self.num(l)?, self.num(r)?, expr),
            _ => {}
        }
        match self.eval(expr)? {
            Value::Num(d) => Ok(d),
            _ => Err(EvalError::at(
                expr.span,
                EvalErrorKind::WrongType,
                t!("eval-expected-number"),
            )),
        }
    }

    /// Yes or no: the commonest leaf read in line, the rest by [`Frame::bool_of`].
    #[inline]
    pub fn bool(&self, expr: &Expr) -> Result<bool, EvalError> {
        if let ExprKind::Input(i) = &expr.kind {
            if let Value::Bool(b) = &self.inputs[*i] {
                return Ok(*b);
            }
        }
        self.bool_of(expr)
    }

    fn bool_of(&self, expr: &Expr) -> Result<bool, EvalError> {
        // The other common shapes, read without building a Value.
        match &expr.kind {
            ExprKind::Not(e) => return Ok(!self.bool(e)?),
            ExprKind::And(l, r) => return Ok(self.bool(l)? && self.bool(r)?),
            ExprKind::Or(l, r) => return Ok(self.bool(l)? || self.bool(r)?),
            // Two numbers read straight from the row or the card (`培训成绩 >= 85`,
            // `旷工 <= days_in_period()`): compared as `compare` compares them.
            ExprKind::Compare(op, l, r) => {
                if let (Some(a), Some(b)) = (self.leaf_num(l), self.leaf_num(r)) {
                    return Ok(ordered(*op, super::decimal::cmp(a, b)));
                }
            }
            _ => {}
        }
        match self.eval(expr)? {
            Value::Bool(b) => Ok(b),
            _ => Err(EvalError::at(
                expr.span,
                EvalErrorKind::WrongType,
                t!("eval-expected-bool"),
            )),
        }
    }

    /// A number that is a leaf (an input's value, a constant, the period's
    /// days), read without building a `Value`; `None` for anything else.
    #[inline]
    fn leaf_num(&self, expr: &Expr) -> Option<Decimal> {
        match &expr.kind {
            ExprKind::Input(i) => self.inputs[*i].as_num(),
            ExprKind::Const(Value::Num(d)) => Some(*d),
            ExprKind::PeriodDays => self.beyond.period_days,
            _ => None,
        }
    }

    fn fold(
        &self,
        args: &[Expr],
        pick: fn(Decimal, Decimal) -> Decimal,
    ) -> Result<Decimal, EvalError> {
        let mut acc: Option<Decimal> = None;
        for arg in args {
            let v = self.num(arg)?;
            acc = Some(acc.map_or(v, |a| pick(a, v)));
        }
        Ok(acc.unwrap_or_default())
    }
}

fn arith(op: Arith, l: Decimal, r: Decimal, expr: &Expr) -> Result<Decimal, EvalError> {
    let result = match op {
        Arith::Add => l.checked_add(r),
        Arith::Sub => l.checked_sub(r),
        Arith::Mul => l.checked_mul(r),
        Arith::Div if r.is_zero() => {
            return Err(EvalError::at(
                expr.span,
                EvalErrorKind::DivisionByZero,
                t!("eval-division-by-zero"),
            ))
        }
        Arith::Div => l.checked_div(r),
    };
    result.ok_or_else(|| EvalError::at(expr.span, EvalErrorKind::Overflow, t!("eval-too-large")))
}

pub fn compare(op: CmpOp, l: &Value, r: &Value) -> bool {
    let ordering = match (l, r) {
        (Value::Num(a), Value::Num(b)) => super::decimal::cmp(*a, *b),
        (Value::Bool(a), Value::Bool(b)) => a.cmp(b),
        (Value::Text(a), Value::Text(b)) => a.cmp(b),
        _ => return false,
    };
    ordered(op, ordering)
}

/// Whether `op` holds of two values so ordered.
#[inline]
fn ordered(op: CmpOp, ordering: Ordering) -> bool {
    match op {
        CmpOp::Ge => ordering != Ordering::Less,
        CmpOp::Gt => ordering == Ordering::Greater,
        CmpOp::Le => ordering != Ordering::Greater,
        CmpOp::Lt => ordering == Ordering::Less,
        CmpOp::Eq => ordering == Ordering::Equal,
        CmpOp::Ne => ordering != Ordering::Equal,
    }
}
