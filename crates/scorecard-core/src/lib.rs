//! scorecard-core: the rules language of scorecard — a card's text parsed,
//! its bases applied, checked, and one employee's row scored.
//!
//! ```text
//! card text ──syntax::parse──▶ ast::Card ──resolve──▶ Resolved ──check──▶ Checked
//!                              (extends "…" read through a Loader)     (CheckedCard)
//! Row (inputs bound to the card) ──eval::evaluate(&CheckedCard, &Row)──▶ ScoreResult
//! ```
//!
//! The core reads no file itself: a card's bases come through a
//! [`Loader`](resolve::Loader) and its hook scripts through a
//! [`HookFiles`](hooks::HookFiles); reading data files, reports, manifests
//! and the month's run are `scorecard-io`'s.
#![forbid(unsafe_code)]

pub mod cell;
pub mod check;
pub mod days;
pub mod diagnostic;
pub mod eval;
pub mod hooks;
pub mod i18n;
pub mod period;
pub mod resolve;
pub mod row;
pub mod source;
pub mod stamp;
pub mod suggest;
pub mod syntax;
#[cfg(any(test, feature = "testing"))]
#[doc(hidden)]
pub mod testing;
pub mod value;

pub use check::{Checked, CheckedCard};
pub use diagnostic::{Diagnostic, Diagnostics};
pub use eval::{evaluate, EvalError, ScoreResult};
pub use resolve::Loader;
pub use row::{Employee, Row};
pub use source::SourceFile;

use std::sync::Arc;

/// Parses and checks one card's text: the usual way in for programs and tests.
/// A card that `extends` another needs its base found: use [`compile_with`]
/// (or `scorecard_io::compile_file` for a card on disk).
///
/// ```
/// let source = scorecard_core::SourceFile::new("a.card", "scorecard 示例 { total 10 input 完成率 percent section 甲 weight 10 { item 完成 10 { full if 完成率 >= 90% else 0 } } }");
/// match scorecard_core::compile(&source) {
///     Ok(checked) => assert_eq!(checked.card().inputs().len(), 1),
///     Err(diagnostics) => panic!("{} problems", diagnostics.0.len()),
/// }
/// ```
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
