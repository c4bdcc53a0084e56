//! `scorecard check`: validate cards without evaluating anything.

use super::Exit;
use super::{load, routes};
use scorecard::diagnostic::render;
use scorecard::{Diagnostics, SourceFile};

#[derive(Debug, clap::Args)]
#[command(
    about = "Check cards for errors: names, types, weights, tier tables",
    after_help = "Examples:\n  scorecard check rules/callback_specialist.card\n  scorecard check rules/*.card --format json\n  scorecard check rules/"
)]
pub struct CheckArgs {
    /// Card files to check (`-` reads one from stdin); a rules directory (or its scorecard.toml) checks its manifest and every card it lists
    #[arg(required = true)]
    pub cards: Vec<String>,
    /// `human` (default) or `json` (a list of diagnostics on stdout)
    #[arg(long, default_value = "human", value_parser = ["human", "json"])]
    pub format: String,
}

pub fn run(args: CheckArgs) -> Exit {
    let mut all = Diagnostics::default();
    let mut exit = Exit::Ok;
    for path in &args.cards {
        if let Some(manifest) = routes::manifest_path(path) {
            match routes::check_rules(&manifest) {
                Ok((summary, warnings)) => {
                    if args.format == "human" {
                        load::print_diagnostics(&warnings);
                        println!("ok: {summary}");
                    }
                    all.extend(warnings);
                }
                Err(diagnostics) => {
                    if args.format == "human" {
                        load::print_diagnostics(&diagnostics);
                    }
                    all.extend(diagnostics);
                    exit = Exit::CardError;
                }
            }
            continue;
        }
        match load::read_text(path) {
            Ok(text) => {
                let source = SourceFile::new(load::source_name(path).to_string(), text);
                match load::compile(&source, path) {
                    Ok(checked) => {
                        if args.format == "human" {
                            load::print_diagnostics(&checked.warnings);
                            let card = &checked.card;
                            println!(
                                "ok: {path} — {} ({} sections, {} items, {} inputs) · {}",
                                card.display_name(),
                                card.sections.len(),
                                card.items.len(),
                                card.inputs.len(),
                                card.stamp.describe()
                            );
                        }
                        all.extend(checked.warnings);
                    }
                    Err(diagnostics) => {
                        if args.format == "human" {
                            load::print_diagnostics(&diagnostics);
                        }
                        all.extend(diagnostics);
                        exit = Exit::CardError;
                    }
                }
            }
            Err(message) => {
                eprintln!("error: {message}");
                exit = Exit::CardError;
            }
        }
    }
    if args.format == "json" {
        let json = render::json(&all);
        println!(
            "{}",
            serde_json::to_string_pretty(&json).unwrap_or_default()
        );
    }
    exit
}
