//! `scorecard check`: validate cards, or a whole rules directory, without
//! evaluating anything.

use super::stdout::outln;
use super::{exit_codes, load, Exit};
use scorecard::diagnostic::render;
use scorecard::run::{check_directory, load_card, manifest_path, CardInput};
use scorecard::{Checked, Diagnostics};
use std::path::Path;

#[derive(Debug, clap::Args)]
#[command(
    about = "Check cards for errors: names, types, weights, tier tables; or a rules directory: its manifest and every card under it",
    after_help = concat!(
        "A rules directory is checked whole: its scorecard.toml (entries, steps, the cards it routes and what one feeds another), and every card under the folder, routed or not; a card no entry routes a row to is named.\n\nExamples:\n  scorecard check rules/\n  scorecard check rules/callback_specialist.card\n  scorecard check rules/*.card --format json\n\n",
        exit_codes!()
    )
)]
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
                    eprintln!("error: {message}");
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
                load::print_diagnostics(&checked.warnings);
                let card = &checked.card;
                outln!(
                    "ok: {path} — {} ({} sections, {} items, {} inputs) · {}",
                    card.display_name(),
                    card.sections.len(),
                    card.items.len(),
                    card.inputs.len(),
                    card.stamp.describe()
                );
            }
            all.extend(checked.warnings);
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
                    "ok: {} — {} entries, {} cards routed, steps: {}, roles: {}",
                    found.manifest,
                    m.entries.len(),
                    rules.cards.len(),
                    m.steps.join(", "),
                    m.roles().join(", ")
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
            eprintln!(
                "warning: {}: no entry of {} routes a row to this card, so nothing is scored by it\n  help: add a [[card]] for it to {}, or move it out of the rules directory",
                path.display(),
                found.manifest,
                found.manifest
            );
        }
    }
    exit
}
