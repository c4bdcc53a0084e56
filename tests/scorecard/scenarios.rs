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
use scorecard::manifest::{self, Manifest, Rules};
use scorecard::value::Value;
use scorecard::{data, link};
use scorecard::{CheckedCard, FileLoader, ScoreResult};
use std::path::Path;
use std::str::FromStr;

pub struct Scenario {
    /// One card's rows and results; several when a manifest routed the rows.
    pub groups: Vec<Group>,
    pub expectations: Vec<Expectation>,
}

pub struct Group {
    pub card: CheckedCard,
    /// The `# from:` feeds, applied after reading as `--from` does.
    pub feeds: Vec<link::Feed>,
    pub rows: Vec<scorecard::data::Row>,
    /// For rolled-up rows: the months each came from, parallel to `rows`.
    pub sources: Vec<scorecard::period::Source>,
    pub results: Vec<ScoreResult>,
}

pub struct Expectation {
    pub line: usize,
    pub employee: String,
    pub key: String,
    pub value: String,
}

/// Reads a scenario file, its card (or manifest) and its rows, and scores every row.
pub fn load(path: &Path) -> Scenario {
    let text = std::fs::read_to_string(path).expect("scenario file is readable");
    let rel = common::relative(path);
    let groups = match comment_values(&text, "rules").next() {
        Some((_, manifest)) => routed(&rel, path, manifest, comment_values(&text, "role").next()),
        None => {
            let card_path = comment_values(&text, "card")
                .next()
                .unwrap_or_else(|| panic!("{rel}: no `# card:` comment naming the card"))
                .1;
            let card = common::checked(&common::root().join(card_path)).card;
            let feeds: Vec<link::Feed> = comment_values(&text, "from")
                .map(|(line, spec)| {
                    let link: link::Link =
                        spec.parse().unwrap_or_else(|e| panic!("{rel}:{line}: {e}"));
                    link::resolve(&card, &link).unwrap_or_else(|e| panic!("{rel}:{line}: {e}"))
                })
                .collect();
            let read_against = if card.rollup.is_some() {
                scorecard::period::monthly_view(&card)
            } else {
                card.clone()
            };
            let mut set = data::read_path(&link::reading_card(&read_against, &feeds), path);
            let unfed = link::apply(&card, &mut set.rows, &feeds, &rel);
            assert_clean(
                &rel,
                set.errors.iter().map(|e| e.to_string()).chain(unfed),
                set.warnings.iter().map(|w| w.to_string()),
            );
            let (rows, sources) = roll_up(&rel, &text, &card, set.rows);
            let mut group = scored(&rel, card, feeds, rows);
            group.sources = sources;
            vec![group]
        }
    };
    let expectations = comment_values(&text, "expect")
        .flat_map(|(line, rest)| parse_expect(&rel, line, rest))
        .collect::<Vec<_>>();
    assert!(
        !expectations.is_empty(),
        "{rel}: no `# expect:` lines; a scenario must say what it expects"
    );
    Scenario {
        groups,
        expectations,
    }
}

/// The `# rules:` manifest and `# role:` a scenario routes its rows by, if any.
pub fn manifest_of(path: &Path) -> Option<(String, Option<String>)> {
    let text = std::fs::read_to_string(path).ok()?;
    let (_, manifest) = comment_values(&text, "rules").next()?;
    let role = comment_values(&text, "role")
        .next()
        .map(|(_, r)| r.to_string());
    Some((manifest.to_string(), role))
}

/// Rows sent to their cards by a manifest.
fn routed(rel: &str, path: &Path, manifest: &str, role: Option<(usize, &str)>) -> Vec<Group> {
    let source = data::open_path(path).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let (rules, groups) = route(rel, source, manifest, role.map(|(_, r)| r));
    groups
        .into_iter()
        .map(|(card, rows)| scored(rel, rules.cards[card].card.clone(), Vec::new(), rows))
        .collect()
}

/// The rows of any source, routed by a manifest, one list per card used.
pub fn routed_source(
    rel: &str,
    source: Box<dyn data::RecordSource>,
    manifest: &str,
    role: Option<&str>,
) -> Vec<Vec<scorecard::data::Row>> {
    route(rel, source, manifest, role)
        .1
        .into_iter()
        .map(|(_, rows)| rows)
        .collect()
}

fn route(
    rel: &str,
    source: Box<dyn data::RecordSource>,
    manifest: &str,
    role: Option<&str>,
) -> (Rules, Vec<(usize, Vec<scorecard::data::Row>)>) {
    let loader = FileLoader::rooted(common::root());
    let rules = loader
        .open(manifest)
        .map_err(|why| panic!("{rel}: {why}"))
        .and_then(|source| Manifest::parse(&source).and_then(|m| Rules::compile(m, &loader)))
        .unwrap_or_else(|d| {
            panic!(
                "{rel}: {}",
                scorecard::diagnostic::render::human_all(&d, false)
            )
        });
    let routed = manifest::route(&rules, source, role);
    assert_clean(
        rel,
        routed.all_errors().into_iter().map(|e| e.to_string()),
        routed.warnings.iter().map(|w| w.to_string()),
    );
    let groups = routed
        .groups
        .into_iter()
        .map(|g| (g.card, g.set.rows))
        .collect();
    (rules, groups)
}

fn assert_clean(
    rel: &str,
    errors: impl Iterator<Item = String>,
    warnings: impl Iterator<Item = String>,
) {
    let problems: Vec<String> = errors.chain(warnings).collect();
    assert!(
        problems.is_empty(),
        "{rel}: the data should read cleanly, but:\n{}",
        problems.join("\n")
    );
}

fn scored(
    rel: &str,
    card: CheckedCard,
    feeds: Vec<link::Feed>,
    rows: Vec<scorecard::data::Row>,
) -> Group {
    let (results, failures) = scorecard::eval::evaluate_all(&card, &rows);
    assert!(
        failures.is_empty(),
        "{rel}: rows failed to evaluate: {failures:?}"
    );
    Group {
        card,
        feeds,
        rows,
        sources: Vec::new(),
        results,
    }
}

/// Rolls monthly rows up to the card's period, when the card says so, and
/// checks the `# skipped:` lines against the periods `partial` leaves out.
pub fn roll_up(
    rel: &str,
    text: &str,
    card: &CheckedCard,
    rows: Vec<scorecard::data::Row>,
) -> (Vec<scorecard::data::Row>, Vec<scorecard::period::Source>) {
    if card.rollup.is_none() {
        return (rows, Vec::new());
    }
    let rolled = scorecard::period::roll_up(card, &rows)
        .unwrap_or_else(|e| panic!("{rel}: cannot roll up: {e}"));
    assert!(
        rolled.errors.is_empty() && rolled.warnings.is_empty(),
        "{rel}: the months should roll up cleanly, but: {:?} {:?}",
        rolled.errors,
        rolled.warnings
    );
    let mut skipped: Vec<String> = rolled
        .skipped
        .iter()
        .map(|s| format!("{}@{}", s.employee.id, period_of(&s.employee)))
        .collect();
    let mut declared: Vec<String> = comment_values(text, "skipped")
        .map(|(_, id)| id.to_string())
        .collect();
    skipped.sort();
    declared.sort();
    assert_eq!(
        skipped, declared,
        "{rel}: the periods left out by `partial` differ from the `# skipped:` lines"
    );
    (rolled.rows, rolled.sources)
}

fn period_of(employee: &scorecard::data::Employee) -> String {
    employee.period.map(|p| p.to_string()).unwrap_or_default()
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
        return Some(Actual::Text(card.name.clone()));
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
    if let Some(i) = card.group.ranks.iter().position(|x| x.name == rank_name) {
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
        let found = scenario.groups.iter().find_map(|g| {
            let at = g.results.iter().position(|r| {
                r.employee.id == id
                    && period.is_none_or(|p| r.employee.period.is_some_and(|q| q.to_string() == p))
            })?;
            let rank = scorecard::report::ranks(&g.results)[at];
            Some((&g.card, &g.results[at], rank))
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
/// data file's order (each row by its own card).
fn explain(scenario: &Scenario) -> String {
    let mut texts: Vec<(usize, String)> = scenario
        .groups
        .iter()
        .flat_map(|g| {
            g.results
                .iter()
                .zip(&g.rows)
                .enumerate()
                .map(|(i, (result, row))| {
                    // A rolled-up row is headed by the months it came from.
                    let notes = g
                        .sources
                        .get(i)
                        .map(|source| source.describe(&g.card))
                        .unwrap_or_default();
                    let text =
                        scorecard::report::explain_with_notes(&g.card, result, &row.values, &notes);
                    (row.line, text)
                })
        })
        .collect();
    texts.sort_by_key(|(line, _)| *line);
    texts
        .into_iter()
        .map(|(_, text)| text)
        .collect::<Vec<_>>()
        .join("\n────────\n\n")
}
