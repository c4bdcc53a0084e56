//! `scorecard eval`: score every row of the month's data.

use super::args::DataArgs;
use super::output::{self, Spool};
use super::{progress, tell, Exit};
use scorecard::report::{Format, Options};
use scorecard::run::{Output, Progress};
use scorecard::t;

#[derive(Debug, clap::Args)]
/// Score every employee (texts: `help-eval-*` in locales/*/help.ftl)
pub struct EvalArgs {
    #[command(flatten)]
    pub data: DataArgs,
    /// Output format: `xlsx` is a workbook (summary and detail sheets), `html` a printable report per store, `jsonl` one JSON object a line
    #[arg(long, default_value = "table", value_parser = ["table", "json", "jsonl", "csv", "md", "xlsx", "html"])]
    pub format: String,
    /// JSON: with each score, the rules that gave it (as `explain` shows them); much larger and slower
    #[arg(long)]
    pub trace: bool,
    /// Start CSV output with a byte-order mark so Excel reads Chinese text correctly
    #[arg(long)]
    pub bom: bool,
    /// Write to this file (replaced whole, only once complete) instead of stdout; needed for xlsx on a terminal
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<String>,
}

pub fn run(args: EvalArgs) -> Exit {
    let format: Format = match args.format.parse() {
        Ok(format) => format,
        Err(e) => {
            tell::error(e);
            return Exit::Usage;
        }
    };
    let plan = match args.data.plan(args.trace) {
        Ok(plan) => plan,
        Err(exit) => return exit,
    };
    if let Err(message) = output::refuse_inputs(args.output.as_deref(), &plan.input_files()) {
        tell::error(message);
        return Exit::Usage;
    }
    let mut spool = match Spool::new(args.output.as_deref(), format.is_binary()) {
        Ok(spool) => spool,
        Err(message) => {
            tell::error(message);
            return Exit::Output;
        }
    };
    let counter = progress::counter(&t!("cli-progress-scoring"));
    let outcome = plan.run(
        Output::Report {
            format,
            options: Options::default().with_bom(args.bom),
            to: &mut spool,
        },
        &mut |p| match p {
            Progress::Done(n) => counter.inc(n as u64),
            Progress::Finished => counter.finish_and_clear(),
            Progress::Start { .. } => {}
        },
    );
    let exit = tell::outcome(&outcome, &args.data.data_names());
    if let Some(error) = &outcome.write_error {
        tell::error(t!("cli-cannot-write-report", error = error.to_string()));
        return Exit::Output;
    }
    if !outcome.verdict.scores() {
        return exit; // the spool is dropped: nothing is written
    }
    match spool.commit() {
        Ok(()) => exit,
        Err(message) => {
            tell::error(message);
            Exit::Output
        }
    }
}
