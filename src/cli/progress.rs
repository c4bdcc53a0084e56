//! A progress bar on stderr while a large file is scored.
//!
//! Shown only when stderr is a terminal and the file has more than
//! [`LARGE`] rows: a small month finishes before a bar could be read, and a
//! bar written into a pipe or a log is noise. Tests run with stderr piped,
//! so they never see one.

use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;

/// Rows above which scoring shows a bar.
pub const LARGE: usize = 10_000;

/// A bar over `rows` rows, or a hidden one that draws nothing.
pub fn bar(rows: usize, what: &str) -> ProgressBar {
    if rows <= LARGE || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(rows as u64);
    let style = ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} rows, {eta} left")
        .map(|s| s.progress_chars("=> "))
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar.set_message(what.to_string());
    bar
}

/// A running count of rows, for a file whose length is not known up front;
/// drawn only when stderr is a terminal.
pub fn counter(what: &str) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    let style = ProgressStyle::with_template("{msg} {pos} rows, {per_sec}")
        .unwrap_or_else(|_| ProgressStyle::default_spinner());
    bar.set_style(style);
    bar.set_message(what.to_string());
    bar
}
