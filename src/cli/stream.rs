//! `eval --format csv` of a CSV file by a card whose rows score one by one:
//! streamed through `scorecard::stream`, so memory stays flat however many
//! rows the file has. A card that ranks rows or rolls months up streams a
//! group at a time (`by_groups`), from a file only: stdin cannot be read
//! twice. Everything else goes the general way (`score`).
//!
//! What the user sees is the same either way: the same report, the same
//! messages, the same exit code, and by default nothing at all written when
//! any row is bad. The report is spooled to a temporary file as it is made
//! and kept (renamed over `--output`, or copied to stdout) only once the
//! run has decided.

use super::by_groups;
use super::eval::EvalArgs;
use super::output::Spool;
use super::score::{describe, print_problems, verdict, DataArgs};
use super::{load, progress, routes, Exit};
use scorecard::data::DataFormat;
use scorecard::period::PeriodKind;
use scorecard::stream::{score_csv, StreamError, StreamOptions};
use scorecard::CheckedCard;
use std::path::Path;

/// Runs `eval` streamed, or `None` when this run needs the general way.
pub fn try_run(args: &EvalArgs) -> Option<Exit> {
    let data = &args.data;
    let plain = args.format == "csv"
        && data.cards.len() == 1
        && data.cards[0] != "-"
        && data.from.is_empty()
        && data.role.is_none()
        && data.sheet.is_none()
        && routes::manifest_path(&data.cards[0]).is_none();
    let format = match &data.input_format {
        Some(name) => DataFormat::from_name(name),
        None => DataFormat::from_path(Path::new(&data.data)),
    };
    if !plain || format != Some(DataFormat::Csv) {
        return None;
    }
    // Checked quietly: a card with problems is reported by the general way.
    let card = quiet_card(&data.cards[0])?;
    if streams(&card.card) && !data.rollup {
        load::print_diagnostics(&card.warnings);
        return Some(run(args, &card.card));
    }
    let grouped = by_groups::scan(args, &card.card)?;
    load::print_diagnostics(&card.warnings);
    Some(by_groups::run(args, &grouped))
}

fn quiet_card(path: &str) -> Option<scorecard::Checked> {
    let text = load::read_text(path).ok()?;
    let source = scorecard::SourceFile::new(path, text);
    load::compile(&source, path).ok()
}

/// Rows that score one by one, by a card with no dates to choose a version
/// by and no period longer than the month a row may carry.
fn streams(card: &CheckedCard) -> bool {
    scorecard::stream::streamable(card).is_none()
        && card.stamp.effective.is_none()
        && !longer_period(card)
}

/// A card scored by quarter (half-year, year) rather than month: monthly
/// rows need `--rollup` first, which the general way checks.
pub(super) fn longer_period(card: &CheckedCard) -> bool {
    card.period
        .as_deref()
        .and_then(PeriodKind::from_card)
        .is_some_and(|kind| kind != PeriodKind::Month)
}

fn run(args: &EvalArgs, card: &CheckedCard) -> Exit {
    let data = &args.data;
    let mut spool = match Spool::new(args.output.as_deref(), false) {
        Ok(spool) => spool,
        Err(message) => {
            eprintln!("error: {message}");
            return Exit::DataError;
        }
    };
    let counter = progress::counter("scoring");
    let options = StreamOptions {
        bom: args.bom,
        ..StreamOptions::default()
    };
    let mut tick = |n: usize| counter.inc(n as u64);
    let found = if data.data == "-" {
        score_csv(
            card,
            std::io::stdin(),
            "<stdin>",
            spool.writer(),
            &options,
            &mut tick,
        )
    } else {
        match std::fs::File::open(&data.data) {
            Ok(file) => score_csv(card, file, &data.data, spool.writer(), &options, &mut tick),
            Err(e) => {
                eprintln!("error: cannot read `{}`: {e}", data.data);
                return Exit::DataError;
            }
        }
    };
    counter.finish_and_clear();
    let mut found = match found {
        Ok(found) => found,
        Err(error) => return failed(data, error),
    };
    for warning in &found.warnings {
        eprintln!("warning: {warning}");
    }
    let mut failures: Vec<(usize, String)> = found
        .failures
        .iter()
        .map(|f| (f.line, describe(card, &data.data, f)))
        .collect();
    print_problems(&mut found.errors, &[], &mut failures);
    let problems = found.errors.len() + found.failures.len();
    conclude(data, problems, found.bad_lines(), found.scored, spool)
}

/// The file could not be read, or the report not written.
pub(super) fn failed(data: &DataArgs, error: StreamError) -> Exit {
    match error {
        StreamError::Data(error) => {
            eprintln!("error: {error}");
            let _ = verdict(data, 1, vec![None], 0);
        }
        StreamError::Write(e) => eprintln!("error: cannot write the results: {e}"),
    }
    Exit::DataError
}

/// Decides the run by its problems, and keeps the report if it stands.
pub(super) fn conclude(
    data: &DataArgs,
    problems: usize,
    bad_lines: Vec<Option<usize>>,
    scored: usize,
    spool: Spool,
) -> Exit {
    match verdict(data, problems, bad_lines, scored) {
        Ok(exit) => match spool.commit() {
            Ok(()) => exit,
            Err(message) => {
                eprintln!("error: {message}");
                Exit::DataError
            }
        },
        Err(exit) => exit,
    }
}
