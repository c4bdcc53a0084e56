//! Where things are, as the protocol says it: a byte offset into a card's
//! text ↔ a line and a character (UTF-16 code units by default, bytes when
//! the client and the server agree on UTF-8), and a file's path ↔ its
//! `file://` URI.

use lsp_types::{Position, Range, Uri};
use scorecard::source::Span;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// How a position's `character` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-16 code units: the protocol's default (a Chinese character is one,
    /// an emoji two).
    Utf16,
    /// Bytes of UTF-8, when the client offers it.
    Utf8,
}

impl Encoding {
    /// UTF-8 if the client lists it among the encodings it can use, else UTF-16.
    pub fn negotiate(offered: Option<&[lsp_types::PositionEncodingKind]>) -> Encoding {
        let utf8 =
            offered.is_some_and(|kinds| kinds.contains(&lsp_types::PositionEncodingKind::UTF8));
        if utf8 {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        }
    }

    pub fn kind(self) -> lsp_types::PositionEncodingKind {
        match self {
            Encoding::Utf16 => lsp_types::PositionEncodingKind::UTF16,
            Encoding::Utf8 => lsp_types::PositionEncodingKind::UTF8,
        }
    }

    fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf16 => c.len_utf16(),
            Encoding::Utf8 => c.len_utf8(),
        }
    }
}

/// A text's line starts, for turning offsets into positions and back.
pub struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
    encoding: Encoding,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str, encoding: Encoding) -> Self {
        let starts = std::iter::once(0)
            .chain(memchr_lines(text))
            .collect::<Vec<_>>();
        Lines {
            text,
            starts,
            encoding,
        }
    }

    /// The position of byte `offset` (rounded down to a character boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let character: usize = self.text[start..offset]
            .chars()
            .map(|c| self.encoding.width(c))
            .sum();
        Position::new(to_u32(line), to_u32(character))
    }

    pub fn range(&self, span: Span) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of `position`; a line or character past the end is
    /// taken as the end of the text or of the line, and a position inside a
    /// character as its start.
    pub fn offset(&self, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return self.text.len();
        };
        let end = self
            .starts
            .get(position.line as usize + 1)
            .map_or(self.text.len(), |&next| next - 1);
        let mut counted = 0;
        for (i, c) in self.text[start..end].char_indices() {
            if counted >= position.character as usize {
                return start + i;
            }
            counted += self.encoding.width(c);
            if counted > position.character as usize {
                return start + i;
            }
        }
        end
    }

    /// The range of the whole text.
    pub fn whole(&self) -> Range {
        Range::new(Position::new(0, 0), self.position(self.text.len()))
    }
}

fn memchr_lines(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'\n')
        .map(|(i, _)| i + 1)
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The file a `file://` URI names; `None` for another scheme (an unsaved
/// `untitled:` buffer).
pub fn path_of(uri: &Uri) -> Option<PathBuf> {
    let text = uri.as_str();
    let rest = text.strip_prefix("file://")?;
    // `file://host/path`: only the local host (empty or `localhost`) is ours.
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    let path = rest.split(['?', '#']).next().unwrap_or(rest);
    let decoded = percent_decode(path)?;
    // `/c:/Users/…` on Windows.
    let bytes = decoded.as_bytes();
    if cfg!(windows) && bytes.len() > 2 && bytes[0] == b'/' && bytes[2] == b':' {
        return Some(PathBuf::from(&decoded[1..]));
    }
    Some(PathBuf::from(decoded))
}

/// The `file://` URI of an absolute path; every byte but the unreserved
/// ones and `/` percent-encoded (Chinese folder names included).
pub fn uri_of(path: &Path) -> Option<Uri> {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut out = String::from("file://");
    if !text.starts_with('/') {
        out.push('/');
    }
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) || (b == b':' && cfg!(windows)) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    Uri::from_str(&out).ok()
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units_or_bytes() {
        let text = "第一行\n  反馈😀率 >= 98%\n";
        let at = text.find(">=").unwrap();
        let utf16 = Lines::new(text, Encoding::Utf16);
        assert_eq!(utf16.position(at), Position::new(1, 8));
        assert_eq!(utf16.offset(Position::new(1, 8)), at);
        let utf8 = Lines::new(text, Encoding::Utf8);
        assert_eq!(utf8.position(at), Position::new(1, 2 + 13 + 1));
        assert_eq!(utf8.offset(Position::new(1, 16)), at);
        // Past the end of a line: the line's end; past the last line: the text's.
        assert_eq!(utf16.offset(Position::new(0, 99)), "第一行".len());
        assert_eq!(utf16.offset(Position::new(9, 0)), text.len());
        // Inside the emoji's surrogate pair: its start.
        let emoji = text.find('😀').unwrap();
        assert_eq!(utf16.offset(Position::new(1, 5)), emoji);
    }

    #[test]
    fn file_uris_round_trip_with_chinese_folders() {
        let path = Path::new("/tmp/rules/brands/君威/a b.card");
        let uri = uri_of(path).unwrap();
        assert_eq!(
            uri.as_str(),
            "file:///tmp/rules/brands/%E5%90%9B%E5%A8%81/a%20b.card"
        );
        assert_eq!(path_of(&uri).unwrap(), path);
        assert_eq!(
            path_of(&Uri::from_str("untitled:Untitled-1").unwrap()),
            None
        );
    }
}
