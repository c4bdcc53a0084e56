//! `scorecard template`: the fill-in sheet for a card, or for a whole rules
//! directory (a sheet per role).

use super::args::tell_stop;
use super::{exit_codes, load, output, Exit};
use scorecard::run::{manifest_path, RulesSpec, Scoring};
use scorecard::template;

#[derive(Debug, clap::Args)]
#[command(
    about = "Write the fill-in sheet for a card, or for a rules directory (a sheet per role): one column per input, with its label, type, range and an Excel validation rule",
    after_help = concat!(
        "A rules directory's workbook has a sheet per role (named after it), each with the columns every card of that role reads; `eval rules/ 模板.xlsx` reads it back, each sheet's rows with its role.\n\nExamples:\n  scorecard template rules/ --output 十月考核模板.xlsx\n  scorecard template rules/callback_specialist.card --output 回访专员模板.xlsx\n  scorecard template rules/ --role 回访专员 --format csv --bom > 回访专员模板.csv\n\n",
        exit_codes!()
    )
)]
pub struct TemplateArgs {
    /// The card file, or a rules directory (or its scorecard.toml)
    pub card: String,
    /// `xlsx` (a workbook with validation rules and notes) or `csv` (with `#` lines describing each column)
    #[arg(long, default_value = "xlsx", value_parser = ["xlsx", "csv"])]
    pub format: String,
    /// With a rules directory: only this role's sheet (needed for csv)
    #[arg(long)]
    pub role: Option<String>,
    /// Start CSV output with a byte-order mark so Excel reads Chinese text correctly
    #[arg(long)]
    pub bom: bool,
    /// Write to this file (replaced whole, only once complete) instead of stdout; needed for xlsx on a terminal
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<String>,
}

pub fn run(args: TemplateArgs) -> Exit {
    let csv = args.format == "csv";
    let bytes = match manifest_path(&args.card) {
        Some(manifest) => match directory(&args, &manifest) {
            Ok(bytes) => bytes,
            Err(exit) => return exit,
        },
        None => {
            if args.role.is_some() {
                eprintln!(
                    "error: --role picks a role's sheet of a rules directory; `{}` is a card",
                    args.card
                );
                return Exit::Usage;
            }
            let spec = match RulesSpec::from_args(std::slice::from_ref(&args.card), &mut || {
                load::read_text("-")
            }) {
                Ok(spec) => spec,
                Err(stop) => return tell_stop(&stop),
            };
            let scoring = match Scoring::load(&spec) {
                Ok(scoring) => scoring,
                Err(stop) => return tell_stop(&stop),
            };
            load::print_diagnostics(&scoring.warnings());
            let card = &scoring.cards()[0];
            if csv {
                template::template_csv(card, args.bom).into_bytes()
            } else {
                match template::template_xlsx(card) {
                    Ok(bytes) => bytes,
                    Err(e) => {
                        eprintln!("error: cannot build the workbook: {e}");
                        return Exit::Output;
                    }
                }
            }
        }
    };
    let inputs = scorecard::resolve::confine::files_read();
    if let Err(message) = output::refuse_inputs(args.output.as_deref(), &inputs) {
        eprintln!("error: {message}");
        return Exit::Usage;
    }
    match output::emit(args.output.as_deref(), !csv, |out| out.write_all(&bytes)) {
        Ok(()) => Exit::Ok,
        Err(message) => {
            eprintln!("error: {message}");
            Exit::Output
        }
    }
}

/// The workbook (or one role's CSV) of a rules directory.
fn directory(args: &TemplateArgs, manifest: &std::path::Path) -> Result<Vec<u8>, Exit> {
    let scoring = Scoring::load(&RulesSpec::Directory(manifest.to_path_buf()))
        .map_err(|stop| tell_stop(&stop))?;
    load::print_diagnostics(&scoring.warnings());
    let Some(directory) = scoring.directory_ref() else {
        unreachable!("a rules directory");
    };
    let mut sheets = template::role_sheets(&directory.rules);
    if let Some(role) = &args.role {
        let roles: Vec<String> = sheets.iter().map(|s| s.role.clone()).collect();
        sheets.retain(|s| &s.role == role);
        if sheets.is_empty() {
            eprintln!(
                "error: {} has no cards for role `{role}`; its roles are {}",
                manifest.display(),
                roles.join(", ")
            );
            return Err(Exit::Usage);
        }
    }
    if args.format == "csv" {
        let [sheet] = sheets.as_slice() else {
            eprintln!(
                "error: a CSV file holds one sheet, and {} has a sheet per role; give --role ROLE, or use --format xlsx",
                manifest.display()
            );
            return Err(Exit::Usage);
        };
        return Ok(template::role_csv(sheet, args.bom).into_bytes());
    }
    template::rules_xlsx(&sheets, &manifest.display().to_string()).map_err(|e| {
        eprintln!("error: cannot build the workbook: {e}");
        Exit::Output
    })
}
