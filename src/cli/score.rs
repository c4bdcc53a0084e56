//! Shared by `eval` and `explain`: load a card (several versions of one, or a
//! rules directory), read a data file, score every row, and report bad rows
//! the same way.
//!
//! Policy: by default any bad row (a data error or a failed evaluation) means
//! no results and exit code 1 — a payroll with people missing is worse than
//! none. With `--keep-going` the good rows are scored and shown, the bad ones
//! are listed on stderr, and the exit code is still 1.
//!
//! A run gives a [`Batch`] of [`Group`]s, each one card (one version of it)
//! with the rows it read and the results it gave:
//!
//! * one card: one group;
//! * several versions of a card: each row is scored by the version in force
//!   for its period (`scorecard::version`), read against that version's
//!   inputs only; one group per version that has rows, oldest first;
//! * a rules directory: each row is scored by the card its role, brand and
//!   store pick (`routes`); one group per card that has rows.

use super::{load, progress, routes, Exit};
use scorecard::data::{self, DataError, DataFormat, DataSet, OpenOptions, RecordSource, Row};
use scorecard::eval::RowFailure;
use scorecard::link;
use scorecard::period::{CannotRollUp, PeriodKind, RollUp, RollupError, Source};
use scorecard::value::Value;
use scorecard::version::Versions;
use scorecard::{CheckedCard, ScoreResult};
use std::path::Path;

#[derive(Debug, clap::Args)]
pub struct DataArgs {
    /// The card file; or several versions of one card, each row then being
    /// scored by the version in force for its period (a 期间/period column);
    /// or a rules directory (or its scorecard.toml), which picks each row's
    /// card by its role, brand and store
    #[arg(required = true, num_args = 1.., value_name = "CARD")]
    pub cards: Vec<String>,
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

/// The rows one card (one version of it) scored.
pub struct Group {
    pub card: CheckedCard,
    pub rows: Vec<Row>,
    /// With `--rollup`: the months each row came from, parallel to `rows`.
    pub sources: Vec<Source>,
    pub results: Vec<ScoreResult>,
}

/// The results of one run: one group per card, or per version of a card,
/// that has rows (always one for a single card).
pub struct Batch {
    pub groups: Vec<Group>,
    /// What to exit with after the results are shown.
    pub exit: Exit,
    /// Whether a manifest chose the cards (even if only one was used).
    pub routed: bool,
}

/// Loads, reads and scores, with one card, several versions of one, or a
/// rules directory; `Err` means stop now with that exit code.
pub fn run_batch(args: &DataArgs) -> Result<Batch, Exit> {
    if let Some(manifest) = args.cards.iter().find_map(|c| routes::manifest_path(c)) {
        if args.cards.len() > 1 {
            eprintln!(
                "error: a rules directory picks each row's card itself; give it alone, not with other cards ({})",
                args.cards.join(", ")
            );
            return Err(Exit::CardError);
        }
        if !args.from.is_empty() {
            eprintln!(
                "error: --from feeds one card's input; it cannot be used with a rules directory"
            );
            return Err(Exit::CardError);
        }
        return routes::run(args, &manifest);
    }
    if args.role.is_some() {
        eprintln!(
            "error: --role picks cards from a rules directory; `{}` is a card",
            args.cards.join(" ")
        );
        return Err(Exit::CardError);
    }
    run(args)
}

/// One card, or several versions of one.
fn run(args: &DataArgs) -> Result<Batch, Exit> {
    let mut cards = Vec::new();
    for path in &args.cards {
        cards.push(load::card(path).map(|checked| checked.card));
    }
    let cards = cards.into_iter().collect::<Result<Vec<_>, _>>()?;
    let versions = Versions::new(cards).map_err(|diagnostics| {
        load::print_diagnostics(&diagnostics);
        Exit::CardError
    })?;
    if args.rollup {
        if let Some(card) = versions.cards().iter().find(|c| c.rollup.is_none()) {
            eprintln!(
                "error: --rollup needs a card that rolls months up, and {} does not\n  help: declare `period quarterly`, a `partial` rule and how each input adds up (`rollup sum`, `rollup ratio(解决数, 受理数)` …); see the README's Periods",
                card.source.name
            );
            return Err(Exit::CardError);
        }
    }
    let feeds = feeds(versions.cards(), &args.from)?;
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
        let feeds = feeds.into_iter().next().unwrap_or_default();
        let set = data::read(&link::reading_card(&monthly_view(&card), &feeds), source);
        return finish(args, vec![(card, feeds, set)], Vec::new());
    }
    let split = versions.split(source);
    for warning in &split.warnings {
        eprintln!("warning: {warning}");
    }
    let mut reads = Vec::new();
    let parts = split.parts.into_iter().zip(split.counts).zip(feeds);
    for (card, ((part, count), feeds)) in versions.into_cards().into_iter().zip(parts) {
        // A version no row falls under is not read, so its columns are not required.
        if count > 0 || single {
            let set = data::read(&link::reading_card(&monthly_view(&card), &feeds), part);
            reads.push((card, feeds, set));
        }
    }
    finish(args, reads, split.errors)
}

/// Feeds what `--from` gives, scores what each version read, reports every
/// problem, and decides the exit.
fn finish(
    args: &DataArgs,
    reads: Vec<(CheckedCard, Vec<link::Feed>, DataSet)>,
    mut errors: Vec<DataError>,
) -> Result<Batch, Exit> {
    let mut unfed = Vec::new();
    let mut failures: Vec<(usize, String)> = Vec::new();
    let mut groups = Vec::new();
    for (card, feeds, mut set) in reads {
        for warning in &set.warnings {
            eprintln!("warning: {warning}");
        }
        errors.append(&mut set.errors);
        unfed.extend(link::apply(&card, &mut set.rows, &feeds, &args.data));
        let (rows, sources) = if args.rollup {
            let rolled = rolled_up(scorecard::period::roll_up(&card, &set.rows), &args.data)?;
            failures.extend(rollup_failures(&rolled.errors, &args.data));
            (rolled.rows, rolled.sources)
        } else {
            refuse_monthly_rows(&card, &set.rows, &args.data)?;
            for (line, problem) in require_rates(&card, &set.rows, &args.data) {
                failures.push((line, problem));
            }
            (set.rows, Vec::new())
        };
        let (results, failed) = evaluate(&card, &rows);
        failures.extend(
            failed
                .iter()
                .map(|f| (f.line, describe(&card, &args.data, f))),
        );
        warn_if_groups_lost_rows(&card, !failed.is_empty());
        groups.push(Group {
            card,
            rows,
            sources,
            results,
        });
    }
    print_problems(&mut errors, &unfed, &mut failures);
    let mut bad_lines: Vec<Option<usize>> = errors.iter().map(|e| e.location.number()).collect();
    bad_lines.extend(failures.iter().map(|(line, _)| Some(*line)));
    bad_lines.extend(unfed.iter().map(|_| None));
    let scored = groups.iter().map(|g| g.results.len()).sum();
    let exit = verdict(
        args,
        errors.len() + unfed.len() + failures.len(),
        bad_lines,
        scored,
    )?;
    Ok(Batch {
        groups,
        exit,
        routed: false,
    })
}

/// Prints every problem on stderr: data errors by line (stably, so one
/// row's problems keep their order), inputs `--from` could not feed, then
/// rows that failed to score, by line.
pub(super) fn print_problems(
    errors: &mut [DataError],
    unfed: &[String],
    failures: &mut [(usize, String)],
) {
    errors.sort_by_key(|e| e.location.number());
    for error in errors.iter() {
        eprintln!("error: {error}");
    }
    for problem in unfed {
        eprintln!("error: {problem}");
    }
    failures.sort();
    for (_, failure) in failures.iter() {
        eprintln!("error: {failure}");
    }
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
pub(super) fn evaluate(card: &CheckedCard, rows: &[Row]) -> (Vec<ScoreResult>, Vec<RowFailure>) {
    let bar = progress::bar(rows.len(), "scoring");
    let out = scorecard::eval::evaluate_all_with(card, rows, true, &mut |n| bar.inc(n as u64));
    bar.finish_and_clear();
    out
}

impl Group {
    /// For a rolled-up result: the months it came from, in words.
    pub fn notes_of(&self, result: &ScoreResult) -> Vec<String> {
        self.rows
            .iter()
            .position(|row| row.line == result.line)
            .and_then(|i| self.sources.get(i))
            .map(|source| source.describe(&self.card))
            .unwrap_or_default()
    }

    /// The input values a result was scored from.
    pub fn inputs_of(&self, result: &ScoreResult) -> &[Value] {
        // Rows read from a file come in line order; rolled-up rows may not.
        let at = self
            .rows
            .binary_search_by_key(&result.line, |row| row.line)
            .ok()
            .or_else(|| self.rows.iter().position(|row| row.line == result.line));
        at.map_or(&[], |i| self.rows[i].values.as_slice())
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

/// Resolves every `--from` (each scores its own card and data first, once),
/// and binds it to each version's input of that name: one list per version.
fn feeds(cards: &[CheckedCard], from: &[String]) -> Result<Vec<Vec<link::Feed>>, Exit> {
    let mut per_card: Vec<Vec<link::Feed>> = vec![Vec::new(); cards.len()];
    let Some(first) = cards.first() else {
        return Ok(per_card);
    };
    for text in from {
        let resolved = text
            .parse::<link::Link>()
            .and_then(|l| link::resolve(first, &l))
            .and_then(|feed| {
                cards
                    .iter()
                    .map(|card| rebind(first, card, &feed))
                    .collect::<Result<Vec<_>, _>>()
            });
        match resolved {
            Ok(feeds) => {
                for (list, feed) in per_card.iter_mut().zip(feeds) {
                    list.push(feed);
                }
            }
            Err(message) => {
                eprintln!("error: --from {text}: {message}");
                return Err(Exit::DataError);
            }
        }
    }
    Ok(per_card)
}

/// `feed`, resolved against `first`, for another version of the card: the
/// input of the same name, which must take the same kind of value.
fn rebind(
    first: &CheckedCard,
    card: &CheckedCard,
    feed: &link::Feed,
) -> Result<link::Feed, String> {
    let name = &feed.link.input;
    let input = card
        .input_index(name)
        .ok_or_else(|| format!("`{name}` is not an input of {}", card.source.name))?;
    let (want, have) = (
        first.inputs[feed.input].ty.value_type(),
        card.inputs[input].ty.value_type(),
    );
    if want != have {
        return Err(format!(
            "input `{name}` takes {want} in {} but {have} in {}",
            first.source.name, card.source.name
        ));
    }
    Ok(link::Feed {
        input,
        ..feed.clone()
    })
}

/// The data as records; the outer `Err` is a usage problem, the inner one a file problem.
pub(super) fn open(args: &DataArgs) -> Result<Result<Box<dyn RecordSource>, DataError>, Exit> {
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
        return Ok(data::open_reader_with(
            std::io::stdin().lock(),
            format,
            "<stdin>",
            &options,
        ));
    }
    Ok(match format {
        Some(format) => match std::fs::File::open(path) {
            Ok(file) => data::open_reader_with(file, format, &args.data, &options),
            Err(e) => {
                eprintln!("error: cannot read `{}`: {e}", args.data);
                return Err(Exit::DataError);
            }
        },
        None => data::open_path_with(path, &options),
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

/// Ranks and grade limits compare the rows that scored: says so when some did not.
pub(super) fn warn_if_groups_lost_rows(card: &CheckedCard, failed: bool) {
    if !card.group.is_empty() && failed {
        eprintln!("warning: ranks and grade limits are over the scored rows only; the rows left out are not counted in any group");
    }
}

/// Each row that could not be rolled up, as a failure: its first line and
/// `data.csv:5,9 (E003): why`.
pub(super) fn rollup_failures<'e>(
    errors: &'e [RollupError],
    data: &'e str,
) -> impl Iterator<Item = (usize, String)> + 'e {
    errors.iter().map(move |e| {
        let lines: Vec<String> = e.lines.iter().map(|l| l.to_string()).collect();
        let first = e.lines.first().copied().unwrap_or_default();
        let text = format!(
            "{data}:{} ({}): {}",
            lines.join(","),
            e.employee.id,
            e.message
        );
        (first, text)
    })
}

/// A roll-up's outcome told: why nothing could be rolled up (an error), or
/// its warnings and the periods left out.
pub(super) fn rolled_up(rolled: Result<RollUp, CannotRollUp>, data: &str) -> Result<RollUp, Exit> {
    let rolled = rolled.map_err(|e| {
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
    Ok(rolled)
}

/// Without --rollup, a rate the card would recompute from monthly parts must
/// be in the data itself. Returns how many rows lack one.
fn require_rates(card: &CheckedCard, rows: &[Row], data: &str) -> Vec<(usize, String)> {
    let Some(plan) = &card.rollup else {
        return Vec::new();
    };
    let mut problems = Vec::new();
    for row in rows {
        let missing = plan.inputs.iter().enumerate().find(|(i, rule)| {
            matches!(rule.rule, scorecard::check::model::RollupRule::Ratio { .. })
                && row.values[*i] == Value::Missing
        });
        if let Some((i, _)) = missing {
            problems.push((
                row.line,
                format!(
                    "{data}:{}: no value for `{}`: without --rollup the data gives each period's rate itself",
                    row.line, card.inputs[i].name
                ),
            ));
        }
    }
    problems
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

/// A card that rolls months up reads monthly data: its recomputed rates need
/// no column of their own.
fn monthly_view(card: &CheckedCard) -> CheckedCard {
    match card.rollup {
        Some(_) => scorecard::period::monthly_view(card),
        None => card.clone(),
    }
}
