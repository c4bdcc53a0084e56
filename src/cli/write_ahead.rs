//! A report file synced to disk while it is still being written.
//!
//! A report is synced to disk before it is renamed into place, so that a
//! crash straight after the run cannot leave an empty or partial file
//! under the report's name. Synced only at the end, a million rows' report
//! (170 MB) kept the run waiting a third of a second, a quarter of the
//! whole run, while the disk took it all in. Here a thread syncs what has
//! been written so far each few megabytes, while the rows are scored, and
//! the final sync waits only for the last few (a few milliseconds).

use std::fs::File;
use std::io::{self, Write};
use std::sync::mpsc::{sync_channel, SyncSender};
use std::thread::JoinHandle;
use tempfile::NamedTempFile;

/// How much is written between syncs.
const EVERY: u64 = 8 << 20;

/// A temporary file synced by a thread of its own each [`EVERY`] bytes.
pub struct WriteAhead {
    file: NamedTempFile,
    /// Bytes written between syncs (`u64::MAX`: never synced here).
    every: u64,
    /// Bytes written since the last sync was asked for.
    since: u64,
    /// Started at the first sync, so a small report never starts one.
    syncer: Option<Syncer>,
}

impl WriteAhead {
    pub fn new(file: NamedTempFile) -> Self {
        WriteAhead {
            file,
            every: EVERY,
            since: 0,
            syncer: None,
        }
    }

    /// A file never synced: a spool copied out and thrown away, which
    /// need never reach the disk at all.
    pub fn off(file: NamedTempFile) -> Self {
        WriteAhead {
            every: u64::MAX,
            ..WriteAhead::new(file)
        }
    }

    /// The file, once every sync begun has ended; the first error a sync
    /// met, if any (after which the data on disk cannot be trusted).
    pub fn finish(self) -> io::Result<NamedTempFile> {
        if let Some(syncer) = self.syncer {
            syncer.finish()?;
        }
        Ok(self.file)
    }

    /// Asks for a sync of everything written so far, unless one is
    /// already waiting to start (which will take this in too).
    fn ask_for_sync(&mut self) {
        if self.syncer.is_none() {
            match self.file.as_file().try_clone().and_then(Syncer::start) {
                Ok(syncer) => self.syncer = Some(syncer),
                // No second handle or no thread to be had: the final sync
                // does it all, as it did before there was a thread.
                Err(_) => self.every = u64::MAX,
            }
        }
        if let Some(syncer) = &self.syncer {
            syncer.ask();
        }
    }
}

impl Write for WriteAhead {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.file.write(buf)?;
        self.since += n as u64;
        if self.since >= self.every {
            self.since = 0;
            self.ask_for_sync();
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// The thread that syncs, and how to wake it.
struct Syncer {
    wake: SyncSender<()>,
    thread: JoinHandle<io::Result<()>>,
}

impl Syncer {
    fn start(file: File) -> io::Result<Syncer> {
        // Room for one request: one more while a sync runs is enough, as
        // a sync takes in everything written before it starts.
        let (wake, woken) = sync_channel::<()>(1);
        let thread = std::thread::Builder::new()
            .name("sync report".into())
            .spawn(move || {
                while woken.recv().is_ok() {
                    file.sync_data()?;
                }
                Ok(())
            })?;
        Ok(Syncer { wake, thread })
    }

    fn ask(&self) {
        // Full: a request is waiting already. Disconnected: the thread
        // stopped on an error, which `finish` hands on. Neither is news here.
        let _ = self.wake.try_send(());
    }

    /// Waits for the sync under way, if any, and hands on its error.
    fn finish(self) -> io::Result<()> {
        drop(self.wake);
        self.thread
            .join()
            .unwrap_or_else(|_| Err(io::Error::other(scorecard::t!("cli-sync-thread-failed"))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Seek};

    #[test]
    fn a_file_synced_as_it_is_written_reads_back_whole() {
        let mut ahead = WriteAhead::new(NamedTempFile::new().unwrap());
        // Odd-sized writes across several sync points.
        let piece: Vec<u8> = (0..=250u8).cycle().take(1_000_003).collect();
        for _ in 0..20 {
            ahead.write_all(&piece).unwrap();
        }
        ahead.flush().unwrap();
        assert!(
            ahead.syncer.is_some(),
            "20 MB written: a sync was asked for"
        );
        let mut file = ahead.finish().unwrap();
        let mut back = Vec::new();
        file.rewind().unwrap();
        file.read_to_end(&mut back).unwrap();
        assert_eq!(back.len(), 20 * piece.len());
        assert!(back.chunks(piece.len()).all(|c| c == piece.as_slice()));
    }

    #[test]
    fn a_small_file_starts_no_thread() {
        let mut ahead = WriteAhead::new(NamedTempFile::new().unwrap());
        ahead.write_all(&[b'x'; 1 << 20]).unwrap();
        assert!(ahead.syncer.is_none());
        let mut off = WriteAhead::off(NamedTempFile::new().unwrap());
        for _ in 0..20 {
            off.write_all(&[b'x'; 1 << 20]).unwrap();
        }
        assert!(off.syncer.is_none(), "a spool for stdout is never synced");
    }
}
