//! `scorecard eval`: score every row of a data file.

use super::score::{self, DataArgs, Group};
use super::Exit;
use scorecard::report::{self, Format, Options};
use std::io::Write;

#[derive(Debug, clap::Args)]
#[command(
    about = "Score every employee in a data file: items, sections, total, grade, outputs",
    after_help = "Examples:\n  scorecard eval rules/callback_specialist.card examples/callback_specialists.csv\n  scorecard eval rules/callback_specialist.card examples/callback_specialists.csv --format csv --bom > 结果.csv\n  cat rows.json | scorecard eval rules/callback_specialist.card - --input-format json --format json\n  scorecard eval 回访专员_2026上半年.card 回访专员_2026下半年.card 2026全年.csv"
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
    let rendered = match scored.groups.as_slice() {
        [group] => {
            let mut out = Vec::new();
            report::render(format, &group.card, &group.results, &options, &mut out).map(|_| out)
        }
        groups => match versions(format, groups, args.bom) {
            Ok(out) => Ok(out),
            Err(message) => {
                eprintln!("error: {message}");
                return Exit::CardError;
            }
        },
    };
    let written = rendered.and_then(|out| std::io::stdout().lock().write_all(&out));
    if let Err(e) = written {
        eprintln!("error: cannot write the results: {e}");
        return Exit::DataError;
    }
    scored.exit
}

/// Results of several versions: one report per version, oldest first. CSV
/// has one header, so the versions must have the same columns.
fn versions(format: Format, groups: &[Group], bom: bool) -> Result<Vec<u8>, String> {
    let mut out = String::new();
    match format {
        Format::Json => {
            let docs: Vec<_> = groups
                .iter()
                .map(|g| report::json(&g.card, &g.results))
                .collect();
            let json = serde_json::json!({ "versions": docs });
            out = serde_json::to_string_pretty(&json).map_err(|e| e.to_string())? + "\n";
        }
        Format::Csv => {
            let mut header: Option<String> = None;
            for g in groups {
                let csv = report::csv_string(&g.card, &g.results, false);
                let (head, body) = csv.split_once('\n').unwrap_or((&csv, ""));
                match &header {
                    None => {
                        header = Some(head.to_string());
                        out += &csv;
                    }
                    Some(first) if first == head => out += body,
                    Some(_) => {
                        return Err(format!(
                            "the versions of the card have different columns, and CSV holds one set of columns; use --format json, or score each version's periods separately ({})",
                            groups
                                .iter()
                                .map(|g| g.card.stamp.describe())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ))
                    }
                }
            }
            if bom {
                out.insert(0, '\u{feff}');
            }
        }
        Format::Table => {
            for g in groups {
                let dates = g
                    .card
                    .stamp
                    .effective
                    .map_or(String::new(), |e| format!(" · in force {e}"));
                out += &format!(
                    "{} · {}{dates}\n",
                    g.card.display_name(),
                    g.card.stamp.describe()
                );
                out += &report::table(&g.card, &g.results);
                out += "\n";
            }
        }
        _ => {
            let parts: Vec<String> = groups
                .iter()
                .map(|g| report::markdown(&g.card, &g.results))
                .collect();
            out = parts.join("\n");
        }
    }
    Ok(out.into_bytes())
}
