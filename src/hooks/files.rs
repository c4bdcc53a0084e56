//! Where a card's hook files come from.
//!
//! A card names its hook files relative to itself (`hooks "hooks/pay.rhai"`
//! in `rules/x.card` is `rules/hooks/pay.rhai`). The checker asks a
//! [`HookFiles`] for them, so tests can serve scripts from memory and a card
//! compiled from text alone can say plainly why its hooks cannot be read.

use crate::resolve::confine::{Kind, Root};
use crate::source::SourceFile;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub trait HookFiles {
    /// The script at `path` as written in the card, named as the user should see it.
    fn read(&self, path: &str) -> Result<Arc<SourceFile>, String>;
}

/// Hook files next to the card: paths are relative to the card's folder,
/// and must name `.rhai` files inside the rules root (see
/// [`confine`](crate::resolve::confine)), no larger than
/// [`MAX_HOOK_BYTES`](crate::resolve::confine::MAX_HOOK_BYTES).
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
            root: crate::resolve::confine::rules_root()
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
    fn read(&self, path: &str) -> Result<Arc<SourceFile>, String> {
        let full = self.dir.join(path);
        let name = full.to_string_lossy().replace('\\', "/");
        let bytes = self.root.read(path, &full, &name, Kind::Hook)?;
        let text =
            String::from_utf8(bytes).map_err(|_| crate::t!("hook-not-utf8", name = &name))?;
        Ok(SourceFile::new(name, text))
    }
}

/// No files at all: a card compiled from its text alone.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoHookFiles;

impl HookFiles for NoHookFiles {
    fn read(&self, _path: &str) -> Result<Arc<SourceFile>, String> {
        Err(
            "this card was compiled from its text alone, so its hook files cannot be read; \
             load it from its file (`scorecard::load`) instead"
                .to_string(),
        )
    }
}

/// Scripts held in memory, by the path the card gives.
#[derive(Debug, Clone, Default)]
pub struct MemoryHookFiles {
    files: HashMap<String, String>,
}

impl MemoryHookFiles {
    pub fn with(mut self, path: &str, text: &str) -> Self {
        self.files.insert(path.to_string(), text.to_string());
        self
    }
}

impl HookFiles for MemoryHookFiles {
    fn read(&self, path: &str) -> Result<Arc<SourceFile>, String> {
        self.files
            .get(path)
            .map(|text| SourceFile::new(path, text.as_str()))
            .ok_or_else(|| crate::t!("no-hook-file", path = path))
    }
}
