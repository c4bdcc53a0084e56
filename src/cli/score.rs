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
use scorecard::period::{PeriodKind, RollUp, Source};
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
    /// The data is monthly (a 月份 column): roll it up to the card's quarter, half-year or year first
    #[arg(long)]
    pub rollup: bool,
}

pub struct Scored {
    pub card: CheckedCard,
    pub rows: Vec<Row>,
    /// With `--rollup`: the months each row came from, parallel to `rows`.
    pub sources: Vec<Source>,
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
    if args.rollup && card.rollup.is_none() {
        eprintln!(
            "error: --rollup needs a card that rolls months up, and {} does not\n  help: declare `period quarterly`, a `partial` rule and how each input adds up (`rollup sum`, `rollup ratio(解决数, 受理数)` …); see the README's Periods",
            args.card
        );
        return Err(Exit::CardError);
    }
    let feeds = feeds(&card, &args.from)?;
    // A card that rolls up reads monthly data (its recomputed rates need no
    // column); without --rollup that is only to say the data needs it.
    let read_against = if card.rollup.is_some() {
        scorecard::period::monthly_view(&card)
    } else {
        card.clone()
    };
    let mut set = read(&link::reading_card(&read_against, &feeds), args)?;
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
    if !args.rollup {
        refuse_monthly_rows(&card, &set.rows, &args.data)?;
    }
    let blank_rates = if args.rollup {
        0
    } else {
        require_rates(&card, &set.rows, &args.data)
    };
    let mut bad = set.errors.len() + unfed.len() + blank_rates;
    let mut bad_months: Vec<usize> = Vec::new();
    let (rows, sources) = if args.rollup {
        let rolled = rollup(&card, &set.rows, &args.data)?;
        bad += rolled.errors.len();
        bad_months = rolled.errors.iter().flat_map(|e| e.lines.clone()).collect();
        (rolled.rows, rolled.sources)
    } else {
        (set.rows, Vec::new())
    };
    let (results, failures) = evaluate(&card, &rows);
    for failure in &failures {
        eprintln!("error: {}", describe(&card, &args.data, failure));
    }
    bad += failures.len();
    let mut bad_lines: Vec<Option<usize>> =
        set.errors.iter().map(|e| e.location.number()).collect();
    bad_lines.extend(failures.iter().map(|f| Some(f.line)));
    bad_lines.extend(unfed.iter().map(|_| None));
    bad_lines.extend(bad_months.into_iter().map(Some));
    let exit = verdict(args, bad, bad_lines, results.len())?;
    if exit != Exit::Ok && !card.group.is_empty() {
        eprintln!("warning: ranks and grade limits are over the scored rows only; the rows left out are not counted in any group");
    }
    Ok(Scored {
        card,
        rows,
        sources,
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

/// Scores every row (both stages), showing progress on a large file.
fn evaluate(card: &CheckedCard, rows: &[Row]) -> (Vec<ScoreResult>, Vec<RowFailure>) {
    let bar = progress::bar(rows.len(), "scoring");
    let out = scorecard::eval::evaluate_all_with(card, rows, &mut |n| bar.inc(n as u64));
    bar.finish_and_clear();
    out
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
    /// For a rolled-up result: the months it came from, in words.
    pub fn notes_of(&self, result: &ScoreResult) -> Vec<String> {
        self.rows
            .iter()
            .position(|row| row.line == result.line)
            .and_then(|i| self.sources.get(i))
            .map(|source| source.describe(&self.card))
            .unwrap_or_default()
    }
}

/// Rolls the months up, reporting what is left out and why.
fn rollup(card: &CheckedCard, rows: &[Row], data: &str) -> Result<RollUp, Exit> {
    let rolled = scorecard::period::roll_up(card, rows).map_err(|e| {
        eprintln!("error: {data}: {e}");
        Exit::DataError
    })?;
    for warning in &rolled.warnings {
        eprintln!("warning: {data}: {warning}");
    }
    for skipped in &rolled.skipped {
        let months: Vec<String> = skipped.months.iter().map(|m| m.to_string()).collect();
        eprintln!(
            "note: {} {} is not scored: {} month(s) ({}), and the card's `partial` rule asks for at least {}",
            skipped.employee.id,
            skipped.employee.period.map(|p| p.to_string()).unwrap_or_default(),
            skipped.months.len(),
            months.join(", "),
            skipped.minimum
        );
    }
    for error in &rolled.errors {
        let lines: Vec<String> = error.lines.iter().map(|l| l.to_string()).collect();
        eprintln!(
            "error: {data}:{} ({}): {}",
            lines.join(","),
            error.employee.id,
            error.message
        );
    }
    Ok(rolled)
}

/// Without --rollup, a rate the card would recompute from monthly parts must
/// be in the data itself. Returns how many rows lack one.
fn require_rates(card: &CheckedCard, rows: &[Row], data: &str) -> usize {
    let Some(plan) = &card.rollup else { return 0 };
    let mut bad = 0;
    for row in rows {
        for (i, rule) in plan.inputs.iter().enumerate() {
            if matches!(rule.rule, scorecard::check::model::RollupRule::Ratio { .. })
                && row.values[i] == Value::Missing
            {
                eprintln!(
                    "error: {data}:{}: no value for `{}`: without --rollup the data gives each period's rate itself",
                    row.line, card.inputs[i].name
                );
                bad += 1;
                break;
            }
        }
    }
    bad
}

/// Monthly rows scored one by one against a quarterly (or yearly) card would
/// score each month as if it were the whole period.
fn refuse_monthly_rows(card: &CheckedCard, rows: &[Row], data: &str) -> Result<(), Exit> {
    let card_kind = card.period.as_deref().and_then(PeriodKind::from_card);
    let Some(kind) = card_kind.filter(|k| *k != PeriodKind::Month) else {
        return Ok(());
    };
    let monthly = rows.iter().find(|r| {
        r.employee
            .period
            .is_some_and(|p| p.kind == PeriodKind::Month)
    });
    if let Some(row) = monthly {
        eprintln!(
            "error: {data}:{}: the rows are monthly, but the card is scored by {}\n  help: add --rollup to roll the months up by the card's rules first",
            row.line,
            kind.noun()
        );
        return Err(Exit::CardError);
    }
    Ok(())
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
