//! One raw record → its cells, without a `String` per cell: the cells' text
//! lies end to end in one buffer, reused from record to record.

use crate::data::error::{DataError, DataErrorKind, Location};

/// The cells of one record.
pub struct Cells {
    /// Every cell's text, unquoted.
    text: String,
    /// Where each cell lies in `text`.
    spans: Vec<(usize, usize)>,
    splitter: csv_core::Reader,
    field: Vec<u8>,
    /// The record ended before its line did: a bare carriage return (`\r`)
    /// inside it, which CSV reads as a line end. Never read silently.
    cut_short: bool,
}

impl Default for Cells {
    fn default() -> Self {
        Cells {
            text: String::new(),
            spans: Vec::new(),
            splitter: csv_core::Reader::new(),
            field: vec![0; 256],
            cut_short: false,
        }
    }
}

impl Cells {
    /// Splits one record, its line end included or not.
    pub fn split(&mut self, raw: &str) {
        self.text.clear();
        self.spans.clear();
        self.cut_short = false;
        if !self.split_plain(raw) {
            self.split_quoted(raw);
        }
    }

    /// Any record, by `csv_core`.
    fn split_quoted(&mut self, raw: &str) {
        self.splitter.reset();
        let mut input = raw.as_bytes();
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
                        self.cut_short = !matches!(input, b"" | b"\n");
                        return;
                    }
                }
                csv_core::ReadFieldResult::End => return,
            }
        }
    }

    /// Most records hold no quote and no stray carriage return: their cells
    /// are simply what lies between commas, copied in one go. False (and
    /// nothing done) for any other record.
    fn split_plain(&mut self, raw: &str) -> bool {
        let line = raw.strip_suffix('\n').unwrap_or(raw);
        let line = line.strip_suffix('\r').unwrap_or(line);
        let bytes = line.as_bytes();
        // memchr looks at many bytes at a time: a quote or stray line end
        // sends the record the general way, the commas cut the rest.
        if memchr::memchr3(b'"', b'\r', b'\n', bytes).is_some() {
            return false;
        }
        let mut start = 0;
        for comma in memchr::memchr_iter(b',', bytes) {
            self.spans.push((start, comma));
            start = comma + 1;
        }
        self.spans.push((start, line.len()));
        self.text.push_str(line);
        true
    }

    /// Ends a cell with the `len` bytes the splitter wrote.
    fn push(&mut self, len: usize) {
        let start = self.text.len();
        // The record is valid UTF-8 and quotes are ASCII, so each cell is too.
        match std::str::from_utf8(&self.field[..len]) {
            Ok(cell) => self.text.push_str(cell),
            Err(_) => self
                .text
                .push_str(&String::from_utf8_lossy(&self.field[..len])),
        }
        self.spans.push((start, self.text.len()));
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// A cell's text as written (untrimmed); `""` past the last cell.
    pub fn get(&self, column: usize) -> &str {
        match self.spans.get(column) {
            Some(&(start, end)) => &self.text[start..end],
            None => "",
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|c| self.get(c))
    }

    /// True when every cell is blank or white space.
    pub fn is_blank(&self) -> bool {
        self.iter().all(|cell| cell.trim().is_empty())
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
        if self.cut_short {
            return Err(DataError::new(
                DataErrorKind::Malformed,
                file,
                Location::Line(line),
                "this row holds a carriage return (\\r) that is not at its end, which would cut the row in two",
            )
            .help("save the file with ordinary line ends (in Excel: File → Save As → \"CSV UTF-8\"), or remove the stray character"));
        }
        let count = self.len();
        let extra_filled = (width..count).any(|c| !self.get(c).trim().is_empty());
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

#[cfg(test)]
mod tests {
    use super::Cells;

    #[test]
    fn a_bare_carriage_return_inside_a_row_is_an_error_not_a_lost_half() {
        let mut cells = Cells::default();
        cells.split("C1,98%\rC2,97%\n");
        let error = cells
            .check_width(2, &std::sync::Arc::from("data.csv"), 4)
            .unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("data.csv:4: this row holds a carriage return"),
            "{error}"
        );
        cells.split("C1,\"a\rb\"\r\n");
        assert_eq!(cells.get(1), "a\rb");
        assert!(cells
            .check_width(2, &std::sync::Arc::from("data.csv"), 4)
            .is_ok());
    }

    #[test]
    fn plain_records_split_as_csv_core_splits_them() {
        let pieces = [
            "a", "", " ", "是", "98%", "1,200", "x y", "#", "'", "E12345", ",,",
        ];
        let mut x: u64 = 5;
        for _ in 0..3000 {
            let mut line = String::new();
            for i in 0..(x % 40) {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                if i > 0 {
                    line.push(',');
                }
                line.push_str(pieces[(x >> 33) as usize % pieces.len()]);
            }
            x = x.wrapping_add(1);
            if line.is_empty() {
                continue; // a record is never an empty line
            }
            let end = ["", "\n", "\r\n"][(x % 3) as usize];
            let raw = format!("{line}{end}");
            let (mut plain, mut core) = (Cells::default(), Cells::default());
            assert!(plain.split_plain(&raw), "{raw:?}");
            core.split_quoted(&raw);
            let cells = |c: &Cells| c.iter().map(str::to_string).collect::<Vec<_>>();
            assert_eq!(cells(&plain), cells(&core), "{raw:?}");
            // A quote or a stray line end anywhere sends the record the general way.
            for odd in ["\"", "\r", "\n"] {
                // Inside the line: at its end a `\r` or `\n` is a line end.
                let at = (x as usize >> 7) % line.len();
                let at = (0..=at)
                    .rev()
                    .find(|&i| line.is_char_boundary(i))
                    .unwrap_or(0);
                let odd_line = format!("{}{odd}{}{end}", &line[..at], &line[at..]);
                assert!(!plain.split_plain(&odd_line), "{odd_line:?}");
            }
        }
    }
}
