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
    /// Only this employee (by id, or by name)
    #[arg(long)]
    pub employee: Option<String>,
}

pub fn run(args: ExplainArgs) -> Exit {
    let scored = match score::run(&args.data) {
        Ok(scored) => scored,
        Err(exit) => return exit,
    };
    // Every result with the version that scored it, in data-file order.
    let mut chosen: Vec<_> = scored
        .groups
        .iter()
        .flat_map(|group| group.results.iter().map(move |result| (group, result)))
        .filter(|(_, r)| match &args.employee {
            None => true,
            Some(who) => &r.employee.id == who || r.employee.name.as_deref() == Some(who.as_str()),
        })
        .collect();
    chosen.sort_by_key(|(_, r)| r.line);
    if chosen.is_empty() {
        if let Some(who) = &args.employee {
            let ids: Vec<&str> = scored
                .groups
                .iter()
                .flat_map(|g| &g.results)
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
        .map(|(group, result)| {
            report::explain_with_inputs(&group.card, result, group.inputs_of(result))
        })
        .collect();
    print!("{}", texts.join(&format!("\n{}\n\n", "─".repeat(60))));
    scored.exit
}
