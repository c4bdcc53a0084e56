//! Shared by `eval` and `explain`: load a card (or several versions of one),
//! read a data file, score every row, and report bad rows the same way.
//!
//! Policy: by default any bad row (a data error or a failed evaluation) means
//! no results and exit code 1 — a payroll with people missing is worse than
//! none. With `--keep-going` the good rows are scored and shown, the bad ones
//! are listed on stderr, and the exit code is still 1.
//!
//! With several versions of a card, each row is scored by the version in
//! force for its period (`scorecard::version`); the rows are read against
//! that version's inputs only.

use super::{load, Exit};
use scorecard::data::{self, DataError, DataFormat, DataSet, RecordSource, Row};
use scorecard::eval::RowFailure;
use scorecard::value::Value;
use scorecard::version::Versions;
use scorecard::{CheckedCard, ScoreResult};
use std::path::Path;

#[derive(Debug, clap::Args)]
pub struct DataArgs {
    /// The card file; or several versions of one card, each row then being
    /// scored by the version in force for its period (a 期间/period column)
    #[arg(required = true, num_args = 1.., value_name = "CARD")]
    pub cards: Vec<String>,
    /// The data file: .csv, .json, .jsonl or .toml (`-` reads stdin; give --input-format)
    pub data: String,
    /// The data's format when it cannot be told from the file name
    #[arg(long, value_parser = ["csv", "json", "jsonl", "toml"])]
    pub input_format: Option<String>,
    /// Score the good rows even when some rows are bad (the exit code is still 1)
    #[arg(long)]
    pub keep_going: bool,
}

/// The rows one version of the card scored.
pub struct Group {
    pub card: CheckedCard,
    pub rows: Vec<Row>,
    pub results: Vec<ScoreResult>,
}

pub struct Scored {
    /// One group per version that has rows, oldest first (always one for a single card).
    pub groups: Vec<Group>,
    /// What to exit with after the results are shown.
    pub exit: Exit,
}

/// Loads, reads and scores; `Err` means stop now with that exit code.
pub fn run(args: &DataArgs) -> Result<Scored, Exit> {
    let mut cards = Vec::new();
    for path in &args.cards {
        cards.push(load::card(path).map(|checked| checked.card));
    }
    let cards = cards.into_iter().collect::<Result<Vec<_>, _>>()?;
    let versions = Versions::new(cards).map_err(|diagnostics| {
        load::print_diagnostics(&diagnostics);
        Exit::CardError
    })?;
    let source = match open(args)? {
        Ok(source) => source,
        // A file that cannot be opened is one problem, reported like any other.
        Err(error) => return finish(args, Vec::new(), vec![error]),
    };
    let single = versions.cards().len() == 1;
    if single && versions.cards()[0].stamp.effective.is_none() {
        // One card with no dates: nothing to choose or check, so the rows
        // stream straight from the file, with no copy of every record.
        let card = versions.into_cards().remove(0);
        let set = data::read(&card, source);
        return finish(args, vec![(card, set)], Vec::new());
    }
    let split = versions.split(source);
    for warning in &split.warnings {
        eprintln!("warning: {warning}");
    }
    let mut reads = Vec::new();
    let parts = split.parts.into_iter().zip(split.counts);
    for (card, (part, count)) in versions.into_cards().into_iter().zip(parts) {
        // A version no row falls under is not read, so its columns are not required.
        if count > 0 || single {
            let set = data::read(&card, part);
            reads.push((card, set));
        }
    }
    finish(args, reads, split.errors)
}

/// Scores what each version read, reports every problem, and decides the exit.
fn finish(
    args: &DataArgs,
    reads: Vec<(CheckedCard, DataSet)>,
    mut errors: Vec<DataError>,
) -> Result<Scored, Exit> {
    let mut failures: Vec<(usize, String)> = Vec::new();
    let mut groups = Vec::new();
    for (card, set) in reads {
        for warning in &set.warnings {
            eprintln!("warning: {warning}");
        }
        errors.extend(set.errors);
        let (results, failed) = scorecard::eval::evaluate_all(&card, &set.rows);
        failures.extend(
            failed
                .iter()
                .map(|f| (f.line, describe(&card, &args.data, f))),
        );
        groups.push(Group {
            card,
            rows: set.rows,
            results,
        });
    }
    errors.sort_by_key(|e| e.location);
    for error in &errors {
        eprintln!("error: {error}");
    }
    failures.sort();
    for (_, failure) in &failures {
        eprintln!("error: {failure}");
    }
    let bad = errors.len() + failures.len();
    if bad == 0 {
        return Ok(Scored {
            groups,
            exit: Exit::Ok,
        });
    }
    if !args.keep_going {
        eprintln!(
            "error: {bad} problem{} in {}; nothing was scored. Fix them, or pass --keep-going to score the other rows.",
            if bad == 1 { "" } else { "s" },
            args.data
        );
        return Err(Exit::DataError);
    }
    let mut bad_lines: Vec<Option<usize>> = errors.iter().map(|e| e.location.number()).collect();
    bad_lines.extend(failures.iter().map(|(line, _)| Some(*line)));
    bad_lines.sort_unstable();
    bad_lines.dedup();
    let scored: usize = groups.iter().map(|g| g.results.len()).sum();
    eprintln!(
        "warning: {} bad row(s) left out; {scored} row(s) scored",
        bad_lines.len(),
    );
    Ok(Scored {
        groups,
        exit: Exit::DataError,
    })
}

impl Group {
    /// The input values a result was scored from.
    pub fn inputs_of(&self, result: &ScoreResult) -> &[Value] {
        // Rows come in file order, so by line.
        self.rows
            .binary_search_by_key(&result.line, |row| row.line)
            .map_or(&[], |i| self.rows[i].values.as_slice())
    }
}

/// The data as records; the outer `Err` is a usage problem, the inner one a file problem.
fn open(args: &DataArgs) -> Result<Result<Box<dyn RecordSource>, DataError>, Exit> {
    let format = args.input_format.as_deref().and_then(DataFormat::from_name);
    if args.data == "-" {
        let Some(format) = format else {
            eprintln!("error: reading data from stdin needs --input-format csv|json|jsonl|toml");
            return Err(Exit::CardError);
        };
        return Ok(data::open_reader(
            std::io::stdin().lock(),
            format,
            "<stdin>",
        ));
    }
    let path = Path::new(&args.data);
    Ok(match format {
        Some(format) => match std::fs::File::open(path) {
            Ok(file) => data::open_reader(file, format, &args.data),
            Err(e) => {
                eprintln!("error: cannot read `{}`: {e}", args.data);
                return Err(Exit::DataError);
            }
        },
        None => data::open_path(path),
    })
}

/// `data.csv:5 (E003 张三): division by zero, in rules/x.card:12:5 `解决 / 受理``
fn describe(card: &CheckedCard, data: &str, failure: &RowFailure) -> String {
    let who = match &failure.employee.name {
        Some(name) => format!("{} {name}", failure.employee.id),
        None => failure.employee.id.clone(),
    };
    let mut text = format!("{data}:{} ({who}): {}", failure.line, failure.error.message);
    if let Some(span) = failure.error.span {
        let (line, column) = card.source.line_col(span.start);
        let rule = card.source.slice(span).lines().next().unwrap_or("");
        text.push_str(&format!(
            ", in {}:{line}:{column} `{rule}`",
            card.source.name
        ));
    }
    text
}
