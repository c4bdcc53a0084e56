//! Helpers shared by the scenario tests.

use scorecard::hooks::HookDir;
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

pub fn source(path: &Path) -> Arc<SourceFile> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    SourceFile::new(relative(path), text)
}

/// Parses and checks a card file, finding the cards it extends and its hook
/// files from the repository root, so every file is named relative to it and
/// snapshots read the same on every machine.
pub fn compile(path: &Path) -> Result<Checked, scorecard::Diagnostics> {
    let source = source(path);
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
