//! Data in: rows of employees' monthly figures, bound to a card's inputs.
//!
//! ```text
//! file ──format──▶ RecordSource ──records──▶ Rows (bind header, parse cells) ──▶ Row
//! ```
//!
//! * A [`RecordSource`] turns one format into [`Record`]s: a record number and
//!   one cell of text per column. CSV, Excel (`.xlsx`), JSON, JSON Lines and
//!   TOML are built in ([`DataFormat`]); another format only implements the trait.
//! * The header is bound to the card once: a column feeds the input whose
//!   name or label it equals, or an employee field (`工号`/`id`, `姓名`/`name`,
//!   `品牌`/`brand`, `门店`/`store`, `区域`/`region`), or the row's period
//!   (`月份`/`month`: `2026-10`, for roll-ups and for ranking month by month).
//! * Each cell is parsed for its input's type and checked against its range
//!   ([`parse_cell`]). Numbers are exact decimals, never f64.
//!
//! # Where a problem is
//!
//! Errors and rows carry a 1-based number: for CSV and JSON Lines the
//! physical line (counting the header, comments and blank lines, as an editor
//! does); for a JSON array and TOML the record's position among the records;
//! for a workbook the worksheet row, and a bad cell is named as Excel names
//! it. [`Location`] says which, and `Display` shows `data.csv:5:`,
//! `data.json: record 5:` or `五月.xlsx: 名单!C12:`.
//!
//! # Error policy
//!
//! Reading never stops at the first problem. Every bad cell of every row is
//! reported, and every good row is returned beside the errors: [`read`] gives
//! a [`DataSet`] with both, [`Rows`] streams them. In detail:
//!
//! * A bad cell (wrong type, blank where required, out of range), a blank or
//!   duplicate employee id, or a record of the wrong shape (a CSV row with
//!   the wrong number of cells, a JSON line that is not an object) spoils its
//!   row only. For a duplicate id the later row is the bad one.
//! * A bad header (no id or name column, a required input with no column,
//!   two columns for one input) spoils every row: its errors are reported
//!   once, no row is returned, and the rows are still read so that their own
//!   problems are reported in the same run.
//! * A file that cannot be read as a whole (missing, not UTF-8, malformed
//!   JSON array or TOML, empty) is one error and no rows. (JSON Lines are
//!   parsed line by line, so one bad line spoils only itself.)
//! * Columns that bind to nothing, and a file with no rows, are warnings:
//!   returned, never printed, so a misspelt header is never silently ignored.
//! * Rows whose every cell is blank are skipped without comment.
//!
//! What to do with errors is the caller's choice. The CLI's default is that
//! any error means exit code 1 and no results; `--keep-going` evaluates the
//! good rows.
//!
//! CSV files stream: lines are read as rows are asked for, so memory stays
//! flat however long the file. JSON, JSON Lines and TOML files are read whole
//! (their parsers need the whole text); rows are still built one at a time.

mod binding;
pub(crate) use self::binding::{bind, id_column, period_column};
#[cfg(test)]
mod constraint_tests;
pub(crate) mod csv;
mod error;
mod format;
mod json;
#[cfg(test)]
mod lang_tests;
mod options;
pub(crate) mod rows;
mod source;
#[cfg(test)]
pub(crate) use scorecard_core::testing;
#[cfg(test)]
mod tests;
mod toml;
mod xlsx;

pub use self::csv::{CsvSource, TextEncoding};
pub use self::error::{DataProblem, DataProblemKind, Location, Numbering, Severity};
pub use self::format::{
    open_bytes, open_bytes_with, open_path, open_path_as, open_path_with, open_reader,
    open_reader_with, DataFormat, OpenOptions,
};
pub use self::json::{read_json, read_json_lines};
pub use self::options::ReadOptions;
pub use self::rows::Rows;
pub(crate) use self::rows::{normalise_id, trimmed, RowReader, SeenIds};
pub(crate) use self::source::io_reason;
pub use self::source::{MemorySource, Record, RecordSource};
pub(crate) use self::toml::cell_text;
pub use self::toml::read_toml;
pub use self::xlsx::{float_decimal, is_percent_format, worksheet_names, XlsxSource};
pub use scorecard_core::cell::{parse_cell, CellProblem};
pub use scorecard_core::row::{Employee, Row};

use crate::check::model::CheckedCard;
use crate::t;
use std::path::Path;

/// Everything read from one file: the good rows, and every problem.
#[derive(Debug, Clone, Default)]
pub struct DataSet {
    pub rows: Vec<Row>,
    /// The problems that kept a row (or the file) out ([`Severity::Error`]).
    pub errors: Vec<DataProblem>,
    /// The problems the user should see, the rows used all the same ([`Severity::Warning`]).
    pub warnings: Vec<DataProblem>,
}

impl DataSet {
    /// No errors (warnings allowed).
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }

    /// A set holding just one error, for a file that could not be opened.
    pub fn failed(error: DataProblem) -> Self {
        DataSet {
            errors: vec![error],
            ..DataSet::default()
        }
    }
}

/// Reads every record of `source` against `card`.
pub fn read(card: &CheckedCard, source: impl RecordSource) -> DataSet {
    read_with(card, source, &ReadOptions::default())
}

/// [`read`], with the run's [`ReadOptions`].
pub fn read_with(card: &CheckedCard, source: impl RecordSource, options: &ReadOptions) -> DataSet {
    let mut rows = Rows::with_options(card, source, options);
    let mut set = DataSet::default();
    for item in rows.by_ref() {
        match item {
            Ok(row) => set.rows.push(row),
            Err(errors) => set.errors.extend(errors),
        }
    }
    let file = rows.file().clone();
    set.warnings = rows.into_warnings();
    if set.rows.is_empty() && set.errors.is_empty() {
        set.warnings.push(DataProblem::new(
            DataProblemKind::NoRows,
            &file,
            Location::File,
            t!("data-no-rows"),
        ));
    }
    set
}

/// Reads a file, choosing the format by its extension.
pub fn read_path(card: &CheckedCard, path: &Path) -> DataSet {
    read_path_with(card, path, &OpenOptions::default())
}

/// [`read_path`], with options (a workbook's sheet).
pub fn read_path_with(card: &CheckedCard, path: &Path, options: &OpenOptions) -> DataSet {
    match open_path_with(path, options) {
        Ok(source) => read(card, source),
        Err(error) => DataSet::failed(error),
    }
}

/// Reads any reader (stdin, say) in a given format; `name` is used in messages.
pub fn read_from(
    card: &CheckedCard,
    reader: impl std::io::Read,
    format: DataFormat,
    name: &str,
) -> DataSet {
    read_from_with(card, reader, format, name, &OpenOptions::default())
}

/// [`read_from`], with options (a workbook's sheet).
pub fn read_from_with(
    card: &CheckedCard,
    reader: impl std::io::Read,
    format: DataFormat,
    name: &str,
    options: &OpenOptions,
) -> DataSet {
    match open_reader_with(reader, format, name, options) {
        Ok(source) => read(card, source),
        Err(error) => DataSet::failed(error),
    }
}
