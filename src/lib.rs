//! scorecard: a rules language and evaluator for employee performance
//! scorecards and pay formulas.
//!
//! The stages, each its own module, and the data that flows between them:
//!
//! ```text
//! card text ──syntax::parse──▶ ast::Card ──resolve──▶ ast::Card ──check::check──▶ CheckedCard
//!                              (extends "…")      (bases applied)
//! data file ──data::read────▶ Row ──(period::roll_up: monthly Rows → one per period)
//!                                              │               │
//!                                              ▼               ▼
//!                                   eval::evaluate(&CheckedCard, &Row) ──▶ ScoreResult
//!                                   eval::rank: ranks, rank readers, grade limits ─┤
//!                                   (eval::evaluate_all runs both)                 │
//!                                                           report::* ◀───────────┘
//! ```
//!
//! Hook scripts (`hooks`) are read and compiled by `check`, once; evaluation
//! calls them per row.
//!
//! `stream::score_csv` runs reading, the row stage (numbers only, through
//! `eval::evaluate_scores`) and the CSV report together, batch by batch on
//! every core, for a card whose rows score one by one.
#![forbid(unsafe_code)]

pub mod cases;
pub mod check;
pub mod data;
pub mod diagnostic;
pub mod diff;
pub mod eval;
pub mod hooks;
pub mod i18n;
pub mod link;
pub mod manifest;
pub mod period;
pub mod report;
pub mod resolve;
pub mod run;
pub mod source;
pub mod stream;
pub mod suggest;
pub mod syntax;
pub mod template;
pub mod value;
pub mod version;

pub use check::{Checked, CheckedCard};
pub use diagnostic::{Diagnostic, Diagnostics};
pub use eval::{evaluate, EvalError, ScoreResult};
pub use resolve::{FileLoader, Loader};
pub use source::SourceFile;

use std::path::Path;
use std::sync::Arc;

/// Parses and checks one card's text: the usual way in for programs and tests.
/// A card that `extends` another needs its base found: use [`compile_file`]
/// or [`compile_with`].
///
/// ```no_run
/// let source = scorecard::SourceFile::new("a.card", std::fs::read_to_string("a.card").unwrap());
/// match scorecard::compile(&source) {
///     Ok(checked) => println!("{} inputs", checked.card.inputs.len()),
///     Err(diagnostics) => eprintln!("{} problems", diagnostics.0.len()),
/// }
/// ```
///
/// A card that imports hooks (`hooks "x.rhai" { … }`) needs its folder: use
/// [`load`], or [`compile_with`] and a [`hooks::HookFiles`].
pub fn compile(source: &Arc<SourceFile>) -> Result<Checked, Diagnostics> {
    compile_with(source, &resolve::NoLoader, &hooks::NoHookFiles)
}

/// Parses a card, finds every card it extends with `loader`, applies the
/// overrides, reads its hook scripts from `hooks`, and checks the result as a whole.
pub fn compile_with(
    source: &Arc<SourceFile>,
    loader: &dyn Loader,
    hooks: &dyn hooks::HookFiles,
) -> Result<Checked, Diagnostics> {
    let resolved = resolve::resolve(source, loader)?;
    resolve::check_with(&resolved, hooks)
}

/// Reads a card file (the files it extends, relative to it, and the hook
/// scripts beside it) and checks it.
///
/// ```no_run
/// let checked = scorecard::compile_file("rules/brands/君威/callback_specialist.card");
/// ```
pub fn compile_file(path: impl AsRef<Path>) -> Result<Checked, Diagnostics> {
    let path = path.as_ref();
    let loader = FileLoader::new();
    let source = loader.open(path).map_err(|why| {
        Diagnostics(vec![diagnostic::Diagnostic::error(
            diagnostic::Code::MissingCard,
            why,
        )])
    })?;
    compile_with(&source, &loader, &hooks::HookDir::beside(path))
}

/// The same as [`compile_file`].
pub fn load(path: &Path) -> Result<Checked, Diagnostics> {
    compile_file(path)
}
