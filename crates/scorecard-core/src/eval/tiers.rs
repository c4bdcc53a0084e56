//! Looking a value up in a tier table.

use super::error::{EvalError, EvalErrorKind};
use super::expr::Frame;
use crate::check::model::TierTable;
use crate::syntax::ast::CmpOp;
use crate::t;
use rust_decimal::Decimal;

/// The first row whose guard holds (the `else` row at the latest), and the
/// subject's value. The checker holds every subject to a number.
pub fn pick<O>(table: &TierTable<O>, frame: &Frame) -> Result<(usize, Decimal), EvalError> {
    let subject = frame.num(&table.subject)?;
    let row = table
        .rows
        .iter()
        .position(|row| match row.guard {
            None => true,
            Some((op, threshold)) => holds(op, subject, threshold),
        })
        .ok_or_else(|| EvalError::at(table.span, EvalErrorKind::NoTier, t!("eval-no-tier")))?;
    Ok((row, subject))
}

#[inline]
pub fn holds(op: CmpOp, value: Decimal, threshold: Decimal) -> bool {
    let order = super::decimal::cmp(value, threshold);
    match op {
        CmpOp::Ge => order.is_ge(),
        CmpOp::Gt => order.is_gt(),
        CmpOp::Le => order.is_le(),
        CmpOp::Lt => order.is_lt(),
        CmpOp::Eq => order.is_eq(),
        CmpOp::Ne => order.is_ne(),
    }
}
