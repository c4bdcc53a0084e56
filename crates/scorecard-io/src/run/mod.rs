//! One month, one run: the pipeline every command goes through.
//!
//! ```text
//! Request ──Plan::load──▶ Plan ──Plan::run──▶ Outcome
//!  what scores (a card,     cards compiled once,   results per card (numbers
//!  versions of one, or a    links resolved, the    always, traces when asked),
//!  rules directory), the    way chosen             problems, warnings, notes,
//!  data files, links,                              and the verdict
//!  options
//! ```
//!
//! A plan scores the rows one of three ways, the same numbers and the same
//! messages whichever it picks ([`Way`]):
//!
//! * **streamed**: a CSV report of one CSV file by one undated card whose
//!   rows score one by one ([`crate::stream::score_csv`]), in flat memory;
//! * **in chunks**: the same for a card that ranks rows or rolls months up,
//!   a chunk of whole groups at a time ([`crate::stream::ChunkedFile`]);
//! * **all at once**: everything else — several versions of a card, a rules
//!   directory (each row by its own card, step after step: the appraisal,
//!   then the pay it feeds), several data files joined by employee, links
//!   from other cards, any report but CSV, explanations.
//!
//! What a person did not state is never silent: a default used for a
//! missing column, a column ignored, a card chosen by `--lenient` are notes
//! in every report; a header that looks misspelt, a brand or store the rules
//! do not know, an employee missing from one of several files are errors
//! that name the file, the row and the column.
//!
//! By default any problem means nothing is scored ([`Verdict::Refused`]):
//! a payroll with people missing is worse than none. With `keep_going` the
//! good rows are scored and the bad ones reported ([`Verdict::LeftOut`]).

mod assign;
mod feeds;
mod join;
mod problems;
mod render;
mod rules;
mod tables;
mod ways;

pub use crate::stream::Target;
pub use problems::{Note, Problem, Verdict, Warning};
pub use rules::{
    cards_under, check_directory, load_card, manifest_path, CardInput, DirectoryCheck, Overlay,
    RulesSpec, Scoring,
};
pub use tables::{DataInput, DataSource};

use crate::check::CheckedCard;
use crate::diagnostic::Diagnostics;
use crate::eval::ScoreResult;
use crate::period::Source;
use crate::report::Format;
use crate::t;
use crate::value::Value;
use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::Arc;

/// What a run is asked to do.
#[derive(Debug, Clone)]
pub struct Request {
    /// What scores the rows.
    pub rules: RulesSpec,
    /// The data: one file, or several joined by employee id (the first is
    /// the list of people; every other file's rows must be among them).
    pub data: Vec<DataInput>,
    /// `INPUT=CARD:KEY,DATA`: an input fed by another card's (or rules
    /// directory's) results on other data, joined by employee id.
    pub from: Vec<String>,
    pub options: Options,
}

/// How a run goes, beyond what scores and what is scored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The role of rows with no role column (or a blank one), for a rules directory.
    pub role: Option<String>,
    /// Roll monthly rows up to each card's quarter, half-year or year first.
    pub rollup: bool,
    /// Score the good rows when some are bad (the verdict still says so).
    pub keep_going: bool,
    /// Today's forgiving reading, said in every report: a header that looks
    /// misspelt is only a warning, and a brand or store the rules do not
    /// know is scored by the role's card for no brand or store.
    pub lenient: bool,
    /// Keep each result's trace (for explanations and the detailed reports).
    pub trace: bool,
    /// With a rules directory: run only these steps (all when empty).
    pub steps: Vec<String>,
}

/// Which way a plan scored its rows (see the module's notes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Way {
    Streamed,
    Chunked,
    AllAtOnce,
}

/// Why a run could not start: the command line, or a card.
#[derive(Debug, Clone)]
pub enum Stop {
    /// The request does not make sense (a rules directory beside a card,
    /// `--rollup` with a card that does not roll up …). Exit code 2.
    Usage(String),
    /// A card, hook script or manifest does not check. Exit code 3.
    Cards(Diagnostics),
    /// Data a link needs could not be scored (`--from`). Exit code 1.
    Data(String),
}

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Stop::Usage(message) | Stop::Data(message) => f.write_str(message),
            Stop::Cards(d) => f.write_str(&t!("run-stop-cards", count = d.0.len())),
        }
    }
}

/// One card's results in a run (one version of a card, or one card of a
/// rules directory in one step).
#[derive(Debug, Clone)]
pub struct CardRun {
    pub card: Arc<CheckedCard>,
    /// The manifest step it ran in (`考核`, `绩效工资`), with a rules directory.
    pub step: Option<String>,
    /// In data order.
    pub results: Vec<ScoreResult>,
    /// The input values each result was scored from, parallel to `results`.
    pub inputs: Vec<Vec<Value>>,
    /// With a roll-up: the months each result came from, parallel to `results`.
    pub sources: Vec<Option<Source>>,
    /// The data table (file, or workbook sheet) each result's row is in,
    /// parallel to `results`.
    pub tables: Vec<usize>,
    /// The card's inputs fed by other cards' results (a manifest step's
    /// `from`, `--from`), by index: reports show them beside the pay.
    pub fed: Vec<usize>,
}

impl CardRun {
    /// For a rolled-up result: the months it came from, in words.
    pub fn notes_of(&self, i: usize) -> Vec<String> {
        self.sources
            .get(i)
            .and_then(Option::as_ref)
            .map(|source| source.describe(&self.card))
            .unwrap_or_default()
    }

    /// Each result's inputs, as the reports take them.
    pub fn inputs_all(&self) -> Vec<&[Value]> {
        self.inputs.iter().map(Vec::as_slice).collect()
    }
}

/// What a run gave.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// One per card (version, step) that scored rows, in run order; empty
    /// when the rows streamed straight into a report, or were refused.
    pub runs: Vec<CardRun>,
    /// Every problem, in the order to tell them: data first (by row), then
    /// inputs that could not be fed, then rows that could not be scored.
    pub problems: Vec<Problem>,
    pub warnings: Vec<Warning>,
    /// What the run did that nobody stated (defaults used, periods left
    /// out, `--lenient`): shown on stderr and in every report.
    pub notes: Vec<Note>,
    /// Rows scored.
    pub scored: usize,
    pub verdict: Verdict,
    pub way: Way,
    /// Whether a rules directory chose the cards (reports then say whose
    /// card each row was scored by, even if only one card was used).
    pub routed: bool,
    /// The report could not be written (a full disk, a closed pipe).
    pub write_error: Option<String>,
    /// What scored the rows, for a report's heading: the rules
    /// directory's manifest, or the card files.
    pub rules: String,
}

impl Outcome {
    /// Whether a problem is the command line's (a flag forgotten), not the data's.
    pub fn is_usage(&self) -> bool {
        self.problems.iter().any(Problem::is_usage)
    }

    /// Every result with its run, in data order (file, line, step).
    pub fn in_data_order(&self) -> Vec<(&CardRun, usize)> {
        let mut all: Vec<(usize, usize, usize, &CardRun, usize)> = Vec::new();
        for (r, run) in self.runs.iter().enumerate() {
            for (i, result) in run.results.iter().enumerate() {
                all.push((run.tables[i], result.line, r, run, i));
            }
        }
        all.sort_by_key(|(table, line, r, _, i)| (*table, *line, *r, *i));
        all.into_iter().map(|(_, _, _, run, i)| (run, i)).collect()
    }

    /// What a report says beside its table, one line each: the notes
    /// (what nobody stated), then the warnings (columns ignored …).
    pub fn note_lines(&self) -> Vec<String> {
        self.notes
            .iter()
            .map(ToString::to_string)
            .chain(self.warnings.iter().map(ToString::to_string))
            .collect()
    }
}

/// What a run hands its results to.
pub enum Output<'a> {
    /// Keep every result in the [`Outcome`] (traced when the options say).
    Results,
    /// Write a report in this format as the rows are scored (streamed when
    /// the plan can), into `to`.
    Report {
        format: Format,
        options: crate::report::Options,
        to: &'a mut dyn Target,
    },
}

/// How far a run has got, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Scoring starts; `rows` when known.
    Start {
        rows: Option<usize>,
    },
    /// This many more rows done.
    Done(usize),
    Finished,
}

/// A request, its cards compiled and its links resolved: ready to run.
pub struct Plan {
    scoring: Scoring,
    data: Vec<DataInput>,
    links: Vec<feeds::LinkFeed>,
    options: Options,
    /// Warnings about the cards, to show before the results.
    pub warnings: Diagnostics,
}

impl Plan {
    /// Compiles what scores (each card once), and scores every link's card
    /// on its data first.
    pub fn load(request: Request) -> Result<Plan, Stop> {
        let scoring = Scoring::load(&request.rules)?;
        Plan::with_scoring(scoring, request)
    }

    /// Every file the run reads: its data files (and `--from`'s), and every
    /// card, manifest and hook file read so far, as the file system
    /// resolves them. A report must not be written over any of them.
    pub fn input_files(&self) -> Vec<PathBuf> {
        let data = self.data.iter().filter_map(|input| match &input.source {
            DataSource::Path(path) => Some(path.clone()),
            _ => None,
        });
        let links = self.links.iter().map(|feed| PathBuf::from(&feed.link.data));
        let mut files: Vec<PathBuf> = data
            .chain(links)
            .filter_map(|path| std::fs::canonicalize(path).ok())
            .collect();
        for file in crate::confine::files_read() {
            if !files.contains(&file) {
                files.push(file);
            }
        }
        files
    }

    /// A plan over cards already compiled (`scoring`), for the rest of `request`.
    pub fn with_scoring(scoring: Scoring, request: Request) -> Result<Plan, Stop> {
        let options = request.options;
        scoring.check_options(&options)?;
        if request.data.is_empty() {
            return Err(Stop::Usage(t!("run-no-data")));
        }
        let links = feeds::resolve_links(&request.from, &scoring, &options)?;
        Ok(Plan {
            warnings: scoring.warnings(),
            scoring,
            data: request.data,
            links,
            options,
        })
    }

    pub fn scoring(&self) -> &Scoring {
        &self.scoring
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    /// The data files, as the request gave them.
    pub fn data(&self) -> &[DataInput] {
        &self.data
    }

    /// Runs the plan: reads, routes, feeds, rolls up, scores, ranks, and
    /// hands the results to `output`.
    pub fn run(&self, output: Output, progress: &mut dyn FnMut(Progress)) -> Outcome {
        ways::run(self, output, progress)
    }

    /// Every result kept, traced or not as the options say.
    pub fn results(&self) -> Outcome {
        self.run(Output::Results, &mut |_| {})
    }
}

/// Writes `outcome`'s results as a report: one card's own layout, or, for
/// several cards or versions, each format's way of telling them apart.
pub fn render(
    format: Format,
    outcome: &Outcome,
    options: &crate::report::Options,
    out: &mut dyn Write,
) -> io::Result<()> {
    render::render(format, outcome, options, out)
}

#[cfg(test)]
mod tests;
