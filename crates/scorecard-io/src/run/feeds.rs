//! Inputs fed by another card's result for the same employee: a step of
//! the manifest feeding a later one (the appraisal total into the pay), or
//! a one-off `--from INPUT=CARD:KEY,DATA` that scores another card (or
//! rules directory) on other data first.
//!
//! Never a guess: an employee with no result there, a value outside the
//! input's range, or data that also gives the input's column is a problem
//! for that row.

use super::problems::Problem;
use super::rules::Scoring;
use super::{CardRun, DataInput, Options, Plan, Request, RulesSpec, Stop};
use crate::check::CheckedCard;
use crate::data::Row;
use crate::link::Link;
use crate::period::Period;
use crate::t;
use crate::value::{format_value, Value};
use std::collections::HashMap;
use std::sync::Arc;

/// Values by employee (and period), from one card's or step's results.
#[derive(Debug, Clone, Default)]
pub(crate) struct Values {
    by_id: HashMap<String, Vec<(Option<Period>, Value)>>,
}

impl Values {
    /// `key` of every result of `runs`.
    pub fn of(runs: &[&CardRun], key: &str) -> Values {
        let mut values = Values::default();
        for run in runs {
            for result in &run.results {
                if let Some((value, _)) = result.value_of(&run.card, key) {
                    values
                        .by_id
                        .entry(result.employee.id.clone())
                        .or_default()
                        .push((result.employee.period, value));
                }
            }
        }
        values
    }

    /// The value for an employee's row of `period`: the result of that
    /// period, or the only result when one side has no period.
    fn get(&self, id: &str, period: Option<Period>) -> Option<&Value> {
        let all = self.by_id.get(id)?;
        if let Some((_, v)) = all.iter().find(|(p, _)| *p == period) {
            return Some(v);
        }
        match all.as_slice() {
            [(p, v)] if p.is_none() || period.is_none() => Some(v),
            _ => None,
        }
    }
}

/// An input fed, and from where.
pub(crate) struct Feed<'v> {
    /// Index into the fed card's inputs.
    pub input: usize,
    pub values: &'v Values,
    /// `--from 月度考核分数=…` or `step 考核's total`: for messages.
    pub source: String,
    /// `rules/callback_specialist.card` on `s1.csv`: where a missing result was looked for.
    pub looked_in: String,
}

/// Fills each fed input of each row. Rows that cannot be fed are taken out,
/// each problem told at its row.
pub(crate) fn apply(
    card: &CheckedCard,
    rows: &mut Vec<Row>,
    feeds: &[Feed],
    file: &Arc<str>,
    problems: &mut Vec<Problem>,
) {
    if feeds.is_empty() {
        return;
    }
    rows.retain_mut(|row| {
        let mut ok = true;
        for feed in feeds {
            let input = &card.inputs()[feed.input];
            let mut problem = |message: String| {
                problems.push(Problem::Feed {
                    file: file.clone(),
                    line: row.line,
                    id: row.employee.id.clone(),
                    message,
                });
            };
            if row.values[feed.input] != Value::Missing {
                problem(t!(
                    "run-feed-and-column",
                    input = &input.name,
                    source = &feed.source
                ));
                ok = false;
                continue;
            }
            let Some(value) = feed.values.get(&row.employee.id, row.employee.period) else {
                problem(t!(
                    "run-feed-no-result",
                    looked_in = &feed.looked_in,
                    input = &input.name
                ));
                ok = false;
                continue;
            };
            if let (Some((low, high)), Value::Num(n)) = (input.range, value) {
                if *n < low || *n > high {
                    let ty = input.ty.value_type();
                    problem(t!(
                        "run-feed-out-of-range",
                        looked_in = &feed.looked_in,
                        input = &input.name,
                        value = format_value(value, ty),
                        low = format_value(&Value::Num(low), ty),
                        high = format_value(&Value::Num(high), ty)
                    ));
                    ok = false;
                    continue;
                }
            }
            row.values[feed.input] = value.clone();
        }
        ok
    });
}

/// A `--from` link, its card scored on its data.
pub(crate) struct LinkFeed {
    pub link: Link,
    pub values: Values,
}

impl LinkFeed {
    /// The feed into `card`, if the card has the link's input.
    pub fn feed_for<'v>(&'v self, card: &CheckedCard) -> Option<Feed<'v>> {
        Some(Feed {
            input: card.input_index(&self.link.input)?,
            values: &self.values,
            source: format!("--from {}", self.link),
            looked_in: t!(
                "run-feed-scored-by",
                data = self.link.data.to_string(),
                card = self.link.card.to_string()
            ),
        })
    }
}

/// Parses and resolves every `--from`: each scores its card (or rules
/// directory) on its data first, once. Every card the run may score that
/// has the input must take the link's kind of value, and some card must
/// have it.
pub(crate) fn resolve_links(
    from: &[String],
    scoring: &Scoring,
    options: &Options,
) -> Result<Vec<LinkFeed>, Stop> {
    let mut feeds = Vec::new();
    for text in from {
        let usage = |message: String| Stop::Usage(format!("--from {text}: {message}"));
        let link: Link = text
            .parse()
            .map_err(|bad: crate::link::BadLink| usage(bad.to_string()))?;
        let takers: Vec<&Arc<CheckedCard>> = scoring
            .cards()
            .iter()
            .filter(|c| c.input_index(&link.input).is_some())
            .collect();
        let Some(first) = scoring.cards().first() else {
            continue;
        };
        if takers.is_empty() {
            return Err(usage(t!(
                "run-link-not-input",
                input = &link.input,
                card = &first.source().name
            )));
        }
        if scoring.directory_ref().is_none() && takers.len() < scoring.cards().len() {
            let lacking = scoring
                .cards()
                .iter()
                .find(|c| c.input_index(&link.input).is_none())
                .map(|c| c.source().name.clone())
                .unwrap_or_default();
            return Err(usage(t!(
                "run-link-not-input",
                input = &link.input,
                card = lacking
            )));
        }
        let want = takers[0].inputs()[takers[0].input_index(&link.input).unwrap_or_default()]
            .ty
            .value_type();
        for card in &takers[1..] {
            let have = card.inputs()[card.input_index(&link.input).unwrap_or_default()]
                .ty
                .value_type();
            if have != want {
                return Err(usage(t!(
                    "run-link-types-differ",
                    input = &link.input,
                    want = want.to_string(),
                    first = &takers[0].source().name,
                    have = have.to_string(),
                    card = &card.source().name
                )));
            }
        }
        let spec = RulesSpec::from_args(std::slice::from_ref(&link.card), &mut || {
            Err(t!("run-link-stdin"))
        })?;
        let upstream = Scoring::load(&spec).map_err(|stop| match stop {
            Stop::Cards(d) => Stop::Data(t!(
                "run-link-does-not-check",
                link = text,
                card = link.card.to_string(),
                problems = crate::diagnostic::render::human_all(&d, false)
            )),
            other => other,
        })?;
        let bare = link.key.rsplit('.').next().unwrap_or(&link.key).to_string();
        for card in upstream.cards() {
            if upstream.directory_ref().is_some() && card.key_type(&bare).is_none() {
                continue; // another step's card, checked by the run below
            }
            match card.key_type(&bare) {
                None => {
                    return Err(usage(t!(
                        "run-link-no-key",
                        card = &card.source().name,
                        key = &link.key
                    )))
                }
                Some(ty) if ty != want => {
                    return Err(usage(t!(
                        "run-link-key-type",
                        key = &link.key,
                        card = &card.source().name,
                        ty = ty.to_string(),
                        input = &link.input,
                        want = want.to_string()
                    )))
                }
                Some(_) => {}
            }
        }
        // From a rules directory, one step's results feed: `STEP.KEY`, or
        // the first step (the appraisal) for a bare key.
        let (steps, key) = match upstream.directory_ref() {
            Some(d) => {
                let steps = &d.manifest().steps;
                match link.key.split_once('.') {
                    Some((step, key)) if steps.iter().any(|s| s == step) => {
                        (vec![step.to_string()], key.to_string())
                    }
                    _ => (steps.iter().take(1).cloned().collect(), link.key.clone()),
                }
            }
            None => (Vec::new(), link.key.clone()),
        };
        let request = Request {
            rules: spec,
            data: vec![DataInput::path(&link.data)],
            from: Vec::new(),
            options: Options {
                role: upstream.directory_ref().and(options.role.clone()),
                rollup: options.rollup && upstream.cards().iter().all(|c| c.rollup().is_some()),
                steps,
                ..Options::default()
            },
        };
        let plan = Plan::with_scoring(upstream, request)?;
        let outcome = plan.results();
        if !outcome.problems.is_empty() {
            let problems: Vec<String> = outcome.problems.iter().map(|p| p.to_string()).collect();
            return Err(Stop::Data(t!(
                "run-link-problems",
                link = text,
                input = &link.input,
                problems = problems.join("\n")
            )));
        }
        let runs: Vec<&CardRun> = outcome.runs.iter().collect();
        let values = Values::of(&runs, &key);
        feeds.push(LinkFeed { link, values });
    }
    Ok(feeds)
}
