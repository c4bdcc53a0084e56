//! A sheet's rows as SpreadsheetML, a chunk at a time: typed cells, text
//! escaped as Excel reads it, each column's widest text measured.

use super::super::sheet::{display_width, NumberStyle};
use crate::value::push_decimal;
use rust_decimal::Decimal;

/// A cell's look: an index into the workbook's fixed styles
/// ([`super::parts::styles`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    /// The header row: bold on a pale fill, a line below, wrapped.
    Header,
    /// A line above the header saying what the sheet holds: bold.
    Heading,
    /// Long text (a reason), wrapped.
    Wrap,
    /// Yuan: `#,##0.00`.
    Money,
    /// A percentage with this many decimals (at most [`PERCENT_DECIMALS`]).
    Percent(u8),
}

/// The most decimals a percentage is shown with.
pub const PERCENT_DECIMALS: u8 = 10;

impl Style {
    /// The style's index in `cellXfs`.
    pub fn index(self) -> u32 {
        match self {
            Style::Plain => 0,
            Style::Header => 1,
            Style::Heading => 2,
            Style::Wrap => 3,
            Style::Money => 4,
            Style::Percent(d) => 5 + u32::from(d.min(PERCENT_DECIMALS)),
        }
    }
}

/// A text cell's content: written in the cell, or an entry of the
/// workbook's shared strings (its index, and its width and lines as
/// measured when it was added).
#[derive(Debug, Clone, Copy)]
pub enum Text<'a> {
    Inline(&'a str),
    Shared {
        index: u32,
        width: usize,
        lines: u32,
    },
}

impl Text<'_> {
    /// The lines the text takes wrapped in the widest column (see [`wrapped_lines`]).
    pub fn lines(&self) -> u32 {
        match self {
            Text::Inline(text) => wrapped_lines(text),
            Text::Shared { lines, .. } => *lines,
        }
    }
}

/// The lines `text` takes in a wrapped cell of the widest column a sheet
/// has ([`column_width`](super::super::sheet::column_width) 80): each of
/// its lines, wrapped every 70 display columns — a little less than the
/// column, since a 汉字 in the fonts Excel, WPS and LibreOffice fall back
/// on is a little wider than two digits. A narrower column holds only
/// texts whose every line fits it, so the count holds there too.
pub fn wrapped_lines(text: &str) -> u32 {
    const ROOM: usize = 70;
    let lines: usize = text
        .split('\n')
        .map(|line| display_width(line).div_ceil(ROOM).max(1))
        .sum();
    u32::try_from(lines).unwrap_or(u32::MAX).max(1)
}

/// Points a wrapped line takes: Excel's default row height is 15 for
/// Calibri 11, and a line of 汉字 at 11 points needs a little more.
const LINE_POINTS: u32 = 18;

/// Rows of one sheet as XML (`<row>` … `</row>`), with each column's widest
/// text in display columns (a 汉字 is two).
#[derive(Debug, Default)]
pub struct RowsXml {
    pub(super) xml: Vec<u8>,
    pub(super) widths: Vec<usize>,
    /// The last row started (0-based).
    pub(super) last: Option<u32>,
    open: bool,
    /// The current row's number as text (1-based), for cell references.
    row_len: usize,
    row_bytes: [u8; 10],
    /// The column a cell without a reference goes in: the one after the
    /// last cell written in the row.
    next: usize,
    /// A text was cut to fit its cell ([`fit_cell`]).
    pub(super) cut: bool,
    shown: String,
}

impl RowsXml {
    pub fn new() -> Self {
        RowsXml::default()
    }

    /// Bytes of XML written.
    pub fn len(&self) -> usize {
        self.xml.len()
    }

    pub fn is_empty(&self) -> bool {
        self.xml.is_empty()
    }

    /// Starts row `row` (0-based; rows come in order), ending the one before.
    pub fn row(&mut self, row: u32) {
        self.row_of_lines(row, 1);
    }

    /// [`row`](Self::row), as tall as `lines` lines of text (a wrapped
    /// reason): every line shows on screen and on paper, whatever program
    /// opens the workbook.
    pub fn row_of_lines(&mut self, row: u32, lines: u32) {
        self.end_row();
        let mut number = itoa::Buffer::new();
        let text = number.format(row + 1);
        self.row_len = text.len();
        self.row_bytes[..text.len()].copy_from_slice(text.as_bytes());
        self.xml.extend_from_slice(b"<row r=\"");
        self.xml.extend_from_slice(&self.row_bytes[..self.row_len]);
        if lines > 1 {
            // Excel's rows are at most 409 points tall.
            let points = lines.saturating_mul(LINE_POINTS).min(409);
            self.xml.extend_from_slice(b"\" ht=\"");
            self.xml
                .extend_from_slice(itoa::Buffer::new().format(points).as_bytes());
            self.xml.extend_from_slice(b"\" customHeight=\"1");
        }
        self.xml.extend_from_slice(b"\">");
        self.open = true;
        self.next = 0;
        self.last = Some(row);
    }

    /// Ends the row being written (rows also end when the next starts).
    pub fn end_row(&mut self) {
        if std::mem::take(&mut self.open) {
            self.xml.extend_from_slice(b"</row>");
        }
    }

    /// `<c` and the style: with its reference (`r="B7"`) only after a gap
    /// in the row. A cell without one is the column after the cell before
    /// it (ECMA-376 §18.3.1.4: `r` is optional), as Excel, WPS, LibreOffice
    /// and Microsoft's own exports (Power BI, Dynamics) write and read it.
    /// The references were two fifths of the sheets' XML and, every one
    /// different, most of the deflated workbook: without them a million S1
    /// rows deflate to 260 MB instead of 620 MB, in three quarters of the time.
    fn open_cell(&mut self, c: usize, style: Style) {
        debug_assert!(c >= self.next, "cells are written left to right");
        if c == self.next {
            self.xml.extend_from_slice(b"<c");
        } else {
            self.xml.extend_from_slice(b"<c r=\"");
            push_column(&mut self.xml, c);
            self.xml.extend_from_slice(&self.row_bytes[..self.row_len]);
            self.xml.push(b'"');
        }
        self.next = c + 1;
        let s = style.index();
        if s != 0 {
            self.xml.extend_from_slice(b" s=\"");
            self.xml
                .extend_from_slice(itoa::Buffer::new().format(s).as_bytes());
            self.xml.push(b'"');
        }
    }

    /// Text in column `c` (nothing for empty text); long text wraps.
    pub fn text(&mut self, c: usize, text: Text<'_>, style: Style) {
        match text {
            Text::Inline(text) => {
                if text.is_empty() {
                    return;
                }
                self.unmeasured(c, text, style);
                self.measure(c, text_width(text));
            }
            Text::Shared { index, width, .. } => {
                self.open_cell(c, style);
                self.xml.extend_from_slice(b" t=\"s\"><v>");
                self.xml
                    .extend_from_slice(itoa::Buffer::new().format(index).as_bytes());
                self.xml.extend_from_slice(b"</v></c>");
                self.measure(c, width);
            }
        }
    }

    /// Text written in the cell, not measured (a heading that runs on over
    /// the empty cells beside it).
    pub fn unmeasured(&mut self, c: usize, text: &str, style: Style) {
        if text.is_empty() {
            return;
        }
        self.open_cell(c, style);
        self.xml.extend_from_slice(b" t=\"inlineStr\"><is>");
        self.cut |= push_t(&mut self.xml, text);
        self.xml.extend_from_slice(b"</is></c>");
    }

    /// A number as an Excel number, so it sums and sorts: its exact
    /// decimal digits, which Excel reads to the nearest binary double and
    /// shows with the same digits (scores and pay have far fewer than 15).
    /// Money is stored as it is shown, to the fen (half away from zero),
    /// so that Excel's SUM of the cells equals the sum of what they show.
    pub fn number(&mut self, c: usize, value: Decimal, style: NumberStyle) {
        use std::fmt::Write as _;
        let mut shown = std::mem::take(&mut self.shown);
        shown.clear();
        let (value, style) = match style {
            NumberStyle::Plain => {
                push_decimal(&mut shown, value);
                (value, Style::Plain)
            }
            NumberStyle::Money => {
                let value = value.round_dp_with_strategy(
                    2,
                    rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                );
                let _ = write!(shown, "{value:.2}");
                // Thousands separators add about one column in three digits.
                let commas = shown.len() / 3;
                shown.extend(std::iter::repeat_n(' ', commas));
                (value, Style::Money)
            }
            NumberStyle::Percent => {
                // Too large to count in points: written as the exact text.
                let Some(points) = value.checked_mul(Decimal::ONE_HUNDRED) else {
                    self.shown = shown;
                    let text = format!("{}×100%", crate::value::format_decimal(value));
                    return self.text(c, Text::Inline(&text), Style::Plain);
                };
                push_decimal(&mut shown, points);
                let decimals = shown.split_once('.').map_or(0, |(_, f)| f.len());
                shown.push('%');
                let decimals = u8::try_from(decimals).unwrap_or(u8::MAX);
                (value, Style::Percent(decimals.min(PERCENT_DECIMALS)))
            }
        };
        self.open_cell(c, style);
        self.xml.extend_from_slice(b"><v>");
        push_decimal(&mut self.xml, value);
        self.xml.extend_from_slice(b"</v></c>");
        let width = shown.len();
        self.shown = shown;
        self.measure(c, width);
    }

    fn measure(&mut self, c: usize, width: usize) {
        if self.widths.len() <= c {
            self.widths.resize(c + 1, 0);
        }
        self.widths[c] = self.widths[c].max(width);
    }
}

/// The widest line of `text`, in display columns.
pub fn text_width(text: &str) -> usize {
    if !text.contains('\n') {
        return display_width(text);
    }
    text.lines().map(display_width).max().unwrap_or(0)
}

/// Column `c` (0-based) as letters: A … Z, AA … XFD.
pub fn push_column(out: &mut Vec<u8>, c: usize) {
    let mut letters = [0u8; 4];
    let mut n = c + 1;
    let mut i = letters.len();
    while n > 0 && i > 0 {
        i -= 1;
        letters[i] = b'A' + ((n - 1) % 26) as u8;
        n = (n - 1) / 26;
    }
    out.extend_from_slice(&letters[i..]);
}

/// A cell reference, `B7` for column 1, row 6 (0-based).
pub fn cell_ref(c: usize, row: u32) -> String {
    let mut out = Vec::new();
    push_column(&mut out, c);
    out.extend_from_slice(itoa::Buffer::new().format(row + 1).as_bytes());
    String::from_utf8(out).unwrap_or_default()
}

/// The most characters an Excel cell holds (counted as Excel counts them:
/// UTF-16 units).
pub const EXCEL_CELL_CHARS: usize = 32_767;

/// `text` cut to fit a cell, ending in `…`, when it is longer than
/// [`EXCEL_CELL_CHARS`] (Excel refuses the workbook otherwise).
pub fn fit_cell(text: &str) -> Option<String> {
    // Three bytes of UTF-8 at most per UTF-16 unit: a shorter text fits.
    if text.len() <= EXCEL_CELL_CHARS || text.encode_utf16().count() <= EXCEL_CELL_CHARS {
        return None;
    }
    let mut units = 0;
    let mut cut = String::new();
    for c in text.chars() {
        units += c.len_utf16();
        if units > EXCEL_CELL_CHARS - 1 {
            break;
        }
        cut.push(c);
    }
    cut.push('…');
    Some(cut)
}

/// `<t>text</t>`, keeping spaces at either end; a text longer than a cell
/// holds is cut ([`fit_cell`]): returns whether it was.
pub fn push_t(out: &mut Vec<u8>, text: &str) -> bool {
    if let Some(cut) = fit_cell(text) {
        push_t(out, &cut);
        return true;
    }
    let spaced = text.starts_with(char::is_whitespace) || text.ends_with(char::is_whitespace);
    out.extend_from_slice(if spaced {
        b"<t xml:space=\"preserve\">".as_slice()
    } else {
        b"<t>".as_slice()
    });
    push_escaped(out, text);
    out.extend_from_slice(b"</t>");
    false
}

/// `text` as XML character data the way Excel reads it back: `&`, `<`
/// and `>` as entities; a control character (which XML 1.0 cannot hold)
/// and U+FFFE/U+FFFF as Excel's `_xHHHH_`; and a `_x` that would read as
/// such an escape with its underscore escaped (`_x005F_`), so the text
/// comes back as it went in.
pub fn push_escaped(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    let mut done = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (escape, len): (&[u8], usize) = match b {
            b'&' => (b"&amp;", 1),
            b'<' => (b"&lt;", 1),
            b'>' => (b"&gt;", 1),
            b'_' if looks_escaped(&bytes[i..]) => (b"_x005F_", 1),
            b'\t' | b'\n' => (b"", 0),
            0..=0x1F => (CONTROL[usize::from(b)].as_bytes(), 1),
            0xEF if bytes.get(i + 1) == Some(&0xBF) && bytes.get(i + 2) == Some(&0xBE) => {
                (b"_xFFFE_", 3)
            }
            0xEF if bytes.get(i + 1) == Some(&0xBF) && bytes.get(i + 2) == Some(&0xBF) => {
                (b"_xFFFF_", 3)
            }
            _ => (b"", 0),
        };
        if len == 0 {
            i += 1;
            continue;
        }
        out.extend_from_slice(&bytes[done..i]);
        out.extend_from_slice(escape);
        i += len;
        done = i;
    }
    out.extend_from_slice(&bytes[done..]);
}

/// The control characters as Excel writes them.
const CONTROL: [&str; 32] = [
    "_x0000_", "_x0001_", "_x0002_", "_x0003_", "_x0004_", "_x0005_", "_x0006_", "_x0007_",
    "_x0008_", "_x0009_", "_x000A_", "_x000B_", "_x000C_", "_x000D_", "_x000E_", "_x000F_",
    "_x0010_", "_x0011_", "_x0012_", "_x0013_", "_x0014_", "_x0015_", "_x0016_", "_x0017_",
    "_x0018_", "_x0019_", "_x001A_", "_x001B_", "_x001C_", "_x001D_", "_x001E_", "_x001F_",
];

/// Whether `text` starts with `_xHHHH_` (four hex digits).
fn looks_escaped(b: &[u8]) -> bool {
    b.len() >= 7 && b[1] == b'x' && b[2..6].iter().all(u8::is_ascii_hexdigit) && b[6] == b'_'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(text: &str) -> String {
        let mut out = Vec::new();
        push_escaped(&mut out, text);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn columns_are_lettered_as_excel_does() {
        for (c, name) in [
            (0, "A"),
            (25, "Z"),
            (26, "AA"),
            (701, "ZZ"),
            (702, "AAA"),
            (16383, "XFD"),
        ] {
            let mut out = Vec::new();
            push_column(&mut out, c);
            assert_eq!(String::from_utf8(out).unwrap(), name, "{c}");
        }
        assert_eq!(cell_ref(1, 6), "B7");
    }

    #[test]
    fn text_is_escaped_so_that_excel_reads_it_back_as_it_was() {
        assert_eq!(escaped("王三 <A&B>"), "王三 &lt;A&amp;B&gt;");
        assert_eq!(escaped("a\u{1}b\u{1b}[31m"), "a_x0001_b_x001B_[31m");
        assert_eq!(escaped("line\nnext\ttab"), "line\nnext\ttab");
        assert_eq!(escaped("_x0041_ stays"), "_x005F_x0041_ stays");
        assert_eq!(escaped("snake_case_x"), "snake_case_x");
        assert_eq!(escaped("\r"), "_x000D_");
        assert_eq!(escaped("\u{FFFE}"), "_xFFFE_");
        assert_eq!(escaped("满意率"), "满意率");
    }

    #[test]
    fn a_text_longer_than_a_cell_holds_is_cut_with_an_ellipsis() {
        assert_eq!(fit_cell("满意率"), None);
        let long = "扣".repeat(EXCEL_CELL_CHARS + 10);
        let cut = fit_cell(&long).unwrap();
        assert_eq!(cut.chars().count(), EXCEL_CELL_CHARS);
        assert!(cut.ends_with("扣…"));
        // Characters beyond the BMP count twice, as Excel counts them.
        let emoji = "😀".repeat(EXCEL_CELL_CHARS);
        assert_eq!(
            fit_cell(&emoji).unwrap().encode_utf16().count(),
            EXCEL_CELL_CHARS
        );
        assert_eq!(fit_cell(&"a".repeat(EXCEL_CELL_CHARS)), None);
        let mut x = RowsXml::new();
        x.row(0);
        x.text(0, Text::Inline(&long), Style::Plain);
        assert!(x.cut);
    }

    #[test]
    fn a_row_is_as_tall_as_its_longest_wrapped_reason() {
        // Two lines, the second 100 汉字 (200 columns: three lines of 70).
        let text = format!("一行\n{}", "扣".repeat(100));
        assert_eq!(wrapped_lines(&text), 4);
        assert_eq!(wrapped_lines(""), 1);
        let mut x = RowsXml::new();
        x.row_of_lines(4, Text::Inline(&text).lines());
        x.row_of_lines(5, 1);
        x.row_of_lines(6, 1000);
        x.end_row();
        let xml = String::from_utf8(x.xml).unwrap();
        assert_eq!(
            xml,
            concat!(
                r#"<row r="5" ht="72" customHeight="1"></row><row r="6"></row>"#,
                r#"<row r="7" ht="409" customHeight="1"></row>"#
            )
        );
    }

    #[test]
    fn numbers_are_exact_decimals_and_money_is_to_the_fen() {
        let mut x = RowsXml::new();
        x.row(0);
        x.number(0, Decimal::new(8550, 2), NumberStyle::Plain);
        x.number(1, Decimal::new(12345675, 4), NumberStyle::Money);
        x.number(2, Decimal::new(875, 3), NumberStyle::Percent);
        x.row(1);
        x.number(1, Decimal::ONE, NumberStyle::Plain);
        x.number(2, Decimal::TWO, NumberStyle::Plain);
        x.number(5, Decimal::TEN, NumberStyle::Plain);
        x.end_row();
        let xml = String::from_utf8(x.xml.clone()).unwrap();
        // A reference only where a cell does not follow the one before.
        assert_eq!(
            xml,
            concat!(
                r#"<row r="1"><c><v>85.5</v></c><c s="4"><v>1234.57</v></c><c s="6"><v>0.875</v></c></row>"#,
                r#"<row r="2"><c r="B2"><v>1</v></c><c><v>2</v></c><c r="F2"><v>10</v></c></row>"#
            )
        );
        // 1,234.57: its digits and a column for each three; 87.5%: five.
        assert_eq!(x.widths, vec![4, 9, 5, 0, 0, 2]);
    }
}
