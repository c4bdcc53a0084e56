//! Shared by `eval` and `explain`: load a card and a data file, score every
//! row, and report bad rows the same way.
//!
//! Policy: by default any bad row (a data error or a failed evaluation) means
//! no results and exit code 1 — a payroll with people missing is worse than
//! none. With `--keep-going` the good rows are scored and shown, the bad ones
//! are listed on stderr, and the exit code is still 1.

use super::{load, Exit};
use scorecard::data::{self, DataFormat, DataSet, Row};
use scorecard::eval::RowFailure;
use scorecard::value::Value;
use scorecard::{CheckedCard, ScoreResult};
use std::path::Path;

#[derive(Debug, clap::Args)]
pub struct DataArgs {
    /// The card file
    pub card: String,
    /// The data file: .csv, .json, .jsonl or .toml (`-` reads stdin; give --input-format)
    pub data: String,
    /// The data's format when it cannot be told from the file name
    #[arg(long, value_parser = ["csv", "json", "jsonl", "toml"])]
    pub input_format: Option<String>,
    /// Score the good rows even when some rows are bad (the exit code is still 1)
    #[arg(long)]
    pub keep_going: bool,
}

pub struct Scored {
    pub card: CheckedCard,
    pub rows: Vec<Row>,
    pub results: Vec<ScoreResult>,
    /// What to exit with after the results are shown.
    pub exit: Exit,
}

/// Loads, reads and scores; `Err` means stop now with that exit code.
pub fn run(args: &DataArgs) -> Result<Scored, Exit> {
    let checked = load::card(&args.card)?;
    let card = checked.card;
    let set = read(&card, args)?;
    for warning in &set.warnings {
        eprintln!("warning: {warning}");
    }
    for error in &set.errors {
        eprintln!("error: {error}");
    }
    let (results, failures) = scorecard::eval::evaluate_all(&card, &set.rows);
    for failure in &failures {
        eprintln!("error: {}", describe(&card, &args.data, failure));
    }
    let bad = set.errors.len() + failures.len();
    if bad == 0 {
        return Ok(Scored {
            card,
            rows: set.rows,
            results,
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
    let mut bad_lines: Vec<Option<usize>> =
        set.errors.iter().map(|e| e.location.number()).collect();
    bad_lines.extend(failures.iter().map(|f| Some(f.line)));
    bad_lines.sort_unstable();
    bad_lines.dedup();
    eprintln!(
        "warning: {} bad row(s) left out; {} row(s) scored",
        bad_lines.len(),
        results.len()
    );
    if !card.group.is_empty() {
        eprintln!("warning: ranks and grade limits are over the scored rows only; the rows left out are not counted in any group");
    }
    Ok(Scored {
        card,
        rows: set.rows,
        results,
        exit: Exit::DataError,
    })
}

impl Scored {
    /// The input values a result was scored from.
    pub fn inputs_of(&self, result: &ScoreResult) -> &[Value] {
        self.rows
            .iter()
            .find(|row| row.line == result.line)
            .map_or(&[], |row| row.values.as_slice())
    }
}

fn read(card: &CheckedCard, args: &DataArgs) -> Result<DataSet, Exit> {
    let format = args.input_format.as_deref().and_then(DataFormat::from_name);
    if args.data == "-" {
        let Some(format) = format else {
            eprintln!("error: reading data from stdin needs --input-format csv|json|jsonl|toml");
            return Err(Exit::CardError);
        };
        return Ok(data::read_from(
            card,
            std::io::stdin().lock(),
            format,
            "<stdin>",
        ));
    }
    let path = Path::new(&args.data);
    Ok(match format {
        Some(format) => match std::fs::File::open(path) {
            Ok(file) => data::read_from(card, file, format, &args.data),
            Err(e) => {
                eprintln!("error: cannot read `{}`: {e}", args.data);
                return Err(Exit::DataError);
            }
        },
        None => data::read_path(card, path),
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
