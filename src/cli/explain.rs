//! `scorecard explain`: every point won and lost, in the card's own words.

use super::args::DataArgs;
use super::{exit_codes, tell, Exit};
use scorecard::report;
use std::io::Write;

#[derive(Debug, clap::Args)]
#[command(
    about = "Explain each employee's score line by line, quoting the rules that applied",
    after_help = concat!(
        "Each row is explained by its own card (with a rules directory: the card its role, brand and store pick, for every step, the pay after the appraisal).\n\nExamples:\n  scorecard explain rules/ examples/callback_specialists_by_brand.csv --employee HF109\n  scorecard explain rules/callback_specialist.card examples/callback_specialists.csv > 说明.txt\n\n",
        exit_codes!()
    )
)]
pub struct ExplainArgs {
    #[command(flatten)]
    pub data: DataArgs,
    /// Only this employee (by id, or by name); with several periods or steps, every one of them
    #[arg(long)]
    pub employee: Option<String>,
}

pub fn run(args: ExplainArgs) -> Exit {
    let plan = match args.data.plan(true) {
        Ok(plan) => plan,
        Err(exit) => return exit,
    };
    let outcome = plan.results();
    let exit = tell::outcome(&outcome, &args.data.data_names());
    if !outcome.verdict.scores() {
        return exit;
    }
    let wanted = |id: &str, name: Option<&str>| match &args.employee {
        None => true,
        Some(who) => id == who || name == Some(who.as_str()),
    };
    // Each row explained by its own card, in the data's order.
    let mut texts: Vec<String> = Vec::new();
    for (run, i) in outcome.in_data_order() {
        let result = &run.results[i];
        if wanted(&result.employee.id, result.employee.name.as_deref()) {
            let notes = run.notes_of(i);
            texts.push(report::explain_with_notes(
                &run.card,
                result,
                &run.inputs[i],
                &notes,
            ));
        }
    }
    if texts.is_empty() {
        if let Some(who) = &args.employee {
            let ids: Vec<&str> = outcome
                .in_data_order()
                .into_iter()
                .take(10)
                .map(|(run, i)| run.results[i].employee.id.as_str())
                .collect();
            eprintln!(
                "error: no employee `{who}` in {} (ids there include: {})",
                args.data.data_names(),
                ids.join(", ")
            );
            return Exit::DataError;
        }
    }
    let text = texts.join(&format!("\n{}\n\n", "─".repeat(60)));
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => exit,
        // `explain … | head`: the reader has all it wants.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => exit,
        Err(e) => {
            eprintln!("error: cannot write the explanation: {e}");
            Exit::Output
        }
    }
}
