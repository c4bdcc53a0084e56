//! scorecard: a rules language and evaluator for employee performance
//! scorecards and pay formulas.
//!
//! This crate is the command line (`src/cli`) and a facade: the language
//! lives in `scorecard-core` (crates/scorecard-core) and files, reports and
//! the month's run in `scorecard-io` (crates/scorecard-io); their modules are
//! re-exported here under the same names. See ARCHITECTURE.md.
#![forbid(unsafe_code)]

pub use scorecard_io::*;
