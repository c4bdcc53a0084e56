//! Data in: rows of employees' monthly figures, bound to a card's inputs.
//!
//! WIP — interface types used by the other stages.

use crate::value::Value;

/// Who a row is about.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Employee {
    pub id: String,
    pub name: Option<String>,
    pub brand: Option<String>,
    pub store: Option<String>,
}

/// One employee's inputs, bound to a card: `values[i]` is `CheckedCard::inputs[i]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// 1-based line (CSV) or record number (JSON, TOML) in the data file.
    pub line: usize,
    pub employee: Employee,
    pub values: Vec<Value>,
}
