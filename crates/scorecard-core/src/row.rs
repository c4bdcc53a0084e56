//! One employee's inputs, as a card reads them: who the row is about and
//! the values bound to the card's inputs.

use crate::value::Value;

/// Who a row is about, and for which month (or quarter, …) when the file says.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Employee {
    /// The employee id (工号): what joins rows, results and other cards' data.
    pub id: String,
    /// The employee's name (姓名), when the data has one.
    pub name: Option<String>,
    /// The brand (品牌), for ranks within a brand and reports by brand.
    pub brand: Option<String>,
    /// The store (门店), for ranks and grade limits within a store.
    pub store: Option<String>,
    /// The region (区域), for ranks within a region.
    pub region: Option<String>,
    /// From a `月份`/`month` column. An id may appear once per period.
    pub period: Option<crate::period::Period>,
}

/// One employee's inputs, bound to a card: `values[i]` is `CheckedCard::inputs[i]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// 1-based line (CSV, JSON Lines) or record number (JSON array, TOML) in the data file.
    pub line: usize,
    /// Who the row is about.
    pub employee: Employee,
    /// One value per input of the card, in the card's order; [`crate::value::Value::Missing`] for a blank optional cell.
    pub values: Vec<Value>,
}
