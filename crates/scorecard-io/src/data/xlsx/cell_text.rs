//! One worksheet cell → the text the cell parser reads.
//!
//! A workbook stores typed values, not text, so each is written out the way
//! a person would type it:
//!
//! * **Numbers are f64 in every xlsx file.** A float becomes its shortest
//!   round-trip text (`0.98`, never `0.97999…`), as the TOML reader does,
//!   then is rounded to 15 significant digits: Excel keeps and shows no more
//!   than 15, so digits past that are binary noise from a formula (`=0.1+0.2`
//!   stores 0.30000000000000004, and Excel shows 0.3). A figure typed into
//!   Excel has at most 15 significant digits and comes back exactly.
//! * **A percent-formatted cell** (number format `0%`, `0.0%`, …) stores the
//!   fraction (0.98) but shows `98%`; it becomes `98%`, scaled in exact
//!   decimals. So a percent input reads it either way, an unranged percent
//!   input accepts `120%` as the sheet shows it, and an error quotes what the
//!   user sees.
//! * Dates become ISO text (`2026-10-05`, `2026-10-05T08:30:00`), times
//!   `08:30:00`, durations `36:30:00`; no input type accepts them, so a date
//!   where a figure belongs is a bad cell, never a number of days.
//! * `TRUE`/`FALSE` become `true`/`false`; error values (`#DIV/0!`) their
//!   Excel text, which the cell parser names as a failed formula.

use crate::value::format_decimal;
use calamine::{DataRef, ExcelDateTime};
use rust_decimal::prelude::RoundingStrategy;
use rust_decimal::Decimal;
use std::str::FromStr;

/// The significant digits Excel keeps.
const EXCEL_DIGITS: u32 = 15;

/// The text for one cell; `percent` is whether its number format shows a percentage.
pub fn cell_text(value: &DataRef<'_>, percent: bool) -> String {
    match value {
        DataRef::Empty => String::new(),
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_string(),
        DataRef::Int(i) => number(Decimal::from(*i), percent),
        DataRef::Float(f) => match float_decimal(*f) {
            Some(d) => number(d, percent),
            // Beyond what a Decimal holds: the parser says it is too large.
            None => f.to_string(),
        },
        DataRef::Bool(b) => b.to_string(),
        DataRef::DateTime(dt) => date_text(dt),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::Error(e) => e.to_string(),
    }
}

/// An f64 as the exact decimal Excel shows: shortest round-trip text, then 15 significant digits.
pub fn float_decimal(f: f64) -> Option<Decimal> {
    // Rust prints an f64 as the shortest text that reads back to the same
    // f64, in plain digits (never an exponent).
    let exact = Decimal::from_str(&f.to_string()).ok()?;
    exact.round_sf_with_strategy(EXCEL_DIGITS, RoundingStrategy::MidpointAwayFromZero)
}

fn number(d: Decimal, percent: bool) -> String {
    if percent {
        if let Some(scaled) = d.checked_mul(Decimal::ONE_HUNDRED) {
            return format!("{}%", format_decimal(scaled));
        }
    }
    format_decimal(d)
}

/// ISO 8601 for dates and date-times; `hh:mm:ss` for times of day and durations.
fn date_text(dt: &ExcelDateTime) -> String {
    if dt.is_duration() {
        let seconds = (dt.as_f64() * 86_400.0).round();
        // A duration beyond i64 seconds is not a real duration; show the raw days.
        if !(0.0..9.2e18).contains(&seconds) {
            return dt.as_f64().to_string();
        }
        let s = seconds as i64;
        return format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
    }
    let (year, month, day, hour, minute, second, _) = dt.to_ymd_hms_milli();
    let time = format!("{hour:02}:{minute:02}:{second:02}");
    if dt.as_f64() < 1.0 {
        time // a time of day with no date
    } else if (hour, minute, second) == (0, 0, 0) {
        format!("{year:04}-{month:02}-{day:02}")
    } else {
        format!("{year:04}-{month:02}-{day:02}T{time}")
    }
}

/// Whether a number format code shows a percentage: a `%` in its first
/// section (the one for positive numbers), outside quotes, `[…]` and `\` escapes.
pub fn is_percent_format(code: &str) -> bool {
    let mut chars = code.chars();
    let mut quoted = false;
    let mut bracket = false;
    while let Some(c) = chars.next() {
        match c {
            '"' => quoted = !quoted,
            _ if quoted => {}
            '\\' => {
                chars.next();
            }
            '[' => bracket = true,
            ']' => bracket = false,
            _ if bracket => {}
            ';' => return false,
            '%' => return true,
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{CellErrorType, ExcelDateTimeType};

    fn float(f: f64, percent: bool) -> String {
        cell_text(&DataRef::Float(f), percent)
    }

    #[test]
    fn floats_read_as_typed() {
        let cases = [
            (0.98, "0.98"),
            (0.1, "0.1"),
            (1200.5, "1200.5"),
            (3.0, "3"),
            (-0.0, "0"),
            (13812345678.0, "13812345678"),
            (123456789012345.0, "123456789012345"),
        ];
        for (f, want) in cases {
            assert_eq!(float(f, false), want, "{f}");
        }
    }

    #[test]
    fn formula_noise_past_fifteen_digits_is_dropped() {
        assert_eq!(float(0.1 + 0.2, false), "0.3");
        assert_eq!(float(1200.1 + 300.2, false), "1500.3");
        // 49/50 and 2/3, as a rate formula gives them.
        assert_eq!(float(49.0 / 50.0, false), "0.98");
        assert_eq!(float(2.0 / 3.0, false), "0.666666666666667");
    }

    #[test]
    fn percent_formatted_cells_read_as_shown() {
        assert_eq!(float(0.98, true), "98%");
        assert_eq!(float(0.955, true), "95.5%");
        assert_eq!(float(0.07, true), "7%", "no 7.000000000000001%");
        assert_eq!(float(1.2, true), "120%");
        assert_eq!(cell_text(&DataRef::Int(1), true), "100%");
    }

    #[test]
    fn numbers_too_large_for_a_decimal_are_passed_on_for_the_parser_to_refuse() {
        let text = float(1e30, false);
        assert!(
            text.starts_with("1000000000000000000000000000000"),
            "{text}"
        );
    }

    #[test]
    fn dates_times_and_durations_are_iso_text() {
        let date =
            |v: f64, t| cell_text(&DataRef::DateTime(ExcelDateTime::new(v, t, false)), false);
        // 46300 is 2026-10-05 in Excel's 1900 date system (46023 is 2026-01-01).
        assert_eq!(date(46300.0, ExcelDateTimeType::DateTime), "2026-10-05");
        assert_eq!(
            date(46300.5, ExcelDateTimeType::DateTime),
            "2026-10-05T12:00:00"
        );
        assert_eq!(date(0.25, ExcelDateTimeType::DateTime), "06:00:00");
        assert_eq!(
            date(1.5208333333333333, ExcelDateTimeType::TimeDelta),
            "36:30:00"
        );
    }

    #[test]
    fn booleans_errors_and_text() {
        assert_eq!(cell_text(&DataRef::Bool(true), false), "true");
        assert_eq!(
            cell_text(&DataRef::Error(CellErrorType::Div0), false),
            "#DIV/0!"
        );
        assert_eq!(cell_text(&DataRef::SharedString("是"), false), "是");
        assert_eq!(cell_text(&DataRef::Empty, true), "");
    }

    #[test]
    fn percent_formats_are_told_from_others() {
        for code in ["0%", "0.00%", "0.0%;[Red]-0.0%", "#,##0.0%", "[Blue]0%"] {
            assert!(is_percent_format(code), "{code}");
        }
        for code in [
            "General",
            "0.00",
            "\"%\"0",
            "0\\%",
            "[$%-409]0",
            "0;0%",
            "yyyy-mm-dd",
            "@",
        ] {
            assert!(!is_percent_format(code), "{code}");
        }
    }
}
