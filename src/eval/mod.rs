//! Evaluate one row against a checked card.
//!
//! WIP.

pub mod result;

pub use result::ScoreResult;
