//! `scorecard diff`: two versions of the rules on the same data.

use super::args::{data_inputs, tell_stop};
use super::{exit_codes, load, Exit};
use scorecard::report::Format;
use scorecard::run::{
    manifest_path, CardInput, DataSource, Options, Plan, Request, RulesSpec, Scoring,
};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::Arc;

#[derive(Debug, clap::Args)]
#[command(
    about = "Compare two versions of the rules on the same data: who gains, who loses, by how much, and what changed in the cards",
    after_help = concat!(
        "OLD and NEW are cards, or rules directories. `diff rules/ rules-new/ DATA` scores each row by its own card in each directory; `diff rules/ CHANGED.card DATA` puts CHANGED.card in place of the directory's card of the same name (the brand and store cards that extend it included). Each side reads the data against its own inputs; a row only one of them can score is listed, not dropped. The exit code is 1 when some row could not be compared.\n\nExamples:\n  scorecard diff rules/ tests/cards/diff/callback_specialist_2026h2.card examples/callback_specialists_by_brand.csv\n  scorecard diff rules/callback_specialist.card 新方案.card examples/callback_specialists.csv\n  scorecard diff rules/ 新规则/ 十月.csv --format md > 变更说明.md\n\n",
        exit_codes!()
    )
)]
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
            eprintln!("error: {e}");
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
                eprintln!("error: cannot read stdin: {e}");
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
                eprintln!("error: {problem}");
            }
            return Exit::Usage;
        }
        sides.push((plan, outcome));
    }
    let (new_plan, new_run) = sides.pop().expect("two sides");
    let (old_plan, old_run) = sides.pop().expect("two sides");
    for note in old_run.notes.iter().chain(&new_run.notes) {
        eprintln!("note: {note}");
    }
    let report = scorecard::diff::diff(old_plan.scoring(), new_plan.scoring(), &old_run, &new_run);
    let text = scorecard::diff::render(&report, format, args.bom);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("error: cannot write the report: {e}");
            return Exit::Output;
        }
    }
    if report.has_problems() {
        eprintln!(
            "warning: {} row(s) or problem(s) could not be compared; see `not compared`",
            report.unscored.len()
        );
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
                eprintln!("error: {m}");
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
            eprintln!(
                "error: give the rules directory first: `diff {} {} …` compares a card with a whole directory; to see a changed card's effect on the month, run `diff {} {} …`",
                args.old,
                args.new,
                Path::new(&args.new).display(),
                args.old
            );
            Err(Exit::Usage)
        }
        (None, None) => Ok((
            RulesSpec::Cards(vec![card(&args.old)?]),
            RulesSpec::Cards(vec![card(&args.new)?]),
        )),
    }
}
