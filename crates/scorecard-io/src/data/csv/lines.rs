//! Physical lines → raw records: where each CSV record begins and ends.
//!
//! A record ends at a line end outside quotes, so a quoted cell may span
//! lines; blank lines and `#` comment lines before a record are skipped.
//! Records are numbered by their first physical line, counting every line
//! (header, comments, blanks) as an editor does. Both the record-at-a-time
//! [`CsvSource`](super::CsvSource) and the batch reader of
//! [`crate::stream`] read through this, so lines are counted in one place.

use super::encoding::{look_ahead, sniff, to_utf8, NotText, TextEncoding, LOOK_AHEAD};
use crate::data::error::{DataProblem, DataProblemKind, Location};
use crate::t;
use std::io::{BufRead, BufReader, Cursor, Read};
use std::sync::Arc;

/// The longest header row, in bytes: a few hundred columns with their labels
/// fit in a tenth of it. Longer is not a header (and each column would be
/// compared with every input's name for a "did you mean").
pub const MAX_HEADER_BYTES: usize = 256 << 10;
/// The longest record (row), in bytes, so one line cannot take the memory.
pub const MAX_RECORD_BYTES: usize = 1 << 20;

pub struct RecordLines {
    name: Arc<str>,
    encoding: TextEncoding,
    /// The most bytes the next record may take: [`MAX_HEADER_BYTES`] for
    /// the header (the first record), then [`MAX_RECORD_BYTES`].
    limit: usize,
    input: BufReader<Box<dyn Read + Send>>,
    /// Physical lines read so far.
    lines_read: usize,
    /// Whether any line so far held more than white space.
    seen_text: bool,
    done: bool,
    /// The record being read, as bytes, until it is known to be UTF-8.
    raw: Vec<u8>,
}

impl RecordLines {
    /// Opens `input`, deciding its encoding from its first bytes
    /// ([`encoding`](super::encoding)): UTF-8 is read as it is (a byte-order
    /// mark dropped), GB18030 and UTF-16 are decoded as they are read.
    pub fn open(mut input: impl Read + Send + 'static, name: &str) -> Result<Self, DataProblem> {
        let name: Arc<str> = Arc::from(name);
        let (start, whole) = look_ahead(&mut input).map_err(|e| io_error(&name, &e))?;
        let encoding = sniff(&start, whole).map_err(|line| not_text(&name, line))?;
        let utf8 = encoding == TextEncoding::Utf8;
        let skip = if utf8 && start.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        // A file saved with old Mac line ends (a carriage return alone) is
        // read as if each were a line feed; any other file as it is.
        let mac = encoding != TextEncoding::Utf16Le
            && encoding != TextEncoding::Utf16Be
            && mac_line_ends(&start[skip..start.len().min(LOOK_AHEAD)]);
        // The bytes looked at are read again, ahead of the rest.
        let mut start = start;
        start.drain(..skip);
        let input = to_utf8(Box::new(Cursor::new(start).chain(input)), encoding);
        let input: Box<dyn Read + Send> = if mac {
            Box::new(MacLineEnds(input))
        } else {
            input
        };
        let input_or_mac = BufReader::with_capacity(1 << 16, input);
        Ok(RecordLines {
            name,
            encoding,
            limit: MAX_HEADER_BYTES,
            input: input_or_mac,
            lines_read: 0,
            seen_text: false,
            done: false,
            raw: Vec::new(),
        })
    }

    /// The encoding the file's text is in.
    pub fn encoding(&self) -> TextEncoding {
        self.encoding
    }

    pub fn name(&self) -> &Arc<str> {
        &self.name
    }

    /// Whether any line so far held more than white space (an empty file
    /// and a file of only comments are told apart by this).
    pub fn seen_text(&self) -> bool {
        self.seen_text
    }

    /// Appends the next record's text (line end included) to `text` and
    /// returns its first line; `None` at the end. Text that is not UTF-8
    /// is an error at its line, and the reading stops there.
    pub fn next_into(&mut self, text: &mut String) -> Option<Result<usize, DataProblem>> {
        let mut raw = std::mem::take(&mut self.raw);
        raw.clear();
        let outcome = match self.next_raw_into(&mut raw)? {
            Ok(first_line) => match record_text(&raw, first_line, &self.name) {
                Ok(record) => {
                    text.push_str(record);
                    Ok(first_line)
                }
                Err(error) => {
                    self.done = true;
                    Err(error)
                }
            },
            Err(error) => Err(error),
        };
        self.raw = raw;
        Some(outcome)
    }

    /// Appends the next record's bytes (line end included) to `raw`, not
    /// yet checked to be UTF-8 (see [`record_text`]), and returns its first
    /// line; `None` at the end. An I/O error stops the reading.
    pub fn next_raw_into(&mut self, raw: &mut Vec<u8>) -> Option<Result<usize, DataProblem>> {
        if self.done {
            return None;
        }
        let read = self.read_record(raw);
        self.done = !matches!(read, Ok(Some(_)));
        read.transpose()
    }

    /// Reads physical lines onto `buf` until a record is complete, skipping
    /// blank and comment lines before it. `None` at the end.
    fn read_record(&mut self, buf: &mut Vec<u8>) -> Result<Option<usize>, DataProblem> {
        let mut first_line = None;
        let mut quotes = QuoteState::default();
        let start = buf.len();
        loop {
            let before = buf.len();
            // At most `limit` bytes are in the record so far (else it stopped).
            let room = start + self.limit + 1 - before;
            let read =
                read_line(&mut self.input, buf, room).map_err(|e| io_error(&self.name, &e))?;
            if read == 0 {
                return Ok(first_line); // the end; an open quote runs to it
            }
            self.lines_read += 1;
            if buf.len() - start > self.limit {
                return Err(self.too_long(first_line.unwrap_or(self.lines_read)));
            }
            if first_line.is_none() {
                let line = trim_line_end(&buf[before..]);
                if line.iter().all(u8::is_ascii_whitespace) {
                    buf.truncate(before);
                    continue;
                }
                self.seen_text = true;
                if line.first() == Some(&b'#') {
                    buf.truncate(before);
                    continue;
                }
                first_line = Some(self.lines_read);
            }
            quotes.scan(&buf[before..]);
            if !quotes.open {
                self.limit = MAX_RECORD_BYTES;
                return Ok(first_line);
            }
        }
    }

    fn too_long(&self, line: usize) -> DataProblem {
        let (what, help) = if self.limit == MAX_RECORD_BYTES {
            (
                t!("data-csv-row-too-long"),
                t!("data-csv-row-too-long-help"),
            )
        } else {
            (
                t!("data-csv-header-too-long"),
                t!("data-csv-header-too-long-help"),
            )
        };
        DataProblem::new(
            DataProblemKind::Malformed,
            &self.name,
            Location::Line(line),
            what,
        )
        .help(help)
    }
}

/// Whether a record is inside a quoted cell at the end of a line, read the
/// way CSV does: a quote opens a cell only at its start, `""` is a quote.
#[derive(Debug, Default)]
struct QuoteState {
    open: bool,
    /// Not at the start of a cell (so a quote here is just a character).
    mid_cell: bool,
    /// The previous byte closed a quoted cell (a quote now means `""`).
    just_closed: bool,
}

impl QuoteState {
    fn scan(&mut self, line: &[u8]) {
        // Most lines hold no quote at all: nothing to track.
        if !self.open && !self.just_closed && memchr::memchr(b'"', line).is_none() {
            self.mid_cell = !matches!(line.last(), Some(b',' | b'\n') | None);
            return;
        }
        for &b in line {
            if self.open {
                if b == b'"' {
                    self.open = false;
                    self.just_closed = true;
                }
                continue;
            }
            if b == b'"' && (!self.mid_cell || self.just_closed) {
                self.open = true;
            }
            self.just_closed = false;
            self.mid_cell = !matches!(b, b',' | b'\n');
        }
    }
}

/// A record's text, or the error at the line of its first byte that is
/// not UTF-8. The usual record is checked many bytes at a time (`simdutf8`);
/// a bad one again by `std`, which says where the bad byte is.
pub fn record_text<'r>(
    raw: &'r [u8],
    first_line: usize,
    file: &Arc<str>,
) -> Result<&'r str, DataProblem> {
    if let Ok(text) = simdutf8::basic::from_utf8(raw) {
        return Ok(text);
    }
    std::str::from_utf8(raw).map_err(|e| {
        let before = &raw[..e.valid_up_to()];
        let line = first_line + before.iter().filter(|&&b| b == b'\n').count();
        let error = DataProblem::new(
            DataProblemKind::NotUtf8,
            file,
            Location::Line(line),
            t!("data-not-utf8"),
        );
        error.help(t!("data-csv-mixed-help"))
    })
}

/// Whether text starting with `ahead` ends its lines with a carriage return
/// alone: there is one, not followed by a line feed, and no line feed at all.
fn mac_line_ends(ahead: &[u8]) -> bool {
    memchr::memchr(b'\n', ahead).is_none()
        && memchr::memchr(b'\r', ahead).is_some_and(|at| at + 1 < ahead.len())
}

/// Reads an old Mac file with each carriage return turned into a line feed.
struct MacLineEnds<R>(R);

impl<R: Read> Read for MacLineEnds<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.0.read(buf)?;
        for b in &mut buf[..n] {
            if *b == b'\r' {
                *b = b'\n';
            }
        }
        Ok(n)
    }
}

/// `BufRead::read_until(b'\n')`, finding the line end with `memchr`, which
/// looks at many bytes at a time (the standard library's looks at one word);
/// it stops once more than `room` bytes are read, line end or not.
fn read_line(input: &mut impl BufRead, buf: &mut Vec<u8>, room: usize) -> std::io::Result<usize> {
    let mut read = 0;
    loop {
        let available = match input.fill_buf() {
            Ok(available) => available,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let (used, done) = match memchr::memchr(b'\n', available) {
            Some(end) => (end + 1, true),
            None => (available.len(), available.is_empty()),
        };
        buf.extend_from_slice(&available[..used]);
        input.consume(used);
        read += used;
        if done || read > room {
            return Ok(read);
        }
    }
}

fn trim_line_end(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

pub(super) fn io_error(file: &Arc<str>, error: &std::io::Error) -> DataProblem {
    if let Some(bad) = error.get_ref().and_then(|e| e.downcast_ref::<NotText>()) {
        return not_text(file, bad.line);
    }
    crate::data::source::cannot_read(file, error)
}

/// A byte at `line` that is no text in UTF-8 nor in GB18030.
fn not_text(file: &Arc<str>, line: usize) -> DataProblem {
    DataProblem::new(
        DataProblemKind::NotUtf8,
        file,
        Location::Line(line),
        t!("data-csv-not-text"),
    )
    .help(t!("data-csv-not-text-help"))
}
