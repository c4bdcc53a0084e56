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

mod cells;
mod encoding;
mod lines;

pub use cells::Cells;
pub use encoding::TextEncoding;
pub use lines::{record_text, RecordLines};

use super::error::{DataProblem, DataProblemKind, Location, Numbering};
use super::source::{empty_file, Record, RecordSource};
use crate::t;
use std::io::Read;

pub struct CsvSource {
    lines: RecordLines,
    columns: Vec<String>,
    header_line: usize,
    /// The current record's text, and its cells once split.
    raw: String,
    cells: Cells,
}

impl CsvSource {
    /// Reads the header row from bytes already in memory.
    pub fn from_bytes(bytes: Vec<u8>, name: &str) -> Result<CsvSource, DataProblem> {
        CsvSource::from_reader(std::io::Cursor::new(bytes), name)
    }

    /// Reads the header row; records are read from `input` as they are asked for.
    pub fn from_reader(
        input: impl Read + Send + 'static,
        name: &str,
    ) -> Result<CsvSource, DataProblem> {
        let (lines, header) = open_with_header(input, name)?;
        Ok(CsvSource {
            lines,
            columns: header.columns,
            header_line: header.line,
            raw: String::new(),
            cells: Cells::default(),
        })
    }

    /// Reads the next record into `self.cells`, returning its first line.
    fn read_raw(&mut self) -> Option<Result<usize, DataProblem>> {
        self.raw.clear();
        let line = match self.lines.next_into(&mut self.raw)? {
            Ok(line) => line,
            Err(e) => return Some(Err(e)),
        };
        self.cells.split(&self.raw);
        Some(Ok(line))
    }
}

/// A CSV file's header: its columns as written, and its line.
pub struct Header {
    pub columns: Vec<String>,
    pub line: usize,
}

/// Opens a CSV input and reads its header row; the records follow.
pub fn open_with_header(
    input: impl Read + Send + 'static,
    name: &str,
) -> Result<(RecordLines, Header), DataProblem> {
    let mut lines = RecordLines::open(input, name)?;
    let mut raw = String::new();
    match lines.next_into(&mut raw) {
        Some(Ok(line)) => {
            let mut cells = Cells::default();
            cells.split(&raw);
            let columns = cells.iter().map(str::to_string).collect();
            Ok((lines, Header { columns, line }))
        }
        Some(Err(e)) => Err(e),
        None if !lines.seen_text() => Err(empty_file(lines.name())),
        None => Err(DataProblem::new(
            DataProblemKind::Malformed,
            lines.name(),
            Location::File,
            t!("data-csv-only-comments"),
        )),
    }
}

impl RecordSource for CsvSource {
    fn name(&self) -> &str {
        self.lines.name()
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

    fn decoded_from(&self) -> Option<TextEncoding> {
        Some(self.lines.encoding()).filter(|e| *e != TextEncoding::Utf8)
    }

    fn next_record(&mut self) -> Option<Result<Record, DataProblem>> {
        loop {
            let line = match self.read_raw()? {
                Ok(line) => line,
                Err(e) => return Some(Err(e)),
            };
            if self.cells.is_blank() {
                continue; // a line of empty cells, as spreadsheets leave behind
            }
            let width = self.columns.len();
            return Some(
                self.cells
                    .check_width(width, self.lines.name(), line)
                    .map(|()| Record {
                        number: line,
                        cells: self.cells.iter().take(width).map(str::to_string).collect(),
                    }),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open(text: &str) -> CsvSource {
        CsvSource::from_bytes(text.as_bytes().to_vec(), "data.csv").unwrap()
    }

    fn records(source: &mut CsvSource) -> Vec<Result<Record, DataProblem>> {
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
    fn bytes_that_are_no_text_are_an_error_not_a_panic() {
        let error = CsvSource::from_bytes(b"id,x\nE1,\xff\nE2,1\n".to_vec(), "data.csv")
            .err()
            .unwrap();
        assert_eq!(error.kind, DataProblemKind::NotUtf8);
        assert_eq!(error.location, Location::Line(2));
        assert_eq!(
            error.message,
            "the file is not text: neither UTF-8 nor GB18030 (GBK)"
        );
    }

    #[test]
    fn a_stray_byte_in_utf8_chinese_stops_the_reading_at_its_line() {
        let got = records(&mut open_bytes(
            b"\xE5\xB7\xA5\xE5\x8F\xB7,x\nE1,\xE5\xBC\xA0\xE4\xB8\x89\nE2,\xff\nE3,1\n",
        ));
        assert_eq!(got.len(), 2, "reading stops at text that is not UTF-8");
        let error = got[1].as_ref().unwrap_err();
        assert_eq!(error.kind, DataProblemKind::NotUtf8);
        assert_eq!(error.location, Location::Line(3));
    }

    #[test]
    fn gbk_is_decoded_and_said() {
        // "工号,姓名\nE1,张三\n" in GBK.
        let bytes = b"\xB9\xA4\xBA\xC5,\xD0\xD5\xC3\xFB\nE1,\xD5\xC5\xC8\xFD\n";
        let mut source = open_bytes(bytes);
        assert_eq!(source.columns(), ["工号", "姓名"]);
        assert_eq!(source.decoded_from(), Some(TextEncoding::Gb18030));
        assert_eq!(
            records(&mut source)[0].as_ref().unwrap().cells,
            ["E1", "张三"]
        );
        assert_eq!(open("工号\nE1\n").decoded_from(), None);
    }

    #[test]
    fn gbk_reads_alike_however_the_input_arrives() {
        let text = "# 注释\n工号,备注,x\r\nE1,\"甲, \"\"乙\"\"\n丙\",1\n\n是,否,98%\nE3,x";
        let bytes = encoding_rs::GB18030.encode(text).0.into_owned();
        let whole = records(&mut open(text));
        let input = ByteAtATime(std::io::Cursor::new(bytes));
        let mut source = CsvSource::from_reader(input, "data.csv").unwrap();
        assert_eq!(source.columns(), ["工号", "备注", "x"]);
        assert_eq!(format!("{:?}", records(&mut source)), format!("{whole:?}"));
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_read() {
        let mut source = open_bytes(b"\xff\xfei\0d\0\n\0E\x001\0\n\0");
        assert_eq!(source.columns(), ["id"]);
        assert_eq!(source.decoded_from(), Some(TextEncoding::Utf16Le));
        assert_eq!(records(&mut source)[0].as_ref().unwrap().cells, ["E1"]);
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

    /// A reader that hands out one byte per read, so that every line
    /// crosses the buffer's refills.
    struct ByteAtATime(std::io::Cursor<Vec<u8>>);

    impl Read for ByteAtATime {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let one = buf.len().min(1);
            self.0.read(&mut buf[..one])
        }
    }

    #[test]
    fn records_read_alike_however_the_input_arrives() {
        let text = "# c\nid,note,x\r\nE1,\"a, \"\"b\"\"\nc\",1\n\n是,否,98%\nE3,x";
        let whole = records(&mut open(text));
        let input = ByteAtATime(std::io::Cursor::new(text.as_bytes().to_vec()));
        let mut source = CsvSource::from_reader(input, "data.csv").unwrap();
        assert_eq!(source.columns(), ["id", "note", "x"]);
        let bytewise = records(&mut source);
        assert_eq!(format!("{bytewise:?}"), format!("{whole:?}"));
        assert_eq!(whole.len(), 3);
    }

    #[test]
    fn a_byte_order_mark_is_dropped_however_the_input_arrives() {
        let text = b"\xEF\xBB\xBFid,x\nE1,1\n".to_vec();
        let input = ByteAtATime(std::io::Cursor::new(text));
        let mut source = CsvSource::from_reader(input, "data.csv").unwrap();
        assert_eq!(source.columns(), ["id", "x"]);
        assert_eq!(records(&mut source).len(), 1);
        let utf16 = ByteAtATime(std::io::Cursor::new(b"\xff\xfei\0d\0".to_vec()));
        let source = CsvSource::from_reader(utf16, "data.csv").unwrap();
        assert_eq!(source.columns(), ["id"]);
    }

    #[test]
    fn a_file_shorter_than_a_byte_order_mark_is_read_as_it_is() {
        for text in ["", "i", "id"] {
            let input = ByteAtATime(std::io::Cursor::new(text.as_bytes().to_vec()));
            let columns = CsvSource::from_reader(input, "data.csv").map(|s| s.columns().to_vec());
            let whole = CsvSource::from_bytes(text.as_bytes().to_vec(), "data.csv")
                .map(|s| s.columns().to_vec());
            assert_eq!(format!("{columns:?}"), format!("{whole:?}"), "{text:?}");
        }
    }

    fn open_bytes(bytes: &[u8]) -> CsvSource {
        CsvSource::from_bytes(bytes.to_vec(), "data.csv").unwrap()
    }
}
