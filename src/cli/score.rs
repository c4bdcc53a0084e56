//! Shared by `eval` and `explain`: load a card and a data file, score every
//! row, and report bad rows the same way.
//!
//! Policy: by default any bad row (a data error or a failed evaluation) means
//! no results and exit code 1 — a payroll with people missing is worse than
//! none. With `--keep-going` the good rows are scored and shown, the bad ones
//! are listed on stderr, and the exit code is still 1.

use super::{load, progress, routes, Exit};
use scorecard::data::{self, DataFormat, DataSet, OpenOptions, Row};
use scorecard::eval::RowFailure;
use scorecard::link;
use scorecard::value::Value;
use scorecard::{CheckedCard, ScoreResult};
use std::path::Path;

#[derive(Debug, clap::Args)]
pub struct DataArgs {
    /// The card file; or a rules directory (or its scorecard.toml), which picks each row's card by its role, brand and store
    pub card: String,
    /// The data file: .csv, .xlsx, .json, .jsonl or .toml (`-` reads stdin; give --input-format)
    pub data: String,
    /// The data's format when it cannot be told from the file name
    #[arg(long, value_parser = ["csv", "xlsx", "json", "jsonl", "toml"])]
    pub input_format: Option<String>,
    /// The worksheet to read from an Excel workbook (default: the first)
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Score the good rows even when some rows are bad (the exit code is still 1)
    #[arg(long)]
    pub keep_going: bool,
    /// Feed an input from another card's results, joined by employee id:
    /// INPUT=CARD:KEY,DATA (KEY is total, or an item, section, band or output)
    #[arg(long, value_name = "INPUT=CARD:KEY,DATA")]
    pub from: Vec<String>,
    /// With a rules directory: the role of rows that have no 岗位 (role) column, or a blank one
    #[arg(long)]
    pub role: Option<String>,
}

pub struct Scored {
    pub card: CheckedCard,
    pub rows: Vec<Row>,
    pub results: Vec<ScoreResult>,
    /// What to exit with after the results are shown.
    pub exit: Exit,
}

/// Loads, reads and scores, with one card or with a rules directory; `Err`
/// means stop now with that exit code.
pub fn run_batch(args: &DataArgs) -> Result<Batch, Exit> {
    if let Some(manifest) = routes::manifest_path(&args.card) {
        return routes::run(args, &manifest);
    }
    if args.role.is_some() {
        eprintln!(
            "error: --role picks cards from a rules directory; `{}` is a card",
            args.card
        );
        return Err(Exit::CardError);
    }
    let scored = run(args)?;
    let exit = scored.exit;
    Ok(Batch {
        groups: vec![scored],
        exit,
        routed: false,
    })
}

/// The results of one run: one card's, or one per card a rules manifest chose.
pub struct Batch {
    pub groups: Vec<Scored>,
    /// What to exit with after the results are shown.
    pub exit: Exit,
    /// Whether a manifest chose the cards (even if only one was used).
    pub routed: bool,
}

/// Loads, reads and scores; `Err` means stop now with that exit code.
pub fn run(args: &DataArgs) -> Result<Scored, Exit> {
    let checked = load::card(&args.card)?;
    let card = checked.card;
    let feeds = feeds(&card, &args.from)?;
    let mut set = read(&link::reading_card(&card, &feeds), args)?;
    for warning in &set.warnings {
        eprintln!("warning: {warning}");
    }
    for error in &set.errors {
        eprintln!("error: {error}");
    }
    let unfed = link::apply(&card, &mut set.rows, &feeds, &args.data);
    for problem in &unfed {
        eprintln!("error: {problem}");
    }
    let (results, failures) = evaluate(&card, &set.rows);
    for failure in &failures {
        eprintln!("error: {}", describe(&card, &args.data, failure));
    }
    let mut bad_lines: Vec<Option<usize>> =
        set.errors.iter().map(|e| e.location.number()).collect();
    bad_lines.extend(failures.iter().map(|f| Some(f.line)));
    bad_lines.extend(unfed.iter().map(|_| None));
    let exit = verdict(
        args,
        set.errors.len() + unfed.len() + failures.len(),
        bad_lines,
        results.len(),
    )?;
    Ok(Scored {
        card,
        rows: set.rows,
        results,
        exit,
    })
}

/// What bad rows mean: by default nothing is scored (exit 1); with
/// `--keep-going` the good rows are, and the exit code is still 1.
/// `bad` counts problems, `bad_lines` the rows they are on.
pub(super) fn verdict(
    args: &DataArgs,
    bad: usize,
    mut bad_lines: Vec<Option<usize>>,
    scored: usize,
) -> Result<Exit, Exit> {
    if bad == 0 {
        return Ok(Exit::Ok);
    }
    if !args.keep_going {
        eprintln!(
            "error: {bad} problem{} in {}; nothing was scored. Fix them, or pass --keep-going to score the other rows.",
            if bad == 1 { "" } else { "s" },
            args.data
        );
        return Err(Exit::DataError);
    }
    bad_lines.sort_unstable();
    bad_lines.dedup();
    eprintln!(
        "warning: {} bad row(s) left out; {scored} row(s) scored",
        bad_lines.len()
    );
    Ok(Exit::DataError)
}

/// Scores every row, in chunks so a large file can show its progress.
fn evaluate(card: &CheckedCard, rows: &[Row]) -> (Vec<ScoreResult>, Vec<RowFailure>) {
    let bar = progress::bar(rows.len(), "scoring");
    let mut results = Vec::with_capacity(rows.len());
    let mut failures = Vec::new();
    for chunk in rows.chunks(1024) {
        let (r, f) = scorecard::eval::evaluate_all(card, chunk);
        results.extend(r);
        failures.extend(f);
        bar.inc(chunk.len() as u64);
    }
    bar.finish_and_clear();
    (results, failures)
}

impl Scored {
    /// The input values a result was scored from.
    pub fn inputs_of(&self, result: &ScoreResult) -> &[Value] {
        self.rows
            .iter()
            .find(|row| row.line == result.line)
            .map_or(&[], |row| row.values.as_slice())
    }

    /// Every result's input values, in the results' order. Results come from
    /// the rows in order (less any that failed), so one walk pairs them.
    pub fn inputs_all(&self) -> Vec<&[Value]> {
        let mut rows = self.rows.iter();
        self.results
            .iter()
            .map(|result| {
                rows.by_ref()
                    .find(|row| row.line == result.line)
                    .map_or(&[][..], |row| row.values.as_slice())
            })
            .collect()
    }
}

/// Resolves every `--from`: each scores its own card and data first.
fn feeds(card: &CheckedCard, from: &[String]) -> Result<Vec<link::Feed>, Exit> {
    let mut feeds = Vec::new();
    for text in from {
        let resolved = text
            .parse::<link::Link>()
            .and_then(|l| link::resolve(card, &l));
        match resolved {
            Ok(feed) => feeds.push(feed),
            Err(message) => {
                eprintln!("error: --from {text}: {message}");
                return Err(Exit::DataError);
            }
        }
    }
    Ok(feeds)
}

pub(super) fn read(card: &CheckedCard, args: &DataArgs) -> Result<DataSet, Exit> {
    let format = args.input_format.as_deref().and_then(DataFormat::from_name);
    let path = Path::new(&args.data);
    let effective = format.or_else(|| DataFormat::from_path(path));
    if args.sheet.is_some() && effective.is_some_and(|f| f != DataFormat::Xlsx) {
        eprintln!("error: --sheet only applies to an Excel workbook (.xlsx)");
        return Err(Exit::CardError);
    }
    let options = OpenOptions::default().with_sheet(args.sheet.clone());
    if args.data == "-" {
        let Some(format) = format else {
            eprintln!(
                "error: reading data from stdin needs --input-format csv|xlsx|json|jsonl|toml"
            );
            return Err(Exit::CardError);
        };
        return Ok(data::read_from_with(
            card,
            std::io::stdin().lock(),
            format,
            "<stdin>",
            &options,
        ));
    }
    Ok(match format {
        Some(format) => match std::fs::File::open(path) {
            Ok(file) => data::read_from_with(card, file, format, &args.data, &options),
            Err(e) => {
                eprintln!("error: cannot read `{}`: {e}", args.data);
                return Err(Exit::DataError);
            }
        },
        None => data::read_path_with(card, path, &options),
    })
}

/// `data.csv:5 (E003 张三): division by zero, in rules/x.card:12:5 `解决 / 受理``
pub(super) fn describe(card: &CheckedCard, data: &str, failure: &RowFailure) -> String {
    let who = match &failure.employee.name {
        Some(name) => format!("{} {name}", failure.employee.id),
        None => failure.employee.id.clone(),
    };
    let mut text = format!("{data}:{} ({who}): {}", failure.line, failure.error.message);
    if let Some(span) = failure.error.span {
        // A card that extends another: the rule may be in a base card.
        let (file, _) = card.source.locate(span.start);
        let (line, column) = card.source.line_col(span.start);
        let rule = card.source.slice(span).lines().next().unwrap_or("");
        text.push_str(&format!(", in {}:{line}:{column} `{rule}`", file.name));
    }
    text
}
