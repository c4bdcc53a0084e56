//! The rules root: the one folder whose files a card, a manifest or a hook
//! may name.
//!
//! A card is policy text that may come from anyone who can edit a rules
//! folder, so what it names is checked before anything is opened: a path
//! written in a card (`extends`, `hooks`) or a manifest (`file`) must be
//! relative, must stay inside the root once `..` and symbolic links are
//! followed, must be a regular file (not a device, a FIFO or `/proc`), and
//! must be no larger than a limit. The file is then read no further than the
//! limit, in case it grows meanwhile.
//!
//! The root is the folder given explicitly (`--rules-root`), else the
//! nearest folder at or above the first file's holding a `scorecard.toml`
//! (a rules directory: `rules/brands/GL8/x.card` may extend
//! `../../callback_specialist.card`), else the first file's own folder.

use crate::t;
pub use scorecard_core::resolve::tidy;
use scorecard_core::resolve::{LoadError, LoadErrorKind};
use std::io::Read;
use std::path::{Component, Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// The rules root the user gave for the whole run (`--rules-root`).
static RULES_ROOT: OnceLock<PathBuf> = OnceLock::new();

/// Makes `dir` the rules root of every card, manifest and hook file read
/// from now on in this process (the CLI's `--rules-root`, set once before
/// anything is read; a later call changes nothing). Without it each file's
/// root is found from the file, as above.
pub fn set_rules_root(dir: PathBuf) {
    let _ = RULES_ROOT.set(dir);
}

/// The rules root set with [`set_rules_root`], if any.
pub fn rules_root() -> Option<&'static Path> {
    RULES_ROOT.get().map(PathBuf::as_path)
}

/// Every card, manifest and hook file read so far in this process, as the
/// file system resolves it: what a report must never be written over.
static READ: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn remember(path: &Path) {
    let Ok(real) = std::fs::canonicalize(path) else {
        return;
    };
    let mut read = READ.lock().unwrap_or_else(|e| e.into_inner());
    if !read.contains(&real) {
        read.push(real);
    }
}

/// The card, manifest and hook files read so far (see [`read_regular`]).
pub fn files_read() -> Vec<PathBuf> {
    READ.lock().unwrap_or_else(|e| e.into_inner()).clone()
}

/// The largest card (or manifest) read, in bytes. The shipped cards are a
/// few kilobytes; a generated 500-item card is about 60 KB.
pub const MAX_CARD_BYTES: u64 = 1 << 20;
/// The largest hook script read, in bytes.
pub const MAX_HOOK_BYTES: u64 = 64 << 10;
/// The file that marks a rules directory.
const MANIFEST_FILE: &str = "scorecard.toml";

/// A rules root: as it is shown (relative to the working directory when it
/// was found from a relative path) and as the file system resolves it.
#[derive(Debug, Clone)]
pub struct Root {
    shown: PathBuf,
    real: Option<PathBuf>,
}

impl Root {
    /// The folder `dir`, given explicitly.
    pub fn given(dir: impl Into<PathBuf>) -> Root {
        let shown: PathBuf = dir.into();
        let real = std::fs::canonicalize(if shown.as_os_str().is_empty() {
            Path::new(".")
        } else {
            &shown
        })
        .ok();
        Root { shown, real }
    }

    /// The root for the file at `file`: the nearest folder at or above its
    /// own that holds a `scorecard.toml`, else its own folder.
    pub fn of_file(file: &Path) -> Root {
        let folder = file.parent().unwrap_or(Path::new(""));
        let mut candidate = folder.to_path_buf();
        let real_folder = std::fs::canonicalize(if folder.as_os_str().is_empty() {
            Path::new(".")
        } else {
            folder
        });
        if let Ok(real) = &real_folder {
            for (ups, dir) in real.ancestors().enumerate() {
                if dir.join(MANIFEST_FILE).is_file() {
                    for _ in 0..ups {
                        candidate.push("..");
                    }
                    return Root {
                        shown: tidy(&candidate),
                        real: Some(dir.to_path_buf()),
                    };
                }
            }
        }
        Root {
            shown: candidate,
            real: real_folder.ok(),
        }
    }

    /// The root as a user reads it (`.` for the working directory).
    pub fn shown(&self) -> String {
        let text = self.shown.to_string_lossy().replace('\\', "/");
        if text.is_empty() {
            ".".into()
        } else {
            text
        }
    }

    /// Reads the file at `full`, which a card, manifest or hook names as
    /// `written` and the user is shown as `name`, if it may be read: a
    /// relative path inside the root, of the `kind` of file asked for, a
    /// regular file of at most `limit` bytes. `Err` says why not; nothing is
    /// opened before every check has passed.
    pub fn read(
        &self,
        written: &str,
        full: &Path,
        name: &str,
        kind: Kind,
    ) -> Result<Vec<u8>, LoadError> {
        let outside = || {
            LoadError::new(
                LoadErrorKind::OutsideRoot,
                t!("outside-rules-root", written = written, root = self.shown()),
            )
        };
        let as_written = Path::new(written);
        if as_written.is_absolute() || as_written.has_root() || has_prefix(as_written) {
            return Err(outside());
        }
        let real = std::fs::canonicalize(full).map_err(|e| cannot_read(name, &e))?;
        let Some(root) = &self.real else {
            return Err(LoadError::new(
                LoadErrorKind::RootUnreadable,
                t!("rules-root-unreadable", root = self.shown()),
            ));
        };
        if !real.starts_with(root) {
            return Err(outside());
        }
        let (extension, what, wrong) = match kind {
            Kind::Card => (".card", t!("file-kind-card"), LoadErrorKind::NotACard),
            Kind::Hook => (".rhai", t!("file-kind-hook"), LoadErrorKind::NotAHook),
        };
        if !written.ends_with(extension) {
            return Err(LoadError::new(
                wrong,
                t!(
                    "wrong-file-kind",
                    written = written,
                    what = what,
                    extension = extension
                ),
            ));
        }
        read_regular(&real, name, kind.limit())
    }
}

/// What a card names: a card (`extends`, a manifest's `file`) or a hook script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Card,
    Hook,
}

impl Kind {
    /// The largest such file read, in bytes.
    pub fn limit(self) -> u64 {
        match self {
            Kind::Card => MAX_CARD_BYTES,
            Kind::Hook => MAX_HOOK_BYTES,
        }
    }
}

/// Reads `path` if it is a regular file of at most `limit` bytes; never
/// more than `limit` bytes however the file grows. `name` is how the user
/// knows the file.
pub fn read_regular(path: &Path, name: &str, limit: u64) -> Result<Vec<u8>, LoadError> {
    let meta = std::fs::metadata(path).map_err(|e| cannot_read(name, &e))?;
    if !meta.is_file() {
        return Err(LoadError::new(
            LoadErrorKind::NotAFile,
            t!("not-a-regular-file", name = name),
        ));
    }
    if meta.len() > limit {
        return Err(too_large(name, limit));
    }
    let file = std::fs::File::open(path).map_err(|e| cannot_read(name, &e))?;
    remember(path);
    read_at_most(file, name, limit)
}

/// Reads `reader` to its end, but no more than `limit` bytes.
pub fn read_at_most(reader: impl Read, name: &str, limit: u64) -> Result<Vec<u8>, LoadError> {
    let mut bytes = Vec::new();
    reader
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| cannot_read(name, &e))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(name, limit));
    }
    Ok(bytes)
}

fn too_large(name: &str, limit: u64) -> LoadError {
    LoadError::new(
        LoadErrorKind::TooLarge,
        t!("file-too-large", name = name, kb = limit / 1024),
    )
}

/// "there is no file `x`", or why it cannot be read.
fn cannot_read(name: &str, e: &std::io::Error) -> LoadError {
    match e.kind() {
        std::io::ErrorKind::NotFound => {
            LoadError::new(LoadErrorKind::NotFound, t!("no-such-file", name = name))
        }
        other => LoadError::new(
            LoadErrorKind::Io(other),
            t!("cannot-read-file", name = name, why = e.to_string()),
        ),
    }
}

fn has_prefix(path: &Path) -> bool {
    matches!(path.components().next(), Some(Component::Prefix(_)))
}
