//! `scorecard explain`: every point won and lost, in the card's own words.

use super::args::DataArgs;
use super::{exit_codes, output, tell, Exit};
use scorecard::report;
use std::io::Write;

#[derive(Debug, clap::Args)]
#[command(
    about = "Explain each employee's score line by line, quoting the rules that applied",
    after_help = concat!(
        "Each row is explained by its own card (with a rules directory: the card its role, brand and store pick, for every step, the pay after the appraisal).\n\nWith --format html, the explanation is a 考核结果告知书: one A4 page per employee (appraisal and pay together), with an appeal paragraph and a signature block, to print from the browser.\n\nExamples:\n  scorecard explain rules/ examples/callback_specialists_by_brand.csv --employee HF109\n  scorecard explain rules/ examples/callback_specialists_by_brand.csv examples/booking_export.csv examples/finance_report.csv --format html --output 告知书.html\n  scorecard explain rules/callback_specialist.card examples/callback_specialists.csv > 说明.txt\n\n",
        exit_codes!()
    )
)]
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
            eprintln!(
                "error: no employee `{who}` in {} (ids there include: {})",
                args.data.data_names(),
                ids.join(", ")
            );
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
            eprintln!("error: {message}");
            return Exit::Usage;
        }
        return match output::emit(args.output.as_deref(), false, |out| {
            out.write_all(text.as_bytes())
        }) {
            Ok(()) => exit,
            Err(message) => {
                eprintln!("error: {message}");
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
            eprintln!("error: cannot write the explanation: {e}");
            Exit::Output
        }
    }
}
