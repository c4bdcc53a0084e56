//! The three ways a plan scores its rows, and which one it takes.

use super::assign::{self, Records};
use super::feeds::{self, Feed, Values};
use super::problems::{self, Note, Problem, Verdict, Warning};
use super::rules::longer_period;
use super::tables::{self, DataInput, DataSource, Table};
use super::{CardRun, Outcome, Output, Plan, Progress, Target, Way};
use crate::check::model::RollupRule;
use crate::check::CheckedCard;
use crate::data::{self, DataFormat, DataProblem, DataProblemKind, ReadOptions, Row};
use crate::period::{self, PeriodKind};
use crate::report::{Format, ReportRows, RowsFormat};
use crate::stream::{self, ChunkOptions, ChunkedFile, StreamError, StreamOptions};
use crate::t;
use crate::value::Value;
use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::sync::Arc;

/// Runs `plan` the way it allows, handing the results to `output`.
pub(super) fn run(plan: &Plan, output: Output, progress: &mut dyn FnMut(Progress)) -> Outcome {
    match output {
        Output::Results => all_at_once(plan, plan.options.trace, progress),
        Output::Report {
            format,
            options,
            to,
        } => {
            // A report a row at a time streams, unless each row's trace is asked for.
            if format == Format::Xlsx && !plan.options.trace {
                if let Some(outcome) = stream_xlsx(plan, &options, to, progress) {
                    return outcome;
                }
            }
            if format == Format::Html && !plan.options.trace {
                if let Some(outcome) = stream_html(plan, to, progress) {
                    return outcome;
                }
            }
            let rows = RowsFormat::of(format).filter(|_| !plan.options.trace);
            if let Some(rows) = rows {
                if let Some(outcome) = stream_rows(plan, rows, options.bom, to, progress) {
                    return outcome;
                }
            }
            // The reports that give reasons need the trace: kept for every
            // row only for a card with a ranking stage (ranks, grade limits,
            // a roll-up); any other card's is worked out again from the
            // row's inputs, one employee at a time, as the report is written.
            let grouped = plan
                .scoring
                .cards()
                .iter()
                .any(|card| stream::streamable(card).is_some());
            let traced =
                plan.options.trace || (grouped && matches!(format, Format::Xlsx | Format::Html));
            let mut outcome = all_at_once(plan, traced, progress);
            if outcome.verdict.scores() {
                if let Err(e) = super::render(format, &outcome, &options, to.writer()) {
                    outcome.write_error = Some(e.to_string());
                }
            }
            outcome
        }
    }
}

/// The read options every card of the run starts from: the manifest's
/// `[data] ignore` and every card's `ignore` (a column one card ignores is
/// none of the others' business either), and `--lenient`.
fn read_options(plan: &Plan) -> ReadOptions {
    let mut ignore: Vec<String> = plan
        .scoring
        .directory_ref()
        .map(|d| d.manifest().ignore.clone())
        .unwrap_or_default();
    for card in plan.scoring.cards() {
        ignore.extend(card.ignore().iter().cloned());
    }
    ReadOptions {
        ignore,
        lenient_headers: plan.options.lenient,
        supplied: Vec::new(),
    }
}

/// The plan's one card and its one CSV file (no sheet, no `--from` links):
/// what every streamed way starts from; `None` for any other plan.
fn one_csv(plan: &Plan) -> Option<(&std::sync::Arc<CheckedCard>, &DataInput)> {
    let card = plan.scoring.single()?;
    let [input] = plan.data.as_slice() else {
        return None;
    };
    let csv = input.effective_format() == Some(DataFormat::Csv)
        && input.sheet.is_none()
        && plan.links.is_empty();
    csv.then_some((card, input))
}

/// Whether `card` scores each row alone in this plan: no ranking stage, no
/// roll-up, a period no longer than the rows'.
fn row_by_row(plan: &Plan, card: &CheckedCard) -> bool {
    stream::streamable(card).is_none() && !plan.options.rollup && !longer_period(card)
}

/// A CSV (JSON, JSON Lines) report of one CSV file by one undated card,
/// streamed (a row at a time, or a group at a time); `None` when the plan
/// needs every row at once.
fn stream_rows(
    plan: &Plan,
    format: RowsFormat,
    bom: bool,
    to: &mut dyn Target,
    progress: &mut dyn FnMut(Progress),
) -> Option<Outcome> {
    let (card, input) = one_csv(plan)?;
    if !matches!(input.source, DataSource::Path(_) | DataSource::Reader(_)) {
        return None;
    }
    let read = read_options(plan);
    let rollup = plan.options.rollup;
    if row_by_row(plan, card) {
        return Some(streamed(plan, card, input, format, bom, read, to, progress));
    }
    let fits = match rollup {
        true => card.rollup().is_some(),
        false => {
            stream::streamable(card).is_some() && card.rollup().is_none() && !longer_period(card)
        }
    };
    let DataSource::Path(path) = &input.source else {
        return None; // stdin cannot be read twice
    };
    if !fits {
        return None;
    }
    let options = ChunkOptions {
        bom,
        rollup,
        chunk_rows: 0,
        read,
        format,
    };
    let file = std::fs::File::open(path).ok()?;
    // A file that cannot be scanned is left to `all_at_once`, which says why.
    let grouped = ChunkedFile::scan(card, file, &input.name, options).ok()?;
    Some(in_chunks(plan, card, input, format, &grouped, to, progress))
}

/// The HTML report of one CSV file by one undated card that scores rows
/// one by one, in flat memory: the streamed way's workers make each row's
/// part of the report (its table cells, its points lost and why) into a
/// spool file, keeping of each row only its store, total and grade; the
/// report is then written store by store from the spool. `None` when the
/// plan needs every row at once.
fn stream_html(
    plan: &Plan,
    to: &mut dyn Target,
    progress: &mut dyn FnMut(Progress),
) -> Option<Outcome> {
    let (card, input) = one_csv(plan)?;
    let streams = matches!(input.source, DataSource::Path(_) | DataSource::Reader(_))
        && row_by_row(plan, card);
    if !streams {
        return None;
    }
    let sink = crate::report::HtmlSink::new(card, &[]).ok()?;
    let mut target = HtmlTarget(sink);
    let read = read_options(plan);
    let mut outcome = streamed(
        plan,
        card,
        input,
        RowsFormat::Html,
        false,
        read,
        &mut target,
        progress,
    );
    if outcome.write_error.is_none() && outcome.verdict.scores() {
        let written = target.0.finish().and_then(|part| {
            crate::report::write_html_part(part, &outcome.note_lines(), to.writer())
        });
        if let Err(e) = written {
            outcome.write_error = Some(e.to_string());
        }
    }
    Some(outcome)
}

/// The spool of a streamed HTML report as the place its rows go.
struct HtmlTarget<'c>(crate::report::HtmlSink<'c>);

impl Target for HtmlTarget<'_> {
    fn writer(&mut self) -> &mut (dyn std::io::Write + Send) {
        &mut self.0
    }

    fn restart(&mut self) -> std::io::Result<()> {
        Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
    }
}

/// The workbook of one CSV file by one undated card that scores rows one by
/// one, streamed in two passes over the file: the first scores every row
/// for its total alone (the summary's ranks; which employee columns some
/// row fills), the second scores each row again with its trace and writes
/// it, reasons and all, to sheets held on disk. `None` when the plan needs
/// every row at once (or the file cannot be read twice: stdin).
fn stream_xlsx(
    plan: &Plan,
    options: &crate::report::Options,
    to: &mut dyn Target,
    progress: &mut dyn FnMut(Progress),
) -> Option<Outcome> {
    let (card, input) = one_csv(plan)?;
    let DataSource::Path(path) = &input.source else {
        return None;
    };
    if !row_by_row(plan, card) {
        return None;
    }
    let read = read_options(plan);
    let first = StreamOptions {
        bom: false,
        batch_rows: 0,
        read: read.clone(),
        format: RowsFormat::XlsxTotals,
    };
    let mut totals = crate::report::XlsxTotals::default();
    let file = std::fs::File::open(path).ok()?;
    // A file that cannot be read is left to `all_at_once`, which says why.
    stream::score_csv(card, file, &input.name, &mut totals, &first, &mut |_| {}).ok()?;
    let sink = crate::report::XlsxSink::new(card, totals.into_facts(), options, to.writer());
    let mut target = SinkTarget(sink.ok()?);
    let mut outcome = streamed(
        plan,
        card,
        input,
        RowsFormat::Xlsx,
        false,
        read,
        &mut target,
        progress,
    );
    if outcome.write_error.is_none() && outcome.verdict.scores() {
        if let Err(e) = target.0.finish(&outcome.note_lines()) {
            outcome.write_error = Some(e.to_string());
        }
    }
    Some(outcome)
}

/// The streamed workbook as the place its rows go.
struct SinkTarget<'c, 'o>(crate::report::XlsxSink<'c, 'o>);

impl Target for SinkTarget<'_, '_> {
    fn writer(&mut self) -> &mut (dyn std::io::Write + Send) {
        &mut self.0
    }

    fn restart(&mut self) -> std::io::Result<()> {
        Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
    }
}

#[allow(clippy::too_many_arguments)]
fn streamed(
    plan: &Plan,
    card: &Arc<CheckedCard>,
    input: &DataInput,
    format: RowsFormat,
    bom: bool,
    read: ReadOptions,
    to: &mut dyn Target,
    progress: &mut dyn FnMut(Progress),
) -> Outcome {
    let options = StreamOptions {
        bom,
        batch_rows: 0,
        read,
        format,
    };
    let mut outcome = Outcome::empty(Way::Streamed);
    progress(Progress::Start { rows: None });
    let mut tick = |n: usize| progress(Progress::Done(n));
    let reader: Result<Box<dyn Read + Send>, data::DataProblem> = match &input.source {
        DataSource::Path(path) => std::fs::File::open(path)
            .map(|f| Box::new(f) as Box<dyn Read + Send>)
            .map_err(|e| {
                data::DataProblem::new(
                    DataProblemKind::Io,
                    &Arc::from(input.name.as_str()),
                    data::Location::File,
                    t!("data-cannot-read-data", why = data::io_reason(&e)),
                )
            }),
        _ => input.take_reader().expect("a reader"),
    };
    let found = reader
        .map_err(StreamError::Data)
        .and_then(|r| stream::score_csv(card, r, &input.name, to.writer(), &options, &mut tick));
    progress(Progress::Finished);
    let file: Arc<str> = Arc::from(input.name.as_str());
    match found {
        Ok(found) => {
            outcome.scored = found.scored;
            outcome
                .notes
                .extend(Note::decoded(&input.name, found.decoded_from));
            outcome
                .problems
                .extend(found.errors.into_iter().map(Problem::Data));
            outcome.problems.extend(
                found
                    .failures
                    .into_iter()
                    .map(|f| Problem::failed(card, &file, f)),
            );
            keep_warnings(&mut outcome, found.warnings, None);
        }
        Err(StreamError::Data(e)) => outcome.problems.push(Problem::Data(e)),
        Err(StreamError::Write(e)) => outcome.write_error = Some(e.to_string()),
    }
    streamed_end(finish(plan, outcome), card, format, to)
}

/// A streamed report ends as the report of every row at once does: with
/// the run's notes (CSV: `#` lines, which the readers skip; JSON: the
/// document's end).
fn streamed_end(
    mut outcome: Outcome,
    card: &CheckedCard,
    format: RowsFormat,
    to: &mut dyn Target,
) -> Outcome {
    let end =
        ReportRows::new(format, card, false, false).end(outcome.scored > 0, &outcome.note_lines());
    if outcome.write_error.is_none() && !end.is_empty() {
        if let Err(e) = to.writer().write_all(&end) {
            outcome.write_error = Some(e.to_string());
        }
    }
    outcome
}

fn in_chunks(
    plan: &Plan,
    card: &Arc<CheckedCard>,
    input: &DataInput,
    format: RowsFormat,
    grouped: &ChunkedFile,
    to: &mut dyn Target,
    progress: &mut dyn FnMut(Progress),
) -> Outcome {
    let DataSource::Path(path) = &input.source else {
        unreachable!("in chunks reads a file twice");
    };
    let mut outcome = Outcome::empty(Way::Chunked);
    outcome
        .notes
        .extend(Note::decoded(&input.name, grouped.decoded_from()));
    progress(Progress::Start { rows: None });
    let scored = grouped.score(
        &input.name,
        &mut || std::fs::File::open(path),
        to,
        &mut |n| progress(Progress::Done(n)),
    );
    progress(Progress::Finished);
    let file: Arc<str> = Arc::from(input.name.as_str());
    match scored {
        Ok(found) => {
            let rows = found.found;
            outcome.scored = rows.scored;
            outcome
                .problems
                .extend(rows.errors.into_iter().map(Problem::Data));
            if let Some(rolled) = found.rolled {
                match rolled {
                    Ok(rolled) => keep_rolled(&mut outcome, &file, rolled),
                    Err(e) => outcome.problems.push(cannot_roll_up(&file, &e)),
                }
            }
            let failed = !rows.failures.is_empty();
            outcome.problems.extend(
                rows.failures
                    .into_iter()
                    .map(|f| Problem::failed(card, &file, f)),
            );
            warn_if_groups_lost_rows(&mut outcome, card, failed);
            keep_warnings(&mut outcome, rows.warnings, None);
        }
        Err(StreamError::Data(e)) => outcome.problems.push(Problem::Data(e)),
        Err(StreamError::Write(e)) => outcome.write_error = Some(e.to_string()),
    }
    streamed_end(finish(plan, outcome), card, format, to)
}

/// Every row at once: tables read whole, routed step by step, each card's
/// rows read, fed, rolled up and scored (both stages).
fn all_at_once(plan: &Plan, traced: bool, progress: &mut dyn FnMut(Progress)) -> Outcome {
    let mut outcome = Outcome::empty(Way::AllAtOnce);
    outcome.routed = plan.scoring.directory_ref().is_some();
    let mut notes = Vec::new();
    let opened = tables::open(&plan.data, &plan.scoring, &mut outcome.problems, &mut notes);
    let simple = plan.scoring.single().is_some() && opened.len() == 1 && opened[0].join.is_none();
    progress(Progress::Start { rows: None });
    if simple {
        // One undated card and one table: the rows stream from the file
        // into the card, with no copy of every record.
        let table = opened.into_iter().next().expect("one table");
        let card = plan.scoring.cards()[0].clone();
        let jobs = vec![Job {
            card,
            card_index: 0,
            entry: None,
            table: 0,
            records: 0,
            source: table.source,
        }];
        score_step(
            plan,
            None,
            jobs,
            &[],
            traced,
            &mut outcome,
            progress,
            &HashMap::new(),
        );
    } else {
        let joins: Vec<Option<Arc<super::join::Origins>>> =
            opened.iter().map(|t| t.join.clone()).collect();
        let tables: Vec<Records> = opened
            .into_iter()
            .map(|Table { source, role, .. }| Records::read(source, role, &mut outcome.problems))
            .collect();
        let routes = assign::routes(
            &plan.scoring,
            &tables,
            &plan.options,
            &mut outcome.problems,
            &mut notes,
        );
        // Each step's results by step name, for the steps after it.
        let mut done: HashMap<String, Vec<usize>> = HashMap::new();
        // The cards each table's rows went to, in any step.
        let mut readers: Vec<Vec<usize>> = vec![Vec::new(); tables.len()];
        for step in plan.scoring.steps(&plan.options) {
            let mut warnings = Vec::new();
            let assignments = assign::assign(
                &plan.scoring,
                step.as_deref(),
                &tables,
                &routes,
                &mut outcome.problems,
                &mut notes,
                &mut warnings,
            );
            outcome
                .warnings
                .extend(warnings.into_iter().map(Warning::Data));
            for a in &assignments {
                if !readers[a.table].contains(&a.card) {
                    readers[a.table].push(a.card);
                }
            }
            let jobs = assignments
                .into_iter()
                .map(|a| {
                    let records = a.records;
                    let table = &tables[a.table];
                    let records = match &joins[a.table] {
                        Some(origins) => missing_from_files(
                            plan,
                            &plan.scoring.cards()[a.card],
                            table,
                            records,
                            origins,
                            &mut outcome.problems,
                        ),
                        None => records,
                    };
                    Job {
                        card: plan.scoring.cards()[a.card].clone(),
                        card_index: a.card,
                        entry: a.entry,
                        table: a.table,
                        records: records.len(),
                        source: Box::new(table.subset(records)),
                    }
                })
                .collect();
            let before = outcome.runs.len();
            score_step(
                plan,
                step.as_deref(),
                jobs,
                &joins,
                traced,
                &mut outcome,
                progress,
                &done,
            );
            if let Some(step) = step {
                done.insert(step, (before..outcome.runs.len()).collect());
            }
        }
        unread_columns(plan, &tables, &readers, &mut outcome);
    }
    progress(Progress::Finished);
    outcome.notes.extend(notes);
    finish(plan, outcome)
}

/// One card's rows of one table, to be read and scored.
struct Job {
    card: Arc<CheckedCard>,
    card_index: usize,
    entry: Option<usize>,
    table: usize,
    /// How many records the source holds (0 when not known).
    records: usize,
    source: Box<dyn data::RecordSource>,
}

/// Reads, feeds, rolls up and scores every job of a step. A card's rows
/// from several tables are scored together (ranks see them all).
#[allow(clippy::too_many_arguments)]
fn score_step(
    plan: &Plan,
    step: Option<&str>,
    jobs: Vec<Job>,
    joins: &[Option<Arc<super::join::Origins>>],
    traced: bool,
    outcome: &mut Outcome,
    progress: &mut dyn FnMut(Progress),
    done: &HashMap<String, Vec<usize>>,
) {
    let directory = plan.scoring.directory_ref();
    let several = directory.is_some() || plan.scoring.cards().len() > 1;
    // Read every job first: ids given twice across cards are found before scoring.
    struct Read {
        card: Arc<CheckedCard>,
        card_index: usize,
        table: usize,
        file: Arc<str>,
        numbering: data::Numbering,
        rows: Vec<Row>,
        /// The header's near misses, decided once every card has seen it.
        near_misses: Vec<DataProblem>,
        unknown: Vec<String>,
        /// The card's inputs fed by other cards' results.
        fed: Vec<usize>,
    }
    let mut reads: Vec<Read> = Vec::new();
    for job in jobs {
        let card = job.card;
        let mut options = read_options(plan);
        if directory.is_some() {
            // The role column is the router's, not the card's.
            for c in job.source.columns() {
                if assign::ROLE_HEADERS.contains(&c.trim().to_lowercase().as_str()) {
                    options.ignore.push(c.trim().to_string());
                }
            }
            // Another card may read a column this one does not: decided below.
            options.lenient_headers = true;
        }
        // A card that rolls months up reads monthly data: the rates it
        // recomputes need no column (without --rollup, each row's own rate
        // is then asked for, and monthly rows are refused, below).
        options.supplied.extend(period::recomputed(&card));
        let feeds = feeds_of(plan, &card, job.entry, step, done, outcome);
        options.supplied.extend(feeds.iter().map(|f| f.0));
        let file: Arc<str> = Arc::from(job.source.name());
        let numbering = job.source.numbering();
        let mut set = data::read_with(&card, job.source, &options);
        if let Some(Some(origins)) = joins.get(job.table) {
            for error in &mut set.errors {
                *error = origins.relocate(error.clone());
            }
        }
        if directory.is_some() {
            for error in &mut set.errors {
                if matches!(
                    error.kind,
                    DataProblemKind::MissingColumn
                        | DataProblemKind::DuplicateColumn
                        | DataProblemKind::NoIdColumn
                ) {
                    let rows = job.records;
                    error.message = t!(
                        "run-for-card-rows",
                        message = &error.message,
                        card = card.name(),
                        rows = rows
                    );
                }
            }
        }
        outcome
            .problems
            .extend(set.errors.into_iter().map(Problem::Data));
        let mut near_misses = Vec::new();
        let mut unknown = Vec::new();
        let mut warnings = Vec::new();
        for w in set.warnings {
            match w.kind {
                DataProblemKind::UnknownColumn if directory.is_some() => {
                    if let Some(column) = &w.column {
                        unknown.push(column.to_string());
                    }
                    if w.help.is_some() {
                        near_misses.push(w);
                    }
                }
                DataProblemKind::NoRows if directory.is_some() => {}
                _ => warnings.push(w),
            }
        }
        keep_warnings(outcome, warnings, several.then(|| card.name().to_string()));
        let feed_list: Vec<Feed> = feeds.iter().map(|(_, f)| f.as_feed()).collect();
        let mut rows = set.rows;
        feeds::apply(&card, &mut rows, &feed_list, &file, &mut outcome.problems);
        reads.push(Read {
            card,
            card_index: job.card_index,
            table: job.table,
            file,
            numbering,
            rows,
            near_misses,
            unknown,
            fed: feeds.iter().map(|f| f.0).collect(),
        });
    }
    if directory.is_some() {
        // A header that resembles an input, and that no card of the step reads: an error.
        let mut spoiled: HashSet<usize> = HashSet::new();
        let mut told: HashSet<(usize, String)> = HashSet::new();
        for (r, read) in reads.iter().enumerate() {
            for w in &read.near_misses {
                let column = w.column.as_deref().unwrap_or_default();
                let read_elsewhere = reads
                    .iter()
                    .any(|o| o.table == read.table && !o.unknown.iter().any(|u| u == column));
                if read_elsewhere {
                    continue;
                }
                if plan.options.lenient {
                    if told.insert((read.table, column.to_string())) {
                        outcome.warnings.push(Warning::Data(w.clone()));
                    }
                    continue;
                }
                spoiled.insert(r);
                if told.insert((read.table, column.to_string())) {
                    let close = w
                        .help
                        .as_deref()
                        .and_then(|h| h.split('`').nth(1))
                        .unwrap_or_default()
                        .to_string();
                    outcome.problems.push(Problem::Data(
                        data::DataProblem::new(
                            DataProblemKind::NearMissColumn,
                            &w.file,
                            w.location,
                            t!("run-near-miss-any-card", close = &close),
                        )
                        .column(column)
                        .help(t!("data-near-miss-column-help", close = &close)),
                    ));
                }
            }
        }
        for r in spoiled {
            reads[r].rows.clear();
        }
        let mut parts: Vec<Part> = reads
            .iter_mut()
            .map(|r| Part {
                table: r.table,
                file: r.file.clone(),
                numbering: r.numbering,
                rows: &mut r.rows,
            })
            .collect();
        one_row_per_employee(&mut parts, outcome);
    }
    // A card's rows from every table, scored together.
    let mut order: Vec<usize> = Vec::new();
    for read in &reads {
        if !order.contains(&read.card_index) {
            order.push(read.card_index);
        }
    }
    for card_index in order {
        let parts: Vec<&Read> = reads
            .iter()
            .filter(|r| r.card_index == card_index)
            .collect();
        let card = parts[0].card.clone();
        let file = parts[0].file.clone();
        let mut rows: Vec<Row> = Vec::new();
        let mut tables: Vec<usize> = Vec::new();
        for part in &parts {
            rows.extend(part.rows.iter().cloned());
            tables.extend(std::iter::repeat_n(part.table, part.rows.len()));
        }
        let mut sources: Vec<Option<period::Source>> = Vec::new();
        if plan.options.rollup && card.rollup().is_some() {
            match period::roll_up(&card, &rows) {
                Ok(rolled) => {
                    let table_of: HashMap<usize, usize> = rows
                        .iter()
                        .zip(&tables)
                        .map(|(r, t)| (r.line, *t))
                        .collect();
                    tables = rolled
                        .rows
                        .iter()
                        .map(|r| table_of.get(&r.line).copied().unwrap_or_default())
                        .collect();
                    sources = rolled.sources.iter().cloned().map(Some).collect();
                    rows = rolled.rows.clone();
                    keep_rolled(outcome, &file, rolled);
                }
                Err(e) => {
                    // Nothing can be rolled up: no report at all, as in chunks.
                    outcome.problems.push(cannot_roll_up(&file, &e));
                    continue;
                }
            }
        } else {
            if let Some(problem) = monthly_rows(&card, &rows, &file) {
                outcome.problems.push(problem);
                continue;
            }
            require_rates(&card, &mut rows, &mut tables, &file, outcome);
        }
        let scored = crate::eval::evaluate_indexed(
            &card,
            &rows,
            traced,
            &mut |n| progress(Progress::Done(n)),
            &crate::parallel::EveryCore,
        );
        let failed = !scored.failures.is_empty();
        outcome.problems.extend(
            scored
                .failures
                .into_iter()
                .map(|(_, f)| Problem::failed(&card, &file, f)),
        );
        warn_if_groups_lost_rows(outcome, &card, failed);
        let mut run = CardRun {
            card: card.clone(),
            step: step.map(str::to_string),
            results: Vec::with_capacity(scored.results.len()),
            inputs: Vec::with_capacity(scored.results.len()),
            sources: Vec::with_capacity(scored.results.len()),
            tables: Vec::with_capacity(scored.results.len()),
            fed: parts[0].fed.clone(),
        };
        for (i, result) in scored.results {
            run.inputs.push(rows[i].values.clone());
            run.sources.push(sources.get(i).cloned().flatten());
            run.tables.push(tables[i]);
            run.results.push(result);
        }
        outcome.scored += run.results.len();
        // Several cards or versions: each that has rows; one card: always.
        if !run.results.is_empty() || !several {
            outcome.runs.push(run);
        }
    }
}

/// The inputs of `card` fed in this run: by `--from` links, and by the
/// manifest entry's `from` (an earlier step's results).
fn feeds_of(
    plan: &Plan,
    card: &CheckedCard,
    entry: Option<usize>,
    _step: Option<&str>,
    done: &HashMap<String, Vec<usize>>,
    outcome: &Outcome,
) -> Vec<(usize, OwnedFeed)> {
    let mut out: Vec<(usize, OwnedFeed)> = Vec::new();
    for link in &plan.links {
        if let Some(feed) = link.feed_for(card) {
            out.push((
                feed.input,
                OwnedFeed {
                    input: feed.input,
                    values: feed.values.clone(),
                    source: feed.source,
                    looked_in: feed.looked_in,
                },
            ));
        }
    }
    let (Some(entry), Some(directory)) = (entry, plan.scoring.directory_ref()) else {
        return out;
    };
    for from in &directory.manifest().entries[entry].feeds {
        let Some(input) = card.input_index(&from.input) else {
            continue;
        };
        let runs: Vec<&CardRun> = done
            .get(&from.step)
            .map(|runs| runs.iter().map(|&r| &outcome.runs[r]).collect())
            .unwrap_or_default();
        out.push((
            input,
            OwnedFeed {
                input,
                values: Values::of(&runs, &from.key),
                source: t!("run-step-key", step = &from.step, key = &from.key),
                looked_in: t!("run-step", step = &from.step),
            },
        ));
    }
    out
}

/// A feed that owns its values (a step's results are gathered per card).
struct OwnedFeed {
    input: usize,
    values: Values,
    source: String,
    looked_in: String,
}

impl OwnedFeed {
    fn as_feed(&self) -> Feed<'_> {
        Feed {
            input: self.input,
            values: &self.values,
            source: self.source.clone(),
            looked_in: self.looked_in.clone(),
        }
    }
}

/// With files joined: a row missing from a file whose columns its card
/// reads cannot be scored (never a blank read as zero or a default).
fn missing_from_files(
    plan: &Plan,
    card: &CheckedCard,
    table: &Records,
    records: Vec<data::Record>,
    origins: &super::join::Origins,
    problems: &mut Vec<Problem>,
) -> Vec<data::Record> {
    let bound = data::bind(
        card.inputs(),
        &table.columns,
        &table.name,
        table.header,
        &ReadOptions {
            lenient_headers: true,
            ..read_options(plan)
        },
    );
    let read: Vec<usize> = bound.binding.inputs.iter().flatten().copied().collect();
    let id = data::id_column(&table.columns);
    records
        .into_iter()
        .filter(|record| {
            let Some((file, columns)) = origins.missing(record.number, &read) else {
                return true;
            };
            let who = id
                .map(|c| record.cell(c).trim().to_string())
                .unwrap_or_default();
            let list: Vec<String> = columns.iter().map(|c| format!("`{c}`")).collect();
            problems.push(Problem::Data(
                data::DataProblem::new(
                    DataProblemKind::Join,
                    &table.name,
                    table.numbering.at(record.number),
                    t!(
                        "run-no-row-in",
                        who = &who,
                        file = &*file,
                        columns = list.join(&t!("data-list-sep")),
                        card = card.name()
                    ),
                )
                .value(who.clone())
                .help(t!("run-no-row-in-help", file = &*file)),
            ));
            false
        })
        .collect()
}

/// One card's rows of one table, for the check across cards.
struct Part<'a> {
    table: usize,
    file: Arc<str>,
    numbering: data::Numbering,
    rows: &'a mut Vec<Row>,
}

/// An id given twice to different cards of one step (or in two tables):
/// the later row is the bad one. (Each card's reader finds an id given
/// twice among its own rows.)
fn one_row_per_employee(parts: &mut [Part], outcome: &mut Outcome) {
    // (table, line, part, id, period), in data order.
    let mut all: Vec<(usize, usize, usize, String, Option<period::Period>)> = Vec::new();
    for (p, part) in parts.iter().enumerate() {
        for row in part.rows.iter() {
            all.push((
                part.table,
                row.line,
                p,
                row.employee.id.clone(),
                row.employee.period,
            ));
        }
    }
    all.sort();
    let mut first: HashMap<(String, Option<period::Period>), (usize, usize)> = HashMap::new();
    let mut spoiled: Vec<(usize, usize)> = Vec::new();
    for (_, line, p, id, period) in all {
        match first.get(&(id.clone(), period)) {
            None => {
                first.insert((id, period), (p, line));
            }
            Some(&(first_part, first_line)) if first_part != p => {
                spoiled.push((p, line));
                let here = parts[p].numbering.at(line);
                let there = parts[first_part].numbering.at(first_line);
                let there = if parts[first_part].file == parts[p].file {
                    there.describe()
                } else {
                    t!(
                        "run-in-file-at",
                        file = &*parts[first_part].file,
                        at = there.describe()
                    )
                };
                outcome.problems.push(Problem::Data(
                    data::DataProblem::new(
                        DataProblemKind::DuplicateId,
                        &parts[p].file,
                        here,
                        t!(
                            "data-duplicate-id",
                            id = &id,
                            first = there,
                            second = here.describe()
                        ),
                    )
                    .value(&id),
                ));
            }
            Some(_) => {}
        }
    }
    for (p, line) in spoiled {
        parts[p].rows.retain(|row| row.line != line);
    }
}

/// Columns no card of the run reads, each warned about once per table
/// (a header that looks misspelt is an error already).
fn unread_columns(plan: &Plan, tables: &[Records], readers: &[Vec<usize>], outcome: &mut Outcome) {
    if plan.scoring.directory_ref().is_none() {
        return;
    }
    let options = ReadOptions {
        lenient_headers: true,
        ..read_options(plan)
    };
    let cards = plan.scoring.cards();
    for (table, readers) in tables.iter().zip(readers) {
        let reads = |header: &str| {
            readers.iter().any(|&c| {
                cards[c]
                    .inputs()
                    .iter()
                    .any(|i| i.name == header || i.label.as_deref() == Some(header))
            })
        };
        for column in &table.columns {
            let header = column.trim();
            let one = std::slice::from_ref(column);
            let known = header.is_empty()
                || options.ignores(header)
                || assign::ROLE_HEADERS.contains(&header.to_lowercase().as_str())
                || data::id_column(one).is_some()
                || data::period_column(one).is_some()
                || ["品牌", "brand", "门店", "store", "区域", "region", "大区"]
                    .contains(&header.to_lowercase().as_str());
            let near_miss = outcome.problems.iter().any(|p| {
                matches!(p, Problem::Data(e) if e.kind == DataProblemKind::NearMissColumn
                    && e.column.as_deref() == Some(header))
            }) || outcome
                .warnings
                .iter()
                .any(|w| matches!(w, Warning::Data(w) if w.column.as_deref() == Some(header)));
            if known || near_miss || reads(header) {
                continue;
            }
            outcome.warnings.push(Warning::Data(
                DataProblem::new(
                    DataProblemKind::UnknownColumn,
                    &table.name,
                    table.header,
                    t!("data-unknown-column"),
                )
                .column(header),
            ));
        }
    }
}

/// Warnings from reading, split: a default used is a note (it changes
/// numbers nobody typed); the rest are warnings.
fn keep_warnings(outcome: &mut Outcome, warnings: Vec<DataProblem>, card: Option<String>) {
    for w in warnings {
        match w.kind {
            DataProblemKind::DefaultUsed => {
                // The same columns missing for several cards (a brand's
                // cards share the group's inputs): one note, every card named.
                let same = outcome.notes.iter_mut().find_map(|n| match n {
                    Note::DefaultUsed { warning, cards } if *warning == w => Some(cards),
                    _ => None,
                });
                match same {
                    Some(cards) => cards.extend(card.clone()),
                    None => outcome.notes.push(Note::DefaultUsed {
                        warning: w,
                        cards: card.clone().into_iter().collect(),
                    }),
                }
            }
            _ => outcome.warnings.push(Warning::Data(w)),
        }
    }
}

fn keep_rolled(outcome: &mut Outcome, file: &Arc<str>, rolled: period::RollUp) {
    for warning in rolled.warnings {
        outcome.warnings.push(Warning::Text(format!(
            "{}{}{warning}",
            t!("data-place-file", file = &**file),
            t!("data-place-sep")
        )));
    }
    for skipped in rolled.skipped {
        outcome.notes.push(Note::Skipped {
            file: file.clone(),
            skipped,
        });
    }
    for e in rolled.errors {
        outcome.problems.push(Problem::RollUp {
            file: file.clone(),
            lines: e.lines,
            id: e.employee.id,
            message: e.message,
        });
    }
}

fn cannot_roll_up(file: &Arc<str>, e: &period::CannotRollUp) -> Problem {
    Problem::Data(data::DataProblem::new(
        DataProblemKind::BadPeriod,
        file,
        data::Location::File,
        e.to_string(),
    ))
}

/// Ranks and grade limits compare the rows that scored: says so when some did not.
fn warn_if_groups_lost_rows(outcome: &mut Outcome, card: &CheckedCard, failed: bool) {
    if !card.ranking().is_empty() && failed {
        outcome
            .warnings
            .push(Warning::Text(t!("run-groups-lost-rows")));
    }
}

/// Monthly rows scored one by one against a quarterly (or yearly) card
/// would score each month as if it were the whole period.
fn monthly_rows(card: &CheckedCard, rows: &[Row], file: &Arc<str>) -> Option<Problem> {
    let kind = card
        .period()
        .and_then(PeriodKind::from_card)
        .filter(|k| *k != PeriodKind::Month)?;
    let row = rows.iter().find(|r| {
        r.employee
            .period
            .is_some_and(|p| p.kind == PeriodKind::Month)
    })?;
    Some(Problem::Usage {
        file: file.clone(),
        line: row.line,
        message: t!("run-monthly-rows", card = card.name(), period = kind.noun()),
        help: t!("run-monthly-rows-help"),
    })
}

/// Without a roll-up, a rate the card would recompute from monthly parts
/// must be in the data itself.
fn require_rates(
    card: &CheckedCard,
    rows: &mut Vec<Row>,
    tables: &mut Vec<usize>,
    file: &Arc<str>,
    outcome: &mut Outcome,
) {
    let Some(plan) = &card.rollup() else {
        return;
    };
    let mut keep = Vec::with_capacity(rows.len());
    for row in rows.iter() {
        let missing = plan.inputs.iter().enumerate().find(|(i, rule)| {
            matches!(rule.rule, RollupRule::Ratio { .. }) && row.values[*i] == Value::Missing
        });
        keep.push(missing.is_none());
        if let Some((i, _)) = missing {
            outcome.problems.push(Problem::Failed {
                file: file.clone(),
                failure: crate::eval::RowFailure {
                    line: row.line,
                    employee: row.employee.clone(),
                    error: crate::eval::EvalError::new(
                        crate::eval::EvalErrorKind::MissingInput,
                        t!("run-rate-missing", input = &card.inputs()[i].name),
                    ),
                },
                rule: None,
            });
        }
    }
    let mut k = keep.iter();
    rows.retain(|_| *k.next().unwrap_or(&true));
    let mut k = keep.iter();
    tables.retain(|_| *k.next().unwrap_or(&true));
}

/// Sorts the problems, decides the verdict, and drops results a refused
/// run must not show. (A streamed report stays with the caller, to keep
/// or discard by the verdict.)
fn finish(plan: &Plan, mut outcome: Outcome) -> Outcome {
    problems::sort(&mut outcome.problems);
    if plan.options.lenient {
        outcome.notes.insert(0, Note::Lenient);
    }
    money_rounded(plan, &mut outcome);
    outcome.verdict = Verdict::of(&outcome.problems, plan.options.keep_going, outcome.scored);
    outcome.rules = match plan.scoring.directory_ref() {
        Some(d) => d.manifest().source.name.clone(),
        None => plan
            .scoring
            .cards()
            .iter()
            .map(|c| c.source().name.clone())
            .collect::<Vec<_>>()
            .join(", "),
    };
    if !outcome.verdict.scores() {
        outcome.runs.clear();
    }
    outcome
}

/// The note on the cards that scored rows, have money outputs and do not say
/// how to round them: their amounts are reported to the fen all the same.
fn money_rounded(plan: &Plan, outcome: &mut Outcome) {
    use crate::value::{Type, Unit};
    let cards: Vec<&CheckedCard> = if outcome.runs.is_empty() {
        plan.scoring.cards().iter().map(|c| &**c).collect()
    } else {
        outcome.runs.iter().map(|r| &*r.card).collect()
    };
    let mut names: Vec<String> = Vec::new();
    for card in cards {
        let money = card
            .derived()
            .iter()
            .any(|d| d.ty == Type::Num(Unit::Money));
        if money && card.money().declared.is_none() && !names.iter().any(|n| n == card.name()) {
            names.push(card.name().to_string());
        }
    }
    if !names.is_empty() && outcome.scored > 0 {
        outcome.notes.push(Note::MoneyRounded { cards: names });
    }
}

impl Outcome {
    fn empty(way: Way) -> Outcome {
        Outcome {
            runs: Vec::new(),
            problems: Vec::new(),
            warnings: Vec::new(),
            notes: Vec::new(),
            scored: 0,
            verdict: Verdict::Clean,
            way,
            routed: false,
            write_error: None,
            rules: String::new(),
        }
    }
}
