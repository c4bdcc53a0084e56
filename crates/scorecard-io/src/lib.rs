//! scorecard-io: everything around the core language — data files in,
//! reports out, manifests, card versions, periods rolled up, cases, diff and
//! the month's run planner.
//!
//! ```text
//! data file ──data::read──▶ Row ──(period::roll_up)──▶ eval (core) ──▶ ScoreResult ──▶ report::*
//! rules dir / manifest ──run::plan──▶ which card scores which row ──▶ run::run
//! ```
//!
//! The core's modules are re-exported under the same names, so
//! `scorecard_io::check::CheckedCard` is the core's type.
#![forbid(unsafe_code)]

pub use scorecard_core::{
    cell, check, days, eval, hooks, i18n, resolve, row, source, stamp, suggest, syntax, t, value,
};

pub mod cases;
pub mod confine;
pub mod data;
pub mod diagnostic;
pub mod diff;
pub mod files;
pub mod link;
pub mod manifest;
pub mod parallel;
pub mod period;
pub mod report;
pub mod run;
pub mod stream;
pub mod template;
pub mod version;

#[cfg(test)]
mod core_tests;

pub use check::{Checked, CheckedCard};
pub use diagnostic::{Diagnostic, Diagnostics};
pub use eval::{evaluate, EvalError, ScoreResult};
pub use files::{FileLoader, HookDir};
pub use resolve::Loader;
pub use scorecard_core::{compile, compile_with};
pub use source::SourceFile;

use std::path::Path;

/// Reads a card file (the files it extends, relative to it, and the hook
/// scripts beside it) and checks it.
///
/// ```no_run
/// let checked = scorecard_io::compile_file("rules/brands/君威/callback_specialist.card");
/// ```
pub fn compile_file(path: impl AsRef<Path>) -> Result<Checked, Diagnostics> {
    let path = path.as_ref();
    let loader = FileLoader::new();
    let source = loader.open(path).map_err(|why| {
        Diagnostics(vec![diagnostic::Diagnostic::error(
            diagnostic::Code::MissingCard,
            why.to_string(),
        )])
    })?;
    compile_with(&source, &loader, &HookDir::beside(path))
}

/// The same as [`compile_file`].
pub fn load(path: &Path) -> Result<Checked, Diagnostics> {
    compile_file(path)
}
