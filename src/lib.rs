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

pub mod cases;
pub mod check;
pub mod data;
pub mod diagnostic;
pub mod diff;
pub mod eval;
pub mod report;
pub mod source;
pub mod syntax;
pub mod value;
pub mod version;

pub use check::{Checked, CheckedCard};
pub use diagnostic::{Diagnostic, Diagnostics};
pub use eval::{evaluate, EvalError, ScoreResult};
pub use source::SourceFile;

use std::sync::Arc;

/// Parses and checks one card's text: the usual way in for programs and tests.
///
/// ```no_run
/// let source = scorecard::SourceFile::new("a.card", std::fs::read_to_string("a.card").unwrap());
/// match scorecard::compile(&source) {
///     Ok(checked) => println!("{} inputs", checked.card.inputs.len()),
///     Err(diagnostics) => eprintln!("{} problems", diagnostics.0.len()),
/// }
/// ```
pub fn compile(source: &Arc<SourceFile>) -> Result<Checked, Diagnostics> {
    let card = syntax::parse(source)?;
    check::check(source, &card)
}
