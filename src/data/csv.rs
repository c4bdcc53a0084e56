//! CSV: UTF-8 with or without a byte-order mark, a header row, quoted fields,
//! LF or CRLF line ends, and `#` comment lines.
//!
//! A line whose first character is `#` is a comment wherever a row could
//! start (test files carry hand-worked expectations in them), so a header or
//! id may not begin with `#`; blank lines are skipped too. Record numbers are
//! physical lines counting the header, comments and blank lines, so an
//! editor's "go to line" finds them; a row with a quoted multi-line cell is
//! numbered by its first line.
//!
//! The file is streamed a line at a time, so memory does not grow with the
//! number of rows. We find where each record ends ourselves (a line end
//! outside quotes), which numbers lines exactly, and let `csv_core` split the
//! record into cells. Text that is not UTF-8 stops the reading at its line.

use super::error::{DataError, DataErrorKind, Location, Numbering};
use super::source::{empty_file, Record, RecordSource, NOT_UTF8_HELP};
use std::io::{BufRead, BufReader, Read};
use std::sync::Arc;

pub struct CsvSource {
    name: Arc<str>,
    input: Box<dyn BufRead>,
    columns: Vec<String>,
    header_line: usize,
    /// Physical lines read so far.
    lines_read: usize,
    /// Whether any line so far held more than white space.
    seen_text: bool,
    /// The current record's bytes, and its cells once split.
    raw: Vec<u8>,
    cells: Vec<String>,
    splitter: csv_core::Reader,
    field: Vec<u8>,
    done: bool,
}

impl CsvSource {
    /// Reads the header row from bytes already in memory.
    pub fn from_bytes(bytes: Vec<u8>, name: &str) -> Result<CsvSource, DataError> {
        CsvSource::from_reader(std::io::Cursor::new(bytes), name)
    }

    /// Reads the header row; records are read from `input` as they are asked for.
    pub fn from_reader(input: impl Read + 'static, name: &str) -> Result<CsvSource, DataError> {
        let file: Arc<str> = Arc::from(name);
        let mut input = BufReader::with_capacity(1 << 16, input);
        let start = input.fill_buf().map_err(|e| io_error(&file, &e))?;
        if start.starts_with(&[0xFF, 0xFE]) || start.starts_with(&[0xFE, 0xFF]) {
            let error = DataError::new(
                DataErrorKind::NotUtf8,
                &file,
                Location::File,
                "the file is UTF-16 text, not UTF-8",
            );
            return Err(error.help(NOT_UTF8_HELP));
        }
        if start.starts_with(b"\xEF\xBB\xBF") {
            input.consume(3);
        }
        let mut source = CsvSource {
            name: file,
            input: Box::new(input),
            columns: Vec::new(),
            header_line: 1,
            lines_read: 0,
            seen_text: false,
            raw: Vec::new(),
            cells: Vec::new(),
            splitter: csv_core::Reader::new(),
            field: vec![0; 256],
            done: false,
        };
        match source.read_raw() {
            Some(Ok(line)) => {
                source.header_line = line;
                source.columns = std::mem::take(&mut source.cells);
                Ok(source)
            }
            Some(Err(e)) => Err(e),
            None if !source.seen_text => Err(empty_file(&source.name)),
            None => Err(DataError::new(
                DataErrorKind::Malformed,
                &source.name,
                Location::File,
                "the file has no header row, only comments",
            )),
        }
    }

    /// Reads the next record into `self.cells`, returning its first line.
    fn read_raw(&mut self) -> Option<Result<usize, DataError>> {
        if self.done {
            return None;
        }
        let first_line = match self.read_record_lines() {
            Ok(Some(line)) => line,
            Ok(None) => {
                self.done = true;
                return None;
            }
            Err(e) => {
                self.done = true;
                return Some(Err(e));
            }
        };
        if let Err(e) = std::str::from_utf8(&self.raw) {
            self.done = true;
            let before = &self.raw[..e.valid_up_to()];
            let line = first_line + before.iter().filter(|&&b| b == b'\n').count();
            let error = DataError::new(
                DataErrorKind::NotUtf8,
                &self.name,
                Location::Line(line),
                "the file is not UTF-8 text",
            );
            return Some(Err(error.help(NOT_UTF8_HELP)));
        }
        self.split_cells();
        Some(Ok(first_line))
    }

    /// Reads physical lines into `self.raw` until a record is complete,
    /// skipping blank and comment lines before it. `None` at the end.
    fn read_record_lines(&mut self) -> Result<Option<usize>, DataError> {
        self.raw.clear();
        let mut first_line = None;
        let mut quotes = QuoteState::default();
        loop {
            let before = self.raw.len();
            let read = self
                .input
                .read_until(b'\n', &mut self.raw)
                .map_err(|e| io_error(&self.name, &e))?;
            if read == 0 {
                return Ok(first_line); // the end; an open quote runs to it
            }
            self.lines_read += 1;
            if first_line.is_none() {
                let line = trim_line_end(&self.raw[before..]);
                if line.iter().all(u8::is_ascii_whitespace) {
                    self.raw.truncate(before);
                    continue;
                }
                self.seen_text = true;
                if line.first() == Some(&b'#') {
                    self.raw.truncate(before);
                    continue;
                }
                first_line = Some(self.lines_read);
            }
            quotes.scan(&self.raw[before..]);
            if !quotes.open {
                return Ok(first_line);
            }
        }
    }

    /// Splits `self.raw` into `self.cells`.
    fn split_cells(&mut self) {
        self.cells.clear();
        let raw = std::mem::take(&mut self.raw);
        self.split_into_cells(&raw);
        self.raw = raw;
    }

    fn split_into_cells(&mut self, raw: &[u8]) {
        let mut input: &[u8] = raw;
        let mut len = 0;
        loop {
            let (result, read, written) = self.splitter.read_field(input, &mut self.field[len..]);
            input = &input[read..];
            len += written;
            match result {
                csv_core::ReadFieldResult::InputEmpty if input.is_empty() => {
                    // No line end after the last cell: tell the splitter the input is over.
                    let (result, _, written) =
                        self.splitter.read_field(&[], &mut self.field[len..]);
                    len += written;
                    if let csv_core::ReadFieldResult::Field { .. } = result {
                        self.push_cell(len);
                    }
                    return;
                }
                csv_core::ReadFieldResult::InputEmpty => {}
                csv_core::ReadFieldResult::OutputFull => self.field.resize(self.field.len() * 2, 0),
                csv_core::ReadFieldResult::Field { record_end } => {
                    self.push_cell(len);
                    len = 0;
                    if record_end {
                        return;
                    }
                }
                csv_core::ReadFieldResult::End => return,
            }
        }
    }

    fn push_cell(&mut self, len: usize) {
        // The record is valid UTF-8 and quotes are ASCII, so each cell is too.
        let cell = String::from_utf8_lossy(&self.field[..len]).into_owned();
        self.cells.push(cell);
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

fn trim_line_end(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

fn io_error(file: &Arc<str>, error: &std::io::Error) -> DataError {
    DataError::new(
        DataErrorKind::Io,
        file,
        Location::File,
        format!("cannot read the file: {error}"),
    )
}

impl RecordSource for CsvSource {
    fn name(&self) -> &str {
        &self.name
    }

    fn numbering(&self) -> Numbering {
        Numbering::Lines
    }

    fn columns(&self) -> &[String] {
        &self.columns
    }

    fn header_location(&self) -> Location {
        Location::Line(self.header_line)
    }

    fn next_record(&mut self) -> Option<Result<Record, DataError>> {
        loop {
            let line = match self.read_raw()? {
                Ok(line) => line,
                Err(e) => return Some(Err(e)),
            };
            if self.cells.iter().all(|cell| cell.trim().is_empty()) {
                continue; // a line of empty cells, as spreadsheets leave behind
            }
            return Some(self.check_width(line));
        }
    }
}

impl CsvSource {
    /// A row must have a cell for every column; extra cells must be blank.
    /// A row that does not line up with the header is refused outright: its
    /// values would land in the wrong columns.
    fn check_width(&mut self, line: usize) -> Result<Record, DataError> {
        let width = self.columns.len();
        let count = self.cells.len();
        let extra_filled = self.cells.iter().skip(width).any(|c| !c.trim().is_empty());
        if count >= width && !extra_filled {
            let mut cells = std::mem::take(&mut self.cells);
            cells.truncate(width);
            return Ok(Record {
                number: line,
                cells,
            });
        }
        let help = if self.cells.iter().any(|c| c.contains('\n')) {
            "a quoted cell runs on over several lines; check for a missing closing quote `\"`"
        } else if count > width {
            "a cell holding a comma must be quoted, e.g. \"1,200\""
        } else {
            "every row needs a cell for each column of the header, even if blank"
        };
        Err(DataError::new(
            DataErrorKind::Malformed,
            &self.name,
            Location::Line(line),
            format!(
                "this row has {count} {} but the header has {width} {}",
                plural(count, "cell", "cells"),
                plural(width, "column", "columns")
            ),
        )
        .help(help))
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open(text: &str) -> CsvSource {
        CsvSource::from_bytes(text.as_bytes().to_vec(), "data.csv").unwrap()
    }

    fn records(source: &mut CsvSource) -> Vec<Result<Record, DataError>> {
        std::iter::from_fn(|| source.next_record()).collect()
    }

    fn lines_and_first_cells(text: &str) -> Vec<(usize, String)> {
        records(&mut open(text))
            .into_iter()
            .map(|r| {
                let r = r.unwrap();
                (r.number, r.cell(0).to_string())
            })
            .collect()
    }

    #[test]
    fn lines_count_comments_blank_lines_and_the_header() {
        let text = "# 反馈及时率 98% → 20 分\n# second comment\nid,反馈及时率\n# expect 20\nE1,98%\n\nE2,97%\n";
        let mut source = open(text);
        assert_eq!(source.columns(), ["id", "反馈及时率"]);
        assert_eq!(source.header_location(), Location::Line(3));
        let got: Vec<_> = records(&mut source)
            .into_iter()
            .map(|r| r.unwrap())
            .map(|r| (r.number, r.cells))
            .collect();
        assert_eq!(
            got,
            vec![
                (5, vec!["E1".to_string(), "98%".to_string()]),
                (7, vec!["E2".to_string(), "97%".to_string()]),
            ]
        );
    }

    #[test]
    fn a_byte_order_mark_and_crlf_line_ends_are_fine() {
        let got = lines_and_first_cells("\u{feff}id,x\r\nE1,1\r\n\r\nE2,2\r\n");
        assert_eq!(got, vec![(2, "E1".into()), (4, "E2".into())]);
    }

    #[test]
    fn a_bom_does_not_stick_to_the_first_header() {
        let source = open("\u{feff}工号,姓名\nE1,张三\n");
        assert_eq!(source.columns()[0], "工号");
    }

    #[test]
    fn quoted_cells_keep_commas_quotes_and_line_breaks() {
        let text = "id,note,x\nE1,\"a, \"\"b\"\"\nc\",1\nE2,d,2\n";
        let got = records(&mut open(text));
        let first = got[0].as_ref().unwrap();
        assert_eq!(first.number, 2);
        assert_eq!(first.cell(1), "a, \"b\"\nc");
        assert_eq!(got[1].as_ref().unwrap().number, 4);
    }

    #[test]
    fn a_hash_inside_a_row_is_not_a_comment() {
        let got = lines_and_first_cells("id,x\nE#1,#2\n");
        assert_eq!(got, vec![(2, "E#1".into())]);
    }

    #[test]
    fn rows_of_empty_cells_are_skipped() {
        let got = lines_and_first_cells("id,x\n,\n , \nE1,1\n");
        assert_eq!(got, vec![(4, "E1".into())]);
    }

    #[test]
    fn a_short_row_is_an_error_at_its_line_and_reading_goes_on() {
        let got = records(&mut open("id,x,y\nE1,1\nE2,1,2\n"));
        let error = got[0].as_ref().unwrap_err();
        assert_eq!(
            error.to_string(),
            "data.csv:2: this row has 2 cells but the header has 3 columns\n  help: every row needs a cell for each column of the header, even if blank"
        );
        assert_eq!(got[1].as_ref().unwrap().number, 3);
    }

    #[test]
    fn an_unquoted_thousands_comma_is_caught() {
        let got = records(&mut open("id,工资\nE1,1,200\n"));
        let error = got[0].as_ref().unwrap_err();
        assert_eq!(
            error.message,
            "this row has 3 cells but the header has 2 columns"
        );
        assert_eq!(
            error.help.as_deref(),
            Some("a cell holding a comma must be quoted, e.g. \"1,200\"")
        );
    }

    #[test]
    fn blank_trailing_cells_past_the_header_are_fine() {
        let got = records(&mut open("id,x\nE1,1,,\n"));
        assert_eq!(got[0].as_ref().unwrap().cells, vec!["E1", "1"]);
    }

    #[test]
    fn an_unclosed_quote_swallowing_the_rest_is_reported() {
        let got = records(&mut open("id,note,x\nE1,\"oops,1\nE2,fine,2\n"));
        assert_eq!(got.len(), 1);
        let error = got[0].as_ref().unwrap_err();
        assert_eq!(error.location, Location::Line(2));
        assert!(
            error
                .help
                .as_deref()
                .unwrap()
                .contains("check for a missing closing quote"),
            "{error}"
        );
    }

    #[test]
    fn a_truncated_last_row_is_an_error_not_a_panic() {
        let got = records(&mut open("id,x,y\nE1,1,2\nE2,1"));
        assert!(got[0].is_ok());
        assert_eq!(got[1].as_ref().unwrap_err().location, Location::Line(3));
    }

    #[test]
    fn empty_and_comment_only_files_are_errors() {
        let empty = CsvSource::from_bytes(b" \n".to_vec(), "data.csv")
            .err()
            .unwrap();
        assert_eq!(empty.to_string(), "data.csv: the file is empty");
        let comments = CsvSource::from_bytes(b"# just this\n".to_vec(), "data.csv")
            .err()
            .unwrap();
        assert_eq!(
            comments.to_string(),
            "data.csv: the file has no header row, only comments"
        );
    }

    #[test]
    fn invalid_utf8_is_an_error_not_a_panic() {
        let got = records(&mut open_bytes(b"id,x\nE1,\xff\nE2,1\n"));
        assert_eq!(got.len(), 1, "reading stops at text that is not UTF-8");
        let error = got[0].as_ref().unwrap_err();
        assert_eq!(error.kind, DataErrorKind::NotUtf8);
        assert_eq!(error.location, Location::Line(2));
    }

    #[test]
    fn utf16_is_refused_at_once() {
        let error = CsvSource::from_bytes(b"\xff\xfei\0d\0".to_vec(), "data.csv")
            .err()
            .unwrap();
        assert_eq!(error.kind, DataErrorKind::NotUtf8);
    }

    #[test]
    fn a_stray_quote_inside_a_cell_is_literal() {
        let got = records(&mut open("id,size\nE1,12\" screen\nE2,1\n"));
        assert_eq!(got[0].as_ref().unwrap().cell(1), "12\" screen");
        assert_eq!(got[1].as_ref().unwrap().number, 3);
    }

    #[test]
    fn a_last_line_without_a_line_end_is_read() {
        let got = lines_and_first_cells("id,x\nE1,1");
        assert_eq!(got, vec![(2, "E1".into())]);
    }

    #[test]
    fn records_stream_from_a_reader() {
        let text = format!("id,x\n{}", "E,1\n".repeat(3));
        let mut source =
            CsvSource::from_reader(std::io::Cursor::new(text.into_bytes()), "s.csv").unwrap();
        assert_eq!(records(&mut source).len(), 3);
    }

    fn open_bytes(bytes: &[u8]) -> CsvSource {
        CsvSource::from_bytes(bytes.to_vec(), "data.csv").unwrap()
    }
}
