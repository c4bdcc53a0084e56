//! A row's period, as HR writes it in the data: `2026-03`, `202603`,
//! `2026年3月`, `2026-Q1`, `2026-H2`, `2026`, or a single day `2026-03-31`
//! (`20260331`, `2026-03-31T00:00:00` from a workbook's date cell).

use crate::period::PeriodError;
use chrono::NaiveDate;

/// Headers of the column that holds a row's period (English ones in any case).
pub const PERIOD_HEADERS: [&str; 5] = ["期间", "考核期间", "月份", "period", "month"];

/// The days a row's figures cover, both ends included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Days {
    /// As written in the data, trimmed.
    pub text: String,
    /// The first day covered.
    pub first: NaiveDate,
    /// The last day covered.
    pub last: NaiveDate,
}

/// Reads a period; the error's `Display` is a sentence for the user.
pub fn parse_period(text: &str) -> Result<Days, PeriodError> {
    let trimmed = text.trim();
    let normal: String = trimmed
        .replace(['年', '月', '/', '.'], "-")
        .replace('日', "")
        .to_uppercase();
    let normal = normal.trim_end_matches('-');
    // A date-time (a workbook's date cell) is its day.
    let normal = match normal.split_once(['T', ' ']) {
        Some((day, _)) if day.len() == 10 => day,
        _ => normal,
    };
    // `202603` is a month, `20260315` a day.
    let digits = normal.bytes().all(|b| b.is_ascii_digit());
    let normal = match normal.len() {
        6 if digits => format!("{}-{}", &normal[..4], &normal[4..]),
        8 if digits => format!("{}-{}-{}", &normal[..4], &normal[4..6], &normal[6..]),
        _ => normal.to_string(),
    };
    // `2026Q1` and `2026H1` need no dash.
    let normal = match normal.find(['Q', 'H']) {
        Some(4) => format!("{}-{}", &normal[..4], &normal[4..]),
        _ => normal.to_string(),
    };
    let range = match normal.split('-').collect::<Vec<_>>().as_slice() {
        [year] => year_of(year).map(|y| (ymd(y, 1, 1), ymd(y, 12, 31))),
        [year, part] => year_of(year).and_then(|y| part_of_year(y, part)),
        [year, month, day] => year_of(year).and_then(|y| {
            let day = NaiveDate::from_ymd_opt(y, number(month)?, number(day)?)?;
            Some((Some(day), Some(day)))
        }),
        _ => None,
    };
    match range {
        Some((Some(first), Some(last))) => Ok(Days {
            text: trimmed.to_string(),
            first,
            last,
        }),
        _ => Err(PeriodError::new(
            trimmed,
            crate::t!("version-not-a-period", text = trimmed),
        )),
    }
}

/// What a period cell may look like, for help texts.
pub fn period_help() -> String {
    crate::t!("version-period-help")
}

fn year_of(text: &str) -> Option<i32> {
    (text.len() == 4).then_some(())?;
    text.parse().ok()
}

fn number(text: &str) -> Option<u32> {
    (!text.is_empty() && text.len() <= 2 && text.chars().all(|c| c.is_ascii_digit()))
        .then(|| text.parse().ok())?
}

fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

/// A month (`03`), quarter (`Q1`) or half year (`H2`) of `year`.
fn part_of_year(year: i32, part: &str) -> Option<(Option<NaiveDate>, Option<NaiveDate>)> {
    let (first_month, months) = if let Some(q) = part.strip_prefix('Q') {
        let q = number(q).filter(|q| (1..=4).contains(q))?;
        (3 * q - 2, 3)
    } else if let Some(h) = part.strip_prefix('H') {
        let h = number(h).filter(|h| (1..=2).contains(h))?;
        (6 * h - 5, 6)
    } else {
        (number(part).filter(|m| (1..=12).contains(m))?, 1)
    };
    let first = ymd(year, first_month, 1)?;
    let last_month = first_month + months - 1;
    let last = match last_month {
        12 => ymd(year, 12, 31),
        m => ymd(year, m + 1, 1).and_then(|d| d.pred_opt()),
    };
    Some((Some(first), last))
}
