//! Versions of a card: which version produced a result, and which version is
//! in force for a row's period.
//!
//! A card may declare `version "2026.1"` and `effective 2026-01-01..2026-06-30`.
//! Checking a card gives it a [`Stamp`]: the version, the dates, and a
//! [`ContentHash`] of the card as resolved (its canonical printed text, so
//! layout and comments do not count, plus its hook files once hooks land).
//! Every [`ScoreResult`](crate::ScoreResult) carries its card's stamp, so a
//! published result names the exact card that produced it, and the same card
//! reproduces it byte for byte.
//!
//! Several versions of one card are a [`Versions`] set; each data row names
//! its period (a `期间`/`period` column: `2026-03`, `2026-Q1`, `2026`, a day),
//! and the one version in force for the whole period scores it.

mod hash;
mod period;
mod select;

pub use hash::{content_hash, ContentHash, HookSource};
pub use period::{parse_period, period_help, Period, PERIOD_HEADERS};
pub use select::{Split, Versions};

use crate::source::Span;
use chrono::NaiveDate;
use std::fmt;

/// What identifies the card a result came from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Stamp {
    /// The card's name (`回访专员`).
    pub card: String,
    /// `version "2026.1"`, if declared.
    pub version: Option<String>,
    /// `effective …`, if declared.
    pub effective: Option<Effective>,
    pub hash: ContentHash,
}

impl Stamp {
    /// `version 2026.1 · sha256:1a2b3c4d5e6f`, or just the hash.
    pub fn describe(&self) -> String {
        match &self.version {
            Some(v) => format!(
                "{} · {}",
                crate::t!("run-version-tag", version = v),
                self.hash.short()
            ),
            None => self.hash.short(),
        }
    }
}

/// The days a version is in force, both ends included; no end means "until further notice".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Effective {
    pub from: NaiveDate,
    pub until: Option<NaiveDate>,
    /// Where the card declares it.
    pub span: Span,
}

impl Effective {
    /// Whether every day of `period` falls in this range.
    pub fn covers(&self, period: &Period) -> bool {
        self.from <= period.first && self.until.is_none_or(|u| period.last <= u)
    }

    /// Whether some day of `period` falls in this range.
    pub fn touches(&self, period: &Period) -> bool {
        self.from <= period.last && self.until.is_none_or(|u| period.first <= u)
    }

    /// Whether the two ranges share a day.
    pub fn overlaps(&self, other: &Effective) -> bool {
        let ends_before = |a: &Effective, b: &Effective| a.until.is_some_and(|u| u < b.from);
        !ends_before(self, other) && !ends_before(other, self)
    }
}

impl fmt::Display for Effective {
    /// `2026-01-01..2026-06-30`, `2026-07-01..`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..", self.from)?;
        match self.until {
            Some(until) => write!(f, "{until}"),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests;
