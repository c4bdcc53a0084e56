//! One raw record → its cells, without a `String` per cell: the cells' text
//! lies end to end in one buffer, reused from record to record.

use crate::data::error::{DataProblem, DataProblemKind, Location};
use crate::t;
use scorecard_core::cell::trim;

/// The cells of one record.
pub struct Cells {
    /// Every cell's text, unquoted.
    text: String,
    /// Where each cell lies in `text`.
    spans: Vec<(usize, usize)>,
    /// Made for the first record with a quote: making one costs as much as
    /// splitting hundreds of plain records, and most files have no quotes.
    splitter: Option<Box<csv_core::Reader>>,
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
            splitter: None,
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
        let mut splitter = self
            .splitter
            .take()
            .unwrap_or_else(|| Box::new(csv_core::Reader::new()));
        splitter.reset();
        self.split_by(&mut splitter, raw);
        self.splitter = Some(splitter);
    }

    fn split_by(&mut self, splitter: &mut csv_core::Reader, raw: &str) {
        let mut input = raw.as_bytes();
        let mut len = 0;
        loop {
            let (result, read, written) = splitter.read_field(input, &mut self.field[len..]);
            input = &input[read..];
            len += written;
            match result {
                csv_core::ReadFieldResult::InputEmpty if input.is_empty() => {
                    // No line end after the last cell: tell the splitter the input is over.
                    let (result, _, written) = splitter.read_field(&[], &mut self.field[len..]);
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
        // sends the record to `split_quoted` (csv_core), the commas cut the rest.
        if memchr::memchr3(b'"', b'\r', b'\n', bytes).is_some() {
            return false;
        }
        // Filled as a local: pushing through `self` reloads the vector's
        // fields at every comma.
        let mut spans = std::mem::take(&mut self.spans);
        let mut start = 0;
        for_each_comma(bytes, |comma| {
            spans.push((start, comma));
            start = comma + 1;
        });
        spans.push((start, line.len()));
        self.spans = spans;
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

    /// A cell's bytes as written; empty past the last cell. Cheaper than
    /// [`Cells::get`], which checks that the cell starts and ends on a
    /// character (it does: cells are cut at commas and quotes).
    pub fn bytes(&self, column: usize) -> &[u8] {
        match self.spans.get(column) {
            Some(&(start, end)) => &self.text.as_bytes()[start..end],
            None => b"",
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|c| self.get(c))
    }

    /// True when every cell is blank or white space.
    pub fn is_blank(&self) -> bool {
        self.iter().all(|cell| trim(cell).is_empty())
    }

    /// A row must have a cell for every column; extra cells must be blank.
    /// A row that does not line up with the header is refused outright: its
    /// values would land in the wrong columns.
    pub fn check_width(
        &self,
        width: usize,
        file: &std::sync::Arc<str>,
        line: usize,
    ) -> Result<(), DataProblem> {
        if self.cut_short {
            return Err(DataProblem::new(
                DataProblemKind::Malformed,
                file,
                Location::Line(line),
                t!("data-csv-stray-cr"),
            )
            .help(t!("data-csv-stray-cr-help")));
        }
        let count = self.len();
        let extra_filled = (width..count).any(|c| !self.get(c).trim().is_empty());
        if count >= width && !extra_filled {
            return Ok(());
        }
        let help = if self.iter().any(|c| c.contains('\n')) {
            t!("data-csv-open-quote-help")
        } else if count > width {
            t!("data-csv-comma-help")
        } else {
            t!("data-csv-short-row-help")
        };
        Err(DataProblem::new(
            DataProblemKind::Malformed,
            file,
            Location::Line(line),
            t!("data-csv-width", count = count, width = width),
        )
        .help(help))
    }
}

/// Calls `found` with the offset of each comma in `bytes`, in order.
///
/// Eight bytes are looked at in one step. A comma comes every few bytes in
/// a record, so a search call per comma (`memchr`'s iterator) costs about
/// fifty instructions a cell, far more than the bytes it skips.
fn for_each_comma(bytes: &[u8], mut found: impl FnMut(usize)) {
    let mut in_word = |at: usize, word: [u8; 8]| {
        let mut commas = comma_bits(u64::from_le_bytes(word));
        while commas != 0 {
            found(at + commas.trailing_zeros() as usize / 8);
            commas &= commas - 1; // on to the next comma
        }
    };
    let (words, rest) = bytes.as_chunks::<8>();
    for (i, word) in words.iter().enumerate() {
        in_word(i * 8, *word);
    }
    let mut last = [0; 8]; // zeros: no comma
    last[..rest.len()].copy_from_slice(rest);
    in_word(words.len() * 8, last);
}

/// The top bit of each byte of `word` that is a comma, no other bit.
fn comma_bits(word: u64) -> u64 {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const LOW7: u64 = 0x7F * ONES;
    // A comma's byte becomes zero, and the zero bytes are found.
    let x = word ^ (u64::from(b',') * ONES);
    // Per byte, with no carry between bytes: `(x & 0x7F) + 0x7F` sets the
    // top bit unless the low seven bits are zero; `| x` sets it when the
    // top bit was set. Only a zero byte keeps its top bit clear.
    !(((x & LOW7) + LOW7) | x | LOW7)
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
    fn comma_bits_mark_every_comma_and_nothing_else() {
        for byte in 0..=u8::MAX {
            for at in 0..8 {
                for filler in [0, b',', b'a', 0x80, 0xAC, 0xFF] {
                    let mut word = [filler; 8];
                    word[at] = byte;
                    let want = word
                        .iter()
                        .enumerate()
                        .filter(|(_, &b)| b == b',')
                        .fold(0, |bits, (i, _)| bits | 0x80 << (8 * i));
                    let got = super::comma_bits(u64::from_le_bytes(word));
                    assert_eq!(got, want, "{word:?}");
                }
            }
        }
    }

    #[test]
    fn plain_records_split_as_csv_core_splits_them() {
        // `¬` and `Ĭ` end in 0xAC, a comma's byte with the top bit set.
        let pieces = [
            "a", "", " ", "是", "98%", "1,200", "x y", "#", "'", "E12345", ",,", "¬", "Ĭ", "\t",
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
            // A quote or a stray line end anywhere sends the record to `split_quoted`.
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
