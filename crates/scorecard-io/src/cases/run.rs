//! Running cases: score each row, compare with what was worked out by hand.

use super::file::{CaseFile, CaseSpec, Expect, RowSpec};
use crate::check::CheckedCard;
use crate::data::{Numbering, Record};
use crate::eval::ScoreResult;
use crate::run::{DataInput, Options, Plan, Request, RulesSpec};
use crate::t;
use crate::value::{format_decimal, format_value, Type, Unit, Value};
use rust_decimal::Decimal;
use std::str::FromStr;
use std::sync::Arc;

/// One case's outcome, and every row's result for coverage and snapshots.
#[derive(Debug, Clone)]
pub struct CaseResult {
    pub name: String,
    pub outcome: Outcome,
    /// Each scored row's result and the inputs it read, in row order.
    pub scored: Vec<(ScoreResult, Vec<Value>)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Passed,
    /// Scored, but not as expected.
    Failed(Vec<Mismatch>),
    /// Could not be scored: bad cells, an unknown column or key, a failed evaluation.
    Broken(Vec<String>),
}

/// An expectation that did not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// The employee, when the case has several rows.
    pub employee: Option<String>,
    pub key: String,
    pub expected: String,
    pub actual: String,
}

/// Runs every case of `file` against `card`, in file order.
pub fn run(card: &CheckedCard, file: &CaseFile) -> Vec<CaseResult> {
    let card = Arc::new(card.clone());
    file.cases
        .iter()
        .map(|case| run_case(&card, file, case))
        .collect()
}

/// One case, through the same run as a month's data: its rows scored
/// together, so ranks and grade limits see every row of the case.
fn run_case(card: &Arc<CheckedCard>, file: &CaseFile, case: &CaseSpec) -> CaseResult {
    let broken = |problems: Vec<String>, scored| CaseResult {
        name: case.name.clone(),
        outcome: Outcome::Broken(problems),
        scored,
    };
    let request = Request {
        rules: RulesSpec::Checked(vec![card.clone()]),
        data: vec![input_of(file, case)],
        from: Vec::new(),
        options: Options {
            trace: true,
            ..Options::default()
        },
    };
    let plan = match Plan::load(request) {
        Ok(plan) => plan,
        Err(stop) => return broken(vec![stop.to_string()], Vec::new()),
    };
    let outcome = plan.results();
    let mut problems: Vec<String> = outcome.problems.iter().map(|p| p.to_string()).collect();
    // A column that binds to nothing means the case does not test what it says.
    problems.extend(outcome.warnings.iter().map(|w| w.to_string()));
    let scored: Vec<(ScoreResult, Vec<Value>)> = outcome
        .runs
        .into_iter()
        .flat_map(|run| run.results.into_iter().zip(run.inputs))
        .collect();
    if !problems.is_empty() {
        return broken(problems, scored);
    }
    let card: &CheckedCard = card;
    let several = case.rows.len() > 1;
    let mut mismatches = Vec::new();
    for spec in &case.rows {
        let Some((result, _)) = scored.iter().find(|(r, _)| r.employee.id == spec.id) else {
            problems.push(t!("cases-no-row-scored", id = &spec.id));
            continue;
        };
        for expect in &spec.expect {
            match compare(card, result, expect) {
                Ok(None) => {}
                Ok(Some(actual)) => mismatches.push(Mismatch {
                    employee: several.then(|| spec.id.clone()),
                    key: expect.key.clone(),
                    expected: expect.value.clone(),
                    actual,
                }),
                Err(problem) => problems.push(problem),
            }
        }
    }
    let outcome = if !problems.is_empty() {
        Outcome::Broken(problems)
    } else if !mismatches.is_empty() {
        Outcome::Failed(mismatches)
    } else {
        Outcome::Passed
    };
    CaseResult {
        name: case.name.clone(),
        outcome,
        scored,
    }
}

/// The case's rows as data, named after the case, so a bad cell is
/// reported as `rules/x.cases.toml, case `满分`: record 1: …`.
fn input_of(file: &CaseFile, case: &CaseSpec) -> DataInput {
    let mut columns: Vec<String> = Vec::new();
    for row in &case.rows {
        for (column, _) in &row.cells {
            if !columns.contains(column) {
                columns.push(column.clone());
            }
        }
    }
    let records = case
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| record(&columns, row, i + 1))
        .collect();
    let name = t!(
        "cases-data-name",
        file = file.path.display().to_string(),
        case = &case.name
    );
    DataInput::records(&name, columns, Numbering::Records, records)
}

fn record(columns: &[String], row: &RowSpec, number: usize) -> Record {
    let cells = columns
        .iter()
        .map(|c| {
            row.cells
                .iter()
                .find(|(k, _)| k == c)
                .map_or(String::new(), |(_, v)| v.clone())
        })
        .collect();
    Record { number, cells }
}

/// `Ok(None)` when the expectation holds, `Ok(Some(actual))` when it does
/// not, `Err` when the key names nothing on the card.
fn compare(
    card: &CheckedCard,
    result: &ScoreResult,
    expect: &Expect,
) -> Result<Option<String>, String> {
    let (actual, ty) = actual(card, result, &expect.key)
        .ok_or_else(|| t!("cases-unknown-expect", key = &expect.key))?;
    let holds = match (&actual, expected_number(&expect.value)) {
        (Value::Num(a), Some(e)) => *a == e,
        (Value::Num(_), None) => false,
        (other, _) => shown(other, ty) == expect.value.trim(),
    };
    Ok((!holds).then(|| shown(&actual, ty)))
}

fn shown(value: &Value, ty: Type) -> String {
    match value {
        Value::Num(d) if ty != Type::Num(Unit::Percent) => format_decimal(*d),
        Value::Bool(b) => b.to_string(),
        other => format_value(other, ty),
    }
}

/// `4`, `4.50`, `96%` (0.96), `3000 元`.
fn expected_number(text: &str) -> Option<Decimal> {
    let text = text.trim();
    let text = text.strip_suffix('元').map_or(text, str::trim_end);
    match text.strip_suffix('%').or_else(|| text.strip_suffix('％')) {
        Some(percent) => Decimal::from_str(percent.trim())
            .ok()
            .map(|d| d / Decimal::ONE_HUNDRED),
        None => Decimal::from_str(text).ok(),
    }
}

/// The value behind a key, by name or label, with its type for display.
fn actual(card: &CheckedCard, result: &ScoreResult, key: &str) -> Option<(Value, Type)> {
    if key == "grade" {
        let grade = result.grade(card).map_or(String::new(), |g| g.to_string());
        return Some((Value::Text(grade.into()), Type::Text));
    }
    result.value_of(card, key)
}
