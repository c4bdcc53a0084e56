//! One worker's share of a batch: each record split, bound, scored and
//! written as a report row (CSV, JSON), with buffers reused from record to record.

use crate::check::CheckedCard;
use crate::data::csv::{record_text, Cells};
use crate::data::{normalise_id, trimmed, DataProblem, RowReader, SeenIds};
use crate::eval::{evaluate_scores, RowFailure, Scores};
use crate::report::{ReportRows, RowsFormat, Who};
use crate::value::Value;
use std::ops::Range;

/// What became of one record.
pub enum Outcome {
    /// Scored: its CSV record ends at this offset in the piece's bytes.
    Scored {
        end: usize,
    },
    Bad(Vec<DataProblem>),
    Failed(Box<RowFailure>),
    /// Blank, or the header is unusable and the record itself is fine.
    Skipped,
    /// Not UTF-8 text: the reading ends at this record, as `data::read`'s
    /// does, so the piece holds nothing after it.
    NotText(DataProblem),
}

pub struct Done {
    pub line: usize,
    pub outcome: Outcome,
    /// The hash of its id and period, for [`SeenIds`]; `None` without an id.
    pub id: Option<u64>,
    /// Where its CSV record starts in the piece's bytes (scored rows only).
    pub start: usize,
}

/// A run of consecutive records, done.
#[derive(Default)]
pub struct Piece {
    pub bytes: Vec<u8>,
    pub rows: Vec<Done>,
}

/// What a worker keeps from one record to the next.
pub struct Worker<'c> {
    card: &'c CheckedCard,
    reader: &'c RowReader<'c>,
    width: usize,
    cells: Cells,
    values: Vec<Value>,
    scores: Scores,
    errors: Vec<DataProblem>,
    rows: ReportRows<'c>,
}

impl<'c> Worker<'c> {
    pub fn new(
        card: &'c CheckedCard,
        reader: &'c RowReader<'c>,
        width: usize,
        format: RowsFormat,
    ) -> Self {
        let binding = &reader.binding;
        Worker {
            card,
            reader,
            width,
            cells: Cells::default(),
            values: Vec::new(),
            scores: Scores::default(),
            errors: Vec::new(),
            rows: ReportRows::new(
                format,
                card,
                binding.region.is_some(),
                binding.period.is_some(),
            ),
        }
    }

    /// Does `records` of `text` in order, into `piece`'s buffers (a piece
    /// written before, its memory reused, or a new one). The records' text
    /// is checked to be UTF-8 here, all of it at once.
    pub fn run(&mut self, text: &[u8], records: &[(Range<usize>, usize)], piece: Piece) -> Piece {
        let mut rows = piece.rows;
        rows.clear();
        rows.reserve(records.len());
        self.rows.replace_buffer(piece.bytes);
        let mut written = 0;
        self.rows.reserve_rows(records.len());
        let first = records.first().map_or(0, |(range, _)| range.start);
        let last = records.last().map_or(0, |(range, _)| range.end);
        let checked = simdutf8::basic::from_utf8(&text[first..last]);
        for (range, line) in records {
            let raw = match checked {
                Ok(all) => Ok(&all[range.start - first..range.end - first]),
                // Which record is not UTF-8, and where, told record by record.
                Err(_) => record_text(&text[range.clone()], *line, &self.reader.file),
            };
            let (outcome, id) = match raw {
                Ok(raw) => self.record(raw, *line),
                Err(error) => (Err(Outcome::NotText(error)), None),
            };
            let start = written;
            let outcome = match outcome {
                Ok(()) => {
                    written = self.rows.written();
                    Outcome::Scored { end: written }
                }
                Err(other) => other,
            };
            let ends = matches!(outcome, Outcome::NotText(_));
            rows.push(Done {
                line: *line,
                outcome,
                id,
                start,
            });
            if ends {
                break;
            }
        }
        Piece {
            bytes: self.rows.replace_buffer(Vec::new()),
            rows,
        }
    }

    /// One record: `Ok` once its CSV record is written.
    fn record(&mut self, raw: &str, line: usize) -> (Result<(), Outcome>, Option<u64>) {
        let cells = &mut self.cells;
        cells.split(raw);
        if cells.is_blank() {
            return (Err(Outcome::Skipped), None);
        }
        let reader = self.reader;
        if let Err(e) = cells.check_width(self.width, &reader.file, line) {
            return (Err(Outcome::Bad(vec![e])), None);
        }
        let cells = &self.cells;
        let locate = |column| reader.numbering.at(line).in_column(column);
        self.errors.clear();
        let fields = reader.read(line, cells, &locate, &mut self.values, &mut self.errors);
        let who_id = fields.id.map(normalise_id);
        let id = who_id.as_deref().map(|id| SeenIds::hash(id, fields.period));
        if !self.errors.is_empty() {
            return (Err(Outcome::Bad(std::mem::take(&mut self.errors))), id);
        }
        if !reader.usable {
            return (Err(Outcome::Skipped), id);
        }
        let binding = &reader.binding;
        let who = Who {
            id: who_id.as_deref().unwrap_or_default(),
            name: trimmed(cells, binding.name),
            brand: trimmed(cells, binding.brand),
            store: trimmed(cells, binding.store),
            region: trimmed(cells, binding.region),
            period: fields.period,
        };
        if self.rows.scores_rows() {
            return match self.rows.scored_row(&who, line, &self.values) {
                Ok(()) => (Ok(()), id),
                Err(error) => {
                    let failure = RowFailure {
                        line,
                        employee: who.employee(),
                        error,
                    };
                    (Err(Outcome::Failed(Box::new(failure))), id)
                }
            };
        }
        if let Err(error) = evaluate_scores(self.card, &self.values, &mut self.scores) {
            let failure = RowFailure {
                line,
                employee: who.employee(),
                error,
            };
            return (Err(Outcome::Failed(Box::new(failure))), id);
        }
        self.rows
            .row(&who, line, &self.scores, &[], &[], &self.values);
        (Ok(()), id)
    }
}

/// Where a duplicate id's record is, and what it says, worked out again
/// from its text (only ever for a duplicate, so rarely).
pub fn describe_duplicate(
    reader: &RowReader,
    raw: &[u8],
    line: usize,
) -> (String, Option<crate::period::Period>) {
    // A record with an id was read, so its text is UTF-8 (nothing is lost).
    let raw = String::from_utf8_lossy(raw);
    let mut cells = Cells::default();
    cells.split(&raw);
    let locate = |column| reader.numbering.at(line).in_column(column);
    let (mut values, mut errors) = (Vec::new(), Vec::new());
    let fields = reader.read(line, &cells, &locate, &mut values, &mut errors);
    (
        fields.id.map(normalise_id).unwrap_or_default().into_owned(),
        fields.period,
    )
}
