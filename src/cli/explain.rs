//! `scorecard explain`: every point won and lost, in the card's own words.

use super::score::{self, DataArgs};
use super::Exit;
use scorecard::report;

#[derive(Debug, clap::Args)]
#[command(
    about = "Explain each employee's score line by line, quoting the rules that applied",
    after_help = "Examples:\n  scorecard explain rules/callback_specialist.card examples/callback_specialists.csv --employee E003\n  scorecard explain rules/callback_specialist.card examples/callback_specialists.csv > 说明.txt"
)]
pub struct ExplainArgs {
    #[command(flatten)]
    pub data: DataArgs,
    /// Only this employee (by id, or by name); with several periods, every one of them
    #[arg(long)]
    pub employee: Option<String>,
}

pub fn run(args: ExplainArgs) -> Exit {
    let scored = match score::run(&args.data) {
        Ok(scored) => scored,
        Err(exit) => return exit,
    };
    let chosen: Vec<_> = match &args.employee {
        None => scored.results.iter().collect(),
        Some(who) => scored
            .results
            .iter()
            .filter(|r| &r.employee.id == who || r.employee.name.as_deref() == Some(who.as_str()))
            .collect(),
    };
    if chosen.is_empty() {
        if let Some(who) = &args.employee {
            let ids: Vec<&str> = scored
                .results
                .iter()
                .take(10)
                .map(|r| r.employee.id.as_str())
                .collect();
            eprintln!(
                "error: no employee `{who}` in {} (ids there include: {})",
                args.data.data,
                ids.join(", ")
            );
            return Exit::DataError;
        }
    }
    let texts: Vec<String> = chosen
        .iter()
        .map(|result| {
            let inputs = scored.inputs_of(result);
            let notes = scored.notes_of(result);
            report::explain_with_notes(&scored.card, result, inputs, &notes)
        })
        .collect();
    print!("{}", texts.join(&format!("\n{}\n\n", "─".repeat(60))));
    scored.exit
}
