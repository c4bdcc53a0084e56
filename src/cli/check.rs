//! `scorecard check`: validate cards without evaluating anything.

use super::load;
use super::Exit;
use scorecard::diagnostic::render;
use scorecard::{Diagnostics, SourceFile};

#[derive(Debug, clap::Args)]
#[command(
    about = "Check cards for errors: names, types, weights, tier tables",
    after_help = "Examples:\n  scorecard check rules/callback_specialist.card\n  scorecard check rules/*.card --format json"
)]
pub struct CheckArgs {
    /// Card files to check (`-` reads one from stdin)
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
        match load::read_text(path) {
            Ok(text) => {
                let source = SourceFile::new(load::source_name(path).to_string(), text);
                match scorecard::compile(&source) {
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
