//! `parse(fmt(card))` scores exactly like the card itself: a property test
//! over every card in `rules/`, on generated rows that respect each input's
//! type and range (percentages to the basis point, so thresholds are hit).

use crate::common;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use rust_decimal::Decimal;
use scorecard::check::model::Input;
use scorecard::data::{Employee, Row};
use scorecard::syntax::fmt::format;
use scorecard::value::{InputType, Value};
use scorecard::CheckedCard;

/// A decimal between `low` and `high` (inclusive) in steps of 10^-`scale`.
fn decimal_in(low: Decimal, high: Decimal, scale: u32) -> BoxedStrategy<Decimal> {
    let step = Decimal::new(1, scale);
    let lo = (low / step).ceil().to_string().parse::<i64>().unwrap_or(0);
    let hi = (high / step)
        .floor()
        .to_string()
        .parse::<i64>()
        .unwrap_or(lo);
    (lo..=hi.max(lo))
        .prop_map(move |n| Decimal::new(n, scale))
        .boxed()
}

/// Values one input may hold in a data file.
fn value_of(input: &Input) -> BoxedStrategy<Value> {
    let range = |low: i64, high: i64| {
        input
            .range
            .unwrap_or((Decimal::from(low), Decimal::from(high)))
    };
    let numbers = match input.ty {
        InputType::Bool => return any::<bool>().prop_map(Value::Bool).boxed(),
        InputType::Percent => {
            let (lo, hi) = range(0, 1);
            decimal_in(lo, hi, 4)
        }
        InputType::Count | InputType::Days => {
            let (lo, hi) = range(0, 12);
            decimal_in(lo, hi.min(Decimal::from(12)), 0)
        }
        InputType::Money => {
            let (lo, hi) = range(0, 50_000);
            decimal_in(lo, hi, 2)
        }
        InputType::Number | InputType::Rating => {
            let (lo, hi) = range(0, 200);
            decimal_in(lo, hi, 2)
        }
    };
    let numbers = numbers.prop_map(Value::Num);
    if input.optional {
        prop_oneof![1 => Just(Value::Missing), 4 => numbers].boxed()
    } else {
        numbers.boxed()
    }
}

fn row_of(card: &CheckedCard) -> impl Strategy<Value = Row> {
    let values: Vec<BoxedStrategy<Value>> = card.inputs.iter().map(value_of).collect();
    values.prop_map(|values| Row {
        line: 2,
        employee: Employee {
            id: "P001".into(),
            ..Employee::default()
        },
        values,
    })
}

#[test]
fn formatted_cards_score_every_generated_row_identically() {
    let cards = common::cards_under(&common::root().join("rules"));
    assert!(!cards.is_empty(), "no cards under rules/");
    for path in cards {
        let original = common::checked(&path).card;
        let source = common::source(&path);
        let text = format(&source).expect("the shipped card formats");
        let printed = scorecard::compile(&scorecard::SourceFile::new(source.name.clone(), text))
            .unwrap_or_else(|_| panic!("{}: the formatted card checks", source.name))
            .card;
        let mut runner = TestRunner::new(Config {
            cases: 200,
            failure_persistence: None,
            ..Config::default()
        });
        runner
            .run(&row_of(&original), |row| {
                let a = scorecard::evaluate(&original, &row);
                let b = scorecard::evaluate(&printed, &row);
                prop_assert_eq!(a, b, "{}", source.name);
                Ok(())
            })
            .unwrap_or_else(|e| panic!("{}: {e}", common::relative(&path)));
    }
}
