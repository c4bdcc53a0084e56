//! CSV: UTF-8 with or without a byte-order mark, a header row, quoted fields,
//! LF or CRLF line ends, and `#` comment lines.
//!
//! A line whose first character is `#` is a comment wherever a row could
//! start (test files carry hand-worked expectations in them), so a header or
//! id may not begin with `#`; blank lines are skipped too. Record numbers are physical lines counting the header,
//! comments and blank lines, so an editor's "go to line" finds them; a row
//! with a quoted multi-line cell is numbered by its first line.
//!
//! The text is held in memory (a 100,000-row file is a few megabytes) so that
//! the file's encoding is checked once and lines can be counted exactly; rows
//! are still parsed one at a time.

use super::error::{DataError, DataErrorKind, Location, Numbering};
use super::source::{decode_text, empty_file, Record, RecordSource};
use std::io::Cursor;
use std::sync::Arc;

pub struct CsvSource {
    name: Arc<str>,
    reader: ::csv::Reader<Cursor<String>>,
    record: ::csv::StringRecord,
    columns: Vec<String>,
    header_line: usize,
    lines: LineCounter,
    done: bool,
}

impl CsvSource {
    /// Reads the header row; the records are read as they are asked for.
    pub fn from_bytes(bytes: Vec<u8>, name: &str) -> Result<CsvSource, DataError> {
        let file: Arc<str> = Arc::from(name);
        let text = decode_text(bytes, &file)?;
        if text.trim().is_empty() {
            return Err(empty_file(&file));
        }
        let reader = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .comment(Some(b'#'))
            .from_reader(Cursor::new(text));
        let mut source = CsvSource {
            name: file,
            reader,
            record: ::csv::StringRecord::new(),
            columns: Vec::new(),
            header_line: 1,
            lines: LineCounter::default(),
            done: false,
        };
        match source.read_raw() {
            Some(Ok(line)) => {
                source.header_line = line;
                source.columns = source.record.iter().map(str::to_string).collect();
                Ok(source)
            }
            Some(Err(e)) => Err(e),
            None => Err(DataError::new(
                DataErrorKind::Malformed,
                &source.name,
                Location::File,
                "the file has no header row, only comments",
            )),
        }
    }

    /// Reads the next raw record into `self.record`, returning its first line.
    fn read_raw(&mut self) -> Option<Result<usize, DataError>> {
        if self.done {
            return None;
        }
        match self.reader.read_record(&mut self.record) {
            Ok(true) => {}
            Ok(false) => {
                self.done = true;
                return None;
            }
            Err(e) => {
                self.done = true;
                return Some(Err(DataError::new(
                    DataErrorKind::Malformed,
                    &self.name,
                    Location::File,
                    format!("cannot read the CSV: {e}"),
                )));
            }
        }
        // csv reports where it *began* reading, before the blank and comment
        // lines it skipped; step over those the same way it did.
        let began = self
            .record
            .position()
            .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX));
        let text = self.reader.get_ref().get_ref().as_bytes();
        let start = skip_ignored_lines(text, began);
        Some(Ok(self.lines.line_at(text, start)))
    }
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
            if self.record.iter().all(|cell| cell.trim().is_empty()) {
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
    fn check_width(&self, line: usize) -> Result<Record, DataError> {
        let width = self.columns.len();
        let count = self.record.len();
        let extra_filled = self.record.iter().skip(width).any(|c| !c.trim().is_empty());
        if count >= width && !extra_filled {
            let cells = self.record.iter().take(width).map(str::to_string).collect();
            return Ok(Record {
                number: line,
                cells,
            });
        }
        let help = if self.record.iter().any(|c| c.contains('\n')) {
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

/// From `at` (the start of a line), steps over blank lines and `#` comment
/// lines, exactly as the csv reader does before a record.
fn skip_ignored_lines(text: &[u8], mut at: usize) -> usize {
    while let Some(&byte) = text.get(at) {
        match byte {
            b'\n' | b'\r' => at += 1,
            b'#' => {
                at = text[at..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(text.len(), |i| at + i + 1);
            }
            _ => break,
        }
    }
    at
}

/// Turns byte offsets into 1-based line numbers, counting forward from the
/// last offset asked about (records come in order).
#[derive(Debug, Default)]
struct LineCounter {
    offset: usize,
    newlines: usize,
}

impl LineCounter {
    fn line_at(&mut self, text: &[u8], offset: usize) -> usize {
        let offset = offset.min(text.len());
        if offset < self.offset {
            *self = LineCounter::default();
        }
        self.newlines += text[self.offset..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.offset = offset;
        self.newlines + 1
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
        let error = CsvSource::from_bytes(b"id,x\nE1,\xff\n".to_vec(), "data.csv")
            .err()
            .unwrap();
        assert_eq!(error.kind, DataErrorKind::NotUtf8);
        assert_eq!(error.location, Location::Line(2));
    }
}
