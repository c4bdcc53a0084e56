//! Reports: scored rows out, as a terminal table, JSON, CSV or Markdown, and
//! [`explain`], the line-by-line trace an appeal points at.
//!
//! Every function here is pure: it returns a `String` or writes to the
//! `Write` it is given. The library never prints.

mod common;
mod csv;
mod explain;
mod json;
mod markdown;
mod table;

pub use self::csv::{csv_string, write_csv};
pub use self::explain::{explain, explain_all, explain_case, explain_with_inputs};
pub use self::json::{json, write_json};
pub use self::markdown::markdown;
pub use self::table::table;

use crate::check::CheckedCard;
use crate::eval::ScoreResult;
use std::fmt;
use std::io::{self, Write};
use std::str::FromStr;

/// A format for many results at once. More (xlsx, html) may come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// A terminal table (`table`).
    Table,
    /// Every score and its trace (`json`).
    Json,
    /// One row per employee, one column per item (`csv`).
    Csv,
    /// A Markdown table and the points each employee lost (`md`).
    Markdown,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Table, Format::Json, Format::Csv, Format::Markdown];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Markdown => "md",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An unknown format name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFormat(pub String);

impl fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        write!(
            f,
            "unknown format `{}` (expected one of: {})",
            self.0,
            names.join(", ")
        )
    }
}

impl std::error::Error for UnknownFormat {}

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Format, UnknownFormat> {
        match s.to_ascii_lowercase().as_str() {
            "markdown" => Ok(Format::Markdown),
            name => Format::ALL
                .into_iter()
                .find(|f| f.name() == name)
                .ok_or_else(|| UnknownFormat(s.to_string())),
        }
    }
}

/// Settings some formats use; the defaults suit a terminal or a script.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// CSV: start with a UTF-8 byte order mark, so Excel shows Chinese correctly.
    pub bom: bool,
}

impl Options {
    pub fn with_bom(mut self, bom: bool) -> Options {
        self.bom = bom;
        self
    }
}

/// Writes `results` in `format`.
pub fn render(
    format: Format,
    card: &CheckedCard,
    results: &[ScoreResult],
    options: &Options,
    out: &mut impl Write,
) -> io::Result<()> {
    match format {
        Format::Table => out.write_all(table(card, results).as_bytes()),
        Format::Json => write_json(card, results, out),
        Format::Csv => write_csv(card, results, options.bom, out),
        Format::Markdown => out.write_all(markdown(card, results).as_bytes()),
    }
}

#[cfg(test)]
mod tests;
