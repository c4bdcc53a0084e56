//! Telling what a run found, on stderr, and choosing the exit code.

use super::Exit;
use scorecard::run::{Outcome, Verdict};

/// Prints the warnings, notes and problems of `outcome`, then the verdict;
/// returns the exit code the results deserve. `data` names the data for
/// the verdict's sentence.
pub fn outcome(outcome: &Outcome, data: &str) -> Exit {
    for warning in &outcome.warnings {
        eprintln!("warning: {warning}");
    }
    for note in &outcome.notes {
        eprintln!("note: {note}");
    }
    for problem in &outcome.problems {
        eprintln!("error: {problem}");
    }
    if outcome.is_usage() {
        return Exit::Usage;
    }
    match outcome.verdict {
        Verdict::Clean => Exit::Ok,
        Verdict::LeftOut { rows, scored } => {
            eprintln!("warning: {rows} bad row(s) left out; {scored} row(s) scored");
            Exit::DataError
        }
        Verdict::Refused { problems } => {
            eprintln!(
                "error: {problems} problem{} in {data}; nothing was scored. Fix them, or pass --keep-going to score the other rows.",
                if problems == 1 { "" } else { "s" },
            );
            Exit::DataError
        }
    }
}
