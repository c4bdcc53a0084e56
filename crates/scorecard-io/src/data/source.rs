//! Records: the format-neutral shape every reader produces.
//!
//! A [`RecordSource`] knows its column headers up front and then hands out
//! [`Record`]s, each a record number plus one cell of text per column. A new
//! format (Excel, say) only has to implement this trait; binding columns to a
//! card's inputs and parsing cells happens once, on records, for all formats.

use super::csv::TextEncoding;
use super::error::{DataProblem, DataProblemKind, Location, Numbering};
use crate::t;
use std::sync::Arc;

/// One row of a data file, before it is bound to a card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// 1-based line or record number; the source's [`Numbering`] says which.
    pub number: usize,
    /// One cell per column of [`RecordSource::columns`], as written (untrimmed).
    /// A blank cell, a JSON `null` and a key the record lacks are all `""`;
    /// the vector may be shorter than the columns, missing cells being blank.
    pub cells: Vec<String>,
}

impl Record {
    /// The text of a cell, `""` when it is blank or absent.
    pub fn cell(&self, column: usize) -> &str {
        self.cells.get(column).map_or("", String::as_str)
    }

    /// True when every cell is blank or whitespace.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

/// A data file opened in some format: its headers, then its records in order.
pub trait RecordSource {
    /// The file's name as the user gave it, for messages.
    fn name(&self) -> &str;

    /// Whether record numbers are lines or record positions.
    fn numbering(&self) -> Numbering;

    /// Column headers as written, known before the first record.
    fn columns(&self) -> &[String];

    /// Where problems with the header itself are reported (CSV: the header's line).
    fn header_location(&self) -> Location {
        Location::File
    }

    /// The next record, a problem with one record (reading goes on after it),
    /// or `None` at the end.
    fn next_record(&mut self) -> Option<Result<Record, DataProblem>>;

    /// Where one cell of record `number` is: the record's own place, or for
    /// a worksheet the cell itself (`C12`).
    fn cell_location(&self, number: usize, column: usize) -> Location {
        self.numbering().at(number).in_column(column)
    }

    /// The encoding the file's text was decoded from, when it was not
    /// UTF-8 (a CSV file saved as GBK), for the run's notes.
    fn decoded_from(&self) -> Option<TextEncoding> {
        None
    }
}

impl<S: RecordSource + ?Sized> RecordSource for Box<S> {
    fn name(&self) -> &str {
        (**self).name()
    }
    fn numbering(&self) -> Numbering {
        (**self).numbering()
    }
    fn columns(&self) -> &[String] {
        (**self).columns()
    }
    fn header_location(&self) -> Location {
        (**self).header_location()
    }
    fn next_record(&mut self) -> Option<Result<Record, DataProblem>> {
        (**self).next_record()
    }
    fn cell_location(&self, number: usize, column: usize) -> Location {
        (**self).cell_location(number, column)
    }
    fn decoded_from(&self) -> Option<TextEncoding> {
        (**self).decoded_from()
    }
}

impl<S: RecordSource + ?Sized> RecordSource for &mut S {
    fn name(&self) -> &str {
        (**self).name()
    }
    fn numbering(&self) -> Numbering {
        (**self).numbering()
    }
    fn columns(&self) -> &[String] {
        (**self).columns()
    }
    fn header_location(&self) -> Location {
        (**self).header_location()
    }
    fn next_record(&mut self) -> Option<Result<Record, DataProblem>> {
        (**self).next_record()
    }
    fn cell_location(&self, number: usize, column: usize) -> Location {
        (**self).cell_location(number, column)
    }
    fn decoded_from(&self) -> Option<TextEncoding> {
        (**self).decoded_from()
    }
}

/// Records already in memory: what the JSON and TOML readers build (a JSON or
/// TOML document has to be parsed whole), and a handy source for tests and
/// for callers that have rows from elsewhere.
#[derive(Debug)]
pub struct MemorySource {
    name: Arc<str>,
    numbering: Numbering,
    columns: Vec<String>,
    header: Location,
    records: std::vec::IntoIter<Result<Record, DataProblem>>,
}

impl MemorySource {
    pub fn new(
        name: &str,
        numbering: Numbering,
        columns: Vec<String>,
        records: Vec<Result<Record, DataProblem>>,
    ) -> Self {
        MemorySource {
            name: Arc::from(name),
            numbering,
            columns,
            header: Location::File,
            records: records.into_iter(),
        }
    }

    /// Where the header is, for problems with it (the file's header line,
    /// when the records are some of a file's).
    pub fn with_header(mut self, at: Location) -> Self {
        self.header = at;
        self
    }
}

impl RecordSource for MemorySource {
    fn name(&self) -> &str {
        &self.name
    }
    fn numbering(&self) -> Numbering {
        self.numbering
    }
    fn columns(&self) -> &[String] {
        &self.columns
    }
    fn header_location(&self) -> Location {
        self.header
    }
    fn next_record(&mut self) -> Option<Result<Record, DataProblem>> {
        self.records.next()
    }
}

/// Collects column names in order of first appearance (JSON keys, TOML keys).
#[derive(Debug, Default)]
pub(crate) struct ColumnSet {
    pub names: Vec<String>,
    index: std::collections::HashMap<String, usize>,
}

impl ColumnSet {
    pub fn index_of(&mut self, name: &str) -> usize {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = self.names.len();
        self.names.push(name.to_string());
        self.index.insert(name.to_string(), i);
        i
    }
}

/// Places `(column, text)` pairs into a record's cell vector.
pub(crate) fn place_cells(pairs: Vec<(usize, String)>) -> Vec<String> {
    let width = pairs.iter().map(|(i, _)| i + 1).max().unwrap_or(0);
    let mut cells = vec![String::new(); width];
    for (i, text) in pairs {
        cells[i] = text;
    }
    cells
}

/// Why a file cannot be read, in the reader's language for the usual
/// causes (the system's own words otherwise).
pub(crate) fn io_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => t!("data-io-not-found"),
        std::io::ErrorKind::PermissionDenied => t!("data-io-permission"),
        _ => error.to_string(),
    }
}

/// The cannot-read error for a whole file.
pub(crate) fn cannot_read(file: &Arc<str>, error: &std::io::Error) -> DataProblem {
    DataProblem::new(
        DataProblemKind::Io,
        file,
        Location::File,
        t!("data-cannot-read-data", why = io_reason(error)),
    )
}

/// The file's bytes as text: UTF-8, with any byte-order mark removed.
/// Anything else is one error for the whole file, at the first bad line.
pub(crate) fn decode_text(mut bytes: Vec<u8>, file: &Arc<str>) -> Result<String, DataProblem> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(DataProblem::new(
            DataProblemKind::NotUtf8,
            file,
            Location::File,
            t!("data-utf16"),
        )
        .help(t!("data-not-utf8-help")));
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = 1 + good.iter().filter(|&&b| b == b'\n').count();
        DataProblem::new(
            DataProblemKind::NotUtf8,
            file,
            Location::Line(line),
            t!("data-not-utf8"),
        )
        .help(t!("data-not-utf8-help"))
    })
}

/// Reads a whole input; an I/O failure is one error for the file.
pub(crate) fn read_all(
    mut reader: impl std::io::Read,
    file: &Arc<str>,
) -> Result<Vec<u8>, DataProblem> {
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .map_err(|e| cannot_read(file, &e))?;
    Ok(bytes)
}

/// The "file is empty" error every format gives for a file with no content.
pub(crate) fn empty_file(file: &Arc<str>) -> DataProblem {
    DataProblem::new(
        DataProblemKind::Malformed,
        file,
        Location::File,
        t!("data-file-empty"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file() -> Arc<str> {
        Arc::from("data.csv")
    }

    #[test]
    fn a_byte_order_mark_is_dropped() {
        let text = decode_text(b"\xEF\xBB\xBFid,name".to_vec(), &file()).unwrap();
        assert_eq!(text, "id,name");
    }

    #[test]
    fn gbk_bytes_are_reported_at_their_line_with_excel_advice() {
        // "工号" in GBK is B9 A4 BA C5.
        let bytes = b"id,name\n1,\xB9\xA4\xBA\xC5\n".to_vec();
        let error = decode_text(bytes, &file()).unwrap_err();
        assert_eq!(error.kind, DataProblemKind::NotUtf8);
        assert_eq!(
            error.to_string().lines().next(),
            Some("data.csv:2: the file is not UTF-8 text")
        );
        assert!(error.help.unwrap().contains("CSV UTF-8"));
    }

    #[test]
    fn utf16_is_named_as_such() {
        let error = decode_text(vec![0xFF, 0xFE, b'i', 0, b'd', 0], &file()).unwrap_err();
        assert_eq!(error.message, "the file is UTF-16 text, not UTF-8");
    }

    #[test]
    fn cells_past_the_end_of_a_record_are_blank() {
        let record = Record {
            number: 2,
            cells: vec!["a".into()],
        };
        assert_eq!(record.cell(0), "a");
        assert_eq!(record.cell(5), "");
    }
}
