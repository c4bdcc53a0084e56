//! `scorecard eval`: score every row of a data file.

use super::output;
use super::score::{self, DataArgs};
use super::Exit;
use scorecard::report::{self, CardResults, Format, Options};

#[derive(Debug, clap::Args)]
#[command(
    about = "Score every employee in a data file: items, sections, total, grade, outputs",
    after_help = "With a rules directory, each row is scored by the card its 岗位 (role), 品牌 (brand) and 门店 (store) pick in the directory's scorecard.toml; the results are grouped by card (CSV: one table with a `card` column).\n\nExamples:\n  scorecard eval rules/callback_specialist.card examples/callback_specialists.csv\n  scorecard eval rules/ examples/callback_specialists_by_brand.csv --role 回访专员\n  scorecard eval rules/callback_specialist.card examples/callback_specialists.csv --format csv --bom > 结果.csv\n  scorecard eval rules/callback_specialist.card 十月.xlsx --sheet 名单 --format xlsx --output 结果.xlsx\n  scorecard eval rules/callback_specialist.card examples/callback_specialists.csv --format html --output 报告.html\n  cat rows.json | scorecard eval rules/callback_specialist.card - --input-format json --format json"
)]
pub struct EvalArgs {
    #[command(flatten)]
    pub data: DataArgs,
    /// Output format: `xlsx` is a workbook (summary and detail sheets), `html` a printable report per store
    #[arg(long, default_value = "table", value_parser = ["table", "json", "csv", "md", "xlsx", "html"])]
    pub format: String,
    /// Start CSV output with a byte-order mark so Excel reads Chinese text correctly
    #[arg(long)]
    pub bom: bool,
    /// Write to this file (replaced whole, only once complete) instead of stdout; needed for xlsx on a terminal
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<String>,
}

pub fn run(args: EvalArgs) -> Exit {
    let batch = match score::run_batch(&args.data) {
        Ok(batch) => batch,
        Err(exit) => return exit,
    };
    let format: Format = match args.format.parse() {
        Ok(format) => format,
        Err(e) => {
            eprintln!("error: {e}");
            return Exit::CardError;
        }
    };
    let options = Options::default()
        .with_bom(args.bom)
        .with_created(Some(std::time::SystemTime::now()));
    let written = output::emit(
        args.output.as_deref(),
        format.is_binary(),
        |mut out| match batch.groups.as_slice() {
            [one] if !batch.routed => {
                let inputs = one.inputs_all();
                report::render_with_inputs(
                    format,
                    &one.card,
                    &one.results,
                    &inputs,
                    &options,
                    &mut out,
                )
            }
            groups => {
                let groups: Vec<CardResults> = groups
                    .iter()
                    .map(|g| CardResults {
                        card: &g.card,
                        results: &g.results,
                    })
                    .collect();
                report::render_groups(format, &groups, &options, &mut out)
            }
        },
    );
    if let Err(message) = written {
        eprintln!("error: {message}");
        return Exit::DataError;
    }
    batch.exit
}
