//! Writing one worksheet of a report: typed cells, and column widths that
//! fit Chinese text.
//!
//! rust_xlsxwriter's autofit counts a Chinese character as narrow as a Latin
//! one, so columns of 汉字 come out clipped; widths here are measured in
//! display columns instead (a 汉字 is two, as Excel draws it).

use crate::value::format_decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Color, Format, FormatBorder, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

/// Widths are clamped to this many display columns (a reason wraps past it).
const MAX_WIDTH: usize = 80;
const MIN_WIDTH: usize = 6;

/// How a number is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberStyle {
    /// Points, counts: as many decimals as the value has.
    Plain,
    /// Yuan: thousands separators, two decimals.
    Money,
    /// A fraction shown as a percentage, with the decimals it needs.
    Percent,
}

/// What a sheet being written remembers between rows: each column's widest
/// text and the formats made once. Kept apart from the worksheet, so that
/// several sheets can be filled a row at a time each, in turn
/// ([`SheetWriter::resume`], [`SheetWriter::pause`]).
pub struct Columns {
    widths: Vec<usize>,
    header: Format,
    wrap: Format,
    money: Format,
    /// Percent formats by their number of decimals.
    percent: Vec<Format>,
    /// A reused buffer for measuring numbers.
    shown: String,
    /// A line of text above the header row ([`SheetWriter::heading`]).
    heading: bool,
}

impl Default for Columns {
    fn default() -> Self {
        Columns {
            widths: Vec::new(),
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xDDEBF7))
                .set_border_bottom(FormatBorder::Thin)
                .set_text_wrap(),
            wrap: Format::new().set_text_wrap(),
            money: Format::new().set_num_format("#,##0.00"),
            percent: Vec::new(),
            shown: String::new(),
            heading: false,
        }
    }
}

/// A worksheet being filled row by row, remembering each column's widest text.
pub struct SheetWriter<'a> {
    sheet: &'a mut Worksheet,
    columns: Box<Columns>,
}

/// The row of the header: 0, or 1 below a [heading](SheetWriter::heading).
fn header_row(columns: &Columns) -> u32 {
    u32::from(columns.heading)
}

impl<'a> SheetWriter<'a> {
    pub fn new(sheet: &'a mut Worksheet) -> Self {
        SheetWriter::resume(sheet, Box::default())
    }

    /// Goes on filling `sheet`, with what was remembered of it.
    pub fn resume(sheet: &'a mut Worksheet, columns: Box<Columns>) -> Self {
        SheetWriter { sheet, columns }
    }

    /// What to remember of the sheet until it is [resumed](Self::resume).
    pub fn pause(self) -> Box<Columns> {
        self.columns
    }

    pub fn sheet(&mut self) -> &mut Worksheet {
        self.sheet
    }

    /// A line above the header row (row 0, the header then row 1), bold:
    /// what the sheet holds. It runs on over the empty cells beside it and
    /// sets no column's width. Written before [`header`](Self::header).
    pub fn heading(&mut self, text: &str) -> Result<(), XlsxError> {
        let bold = Format::new().set_bold();
        self.sheet.write_string_with_format(0, 0, text, &bold)?;
        self.columns.heading = true;
        Ok(())
    }

    /// The row of the header: 0, or 1 below a [heading](Self::heading).
    pub fn header_row(&self) -> u32 {
        header_row(&self.columns)
    }

    /// The header row (row 0, or 1 below a heading), bold on a pale fill.
    pub fn header(&mut self, titles: &[String]) -> Result<(), XlsxError> {
        let row = self.header_row();
        for (c, title) in titles.iter().enumerate() {
            self.sheet
                .write_string_with_format(row, col(c), title, &self.columns.header)?;
            self.measure(c, title);
        }
        Ok(())
    }

    pub fn text(&mut self, row: u32, c: usize, text: &str) -> Result<(), XlsxError> {
        if text.is_empty() {
            return Ok(());
        }
        self.sheet.write_string(row, col(c), text)?;
        self.measure(c, text);
        Ok(())
    }

    /// Text that may run long (a reason): wrapped within the widest column
    /// allowed. (Its row keeps the default height: in constant-memory mode
    /// rust_xlsxwriter keeps every row given a height until the sheet is
    /// saved, 1.5 GB at peak for a million S1 rows instead of 140 MB.)
    pub fn long_text(&mut self, row: u32, c: usize, text: &str) -> Result<(), XlsxError> {
        if text.is_empty() {
            return Ok(());
        }
        self.sheet
            .write_string_with_format(row, col(c), text, &self.columns.wrap)?;
        for line in text.lines() {
            self.measure(c, line);
        }
        Ok(())
    }

    /// A number as an Excel number, so it sums and sorts. Excel holds every
    /// number as a binary double: the nearest one to the exact decimal, which
    /// Excel shows with the same digits (scores and pay have far fewer than 15).
    pub fn number(
        &mut self,
        row: u32,
        c: usize,
        value: Decimal,
        style: NumberStyle,
    ) -> Result<(), XlsxError> {
        use std::fmt::Write as _;
        // Money is stored as it is shown, to the fen (half away from zero),
        // so that Excel's SUM of the cells equals the sum of what they show.
        let value = match style {
            NumberStyle::Money => value
                .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero),
            _ => value,
        };
        let Some(float) = value.to_f64() else {
            return self.text(row, c, &format_decimal(value));
        };
        let mut shown = std::mem::take(&mut self.columns.shown);
        shown.clear();
        let written = match style {
            NumberStyle::Plain => {
                let _ = write!(shown, "{value}");
                self.sheet.write_number(row, col(c), float).map(|_| ())
            }
            NumberStyle::Money => {
                let _ = write!(shown, "{value:.2}");
                // Thousands separators add about one column in three digits.
                let commas = shown.len() / 3;
                shown.extend(std::iter::repeat_n(' ', commas));
                self.sheet
                    .write_number_with_format(row, col(c), float, &self.columns.money)
                    .map(|_| ())
            }
            NumberStyle::Percent => {
                // Too large to count in points: written as the exact text.
                let Some(points) = value.checked_mul(Decimal::ONE_HUNDRED) else {
                    self.columns.shown = shown;
                    return self.text(row, c, &format!("{}×100%", format_decimal(value)));
                };
                let percent = format_decimal(points);
                let decimals = percent.split_once('.').map_or(0, |(_, f)| f.len());
                while self.columns.percent.len() <= decimals {
                    let places = self.columns.percent.len();
                    let code = if places == 0 {
                        "0%".to_string()
                    } else {
                        format!("0.{}%", "0".repeat(places))
                    };
                    self.columns
                        .percent
                        .push(Format::new().set_num_format(&code));
                }
                let _ = write!(shown, "{percent}%");
                self.sheet
                    .write_number_with_format(row, col(c), float, &self.columns.percent[decimals])
                    .map(|_| ())
            }
        };
        self.measure(c, &shown);
        self.columns.shown = shown;
        written
    }

    /// Sets the widths, freezes the header row (and `frozen_columns` on the
    /// left, and the heading above), and adds a filter over `rows` data rows.
    pub fn finish(self, rows: u32, frozen_columns: usize) -> Result<(), XlsxError> {
        let widths = &self.columns.widths;
        for (c, &width) in widths.iter().enumerate() {
            let width = (width + 2).clamp(MIN_WIDTH, MAX_WIDTH);
            self.sheet.set_column_width(col(c), width as f64)?;
        }
        let top = header_row(&self.columns);
        self.sheet.set_freeze_panes(top + 1, col(frozen_columns))?;
        if let Some(last) = widths.len().checked_sub(1) {
            self.sheet.autofilter(top, 0, top + rows, col(last))?;
        }
        Ok(())
    }

    fn measure(&mut self, c: usize, text: &str) {
        let widths = &mut self.columns.widths;
        if widths.len() <= c {
            widths.resize(c + 1, 0);
        }
        // ASCII text (ids, numbers) is as wide as it is long.
        let width = if text.is_ascii() {
            text.len()
        } else {
            text.width()
        };
        widths[c] = widths[c].max(width);
    }
}

/// Print setup for a report sheet HR hands out: landscape A4, every column
/// on one page's width (as many pages down as it takes), the header row on
/// every page (`header_row`: 0, or 1 below a heading), `title` in the page
/// header and "page N of M" in the footer.
pub fn print_setup(sheet: &mut Worksheet, title: &str, header_row: u32) -> Result<(), XlsxError> {
    sheet.set_landscape();
    sheet.set_paper_size(9); // A4
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(header_row, header_row)?;
    // `&` starts a field in Excel's header codes: a title's own is doubled.
    // Excel allows 255 characters in a header.
    let title: String = title.replace('&', "&&").chars().take(200).collect();
    sheet.set_header(format!("&C{title}"));
    sheet.set_footer(crate::t!("workbook-page-footer"));
    Ok(())
}

/// A column index as rust_xlsxwriter's type (a report never has 16 384 columns).
fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}
