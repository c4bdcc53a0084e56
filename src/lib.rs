//! scorecard: a rules language and evaluator for employee performance
//! scorecards and pay formulas.
//!
//! The stages, each its own module, and the data that flows between them:
//!
//! ```text
//! card text ──syntax::parse──▶ ast::Card ──check::check──▶ CheckedCard
//! data file ──data::read────▶ Row ─────────────┐               │
//!                                              ▼               ▼
//!                                   eval::evaluate(&CheckedCard, &Row) ──▶ ScoreResult
//!                                                                             │
//!                                                           report::* ◀──────┘
//! ```
#![forbid(unsafe_code)]

pub mod check;
pub mod data;
pub mod diagnostic;
pub mod eval;
pub mod report;
pub mod source;
pub mod syntax;
pub mod value;
