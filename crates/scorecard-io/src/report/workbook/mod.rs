//! An .xlsx workbook written fast, in flat memory, the same bytes every
//! time: sheets filled a chunk of rows at a time, each chunk formatted and
//! deflated on whichever core is free, the workbook assembled at the end.
//!
//! * A chunk of rows ([`RowsXml`]) is deflated on its own ([`deflate`]):
//!   a raw deflate stream ended with a sync flush, so chunks laid end to
//!   end are one stream (what pigz does); its CRC-32 joins the sheet's
//!   with `crc32fast`'s `combine`.
//! * Deflated chunks wait in a spool — memory, then an unnamed temporary
//!   file past [`SPOOL_MEMORY`] (gone with the process, however it ends) —
//!   until [`Workbook::finish`] knows each sheet's extent and column widths,
//!   which Excel wants before the rows; it then writes the zip: the parts,
//!   each sheet's head, its chunks copied from the spool, its tail.
//! * Text that repeats (the card's words, reasons, brands, stores) is a
//!   shared string ([`SharedStrings`]); the rest is written in the cell.
//!
//! Why not rust_xlsxwriter, as the data templates use: it formats every
//! cell and deflates every sheet on the one thread that calls it. At a
//! million S1 rows it wrote about 12 000 rows a second, 80% of the time on
//! that thread (`benches/formats.rs`, issue 17); here every core formats
//! and deflates.

mod parts;
mod xml;
mod zip;

pub use xml::{RowsXml, Style, Text, EXCEL_CELL_CHARS};

use flate2::{Compress, Compression, FlushCompress, Status};
use std::io::{self, Read, Seek, SeekFrom, Write};

/// zlib-rs's fast deflate (no lazy matches): deflating is most of the work
/// of a large workbook, and level 6 took twice the time of 2 for a file a
/// fifth smaller (`benches/formats.rs`).
const LEVEL: u32 = 2;

/// Deflated bytes held in memory before the spool moves to a file.
const SPOOL_MEMORY: usize = 32 << 20;

/// Some of a sheet's XML, deflated: a piece of one deflate stream.
#[derive(Debug, Default)]
pub struct Deflated {
    bytes: Vec<u8>,
    crc: crc32fast::Hasher,
    raw: u64,
}

/// `raw` deflated on its own, ending on a byte boundary without ending the
/// stream (`last`: ending it), so pieces laid end to end inflate as one.
pub fn deflate(raw: &[u8], last: bool) -> Deflated {
    let mut out = Deflated::default();
    deflate_into(raw, last, &mut out);
    out
}

/// [`deflate`] into `out`, its buffer reused.
pub fn deflate_into(raw: &[u8], last: bool, out: &mut Deflated) {
    out.crc = crc32fast::Hasher::new();
    out.crc.update(raw);
    out.raw = raw.len() as u64;
    let bytes = &mut out.bytes;
    bytes.clear();
    bytes.reserve(raw.len() / 4 + 64);
    // A deflate stream's state (its window and hash tables, a few hundred
    // kilobytes) is made once per thread and reset for each chunk: each
    // chunk still starts with no history, as if new.
    thread_local! {
        static STATE: std::cell::RefCell<Option<Compress>> = const { std::cell::RefCell::new(None) };
    }
    let mut c = STATE
        .with(|s| s.borrow_mut().take())
        .unwrap_or_else(|| Compress::new(Compression::new(LEVEL), false));
    c.reset();
    let flush = if last {
        FlushCompress::Finish
    } else {
        FlushCompress::Sync
    };
    loop {
        if bytes.capacity() - bytes.len() < 64 {
            bytes.reserve(bytes.capacity().max(4096));
        }
        let done = c.total_in() as usize;
        let status = c.compress_vec(&raw[done..], bytes, flush);
        let all_in = c.total_in() as usize == raw.len();
        match status {
            Ok(Status::StreamEnd) => break,
            // A sync flush is complete once output stops filling the room given.
            Ok(_) if !last && all_in && bytes.len() < bytes.capacity() => break,
            Ok(_) => {}
            // Only a misuse of the stream fails; none is made here.
            Err(_) => break,
        }
    }
    STATE.with(|s| *s.borrow_mut() = Some(c));
}

/// Where deflated chunks wait for the end: memory, then a temporary file.
enum Spool {
    /// Bytes held, and how many may be before they move to a file.
    Memory(Vec<u8>, usize),
    File {
        file: std::fs::File,
        len: u64,
    },
}

impl Spool {
    /// Appends `bytes`; returns where they start.
    fn put(&mut self, bytes: &[u8]) -> io::Result<u64> {
        if let Spool::Memory(held, most) = self {
            if held.len() + bytes.len() > *most {
                let mut file = tempfile::tempfile()?;
                file.write_all(held)?;
                *self = Spool::File {
                    file,
                    len: held.len() as u64,
                };
            }
        }
        match self {
            Spool::Memory(held, _) => {
                let at = held.len() as u64;
                held.extend_from_slice(bytes);
                Ok(at)
            }
            Spool::File { file, len } => {
                let at = *len;
                file.write_all(bytes)?;
                *len += bytes.len() as u64;
                Ok(at)
            }
        }
    }

    /// Copies `len` bytes from `at` to `out`.
    fn copy(&mut self, at: u64, len: u64, out: &mut zip::ZipOut) -> io::Result<()> {
        match self {
            Spool::Memory(held, _) => out.data(&held[at as usize..(at + len) as usize]),
            Spool::File { file, .. } => {
                file.seek(SeekFrom::Start(at))?;
                let mut left = len;
                let mut buf = vec![0u8; 1 << 20];
                while left > 0 {
                    let n = left.min(buf.len() as u64) as usize;
                    file.read_exact(&mut buf[..n])?;
                    out.data(&buf[..n])?;
                    left -= n as u64;
                }
                Ok(())
            }
        }
    }
}

/// A sheet being filled.
pub struct SheetPart {
    name: String,
    /// The header's row (0, or 1 below a heading line).
    top: u32,
    /// Columns kept in view on the left.
    frozen: usize,
    /// Each column's widest text.
    widths: Vec<usize>,
    /// Its deflated chunks in the spool: (start, length).
    chunks: Vec<(u64, u64)>,
    crc: crc32fast::Hasher,
    raw: u64,
    packed: u64,
    last: Option<u32>,
}

impl SheetPart {
    /// The last row written (0-based), or the header's.
    fn last_row(&self) -> u32 {
        self.last.unwrap_or(self.top)
    }
}

/// The strings cells share: each written once in the workbook, a cell
/// holding its index. Bounded: past [`SHARED_MAX`] strings or
/// [`SHARED_BYTES`] of text, a new string is written in its cell instead.
///
/// A text is found by its 128-bit fingerprint ([`SharedStrings::fingerprint`],
/// made where the text was written, on a worker) and its length, not by
/// comparing it again byte for byte on the one thread that places rows:
/// two different texts of the same length with the same fingerprint, among
/// the workbook's few hundred thousand at most, have about one chance in
/// 10^27 of ever meeting.
#[derive(Default)]
pub struct SharedStrings {
    table: hashbrown::HashTable<u32>,
    prints: Vec<u128>,
    texts: Vec<Box<str>>,
    widths: Vec<usize>,
    lines: Vec<u32>,
    bytes: usize,
    /// A text is longer than a cell holds: it is cut where written.
    cut: bool,
}

const SHARED_MAX: usize = 500_000;
const SHARED_BYTES: usize = 64 << 20;

impl SharedStrings {
    /// `text` as a shared string, or `None` when the table is full (the
    /// cell then holds the text).
    pub fn intern(&mut self, text: &str) -> Option<Text<'static>> {
        self.intern_bytes(SharedStrings::fingerprint(text.as_bytes()), text.as_bytes())
    }

    /// [`intern`](Self::intern) of a text's bytes and their fingerprint,
    /// checked as UTF-8 only when they are new (`None` too when they are
    /// not UTF-8).
    pub fn intern_bytes(&mut self, print: u128, text: &[u8]) -> Option<Text<'static>> {
        let (prints, texts) = (&self.prints, &self.texts);
        let same = |&i: &u32| prints[i as usize] == print && texts[i as usize].len() == text.len();
        if let Some(&i) = self.table.find(print as u64, same) {
            return Some(Text::Shared {
                index: i,
                width: self.widths[i as usize],
                lines: self.lines[i as usize],
            });
        }
        if self.texts.len() >= SHARED_MAX || self.bytes + text.len() > SHARED_BYTES {
            return None;
        }
        let text = simdutf8::basic::from_utf8(text).ok()?;
        let i = self.texts.len() as u32;
        self.cut |= xml::fit_cell(text).is_some();
        let width = xml::text_width(text);
        let lines = xml::wrapped_lines(text);
        self.lines.push(lines);
        self.texts.push(text.into());
        self.prints.push(print);
        self.widths.push(width);
        self.bytes += text.len();
        let prints = &self.prints;
        self.table
            .insert_unique(print as u64, i, |&i| prints[i as usize] as u64);
        Some(Text::Shared {
            index: i,
            width,
            lines,
        })
    }

    /// A text's fingerprint: two 64-bit hashes of it with fixed, different
    /// seeds (the same on every run, so the same text is the same string).
    pub fn fingerprint(text: &[u8]) -> u128 {
        use std::hash::BuildHasher;
        let a = foldhash::quality::FixedState::with_seed(0x5C0E_CA4D).hash_one(text);
        let b = foldhash::quality::FixedState::with_seed(0x2026_1207_A11C_E5ED).hash_one(text);
        u128::from(a) << 64 | u128::from(b)
    }

    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }

    fn xml(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.bytes + 64 * self.texts.len() + 256);
        out.extend_from_slice(
            b"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" uniqueCount=\"",
        );
        out.extend_from_slice(itoa::Buffer::new().format(self.texts.len()).as_bytes());
        out.extend_from_slice(b"\">");
        for text in &self.texts {
            out.extend_from_slice(b"<si>");
            // A text too long is cut here (`cut` was set when it came).
            xml::push_t(&mut out, text);
            out.extend_from_slice(b"</si>");
        }
        out.extend_from_slice(b"</sst>");
        out
    }
}

/// A workbook being written: sheets filled chunk by chunk, in any order
/// between sheets and in row order within one.
pub struct Workbook {
    title: String,
    /// `YYYY-MM-DDTHH:MM:SSZ`.
    created: String,
    sheets: Vec<SheetPart>,
    spool: Spool,
    pub strings: SharedStrings,
    /// A text written in a cell was cut to fit it.
    cut: bool,
}

impl Workbook {
    /// `title`: the document's title; `created`: when it was made (a fixed
    /// date when not given, so the same rows give the same bytes).
    pub fn new(title: &str, created: Option<std::time::SystemTime>) -> Workbook {
        let created = match created {
            Some(time) => {
                let seconds = time
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs());
                chrono::DateTime::from_timestamp(i64::try_from(seconds).unwrap_or(0), 0)
                    .unwrap_or_default()
                    .format("%Y-%m-%dT%H:%M:%SZ")
                    .to_string()
            }
            // The zip format's own epoch, which the archive's entries carry too.
            None => "1980-01-01T00:00:00Z".to_string(),
        };
        Workbook {
            title: title.to_string(),
            created,
            sheets: Vec::new(),
            spool: Spool::Memory(Vec::new(), SPOOL_MEMORY),
            strings: SharedStrings::default(),
            cut: false,
        }
    }

    /// A new sheet, last of all; returns its number. `top`: its header's
    /// row (0, or 1 below a heading); `frozen`: columns kept in view.
    pub fn add_sheet(&mut self, name: &str, top: u32, frozen: usize) -> usize {
        self.sheets.push(SheetPart {
            name: name.to_string(),
            top,
            frozen,
            widths: Vec::new(),
            chunks: Vec::new(),
            crc: crc32fast::Hasher::new(),
            raw: 0,
            packed: 0,
            last: None,
        });
        self.sheets.len() - 1
    }

    /// Rows at the end of `sheet`: `rows` deflated (by [`RowsXml::pack`]).
    pub fn append(&mut self, sheet: usize, rows: &Packed) -> io::Result<()> {
        let at = self.spool.put(&rows.deflated.bytes)?;
        let part = &mut self.sheets[sheet];
        part.chunks.push((at, rows.deflated.bytes.len() as u64));
        part.crc.combine(&rows.deflated.crc);
        part.raw += rows.deflated.raw;
        part.packed += rows.deflated.bytes.len() as u64;
        if part.widths.len() < rows.widths.len() {
            part.widths.resize(rows.widths.len(), 0);
        }
        for (w, &r) in part.widths.iter_mut().zip(&rows.widths) {
            *w = (*w).max(r);
        }
        part.last = part.last.max(rows.last);
        self.cut |= rows.cut;
        Ok(())
    }

    /// Rows formatted here and added to `sheet` (the chunk is emptied).
    pub fn write(&mut self, sheet: usize, rows: &mut RowsXml) -> io::Result<()> {
        if rows.last.is_none() {
            return Ok(());
        }
        let packed = rows.pack();
        self.append(sheet, &packed)
    }

    /// Whether a text was longer than a cell holds (and cut, ending in …),
    /// so far: the notes should say so.
    pub fn cut(&self) -> bool {
        self.cut || self.strings.cut
    }

    /// The workbook, to `out`. `header`, `footer`: Excel's codes for the
    /// printed page's header and footer, on every sheet.
    pub fn finish(mut self, header: &str, footer: &str, out: &mut dyn Write) -> io::Result<()> {
        let mut zip = zip::ZipOut::new(out);
        self.finish_with(header, footer, &mut zip)?;
        zip.finish()
    }

    fn finish_with(&mut self, header: &str, footer: &str, zip: &mut zip::ZipOut) -> io::Result<()> {
        let shared = !self.strings.is_empty();
        let n = self.sheets.len();
        let whole = |zip: &mut zip::ZipOut, name: &str, text: &[u8]| {
            let d = deflate(text, true);
            zip.entry(name, d.crc.clone().finalize(), d.raw, &d.bytes)
        };
        whole(
            zip,
            "[Content_Types].xml",
            parts::content_types(n, shared).as_bytes(),
        )?;
        whole(zip, "_rels/.rels", parts::root_rels().as_bytes())?;
        whole(zip, "docProps/app.xml", parts::app(&self.sheets).as_bytes())?;
        whole(
            zip,
            "docProps/core.xml",
            parts::core(&self.title, &self.created).as_bytes(),
        )?;
        whole(
            zip,
            "xl/workbook.xml",
            parts::workbook(&self.sheets).as_bytes(),
        )?;
        whole(
            zip,
            "xl/_rels/workbook.xml.rels",
            parts::workbook_rels(n, shared).as_bytes(),
        )?;
        whole(zip, "xl/theme/theme1.xml", parts::THEME.as_bytes())?;
        whole(zip, "xl/styles.xml", parts::styles().as_bytes())?;
        if shared {
            whole(zip, "xl/sharedStrings.xml", &self.strings.xml())?;
        }
        let Workbook { sheets, spool, .. } = self;
        for (i, sheet) in sheets.iter().enumerate() {
            let head = deflate(parts::sheet_head(sheet, i == 0).as_bytes(), false);
            let tail = deflate(parts::sheet_tail(sheet, header, footer).as_bytes(), true);
            let mut crc = head.crc.clone();
            crc.combine(&sheet.crc);
            crc.combine(&tail.crc);
            let raw = head.raw + sheet.raw + tail.raw;
            let packed = head.bytes.len() as u64 + sheet.packed + tail.bytes.len() as u64;
            let name = format!("xl/worksheets/sheet{}.xml", i + 1);
            zip.start(&name, crc.finalize(), packed, raw)?;
            zip.data(&head.bytes)?;
            for &(at, len) in &sheet.chunks {
                spool.copy(at, len, zip)?;
            }
            zip.data(&tail.bytes)?;
        }
        Ok(())
    }
}

/// A chunk of rows deflated, with what the sheet must know of it.
#[derive(Debug, Default)]
pub struct Packed {
    deflated: Deflated,
    widths: Vec<usize>,
    last: Option<u32>,
    cut: bool,
}

impl RowsXml {
    /// The rows written so far, deflated; the chunk starts empty again.
    pub fn pack(&mut self) -> Packed {
        let mut packed = Packed::default();
        self.pack_into(&mut packed);
        packed
    }

    /// [`pack`](Self::pack) into `packed`, its buffers reused.
    pub fn pack_into(&mut self, packed: &mut Packed) {
        self.end_row();
        deflate_into(&self.xml, false, &mut packed.deflated);
        self.xml.clear();
        packed.widths.clear();
        packed.widths.append(&mut self.widths);
        packed.last = self.last.take();
        packed.cut = std::mem::take(&mut self.cut);
    }
}

#[cfg(test)]
mod tests;
