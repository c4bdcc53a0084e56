//! One employee's inputs, as a card reads them: who the row is about and
//! the values bound to the card's inputs.

use crate::value::Value;

/// Who a row is about, and for which month (or quarter, …) when the file says.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Employee {
    pub id: String,
    pub name: Option<String>,
    pub brand: Option<String>,
    pub store: Option<String>,
    pub region: Option<String>,
    /// From a `月份`/`month` column. An id may appear once per period.
    pub period: Option<crate::period::Period>,
}

/// One employee's inputs, bound to a card: `values[i]` is `CheckedCard::inputs[i]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// 1-based line (CSV, JSON Lines) or record number (JSON array, TOML) in the data file.
    pub line: usize,
    pub employee: Employee,
    pub values: Vec<Value>,
}
