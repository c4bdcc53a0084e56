//! The integration tests: one binary, one module per kind of scenario.
//! Scenarios are files under `tests/cards/` and `tests/data/`; each gets its
//! own snapshot under `tests/scorecard/snapshots/`.

mod cases;
mod check;
mod cli;
mod common;
mod diff;
mod fmt;
mod fmt_property;
mod scenarios;
mod versions;
