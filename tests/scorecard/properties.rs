//! Properties that hold for every row, checked on generated S1 rows:
//! scores stay in bounds, the parts add up, evaluation is deterministic,
//! the printed card scores the same, and the evaluator agrees with the
//! hand-written S1 scorer used as the benchmark baseline.

use crate::support;
use proptest::prelude::*;
use rust_decimal::Decimal;
use scorecard::check::model::Input;
use scorecard::data::{Employee, Row};
use scorecard::value::{InputType, Value};
use scorecard::{CheckedCard, SourceFile};
use std::sync::OnceLock;

fn s1() -> &'static CheckedCard {
    static CARD: OnceLock<CheckedCard> = OnceLock::new();
    CARD.get_or_init(support::s1)
}

/// S1 printed by the canonical printer and checked again.
fn s1_printed() -> &'static CheckedCard {
    static CARD: OnceLock<CheckedCard> = OnceLock::new();
    CARD.get_or_init(|| {
        let ast = scorecard::syntax::parse(s1().source()).expect("parses");
        let printed = SourceFile::new("printed.card", scorecard::syntax::print::print(&ast));
        scorecard::compile(&printed)
            .expect("the printed card checks")
            .into_card()
    })
}

/// A value the data reader could produce for this input.
fn value_for(input: &Input) -> BoxedStrategy<Value> {
    let hundredths = |lo: i64, hi: i64| {
        (lo..=hi)
            .prop_map(|n| Value::Num(Decimal::new(n, 2)))
            .boxed()
    };
    match (input.ty, input.range) {
        (InputType::Bool, _) => any::<bool>().prop_map(Value::Bool).boxed(),
        (InputType::Count | InputType::Days, _) => {
            (0i64..25).prop_map(|n| Value::Num(n.into())).boxed()
        }
        (InputType::Percent, _) => hundredths(0, 100),
        (_, Some((lo, hi))) => {
            let to_hundredths = |d: Decimal| (d * Decimal::ONE_HUNDRED).trunc().mantissa() as i64;
            (to_hundredths(lo)..=to_hundredths(hi))
                .prop_map(|n| Value::Num(Decimal::new(n, 2)))
                .boxed()
        }
        _ => hundredths(0, 10_000),
    }
}

fn row_for(card: &CheckedCard) -> impl Strategy<Value = Row> {
    let values: Vec<BoxedStrategy<Value>> = card.inputs().iter().map(value_for).collect();
    values.prop_map(|values| Row {
        line: 1,
        employee: Employee::default(),
        values,
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn items_stay_within_their_points(row in row_for(s1())) {
        let card = s1();
        let result = scorecard::evaluate(card, &row).expect("S1 evaluates any valid row");
        for (item, &score) in card.items().iter().zip(&result.scores.items) {
            prop_assert!(score >= Decimal::ZERO && score <= item.points,
                "{} scored {} of {}", item.name, score, item.points);
        }
        // The trace records the same scores.
        let traced: Vec<Decimal> = result.traced().items.iter().map(|i| i.score).collect();
        prop_assert_eq!(&traced, &result.scores.items);
    }

    #[test]
    fn the_total_is_the_sum_of_its_parts(row in row_for(s1())) {
        let card = s1();
        let result = scorecard::evaluate(card, &row).expect("evaluates");
        let s = &result.scores;
        for (section, score) in card.sections().iter().zip(&s.sections) {
            let items: Decimal = s.items[section.items.clone()].iter().sum();
            prop_assert_eq!(*score, items, "section {}", &section.name);
        }
        let sections: Decimal = s.sections.iter().sum();
        prop_assert_eq!(s.sections_total, sections);
        let adjusted = sections + s.adjustments.iter().sum::<Decimal>();
        prop_assert_eq!(s.total, adjusted.max(Decimal::ZERO));
        prop_assert_eq!(result.traced().floored_from.is_some(), adjusted < Decimal::ZERO);
    }

    #[test]
    fn evaluation_is_deterministic(row in row_for(s1())) {
        let card = s1();
        let first = scorecard::evaluate(card, &row).expect("evaluates");
        let second = scorecard::evaluate(card, &row).expect("evaluates");
        prop_assert_eq!(first, second);
    }

    #[test]
    fn the_evaluator_agrees_with_the_hand_written_scorer(row in row_for(s1())) {
        let card = s1();
        let ix = support::Baseline::new(card).indices();
        let result = scorecard::evaluate(card, &row).expect("evaluates");
        prop_assert_eq!(result.scores.total, support::score_s1(&ix, &row.values));
        // Every score the report prints, traced and untraced alike.
        let mut every = support::S1Report::default();
        support::score_s1_report(&ix, &row.values, &mut every);
        let mut scores = scorecard::eval::Scores::default();
        scorecard::eval::evaluate_scores(card, &row.values, &mut scores).expect("evaluates");
        prop_assert_eq!(&scores, &result.scores);
        let untraced = scorecard::eval::evaluate_untraced(card, &row).expect("evaluates");
        prop_assert_eq!(&untraced.scores, &result.scores);
        prop_assert!(untraced.trace.is_none());
        prop_assert_eq!(&scores.items[..], &every.items[..]);
        prop_assert_eq!(&scores.sections[..], &every.sections[..]);
        prop_assert_eq!(&scores.adjustments[..], &every.penalties[..]);
        prop_assert_eq!(scores.total, every.total);
        prop_assert_eq!(scores.grade, Some(every.grade));
    }

    #[test]
    fn the_printed_card_scores_the_same(row in row_for(s1())) {
        let a = scorecard::evaluate(s1(), &row).expect("evaluates");
        let b = scorecard::evaluate(s1_printed(), &row).expect("evaluates");
        prop_assert_eq!(a.scores, b.scores);
        prop_assert_eq!(a.trace, b.trace);
    }
}

/// Scoring in parallel gives exactly what one thread gives, in input order.
#[test]
fn parallel_evaluation_matches_a_single_thread() {
    let card = s1();
    let csv = support::s1_csv(card, 5_000);
    let source = scorecard::data::CsvSource::from_bytes(csv, "generated.csv").expect("csv");
    let set = scorecard::data::read(card, source);
    assert!(set.errors.is_empty(), "{:?}", set.errors.first());
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("pool");
    let two = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .expect("pool");
    let (a, _) = one.install(|| scorecard::parallel::evaluate_all(card, &set.rows));
    let (b, _) = two.install(|| scorecard::parallel::evaluate_all(card, &set.rows));
    assert_eq!(a.len(), 5_000);
    assert_eq!(a, b);
    let mut csv_a = Vec::new();
    let mut csv_b = Vec::new();
    scorecard::report::write_csv(card, &a, false, &mut csv_a).expect("csv");
    scorecard::report::write_csv(card, &b, false, &mut csv_b).expect("csv");
    assert_eq!(csv_a, csv_b, "output must be byte-identical");
}
