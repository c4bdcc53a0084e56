//! `scorecard diff`: two versions of a card on the same data.

use super::{load, Exit};
use scorecard::data::{self, DataFormat};
use scorecard::report::Format;
use std::io::Read;
use std::path::Path;

#[derive(Debug, clap::Args)]
#[command(
    about = "Compare two versions of a card on the same data: who gains, who loses, by how much, and what changed in the card",
    after_help = "Each card reads the data against its own inputs; a row only one of them can score is listed, not dropped. The exit code is 1 when some row could not be compared.\n\nExamples:\n  scorecard diff rules/callback_specialist.card 新方案.card examples/callback_specialists.csv\n  scorecard diff old.card new.card data.csv --format md > 变更说明.md"
)]
pub struct DiffArgs {
    /// The card as it is now
    pub old: String,
    /// The card as it would be
    pub new: String,
    /// The data both are scored on: .csv, .xlsx, .json, .jsonl or .toml (`-` reads stdin; give --input-format)
    pub data: String,
    /// The data's format when it cannot be told from the file name
    #[arg(long, value_parser = ["csv", "xlsx", "json", "jsonl", "toml"])]
    pub input_format: Option<String>,
    /// The worksheet to read from an Excel workbook (default: the first)
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Output format
    #[arg(long, default_value = "table", value_parser = ["table", "json", "csv", "md"])]
    pub format: String,
    /// Start CSV output with a byte-order mark so Excel reads Chinese text correctly
    #[arg(long)]
    pub bom: bool,
}

pub fn run(args: DiffArgs) -> Exit {
    let old = load::card(&args.old);
    let new = load::card(&args.new);
    let (old, new) = match (old, new) {
        (Ok(old), Ok(new)) => (old.card, new.card),
        (Err(e), _) | (_, Err(e)) => return e,
    };
    let format = args
        .input_format
        .as_deref()
        .and_then(DataFormat::from_name)
        .or_else(|| DataFormat::from_path(Path::new(&args.data)));
    let Some(format) = format else {
        eprintln!(
            "error: cannot tell the format of `{}`; name it .csv, .xlsx, .json, .jsonl or .toml, or give --input-format",
            args.data
        );
        return Exit::CardError;
    };
    if args.sheet.is_some() && format != DataFormat::Xlsx {
        eprintln!("error: --sheet only applies to an Excel workbook (.xlsx)");
        return Exit::CardError;
    }
    let options = data::OpenOptions::default().with_sheet(args.sheet.clone());
    // Read once, bind twice: each card reads the rows against its own inputs.
    let bytes = if args.data == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map(|_| buf)
    } else {
        std::fs::read(&args.data)
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("error: cannot read `{}`: {e}", args.data);
            return Exit::DataError;
        }
    };
    let name = if args.data == "-" {
        "<stdin>"
    } else {
        args.data.as_str()
    };
    let read = |card| match data::open_bytes_with(bytes.clone(), format, name, &options) {
        Ok(source) => data::read(card, source),
        Err(error) => data::DataSet::failed(error),
    };
    let (old_data, new_data) = (read(&old), read(&new));
    let report = scorecard::diff::diff(&old, &new, &old_data, &new_data);
    let format: Format = match args.format.parse() {
        Ok(format) => format,
        Err(e) => {
            eprintln!("error: {e}");
            return Exit::CardError;
        }
    };
    print!("{}", scorecard::diff::render(&report, format, args.bom));
    if report.has_problems() {
        eprintln!(
            "warning: {} row(s) or problem(s) could not be compared; see `not compared`",
            report.unscored.len()
        );
        return Exit::DataError;
    }
    Exit::Ok
}
