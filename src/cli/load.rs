//! Reading cards and data files named on the command line (`-` is stdin).

use super::Exit;
use scorecard::diagnostic::render;
use scorecard::hooks::HookDir;
use scorecard::{Checked, Diagnostics, FileLoader, SourceFile};
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

/// Parses and checks a card, printing its diagnostics to stderr.
/// Returns the checked card, or the exit code to stop with.
pub fn card(path: &str) -> Result<Checked, Exit> {
    let text = read_text(path).map_err(|message| {
        eprintln!("error: {message}");
        Exit::CardError
    })?;
    let name = if path == "-" { "<stdin>" } else { path };
    let source = SourceFile::new(name, text);
    match compile(&source, path) {
        Ok(checked) => {
            print_diagnostics(&checked.warnings);
            Ok(checked)
        }
        Err(diagnostics) => {
            print_diagnostics(&diagnostics);
            Err(Exit::CardError)
        }
    }
}

/// Checks a card read from `path`: any card it `extends` is found relative
/// to it, and its hook files lie beside it (a card from stdin: relative to
/// the working directory).
pub fn compile(source: &Arc<SourceFile>, path: &str) -> Result<Checked, Diagnostics> {
    let card_path = if path == "-" { "./-" } else { path };
    let hooks = HookDir::beside(std::path::Path::new(card_path));
    scorecard::compile_with(source, &FileLoader::new(), &hooks)
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
