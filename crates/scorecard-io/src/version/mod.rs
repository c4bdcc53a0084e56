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

mod select;

pub use scorecard_core::days::{parse_period, period_help, Days, PERIOD_HEADERS};
pub use scorecard_core::stamp::{content_hash, ContentHash, Effective, HookSource, Stamp};
pub use select::{Split, VersionError, VersionErrorKind, Versions};

#[cfg(test)]
mod tests;
