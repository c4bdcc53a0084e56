//! Reports: scored rows out, as a terminal table, JSON, CSV, Markdown, an
//! Excel workbook or a printable HTML report, and [`explain`], the
//! line-by-line trace an appeal points at.
//!
//! Every function here is pure: it returns a `String` or bytes, or writes to
//! the `Write` it is given. The library never prints.

mod appeal;
mod by_card;
mod chart;
mod common;
mod csv;
mod explain;
mod html;
mod html_rows;
mod html_text;
mod json;
mod json_rows;
mod json_template;
mod markdown;
mod rank;
mod rated_and_ranked;
mod rows;
pub(crate) mod sheet;
mod table;
mod workbook;
mod xlsx;

pub use self::appeal::{appeal_html, AppealPart};
pub use self::by_card::render_by_card;
pub use self::common::CardResults;
pub use self::csv::{csv_string, neutralise, write_csv, CsvRows, Who, BOM as CSV_BOM};
pub use self::explain::{
    explain, explain_all, explain_case, explain_with_inputs, explain_with_notes,
};
pub use self::html::{
    html, html_cards, write_html, write_html_cards, write_html_part, HtmlPart, HtmlSink,
};
pub use self::html_rows::HtmlRows;
pub use self::json::{card_json, employee_json, json, person_json, write_json, Person};
pub use self::json_rows::{write_json_lines_of_cards, write_json_rows, JsonRows};
pub use self::markdown::{markdown, markdown_of};
pub use self::rank::ranks;
pub use self::rows::{ReportRows, RowsFormat};
pub use self::table::{table, table_of};
pub use self::xlsx::{
    write_xlsx, xlsx_bytes, xlsx_cards, xlsx_with_notes, Facts as XlsxFacts, XlsxSink, XlsxTotals,
};

use std::fmt;
use std::str::FromStr;

/// A format for many results at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// A terminal table (`table`).
    Table,
    /// Every score, and its trace when asked (`json`).
    Json,
    /// One JSON object a line, one line per employee, then the notes (`jsonl`).
    JsonLines,
    /// One row per employee, one column per item (`csv`).
    Csv,
    /// A Markdown table and the points each employee lost (`md`).
    Markdown,
    /// An Excel workbook: a summary sheet and a detail sheet (`xlsx`). Binary.
    Xlsx,
    /// A printable, self-contained HTML report, one part per store (`html`).
    Html,
}

impl Format {
    pub const ALL: [Format; 7] = [
        Format::Table,
        Format::Json,
        Format::JsonLines,
        Format::Csv,
        Format::Markdown,
        Format::Xlsx,
        Format::Html,
    ];

    /// True for a format that is not text (it must go to a file, not a terminal).
    pub fn is_binary(self) -> bool {
        self == Format::Xlsx
    }

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::JsonLines => "jsonl",
            Format::Csv => "csv",
            Format::Markdown => "md",
            Format::Xlsx => "xlsx",
            Format::Html => "html",
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
    /// Xlsx: the workbook's creation time. Without it a fixed date is
    /// written, so the same results always give the same bytes.
    pub created: Option<std::time::SystemTime>,
}

impl Options {
    pub fn with_bom(mut self, bom: bool) -> Options {
        self.bom = bom;
        self
    }

    pub fn with_created(mut self, created: Option<std::time::SystemTime>) -> Options {
        self.created = created;
        self
    }
}

/// Notes under a terminal table: `notes:` and one line each (help indented).
pub fn notes_text(notes: &[String]) -> String {
    if notes.is_empty() {
        return String::new();
    }
    let mut out = format!("\n{}\n", crate::t!("report-notes-heading-text"));
    for note in notes {
        out += &format!("- {}\n", note.replace('\n', "\n  "));
    }
    out
}

/// Notes at the end of a Markdown report.
pub fn notes_markdown(notes: &[String]) -> String {
    if notes.is_empty() {
        return String::new();
    }
    let mut out = format!("\n## {}\n\n", crate::t!("report-notes-heading"));
    for note in notes {
        out += &format!("- {}\n", markdown::escape(note).replace('\n', "<br>"));
    }
    out
}

/// Notes at the end of a CSV report, as `#` comment lines (which the
/// readers of this program skip, and a spreadsheet shows as text).
pub fn notes_csv(notes: &[String]) -> String {
    let mut out = String::new();
    for note in notes {
        for line in note.lines() {
            out += &format!("# {line}\n");
        }
    }
    out
}

#[cfg(test)]
mod tests;
