//! The reports written a row at a time (CSV, JSON, JSON Lines, and the
//! workbook's records): one type
//! over each format's row writer, for the streamed ways and the report of
//! every result at once alike, so the two cannot differ.

use super::html_rows::HtmlRows;
use super::json::Person;
use super::json_rows::JsonRows;
use super::xlsx::XlsxRows;
use super::{CsvRows, Format, Who};
use crate::check::CheckedCard;
use crate::eval::result::{Placing, Push};
use crate::eval::Scores;
use crate::value::Value;

/// A format a report can be written in a row at a time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum RowsFormat {
    #[default]
    Csv,
    Json,
    JsonLines,
    /// The HTML report's row records, for an [`HtmlSink`](super::HtmlSink)
    /// to lay out store by store.
    Html,
    /// The workbook's first pass: each total, for the ranks ([`XlsxRows`]).
    XlsxTotals,
    /// The workbook's rows, with their reasons, for an
    /// [`XlsxSink`](super::XlsxSink) to lay out.
    Xlsx,
}

impl RowsFormat {
    /// `None` for a format that needs every result first (or is not streamed).
    pub fn of(format: Format) -> Option<RowsFormat> {
        match format {
            Format::Csv => Some(RowsFormat::Csv),
            Format::Json => Some(RowsFormat::Json),
            Format::JsonLines => Some(RowsFormat::JsonLines),
            _ => None,
        }
    }
}

/// One card's report rows in `RowsFormat`, formatted into a reused buffer.
// One per worker: the variants' sizes do not matter.
#[allow(clippy::large_enum_variant)]
pub enum ReportRows<'c> {
    Csv(CsvRows<'c>),
    Json(JsonRows<'c>),
    Html(HtmlRows<'c>),
    Xlsx(XlsxRows<'c>),
}

impl<'c> ReportRows<'c> {
    /// CSV with a `region` and a `period` column or without (the others
    /// always say both).
    pub fn new(format: RowsFormat, card: &'c CheckedCard, region: bool, period: bool) -> Self {
        match format {
            RowsFormat::Csv => ReportRows::Csv(CsvRows::new(card, region, period)),
            RowsFormat::Json => ReportRows::Json(JsonRows::new(card, false)),
            RowsFormat::JsonLines => ReportRows::Json(JsonRows::new(card, true)),
            RowsFormat::Html => ReportRows::Html(HtmlRows::new(card, &[])),
            RowsFormat::XlsxTotals => ReportRows::Xlsx(XlsxRows::new(card, true)),
            RowsFormat::Xlsx => ReportRows::Xlsx(XlsxRows::new(card, false)),
        }
    }

    /// Bytes at the start of the first row a report holds to drop (a
    /// separator the rows after it need).
    pub fn lead(&self) -> usize {
        match self {
            ReportRows::Csv(_) | ReportRows::Html(_) | ReportRows::Xlsx(_) => 0,
            ReportRows::Json(j) => j.lead(),
        }
    }

    pub fn header(&mut self) {
        match self {
            ReportRows::Csv(c) => c.header(),
            ReportRows::Json(j) => j.header(),
            ReportRows::Html(_) => {}
            ReportRows::Xlsx(_) => {}
        }
    }

    /// One scored row (CSV shows no line and no grade pushed down), and
    /// its input `values` (the workbook works out the reasons from them).
    pub fn row(
        &mut self,
        who: &Who,
        line: usize,
        scores: &Scores,
        ranks: &[Placing],
        pushed: &[Push],
        values: &[Value],
    ) {
        match self {
            ReportRows::Html(h) => h.row(who, line, scores, values),
            ReportRows::Xlsx(x) => x.row(who, line, scores, values),
            ReportRows::Csv(c) => c.row(who, scores, ranks),
            ReportRows::Json(j) => {
                let card = j.card();
                j.row(&Person {
                    who: *who,
                    line,
                    stamp: card.stamp(),
                    scores,
                    trace: None,
                    ranks,
                    pushed,
                })
            }
        }
    }

    /// The report's end, after its last row (`any`: rows were written):
    /// the notes of the run.
    pub fn end(&mut self, any: bool, notes: &[String]) -> Vec<u8> {
        match self {
            ReportRows::Csv(_) => super::notes_csv(notes).into_bytes(),
            ReportRows::Json(j) => {
                j.end(any, notes);
                j.take()
            }
            // The sink writes the report's end.
            ReportRows::Html(_) => Vec::new(),
            // The sink writes the workbook's end.
            ReportRows::Xlsx(_) => Vec::new(),
        }
    }

    /// The workbook's second pass scores each row itself, with its trace
    /// ([`scored_row`](Self::scored_row)): scoring it first is wasted.
    pub fn scores_rows(&self) -> bool {
        matches!(self, ReportRows::Xlsx(x) if x.scores_rows())
    }

    /// A row scored by the report itself (see [`scores_rows`](Self::scores_rows)).
    pub fn scored_row(
        &mut self,
        who: &Who,
        line: usize,
        values: &[Value],
    ) -> Result<(), crate::eval::EvalError> {
        match self {
            ReportRows::Xlsx(x) => x.scored_row(who, line, values),
            _ => Ok(()),
        }
    }

    pub fn take(&mut self) -> Vec<u8> {
        match self {
            ReportRows::Csv(c) => c.take(),
            ReportRows::Json(j) => j.take(),
            ReportRows::Html(h) => h.take(),
            ReportRows::Xlsx(x) => x.take(),
        }
    }

    pub fn replace_buffer(&mut self, next: Vec<u8>) -> Vec<u8> {
        match self {
            ReportRows::Csv(c) => c.replace_buffer(next),
            ReportRows::Json(j) => j.replace_buffer(next),
            ReportRows::Html(h) => h.replace_buffer(next),
            ReportRows::Xlsx(x) => x.replace_buffer(next),
        }
    }

    pub fn reserve_rows(&mut self, rows: usize) {
        if let ReportRows::Csv(c) = self {
            c.reserve_rows(rows);
        }
    }

    pub fn written(&self) -> usize {
        match self {
            ReportRows::Csv(c) => c.written(),
            ReportRows::Json(j) => j.written(),
            ReportRows::Html(h) => h.written(),
            ReportRows::Xlsx(x) => x.written(),
        }
    }
}
