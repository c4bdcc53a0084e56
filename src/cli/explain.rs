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
    let batch = match score::run_batch(&args.data) {
        Ok(batch) => batch,
        Err(exit) => return exit,
    };
    let wanted = |id: &str, name: Option<&str>| match &args.employee {
        None => true,
        Some(who) => id == who || name == Some(who.as_str()),
    };
    // Each row explained by its own card, in the data file's order.
    let mut chosen: Vec<(usize, String)> = Vec::new();
    for scored in &batch.groups {
        for result in &scored.results {
            if wanted(&result.employee.id, result.employee.name.as_deref()) {
                let inputs = scored.inputs_of(result);
                let text = report::explain_with_inputs(&scored.card, result, inputs);
                chosen.push((result.line, text));
            }
        }
    }
    chosen.sort_by_key(|(line, _)| *line);
    if chosen.is_empty() {
        if let Some(who) = &args.employee {
            let ids: Vec<&str> = batch
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
    let texts: Vec<String> = chosen.into_iter().map(|(_, text)| text).collect();
    print!("{}", texts.join(&format!("\n{}\n\n", "─".repeat(60))));
    batch.exit
}
