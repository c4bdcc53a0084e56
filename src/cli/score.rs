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
use scorecard::period::{PeriodKind, RollUp, Source};
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
    // A card that rolls up reads monthly data (its recomputed rates need no
    // column); without --rollup that is only to say the data needs it.
    let read_against = if card.rollup.is_some() {
        scorecard::period::monthly_view(&card)
    } else {
        card.clone()
    };
    let set = read(&read_against, args)?;
    for warning in &set.warnings {
        eprintln!("warning: {warning}");
    }
    for error in &set.errors {
        eprintln!("error: {error}");
    }
    if !args.rollup {
        refuse_monthly_rows(&card, &set.rows, &args.data)?;
    }
    let blank_rates = if args.rollup {
        0
    } else {
        require_rates(&card, &set.rows, &args.data)
    };
    let mut bad = set.errors.len() + blank_rates;
    let mut bad_months: Vec<usize> = Vec::new();
    let (rows, sources) = if args.rollup {
        let rolled = rollup(&card, &set.rows, &args.data)?;
        bad += rolled.errors.len();
        bad_months = rolled.errors.iter().flat_map(|e| e.lines.clone()).collect();
        (rolled.rows, rolled.sources)
    } else {
        (set.rows, Vec::new())
    };
    let (results, failures) = scorecard::eval::evaluate_all(&card, &rows);
    for failure in &failures {
        eprintln!("error: {}", describe(&card, &args.data, failure));
    }
    bad += failures.len();
    if bad == 0 {
        return Ok(Scored {
            card,
            rows,
            sources,
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
    bad_lines.extend(bad_months.into_iter().map(Some));
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
        rows,
        sources,
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
