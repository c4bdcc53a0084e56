//! Months, quarters, half-years and years: what a `月份` column holds and
//! what a card's `period` rolls months up to.

use std::fmt;

/// The length of a card's period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PeriodKind {
    /// A calendar month (`monthly`), the usual length of a data row.
    Month,
    /// Three months (`quarterly`).
    Quarter,
    /// Six months (`half-yearly`).
    HalfYear,
    /// Twelve months (`yearly`).
    Year,
}

impl PeriodKind {
    /// The kind a card's `period` word names (`monthly`, `quarterly`, `half-yearly`, `yearly`).
    pub fn from_card(word: &str) -> Option<PeriodKind> {
        Some(match word {
            "monthly" => PeriodKind::Month,
            "quarterly" => PeriodKind::Quarter,
            "half-yearly" => PeriodKind::HalfYear,
            "yearly" => PeriodKind::Year,
            _ => return None,
        })
    }

    /// How many months one period of this kind covers.
    pub fn months(self) -> u32 {
        match self {
            PeriodKind::Month => 1,
            PeriodKind::Quarter => 3,
            PeriodKind::HalfYear => 6,
            PeriodKind::Year => 12,
        }
    }

    /// The most days a period of this kind can have: a month 31, a quarter
    /// 92, a half-year 184, a year 366.
    pub fn most_days(self) -> u32 {
        match self {
            PeriodKind::Month => 31,
            PeriodKind::Quarter => 92,
            PeriodKind::HalfYear => 184,
            PeriodKind::Year => 366,
        }
    }

    /// `month`, `quarter` … (月, 季度 …) in the reader's language.
    pub fn noun(self) -> String {
        match self {
            PeriodKind::Month => crate::t!("period-month"),
            PeriodKind::Quarter => crate::t!("period-quarter"),
            PeriodKind::HalfYear => crate::t!("period-half-year"),
            PeriodKind::Year => crate::t!("period-year"),
        }
    }
}

/// One month, quarter, half-year or year. `index` counts from 1 within the
/// year (October is month 10, quarter 4, half 2; a year's index is 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    /// The calendar year, `2026`.
    pub year: u16,
    /// Month, quarter, half-year or year.
    pub kind: PeriodKind,
    /// Which one within the year, from 1.
    pub index: u8,
}

impl PartialOrd for PeriodKind {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PeriodKind {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.months().cmp(&other.months())
    }
}

impl Period {
    /// A month: `month(2026, 10)` is October 2026.
    pub fn month(year: u16, month: u8) -> Period {
        Period {
            year,
            kind: PeriodKind::Month,
            index: month,
        }
    }

    /// How many days the period has (2028-02 has 29, 2026-Q1 has 90).
    pub fn days(self) -> u32 {
        let per = self.kind.months();
        let first = (u32::from(self.index) - 1) * per + 1;
        (first..first + per)
            .map(|month| days_in_month(i32::from(self.year), month))
            .sum()
    }

    /// The period of `kind` this month falls in (`2026-10` is in `2026-Q4`);
    /// `None` if `self` is not a month.
    pub fn containing(self, kind: PeriodKind) -> Option<Period> {
        if self.kind != PeriodKind::Month {
            return None;
        }
        let per = kind.months() as u8;
        Some(Period {
            year: self.year,
            kind,
            index: (self.index - 1) / per + 1,
        })
    }

    /// Reads `2026-10`, `2026-1`, `2026/10`, `2026.10`, `202610`, `2026年10月`,
    /// `2026-Q4`, `2026-H2`, `2026` or `2026年`; a day (`2026-10-05`,
    /// `20261005`, `2026年10月5日`, `2026-10-05T08:30:00`) is its month.
    /// Full-width digits are read too.
    pub fn parse(text: &str) -> Result<Period, PeriodError> {
        let ascii: String = text
            .trim()
            .chars()
            .map(|c| match c {
                '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                'Ｑ' | 'ｑ' => 'Q',
                'Ｈ' | 'ｈ' => 'H',
                '－' | '／' | '．' => '-',
                c => c,
            })
            .collect();
        parse_ascii(&ascii).ok_or_else(|| {
            PeriodError::new(
                text.trim(),
                crate::t!("period-not-a-month", text = text.trim()),
            )
        })
    }
}

/// A text that is not a period in any of the forms read (a month, quarter,
/// half-year, year or day): [`Period::parse`] and
/// [`parse_period`](crate::days::parse_period). Its `Display` is the
/// sentence the user reads.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct PeriodError {
    text: String,
    message: String,
}

impl PeriodError {
    /// `text` (trimmed, as written) is not a period; `message` says so.
    #[cold]
    pub fn new(text: impl Into<String>, message: impl Into<String>) -> PeriodError {
        PeriodError {
            text: text.into(),
            message: message.into(),
        }
    }

    /// The text that was read, trimmed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The sentence the user reads (the same as `Display`).
    pub fn message(&self) -> &str {
        &self.message
    }
}

fn parse_ascii(text: &str) -> Option<Period> {
    let text = text.strip_suffix('月').unwrap_or(text);
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    let year_of = |s: &str| -> Option<u16> {
        let year: u16 = (s.len() == 4 && digits(s)).then(|| s.parse().ok())??;
        (1900..=2999).contains(&year).then_some(year)
    };
    let numbered = |year: u16, kind: PeriodKind, s: &str| -> Option<Period> {
        let index: u8 = digits(s).then(|| s.parse().ok())??;
        let count = 12 / kind.months() as u8;
        (1..=count)
            .contains(&index)
            .then_some(Period { year, kind, index })
    };
    if let Some(year) = text.strip_suffix('年').and_then(year_of) {
        return Some(Period {
            year,
            kind: PeriodKind::Year,
            index: 1,
        });
    }
    if let Some(year) = year_of(text) {
        return Some(Period {
            year,
            kind: PeriodKind::Year,
            index: 1,
        });
    }
    // `202610`. Six bytes may be two Chinese characters (`马丁`), which
    // cannot be cut at byte 4: only ASCII text is sliced.
    if text.len() == 6 && text.is_ascii() && digits(&text[..4]) && digits(&text[4..]) {
        return numbered(year_of(&text[..4])?, PeriodKind::Month, &text[4..]);
    }
    // `20261005`, a day.
    if text.len() == 8 && text.bytes().all(|b| b.is_ascii_digit()) {
        return parse_ascii(&format!("{}-{}-{}", &text[..4], &text[4..6], &text[6..]));
    }
    let (year, rest) = text.split_at_checked(4)?;
    let year = year_of(year)?;
    let rest = rest
        .strip_prefix(['-', '/', '.', '年'])
        .unwrap_or(rest)
        .trim_start();
    if let Some(q) = rest.strip_prefix('Q').or_else(|| rest.strip_prefix('q')) {
        return numbered(year, PeriodKind::Quarter, q);
    }
    if let Some(h) = rest.strip_prefix('H').or_else(|| rest.strip_prefix('h')) {
        return numbered(year, PeriodKind::HalfYear, h);
    }
    // A day (`2026-03-15`, `2026年3月15日`, a workbook's date cell, with or
    // without a time) is a row of its month.
    if let Some((month, day)) = rest.split_once(['-', '/', '.', '月']) {
        let day = day.strip_suffix('日').unwrap_or(day);
        let day = day.split_once(['T', ' ']).map_or(day, |(day, _)| day);
        let month = numbered(year, PeriodKind::Month, month)?;
        let day: u32 = digits(day).then(|| day.parse().ok())??;
        chrono::NaiveDate::from_ymd_opt(year.into(), month.index.into(), day)?;
        return Some(month);
    }
    numbered(year, PeriodKind::Month, rest)
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            PeriodKind::Month => write!(f, "{}-{:02}", self.year, self.index),
            PeriodKind::Quarter => write!(f, "{}-Q{}", self.year, self.index),
            PeriodKind::HalfYear => write!(f, "{}-H{}", self.year, self.index),
            PeriodKind::Year => write!(f, "{}", self.year),
        }
    }
}

impl serde::Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The days of `month` (1–12) of `year`, by the Gregorian calendar.
fn days_in_month(year: i32, month: u32) -> u32 {
    let next = match month {
        12 => chrono::NaiveDate::from_ymd_opt(year + 1, 1, 1),
        _ => chrono::NaiveDate::from_ymd_opt(year, month + 1, 1),
    };
    let first = chrono::NaiveDate::from_ymd_opt(year, month, 1);
    match (first, next) {
        (Some(first), Some(next)) => (next - first).num_days() as u32,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> String {
        match Period::parse(text) {
            Ok(p) => p.to_string(),
            Err(e) => format!("error: {e}"),
        }
    }

    #[test]
    fn months_are_read_in_the_ways_hr_writes_them() {
        for text in [
            "2026-10",
            "2026-10 ",
            "2026/10",
            "2026.10",
            "202610",
            "2026年10月",
            "２０２６－１０",
        ] {
            assert_eq!(shown(text), "2026-10", "{text}");
        }
        assert_eq!(shown("2026-1"), "2026-01");
        assert_eq!(shown("2026年3月"), "2026-03");
    }

    #[test]
    fn a_period_knows_its_days() {
        let days = |text: &str| Period::parse(text).map(Period::days).unwrap_or(0);
        assert_eq!(days("2026-01"), 31);
        assert_eq!(days("2026-02"), 28);
        assert_eq!(days("2028-02"), 29);
        assert_eq!(days("2100-02"), 28);
        assert_eq!(days("2026-04"), 30);
        assert_eq!(days("2026-Q1"), 90);
        assert_eq!(days("2028-Q1"), 91);
        assert_eq!(days("2026-Q4"), 92);
        assert_eq!(days("2026-H2"), 184);
        assert_eq!(days("2026"), 365);
        assert_eq!(days("2028"), 366);
        for kind in [
            PeriodKind::Month,
            PeriodKind::Quarter,
            PeriodKind::HalfYear,
            PeriodKind::Year,
        ] {
            let most = (2024..2030)
                .flat_map(|year| {
                    (1..=12 / kind.months()).map(move |index| Period {
                        year,
                        kind,
                        index: index as u8,
                    })
                })
                .map(Period::days)
                .max();
            assert_eq!(most, Some(kind.most_days()), "{kind:?}");
        }
    }

    #[test]
    fn quarters_halves_and_years_are_read_too() {
        assert_eq!(shown("2026-Q4"), "2026-Q4");
        assert_eq!(shown("2026Q1"), "2026-Q1");
        assert_eq!(shown("2026-H2"), "2026-H2");
        assert_eq!(shown("2026"), "2026");
        assert_eq!(shown("2026年"), "2026");
    }

    #[test]
    fn a_day_is_its_month() {
        for text in [
            "2026-10-05",
            "2026/10/5",
            "20261005",
            "2026年10月5日",
            "2026-10-05T08:30:00",
            "２０２６－１０－０５",
        ] {
            assert_eq!(shown(text), "2026-10", "{text}");
        }
    }

    #[test]
    fn impossible_months_are_refused() {
        for text in [
            "2026-13",
            "2026-0",
            "2026-Q5",
            "2026-H3",
            "26-10",
            "十月",
            "",
            "2026-02-30",
            "2026-10-5x",
            "20261032",
        ] {
            assert!(
                shown(text).starts_with("error"),
                "{text} gave {}",
                shown(text)
            );
        }
    }

    #[test]
    fn a_month_lies_in_one_quarter_half_and_year() {
        let october = Period::month(2026, 10);
        let of = |kind| october.containing(kind).unwrap().to_string();
        assert_eq!(of(PeriodKind::Quarter), "2026-Q4");
        assert_eq!(of(PeriodKind::HalfYear), "2026-H2");
        assert_eq!(of(PeriodKind::Year), "2026");
        assert_eq!(of(PeriodKind::Month), "2026-10");
        let march = Period::month(2026, 3);
        assert_eq!(
            march.containing(PeriodKind::Quarter).unwrap().to_string(),
            "2026-Q1"
        );
        let quarter = october.containing(PeriodKind::Quarter).unwrap();
        assert_eq!(quarter.containing(PeriodKind::Year), None);
    }
}
