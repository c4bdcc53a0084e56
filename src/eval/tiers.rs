//! Looking a value up in a tier table.

use super::error::EvalError;
use super::expr::{compare, Frame};
use crate::check::model::TierTable;
use crate::value::Value;

/// The first row whose guard holds (the `else` row at the latest), and the subject's value.
pub fn pick<O>(table: &TierTable<O>, frame: &Frame) -> Result<(usize, Value), EvalError> {
    let subject = frame.eval(&table.subject)?;
    let row = table
        .rows
        .iter()
        .position(|row| match row.guard {
            None => true,
            Some((op, threshold)) => compare(op, &subject, &Value::Num(threshold)),
        })
        .ok_or_else(|| EvalError::at(table.span, "no tier row applies"))?;
    Ok((row, subject))
}
