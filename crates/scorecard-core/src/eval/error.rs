//! A row that could not be scored, and why.

use crate::source::Span;
use std::fmt;

/// Evaluation failed for one row: a division by zero, a missing optional
/// value read by a formula, a number too large. The rest of the run goes on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvalError {
    /// One plain sentence in the reader's language: what went wrong.
    pub message: String,
    /// Where in the card the failing rule is.
    pub span: Option<Span>,
}

impl EvalError {
    // Kept out of line: errors are rare, and the hot path stays small.
    /// An error at `span` in the card, with its sentence.
    #[cold]
    #[inline(never)]
    pub fn at(span: Span, message: impl Into<String>) -> Self {
        EvalError {
            message: message.into(),
            span: Some(span),
        }
    }
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for EvalError {}
