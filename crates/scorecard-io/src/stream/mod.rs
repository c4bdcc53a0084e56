//! CSV in → CSV out in constant memory, rows scored on every core.
//!
//! ```text
//! one thread:  read batch n+2, then write batch n (ids checked, in order)
//! all threads: split, bind, score (no trace) and format batch n+1, in pieces
//! ```
//!
//! Records are read a batch at a time (`batch`). While the next batch is
//! read and the one before is written, the workers take the current one in
//! pieces, each record split into cells, bound to the card, scored by
//! [`evaluate_scores`](crate::eval::evaluate_scores) (numbers only, no trace)
//! and written as a CSV record, every buffer reused (`worker`). Pieces are
//! written in order and ids checked for duplicates in input order, so the
//! output is byte for byte what [`report::write_csv`](crate::report::write_csv)
//! writes from [`eval::evaluate_all`](crate::eval::evaluate_all)'s results,
//! whatever the number of threads.
//!
//! (One difference: the report has `region` and `period` columns when the
//! file has such columns, since it is written before every row is seen; the
//! report of every row at once (`report::write_csv` after `data::read`)
//! shows them when some row fills them in. They differ only for
//! a column left blank in every row.)
//!
//! Memory holds three batches and, for the duplicate check, 16 bytes per
//! employee (plus the hash table's slack): ~65 MB in all for a million
//! rows, never the rows themselves.
//!
//! Only a card whose rows score one by one streams this way ([`streamable`]).
//! A card that ranks rows, limits grades or rolls months up streams a
//! group at a time from a file ([`ChunkedFile`], `groups`): a first pass finds
//! where each group ends ([`ScoredTogether`]), a second scores whole groups,
//! chunk by chunk, with `eval::evaluate_all`'s two stages (the row stage,
//! then `eval::rank`). From stdin, which
//! cannot be read twice, such a card reads every row first.

mod batch;
mod chunked;
mod together;
mod worker;

pub use chunked::{ChunkOptions, ChunkedFile, StreamedChunks};
pub use together::ScoredTogether;

use crate::check::CheckedCard;
use crate::data::csv::open_with_header;
use crate::data::{DataProblem, DataProblemKind, Location, RowReader, SeenIds, TextEncoding};
use crate::eval::RowFailure;
use crate::report::{ReportRows, RowsFormat};
use crate::t;
use batch::Batch;
use rayon::prelude::*;
use std::io::{self, Read, Write};
use std::sync::Mutex;
use worker::{Outcome, Piece, Worker};

/// Why a card cannot stream a row at a time, or `None` when it can (a card
/// that cannot may stream [`ChunkedFile`]).
pub fn streamable(card: &CheckedCard) -> Option<String> {
    if !card.ranking().is_empty()
        || card.ranking().grade_after_ranks
        || card.derived().iter().any(|d| d.after_ranks)
    {
        Some(t!("stream-needs-every-row"))
    } else if card.rollup().is_some() {
        Some(t!("stream-needs-every-month"))
    } else {
        None
    }
}

/// What a streamed run found, beside the CSV it wrote.
#[derive(Debug, Default)]
pub struct Streamed {
    /// Rows scored and written.
    pub scored: usize,
    /// Every problem in the data, in line order (a bad header's first).
    pub errors: Vec<DataProblem>,
    /// Rows that read well but could not be scored, in line order.
    pub failures: Vec<RowFailure>,
    pub warnings: Vec<DataProblem>,
    /// The encoding the file was decoded from, when it was not UTF-8.
    pub decoded_from: Option<TextEncoding>,
}

impl Streamed {
    /// Lines of the rows left out (bad or failed), each once.
    pub fn bad_lines(&self) -> Vec<Option<usize>> {
        let mut lines: Vec<Option<usize>> =
            self.errors.iter().map(|e| e.location.number()).collect();
        lines.extend(self.failures.iter().map(|f| Some(f.line)));
        lines
    }
}

/// Where a streamed report goes while it is made. A report may have to
/// start over (a column the first pass could not foresee); the caller keeps
/// it (renames a temporary file into place …) only once the run is judged.
pub trait Target {
    fn writer(&mut self) -> &mut (dyn Write + Send);
    /// Drops what was written so far: the report starts again.
    fn restart(&mut self) -> io::Result<()>;
}

/// A report written into a growing buffer (tests; small reports).
impl Target for Vec<u8> {
    fn writer(&mut self) -> &mut (dyn Write + Send) {
        self
    }

    fn restart(&mut self) -> io::Result<()> {
        self.clear();
        Ok(())
    }
}

/// How to stream.
#[derive(Debug, Clone, Default)]
pub struct StreamOptions {
    /// Start the CSV with a byte-order mark (for Excel).
    pub bom: bool,
    /// Records per batch; 0 for the default (8192). Tests make it small to
    /// cross many batch boundaries with few rows.
    pub batch_rows: usize,
    /// How the run reads the file against the card.
    pub read: crate::data::ReadOptions,
    /// The report's format (CSV unless said).
    pub format: RowsFormat,
}

/// Scores every row of the CSV `input` against `card` and writes the CSV
/// report to `out`, good rows only, in input order. A problem with the
/// whole file (empty, no header) is `Err`; problems with rows are in the
/// [`Streamed`] result, and reading goes on past them. `progress` hears how
/// many records each batch held.
pub fn score_csv(
    card: &CheckedCard,
    input: impl Read + Send + 'static,
    name: &str,
    out: &mut (dyn Write + Send),
    options: &StreamOptions,
    progress: &mut dyn FnMut(usize),
) -> Result<Streamed, StreamError> {
    let (mut lines, header) = open_with_header(input, name)?;
    let (reader, bound) = RowReader::for_csv(card, name, &header, &options.read);
    let scorer = Scorer {
        card,
        reader: &reader,
        width: header.columns.len(),
        format: options.format,
        spare: Mutex::default(),
    };
    let mut writer = Writer {
        reader: &reader,
        seen: SeenIds::default(),
        found: Streamed {
            errors: bound.errors,
            warnings: bound.warnings,
            decoded_from: Some(lines.encoding()).filter(|e| *e != TextEncoding::Utf8),
            ..Streamed::default()
        },
        ended: false,
        lead: Lead(0),
    };
    if options.bom && options.format == RowsFormat::Csv {
        out.write_all(crate::report::CSV_BOM)?;
    }
    let mut head = ReportRows::new(
        options.format,
        card,
        reader.binding.region.is_some(),
        reader.binding.period.is_some(),
    );
    head.header();
    out.write_all(&head.take())?;
    writer.lead = Lead(head.lead());

    // Three batches turn: one is read while the one read before is scored
    // and the one scored before that is written.
    let size = options.batch_rows;
    let mut read = Batch::new(size);
    read.fill(&mut lines);
    let mut scored: Option<(Batch, Vec<Piece>)> = None;
    let mut free = Batch::new(size);
    let mut records = 0;
    while !read.is_empty() || scored.is_some() {
        let (written, pieces) = rayon::join(
            || -> io::Result<(Option<Batch>, usize)> {
                free.fill(&mut lines);
                let Some((batch, pieces)) = scored.take() else {
                    return Ok((None, 0));
                };
                let done = writer.write(&batch, pieces, out, &scorer.spare)?;
                Ok((Some(batch), done))
            },
            || (!read.is_empty()).then(|| scorer.score(&read)),
        );
        let (written, done) = written?;
        if written.is_some() {
            records += done;
            progress(done);
        }
        if writer.ended {
            break; // what was read after it is dropped: `data::read` stops there
        }
        let just_scored = std::mem::replace(&mut read, free);
        scored = pieces.map(|pieces| (just_scored, pieces));
        free = written.unwrap_or_else(|| Batch::new(size));
    }
    out.flush()?;
    let mut found = writer.found;
    if records == 0 && found.errors.is_empty() {
        found.warnings.push(DataProblem::new(
            DataProblemKind::NoRows,
            &reader.file,
            Location::File,
            t!("data-no-rows"),
        ));
    }
    Ok(found)
}

/// The file could not be read at all, or the report could not be written.
#[derive(Debug)]
pub enum StreamError {
    Data(DataProblem),
    Write(io::Error),
}

impl From<DataProblem> for StreamError {
    fn from(e: DataProblem) -> Self {
        StreamError::Data(e)
    }
}

impl From<io::Error> for StreamError {
    fn from(e: io::Error) -> Self {
        StreamError::Write(e)
    }
}

/// Bytes to drop from the start of the first row a report holds (the
/// separator JSON puts before each employee), then none.
pub(crate) struct Lead(pub usize);

impl Lead {
    pub fn write(&mut self, out: &mut dyn Write, bytes: &[u8]) -> io::Result<()> {
        if bytes.is_empty() {
            return Ok(());
        }
        let skip = std::mem::take(&mut self.0).min(bytes.len());
        out.write_all(&bytes[skip..])
    }
}

/// Records per piece at most. Every thread waits for the batch's last
/// piece before the next batch starts: small pieces keep that wait short.
/// (A piece of 256 S1 rows is a few hundred microseconds' work.)
const PIECE_RECORDS: usize = 256;

/// What scores a batch: shared by the workers.
struct Scorer<'c> {
    card: &'c CheckedCard,
    reader: &'c RowReader<'c>,
    width: usize,
    format: RowsFormat,
    /// Pieces written out, their buffers kept for the next batch's pieces.
    spare: Mutex<Vec<Piece>>,
}

impl Scorer<'_> {
    /// Scores a batch in pieces, several per thread, in order.
    fn score(&self, batch: &Batch) -> Vec<Piece> {
        let per_piece = batch
            .records
            .len()
            .div_ceil(rayon::current_num_threads() * 4)
            .clamp(1, PIECE_RECORDS);
        batch
            .records
            .par_chunks(per_piece)
            .map_init(
                || Worker::new(self.card, self.reader, self.width, self.format),
                |worker, records| worker.run(&batch.text, records, self.spare_piece()),
            )
            .collect()
    }

    /// A piece written out before, or a new one.
    fn spare_piece(&self) -> Piece {
        let mut spare = self.spare.lock().unwrap_or_else(|e| e.into_inner());
        spare.pop().unwrap_or_default()
    }
}

/// What writes scored batches out, in order, and keeps the run's findings.
struct Writer<'c> {
    reader: &'c RowReader<'c>,
    seen: SeenIds,
    found: Streamed,
    /// A record that is not UTF-8 was written: nothing after it counts.
    ended: bool,
    lead: Lead,
}

impl Writer<'_> {
    /// Checks ids and writes the scored rows of a batch, in order, up to
    /// a record that is not UTF-8 (see `ended`); returns how many records
    /// it went through. Each piece, once written, goes to `spare`.
    fn write(
        &mut self,
        batch: &Batch,
        pieces: Vec<Piece>,
        out: &mut dyn Write,
        spare: &Mutex<Vec<Piece>>,
    ) -> io::Result<usize> {
        let mut record = 0;
        for mut piece in pieces {
            if self.ended {
                break;
            }
            // Written a run of good rows at a time; a row found bad here is left out.
            let mut run_start = 0;
            for done in piece.rows.drain(..) {
                let duplicate = done
                    .id
                    .and_then(|hash| self.check_id(hash, batch, record, done.line));
                record += 1;
                let written = match done.outcome {
                    Outcome::Scored { end } => Some(end),
                    Outcome::Bad(errors) => {
                        self.found.errors.extend(errors);
                        None
                    }
                    // A repeated id is the row's problem: `data::read`
                    // never passes such a row on to be scored, so it has no failure either.
                    Outcome::Failed(failure) => {
                        if duplicate.is_none() {
                            self.found.failures.push(*failure);
                        }
                        None
                    }
                    Outcome::Skipped => None,
                    Outcome::NotText(error) => {
                        self.found.errors.push(error);
                        self.ended = true;
                        None
                    }
                };
                match (written, duplicate) {
                    (Some(_), None) => self.found.scored += 1,
                    (written, duplicate) => {
                        self.found.errors.extend(duplicate);
                        if let Some(end) = written {
                            // Scored, but its id repeats: its record is left out.
                            self.lead.write(out, &piece.bytes[run_start..done.start])?;
                            run_start = end;
                        }
                    }
                }
            }
            self.lead.write(out, &piece.bytes[run_start..])?;
            spare.lock().unwrap_or_else(|e| e.into_inner()).push(piece);
        }
        if let Some(error) = batch.error.as_ref().filter(|_| !self.ended) {
            self.found.errors.push(error.clone());
        }
        Ok(record)
    }

    /// Records the id of the batch's `record`; the error if it was seen before.
    fn check_id(
        &mut self,
        hash: u64,
        batch: &Batch,
        record: usize,
        line: usize,
    ) -> Option<DataProblem> {
        let reader = self.reader;
        let column = reader.binding.id_column()?;
        let cell = reader.numbering.at(line).in_column(column);
        self.seen
            .insert_hash(reader, hash, line, cell, || {
                worker::describe_duplicate(reader, batch.raw(record), line)
            })
            .err()
    }
}
