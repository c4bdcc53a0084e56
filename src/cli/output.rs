//! Where a report goes: stdout, or a file written atomically.
//!
//! A file is written to a temporary file in the same directory and renamed
//! over the target only once complete, so a payroll workbook is never left
//! half-written (a full disk, Ctrl-C) and a reader never sees a partial file.
//! It is synced to disk before the rename, while it grows (`write_ahead`).
//! A file replaced keeps its permissions; a new one gets the usual ones
//! (0666 less the umask, as any program's new file), or, with `--private`,
//! is readable by its owner only.

use super::write_ahead::WriteAhead;
use scorecard::t;
use std::io::{self, IsTerminal, Write};
use std::path::Path;
use tempfile::NamedTempFile;

/// Refuses `--output PATH` when PATH is one of the run's `inputs` (its data,
/// a card, a hook script, the manifest): the report would replace the
/// month's data or the policy itself.
pub fn refuse_inputs(path: Option<&str>, inputs: &[std::path::PathBuf]) -> Result<(), String> {
    let Some(path) = path else {
        return Ok(());
    };
    let Ok(real) = std::fs::canonicalize(path) else {
        return Ok(()); // a new file is no input
    };
    if inputs.contains(&real) {
        return Err(t!("cli-output-is-input", path = path));
    }
    Ok(())
}

/// Writes what `write` produces to `path`, or to stdout when `path` is `None`.
/// A binary format is refused on a terminal, where it would be garbage.
pub fn emit(
    path: Option<&str>,
    binary: bool,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), String> {
    match path {
        Some(path) => write_atomically(Path::new(path), write).map_err(|e| cannot_write(path, &e)),
        None => {
            let stdout = io::stdout();
            if binary && stdout.is_terminal() {
                return Err(t!("cli-binary-on-terminal"));
            }
            let mut out = io::BufWriter::new(stdout.lock());
            reader_has_enough(write(&mut out).and_then(|()| out.flush()))
                .map_err(|e| t!("cli-cannot-write-results", error = e.to_string()))
        }
    }
}

/// `cannot write `PATH`: why`.
fn cannot_write(path: &str, e: &io::Error) -> String {
    t!(
        "cli-cannot-write-file",
        path = path,
        error = super::load::io_reason(e)
    )
}

/// Stdout closed early (`eval … | head`): the reader has all it wants, so
/// that is no failure.
fn reader_has_enough(written: io::Result<()>) -> io::Result<()> {
    match written {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// The temporary files being written: removed if the run is interrupted
/// (Ctrl-C, SIGTERM, SIGHUP), when no destructor would run.
static TEMPORARY: std::sync::Mutex<Vec<std::path::PathBuf>> = std::sync::Mutex::new(Vec::new());

/// Makes an interrupted run remove its temporary files and leave every
/// report as it was; set once, before anything is written.
pub fn clean_up_on_interrupt() {
    let _ = ctrlc::set_handler(|| {
        let temporary = TEMPORARY.lock().unwrap_or_else(|e| e.into_inner());
        for path in temporary.iter() {
            let _ = std::fs::remove_file(path);
        }
        eprintln!("\n{}", t!("cli-interrupted"));
        std::process::exit(130);
    });
}

/// A temporary file, remembered for [`clean_up_on_interrupt`].
pub fn temporary(temp: NamedTempFile) -> NamedTempFile {
    TEMPORARY
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(temp.path().to_path_buf());
    temp
}

/// `--private`: new report files readable by their owner only.
static PRIVATE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Makes every new report file of this run private (mode 0600).
pub fn set_private(private: bool) {
    PRIVATE.store(private, std::sync::atomic::Ordering::Relaxed);
}

/// A temporary file in `dir` that becomes a report: created with the mode a
/// new file gets (0666 less the umask), or 0600 with `--private`.
fn new_file_in(dir: &Path) -> io::Result<NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let private = PRIVATE.load(std::sync::atomic::Ordering::Relaxed);
        builder.permissions(std::fs::Permissions::from_mode(if private {
            0o600
        } else {
            0o666
        }));
    }
    builder.tempfile_in(dir).map(temporary)
}

fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let mut spool = Spool::to_file(path)?;
    write(spool.writer())?;
    spool.commit_file()
}

/// Where writing `path` whole (a temporary file renamed over it) must go: a
/// new path, or a regular file, through a symbolic link if `path` is one (the
/// link stays a link). A device, a pipe or a folder is refused: renaming
/// over `/dev/full` would replace the device with a file.
pub fn real_target(path: &Path) -> io::Result<std::path::PathBuf> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(path.to_path_buf()),
        Err(e) => return Err(e),
    };
    let real = if meta.file_type().is_symlink() {
        std::fs::canonicalize(path)
            .map_err(|e| io::Error::new(e.kind(), t!("cli-dangling-link", error = e.to_string())))?
    } else {
        path.to_path_buf()
    };
    if !std::fs::metadata(&real)?.is_file() {
        return Err(io::Error::other(t!("cli-not-a-regular-file")));
    }
    Ok(real)
}

/// A report written while it is made, and kept only if the run ends well:
/// into a temporary file beside the target (renamed over it by
/// [`Spool::commit`]), or, for stdout, into an anonymous temporary file
/// copied out on commit. Dropped uncommitted, it leaves nothing behind.
pub struct Spool {
    target: Option<std::path::PathBuf>,
    temp: io::BufWriter<WriteAhead>,
}

impl Spool {
    /// A spool for `path`, or for stdout when `None`. A binary format is
    /// refused on a terminal, where it would be garbage.
    pub fn new(path: Option<&str>, binary: bool) -> Result<Spool, String> {
        match path {
            Some(path) => Spool::to_file(Path::new(path)).map_err(|e| cannot_write(path, &e)),
            None if binary && io::stdout().is_terminal() => Err(t!("cli-binary-on-terminal")),
            None => {
                let temp = NamedTempFile::new()
                    .map(temporary)
                    .map_err(|e| t!("cli-cannot-make-temporary", error = e.to_string()))?;
                Ok(Spool {
                    target: None,
                    temp: io::BufWriter::with_capacity(1 << 16, WriteAhead::off(temp)),
                })
            }
        }
    }

    fn to_file(path: &Path) -> io::Result<Spool> {
        let path = &real_target(path)?;
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        Ok(Spool {
            target: Some(path.to_path_buf()),
            temp: io::BufWriter::with_capacity(1 << 16, WriteAhead::new(new_file_in(dir)?)),
        })
    }

    pub fn writer(&mut self) -> &mut (dyn Write + Send) {
        &mut self.temp
    }

    /// Keeps the report: the file replaced whole, or the text sent to stdout.
    pub fn commit(self) -> Result<(), String> {
        match self.target.clone() {
            Some(path) => self
                .commit_file()
                .map_err(|e| cannot_write(&path.display().to_string(), &e)),
            None => reader_has_enough(self.copy_to_stdout())
                .map_err(|e| t!("cli-cannot-write-results", error = e.to_string())),
        }
    }

    fn commit_file(self) -> io::Result<()> {
        let target = self.target.clone().ok_or(io::ErrorKind::InvalidInput)?;
        let temp = self.temp.into_inner().map_err(|e| e.into_error())?;
        let temp = temp.finish()?;
        if let Ok(existing) = std::fs::metadata(&target) {
            temp.as_file().set_permissions(existing.permissions())?;
        }
        temp.as_file().sync_all()?;
        temp.persist(&target).map_err(|e| e.error)?;
        Ok(())
    }

    fn copy_to_stdout(self) -> io::Result<()> {
        use std::io::Seek;
        let mut temp = self
            .temp
            .into_inner()
            .map_err(|e| e.into_error())?
            .finish()?;
        temp.as_file_mut().rewind()?;
        let stdout = io::stdout();
        let mut out = stdout.lock();
        io::copy(temp.as_file_mut(), &mut out)?;
        out.flush()
    }
}

/// A run writes its report into the spool; it may start over.
impl scorecard::run::Target for Spool {
    fn writer(&mut self) -> &mut (dyn Write + Send) {
        &mut self.temp
    }

    fn restart(&mut self) -> io::Result<()> {
        let fresh = match &self.target {
            Some(path) => Spool::to_file(path)?,
            None => Spool::new(None, false).map_err(io::Error::other)?,
        };
        // The old temporary file is removed as it is dropped.
        *self = fresh;
        Ok(())
    }
}
