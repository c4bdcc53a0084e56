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

/// A worksheet being filled row by row, remembering each column's widest text.
pub struct SheetWriter<'a> {
    sheet: &'a mut Worksheet,
    widths: Vec<usize>,
    header: Format,
    wrap: Format,
}

impl<'a> SheetWriter<'a> {
    pub fn new(sheet: &'a mut Worksheet) -> Self {
        SheetWriter {
            sheet,
            widths: Vec::new(),
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xDDEBF7))
                .set_border_bottom(FormatBorder::Thin),
            wrap: Format::new().set_text_wrap(),
        }
    }

    pub fn sheet(&mut self) -> &mut Worksheet {
        self.sheet
    }

    /// The header row (row 0), bold on a pale fill.
    pub fn header(&mut self, titles: &[String]) -> Result<(), XlsxError> {
        for (c, title) in titles.iter().enumerate() {
            self.sheet
                .write_string_with_format(0, col(c), title, &self.header)?;
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

    /// Text that may run long (a reason): wrapped within the widest column allowed.
    pub fn long_text(&mut self, row: u32, c: usize, text: &str) -> Result<(), XlsxError> {
        if text.is_empty() {
            return Ok(());
        }
        self.sheet
            .write_string_with_format(row, col(c), text, &self.wrap)?;
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
        let Some(float) = value.to_f64() else {
            return self.text(row, c, &format_decimal(value));
        };
        let (code, shown) = match style {
            NumberStyle::Plain => (String::from("General"), format_decimal(value)),
            NumberStyle::Money => ("#,##0.00".to_string(), format!("{value:.2}")),
            NumberStyle::Percent => {
                // Too large to count in points: written as the exact text.
                let Some(points) = value.checked_mul(Decimal::ONE_HUNDRED) else {
                    return self.text(row, c, &format!("{}×100%", format_decimal(value)));
                };
                let percent = format_decimal(points);
                let decimals = percent.split_once('.').map_or(0, |(_, f)| f.len());
                let code = if decimals == 0 {
                    "0%".to_string()
                } else {
                    format!("0.{}%", "0".repeat(decimals))
                };
                (code, format!("{percent}%"))
            }
        };
        if code == "General" {
            self.sheet.write_number(row, col(c), float)?;
        } else {
            let format = Format::new().set_num_format(&code);
            self.sheet
                .write_number_with_format(row, col(c), float, &format)?;
        }
        // Thousands separators add about one column in three digits.
        self.measure(c, &shown);
        if style == NumberStyle::Money {
            self.widths[c] += shown.len() / 3;
        }
        Ok(())
    }

    /// Sets the widths, freezes the header row (and `frozen_columns` on the
    /// left), and adds a filter over `rows` data rows.
    pub fn finish(self, rows: u32, frozen_columns: usize) -> Result<(), XlsxError> {
        for (c, &width) in self.widths.iter().enumerate() {
            let width = (width + 2).clamp(MIN_WIDTH, MAX_WIDTH);
            self.sheet.set_column_width(col(c), width as f64)?;
        }
        self.sheet.set_freeze_panes(1, col(frozen_columns))?;
        if let Some(last) = self.widths.len().checked_sub(1) {
            self.sheet.autofilter(0, 0, rows, col(last))?;
        }
        Ok(())
    }

    fn measure(&mut self, c: usize, text: &str) {
        if self.widths.len() <= c {
            self.widths.resize(c + 1, 0);
        }
        self.widths[c] = self.widths[c].max(text.width());
    }
}

/// A column index as rust_xlsxwriter's type (a report never has 16 384 columns).
fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}
