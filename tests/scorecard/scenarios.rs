//! Evaluation scenarios: each file under `tests/data/` names its card in a
//! `# card:` comment and carries expectations worked out by hand from the
//! policy text in `# expect:` comments:
//!
//! ```text
//! # card: rules/callback_specialist.card
//! # expect: E001 total=84 grade=称职 客户信息及建议=4 信息反馈=9
//! ```
//!
//! A key is `total`, `grade`, or the name of an item, section, bonus/penalty
//! block, band or output. Every expectation is asserted, and every scenario
//! must carry at least one.

use crate::common;
use rust_decimal::Decimal;
use scorecard::data;
use scorecard::value::Value;
use scorecard::{CheckedCard, ScoreResult};
use std::path::Path;
use std::str::FromStr;

pub struct Scenario {
    pub card: CheckedCard,
    pub rows: Vec<scorecard::data::Row>,
    pub results: Vec<ScoreResult>,
    pub expectations: Vec<Expectation>,
}

pub struct Expectation {
    pub line: usize,
    pub employee: String,
    pub key: String,
    pub value: String,
}

/// Reads a scenario file, its card and its rows, and scores every row.
pub fn load(path: &Path) -> Scenario {
    let text = std::fs::read_to_string(path).expect("scenario file is readable");
    let rel = common::relative(path);
    let card_path = comment_values(&text, "card")
        .next()
        .unwrap_or_else(|| panic!("{rel}: no `# card:` comment naming the card"))
        .1;
    let card = common::checked(&common::root().join(card_path)).card;
    let set = data::read_path(&card, path);
    assert!(
        set.errors.is_empty() && set.warnings.is_empty(),
        "{rel}: the data should read cleanly, but:\n{}",
        set.errors
            .iter()
            .map(|e| e.to_string())
            .chain(set.warnings.iter().map(|w| w.to_string()))
            .collect::<Vec<_>>()
            .join("\n")
    );
    let (results, failures) = scorecard::eval::evaluate_all(&card, &set.rows);
    assert!(
        failures.is_empty(),
        "{rel}: rows failed to evaluate: {failures:?}"
    );
    let expectations = comment_values(&text, "expect")
        .flat_map(|(line, rest)| parse_expect(&rel, line, rest))
        .collect::<Vec<_>>();
    assert!(
        !expectations.is_empty(),
        "{rel}: no `# expect:` lines; a scenario must say what it expects"
    );
    Scenario {
        card,
        rows: set.rows,
        results,
        expectations,
    }
}

fn comment_values<'a>(text: &'a str, key: &'a str) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    text.lines().enumerate().filter_map(move |(i, line)| {
        let rest = line.trim_start().strip_prefix('#')?.trim_start();
        let rest = rest.strip_prefix(key)?.strip_prefix(':')?;
        Some((i + 1, rest.trim()))
    })
}

fn parse_expect(rel: &str, line: usize, rest: &str) -> Vec<Expectation> {
    let mut words = rest.split_whitespace();
    let employee = words
        .next()
        .unwrap_or_else(|| panic!("{rel}:{line}: `# expect:` needs an employee id"));
    words
        .map(|pair| {
            let (key, value) = pair
                .split_once('=')
                .unwrap_or_else(|| panic!("{rel}:{line}: `{pair}` should be key=value"));
            Expectation {
                line,
                employee: employee.to_string(),
                key: key.to_string(),
                value: value.to_string(),
            }
        })
        .collect()
}

/// The actual value behind an expectation's key, as text, or `None` if no such key.
fn actual(card: &CheckedCard, result: &ScoreResult, key: &str) -> Option<Actual> {
    if key == "total" {
        return Some(Actual::Num(result.total));
    }
    if key == "grade" {
        return Some(Actual::Text(
            result
                .grade
                .as_ref()
                .map_or(String::new(), |(_, g)| g.to_string()),
        ));
    }
    if let Some(i) = card.items.iter().position(|x| x.name == key) {
        return Some(Actual::Num(result.items[i].score));
    }
    if let Some(i) = card.sections.iter().position(|x| x.name == key) {
        return Some(Actual::Num(result.sections[i]));
    }
    if let Some(i) = card.adjustments.iter().position(|x| x.name == key) {
        return Some(Actual::Num(result.adjustments[i].amount));
    }
    let i = card.derived.iter().position(|x| x.name == key)?;
    Some(match &result.derived[i].value {
        Value::Num(d) => Actual::Num(*d),
        other => Actual::Text(format!("{other:?}")),
    })
}

enum Actual {
    Num(Decimal),
    Text(String),
}

/// Asserts every expectation, collecting all mismatches into one report.
pub fn assert_expectations(path: &Path, scenario: &Scenario) {
    let rel = common::relative(path);
    let mut problems = Vec::new();
    for e in &scenario.expectations {
        let Some(result) = scenario
            .results
            .iter()
            .find(|r| r.employee.id == e.employee)
        else {
            problems.push(format!(
                "{rel}:{}: no row for employee `{}`",
                e.line, e.employee
            ));
            continue;
        };
        let matches = match actual(&scenario.card, result, &e.key) {
            None => {
                problems.push(format!(
                    "{rel}:{}: `{}` is not a total, grade, item, section, block or output",
                    e.line, e.key
                ));
                continue;
            }
            Some(Actual::Num(d)) => match Decimal::from_str(&e.value) {
                Ok(want) => (d == want, scorecard::value::format_decimal(d)),
                Err(_) => (false, format!("{d} (and `{}` is not a number)", e.value)),
            },
            Some(Actual::Text(t)) => (t == e.value, t),
        };
        if !matches.0 {
            problems.push(format!(
                "{rel}:{}: {} {}: expected {} (worked out by hand), but the card gives {}",
                e.line, e.employee, e.key, e.value, matches.1
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{} expectation(s) failed:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Every scenario's expectations hold, and its explanation is snapshotted.
#[test]
fn hand_checked_scenarios() {
    let mut count = 0;
    insta::glob!(common::data_dir(), "*.csv", |path| {
        let scenario = load(path);
        assert_expectations(path, &scenario);
        // The hash changes with any edit of the card (tests/scorecard/versions.rs
        // tests it); these snapshots are about the scores.
        insta::with_settings!({filters => vec![(r"sha256:[0-9a-f]{12}", "sha256:[hash]")]}, {
            insta::assert_snapshot!(explain(&scenario));
        });
        count += 1;
    });
    assert!(
        count >= 6,
        "expected at least six scenarios under tests/data, found {count}"
    );
}

/// The explanation of every row, as `scorecard explain` prints it.
fn explain(scenario: &Scenario) -> String {
    scenario
        .results
        .iter()
        .zip(&scenario.rows)
        .map(|(result, row)| {
            scorecard::report::explain_with_inputs(&scenario.card, result, &row.values)
        })
        .collect::<Vec<_>>()
        .join("\n────────\n\n")
}
