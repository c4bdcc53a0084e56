//! Card text → typed AST with spans.
//!
//! pest's types stay inside this module: `parser` holds the derived pest
//! parser, `lower` turns its parse tree into [`ast`] nodes, one function per
//! grammar rule, and `error` turns pest's errors into [`Diagnostic`](crate::diagnostic::Diagnostic)s.

pub mod ast;
pub mod comments;
mod error;
pub mod fmt;
mod lower;
pub mod numbers;
pub use lower::{MAX_NAME_CHARS, MAX_NESTING, MAX_TERMS};
mod parser;
pub mod print;

use crate::diagnostic::Diagnostics;
use crate::source::SourceFile;
use std::sync::Arc;

/// Parses one card file. On failure returns at least one `syntax` diagnostic.
pub fn parse(source: &Arc<SourceFile>) -> Result<ast::Card, Diagnostics> {
    let pairs = parser::parse_card(&source.text).map_err(|e| error::from_pest(source, e))?;
    lower::card(source, pairs)
}

#[cfg(test)]
mod tests;
