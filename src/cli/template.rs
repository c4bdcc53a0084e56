//! `scorecard template`: the fill-in sheet for a card.

use super::{load, output, Exit};
use scorecard::template;

#[derive(Debug, clap::Args)]
#[command(
    about = "Write the fill-in sheet for a card: one column per input, with its label, type, range and an Excel validation rule",
    after_help = "Examples:\n  scorecard template rules/callback_specialist.card --output 回访专员模板.xlsx\n  scorecard template rules/callback_specialist.card --format csv --bom > 回访专员模板.csv"
)]
pub struct TemplateArgs {
    /// The card file
    pub card: String,
    /// `xlsx` (a workbook with validation rules and notes) or `csv` (with `#` lines describing each column)
    #[arg(long, default_value = "xlsx", value_parser = ["xlsx", "csv"])]
    pub format: String,
    /// Start CSV output with a byte-order mark so Excel reads Chinese text correctly
    #[arg(long)]
    pub bom: bool,
    /// Write to this file (replaced whole, only once complete) instead of stdout; needed for xlsx on a terminal
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<String>,
}

pub fn run(args: TemplateArgs) -> Exit {
    let checked = match load::card(&args.card) {
        Ok(checked) => checked,
        Err(exit) => return exit,
    };
    let card = &checked.card;
    let bytes = if args.format == "csv" {
        template::template_csv(card, args.bom).into_bytes()
    } else {
        match template::template_xlsx(card) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("error: cannot build the workbook: {e}");
                return Exit::DataError;
            }
        }
    };
    let binary = args.format == "xlsx";
    match output::emit(args.output.as_deref(), binary, |out| out.write_all(&bytes)) {
        Ok(()) => Exit::Ok,
        Err(message) => {
            eprintln!("error: {message}");
            Exit::DataError
        }
    }
}
