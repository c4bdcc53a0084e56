//! Hooks: small rhai functions a card imports when the card language cannot
//! say a rule (a progressive commission, a check across two columns).
//!
//! ```text
//! hooks "hooks/pay.rhai" { 增值业务提成(money, money) -> money }
//! ```
//!
//! Everything about rhai lives here, in one place:
//!
//! - `engine`: the one engine configuration: packages, limits, no file,
//!   network, time or randomness, `print`/`debug` captured per call;
//! - `script`: a hook file compiled once, when the card is checked; syntax
//!   errors point into the script;
//! - `call`: one call for one row, values in and out as exact decimals;
//! - `files`: where the checker reads a card's hook files from.
//!
//! A [`HookFn`] is a function the card declared, with the kinds of its
//! arguments and result, bound to its compiled script. The checker checks
//! calls against it; evaluation calls it and records a [`crate::eval::result::HookCall`].

mod call;
mod engine;
mod files;
mod script;

pub use call::{kind_text, Called, HookError, HookErrorKind};
pub use engine::{MAX_ARRAY_SIZE, MAX_CALL_LEVELS, MAX_MAP_SIZE, MAX_OPERATIONS, MAX_STRING_SIZE};
pub use files::{HookFiles, MemoryHookFiles, NoHookFiles};
pub use script::HookScript;

use crate::source::Span;
use crate::value::InputType;

/// A hook function as the card declares it: `增值业务提成(money, money) -> money`.
#[derive(Debug, Clone)]
pub struct HookFn {
    pub name: String,
    pub params: Vec<InputType>,
    pub result: InputType,
    pub script: HookScript,
    /// The declaration in the card.
    pub span: Span,
}

impl HookFn {
    /// `增值业务提成(money, money) -> money`
    pub fn signature(&self) -> String {
        let params: Vec<&str> = self.params.iter().map(|p| p.keyword()).collect();
        format!(
            "{}({}) -> {}",
            self.name,
            params.join(", "),
            self.result.keyword()
        )
    }
}

#[cfg(test)]
mod tests;
