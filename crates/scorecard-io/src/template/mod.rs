//! The fill-in sheet for a card: the columns a month of data needs, each
//! with its label, type, allowed range and whether it may be left blank, as
//! an Excel workbook with a validation rule per column ([`xlsx`]) or a CSV
//! whose `#` comment lines describe each column ([`csv`]).
//!
//! Headers are what the data reader binds: 工号, 姓名, 品牌, 门店, 期间 for a
//! card with `effective` dates, then each input's label (its name when it
//! has none), in the card's order. So a filled-in template reads back with
//! no warnings.
//!
//! Descriptions are in Chinese: the template is for HR officers to fill in.

mod csv;
mod rules;
mod xlsx;

pub use self::csv::{role_csv, template_csv};
pub use self::rules::{role_sheets, RoleColumn, RoleSheet};
pub use self::xlsx::{rules_xlsx, template_xlsx, template_xlsx_with_rows};

use crate::check::model::{CheckedCard, Input};
use crate::value::{format_value, InputType, Value};
use rust_decimal::Decimal;

/// One column of the template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// The header, as the reader binds it.
    pub header: String,
    /// What it is, for a person: `百分比 (percent)，0%–100%，必填`.
    pub description: String,
    /// `None` for an employee column, else the input's index in `CheckedCard::inputs`.
    pub input: Option<usize>,
}

/// The employee columns every template starts with.
pub(crate) const EMPLOYEE: [(&str, &str); 4] = [
    ("工号", "员工编号，必填，每人唯一"),
    ("姓名", "员工姓名"),
    ("品牌", "所属品牌（可空）"),
    ("门店", "所属门店（可空）"),
];

/// The template's columns for `card`.
pub fn columns(card: &CheckedCard) -> Vec<Column> {
    let employee = EMPLOYEE.iter().map(|(header, description)| Column {
        header: header.to_string(),
        description: description.to_string(),
        input: None,
    });
    // A card in force for some dates only picks its rows by their period.
    let period = card.stamp().effective.map(|effective| Column {
        header: "期间".to_string(),
        description: format!(
            "考核期间，如 2026-03、2026-Q1、2026；本表 {effective} 有效，期间须在其内，必填"
        ),
        input: None,
    });
    let inputs = card.inputs().iter().enumerate().map(|(i, input)| Column {
        header: input.display_name().to_string(),
        description: describe(input),
        input: Some(i),
    });
    employee.chain(period).chain(inputs).collect()
}

/// `百分比 (percent)，0%–100%，写作 98% 或 0.98，必填`
pub fn describe(input: &Input) -> String {
    let mut parts = vec![format!("{} ({})", type_name(input.ty), input.ty.keyword())];
    if let Some(range) = range_text(input) {
        parts.push(range);
    }
    parts.push(
        match input.ty {
            InputType::Percent => "写作 98% 或 0.98",
            InputType::Count | InputType::Days => "0 或正整数",
            InputType::Money => "单位：元",
            InputType::Bool => "填 是 或 否",
            InputType::Number | InputType::Rating => "数字",
        }
        .to_string(),
    );
    parts.push(blank_rule(input));
    if input.label.as_deref().is_some_and(|l| l != input.name) {
        parts.push(format!("卡片中名为 {}", input.name));
    }
    parts.join("，")
}

/// What a blank cell means for this input.
pub fn blank_rule(input: &Input) -> String {
    match (&input.default, input.optional) {
        (Some(default), _) => format!("空白按 {} 计", format_value(default, input.ty.value_type())),
        (None, true) => "可空（表示未报）".to_string(),
        (None, false) => "必填".to_string(),
    }
}

fn type_name(ty: InputType) -> &'static str {
    match ty {
        InputType::Percent => "百分比",
        InputType::Number => "数值",
        InputType::Count => "次数",
        InputType::Money => "金额",
        InputType::Bool => "是否",
        InputType::Rating => "评分",
        InputType::Days => "天数",
    }
}

/// `0%–100%`, `0–31`, or `None` without a declared range.
pub fn range_text(input: &Input) -> Option<String> {
    let (low, high) = input.range?;
    let ty = input.ty.value_type();
    let show = |d: Decimal| format_value(&Value::Num(d), ty);
    Some(format!("{}–{}", show(low), show(high)))
}

#[cfg(test)]
mod tests;
