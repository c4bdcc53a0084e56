//! `scorecard eval`: score every row of a data file.

use super::output;
use super::score::{self, DataArgs, Group};
use super::Exit;
use scorecard::report::{self, CardResults, Format, Options};

#[derive(Debug, clap::Args)]
#[command(
    about = "Score every employee in a data file: items, sections, total, grade, outputs",
    after_help = "With several versions of a card, each row is scored by the version in force for its period (a 期间/period column); each version gets its own report (CSV: one table, if the versions have the same columns).\n\nWith a rules directory, each row is scored by the card its 岗位 (role), 品牌 (brand) and 门店 (store) pick in the directory's scorecard.toml; the results are grouped by card (CSV: one table with a `card` column).\n\nExamples:\n  scorecard eval rules/callback_specialist.card examples/callback_specialists.csv\n  scorecard eval rules/ examples/callback_specialists_by_brand.csv --role 回访专员\n  scorecard eval rules/callback_specialist.card examples/callback_specialists.csv --format csv --bom > 结果.csv\n  scorecard eval rules/callback_specialist.card 十月.xlsx --sheet 名单 --format xlsx --output 结果.xlsx\n  scorecard eval rules/callback_specialist.card examples/callback_specialists.csv --format html --output 报告.html\n  cat rows.json | scorecard eval rules/callback_specialist.card - --input-format json --format json\n  scorecard eval 回访专员_2026上半年.card 回访专员_2026下半年.card 2026全年.csv"
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
    if let Some(exit) = super::stream::try_run(&args) {
        return exit;
    }
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
    // Several versions of one card: rendered first, so a report that cannot
    // hold them all is refused before anything is written.
    let several_versions = match batch.groups.as_slice() {
        [_] => None,
        _ if batch.routed => None,
        groups => match versions(format, groups, args.bom) {
            Ok(out) => Some(out),
            Err(message) => {
                eprintln!("error: {message}");
                return Exit::CardError;
            }
        },
    };
    let written = output::emit(
        args.output.as_deref(),
        format.is_binary(),
        |mut out| match (batch.groups.as_slice(), several_versions) {
            (_, Some(bytes)) => out.write_all(&bytes),
            ([one], None) if !batch.routed => {
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
            (groups, None) => {
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
        Format::Xlsx | Format::Html => {
            return Err(format!(
                "{} reports take one version of a card at a time; score each version's periods separately, or use --format csv or json",
                format.name()
            ))
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
