//! Why a hook call gave no value (in every build: evaluation names it).

/// Why a hook call gave no value: what went wrong ([`HookErrorKind`]) and
/// the sentence, naming the hook, the user reads (its `Display`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct HookError {
    kind: HookErrorKind,
    message: String,
}

/// What went wrong calling a hook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum HookErrorKind {
    /// An argument was a blank cell.
    GivenBlank,
    /// It returned a value of another kind than the card declares.
    WrongResult,
    /// It ran longer than the time allowed.
    TooLong,
    /// It took more steps than allowed.
    TooManySteps,
    /// Its calls nested too deep.
    TooDeep,
    /// It built a text, list or map larger than allowed.
    DataTooLarge,
    /// It declared more variables than allowed.
    TooManyVariables,
    /// It calls a function that does not exist.
    CallsMissing,
    /// It stopped itself with `throw`.
    Stopped,
    /// Its arithmetic failed (division by zero, an overflow).
    Arithmetic,
    /// Any other failure of the script.
    Failed,
}

impl HookError {
    #[cold]
    pub(crate) fn new(kind: HookErrorKind, message: String) -> HookError {
        HookError { kind, message }
    }

    /// What went wrong.
    pub fn kind(&self) -> HookErrorKind {
        self.kind
    }

    /// The sentence the user reads (the same as `Display`).
    pub fn message(&self) -> &str {
        &self.message
    }
}
