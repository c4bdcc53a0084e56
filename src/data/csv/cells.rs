//! One raw record → its cells, without a `String` per cell: the cells' text
//! lies end to end in one buffer, reused from record to record.

use crate::data::error::{DataError, DataErrorKind, Location};

/// The cells of one record.
pub struct Cells {
    /// Every cell's text, unquoted, end to end.
    text: String,
    /// Where each cell ends in `text`.
    ends: Vec<usize>,
    splitter: csv_core::Reader,
    field: Vec<u8>,
}

impl Default for Cells {
    fn default() -> Self {
        Cells {
            text: String::new(),
            ends: Vec::new(),
            splitter: csv_core::Reader::new(),
            field: vec![0; 256],
        }
    }
}

impl Cells {
    /// Splits one record (valid UTF-8, its line end included or not).
    pub fn split(&mut self, raw: &[u8]) {
        self.text.clear();
        self.ends.clear();
        self.splitter.reset();
        let mut input = raw;
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
                        self.push(len);
                    }
                    return;
                }
                csv_core::ReadFieldResult::InputEmpty => {}
                csv_core::ReadFieldResult::OutputFull => self.field.resize(self.field.len() * 2, 0),
                csv_core::ReadFieldResult::Field { record_end } => {
                    self.push(len);
                    len = 0;
                    if record_end {
                        return;
                    }
                }
                csv_core::ReadFieldResult::End => return,
            }
        }
    }

    /// Ends a cell with the `len` bytes the splitter wrote.
    fn push(&mut self, len: usize) {
        // The record is valid UTF-8 and quotes are ASCII, so each cell is too.
        match std::str::from_utf8(&self.field[..len]) {
            Ok(cell) => self.text.push_str(cell),
            Err(_) => self
                .text
                .push_str(&String::from_utf8_lossy(&self.field[..len])),
        }
        self.ends.push(self.text.len());
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// A cell's text as written (untrimmed); `""` past the last cell.
    pub fn get(&self, column: usize) -> &str {
        let Some(&end) = self.ends.get(column) else {
            return "";
        };
        let start = column.checked_sub(1).map_or(0, |c| self.ends[c]);
        &self.text[start..end]
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|c| self.get(c))
    }

    /// True when every cell is blank or white space.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// A row must have a cell for every column; extra cells must be blank.
    /// A row that does not line up with the header is refused outright: its
    /// values would land in the wrong columns.
    pub fn check_width(
        &self,
        width: usize,
        file: &std::sync::Arc<str>,
        line: usize,
    ) -> Result<(), DataError> {
        let count = self.len();
        let extra_filled = self.iter().skip(width).any(|c| !c.trim().is_empty());
        if count >= width && !extra_filled {
            return Ok(());
        }
        let help = if self.iter().any(|c| c.contains('\n')) {
            "a quoted cell runs on over several lines; check for a missing closing quote `\"`"
        } else if count > width {
            "a cell holding a comma must be quoted, e.g. \"1,200\""
        } else {
            "every row needs a cell for each column of the header, even if blank"
        };
        Err(DataError::new(
            DataErrorKind::Malformed,
            file,
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
