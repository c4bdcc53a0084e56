//! Where a card's hook files come from.
//!
//! A card names its hook files relative to itself (`hooks "hooks/pay.rhai"`
//! in `rules/x.card` is `rules/hooks/pay.rhai`). The checker asks a
//! [`HookFiles`] for them, so tests can serve scripts from memory and a card
//! compiled from text alone can say plainly why its hooks cannot be read.

use crate::resolve::{LoadError, LoadErrorKind};
use crate::source::SourceFile;
use std::collections::HashMap;
use std::sync::Arc;

/// Reads the hook scripts a card names (`hooks "pay.rhai" { … }`).
pub trait HookFiles {
    /// The script at `path` as written in the card, named as the user should
    /// see it; `Err` says why it cannot be read.
    fn read(&self, path: &str) -> Result<Arc<SourceFile>, LoadError>;
}

/// No files at all: a card compiled from its text alone.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoHookFiles;

impl HookFiles for NoHookFiles {
    fn read(&self, _path: &str) -> Result<Arc<SourceFile>, LoadError> {
        Err(LoadError::new(
            LoadErrorKind::NoFiles,
            crate::t!("hook-files-given-as-text"),
        ))
    }
}

/// Scripts held in memory, by the path the card gives.
#[derive(Debug, Clone, Default)]
pub struct MemoryHookFiles {
    files: HashMap<String, String>,
}

impl MemoryHookFiles {
    /// These files and one more: `text` is the script at `path`, as a card's `import` names it.
    pub fn with(mut self, path: &str, text: &str) -> Self {
        self.files.insert(path.to_string(), text.to_string());
        self
    }
}

impl HookFiles for MemoryHookFiles {
    fn read(&self, path: &str) -> Result<Arc<SourceFile>, LoadError> {
        self.files
            .get(path)
            .map(|text| SourceFile::new(path, text.as_str()))
            .ok_or_else(|| {
                LoadError::new(
                    LoadErrorKind::NotFound,
                    crate::t!("no-hook-file", path = path),
                )
            })
    }
}
