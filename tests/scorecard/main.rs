//! The integration tests: one binary, one module per kind of scenario.
//! Scenarios are files under `tests/cards/` and `tests/data/`; each gets its
//! own snapshot under `tests/scorecard/snapshots/`.

mod bad_input;
mod check;
mod cli;
mod cli_excel;
mod common;
mod compose;
mod excel;
mod properties;
mod scenarios;
