//! What identifies the card a result came from: its name, its declared
//! `version` and `effective` dates, and a [`ContentHash`] of the card as
//! resolved (its canonical printed text plus its hook files).

mod hash;

pub use hash::{content_hash, ContentHash, HookSource};

use crate::days::Days;
use crate::source::Span;
use chrono::NaiveDate;
use std::fmt;

/// What identifies the card a result came from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Stamp {
    /// The card's name (`回访专员`).
    pub card: String,
    /// `version "2026.1"`, if declared.
    pub version: Option<String>,
    /// `effective …`, if declared.
    pub effective: Option<Effective>,
    /// The SHA-256 of the card in canonical layout and its hook scripts: changes when any rule changes, not when a comment does.
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
    /// The first day in force.
    pub from: NaiveDate,
    /// The last day in force; `None`: until further notice.
    pub until: Option<NaiveDate>,
    /// Where the card declares it.
    pub span: Span,
}

impl Effective {
    /// Whether every day of `period` falls in this range.
    pub fn covers(&self, period: &Days) -> bool {
        self.from <= period.first && self.until.is_none_or(|u| period.last <= u)
    }

    /// Whether some day of `period` falls in this range.
    pub fn touches(&self, period: &Days) -> bool {
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
