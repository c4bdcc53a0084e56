//! CSV in → CSV out for a card that ranks rows or rolls months up, a group
//! at a time.
//!
//! ```text
//! pass 1 (Scan):   the line of each group's last row (ids, stores, periods only)
//! pass 2:          read rows until every group seen has ended (and enough
//!                  rows for every core) ─▶ roll up, evaluate_all_with (untraced) ─▶ CSV
//!                  while the next chunk is read
//! ```
//!
//! Each chunk holds whole groups ([`ScoredTogether`]), so the ranking stage and the
//! roll-up see in it exactly the rows they would see with the whole file,
//! and its results are those of [`eval::evaluate_all`] over every row, in
//! the same order: the report is byte for byte [`report::write_csv`]'s.
//! Rows are read through [`data::Rows`] (one reader for the file, so ids
//! are checked for duplicates across chunks), and each problem is what
//! [`data::read`] reports.
//!
//! A file sorted or clustered by group (the usual HR export, by store or by
//! person) gives small chunks; memory holds two chunks and the scan's line
//! per group, never every row. An unsorted file is one chunk: every row at
//! once, as `run`'s all-at-once way (`data::read`, `eval::evaluate_all`)
//! holds them. A rank over all rows is one chunk
//! per period by nature.
//!
//! The report shows `region` and `period` columns when some result has one,
//! which is known only at the end: the scan's guess (some record has one)
//! is used, and the file is read again in the rare case it was wrong (every
//! row with a region left out, say).
//!
//! [`eval::evaluate_all`]: crate::eval::evaluate_all
//! [`report::write_csv`]: crate::report::write_csv
//! [`data::Rows`]: crate::data::Rows
//! [`data::read`]: crate::data::read

use super::together::{MovedSinceScan, Scan, ScoredTogether};
use super::{StreamError, Streamed, Target};
use crate::check::CheckedCard;
use crate::data::{CsvSource, DataProblem, DataProblemKind, Location, ReadOptions, Row, Rows};
use crate::eval::{evaluate_all_with, RowFailure, ScoreResult};
use crate::period::{recomputed, CannotRollUp, RollUp, RollingUp};
use crate::report::{ReportRows, RowsFormat, Who};
use crate::t;
use std::io::{self, Read, Write};
use std::sync::Arc;

/// How to stream in chunks.
#[derive(Debug, Clone, Default)]
pub struct ChunkOptions {
    /// Start the CSV with a byte-order mark (for Excel).
    pub bom: bool,
    /// Roll months up by the card's rules first (`--rollup`).
    pub rollup: bool,
    /// Rows a chunk gathers at least (whole groups, so often more) before
    /// it is scored; 0 for the default (4096). Tests make it 1 to cut
    /// after every group.
    pub chunk_rows: usize,
    /// How the run reads the file against the card (with a roll-up, the
    /// rates it recomputes are added to `supplied`).
    pub read: ReadOptions,
    /// The report's format (CSV unless said).
    pub format: RowsFormat,
}

const CHUNK_ROWS: usize = 4096;

/// Region and period columns: shown, or (after a pass) wanted.
type Columns = (bool, bool);

/// What a run in chunks found, beside the CSV it wrote.
#[derive(Debug, Default)]
pub struct StreamedChunks {
    /// Rows scored, data errors and warnings, rows that failed to score.
    pub found: Streamed,
    /// With a roll-up: periods skipped, rows that could not be rolled up
    /// and the roll-up's warnings (its `rows` and `sources` stay empty),
    /// or why nothing could be rolled up.
    pub rolled: Option<Result<RollUp, CannotRollUp>>,
    /// The most rows one chunk held.
    pub largest_chunk: usize,
}

/// A card's CSV file, scanned (the first pass) and ready to score.
pub struct ChunkedFile<'c> {
    card: &'c CheckedCard,
    /// How the rows are read (with a roll-up, its recomputed rates supplied).
    reading: ReadOptions,
    together: ScoredTogether,
    scan: Scan,
    options: ChunkOptions,
}

impl<'c> ChunkedFile<'c> {
    /// Scans `input`, the file (named `name` in messages): `Err` when it
    /// cannot be read at all (empty, no header), as reading it would say.
    pub fn scan(
        card: &'c CheckedCard,
        input: impl Read + Send + 'static,
        name: &str,
        options: ChunkOptions,
    ) -> Result<Self, DataProblem> {
        let mut reading = options.read.clone();
        if options.rollup {
            reading.supplied.extend(recomputed(card));
        }
        let together = ScoredTogether::of(card, options.rollup);
        let scan = Scan::csv(card, &together, input, name, &reading)?;
        Ok(ChunkedFile {
            card,
            reading,
            together,
            scan,
            options,
        })
    }

    pub fn card(&self) -> &'c CheckedCard {
        self.card
    }

    /// How many groups the scan found.
    pub fn groups(&self) -> usize {
        self.scan.groups()
    }

    /// The encoding the file was decoded from, when it was not UTF-8.
    pub fn decoded_from(&self) -> Option<crate::data::TextEncoding> {
        self.scan.decoded_from
    }

    /// Scores the file `open` opens again by the card and writes the report
    /// to `to`. `Err` when the file cannot be read, or the report not
    /// written. In the rare case the scan guessed the report's columns
    /// wrong, the file is read again and the report started over.
    pub fn score<R>(
        &self,
        name: &str,
        open: &mut dyn FnMut() -> io::Result<R>,
        to: &mut dyn Target,
        progress: &mut dyn FnMut(usize),
    ) -> Result<StreamedChunks, StreamError>
    where
        R: Read + Send + 'static,
    {
        if self.options.rollup {
            if let Err(e) = RollingUp::new(self.card) {
                return Ok(StreamedChunks {
                    rolled: Some(Err(e)),
                    ..StreamedChunks::default()
                });
            }
        }
        let mut columns = (self.scan.region, self.scan.period);
        let mut first = true;
        loop {
            let input = open().map_err(|e| StreamError::Data(cannot_read(name, e)))?;
            if !std::mem::take(&mut first) {
                to.restart()?;
            }
            let (found, shown) = self.pass(input, name, columns, to.writer(), progress)?;
            if shown == columns {
                return Ok(found);
            }
            columns = shown;
        }
    }

    /// Reads, scores and writes every chunk with `columns` in the report;
    /// also gives the columns the results call for.
    fn pass(
        &self,
        input: impl Read + Send + 'static,
        name: &str,
        columns: Columns,
        out: &mut dyn Write,
        progress: &mut dyn FnMut(usize),
    ) -> Result<(StreamedChunks, Columns), StreamError> {
        let source = CsvSource::from_reader(input, name)?;
        let mut chunks = Chunks {
            rows: Rows::with_options(self.card, source, &self.reading),
            together: &self.together,
            scan: &self.scan,
            size: match self.options.chunk_rows {
                0 => CHUNK_ROWS,
                n => n,
            },
            reach: 0,
            read: 0,
            errors: Vec::new(),
            changed: None,
        };
        let mut scorer = Scorer {
            card: self.card,
            csv: ReportRows::new(self.options.format, self.card, columns.0, columns.1),
            rolling: self
                .options
                .rollup
                .then(|| RollingUp::new(self.card).ok())
                .flatten(),
            found: StreamedChunks::default(),
            shown: (false, false),
        };
        if self.options.bom && self.options.format == RowsFormat::Csv {
            out.write_all(crate::report::CSV_BOM)?;
        }
        scorer.csv.header();
        out.write_all(&scorer.csv.take())?;
        let mut lead = super::Lead(scorer.csv.lead());
        // One chunk is scored (on every core) while the next is read.
        let mut next = chunks.next();
        while let Some(chunk) = next {
            let rows = chunk.len();
            scorer.found.largest_chunk = scorer.found.largest_chunk.max(rows);
            let bytes;
            (next, bytes) = rayon::join(|| chunks.next(), || scorer.score(chunk));
            lead.write(out, &bytes)?;
            progress(rows);
        }
        if let Some(error) = chunks.changed.take() {
            return Err(StreamError::Data(error));
        }
        out.flush()?;
        Ok(self.finish(chunks, scorer))
    }

    /// The findings of a pass, as [`crate::data::read`] and the roll-up
    /// would give them for the whole file.
    fn finish(&self, chunks: Chunks, scorer: Scorer) -> (StreamedChunks, Columns) {
        let Scorer {
            mut found,
            rolling,
            shown,
            ..
        } = scorer;
        found.found.errors = chunks.errors;
        let file = chunks.rows.file().clone();
        found.found.warnings = chunks.rows.into_warnings();
        if chunks.read == 0 && found.found.errors.is_empty() {
            found.found.warnings.push(DataProblem::new(
                DataProblemKind::NoRows,
                &file,
                Location::File,
                t!("data-no-rows"),
            ));
        }
        found.found.failures.sort_by_key(|f| f.line);
        if let Some(rolling) = rolling {
            let mut rolled = found.rolled.take().unwrap_or(Ok(RollUp::default()));
            if let Ok(whole) = &mut rolled {
                match rolling.finish() {
                    Ok(warnings) => whole.warnings = warnings,
                    Err(e) => rolled = Err(e),
                }
            }
            found.rolled = Some(rolled);
        }
        (found, shown)
    }
}

/// The file's rows, a chunk of whole groups at a time.
struct Chunks<'a> {
    rows: Rows<'a, CsvSource>,
    together: &'a ScoredTogether,
    scan: &'a Scan,
    /// Rows a chunk gathers at least.
    size: usize,
    /// The last line of every group seen so far.
    reach: usize,
    /// Good rows read.
    read: usize,
    /// Every problem in the data, in line order (a bad header's first).
    errors: Vec<DataProblem>,
    /// The file changed since the scan: the pass ends with this error.
    changed: Option<DataProblem>,
}

impl Iterator for Chunks<'_> {
    type Item = Vec<Row>;

    /// Good rows up to a line where no group goes on, and at least `size`
    /// of them (or to the end); `None` at the end.
    fn next(&mut self) -> Option<Vec<Row>> {
        let mut chunk = Vec::new();
        for item in self.rows.by_ref() {
            let row = match item {
                Ok(row) => row,
                Err(errors) => {
                    self.errors.extend(errors);
                    continue;
                }
            };
            self.read += 1;
            let line = row.line;
            match self.together.reach(&row.employee, line, self.scan) {
                Ok(reach) => self.reach = self.reach.max(reach),
                Err(MovedSinceScan) => {
                    self.changed = Some(changed_since_scan(self.rows.file(), line));
                    return None;
                }
            }
            chunk.push(row);
            if self.reach <= line && chunk.len() >= self.size {
                return Some(chunk);
            }
        }
        (!chunk.is_empty()).then_some(chunk)
    }
}

/// What scores chunks and keeps the run's findings.
struct Scorer<'c> {
    card: &'c CheckedCard,
    csv: ReportRows<'c>,
    rolling: Option<RollingUp<'c>>,
    found: StreamedChunks,
    /// Some result has a region (a period).
    shown: Columns,
}

impl Scorer<'_> {
    /// Rolls up (if so), evaluates and formats one chunk: its CSV records.
    fn score(&mut self, rows: Vec<Row>) -> Vec<u8> {
        let rows = match &mut self.rolling {
            Some(rolling) => {
                let mut part = rolling.part(&rows);
                let rolled = std::mem::take(&mut part.rows);
                self.keep_rolled(part);
                rolled
            }
            None => rows,
        };
        // Numbers only: a CSV report needs no trace.
        let (results, failures) = evaluate_all_with(
            self.card,
            &rows,
            false,
            &mut |_| {},
            &crate::parallel::EveryCore,
        );
        drop(rows);
        self.keep_results(&results, failures);
        self.csv.take()
    }

    fn keep_results(&mut self, results: &[ScoreResult], failures: Vec<RowFailure>) {
        let found = &mut self.found.found;
        found.scored += results.len();
        found.failures.extend(failures);
        for r in results {
            self.shown.0 |= r.employee.region.is_some();
            self.shown.1 |= r.employee.period.is_some();
            self.csv.row(
                &Who::of(&r.employee),
                r.line,
                &r.scores,
                &r.ranks,
                &r.pushed,
                &[],
            );
        }
    }

    /// A chunk's skipped periods and roll-up errors, after the others.
    fn keep_rolled(&mut self, part: RollUp) {
        let rolled = self
            .found
            .rolled
            .get_or_insert_with(|| Ok(RollUp::default()));
        if let Ok(whole) = rolled {
            whole.skipped.extend(part.skipped);
            whole.errors.extend(part.errors);
        }
    }
}

/// The file could not be opened again for the second pass.
fn cannot_read(name: &str, e: io::Error) -> DataProblem {
    DataProblem::new(
        DataProblemKind::Io,
        &Arc::from(name),
        Location::File,
        t!("data-cannot-read-data", why = crate::data::io_reason(&e)),
    )
}

/// The file was changed between the scan and the scoring (saved again
/// from Excel, say): groups may have been cut, so nothing is reported.
fn changed_since_scan(file: &Arc<str>, line: usize) -> DataProblem {
    DataProblem::new(
        DataProblemKind::Io,
        file,
        Location::File,
        t!("stream-file-changed", line = line),
    )
    .help(t!("stream-file-changed-help"))
}
