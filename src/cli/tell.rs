//! Telling what a run found, on stderr, and choosing the exit code.

use super::Exit;
use scorecard::run::{Outcome, Verdict};
use scorecard::t;
use std::fmt::Display;

/// `error: …` (`错误: …`) on stderr.
pub fn error(message: impl Display) {
    eprintln!("{}: {message}", t!("diag-error"));
}

/// `warning: …` (`警告: …`) on stderr.
pub fn warning(message: impl Display) {
    eprintln!("{}: {message}", t!("diag-warning"));
}

/// `note: …` (`注意: …`) on stderr.
pub fn note(message: impl Display) {
    eprintln!("{}: {message}", t!("cli-note"));
}

/// Prints the warnings, notes and problems of `outcome`, then the verdict;
/// returns the exit code the results deserve. `data` names the data for
/// the verdict's sentence.
pub fn outcome(outcome: &Outcome, data: &str) -> Exit {
    for w in &outcome.warnings {
        warning(w);
    }
    for n in &outcome.notes {
        note(n);
    }
    for problem in &outcome.problems {
        error(problem);
    }
    if outcome.is_usage() {
        return Exit::Usage;
    }
    match outcome.verdict {
        Verdict::Clean => Exit::Ok,
        Verdict::LeftOut { rows, scored } => {
            warning(t!("cli-rows-left-out", rows = rows, scored = scored));
            Exit::DataError
        }
        Verdict::Refused { problems } => {
            error(t!("cli-nothing-scored", problems = problems, data = data));
            Exit::DataError
        }
    }
}
