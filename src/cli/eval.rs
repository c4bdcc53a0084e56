//! `scorecard eval`: score every row of the month's data.

use super::args::DataArgs;
use super::output::{self, Spool};
use super::{exit_codes, progress, tell, Exit};
use scorecard::report::{Format, Options};
use scorecard::run::{Output, Progress};

#[derive(Debug, clap::Args)]
#[command(
    about = "Score every employee in the month's data: items, sections, total, grade, outputs",
    after_help = concat!(
        "With a rules directory, each row is scored by the card its 岗位 (role), 品牌 (brand) and 门店 (store) pick in the directory's scorecard.toml, step after step (the appraisal, then the pay it feeds); the results are grouped by card (CSV: one table with a `card` column; xlsx: a sheet per card and a summary; HTML: each store's people, card by card).\n\nWith several versions of a card, each row is scored by the version in force for its period (a 期间/period column).\n\nSeveral data files are joined by employee id: the first lists the month's people.\n\nExamples:\n  scorecard eval rules/ examples/callback_specialists_by_brand.csv\n  scorecard eval rules/ 十月考核.xlsx 预约系统导出.csv 财务报表.csv --format xlsx --output 十月结果.xlsx\n  scorecard eval rules/callback_specialist.card examples/callback_specialists.csv --format csv --bom > 结果.csv\n  scorecard eval rules/ examples/callback_specialists_by_brand.csv --format html --output 报告.html\n  cat rows.json | scorecard eval rules/callback_specialist.card - --input-format json --format json\n  scorecard eval 回访专员_2026上半年.card 回访专员_2026下半年.card 2026全年.csv\n\n",
        exit_codes!()
    )
)]
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
            eprintln!("error: {e}");
            return Exit::Usage;
        }
    };
    let plan = match args.data.plan(args.trace) {
        Ok(plan) => plan,
        Err(exit) => return exit,
    };
    if let Err(message) = output::refuse_inputs(args.output.as_deref(), &plan.input_files()) {
        eprintln!("error: {message}");
        return Exit::Usage;
    }
    let mut spool = match Spool::new(args.output.as_deref(), format.is_binary()) {
        Ok(spool) => spool,
        Err(message) => {
            eprintln!("error: {message}");
            return Exit::Output;
        }
    };
    let counter = progress::counter("scoring");
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
        eprintln!("error: cannot write the report: {error}");
        return Exit::Output;
    }
    if !outcome.verdict.scores() {
        return exit; // the spool is dropped: nothing is written
    }
    match spool.commit() {
        Ok(()) => exit,
        Err(message) => {
            eprintln!("error: {message}");
            Exit::Output
        }
    }
}
