//! `scorecard diff`: two versions of the rules on the same data.

use super::args::{data_inputs, tell_stop};
use super::{load, tell, Exit};
use scorecard::report::Format;
use scorecard::run::{
    manifest_path, CardInput, DataSource, Options, Plan, Request, RulesSpec, Scoring,
};
use scorecard::t;
use std::io::{Read, Write};
use std::sync::Arc;

#[derive(Debug, clap::Args)]
/// Compare two versions of the rules (texts: `help-diff-*` in locales/*/help.ftl)
pub struct DiffArgs {
    /// The rules as they are now: a card, or a rules directory
    pub old: String,
    /// The rules as they would be: a card, or a rules directory; with OLD a
    /// rules directory and NEW a card, the card stands in for OLD's card of the same name
    pub new: String,
    /// The data both are scored on: one file, or several joined by employee id
    /// (.csv, .xlsx, .json, .jsonl or .toml; `-` reads stdin; give --input-format)
    #[arg(required = true)]
    pub data: Vec<String>,
    /// The data's format when it cannot be told from the file name
    #[arg(long, value_parser = ["csv", "xlsx", "json", "jsonl", "toml"])]
    pub input_format: Option<String>,
    /// The worksheet to read from an Excel workbook (default: the first)
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// With rules directories: the role of rows with no 岗位 (role) column
    #[arg(long)]
    pub role: Option<String>,
    /// Roll monthly rows up to each card's period first
    #[arg(long)]
    pub rollup: bool,
    /// Forgive headers that look misspelt and brands or stores the rules do not know (said in the report)
    #[arg(long)]
    pub lenient: bool,
    /// Output format
    #[arg(long, default_value = "table", value_parser = ["table", "json", "csv", "md"])]
    pub format: String,
    /// Start CSV output with a byte-order mark so Excel reads Chinese text correctly
    #[arg(long)]
    pub bom: bool,
}

pub fn run(args: DiffArgs) -> Exit {
    let format: Format = match args.format.parse() {
        Ok(format) => format,
        Err(e) => {
            tell::error(e);
            return Exit::Usage;
        }
    };
    let (old_spec, new_spec) = match specs(&args) {
        Ok(specs) => specs,
        Err(exit) => return exit,
    };
    let options = Options {
        role: args.role.clone(),
        rollup: args.rollup,
        // A row one side cannot score is listed, not a reason to stop.
        keep_going: true,
        lenient: args.lenient,
        ..Options::default()
    };
    let mut data = match data_inputs(
        &args.data,
        args.input_format.as_deref(),
        args.sheet.as_deref(),
    ) {
        Ok(data) => data,
        Err(exit) => return exit,
    };
    // Both sides read the data: stdin is read once, into memory.
    for input in &mut data {
        if let DataSource::Reader(_) = input.source {
            let mut bytes = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
                tell::error(t!("cli-cannot-read-stdin", error = e.to_string()));
                return Exit::DataError;
            }
            input.source = DataSource::Bytes(Arc::new(bytes));
        }
    }
    let mut sides = Vec::new();
    for spec in [old_spec, new_spec] {
        let scoring = match Scoring::load(&spec) {
            Ok(scoring) => scoring,
            Err(stop) => return tell_stop(&stop),
        };
        load::print_diagnostics(&scoring.warnings());
        let request = Request {
            rules: spec,
            data: data.clone(),
            from: Vec::new(),
            options: options.clone(),
        };
        let plan = match Plan::with_scoring(scoring, request) {
            Ok(plan) => plan,
            Err(stop) => return tell_stop(&stop),
        };
        let outcome = plan.results();
        if outcome.is_usage() {
            for problem in outcome.problems.iter().filter(|p| p.is_usage()) {
                tell::error(problem);
            }
            return Exit::Usage;
        }
        sides.push((plan, outcome));
    }
    let (new_plan, new_run) = sides.pop().expect("two sides");
    let (old_plan, old_run) = sides.pop().expect("two sides");
    for note in old_run.notes.iter().chain(&new_run.notes) {
        tell::note(note);
    }
    let report = scorecard::diff::diff(old_plan.scoring(), new_plan.scoring(), &old_run, &new_run);
    let text = scorecard::diff::render(&report, format, args.bom);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            tell::error(t!("cli-cannot-write-report", error = e.to_string()));
            return Exit::Output;
        }
    }
    if report.has_problems() {
        tell::warning(t!("cli-diff-not-compared", count = report.unscored.len()));
        return Exit::DataError;
    }
    Exit::Ok
}

/// What OLD and NEW name: cards, rules directories, or a directory and a
/// card standing in for its card of the same name.
fn specs(args: &DiffArgs) -> Result<(RulesSpec, RulesSpec), Exit> {
    let card = |path: &str| -> Result<CardInput, Exit> {
        if path == "-" {
            return load::read_text("-").map(CardInput::stdin).map_err(|m| {
                tell::error(m);
                Exit::CardError
            });
        }
        Ok(CardInput::file(path))
    };
    match (manifest_path(&args.old), manifest_path(&args.new)) {
        (Some(old), Some(new)) => Ok((RulesSpec::Directory(old), RulesSpec::Directory(new))),
        (Some(old), None) => Ok((
            RulesSpec::Directory(old.clone()),
            RulesSpec::Overlaid {
                manifest: old,
                card: card(&args.new)?,
            },
        )),
        (None, Some(_)) => {
            tell::error(t!(
                "cli-diff-directory-first",
                old = &args.old,
                new = &args.new
            ));
            Err(Exit::Usage)
        }
        (None, None) => Ok((
            RulesSpec::Cards(vec![card(&args.old)?]),
            RulesSpec::Cards(vec![card(&args.new)?]),
        )),
    }
}
