//! `scorecard template`: the fill-in sheet for a card, or for a whole rules
//! directory (a sheet per role).

use super::args::tell_stop;
use super::{load, output, tell, Exit};
use scorecard::run::{manifest_path, RulesSpec, Scoring};
use scorecard::t;
use scorecard::template;

#[derive(Debug, clap::Args)]
/// Write the fill-in sheet (texts: `help-template-*` in locales/*/help.ftl)
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
                tell::error(t!("cli-template-role-of-card", card = &args.card));
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
                        tell::error(t!("cli-cannot-build-workbook", error = e.to_string()));
                        return Exit::Output;
                    }
                }
            }
        }
    };
    let inputs = scorecard::confine::files_read();
    if let Err(message) = output::refuse_inputs(args.output.as_deref(), &inputs) {
        tell::error(message);
        return Exit::Usage;
    }
    match output::emit(args.output.as_deref(), !csv, |out| out.write_all(&bytes)) {
        Ok(()) => Exit::Ok,
        Err(message) => {
            tell::error(message);
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
            tell::error(t!(
                "cli-template-no-role",
                manifest = manifest.display().to_string(),
                role = role,
                roles = roles.join(", ")
            ));
            return Err(Exit::Usage);
        }
    }
    if args.format == "csv" {
        let [sheet] = sheets.as_slice() else {
            tell::error(t!(
                "cli-template-csv-one-sheet",
                manifest = manifest.display().to_string()
            ));
            return Err(Exit::Usage);
        };
        return Ok(template::role_csv(sheet, args.bom).into_bytes());
    }
    template::rules_xlsx(&sheets, &manifest.display().to_string()).map_err(|e| {
        tell::error(t!("cli-cannot-build-workbook", error = e.to_string()));
        Exit::Output
    })
}
