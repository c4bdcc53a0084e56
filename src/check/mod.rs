//! Resolve and validate a card; build its compiled form.
//!
//! WIP.

pub mod model;

pub use model::CheckedCard;
