//! A running count on stderr while a file is scored.
//!
//! Shown only when stderr is a terminal: a count written into a pipe or a
//! log is noise. Tests run with stderr piped, so they never see one.

use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;

/// A running count of rows, for a file whose length is not known up front;
/// drawn only when stderr is a terminal.
pub fn counter(what: &str) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    let template = format!(
        "{{msg}} {{pos}} {}, {{per_sec}}",
        scorecard::t!("cli-progress-rows")
    );
    let style = ProgressStyle::with_template(&template)
        .unwrap_or_else(|_| ProgressStyle::default_spinner());
    bar.set_style(style);
    bar.set_message(what.to_string());
    bar
}
