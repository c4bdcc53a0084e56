//! `scorecard show`: a card with everything it extends applied, as card text.

use super::load;
use super::stdout::out;
use super::Exit;
use scorecard::resolve;
use scorecard::{FileLoader, SourceFile};
use std::io::Write as _;

#[derive(Debug, clap::Args)]
/// Print a card as resolved (texts: `help-show-*` in locales/*/help.ftl)
pub struct ShowArgs {
    /// The card file (`-` reads it from stdin; bases are then found from the working directory);
    /// with --assumptions, also a folder
    pub card: String,
    /// List the numbers the card assumes (and any it leaves unmarked) instead of printing it
    #[arg(long)]
    pub assumptions: bool,
}

pub fn run(args: ShowArgs) -> Exit {
    if args.assumptions {
        return assumptions(&args.card);
    }
    let text = match load::read_text(&args.card) {
        Ok(text) => text,
        Err(message) => {
            super::tell::error(message);
            return Exit::CardError;
        }
    };
    let source = SourceFile::new(load::source_name(&args.card).to_string(), text);
    let resolved = match resolve::resolve(&source, &FileLoader::new()) {
        Ok(resolved) => resolved,
        Err(diagnostics) => {
            load::print_diagnostics(&diagnostics);
            return Exit::CardError;
        }
    };
    out!("{}", resolved.show());
    match resolve::check(&resolved) {
        Ok(checked) => {
            load::print_diagnostics(checked.warnings());
            Exit::Ok
        }
        Err(diagnostics) => {
            load::print_diagnostics(&diagnostics);
            Exit::CardError
        }
    }
}

/// `show --assumptions`: each card's assumed numbers, one card after another.
fn assumptions(path: &str) -> Exit {
    let files = match path {
        "-" => vec![std::path::PathBuf::from("-")],
        _ => match super::fmt::cards_under(std::path::Path::new(path)) {
            Ok(files) => files,
            Err(message) => {
                super::tell::error(message);
                return Exit::CardError;
            }
        },
    };
    let mut exit = Exit::Ok;
    for (i, file) in files.iter().enumerate() {
        let name = file.display().to_string();
        let text = match load::read_text(&name) {
            Ok(text) => text,
            Err(message) => {
                super::tell::error(message);
                exit = Exit::CardError;
                continue;
            }
        };
        let source = SourceFile::new(load::source_name(&name).to_string(), text);
        match resolve::resolve(&source, &FileLoader::new()) {
            Ok(resolved) => {
                // A closed pipe (`| head`) ends the listing quietly.
                let mut out = std::io::stdout().lock();
                let separator = if i > 0 { "\n" } else { "" };
                if write!(out, "{separator}{}", resolved.assumptions()).is_err() {
                    return exit;
                }
            }
            Err(diagnostics) => {
                load::print_diagnostics(&diagnostics);
                exit = Exit::CardError;
            }
        }
    }
    exit
}
