//! A row that could not be scored, and why.

use crate::hooks::{HookError, HookErrorKind};
use crate::source::Span;

/// Evaluation failed for one row: a division by zero, a missing optional
/// value read by a formula, a number too large. The rest of the run goes on.
///
/// What went wrong is its [`kind`](EvalError::kind); the sentence the user
/// reads (from the catalogue, in the reader's language) is its `Display`.
///
/// One pointer wide, so a `Result<_, EvalError>` is hardly larger than its
/// value: the evaluator's recursion keeps one in every frame.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .0.message)]
pub struct EvalError(Box<Inner>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Inner {
    kind: EvalErrorKind,
    message: String,
    span: Option<Span>,
}

/// What went wrong scoring a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum EvalErrorKind {
    /// A number grew too large to compute exactly (a sum, a product, a count).
    Overflow,
    /// A division by zero, or raters' weights that add up to 0.
    DivisionByZero,
    /// A value the rule needs was left blank: an optional input a formula
    /// reads, a count, every rater's rating, a rate the data must give.
    MissingInput,
    /// A hook failed, or gave back what the card does not declare.
    HookFailed(HookErrorKind),
    /// No row of a tier table applies to the value.
    NoTier,
    /// `clamp` got a low bound above its high bound.
    BadBounds,
    /// A rank or grade limit compares rows within a store, brand or region
    /// the row does not give.
    NoGroup,
    /// Something known only when the rows are scored together or read from
    /// data (a rank, `days_in_period()`), asked of a row scored alone.
    NotKnownAlone,
    /// A value of another kind than the rule reads (the checker rules it out).
    WrongType,
}

impl EvalError {
    /// An error of `kind` for the whole row, told to the user as `message`.
    // Kept out of line: errors are rare, and the hot path stays small.
    /// An error at `span` in the card, with its sentence.
    #[cold]
    #[inline(never)]
    pub fn new(kind: EvalErrorKind, message: impl Into<String>) -> Self {
        EvalError(Box::new(Inner {
            kind,
            message: message.into(),
            span: None,
        }))
    }

    /// An error of `kind` at `span` in the card.
    #[cold]
    #[inline(never)]
    pub fn at(span: Span, kind: EvalErrorKind, message: impl Into<String>) -> Self {
        EvalError(Box::new(Inner {
            kind,
            message: message.into(),
            span: Some(span),
        }))
    }

    /// A hook's failure, at the call in the card.
    #[cold]
    #[inline(never)]
    pub fn hook(span: Span, error: HookError) -> Self {
        EvalError::at(
            span,
            EvalErrorKind::HookFailed(error.kind()),
            error.to_string(),
        )
    }

    /// What went wrong.
    pub fn kind(&self) -> EvalErrorKind {
        self.0.kind
    }

    /// The sentence the user reads (the same as `Display`).
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// Where in the card the failing rule is, when one rule failed.
    pub fn span(&self) -> Option<Span> {
        self.0.span
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_is_one_pointer_wide() {
        assert_eq!(
            std::mem::size_of::<EvalError>(),
            std::mem::size_of::<usize>()
        );
    }
}
