//! Reading what the command line names (`-` is stdin), and printing a card's problems.

use scorecard::confine;
use scorecard::diagnostic::render;
use scorecard::i18n::{self, Lang};
use scorecard::{t, Diagnostics};
use std::io::IsTerminal;
use std::path::Path;
use std::sync::Arc;

/// Reads a card's text, or stdin for `-`: a regular file of at most
/// `MAX_CARD_BYTES`, so a device or an endless stream is refused.
pub fn read_text(path: &str) -> Result<String, String> {
    let bytes = if path == "-" {
        confine::read_at_most(std::io::stdin(), "<stdin>", confine::MAX_CARD_BYTES)
            .map_err(|e| e.to_string())?
    } else {
        if let Err(e) = std::fs::metadata(path) {
            return Err(t!("cli-cannot-read", path = path, error = io_reason(&e)));
        }
        confine::read_regular(Path::new(path), path, confine::MAX_CARD_BYTES)
            .map_err(|e| e.to_string())?
    };
    String::from_utf8(bytes).map_err(|e| {
        if e.utf8_error().error_len().is_none() {
            t!("cli-cut-short", path = path)
        } else {
            t!("cli-not-utf8", path = path)
        }
    })
}

/// Why a file could not be opened: the system's words in English; in
/// Chinese, ours for the common reasons (the system's otherwise).
pub fn io_reason(e: &std::io::Error) -> String {
    if i18n::lang() == Lang::En {
        return e.to_string();
    }
    match e.kind() {
        std::io::ErrorKind::NotFound => t!("cli-io-not-found"),
        std::io::ErrorKind::PermissionDenied => t!("cli-io-permission-denied"),
        std::io::ErrorKind::IsADirectory => t!("cli-io-is-a-directory"),
        _ => e.to_string(),
    }
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
