//! Reading cards and data files named on the command line (`-` is stdin).

use super::Exit;
use scorecard::diagnostic::render;
use scorecard::hooks::HookDir;
use scorecard::resolve::confine;
use scorecard::{Checked, Diagnostics, FileLoader, SourceFile};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// The folder given with `--rules-root`, set once before any card is read.
static RULES_ROOT: OnceLock<PathBuf> = OnceLock::new();

/// Sets the rules root every card read from now on is confined to.
pub fn set_rules_root(dir: PathBuf) {
    let _ = RULES_ROOT.set(dir);
}

/// A loader for the cards a card or manifest names: confined to the
/// `--rules-root` folder, or to the one found from the card.
pub fn loader() -> FileLoader {
    match RULES_ROOT.get() {
        Some(dir) => FileLoader::new().within(dir),
        None => FileLoader::new(),
    }
}

/// Reads a card's text, or stdin for `-`: a regular file of at most
/// `MAX_CARD_BYTES`, so a device or an endless stream is refused.
pub fn read_text(path: &str) -> Result<String, String> {
    let bytes = if path == "-" {
        confine::read_at_most(std::io::stdin(), "<stdin>", confine::MAX_CARD_BYTES)?
    } else {
        if let Err(e) = std::fs::metadata(path) {
            return Err(format!("cannot read `{path}`: {e}"));
        }
        confine::read_regular(Path::new(path), path, confine::MAX_CARD_BYTES)?
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
    let hooks = HookDir::beside(Path::new(card_path));
    let hooks = match RULES_ROOT.get() {
        Some(dir) => hooks.within(dir),
        None => hooks,
    };
    scorecard::compile_with(source, &loader(), &hooks)
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
