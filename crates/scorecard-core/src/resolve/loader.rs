//! Finding the card an `extends` names.
//!
//! The resolve stage never touches the file system itself: it asks a
//! [`Loader`]. `scorecard_io::FileLoader` reads files (what the command line uses),
//! [`MemoryLoader`] serves texts held in memory (tests, an editor's unsaved
//! buffers), and [`NoLoader`] refuses, for a card given as bare text.

use crate::source::SourceFile;
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

/// Reads the card an `extends "…"` names.
pub trait Loader {
    /// The card at `path` as written in `from`'s `extends` (a relative path is
    /// relative to `from`'s folder). Its name must be the same however the
    /// path was written (`a/../b.card` and `b.card` are one file), since
    /// loops are found by name. `Err` says why not.
    fn load(&self, from: &SourceFile, path: &str) -> Result<Arc<SourceFile>, LoadError>;
}

/// Why a card or a hook script could not be read: what went wrong
/// ([`LoadErrorKind`]) and the sentence the user reads (its `Display`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct LoadError {
    kind: LoadErrorKind,
    message: String,
}

/// What went wrong reading a card or a hook script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum LoadErrorKind {
    /// There is no file (or card held in memory) of that name.
    NotFound,
    /// The path leaves the rules root: absolute, or out through `..` or a link.
    OutsideRoot,
    /// The rules root itself cannot be read.
    RootUnreadable,
    /// An `extends` or a manifest names something other than a `.card` file.
    NotACard,
    /// A `hooks` declaration names something other than a `.rhai` file.
    NotAHook,
    /// Not a regular file: a folder, a device, a pipe.
    NotAFile,
    /// Larger than the most that is read.
    TooLarge,
    /// Not UTF-8 text, or cut short inside a character.
    NotUtf8,
    /// There are no files to read from: the card was given as text.
    NoFiles,
    /// The system refused or failed to read it.
    Io(std::io::ErrorKind),
}

impl LoadError {
    /// An error of `kind`, told to the user as `message` (from the catalogue).
    #[cold]
    pub fn new(kind: LoadErrorKind, message: impl Into<String>) -> LoadError {
        LoadError {
            kind,
            message: message.into(),
        }
    }

    /// What went wrong.
    pub fn kind(&self) -> LoadErrorKind {
        self.kind
    }

    /// The sentence the user reads (the same as `Display`).
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// Gives no cards: for a card given as text, with no file to be relative to.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoLoader;

impl Loader for NoLoader {
    fn load(&self, _from: &SourceFile, _path: &str) -> Result<Arc<SourceFile>, LoadError> {
        Err(LoadError::new(
            LoadErrorKind::NoFiles,
            crate::t!("card-given-as-text"),
        ))
    }
}

/// Cards held in memory, by name (`rules/callback_specialist.card`).
#[derive(Debug, Clone, Default)]
pub struct MemoryLoader {
    cards: HashMap<String, String>,
}

impl MemoryLoader {
    /// No cards yet; add them with [`with`](Self::with).
    pub fn new() -> Self {
        MemoryLoader::default()
    }

    /// Adds a card; `name` is tidied like a path (`a/./b.card` is `a/b.card`).
    pub fn with(mut self, name: &str, text: &str) -> Self {
        self.cards
            .insert(display(&tidy(Path::new(name))), text.to_string());
        self
    }

    /// The card named `name`, as a source file.
    pub fn get(&self, name: &str) -> Option<Arc<SourceFile>> {
        let name = display(&tidy(Path::new(name)));
        let text = self.cards.get(&name)?;
        Some(SourceFile::new(name, text.as_str()))
    }
}

impl Loader for MemoryLoader {
    fn load(&self, from: &SourceFile, path: &str) -> Result<Arc<SourceFile>, LoadError> {
        let name = display(&tidy(&relative_to(from, path)));
        self.get(&name).ok_or_else(|| {
            LoadError::new(
                LoadErrorKind::NotFound,
                crate::t!("no-such-card", name = &name),
            )
        })
    }
}

/// The name a loader gives the card `path` names in `from`'s `extends`
/// (tidied, with `/` between folders): two spellings of one file, one name.
pub fn card_name(from: &SourceFile, path: &str) -> String {
    display(&tidy(&relative_to(from, path)))
}

/// `path` tidied as a card's name: `rules/./a.card` is `rules/a.card`.
pub fn tidy_name(path: &Path) -> String {
    display(&tidy(path))
}

/// `path` as seen from the folder of the file `from`.
fn relative_to(from: &SourceFile, path: &str) -> PathBuf {
    let folder = Path::new(&from.name).parent().unwrap_or(Path::new(""));
    folder.join(path)
}

/// A path as text, with `/` between folders on every system.
pub fn display(path: &Path) -> String {
    let text = path.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '\\' {
        text.replace('\\', "/")
    } else {
        text.into_owned()
    }
}

/// A path with `.` dropped and `dir/..` folded away, without asking the file
/// system (so the name reads as the author wrote it, and two spellings of one
/// path are one name). A `..` that climbs above the start is kept.
pub fn tidy(path: &Path) -> PathBuf {
    let mut out: Vec<Component> = Vec::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => match out.last() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(part),
            },
            other => out.push(other),
        }
    }
    out.iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_tidied_without_the_file_system() {
        let cases = [
            (
                "rules/brands/君威/../../callback_specialist.card",
                "rules/callback_specialist.card",
            ),
            ("./rules/./a.card", "rules/a.card"),
            ("../a.card", "../a.card"),
            ("a/../../b.card", "../b.card"),
        ];
        for (path, want) in cases {
            assert_eq!(display(&tidy(Path::new(path))), want, "{path}");
        }
    }

    #[test]
    fn a_base_is_found_relative_to_the_card_that_extends_it() {
        let loader = MemoryLoader::new().with("rules/base.card", "scorecard b {}");
        let brand = SourceFile::new("rules/brands/君威/a.card", "");
        let base = loader.load(&brand, "../../base.card").expect("found");
        assert_eq!(base.name, "rules/base.card");
        let missing = loader.load(&brand, "base.card").unwrap_err();
        assert_eq!(missing.kind(), LoadErrorKind::NotFound);
        assert_eq!(
            missing.to_string(),
            "there is no card `rules/brands/君威/base.card`"
        );
    }

    #[test]
    fn no_loader_explains_itself() {
        let error = NoLoader
            .load(&SourceFile::new("<stdin>", ""), "a.card")
            .unwrap_err();
        assert_eq!(error.kind(), LoadErrorKind::NoFiles);
        assert!(error.to_string().contains("given as text"), "{error}");
    }
}
