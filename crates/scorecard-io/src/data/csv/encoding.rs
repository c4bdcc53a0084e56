//! Which encoding a CSV file's text is in, decided once from its first
//! bytes, and the reader that turns anything but UTF-8 into UTF-8.
//!
//! * A byte-order mark says it: UTF-8, or UTF-16 (little or big end).
//! * Otherwise the first bytes are looked at up to a little past the first
//!   byte that is not ASCII (at most [`MAX_LOOK_AHEAD`]): valid UTF-8 is
//!   UTF-8; anything else is GB18030 (which includes GBK and GB2312), what
//!   Excel's plain "CSV" and WPS save on a Chinese Windows, if it reads as
//!   such; if it does not, the file is not text and is refused.
//!
//! UTF-8 is read as it is, not copied (the usual file, and the fast path).
//! GB18030 and UTF-16 are turned into UTF-8 a buffer at a time as the file
//! is read ([`Transcode`]), so they stream in flat memory too. A byte later
//! in a GB18030 file that is not GB18030 stops the reading at its line.

use encoding_rs::{DecoderResult, Encoding, GB18030, UTF_16BE, UTF_16LE};
use std::io::{self, Read};

/// The encodings a CSV file is read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextEncoding {
    Utf8,
    /// With a byte-order mark (Excel's "Unicode text").
    Utf16Le,
    Utf16Be,
    /// GB18030, which includes GBK and GB2312.
    Gb18030,
}

impl TextEncoding {
    /// The name people know it by.
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf16Le | TextEncoding::Utf16Be => "UTF-16",
            TextEncoding::Gb18030 => "GB18030 (GBK)",
        }
    }

    fn decoder(self) -> Option<encoding_rs::Decoder> {
        let encoding: &'static Encoding = match self {
            TextEncoding::Utf8 => return None,
            TextEncoding::Utf16Le => UTF_16LE,
            TextEncoding::Utf16Be => UTF_16BE,
            TextEncoding::Gb18030 => GB18030,
        };
        Some(encoding.new_decoder_with_bom_removal())
    }
}

impl std::fmt::Display for TextEncoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The fewest bytes looked at first (also for a byte-order mark and old
/// Mac line ends).
pub const LOOK_AHEAD: usize = 4096;
/// How far past the first byte that is not ASCII the bytes are looked at.
const PAST_FIRST: usize = 1024;
/// The most bytes looked at: a file whose first megabyte is plain ASCII is
/// taken to be UTF-8.
pub const MAX_LOOK_AHEAD: usize = 1 << 20;

/// The first bytes of `input`, enough to tell its encoding, and whether
/// they are the whole input. A pipe may hand them over a byte at a time.
pub fn look_ahead(input: &mut impl Read) -> io::Result<(Vec<u8>, bool)> {
    let mut bytes: Vec<u8> = Vec::new();
    loop {
        let enough = match bytes.iter().position(|b| !b.is_ascii()) {
            Some(at) => bytes.len() >= (at + PAST_FIRST).max(LOOK_AHEAD),
            None => bytes.len() >= MAX_LOOK_AHEAD,
        };
        if enough {
            return Ok((bytes, false));
        }
        let old = bytes.len();
        bytes.resize((old * 2).clamp(LOOK_AHEAD, MAX_LOOK_AHEAD), 0);
        let read = read_some(input, &mut bytes[old..]);
        let n = *read.as_ref().unwrap_or(&0);
        bytes.truncate(old + n);
        read?;
        if n == 0 {
            return Ok((bytes, true));
        }
    }
}

fn read_some(input: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    loop {
        match input.read(buf) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

/// The encoding of text starting with `ahead` (`whole`: all of it), or the
/// line of the first byte that makes it no text at all.
pub fn sniff(ahead: &[u8], whole: bool) -> Result<TextEncoding, usize> {
    if ahead.starts_with(&[0xFF, 0xFE]) {
        return Ok(TextEncoding::Utf16Le);
    }
    if ahead.starts_with(&[0xFE, 0xFF]) {
        return Ok(TextEncoding::Utf16Be);
    }
    match simdutf8::compat::from_utf8(ahead) {
        Ok(_) => return Ok(TextEncoding::Utf8),
        // Cut in the middle of a character: what there is is UTF-8.
        Err(e) if e.error_len().is_none() && !whole => return Ok(TextEncoding::Utf8),
        // Chinese in UTF-8 before the bad byte: a UTF-8 file with a stray
        // byte (a cell pasted from elsewhere), told at its line, not garbled.
        Err(e) if chinese_characters(&ahead[..e.valid_up_to()]) >= 2 => {
            return Ok(TextEncoding::Utf8)
        }
        Err(_) => {}
    }
    let line_of = |at: usize| 1 + memchr::memchr_iter(b'\n', &ahead[..at]).count();
    // Text has no control characters but tabs and line ends.
    if let Some(at) = ahead
        .iter()
        .position(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
    {
        return Err(line_of(at));
    }
    let mut decoder = GB18030.new_decoder_without_bom_handling();
    let mut out = vec![0; ahead.len() * 3 + 16];
    let (result, read, _) = decoder.decode_to_utf8_without_replacement(ahead, &mut out, whole);
    match result {
        DecoderResult::Malformed(bad, after) => Err(line_of(read - after as usize - bad as usize)),
        _ => Ok(TextEncoding::Gb18030),
    }
}

/// How many CJK characters valid UTF-8 `text` holds.
fn chinese_characters(text: &[u8]) -> usize {
    std::str::from_utf8(text)
        .unwrap_or("")
        .chars()
        .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
        .count()
}

/// Wraps `input` so that it reads as UTF-8: as it is for UTF-8, else
/// decoded a buffer at a time.
pub fn to_utf8(input: Box<dyn Read + Send>, encoding: TextEncoding) -> Box<dyn Read + Send> {
    match encoding.decoder() {
        None => input,
        Some(decoder) => Box::new(Transcode {
            input,
            decoder,
            encoding,
            raw: vec![0; 1 << 16],
            raw_start: 0,
            raw_end: 0,
            input_done: false,
            text: Vec::new(),
            text_start: 0,
            lines: 0,
            state: State::Reading,
        }),
    }
}

/// The text stopped being text in its encoding: the line of the bad byte.
#[derive(Debug)]
pub struct NotText {
    pub line: usize,
    pub encoding: TextEncoding,
}

impl std::fmt::Display for NotText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {} is not {} text", self.line, self.encoding)
    }
}

impl std::error::Error for NotText {}

enum State {
    Reading,
    /// The bad byte's line, told once the text before it is read.
    Bad(usize),
    Done,
}

/// A reader of UTF-8 decoded from another encoding as it is read.
struct Transcode {
    input: Box<dyn Read + Send>,
    decoder: encoding_rs::Decoder,
    encoding: TextEncoding,
    raw: Vec<u8>,
    raw_start: usize,
    raw_end: usize,
    input_done: bool,
    /// Decoded text not yet handed out, from `text_start`.
    text: Vec<u8>,
    text_start: usize,
    /// Line ends decoded so far.
    lines: usize,
    state: State,
}

impl Transcode {
    /// Decodes the next stretch of input into `text`.
    fn decode_more(&mut self) -> io::Result<()> {
        if self.raw_start == self.raw_end && !self.input_done {
            let n = read_some(&mut self.input, &mut self.raw)?;
            (self.raw_start, self.raw_end, self.input_done) = (0, n, n == 0);
        }
        let src = &self.raw[self.raw_start..self.raw_end];
        let room = self
            .decoder
            .max_utf8_buffer_length_without_replacement(src.len())
            .unwrap_or(src.len() * 4 + 16);
        self.text.clear();
        self.text.resize(room.max(16), 0);
        self.text_start = 0;
        let (result, read, written) =
            self.decoder
                .decode_to_utf8_without_replacement(src, &mut self.text, self.input_done);
        self.raw_start += read;
        self.text.truncate(written);
        let lines = memchr::memchr_iter(b'\n', &self.text).count();
        match result {
            DecoderResult::InputEmpty if self.input_done => self.state = State::Done,
            DecoderResult::InputEmpty | DecoderResult::OutputFull => {}
            DecoderResult::Malformed(..) => self.state = State::Bad(self.lines + lines + 1),
        }
        self.lines += lines;
        Ok(())
    }
}

impl Read for Transcode {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.text_start == self.text.len() {
            match self.state {
                State::Reading => self.decode_more()?,
                State::Bad(line) => {
                    let bad = NotText {
                        line,
                        encoding: self.encoding,
                    };
                    return Err(io::Error::new(io::ErrorKind::InvalidData, bad));
                }
                State::Done => return Ok(0),
            }
        }
        let n = buf.len().min(self.text.len() - self.text_start);
        buf[..n].copy_from_slice(&self.text[self.text_start..self.text_start + n]);
        self.text_start += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gbk(text: &str) -> Vec<u8> {
        GB18030.encode(text).0.into_owned()
    }

    fn decoded(bytes: Vec<u8>) -> io::Result<String> {
        let (ahead, whole) = look_ahead(&mut bytes.as_slice()).unwrap();
        let encoding = sniff(&ahead, whole).unwrap();
        let mut out = String::new();
        to_utf8(Box::new(io::Cursor::new(bytes)), encoding).read_to_string(&mut out)?;
        Ok(out)
    }

    #[test]
    fn utf8_gbk_and_utf16_are_told_apart() {
        assert_eq!(
            sniff("工号,姓名\n".as_bytes(), true),
            Ok(TextEncoding::Utf8)
        );
        assert_eq!(sniff(&gbk("工号,姓名\n"), true), Ok(TextEncoding::Gb18030));
        assert_eq!(sniff(b"id,name\n", true), Ok(TextEncoding::Utf8));
        assert_eq!(sniff(b"\xFF\xFEi\0", true), Ok(TextEncoding::Utf16Le));
        assert_eq!(sniff(b"\xFE\xFF\0i", true), Ok(TextEncoding::Utf16Be));
    }

    #[test]
    fn a_utf8_character_cut_by_the_look_ahead_is_still_utf8() {
        let cut = &"工号".as_bytes()[..4];
        assert_eq!(sniff(cut, false), Ok(TextEncoding::Utf8));
    }

    #[test]
    fn bytes_that_are_no_text_are_refused_at_their_line() {
        assert_eq!(sniff(b"id\n\x00\xFF\x02", true), Err(2));
        // 0xFF never starts a GB18030 character.
        assert_eq!(sniff(b"id,x\nE1,y\n\xFF\xFF\n", true), Err(3));
    }

    #[test]
    fn utf8_chinese_with_a_stray_byte_stays_utf8() {
        let bytes = "工号,姓名\nE1,张三\nE2,\u{0}".replace('\u{0}', "");
        let mut bytes = bytes.into_bytes();
        bytes.extend(b"\xB9\xA4\n");
        assert_eq!(sniff(&bytes, true), Ok(TextEncoding::Utf8));
    }

    #[test]
    fn gbk_and_utf16_decode_to_the_same_text() {
        let text = "工号,姓名\nE1,张三\n";
        assert_eq!(decoded(gbk(text)).unwrap(), text);
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decoded(utf16).unwrap(), text);
    }

    #[test]
    fn the_first_non_ascii_byte_is_looked_at_past_the_first_4k() {
        let text = format!("id,x\n{}E9,张三\n", "E1,1\n".repeat(2000));
        let bytes = gbk(&text);
        let (ahead, whole) = look_ahead(&mut bytes.as_slice()).unwrap();
        assert!(whole && ahead.len() > LOOK_AHEAD);
        assert_eq!(sniff(&ahead, whole), Ok(TextEncoding::Gb18030));
    }

    #[test]
    fn a_bad_byte_later_in_gbk_is_an_error_at_its_line() {
        let mut bytes = gbk("工号\nE1\n");
        bytes.extend(b"E2\xFF\n");
        let input = to_utf8(Box::new(io::Cursor::new(bytes)), TextEncoding::Gb18030);
        let mut out = String::new();
        let error = io::BufReader::new(input)
            .read_to_string(&mut out)
            .unwrap_err();
        let bad = error.get_ref().unwrap().downcast_ref::<NotText>().unwrap();
        assert_eq!(bad.line, 3);
    }
}
