//! Finding the card an `extends` names.
//!
//! The resolve stage never touches the file system itself: it asks a
//! [`Loader`]. [`FileLoader`] reads files (what the command line uses),
//! [`MemoryLoader`] serves texts held in memory (tests, an editor's unsaved
//! buffers), and [`NoLoader`] refuses, for a card given as bare text.

use super::confine::{read_regular, tidy, Kind, Root, MAX_CARD_BYTES};
use crate::source::SourceFile;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// Reads the card an `extends "…"` names.
pub trait Loader {
    /// The card at `path` as written in `from`'s `extends` (a relative path is
    /// relative to `from`'s folder). Its name must be the same however the
    /// path was written (`a/../b.card` and `b.card` are one file), since
    /// loops are found by name. `Err` is a plain sentence saying why not.
    fn load(&self, from: &SourceFile, path: &str) -> Result<Arc<SourceFile>, String>;
}

/// Gives no cards: for a card given as text, with no file to be relative to.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoLoader;

impl Loader for NoLoader {
    fn load(&self, _from: &SourceFile, _path: &str) -> Result<Arc<SourceFile>, String> {
        Err(crate::t!("card-given-as-text"))
    }
}

/// Reads cards from files. Names are kept as written relative to the
/// loader's base (the working directory unless [`FileLoader::rooted`]), so
/// messages and `show` say `rules/callback_specialist.card`, not an absolute path.
///
/// Every file a card or manifest names must lie inside the rules root (see
/// [`confine`](super::confine)): the folder given with
/// [`FileLoader::within`], else the one found from the first file this
/// loader reads. A loader serves one card or one manifest and what they name.
#[derive(Debug, Clone)]
pub struct FileLoader {
    base: PathBuf,
    given: Option<Root>,
    found: OnceLock<Root>,
}

impl Default for FileLoader {
    fn default() -> Self {
        FileLoader::new()
    }
}

impl FileLoader {
    /// Paths relative to the working directory; the rules root is found
    /// from the first file read.
    /// A rules root set for the whole process ([`confine::set_rules_root`],
    /// `--rules-root`) is this loader's root.
    ///
    /// [`confine::set_rules_root`]: super::confine::set_rules_root
    pub fn new() -> Self {
        FileLoader {
            base: PathBuf::new(),
            given: super::confine::rules_root().map(Root::given),
            found: OnceLock::new(),
        }
    }

    /// Paths relative to `root` (a test's repository root, say), which is
    /// also the rules root.
    pub fn rooted(root: impl Into<PathBuf>) -> Self {
        let base: PathBuf = root.into();
        FileLoader {
            given: Some(Root::given(&base)),
            base,
            found: OnceLock::new(),
        }
    }

    /// The same loader with `dir` as the rules root (`--rules-root`).
    pub fn within(mut self, dir: impl Into<PathBuf>) -> Self {
        self.given = Some(Root::given(self.base.join(dir.into())));
        self
    }

    /// The rules root for a chain that starts at the file named `name`.
    fn root(&self, name: &Path) -> &Root {
        match &self.given {
            Some(root) => root,
            None => self
                .found
                .get_or_init(|| Root::of_file(&self.base.join(name))),
        }
    }

    /// Reads the card (or manifest) at `path` (relative to the base), named
    /// by its tidied path: the file the user names, so any regular file no
    /// larger than [`MAX_CARD_BYTES`].
    pub fn open(&self, path: impl AsRef<Path>) -> Result<Arc<SourceFile>, String> {
        let name = tidy(path.as_ref());
        self.root(&name);
        let bytes = read_regular(&self.base.join(&name), &display(&name), MAX_CARD_BYTES)?;
        text(&name, bytes)
    }
}

/// The bytes of the file `name` as text.
fn text(name: &Path, bytes: Vec<u8>) -> Result<Arc<SourceFile>, String> {
    let text = String::from_utf8(bytes).map_err(|e| {
        if e.utf8_error().error_len().is_none() {
            crate::t!("file-cut-short", name = display(name))
        } else {
            crate::t!("file-not-utf8", name = display(name))
        }
    })?;
    Ok(SourceFile::new(display(name), text))
}

impl Loader for FileLoader {
    /// A card may name only a `.card` file inside the rules root.
    fn load(&self, from: &SourceFile, path: &str) -> Result<Arc<SourceFile>, String> {
        let root = self.root(Path::new(&from.name));
        let name = tidy(&relative_to(from, path));
        let bytes = root.read(path, &self.base.join(&name), &display(&name), Kind::Card)?;
        text(&name, bytes)
    }
}

/// Cards held in memory, by name (`rules/callback_specialist.card`).
#[derive(Debug, Clone, Default)]
pub struct MemoryLoader {
    cards: HashMap<String, String>,
}

impl MemoryLoader {
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
    fn load(&self, from: &SourceFile, path: &str) -> Result<Arc<SourceFile>, String> {
        let name = display(&tidy(&relative_to(from, path)));
        self.get(&name)
            .ok_or_else(|| crate::t!("no-such-card", name = &name))
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
fn display(path: &Path) -> String {
    let text = path.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '\\' {
        text.replace('\\', "/")
    } else {
        text.into_owned()
    }
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
        assert_eq!(missing, "there is no card `rules/brands/君威/base.card`");
    }

    #[test]
    fn a_missing_file_says_which() {
        let error = FileLoader::new().open("no/such/dir/x.card").unwrap_err();
        assert_eq!(error, "there is no file `no/such/dir/x.card`");
    }

    #[test]
    fn no_loader_explains_itself() {
        let error = NoLoader
            .load(&SourceFile::new("<stdin>", ""), "a.card")
            .unwrap_err();
        assert!(error.contains("given as text"), "{error}");
    }
}
