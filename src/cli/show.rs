//! `scorecard show`: a card with everything it extends applied, as card text.

use super::load;
use super::Exit;
use scorecard::resolve;
use scorecard::SourceFile;

#[derive(Debug, clap::Args)]
#[command(
    about = "Print a card as resolved: its bases applied, each line an override added or changed annotated",
    after_help = "The output is card text: it checks and scores exactly as the card does.\nIf the resolved card has errors it is still printed, the errors go to stderr and the exit code is 2.\n\nExamples:\n  scorecard show rules/brands/君威/回访专员.card\n  scorecard show rules/brands/君威/一店/回访专员.card > resolved.card"
)]
pub struct ShowArgs {
    /// The card file (`-` reads it from stdin; bases are then found from the working directory)
    pub card: String,
}

pub fn run(args: ShowArgs) -> Exit {
    let text = match load::read_text(&args.card) {
        Ok(text) => text,
        Err(message) => {
            eprintln!("error: {message}");
            return Exit::CardError;
        }
    };
    let source = SourceFile::new(load::source_name(&args.card).to_string(), text);
    let resolved = match resolve::resolve(&source, &load::loader()) {
        Ok(resolved) => resolved,
        Err(diagnostics) => {
            load::print_diagnostics(&diagnostics);
            return Exit::CardError;
        }
    };
    print!("{}", resolved.show());
    match resolve::check(&resolved) {
        Ok(checked) => {
            load::print_diagnostics(&checked.warnings);
            Exit::Ok
        }
        Err(diagnostics) => {
            load::print_diagnostics(&diagnostics);
            Exit::CardError
        }
    }
}
