//! Hand-built cards and rows for tests.

use crate::check::model::{CheckedCard, Input};
use crate::source::{SourceFile, Span};
use crate::value::{InputType, Value};
use rust_decimal::Decimal;
use std::str::FromStr;

/// A required input with no label, range or default.
pub fn input(name: &str, ty: InputType) -> Input {
    Input {
        name: name.to_string(),
        label: None,
        ty,
        range: None,
        default: None,
        optional: false,
        span: Span::default(),
    }
}

pub fn labelled(name: &str, label: &str, ty: InputType) -> Input {
    Input {
        label: Some(label.to_string()),
        ..input(name, ty)
    }
}

pub fn card(inputs: Vec<Input>) -> CheckedCard {
    CheckedCard {
        source: SourceFile::new("test.card", ""),
        name: "test".to_string(),
        label: None,
        role: None,
        period: None,
        total: Decimal::ONE_HUNDRED,
        inputs,
        params: Vec::new(),
        sections: Vec::new(),
        items: Vec::new(),
        adjustments: Vec::new(),
        grade: None,
        derived: Vec::new(),
        stamp: Default::default(),
        hooks: Vec::new(),
        ranking: Default::default(),
        rollup: None,
        constraints: Vec::new(),
        ignore: Vec::new(),
        money: Default::default(),
        main: None,
    }
}

pub fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).expect("test decimal")
}

pub fn num(text: &str) -> Value {
    Value::Num(dec(text))
}

/// The card most tests use, after a 回访专员 card: a percent with a range,
/// a count with a default, optional days, money, a bool.
pub fn service_card() -> CheckedCard {
    let mut rate = labelled("feedback_rate", "反馈及时率", InputType::Percent);
    rate.range = Some((dec("0"), dec("1")));
    let mut late = labelled("late_reports", "日报迟报次数", InputType::Count);
    late.default = Some(num("0"));
    let mut days = labelled("late_days", "迟交天数", InputType::Days);
    days.optional = true;
    let bonus = labelled("bonus", "奖金", InputType::Money);
    let trained = labelled("trained", "参加培训", InputType::Bool);
    card(vec![rate, late, days, bonus, trained])
}

/// A row's values for `card`, given as (input, cell) pairs; a cell left out
/// is blank. Panics on a cell that does not read, naming its input.
pub fn values(card: &CheckedCard, cells: &[(&str, &str)]) -> Vec<Value> {
    card.inputs
        .iter()
        .map(|input| {
            let cell = cells
                .iter()
                .find(|(k, _)| *k == input.name)
                .map_or("", |(_, v)| v);
            crate::cell::parse_cell(cell, input)
                .unwrap_or_else(|p| panic!("{}: {}", input.name, p.message))
        })
        .collect()
}
