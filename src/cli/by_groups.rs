//! `eval --format csv` of a CSV file by a card that ranks rows or rolls
//! months up: streamed a group at a time (`scorecard::stream::ByGroups`),
//! with the same report, messages and exit code as the general way
//! (`score`), which reads every row first.

use super::output::Spool;
use super::score::{describe, print_problems, rolled_up, rollup_failures};
use super::score::{warn_if_groups_lost_rows, DataArgs};
use super::stream::{conclude, failed, longer_period};
use super::{eval::EvalArgs, progress, Exit};
use scorecard::stream::{streamable, ByGroups, GroupOptions};
use scorecard::CheckedCard;
use std::fs::File;

/// The file scanned, when this run can go by groups: a card with no dates
/// that ranks rows (scored by month), or rolls months up with `--rollup`;
/// a file, not stdin, that can be read. `None` leaves the run, and any
/// problem with the file, to the general way.
pub fn scan<'c>(args: &EvalArgs, card: &'c CheckedCard) -> Option<ByGroups<'c>> {
    let data = &args.data;
    let fits = match data.rollup {
        true => card.rollup.is_some(),
        false => streamable(card).is_some() && card.rollup.is_none() && !longer_period(card),
    };
    if !fits || card.stamp.effective.is_some() || data.data == "-" {
        return None;
    }
    let options = GroupOptions {
        bom: args.bom,
        rollup: data.rollup,
        chunk_rows: 0,
    };
    let file = File::open(&data.data).ok()?;
    ByGroups::scan(card, file, &data.data, options).ok()
}

pub fn run(args: &EvalArgs, grouped: &ByGroups) -> Exit {
    let data = &args.data;
    let mut first = match Spool::new(args.output.as_deref(), false) {
        Ok(spool) => Some(spool),
        Err(message) => {
            eprintln!("error: {message}");
            return Exit::DataError;
        }
    };
    // A second report is made only when the first guessed its columns wrong.
    let mut create = || match first.take() {
        Some(spool) => Ok(spool),
        None => Spool::new(args.output.as_deref(), false).map_err(std::io::Error::other),
    };
    let counter = progress::counter("scoring");
    let scored = grouped.score(
        &data.data,
        &mut || File::open(&data.data),
        &mut create,
        &mut |n| counter.inc(n as u64),
    );
    counter.finish_and_clear();
    match scored {
        Ok((found, spool)) => tell(data, grouped.card(), found, spool),
        Err(error) => failed(data, error),
    }
}

/// Says what the run found, in the general way's order, and decides it.
fn tell(
    data: &DataArgs,
    card: &CheckedCard,
    found: scorecard::stream::StreamedGroups,
    spool: Spool,
) -> Exit {
    let mut found_rows = found.found;
    for warning in &found_rows.warnings {
        eprintln!("warning: {warning}");
    }
    let mut failures = Vec::new();
    let mut bad_lines = found_rows.bad_lines();
    if let Some(rolled) = found.rolled {
        let rolled = match rolled_up(rolled, &data.data) {
            Ok(rolled) => rolled,
            Err(exit) => return exit,
        };
        failures.extend(rollup_failures(&rolled.errors, &data.data));
        bad_lines.extend(failures.iter().map(|(line, _)| Some(*line)));
    }
    failures.extend(
        found_rows
            .failures
            .iter()
            .map(|f| (f.line, describe(card, &data.data, f))),
    );
    warn_if_groups_lost_rows(card, !found_rows.failures.is_empty());
    print_problems(&mut found_rows.errors, &[], &mut failures);
    let problems = found_rows.errors.len() + failures.len();
    conclude(data, problems, bad_lines, found_rows.scored, spool)
}
