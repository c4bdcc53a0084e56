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
//!
//! Hook scripts (`hooks`) are read and compiled by `check`, once; evaluation
//! calls them per row.
#![forbid(unsafe_code)]

pub mod check;
pub mod data;
pub mod diagnostic;
pub mod eval;
pub mod hooks;
pub mod link;
pub mod report;
pub mod source;
pub mod syntax;
pub mod template;
pub mod value;

pub use check::{Checked, CheckedCard};
pub use diagnostic::{Diagnostic, Diagnostics};
pub use eval::{evaluate, EvalError, ScoreResult};
pub use source::SourceFile;

use std::path::Path;
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
///
/// A card that imports hooks (`hooks "x.rhai" { … }`) needs its folder: use
/// [`load`], or [`compile_with`] and a [`hooks::HookFiles`].
pub fn compile(source: &Arc<SourceFile>) -> Result<Checked, Diagnostics> {
    compile_with(source, &hooks::NoHookFiles)
}

/// Parses and checks a card, reading and compiling its hook files from `files`.
pub fn compile_with(
    source: &Arc<SourceFile>,
    files: &dyn hooks::HookFiles,
) -> Result<Checked, Diagnostics> {
    let card = syntax::parse(source)?;
    check::check_with(source, &card, files)
}

/// Reads the card at `path` and the hook files beside it, and checks it.
/// The card is named in diagnostics as `path` is written.
pub fn load(path: &Path) -> Result<Checked, Diagnostics> {
    let name = path.to_string_lossy().replace('\\', "/");
    let text = std::fs::read(path)
        .map_err(|e| format!("cannot read `{name}`: {e}"))
        .and_then(|bytes| {
            String::from_utf8(bytes)
                .map_err(|_| format!("`{name}` is not UTF-8 text; save it as UTF-8"))
        })
        .map_err(|message| {
            Diagnostics(vec![Diagnostic::error(
                diagnostic::Code::Unreadable,
                message,
            )])
        })?;
    let source = SourceFile::new(name, text);
    compile_with(&source, &hooks::HookDir::beside(path))
}
