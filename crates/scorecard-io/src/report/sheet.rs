//! Writing one worksheet of a data-entry template with rust_xlsxwriter:
//! typed cells, and column widths that fit Chinese text (the report
//! workbook has its own writer, `report::workbook`, measuring the same way).
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
/// text and the formats made once.
struct Columns {
    widths: Vec<usize>,
    header: Format,
    money: Format,
    /// Percent formats by their number of decimals.
    percent: Vec<Format>,
    /// A reused buffer for measuring numbers.
    shown: String,
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
            money: Format::new().set_num_format("#,##0.00"),
            percent: Vec::new(),
            shown: String::new(),
        }
    }
}

/// A worksheet being filled row by row, remembering each column's widest text.
pub struct SheetWriter<'a> {
    sheet: &'a mut Worksheet,
    columns: Box<Columns>,
}

impl<'a> SheetWriter<'a> {
    pub fn new(sheet: &'a mut Worksheet) -> Self {
        SheetWriter {
            sheet,
            columns: Box::default(),
        }
    }

    pub fn sheet(&mut self) -> &mut Worksheet {
        self.sheet
    }

    /// The header row (row 0), bold on a pale fill.
    pub fn header(&mut self, titles: &[String]) -> Result<(), XlsxError> {
        let row = 0;
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
            self.sheet
                .set_column_width(col(c), column_width(width) as f64)?;
        }
        let top = 0;
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
        widths[c] = widths[c].max(display_width(text));
    }
}

/// `text`'s width in display columns: a 汉字 is two, as Excel draws it.
pub fn display_width(text: &str) -> usize {
    // ASCII text (ids, numbers) is as wide as it is long.
    if text.is_ascii() {
        text.len()
    } else {
        text.width()
    }
}

/// A column's width from its widest text: a margin of two, at least
/// [`MIN_WIDTH`], at most [`MAX_WIDTH`] (a reason wraps past it).
pub fn column_width(widest: usize) -> usize {
    (widest + 2).clamp(MIN_WIDTH, MAX_WIDTH)
}

/// A column index as rust_xlsxwriter's type (a report never has 16 384 columns).
fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}
