//! `scorecard eval`: score every row of a data file.

use super::score::{self, DataArgs};
use super::Exit;
use scorecard::report::{self, Format, Options};

#[derive(Debug, clap::Args)]
#[command(
    about = "Score every employee in a data file: items, sections, total, grade, outputs",
    after_help = "Examples:\n  scorecard eval rules/callback_specialist.card examples/callback_specialists.csv\n  scorecard eval rules/callback_specialist.card examples/callback_specialists.csv --format csv --bom > 结果.csv\n  cat rows.json | scorecard eval rules/callback_specialist.card - --input-format json --format json"
)]
pub struct EvalArgs {
    #[command(flatten)]
    pub data: DataArgs,
    /// Output format
    #[arg(long, default_value = "table", value_parser = ["table", "json", "csv", "md"])]
    pub format: String,
    /// Start CSV output with a byte-order mark so Excel reads Chinese text correctly
    #[arg(long)]
    pub bom: bool,
}

pub fn run(args: EvalArgs) -> Exit {
    let scored = match score::run(&args.data) {
        Ok(scored) => scored,
        Err(exit) => return exit,
    };
    let format: Format = match args.format.parse() {
        Ok(format) => format,
        Err(e) => {
            eprintln!("error: {e}");
            return Exit::CardError;
        }
    };
    let options = Options::default().with_bom(args.bom);
    let mut out = std::io::stdout().lock();
    if let Err(e) = report::render(format, &scored.card, &scored.results, &options, &mut out) {
        eprintln!("error: cannot write the results: {e}");
        return Exit::DataError;
    }
    scored.exit
}
