//! Reading what the command line names (`-` is stdin), and printing a card's problems.

use scorecard::diagnostic::render;
use scorecard::Diagnostics;
use std::io::{IsTerminal, Read};
use std::sync::Arc;

/// Reads a file's text, or stdin for `-`.
pub fn read_text(path: &str) -> Result<String, String> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read stdin: {e}"))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| format!("cannot read `{path}`: {e}"))?
    };
    String::from_utf8(bytes).map_err(|e| {
        if e.utf8_error().error_len().is_none() {
            format!("`{path}` ends in the middle of a character: the file looks cut short")
        } else {
            format!("`{path}` is not UTF-8 text; save it as UTF-8 and try again")
        }
    })
}

pub fn print_diagnostics(diagnostics: &Diagnostics) {
    if diagnostics.is_empty() {
        return;
    }
    eprint!("{}", render::human_all(diagnostics, colour()));
}

/// Colour only on a terminal, and never when NO_COLOR is set.
pub fn colour() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

pub fn source_name(path: &str) -> Arc<str> {
    Arc::from(if path == "-" { "<stdin>" } else { path })
}
