//! Cards and hook scripts read from files, confined to the rules root
//! ([`confine`](crate::confine)): the file-system side of the core's
//! [`Loader`] and [`HookFiles`] traits.

use crate::confine::{read_regular, tidy, Kind, Root, MAX_CARD_BYTES};
use scorecard_core::hooks::HookFiles;
use scorecard_core::resolve::{display, LoadError, LoadErrorKind, Loader};
use scorecard_core::source::SourceFile;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// Reads cards from files. Names are kept as written relative to the
/// loader's base (the working directory unless [`FileLoader::rooted`]), so
/// messages and `show` say `rules/callback_specialist.card`, not an absolute path.
///
/// Every file a card or manifest names must lie inside the rules root (see
/// [`confine`](crate::confine)): the folder given with
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
    /// [`confine::set_rules_root`]: crate::confine::set_rules_root
    pub fn new() -> Self {
        FileLoader {
            base: PathBuf::new(),
            given: crate::confine::rules_root().map(Root::given),
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
    pub fn open(&self, path: impl AsRef<Path>) -> Result<Arc<SourceFile>, LoadError> {
        let name = tidy(path.as_ref());
        self.root(&name);
        let bytes = read_regular(&self.base.join(&name), &display(&name), MAX_CARD_BYTES)?;
        text(&name, bytes)
    }
}

/// The bytes of the file `name` as text.
fn text(name: &Path, bytes: Vec<u8>) -> Result<Arc<SourceFile>, LoadError> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let message = if e.utf8_error().error_len().is_none() {
            crate::t!("file-cut-short", name = display(name))
        } else {
            crate::t!("file-not-utf8", name = display(name))
        };
        LoadError::new(LoadErrorKind::NotUtf8, message)
    })?;
    Ok(SourceFile::new(display(name), text))
}

impl Loader for FileLoader {
    /// A card may name only a `.card` file inside the rules root.
    fn load(&self, from: &SourceFile, path: &str) -> Result<Arc<SourceFile>, LoadError> {
        let root = self.root(Path::new(&from.name));
        let name = tidy(&relative_to(from, path));
        let bytes = root.read(path, &self.base.join(&name), &display(&name), Kind::Card)?;
        text(&name, bytes)
    }
}

/// `path` as seen from the folder of the file `from`.
fn relative_to(from: &SourceFile, path: &str) -> PathBuf {
    let folder = Path::new(&from.name).parent().unwrap_or(Path::new(""));
    folder.join(path)
}

/// Hook files next to the card: paths are relative to the card's folder,
/// and must name `.rhai` files inside the rules root (see
/// [`confine`](crate::confine)), no larger than
/// [`MAX_HOOK_BYTES`](crate::confine::MAX_HOOK_BYTES).
#[derive(Debug, Clone)]
pub struct HookDir {
    dir: PathBuf,
    root: Root,
}

impl HookDir {
    /// For the card at `card_path` (as given on the command line); the rules
    /// root is found from it as a [`FileLoader`](crate::FileLoader) finds it.
    pub fn beside(card_path: &Path) -> HookDir {
        HookDir {
            dir: card_path
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default(),
            root: crate::confine::rules_root()
                .map(Root::given)
                .unwrap_or_else(|| Root::of_file(card_path)),
        }
    }

    /// The same, with `dir` as the rules root (`--rules-root`).
    pub fn within(self, dir: impl Into<PathBuf>) -> HookDir {
        HookDir {
            root: Root::given(dir),
            ..self
        }
    }
}

impl HookFiles for HookDir {
    fn read(&self, path: &str) -> Result<Arc<SourceFile>, LoadError> {
        let full = self.dir.join(path);
        let name = full.to_string_lossy().replace('\\', "/");
        let bytes = self.root.read(path, &full, &name, Kind::Hook)?;
        let text = String::from_utf8(bytes).map_err(|_| {
            LoadError::new(
                LoadErrorKind::NotUtf8,
                crate::t!("hook-not-utf8", name = &name),
            )
        })?;
        Ok(SourceFile::new(name, text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_says_which() {
        let error = FileLoader::new().open("no/such/dir/x.card").unwrap_err();
        assert_eq!(error.kind(), LoadErrorKind::NotFound);
        assert_eq!(error.to_string(), "there is no file `no/such/dir/x.card`");
    }
}
