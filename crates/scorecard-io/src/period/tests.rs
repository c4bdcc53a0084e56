//! Rolling monthly rows up: each rule, partial periods, and what cannot be rolled up.

use super::{monthly_options, roll_up, RollUp};
use crate::check::CheckedCard;
use crate::data::{self, DataFormat};
use crate::source::SourceFile;
use crate::value::{format_value, Value};

/// A quarterly card with one input per roll-up rule.
fn card(partial: &str) -> CheckedCard {
    let text = format!(
        r#"scorecard t {{
            period quarterly
            total 10
            {partial}
            input 受理 count
            input 解决 count
            input 解决率 percent rollup ratio(解决, 受理)
            input 成绩 number range 0..100 rollup mean optional
            input 级别 number rollup last
            input 全勤 bool rollup all
            input 表扬 bool rollup any
            input 迟报 days optional
            section s weight 10 {{ item i 10 }}
        }}"#
    );
    match crate::compile(&SourceFile::new("t.card", text)) {
        Ok(checked) => checked.into_card(),
        Err(d) => panic!("{:#?}", d.0.iter().map(|d| &d.message).collect::<Vec<_>>()),
    }
}

const HEADER: &str = "工号,月份,受理,解决,成绩,级别,全勤,表扬,迟报";

fn rolled(card: &CheckedCard, rows: &[&str]) -> RollUp {
    let text = format!("{HEADER}\n{}\n", rows.join("\n"));
    let source = data::open_bytes(text.into_bytes(), DataFormat::Csv, "months.csv").unwrap();
    let set = data::read_with(card, source, &monthly_options(card));
    assert!(set.errors.is_empty(), "{:?}", set.errors);
    roll_up(card, &set.rows).expect("the card rolls up")
}

/// Each input of a rolled row as text, by name.
fn values(card: &CheckedCard, r: &RollUp, row: usize) -> Vec<String> {
    card.inputs()
        .iter()
        .zip(&r.rows[row].values)
        .map(|(input, v)| format!("{}={}", input.name, format_value(v, input.ty.value_type())))
        .collect()
}

#[test]
fn each_rule_rolls_three_months_into_a_quarter() {
    let card = card("partial skip");
    let r = rolled(
        &card,
        &[
            "E1,2026-10,110,105,90,2,是,否,0",
            "E1,2026-11,100,95,80,3,否,否,1",
            "E1,2026-12,90,85,88,3,是,是,2",
        ],
    );
    assert_eq!(r.rows.len(), 1);
    assert_eq!(r.rows[0].employee.period.unwrap().to_string(), "2026-Q4");
    assert_eq!(r.rows[0].line, 2, "the first month's line");
    assert_eq!(
        values(&card, &r, 0),
        [
            "受理=300",
            "解决=285",
            "解决率=95%",
            "成绩=86",
            "级别=3",
            "全勤=no",
            "表扬=yes",
            "迟报=3"
        ]
    );
    assert_eq!(r.sources[0].ratios.len(), 1);
}

#[test]
fn a_blank_month_leaves_a_sum_blank_but_a_mean_uses_the_months_given() {
    let card = card("partial skip");
    let r = rolled(
        &card,
        &[
            "E1,2026-10,10,10,90,1,是,否,0",
            "E1,2026-11,10,10,,1,是,否,",
            "E1,2026-12,10,10,80,1,是,否,1",
        ],
    );
    let v = values(&card, &r, 0);
    assert!(v.contains(&"成绩=85".to_string()), "{v:?}");
    assert!(v.contains(&"迟报=(missing)".to_string()), "{v:?}");
}

#[test]
fn partial_skip_leaves_out_every_incomplete_quarter() {
    let card = card("partial skip");
    let r = rolled(
        &card,
        &[
            "E1,2026-11,10,9,90,1,是,否,0",
            "E1,2026-12,10,9,90,1,是,否,0",
        ],
    );
    assert!(r.rows.is_empty());
    assert_eq!(r.skipped.len(), 1);
    assert_eq!(r.skipped[0].minimum, 3);
    assert_eq!(r.skipped[0].months.len(), 2);
}

#[test]
fn partial_score_uses_the_months_there_are_without_scaling() {
    let card = card("partial score minimum 2 months");
    let r = rolled(
        &card,
        &[
            "E1,2026-11,100,90,90,1,是,否,0",
            "E1,2026-12,100,96,90,1,是,否,1",
            "E2,2026-12,50,50,90,1,是,否,0",
        ],
    );
    assert_eq!(r.rows.len(), 1);
    let v = values(&card, &r, 0);
    assert!(v.contains(&"受理=200".to_string()), "{v:?}");
    assert!(v.contains(&"解决率=93%".to_string()), "{v:?}");
    assert!(!r.sources[0].prorated);
    assert_eq!(r.skipped[0].employee.id, "E2");
}

#[test]
fn partial_prorate_scales_sums_but_not_rates_or_means() {
    let card = card("partial prorate minimum 2 months");
    let r = rolled(
        &card,
        &[
            "E1,2026-11,100,90,80,1,是,否,1",
            "E1,2026-12,100,96,90,1,是,否,2",
        ],
    );
    let v = values(&card, &r, 0);
    // 200 x 3/2 = 300; 3 days late x 3/2 = 4.5; the rate is 186 / 200, unscaled.
    for want in ["受理=300", "解决=279", "解决率=93%", "成绩=85", "迟报=4.5"] {
        assert!(v.contains(&want.to_string()), "{want} not in {v:?}");
    }
    assert!(r.sources[0].prorated);
}

#[test]
fn months_of_two_quarters_make_two_rows_in_first_seen_order() {
    let card = card("partial score minimum 1 months");
    let r = rolled(
        &card,
        &[
            "E2,2027-01,10,9,90,1,是,否,0",
            "E1,2026-12,10,9,90,1,是,否,0",
            "E2,2026-12,10,9,90,1,是,否,0",
        ],
    );
    let keys: Vec<String> = r
        .rows
        .iter()
        .map(|row| format!("{}@{}", row.employee.id, row.employee.period.unwrap()))
        .collect();
    assert_eq!(keys, ["E2@2027-Q1", "E1@2026-Q4", "E2@2026-Q4"]);
}

#[test]
fn a_rate_over_no_cases_cannot_be_recomputed() {
    let card = card("partial skip");
    let r = rolled(
        &card,
        &[
            "E1,2026-10,0,0,90,1,是,否,0",
            "E1,2026-11,0,0,90,1,是,否,0",
            "E1,2026-12,0,0,90,1,是,否,0",
        ],
    );
    assert!(r.rows.is_empty());
    assert_eq!(r.errors.len(), 1);
    assert_eq!(r.errors[0].lines, [2, 3, 4]);
    assert_eq!(r.errors[0].kind, super::RollupErrorKind::RatioOfZero);
    assert_eq!(
        r.errors[0].message,
        "`解决率` is `解决` / `受理`, but `受理` adds up to 0 over the months"
    );
}

#[test]
fn a_rate_above_its_range_is_an_error_not_a_score() {
    let card = card("partial skip");
    let r = rolled(
        &card,
        &[
            "E1,2026-10,10,12,90,1,是,否,0",
            "E1,2026-11,10,12,90,1,是,否,0",
            "E1,2026-12,10,12,90,1,是,否,0",
        ],
    );
    assert_eq!(
        r.errors[0].message,
        "`解决率` rolls up to 120%, outside its range 0% to 100%"
    );
}

#[test]
fn rows_that_are_not_months_are_errors() {
    let card = card("partial skip");
    let r = rolled(&card, &["E1,2026-Q4,10,9,90,1,是,否,0"]);
    assert_eq!(
        r.errors[0].message,
        "2026-Q4 is not a month; rolling up reads monthly rows"
    );
}

#[test]
fn data_without_a_month_column_or_a_card_that_does_not_roll_up_is_refused() {
    let card = card("partial skip");
    let text = "工号,受理,解决,成绩,级别,全勤,表扬\nE1,10,9,90,1,是,否\n";
    let source = data::open_bytes(text.into(), DataFormat::Csv, "m.csv").unwrap();
    let set = data::read_with(&card, source, &monthly_options(&card));
    let err = roll_up(&card, &set.rows).unwrap_err();
    assert_eq!(err.kind(), super::CannotRollUpKind::NoMonthColumn);
    assert!(
        err.message().starts_with("the data has no month column"),
        "{err}"
    );

    let monthly = crate::compile(&SourceFile::new(
        "m.card",
        "scorecard m { total 1 section s weight 1 { item i 1 } }",
    ))
    .unwrap()
    .into_card();
    let err = roll_up(&monthly, &[]).unwrap_err();
    assert_eq!(err.kind(), super::CannotRollUpKind::CardDoesNotRollUp);
    assert!(err.message().contains("does not roll up months"), "{err}");
}

#[test]
fn monthly_values_of_a_recomputed_rate_are_reported_unused() {
    let card = card("partial skip");
    let text = format!(
        "{HEADER},解决率\nE1,2026-10,10,9,90,1,是,否,0,90%\nE1,2026-11,10,9,90,1,是,否,0,90%\nE1,2026-12,10,9,90,1,是,否,0,90%\n"
    );
    let source = data::open_bytes(text.into_bytes(), DataFormat::Csv, "m.csv").unwrap();
    let set = data::read_with(&card, source, &monthly_options(&card));
    let r = roll_up(&card, &set.rows).unwrap();
    assert_eq!(
        r.warnings,
        ["the monthly values of `解决率` are not used: it is recomputed from its summed parts"]
    );
    assert_eq!(
        r.rows[0].values[2],
        Value::Num(rust_decimal::Decimal::new(9, 1))
    );
}
