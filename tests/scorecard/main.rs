//! The integration tests: one binary, one module per kind of scenario.
//! Scenarios are files under `tests/cards/` and `tests/data/`; each gets its
//! own snapshot under `tests/scorecard/snapshots/`.

mod assumptions;
mod bad_input;
mod big_card;
mod cases;
mod check;
mod cli;
mod cli_excel;
mod common;
mod compose;
mod diff;
mod excel;
mod explain;
mod fmt;
mod fmt_property;
mod html_report;
mod impossible_data;
mod lang;
mod layering;
mod lsp;
mod money;
mod month;
mod office_files;
mod properties;
mod scenarios;
mod serve;
mod stream;
mod stream_groups;
mod versions;

/// What the benchmarks generate (S1 rows, a large card), shared with the tests.
#[path = "../../benches/support/mod.rs"]
mod support;
