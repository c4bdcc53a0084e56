//! `scorecard explain`: every point won and lost, in the card's own words.

use super::args::DataArgs;
use super::{output, tell, Exit};
use scorecard::report;
use scorecard::t;
use std::io::Write;

#[derive(Debug, clap::Args)]
/// Explain each score (texts: `help-explain-*` in locales/*/help.ftl)
pub struct ExplainArgs {
    #[command(flatten)]
    pub data: DataArgs,
    /// Only this employee (by id, or by name); with several periods or steps, every one of them
    #[arg(long)]
    pub employee: Option<String>,
    /// `text` on the terminal, or `html`: 考核结果告知书, one A4 page per employee to print
    /// and hand out (the explanation, the pay, an appeal paragraph and a signature block)
    #[arg(long, default_value = "text", value_parser = ["text", "html"])]
    pub format: String,
    /// Write to this file (replaced whole, only once complete) instead of stdout
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<String>,
}

pub fn run(args: ExplainArgs) -> Exit {
    let plan = match args.data.plan(true) {
        Ok(plan) => plan,
        Err(exit) => return exit,
    };
    let plan_inputs = plan.input_files();
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
    let mut parts: Vec<report::AppealPart> = Vec::new();
    for (run, i) in outcome.in_data_order() {
        let result = &run.results[i];
        if wanted(&result.employee.id, result.employee.name.as_deref()) {
            let notes = run.notes_of(i);
            if args.format == "html" {
                parts.push(report::AppealPart {
                    card: &run.card,
                    result,
                    inputs: Some(&run.inputs[i]),
                    notes,
                });
            } else {
                texts.push(report::explain_with_notes(
                    &run.card,
                    result,
                    &run.inputs[i],
                    &notes,
                ));
            }
        }
    }
    if texts.is_empty() && parts.is_empty() {
        if let Some(who) = &args.employee {
            let ids: Vec<&str> = outcome
                .in_data_order()
                .into_iter()
                .take(10)
                .map(|(run, i)| run.results[i].employee.id.as_str())
                .collect();
            tell::error(t!(
                "cli-no-employee",
                who = who,
                data = args.data.data_names(),
                ids = ids.join(", ")
            ));
            return Exit::DataError;
        }
    }
    let text = if args.format == "html" {
        report::appeal_html("考核结果告知书", &parts)
    } else {
        texts.join(&format!("\n{}\n\n", "─".repeat(60)))
    };
    if args.output.is_some() {
        if let Err(message) = output::refuse_inputs(args.output.as_deref(), &plan_inputs) {
            tell::error(message);
            return Exit::Usage;
        }
        return match output::emit(args.output.as_deref(), false, |out| {
            out.write_all(text.as_bytes())
        }) {
            Ok(()) => exit,
            Err(message) => {
                tell::error(message);
                Exit::Output
            }
        };
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => exit,
        // `explain … | head`: the reader has all it wants.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => exit,
        Err(e) => {
            tell::error(t!("cli-cannot-write-explanation", error = e.to_string()));
            Exit::Output
        }
    }
}
