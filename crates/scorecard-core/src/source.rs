//! Source text and byte spans.
//!
//! Every AST node carries a [`Span`] of byte offsets; line and column are worked
//! out only when a diagnostic is rendered, from the [`SourceFile`] it points into.

use std::sync::Arc;

/// A half-open range of byte offsets `[start, end)` into one source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
pub struct Span {
    /// The first byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The bytes `start..end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The smallest span covering both `self` and `other`.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// How many bytes it covers.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether it covers no byte (a place, not a piece of text).
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// A named piece of source text: a card file, a hook script, or stdin.
///
/// A card that `extends` others is checked as one card made of several files.
/// Its source is *composite*: `text` holds every file's text one after the
/// other, and `parts` says where each file starts, so every span of the
/// resolved card is a plain byte range that names its file by where it falls
/// (as in rustc's source map). [`SourceFile::locate`] turns such a span back
/// into the file and the offset within it; `line_col` and `line_text` do so
/// by themselves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// The file's name or path as the reader knows it (`rules/回访专员.card`).
    pub name: String,
    /// The whole text.
    pub text: Arc<str>,
    /// The files a composite source is made of, in order; empty for a plain file.
    pub parts: Vec<Part>,
}

/// One file inside a composite [`SourceFile`], and where its text starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// Where this file's text starts in the composite text.
    pub start: usize,
    /// The file itself, with its own name and text.
    pub file: Arc<SourceFile>,
}

impl SourceFile {
    /// A plain (not composite) source: a file's name and its text.
    pub fn new(name: impl Into<String>, text: impl Into<Arc<str>>) -> Arc<Self> {
        Arc::new(SourceFile {
            name: name.into(),
            text: text.into(),
            parts: Vec::new(),
        })
    }

    /// One source made of `files`, named `name`. Each file's text follows the
    /// one before after a newline; the offsets where they start are returned
    /// beside it, in the order given, for shifting each file's spans.
    pub fn composite(
        name: impl Into<String>,
        files: &[Arc<SourceFile>],
    ) -> (Arc<Self>, Vec<usize>) {
        let mut text = String::new();
        let mut parts = Vec::with_capacity(files.len());
        let mut starts = Vec::with_capacity(files.len());
        for file in files {
            let start = text.len();
            starts.push(start);
            parts.extend(file.plain_parts().into_iter().map(|part| Part {
                start: start + part.start,
                file: part.file,
            }));
            text.push_str(&file.text);
            text.push('\n');
        }
        let source = Arc::new(SourceFile {
            name: name.into(),
            text: text.into(),
            parts,
        });
        (source, starts)
    }

    /// The plain files this source is made of (itself, when it is plain).
    fn plain_parts(self: &Arc<Self>) -> Vec<Part> {
        if self.parts.is_empty() {
            vec![Part {
                start: 0,
                file: self.clone(),
            }]
        } else {
            self.parts.clone()
        }
    }

    /// Whether this source is made of several files.
    pub fn is_composite(&self) -> bool {
        !self.parts.is_empty()
    }

    /// The plain file that holds `offset`, and the offset within that file.
    /// For a plain file that is the file itself and `offset` unchanged.
    pub fn locate(&self, offset: usize) -> (&SourceFile, usize) {
        let index = self.parts.partition_point(|p| p.start <= offset);
        match index.checked_sub(1).map(|i| &self.parts[i]) {
            Some(part) => (&part.file, offset - part.start),
            None => (self, offset),
        }
    }

    /// `span` in the plain file that holds its start (see [`SourceFile::locate`]).
    pub fn locate_span(&self, span: Span) -> (&SourceFile, Span) {
        let (file, start) = self.locate(span.start);
        let shift = span.start - start;
        let end = span.end.saturating_sub(shift).max(start);
        (file, Span::new(start, end))
    }

    /// The text a span covers, or "" if the span does not fall on this text.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    /// 1-based line and column (in characters, so Chinese text counts one per glyph),
    /// in the file that holds `offset` (see [`SourceFile::locate`]).
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        if self.is_composite() {
            let (file, offset) = self.locate(offset);
            return file.line_col(offset);
        }
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let before = &self.text[..offset];
        // Counted many bytes at a time: a report cites a line per reason.
        let line = memchr::memchr_iter(b'\n', before.as_bytes()).count() + 1;
        let line_start = memchr::memrchr(b'\n', before.as_bytes()).map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        (line, column)
    }

    /// The whole line (without its newline) that contains `offset`.
    pub fn line_text(&self, offset: usize) -> &str {
        if self.is_composite() {
            let (file, offset) = self.locate(offset);
            return file.line_text(offset);
        }
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let start = self.text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let end = self.text[offset..]
            .find('\n')
            .map_or(self.text.len(), |i| offset + i);
        self.text[start..end].trim_end_matches('\r')
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters_not_bytes() {
        let file = SourceFile::new("a.card", "第一行\n  反馈及时率 >= 98%\n");
        let offset = file.text.find("98%").unwrap();
        assert_eq!(file.line_col(offset), (2, 12));
        assert_eq!(file.line_text(offset), "  反馈及时率 >= 98%");
    }

    #[test]
    fn a_composite_source_finds_each_file_by_offset() {
        let base = SourceFile::new("base.card", "第一行\nscorecard a {}\n");
        let brand = SourceFile::new("brands/君威.card", "// 君威\nscorecard b {}\n");
        let (all, starts) =
            SourceFile::composite("brands/君威.card", &[base.clone(), brand.clone()]);
        assert_eq!(starts, vec![0, base.text.len() + 1]);
        let offset = starts[1] + brand.text.find("scorecard").unwrap();
        let (file, local) = all.locate(offset);
        assert_eq!((file.name.as_str(), local), ("brands/君威.card", 10));
        assert_eq!(all.line_col(offset), (2, 1));
        assert_eq!(all.line_text(offset), "scorecard b {}");
        assert_eq!(all.slice(Span::new(offset, offset + 9)), "scorecard");
        let (file, span) = all.locate_span(Span::new(4, 13));
        assert_eq!((file.name.as_str(), span), ("base.card", Span::new(4, 13)));
        assert_eq!(base.locate(4).1, 4, "a plain file locates to itself");
    }

    #[test]
    fn offsets_inside_a_character_round_down() {
        let file = SourceFile::new("a.card", "回访");
        assert_eq!(file.line_col(1), (1, 1));
        assert_eq!(file.line_col(3), (1, 2));
    }
}
