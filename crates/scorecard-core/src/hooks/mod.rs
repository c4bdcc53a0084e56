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

//!
//! rhai comes with the `hooks` feature (on by default). Without it the core
//! still reads a card that names hooks, and refuses it when checked: "this
//! build has no hooks" (`off`).

#[cfg(feature = "hooks")]
mod call;
#[cfg(feature = "hooks")]
mod engine;
mod error;
mod files;
#[cfg(not(feature = "hooks"))]
mod off;
#[cfg(feature = "hooks")]
mod script;

#[cfg(feature = "hooks")]
pub use call::Called;
#[cfg(feature = "hooks")]
pub use engine::{MAX_ARRAY_SIZE, MAX_CALL_LEVELS, MAX_MAP_SIZE, MAX_OPERATIONS, MAX_STRING_SIZE};
pub use error::{HookError, HookErrorKind};
pub use files::{HookFiles, MemoryHookFiles, NoHookFiles};
#[cfg(not(feature = "hooks"))]
pub use off::{Called, HookScript};
#[cfg(feature = "hooks")]
pub use script::HookScript;

use crate::source::Span;
use crate::t;
use crate::value::InputType;

/// A hook function as the card declares it: `增值业务提成(money, money) -> money`.
#[derive(Debug, Clone)]
pub struct HookFn {
    /// The function's name, as the card and the script both spell it.
    pub name: String,
    /// The kind of each argument, in order.
    pub params: Vec<InputType>,
    /// The kind of value it gives back; a call that gives anything else fails the row.
    pub result: InputType,
    /// The compiled script that defines it.
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

/// The kind a hook was declared to give, in words.
#[cfg_attr(not(feature = "hooks"), allow(dead_code))]
pub(crate) fn kind_text(kind: InputType) -> String {
    match kind {
        InputType::Percent => t!("type-percent"),
        InputType::Number | InputType::Rating => t!("type-number"),
        InputType::Count => t!("hook-kind-count"),
        InputType::Days => t!("hook-kind-days"),
        InputType::Money => t!("type-money"),
        InputType::Bool => t!("type-bool"),
    }
}

#[cfg(all(test, feature = "hooks"))]
mod tests;
