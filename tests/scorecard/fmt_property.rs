//! `parse(fmt(card))` scores exactly like the card itself: a property test
//! over every card in `rules/`, on generated rows that respect each input's
//! type and range (percentages to the basis point, so thresholds are hit).

use crate::common;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
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
    let values: Vec<BoxedStrategy<Value>> = card.inputs().iter().map(value_of).collect();
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
        let original = common::checked(&path).into_card();
        let source = common::source(&path);
        let text = format(&source).expect("the shipped card formats");
        let printed = common::compile_as(&path, text)
            .unwrap_or_else(|_| panic!("{}: the formatted card checks", source.name))
            .into_card();
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

/// Comments dropped at random line ends of every shipped card, on their own
/// line or after the code: `fmt` keeps each one exactly once, formats the
/// result the same way twice, and the card still means the same (same hash).
#[test]
fn comments_anywhere_survive_fmt() {
    let mut cards = common::cards_under(&common::root().join("rules"));
    cards.push(common::root().join("tests/cards/valid/tour.card"));
    for path in cards {
        let source = common::source(&path);
        let text = source.text.to_string();
        let hash = common::checked(&path).card().stamp().hash.clone();
        let line_ends: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
        let picks = proptest::collection::vec((0..line_ends.len(), any::<bool>()), 1..8);
        let mut runner = TestRunner::new(Config {
            cases: 24,
            failure_persistence: None,
            ..Config::default()
        });
        runner
            .run(&picks, |picks| {
                let mut at: Vec<(usize, bool)> =
                    picks.iter().map(|&(i, own)| (line_ends[i], own)).collect();
                at.sort();
                at.dedup_by_key(|(i, _)| *i);
                let mut commented = text.clone();
                // From the end, so earlier offsets stay put.
                for (n, (i, own)) in at.iter().enumerate().rev() {
                    let comment = if *own {
                        format!("\n// 注{n}")
                    } else {
                        format!("  // 注{n}")
                    };
                    commented.insert_str(*i, &comment);
                }
                // Named as the card, so the cards it extends and its hooks are found.
                let named = |text: String| scorecard::SourceFile::new(source.name.clone(), text);
                let out = format(&named(commented.clone()))
                    .map_err(|d| TestCaseError::fail(format!("{d:?}")))?;
                for n in 0..at.len() {
                    prop_assert_eq!(
                        out.matches(&format!("// 注{n}\n")).count()
                            + out.matches(&format!("// 注{n} ")).count(),
                        1,
                        "注{} in:\n{}",
                        n,
                        out
                    );
                }
                let again = format(&named(out.clone()))
                    .map_err(|d| TestCaseError::fail(format!("{d:?}")))?;
                prop_assert_eq!(&again, &out);
                let card = common::compile_as(&path, out)
                    .map_err(|d| TestCaseError::fail(format!("{d:?}")))?
                    .into_card();
                prop_assert_eq!(&card.stamp().hash, &hash);
                Ok(())
            })
            .unwrap_or_else(|e| panic!("{}: {e}", common::relative(&path)));
    }
}
