//! Helpers shared by the scenario tests.

use scorecard::HookDir;
use scorecard::{Checked, FileLoader, SourceFile};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The repository root, so paths in snapshots read the same on every machine.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `path` relative to the repository root, with forward slashes.
pub fn relative(path: &Path) -> String {
    let rel = path.strip_prefix(root()).unwrap_or(path);
    rel.to_string_lossy().replace('\\', "/")
}

/// The scenario tests were written against the English messages: every
/// in-process helper sets the library's language to English (the Chinese
/// snapshots pin Chinese for their own thread with `i18n::with_lang`). The
/// binary is run with an English locale (`ENGLISH`).
pub fn english() {
    scorecard::i18n::set_lang(scorecard::i18n::Lang::En);
}

/// The environment the binary is run with in the English-asserting tests.
pub const ENGLISH: (&str, &str) = ("LC_ALL", "en_US.UTF-8");

pub fn source(path: &Path) -> Arc<SourceFile> {
    english();
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    SourceFile::new(relative(path), text)
}

/// Parses and checks a card file, finding the cards it extends and its hook
/// files from the repository root, so every file is named relative to it and
/// snapshots read the same on every machine.
pub fn compile(path: &Path) -> Result<Checked, scorecard::Diagnostics> {
    compile_as(path, source(path).text.to_string())
}

/// Parses and checks `text` as if it were the card file at `path`: the cards
/// it extends and its hook files are found as for that file.
pub fn compile_as(path: &Path, text: String) -> Result<Checked, scorecard::Diagnostics> {
    english();
    let source = SourceFile::new(relative(path), text);
    let hooks = HookDir::beside(Path::new(&relative(path)));
    scorecard::compile_with(&source, &FileLoader::rooted(root()), &hooks)
}

/// Compiles a card that must be valid, failing with its rendered diagnostics.
pub fn checked(path: &Path) -> Checked {
    match compile(path) {
        Ok(checked) => checked,
        Err(d) => panic!(
            "{} should be a valid card, but:\n{}",
            relative(path),
            scorecard::diagnostic::render::human_all(&d, false)
        ),
    }
}

/// `tests/cards/`, the base directory of the card scenarios.
pub fn cards_dir() -> &'static str {
    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cards")
}

/// `tests/data/`, the base directory of the evaluation scenarios.
pub fn data_dir() -> &'static str {
    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data")
}

/// Every `*.card` file under `dir`, in path order.
pub fn cards_under(dir: &Path) -> Vec<PathBuf> {
    let mut cards = Vec::new();
    let entries =
        std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            cards.extend(cards_under(&path));
        } else if path.extension().is_some_and(|e| e == "card") {
            cards.push(path);
        }
    }
    cards.sort();
    cards
}

/// The card a data scenario names in its `# card:` line, checked; `None`
/// for a scenario scored through another card (`# from:`) or a rules
/// directory (`# rules:`), or whose card does not check.
pub fn scenario_card(text: &str) -> Option<scorecard::CheckedCard> {
    if text
        .lines()
        .any(|l| l.starts_with("# from:") || l.starts_with("# rules:"))
    {
        return None;
    }
    let card = text.lines().find_map(|l| l.strip_prefix("# card:"))?.trim();
    Some(scorecard::compile_file(Path::new(card)).ok()?.into_card())
}
