//! Evaluation scenarios: each file under `tests/data/` names its card in a
//! `# card:` comment and carries expectations worked out by hand from the
//! policy text in `# expect:` comments:
//!
//! ```text
//! # card: rules/callback_specialist.card
//! # expect: E001 total=84 grade=称职 客户信息及建议=4 信息反馈=9
//! ```
//!
//! A key is `total`, `grade`, `rank` (of the total within the file, as the
//! workbook and HTML reports show it), `card`, or the name of an item,
//! section, bonus/penalty block, band or output. Every expectation is
//! asserted, and every scenario
//! must carry at least one.
//!
//! Instead of `# card:`, a scenario may name a rules manifest, `# rules:
//! rules/scorecard.toml` (and `# role: 回访专员` for a file with no 岗位
//! column): each row is then scored by the card the manifest picks for its
//! role, brand and store, and the key `card` names the card expected.
//!
//! `# from: INPUT=CARD:KEY,DATA` lines feed an input from another card's
//! results, as `scorecard eval --from` does.
//!
//! A key may also be a rank's name (its place) or `RANK.size` (its group's
//! size). The id may carry a period, `E001@2026-Q4`, for files with a month
//! column or rolled up by quarter. When the card rolls months up (`period
//! quarterly` with `rollup` rules), the file's monthly rows are rolled up
//! first, and `# skipped: E009@2026-Q4` lines name every period the card's
//! `partial` rule leaves out.

use crate::common;
use rust_decimal::Decimal;
use scorecard::run::{
    CardInput, CardRun, DataInput, Note, Options, Outcome, Plan, Request, RulesSpec, Scoring,
};
use scorecard::value::Value;
use scorecard::{CheckedCard, ScoreResult};
use std::path::Path;
use std::str::FromStr;

pub struct Scenario {
    /// The run, as `scorecard eval` makes it: one card's results, or (a
    /// manifest routing the rows) one per card and step.
    pub outcome: Outcome,
    pub expectations: Vec<Expectation>,
}

pub struct Expectation {
    pub line: usize,
    pub employee: String,
    pub key: String,
    pub value: String,
}

/// The run a scenario file asks for (its `# card:`, `# rules:`, `# role:`,
/// `# step:` and `# from:` lines), on the data `data`.
pub fn request(path: &Path, data: DataInput) -> (Scoring, Request) {
    let text = std::fs::read_to_string(path).expect("scenario file is readable");
    let rel = common::relative(path);
    let rules = match comment_values(&text, "rules").next() {
        Some((_, manifest)) => RulesSpec::Directory(manifest.into()),
        None => {
            let card = comment_values(&text, "card")
                .next()
                .unwrap_or_else(|| panic!("{rel}: no `# card:` comment naming the card"))
                .1;
            RulesSpec::Cards(vec![CardInput::file(card)])
        }
    };
    let scoring = Scoring::load(&rules).unwrap_or_else(|stop| match stop {
        scorecard::run::Stop::Cards(d) => panic!(
            "{rel}: {}",
            scorecard::diagnostic::render::human_all(&d, false)
        ),
        other => panic!("{rel}: {other}"),
    });
    // A card that rolls months up is fed the file's monthly rows rolled up.
    let rollup = scoring.directory_ref().is_none() && scoring.cards()[0].rollup().is_some();
    let request = Request {
        rules,
        data: vec![data],
        from: comment_values(&text, "from")
            .map(|(_, spec)| spec.to_string())
            .collect(),
        options: Options {
            role: comment_values(&text, "role")
                .next()
                .map(|(_, r)| r.to_string()),
            steps: comment_values(&text, "step")
                .map(|(_, s)| s.to_string())
                .collect(),
            rollup,
            trace: true,
            ..Options::default()
        },
    };
    (scoring, request)
}

/// Reads a scenario file and scores every row, as `eval` does.
pub fn load(path: &Path) -> Scenario {
    let rel = common::relative(path);
    let outcome = run(path, DataInput::path(&rel));
    let text = std::fs::read_to_string(path).expect("scenario file is readable");
    let mut skipped: Vec<String> = outcome
        .notes
        .iter()
        .filter_map(|n| match n {
            Note::Skipped { skipped, .. } => Some(format!(
                "{}@{}",
                skipped.employee.id,
                skipped
                    .employee
                    .period
                    .map(|p| p.to_string())
                    .unwrap_or_default()
            )),
            _ => None,
        })
        .collect();
    let mut declared: Vec<String> = comment_values(&text, "skipped")
        .map(|(_, id)| id.to_string())
        .collect();
    skipped.sort();
    declared.sort();
    assert_eq!(
        skipped, declared,
        "{rel}: the periods left out by `partial` differ from the `# skipped:` lines"
    );
    let expectations = comment_values(&text, "expect")
        .flat_map(|(line, rest)| parse_expect(&rel, line, rest))
        .collect::<Vec<_>>();
    assert!(
        !expectations.is_empty(),
        "{rel}: no `# expect:` lines; a scenario must say what it expects"
    );
    Scenario {
        outcome,
        expectations,
    }
}

/// The scenario's run on `data` (its own file, or the same rows in another
/// form), which must read, feed, roll up and score cleanly.
pub fn run(path: &Path, data: DataInput) -> Outcome {
    let rel = common::relative(path);
    let (scoring, request) = request(path, data);
    let plan = Plan::with_scoring(scoring, request).unwrap_or_else(|stop| panic!("{rel}: {stop}"));
    let outcome = plan.results();
    let problems: Vec<String> = outcome
        .problems
        .iter()
        .map(|p| p.to_string())
        .chain(outcome.warnings.iter().map(|w| w.to_string()))
        .collect();
    assert!(
        problems.is_empty(),
        "{rel}: the data should read cleanly, but:\n{}",
        problems.join("\n")
    );
    outcome
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
fn actual(card: &CheckedCard, result: &ScoreResult, rank: usize, key: &str) -> Option<Actual> {
    if key == "rank" {
        return Some(Actual::Num(Decimal::from(rank)));
    }
    if key == "card" {
        return Some(Actual::Text(card.name().to_string()));
    }
    if key == "grade" {
        return Some(Actual::Text(
            result.grade(card).map_or(String::new(), |g| g.to_string()),
        ));
    }
    let (rank_name, size) = match key.strip_suffix(".size") {
        Some(name) => (name, true),
        None => (key, false),
    };
    if let Some(i) = card
        .ranking()
        .ranks
        .iter()
        .position(|x| x.name == rank_name)
    {
        let placing = result.ranks.get(i)?;
        let n = if size { placing.size } else { placing.place };
        return Some(Actual::Num(Decimal::from(n)));
    }
    Some(match result.value_of(card, key)?.0 {
        Value::Num(d) => Actual::Num(d),
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
        let (id, period) = match e.employee.split_once('@') {
            Some((id, period)) => (id, Some(period)),
            None => (e.employee.as_str(), None),
        };
        // The employee's row in each run (an employee has one per step);
        // the first whose card has the key answers.
        let candidates: Vec<(&CardRun, usize)> = scenario
            .outcome
            .runs
            .iter()
            .filter_map(|run| {
                let at = run.results.iter().position(|r| {
                    r.employee.id == id
                        && period
                            .is_none_or(|p| r.employee.period.is_some_and(|q| q.to_string() == p))
                })?;
                Some((run, at))
            })
            .collect();
        let found = candidates
            .iter()
            .find(|(run, at)| actual(&run.card, &run.results[*at], 0, &e.key).is_some())
            .or(candidates.first())
            .map(|(run, at)| {
                let rank = scorecard::report::ranks(&run.results)[*at];
                (&*run.card, &run.results[*at], rank)
            });
        let Some((card, result, rank)) = found else {
            problems.push(format!(
                "{rel}:{}: no row for employee `{}`",
                e.line, e.employee
            ));
            continue;
        };
        let matches = match actual(card, result, rank, &e.key) {
            None => {
                problems.push(format!(
                    "{rel}:{}: `{}` is not a card, total, grade, rank, item, section, block, output or named rank",
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
    // The explanations are snapshotted in English, whichever test ran first.
    common::english();
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

/// The explanation of every row, as `scorecard explain` prints it, in the
/// data file's order (each row by its own card, step after step).
fn explain(scenario: &Scenario) -> String {
    scenario
        .outcome
        .in_data_order()
        .into_iter()
        .map(|(run, i)| {
            // A rolled-up row is headed by the months it came from.
            let notes = run.notes_of(i);
            scorecard::report::explain_with_notes(
                &run.card,
                &run.results[i],
                &run.inputs[i],
                &notes,
            )
        })
        .collect::<Vec<_>>()
        .join("\n────────\n\n")
}
