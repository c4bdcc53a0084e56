//! `scorecard check`: validate cards, or a whole rules directory, without
//! evaluating anything.

use super::stdout::outln;
use super::{load, tell, Exit};
use scorecard::diagnostic::render;
use scorecard::run::{check_directory, load_card, manifest_path, CardInput};
use scorecard::t;
use scorecard::{Checked, Diagnostics};
use std::path::Path;

#[derive(Debug, clap::Args)]
/// Check cards for errors (texts: `help-check-*` in locales/*/help.ftl)
pub struct CheckArgs {
    /// Card files to check (`-` reads one from stdin), or a rules directory (or its scorecard.toml)
    #[arg(required = true)]
    pub cards: Vec<String>,
    /// `human` (default) or `json` (a list of diagnostics on stdout)
    #[arg(long, default_value = "human", value_parser = ["human", "json"])]
    pub format: String,
}

pub fn run(args: CheckArgs) -> Exit {
    let human = args.format == "human";
    let mut all = Diagnostics::default();
    let mut exit = Exit::Ok;
    for path in &args.cards {
        if let Some(manifest) = manifest_path(path) {
            exit = exit.max(directory(&manifest, human, &mut all));
            continue;
        }
        let input = if path == "-" {
            match load::read_text("-") {
                Ok(text) => CardInput::stdin(text),
                Err(message) => {
                    tell::error(message);
                    exit = Exit::CardError;
                    continue;
                }
            }
        } else {
            CardInput::file(path)
        };
        let loader = scorecard::FileLoader::new();
        exit = exit.max(one(path, load_card(&input, &loader), human, &mut all));
    }
    if !human {
        let json = render::json(&all);
        outln!(
            "{}",
            serde_json::to_string_pretty(&json).unwrap_or_default()
        );
    }
    exit
}

/// One card checked: `ok: …` with its warnings, or its problems.
fn one(
    path: &str,
    checked: Result<Checked, Diagnostics>,
    human: bool,
    all: &mut Diagnostics,
) -> Exit {
    match checked {
        Ok(checked) => {
            if human {
                load::print_diagnostics(checked.warnings());
                let card = &checked.card();
                outln!(
                    "{}",
                    t!(
                        "cli-check-ok",
                        path = path,
                        name = card.display_name(),
                        sections = card.sections().len(),
                        items = card.items().len(),
                        inputs = card.inputs().len(),
                        stamp = card.stamp().describe()
                    )
                );
            }
            all.extend(checked.warnings().clone());
            Exit::Ok
        }
        Err(diagnostics) => {
            if human {
                load::print_diagnostics(&diagnostics);
            }
            all.extend(diagnostics);
            Exit::CardError
        }
    }
}

/// A rules directory: the manifest, then every card under its folder.
fn directory(manifest: &Path, human: bool, all: &mut Diagnostics) -> Exit {
    let found = check_directory(manifest);
    let mut exit = Exit::Ok;
    match &found.rules {
        Ok(rules) => {
            let m = &rules.manifest;
            if human {
                outln!(
                    "{}",
                    t!(
                        "cli-check-ok-directory",
                        manifest = found.manifest.to_string(),
                        entries = m.entries.len(),
                        cards = rules.cards.len(),
                        steps = m.steps.join(&t!("cli-list-separator")),
                        roles = m.roles().join(&t!("cli-list-separator"))
                    )
                );
            }
        }
        Err(diagnostics) => {
            if human {
                load::print_diagnostics(diagnostics);
            }
            all.extend(diagnostics.clone());
            exit = Exit::CardError;
        }
    }
    for (path, checked) in found.cards {
        exit = exit.max(one(&path.display().to_string(), checked, human, all));
    }
    if human {
        for path in &found.unrouted {
            let manifest = found.manifest.to_string();
            tell::warning(format!(
                "{}\n  {}: {}",
                t!(
                    "cli-check-unrouted",
                    path = path.display().to_string(),
                    manifest = &manifest
                ),
                t!("diag-help"),
                t!("cli-check-unrouted-help", manifest = &manifest)
            ));
        }
    }
    exit
}
