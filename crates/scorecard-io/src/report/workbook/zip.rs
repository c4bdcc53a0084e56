//! The zip archive around a workbook's parts, written once every part's
//! deflated bytes, size and checksum are known (so no data descriptors and
//! no seeking: the archive goes to any `Write`, a pipe included).
//!
//! Written by hand, not with the `zip` crate: a sheet's bytes arrive as
//! pieces deflated on several threads at once (see [`super::Deflated`]),
//! and the crate deflates what it is given itself, on the one thread that
//! writes the archive — at a million S1 rows that alone took longer than
//! the 10 s issue 17 allows for the whole workbook (`benches/formats.rs`).
//! What is written is the plain format every reader knows: local headers
//! with sizes, deflate (method 8), a central directory, and the zip64
//! records once a size or an offset passes 4 GiB. Every entry carries the
//! same time (1980-01-01 00:00, the format's epoch), so the same workbook
//! gives the same bytes.

use std::io::{self, Write};

/// One entry, written: what the central directory repeats of it.
struct Entry {
    name: String,
    crc: u32,
    packed: u64,
    raw: u64,
    offset: u64,
}

/// A zip archive written an entry at a time.
pub struct ZipOut<'w> {
    out: &'w mut dyn Write,
    written: u64,
    entries: Vec<Entry>,
    /// Sizes and offsets from this one on are written as zip64 (4 GiB;
    /// tests lower it to reach the zip64 records with small files).
    zip64_from: u64,
}

const MAX32: u64 = 0xFFFF_FFFF;
/// 1980-01-01 in MS-DOS date form (time 00:00:00 is 0).
const DOS_DATE: u16 = (1 << 5) | 1;
/// Version needed to extract: 2.0 (deflate), 4.5 (zip64).
const V20: u16 = 20;
const V45: u16 = 45;

impl<'w> ZipOut<'w> {
    pub fn new(out: &'w mut dyn Write) -> Self {
        ZipOut {
            out,
            written: 0,
            entries: Vec::new(),
            zip64_from: MAX32,
        }
    }

    #[cfg(test)]
    pub fn with_zip64_from(out: &'w mut dyn Write, zip64_from: u64) -> Self {
        ZipOut {
            zip64_from,
            ..ZipOut::new(out)
        }
    }

    fn put(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.out.write_all(bytes)?;
        self.written += bytes.len() as u64;
        Ok(())
    }

    /// Starts an entry whose deflated bytes (`packed` of them, `raw` once
    /// inflated, checksum `crc`) the caller then writes with
    /// [`data`](Self::data), all of them, before the next entry.
    pub fn start(&mut self, name: &str, crc: u32, packed: u64, raw: u64) -> io::Result<()> {
        let offset = self.written;
        let big = raw >= self.zip64_from || packed >= self.zip64_from;
        let mut h = Vec::with_capacity(30 + name.len() + 20);
        h.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        h.extend_from_slice(&(if big { V45 } else { V20 }).to_le_bytes());
        h.extend_from_slice(&0u16.to_le_bytes()); // flags
        h.extend_from_slice(&8u16.to_le_bytes()); // deflate
        h.extend_from_slice(&0u16.to_le_bytes()); // time
        h.extend_from_slice(&DOS_DATE.to_le_bytes());
        h.extend_from_slice(&crc.to_le_bytes());
        if big {
            h.extend_from_slice(&u32::MAX.to_le_bytes());
            h.extend_from_slice(&u32::MAX.to_le_bytes());
        } else {
            h.extend_from_slice(&(packed as u32).to_le_bytes());
            h.extend_from_slice(&(raw as u32).to_le_bytes());
        }
        h.extend_from_slice(&(name.len() as u16).to_le_bytes());
        h.extend_from_slice(&(if big { 20u16 } else { 0 }).to_le_bytes());
        h.extend_from_slice(name.as_bytes());
        if big {
            h.extend_from_slice(&1u16.to_le_bytes());
            h.extend_from_slice(&16u16.to_le_bytes());
            h.extend_from_slice(&raw.to_le_bytes());
            h.extend_from_slice(&packed.to_le_bytes());
        }
        self.put(&h)?;
        self.entries.push(Entry {
            name: name.to_string(),
            crc,
            packed,
            raw,
            offset,
        });
        Ok(())
    }

    /// Some of the current entry's deflated bytes.
    pub fn data(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.put(bytes)
    }

    /// A whole entry at once.
    pub fn entry(&mut self, name: &str, crc: u32, raw: u64, packed: &[u8]) -> io::Result<()> {
        self.start(name, crc, packed.len() as u64, raw)?;
        self.data(packed)
    }

    /// The central directory and the end records.
    pub fn finish(mut self) -> io::Result<()> {
        let start = self.written;
        let limit = self.zip64_from;
        let mut dir = Vec::new();
        for e in &self.entries {
            let mut extra = Vec::new();
            if e.raw >= limit {
                extra.extend_from_slice(&e.raw.to_le_bytes());
            }
            if e.packed >= limit {
                extra.extend_from_slice(&e.packed.to_le_bytes());
            }
            if e.offset >= limit {
                extra.extend_from_slice(&e.offset.to_le_bytes());
            }
            let field = |v: u64| if v >= limit { u32::MAX } else { v as u32 };
            let version = if extra.is_empty() { V20 } else { V45 };
            dir.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
            dir.extend_from_slice(&version.to_le_bytes()); // made by
            dir.extend_from_slice(&version.to_le_bytes()); // needed
            dir.extend_from_slice(&0u16.to_le_bytes());
            dir.extend_from_slice(&8u16.to_le_bytes());
            dir.extend_from_slice(&0u16.to_le_bytes());
            dir.extend_from_slice(&DOS_DATE.to_le_bytes());
            dir.extend_from_slice(&e.crc.to_le_bytes());
            dir.extend_from_slice(&field(e.packed).to_le_bytes());
            dir.extend_from_slice(&field(e.raw).to_le_bytes());
            dir.extend_from_slice(&(e.name.len() as u16).to_le_bytes());
            let extra_len = if extra.is_empty() { 0 } else { extra.len() + 4 };
            dir.extend_from_slice(&(extra_len as u16).to_le_bytes());
            dir.extend_from_slice(&[0; 6]); // comment, disk, internal attributes
            dir.extend_from_slice(&0u32.to_le_bytes()); // external attributes
            dir.extend_from_slice(&field(e.offset).to_le_bytes());
            dir.extend_from_slice(e.name.as_bytes());
            if !extra.is_empty() {
                dir.extend_from_slice(&1u16.to_le_bytes());
                dir.extend_from_slice(&(extra.len() as u16).to_le_bytes());
                dir.extend_from_slice(&extra);
            }
        }
        self.put(&dir)?;
        let size = dir.len() as u64;
        let count = self.entries.len() as u64;
        let big = start >= limit || size >= limit || count >= 0xFFFF;
        let mut end = Vec::new();
        if big {
            let record = self.written;
            end.extend_from_slice(&0x0606_4b50u32.to_le_bytes());
            end.extend_from_slice(&44u64.to_le_bytes());
            end.extend_from_slice(&V45.to_le_bytes());
            end.extend_from_slice(&V45.to_le_bytes());
            end.extend_from_slice(&[0; 8]); // this disk, the directory's disk
            end.extend_from_slice(&count.to_le_bytes());
            end.extend_from_slice(&count.to_le_bytes());
            end.extend_from_slice(&size.to_le_bytes());
            end.extend_from_slice(&start.to_le_bytes());
            end.extend_from_slice(&0x0706_4b50u32.to_le_bytes());
            end.extend_from_slice(&0u32.to_le_bytes());
            end.extend_from_slice(&record.to_le_bytes());
            end.extend_from_slice(&1u32.to_le_bytes());
        }
        let small = |v: u64, max: u64| if big || v >= max { max } else { v };
        end.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        end.extend_from_slice(&[0; 4]);
        end.extend_from_slice(&(small(count, 0xFFFF) as u16).to_le_bytes());
        end.extend_from_slice(&(small(count, 0xFFFF) as u16).to_le_bytes());
        end.extend_from_slice(&(small(size, MAX32) as u32).to_le_bytes());
        end.extend_from_slice(&(small(start, MAX32) as u32).to_le_bytes());
        end.extend_from_slice(&0u16.to_le_bytes());
        self.put(&end)?;
        self.out.flush()
    }
}
