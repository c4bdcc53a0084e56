//! The expression language, end to end: a one-output card is compiled and
//! evaluated on one row.

use crate::source::SourceFile;
use crate::value::{format_decimal, Value};
use crate::{
    cell::parse_cell,
    row::{Employee, Row},
};

const INPUTS: &str = r#"
    input 率 percent range 0%..200%
    input 次数 count
    input 台次 count
    input 金额 money
    input 分 number
    input 达标 bool
    input 迟报 days optional
    param 单价 30 元
    param 系数 1.3
"#;

/// Evaluates `expr` as an output of a card with [`INPUTS`], on one row.
fn eval(expr: &str, cells: &[(&str, &str)]) -> Result<String, String> {
    let text = format!("scorecard t {{ {INPUTS} output o = {expr} }}");
    let source = SourceFile::new("t.card", text);
    let checked = crate::compile(&source).map_err(|d| {
        let first = d.iter().next().map(|d| d.message.clone());
        format!("check: {}", first.unwrap_or_default())
    })?;
    let card = checked.card;
    let values = card
        .inputs
        .iter()
        .map(|input| {
            let cell = cells
                .iter()
                .find(|(k, _)| *k == input.name)
                .map_or("", |(_, v)| v);
            match parse_cell(cell, input) {
                Ok(v) => v,
                Err(_) => Value::Num(0.into()),
            }
        })
        .collect();
    let row = Row {
        line: 1,
        employee: Employee::default(),
        values,
    };
    let result = crate::evaluate(&card, &row).map_err(|e| format!("eval: {e}"))?;
    Ok(match &result.scores.derived[0] {
        Value::Num(d) => format_decimal(*d),
        Value::Bool(b) => b.to_string(),
        other => format!("{other:?}"),
    })
}

fn ok(expr: &str, cells: &[(&str, &str)]) -> String {
    eval(expr, cells).unwrap_or_else(|e| panic!("`{expr}` failed: {e}"))
}

#[test]
fn arithmetic_follows_precedence() {
    assert_eq!(ok("1 + 2 * 3", &[]), "7");
    assert_eq!(ok("(1 + 2) * 3", &[]), "9");
    assert_eq!(ok("10 - 4 - 3", &[]), "3");
    assert_eq!(ok("-2 * 3", &[]), "-6");
    assert_eq!(ok("7 / 2", &[]), "3.5");
}

#[test]
fn percent_literals_are_fractions() {
    assert_eq!(ok("率 * 2", &[("率", "98%")]), "1.96");
    assert_eq!(ok("率 >= 98%", &[("率", "98%")]), "true");
    assert_eq!(ok("率 >= 98%", &[("率", "97.99%")]), "false");
}

#[test]
fn money_times_count_and_rates_stays_exact() {
    // (appointments x 30 yuan) x 96% x 1.3 — no float rounding anywhere
    assert_eq!(
        ok("次数 * 单价 * 率 * 系数", &[("次数", "37"), ("率", "96%")]),
        "1385.28"
    );
    assert_eq!(ok("0.1 + 0.2", &[]), "0.3");
}

#[test]
fn if_and_or_not() {
    assert_eq!(ok("if 达标 then 100 else 0", &[("达标", "是")]), "100");
    assert_eq!(
        ok(
            "if 达标 and 次数 > 2 then 1 else 2",
            &[("达标", "是"), ("次数", "2")]
        ),
        "2"
    );
    assert_eq!(
        ok("not 达标 or 次数 = 0", &[("达标", "是"), ("次数", "0")]),
        "true"
    );
}

#[test]
fn min_max_clamp() {
    assert_eq!(ok("min(3, 1, 2)", &[]), "1");
    assert_eq!(ok("max(分, 60)", &[("分", "75.5")]), "75.5");
    assert_eq!(ok("clamp(分, 0, 100)", &[("分", "130")]), "100");
    assert_eq!(ok("clamp(分, 0, 100)", &[("分", "-5")]), "0");
}

#[test]
fn round_is_half_away_from_zero() {
    assert_eq!(ok("round(2.345, 2)", &[]), "2.35");
    assert_eq!(ok("round(2.5)", &[]), "3");
    assert_eq!(ok("round(-2.5)", &[]), "-3");
    assert_eq!(ok("round(金额 / 3, 2)", &[("金额", "100")]), "33.33");
}

#[test]
fn present_tells_blank_from_zero() {
    assert_eq!(ok("present(迟报)", &[("迟报", "")]), "false");
    assert_eq!(ok("present(迟报)", &[("迟报", "0")]), "true");
    // `and` stops early, so a blank optional input is never read
    assert_eq!(ok("present(迟报) and 迟报 > 1", &[("迟报", "")]), "false");
}

#[test]
fn division_by_zero_fails_the_row() {
    let err = eval("分 / 次数", &[("分", "5"), ("次数", "0")]).unwrap_err();
    assert_eq!(err, "eval: division by zero");
}

#[test]
fn reading_a_blank_optional_input_fails_the_row() {
    let err = eval("迟报 * 2", &[("迟报", "")]).unwrap_err();
    assert!(err.contains("left blank"), "{err}");
}

#[test]
fn huge_numbers_fail_the_row_instead_of_panicking() {
    let err = eval(
        "金额 * 金额 * 金额",
        &[("金额", "79228162514264337593543950")],
    );
    assert!(err.is_err(), "{err:?}");
}

#[test]
fn kinds_are_checked() {
    let cases = [
        ("率 >= 98", "a percentage and a number"),
        ("金额 * 金额", "two amounts of money"),
        ("达标 + 1", "arithmetic needs numbers"),
        ("if 次数 then 1 else 2", "needs yes or no"),
        ("率 + 次数", "do not match"),
        ("nosuch(1)", "no function `nosuch`"),
        ("round(分, 1.5)", "whole number of decimal places"),
        ("present(次数)", "one optional input"),
        ("min(1)", "takes two or more arguments"),
        ("未知", "is not declared"),
    ];
    for (expr, expected) in cases {
        let err = eval(expr, &[]).expect_err(expr);
        assert!(
            err.contains(expected),
            "`{expr}`: expected a message containing {expected:?}, got {err:?}"
        );
    }
}

#[test]
fn a_ratio_of_counts_is_a_percentage_where_it_meets_one() {
    // S8: resolution rate = solved / handled, compared with a percentage
    assert_eq!(
        ok("次数 / 台次 >= 90%", &[("次数", "45"), ("台次", "50")]),
        "true"
    );
    // chosen beside a percentage, it is one: a zero denominator stated as 100%
    assert_eq!(
        ok(
            "if 台次 = 0 then 100% else 次数 / 台次",
            &[("次数", "0"), ("台次", "0")]
        ),
        "1"
    );
    // a number over a count is not a rate: `>= 90%` does not fit it
    let err = eval("分 / 次数 >= 90%", &[]).unwrap_err();
    assert!(err.contains("do not match"), "{err}");
}

/// The type the output `o = expr` (or `o TYPE = expr`) is given, and how a value prints.
fn output_type(decl: &str) -> crate::value::Type {
    let text = format!("scorecard t {{ {INPUTS} output {decl} }}");
    let source = SourceFile::new("t.card", text);
    let card = crate::compile(&source)
        .unwrap_or_else(|d| panic!("`{decl}`: {:?}", d.iter().next().map(|d| &d.message)))
        .card;
    card.derived[0].ty
}

#[test]
fn a_number_over_a_count_is_a_number_not_a_percentage() {
    use crate::value::{format_value, Type, Unit};
    // 90 points over 3 occurrences is 30 points each, never 3000%
    assert_eq!(ok("分 / 次数", &[("分", "90"), ("次数", "3")]), "30");
    let ty = output_type("o = 分 / 次数");
    assert_eq!(ty, Type::Num(Unit::Plain));
    assert_eq!(format_value(&Value::Num(30.into()), ty), "30");
    // a count over a count is a ratio: a plain number unless the card says percent
    assert_eq!(output_type("o = 次数 / 台次"), Type::Num(Unit::Plain));
    assert_eq!(
        output_type("o percent = 次数 / 台次"),
        Type::Num(Unit::Percent)
    );
    assert_eq!(
        output_type("o number = 次数 / 台次"),
        Type::Num(Unit::Plain)
    );
    // money over money, a rate over a rate: ratios too
    assert_eq!(
        output_type("o percent = 金额 / 单价"),
        Type::Num(Unit::Percent)
    );
    // a rate over a count stays a rate (the mean of monthly rates)
    assert_eq!(output_type("o = 率 / 次数"), Type::Num(Unit::Percent));
}

#[test]
fn a_condition_on_two_numbers_read_straight_compares_as_values_do() {
    // `full if` reads its condition through `Frame::bool`, which compares two
    // number leaves without building values; an output through `eval`.
    let text = format!(
        "scorecard t {{ total 1 {INPUTS} section s weight 1 {{ item i 1 {{ full if 分 >= 85 }} }} output o = 分 >= 85 }}"
    );
    let card = crate::compile(&SourceFile::new("t.card", text))
        .expect("valid")
        .card;
    let index = card.input_index("分").expect("分");
    for (cell, holds) in [
        ("84.99", false),
        ("85", true),
        ("85.000", true),
        ("-85", false),
    ] {
        let mut values = vec![Value::Num(0.into()); card.inputs.len()];
        values[index] = Value::Num(cell.parse().expect("decimal"));
        let row = Row {
            line: 1,
            employee: Employee::default(),
            values,
        };
        let result = crate::evaluate(&card, &row).expect("scores");
        let full = result.scores.items[0] == rust_decimal::Decimal::ONE;
        assert_eq!(full, holds, "{cell}");
        assert_eq!(result.scores.derived[0], Value::Bool(holds), "{cell}");
    }
}
