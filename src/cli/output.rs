//! Where a report goes: stdout, or a file written atomically.
//!
//! A file is written to a temporary file in the same directory and renamed
//! over the target only once complete, so a payroll workbook is never left
//! half-written (a full disk, Ctrl-C) and a reader never sees a partial file.
//! A file replaced keeps its permissions; a new one is readable by its owner
//! only (the temporary file's mode), as befits pay data.

use std::io::{self, IsTerminal, Write};
use std::path::Path;

/// Writes what `write` produces to `path`, or to stdout when `path` is `None`.
/// A binary format is refused on a terminal, where it would be garbage.
pub fn emit(
    path: Option<&str>,
    binary: bool,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), String> {
    match path {
        Some(path) => write_atomically(Path::new(path), write)
            .map_err(|e| format!("cannot write `{path}`: {e}")),
        None => {
            let stdout = io::stdout();
            if binary && stdout.is_terminal() {
                return Err(
                    "this format is binary and stdout is a terminal; give --output FILE (or redirect to a file)"
                        .to_string(),
                );
            }
            let mut out = io::BufWriter::new(stdout.lock());
            write(&mut out)
                .and_then(|()| out.flush())
                .map_err(|e| format!("cannot write the results: {e}"))
        }
    }
}

fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    {
        let mut out = io::BufWriter::new(temp.as_file_mut());
        write(&mut out)?;
        out.flush()?;
    }
    if let Ok(existing) = std::fs::metadata(path) {
        temp.as_file().set_permissions(existing.permissions())?;
    }
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
