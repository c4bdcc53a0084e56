//! CSV: one row per employee, one column per item, section, block and output.
//!
//! Headers are the card's names (not labels), so a spreadsheet or script can
//! rely on them; the fixed columns are in the reader's language (`工号`,
//! `姓名`, `总分` …; with `--lang en` the stable `id`, `name`, `total` …,
//! see [`heading`]). Penalty blocks are negative (`-5`), percentages print
//! as `96%` (Excel reads them as percentages), amounts to the fen
//! (`1200.00`, no thousands separator), yes/no as `yes`/`no`. The grade
//! column is there only when the card has a grade; `region` and `period`
//! only when some row has one. Each rank gives two columns: the place
//! (`名次`) and the group's size (`名次人数`, `名次.size`). A pay card has no
//! total, and its main output comes first. The last two columns say which
//! card produced each row: `card_version` and `card_hash` (`考核表版本`,
//! `考核表指纹`).

use super::common::outputs_order;
use crate::check::CheckedCard;
use crate::data::Employee;
use crate::eval::result::Placing;
use crate::eval::{ScoreResult, Scores};
use crate::period::Period;
use crate::t;
use crate::value::{push_decimal, push_value, short_whole, Value};
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

/// The UTF-8 byte order mark: without it Excel reads UTF-8 Chinese as gibberish.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Writes the header and one record per result.
pub fn write_csv(
    card: &CheckedCard,
    results: &[ScoreResult],
    bom: bool,
    mut out: impl Write,
) -> io::Result<()> {
    if bom {
        out.write_all(BOM)?;
    }
    let region = results.iter().any(|r| r.employee.region.is_some());
    let period = results.iter().any(|r| r.employee.period.is_some());
    let mut rows = CsvRows::new(card, region, period);
    rows.header();
    for (n, r) in results.iter().enumerate() {
        rows.row(&Who::of(&r.employee), &r.scores, &r.ranks);
        // A few hundred kilobytes at a time, not the whole report.
        if n % 1024 == 1023 {
            out.write_all(&rows.take())?;
        }
    }
    out.write_all(&rows.take())?;
    out.flush()
}

/// The CSV as a string (for tests and small reports).
pub fn csv_string(card: &CheckedCard, results: &[ScoreResult], bom: bool) -> String {
    let mut buf = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = write_csv(card, results, bom, &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

/// The header of one of the CSV report's fixed columns (`id`, `name`,
/// `brand`, `store`, `region`, `period`, `sections_total`, `total`,
/// `grade`, `card`, `card_version`, `card_hash`) in the reader's language:
/// `工号` …, or the English key itself with `--lang en`.
pub fn heading(key: &str) -> String {
    match key {
        "id" => t!("csv-id"),
        "name" => t!("csv-name"),
        "brand" => t!("csv-brand"),
        "store" => t!("csv-store"),
        "region" => t!("csv-region"),
        "period" => t!("csv-period"),
        "sections_total" => t!("csv-sections-total"),
        "total" => t!("csv-total"),
        "grade" => t!("csv-grade"),
        "card" => t!("csv-card"),
        "card_version" => t!("csv-card-version"),
        "card_hash" => t!("csv-card-hash"),
        other => other.to_string(),
    }
}

/// Who a row is about, as the CSV report shows it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Who<'a> {
    pub id: &'a str,
    pub name: Option<&'a str>,
    pub brand: Option<&'a str>,
    pub store: Option<&'a str>,
    pub region: Option<&'a str>,
    pub period: Option<Period>,
}

impl<'a> Who<'a> {
    pub fn of(e: &'a Employee) -> Self {
        Who {
            id: &e.id,
            name: e.name.as_deref(),
            brand: e.brand.as_deref(),
            store: e.store.as_deref(),
            region: e.region.as_deref(),
            period: e.period,
        }
    }

    /// The employee this is about, owned (for a record kept past the row).
    pub fn employee(&self) -> Employee {
        let text = |t: Option<&str>| t.map(str::to_string);
        Employee {
            id: self.id.to_string(),
            name: text(self.name),
            brand: text(self.brand),
            store: text(self.store),
            region: text(self.region),
            period: self.period,
        }
    }
}

/// CSV records of one card's results, formatted into a buffer that is
/// reused: the one place a CSV report's columns are decided and written.
pub struct CsvRows<'c> {
    card: &'c CheckedCard,
    region: bool,
    period: bool,
    derived: Vec<usize>,
    /// The card scores points (it has items or bonus and penalty blocks),
    /// so its rows have a total; a pay card's have none, not a total of 0.
    scored: bool,
    out: Encoder,
    /// One cell's text, reused.
    cell: String,
    /// Each grade's label as a CSV field, quoted if need be, worked out once.
    grades: Vec<Vec<u8>>,
    /// The card's version and hash as the record's last two fields, the
    /// same on every row: encoded once.
    stamp: Vec<u8>,
}

impl<'c> CsvRows<'c> {
    /// With a `region` and a `period` column or without.
    pub fn new(card: &'c CheckedCard, region: bool, period: bool) -> Self {
        CsvRows {
            card,
            region,
            period,
            derived: outputs_order(card),
            scored: !card.items().is_empty() || !card.adjustments().is_empty(),
            out: Encoder::default(),
            cell: String::new(),
            grades: card
                .grade()
                .iter()
                .flat_map(|table| &table.rows)
                .map(|row| Encoder::encode(false, &[neutralise(&row.outcome).as_bytes()]))
                .collect(),
            stamp: Encoder::encode(
                true,
                &[
                    neutralise(card.stamp().version.as_deref().unwrap_or_default()).as_bytes(),
                    card.stamp().hash.to_string().as_bytes(),
                ],
            ),
        }
    }

    pub fn header(&mut self) {
        let card = self.card;
        let mut header: Vec<String> = ["id", "name", "brand", "store"]
            .into_iter()
            .map(heading)
            .collect();
        if self.region {
            header.push(heading("region"));
        }
        if self.period {
            header.push(heading("period"));
        }
        header.extend(card.items().iter().map(|i| i.name.clone()));
        header.extend(card.sections().iter().map(|s| s.name.clone()));
        header.extend(card.adjustments().iter().map(|a| a.name.clone()));
        if self.scored {
            header.extend([heading("sections_total"), heading("total")]);
        }
        if card.grade().is_some() {
            header.push(heading("grade"));
        }
        for r in &card.ranking().ranks {
            header.extend([r.name.clone(), t!("csv-rank-size", rank = &r.name)]);
        }
        header.extend(self.derived.iter().map(|&i| card.derived()[i].name.clone()));
        header.extend([heading("card_version"), heading("card_hash")]);
        for name in &header {
            self.out.text(name.as_bytes());
        }
        self.out.end_record();
    }

    /// One result's record. `ranks` is empty for a result not yet through
    /// the ranking stage: its rank cells are blank.
    pub fn row(&mut self, who: &Who, scores: &Scores, ranks: &[Placing]) {
        let card = self.card;
        self.out.text(who.id.as_bytes());
        for field in [who.name, who.brand, who.store] {
            self.out.text(field.unwrap_or_default().as_bytes());
        }
        if self.region {
            self.out.text(who.region.unwrap_or_default().as_bytes());
        }
        if self.period {
            self.cell.clear();
            if let Some(p) = who.period {
                let _ = write!(self.cell, "{p}"); // a String takes any text
            }
            self.out.field(self.cell.as_bytes());
        }
        let totals = [scores.sections_total, scores.total];
        let totals = if self.scored { &totals[..] } else { &[] };
        self.out
            .numbers(&[&scores.items, &scores.sections, &scores.adjustments, totals]);
        if card.grade().is_some() {
            let label = scores.grade.map_or(&[][..], |row| &self.grades[row]);
            self.out.unquoted(label);
        }
        for i in 0..card.ranking().ranks.len() {
            match ranks.get(i) {
                Some(p) => {
                    self.out.numbers(&[&[p.place.into(), p.size.into()]]);
                }
                None => {
                    self.out.field(b"");
                    self.out.field(b"");
                }
            }
        }
        for &i in &self.derived {
            self.cell.clear();
            match &scores.derived[i] {
                Value::Missing => {}
                value => push_value(&mut self.cell, value, card.derived()[i].ty),
            }
            self.out.field(self.cell.as_bytes());
        }
        // The stamp's fields come with their commas.
        self.out.bytes.extend_from_slice(&self.stamp);
        self.out.end_record();
    }

    /// Everything written so far, handed over; the buffer starts again
    /// empty, with room for as many bytes.
    pub fn take(&mut self) -> Vec<u8> {
        let room = self.out.bytes.len();
        std::mem::replace(&mut self.out.bytes, Vec::with_capacity(room))
    }

    /// Everything written so far, handed over; writing goes on into
    /// `next`, emptied first (to reuse a buffer already written out).
    pub fn replace_buffer(&mut self, mut next: Vec<u8>) -> Vec<u8> {
        next.clear();
        std::mem::replace(&mut self.out.bytes, next)
    }

    /// Makes room for `rows` more records (a guess: a few bytes per cell),
    /// so that a buffer of many rows is not grown piece by piece.
    pub fn reserve_rows(&mut self, rows: usize) {
        let card = self.card;
        let cells = 8 + card.items().len() + card.sections().len() + card.derived().len();
        self.out.bytes.reserve(rows * cells * 5);
    }

    /// How many bytes are written so far.
    pub fn written(&self) -> usize {
        self.out.bytes.len()
    }
}

/// Room for a row's short fields, gathered before they are copied to the
/// buffer (a few dozen numbers).
const STAGED_BYTES: usize = 128;

/// The field of each whole number from -99 to 99 (most scores are), by
/// sign and magnitude (`-0` too, as `0`): comma first, padded to four
/// bytes so that it is copied in one go, and its length. (Tested equal to
/// `push_decimal`'s.)
static SHORT_FIELDS: [[([u8; 4], usize); 100]; 2] = [short_fields(false), short_fields(true)];

const fn short_fields(negative: bool) -> [([u8; 4], usize); 100] {
    // Zero, of either sign, is `0`.
    let mut fields = [([b',', b'0', 0, 0], 2); 100];
    let mut n = 1;
    while n < 100 {
        let (tens, ones) = (b'0' + n as u8 / 10, b'0' + n as u8 % 10);
        fields[n] = match (negative, n >= 10) {
            (false, false) => ([b',', ones, 0, 0], 2),
            (false, true) => ([b',', tens, ones, 0], 3),
            (true, false) => ([b',', b'-', ones, 0], 3),
            (true, true) => ([b',', b'-', tens, ones], 4),
        };
        n += 1;
    }
    fields
}

/// Whether a spreadsheet would read a cell starting with this byte as a
/// formula (or, for a tab or carriage return, hide what follows).
#[inline]
fn starts_formula(text: &[u8]) -> bool {
    // Letters, most digits and every Chinese character are past `@`: one test.
    text.first()
        .is_some_and(|&b| b <= b'@' && matches!(b, b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r'))
}

/// A text cell as a CSV report writes it: one that would start a formula in
/// Excel (`=`, `+`, `-`, `@`, a tab or a carriage return first) gets a `'`
/// in front, so `=HYPERLINK(…)` in a name is shown as text, never run
/// (OWASP's advice for CSV injection). Numbers are never written through here.
pub fn neutralise(text: &str) -> Cow<'_, str> {
    if starts_formula(text.as_bytes()) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// CSV quoting as `csv_core` decides it (a field holding a comma, quote or
/// line break is quoted, its quotes doubled), straight into a byte buffer.
#[derive(Default)]
struct Encoder {
    core: csv_core::Writer,
    bytes: Vec<u8>,
    /// A field of the current record is written (so the next needs a comma).
    in_record: bool,
}

impl Encoder {
    /// Fields as they are written in a record (after another field, or
    /// not), for text that is the same on every record: encoded once.
    fn encode(in_record: bool, fields: &[&[u8]]) -> Vec<u8> {
        let mut encoder = Encoder {
            in_record,
            ..Encoder::default()
        };
        for field in fields {
            encoder.field(field);
        }
        encoder.bytes
    }

    /// The comma before a field, unless it is the record's first.
    fn start_field(&mut self) {
        if self.in_record {
            self.bytes.push(b',');
        }
        self.in_record = true;
    }

    fn field(&mut self, text: &[u8]) {
        self.start_field();
        // An empty field is nothing between two commas (names and stores
        // are often blank). Never alone in a record here, so never `""`.
        if text.is_empty() {
            return;
        }
        if !self.core.should_quote(text) {
            self.bytes.extend_from_slice(text);
            return;
        }
        self.bytes.push(b'"');
        let mut input = text;
        loop {
            // Quoting at most doubles a field.
            let at = self.bytes.len();
            self.bytes.resize(at + 2 * input.len(), 0);
            let (result, read, written) =
                csv_core::quote(input, &mut self.bytes[at..], b'"', b'\\', true);
            self.bytes.truncate(at + written);
            input = &input[read..];
            if let csv_core::WriteResult::InputEmpty = result {
                break;
            }
        }
        self.bytes.push(b'"');
    }

    /// A text field (an id, a name, a store): neutralised if it would start
    /// a formula (see [`neutralise`]).
    #[inline]
    fn text(&mut self, text: &[u8]) {
        if starts_formula(text) {
            let mut quoted = Vec::with_capacity(text.len() + 1);
            quoted.push(b'\'');
            quoted.extend_from_slice(text);
            self.field(&quoted);
        } else {
            self.field(text);
        }
    }

    /// The fields of the numbers of `lists`, in order, after another field
    /// (never a record's first): digits, a sign and a point never need
    /// quoting.
    fn numbers(&mut self, lists: &[&[Decimal]]) {
        debug_assert!(self.in_record);
        // Short fields are gathered on the stack, each stored whole and cut
        // to its length, then copied at once: cheaper than growing the
        // buffer field by field.
        let mut staged = [0; STAGED_BYTES];
        let mut len = 0;
        for &list in lists {
            for &d in list {
                if len > STAGED_BYTES - 4 {
                    self.bytes.extend_from_slice(&staged[..len]);
                    len = 0;
                }
                if let Some((negative, magnitude)) = short_whole(d) {
                    let (field, field_len) =
                        &SHORT_FIELDS[usize::from(negative)][usize::from(magnitude)];
                    staged[len..len + 4].copy_from_slice(field);
                    len += field_len;
                } else {
                    self.bytes.extend_from_slice(&staged[..len]);
                    len = 0;
                    self.long_number(d);
                }
            }
        }
        self.bytes.extend_from_slice(&staged[..len]);
    }

    #[inline(never)]
    fn long_number(&mut self, d: Decimal) {
        self.bytes.push(b',');
        push_decimal(&mut self.bytes, d);
    }

    /// A field known to hold nothing that needs quoting.
    fn unquoted(&mut self, text: &[u8]) {
        self.start_field();
        self.bytes.extend_from_slice(text);
    }

    fn end_record(&mut self) {
        self.bytes.push(b'\n');
        self.in_record = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::format_decimal;

    #[test]
    fn numbers_fields_are_their_decimals_text_after_a_comma() {
        let mut values = vec![Decimal::MAX, Decimal::MIN, Decimal::new(-0, 3)];
        for mantissa in -150..=150 {
            for scale in 0..=4 {
                values.push(Decimal::new(mantissa, scale));
                // Zero and the others with the sign flipped: `-0` too.
                values.push(-Decimal::new(mantissa, scale));
            }
        }
        assert!(values.iter().any(|v| v.is_zero() && v.is_sign_negative()));
        for value in values {
            let mut encoder = Encoder {
                in_record: true,
                ..Encoder::default()
            };
            encoder.numbers(&[&[value]]);
            let want = format!(",{}", format_decimal(value));
            assert_eq!(String::from_utf8(encoder.bytes).unwrap(), want, "{value:?}");
        }
    }
}
