//! Calling a hook for one row: card values in, one card value out.
//!
//! Numbers cross as exact decimals both ways (a percentage as its fraction,
//! 98% is 0.98); yes/no as a boolean. What comes back must be of the kind
//! the card declared for the function, or the row fails with a sentence
//! that names the hook and what it returned.

use super::engine::{self, engine};
use super::HookFn;
use crate::value::{format_decimal, InputType, Value};
use rhai::{CallFnOptions, Dynamic, EvalAltResult, Scope};
use rust_decimal::Decimal;
use std::cell::RefCell;

/// What one call gave back, and what it printed.
#[derive(Debug, Clone, PartialEq)]
pub struct Called {
    pub value: Value,
    pub output: Vec<String>,
}

thread_local! {
    /// One scope per thread, reused by every call on it (emptied each time).
    static SCOPE: RefCell<Scope<'static>> = RefCell::new(Scope::new());
}

impl HookFn {
    /// Runs the function on `args`. `Err` is a plain sentence about this hook;
    /// the caller adds the row and the place in the card.
    pub fn call(&self, args: &[Value]) -> Result<Called, String> {
        let args = args
            .iter()
            .map(to_dynamic)
            .collect::<Result<Vec<Dynamic>, String>>()?;
        let options = CallFnOptions::new().eval_ast(false).rewind_scope(true);
        engine::start_capture();
        let result = SCOPE.with(|cell| match cell.try_borrow_mut() {
            Ok(mut scope) => {
                scope.clear();
                engine().call_fn_with_options::<Dynamic>(
                    options,
                    &mut scope,
                    &self.script.ast,
                    &self.name,
                    args,
                )
            }
            // Only reachable if a call were ever nested inside another.
            Err(_) => engine().call_fn_with_options::<Dynamic>(
                options,
                &mut Scope::new(),
                &self.script.ast,
                &self.name,
                args,
            ),
        });
        let output = engine::take_captured();
        let returned = result.map_err(|e| self.failure(&e))?;
        let value = self.value_of(returned)?;
        Ok(Called { value, output })
    }

    /// The returned value as the declared kind, or why it is not one.
    fn value_of(&self, returned: Dynamic) -> Result<Value, String> {
        let wrong = |what: String| {
            format!(
                "hook `{}` returned {what}, but the card declares it gives {}",
                self.name,
                kind_text(self.result)
            )
        };
        if self.result == InputType::Bool {
            return returned
                .as_bool()
                .map(Value::Bool)
                .map_err(|_| wrong(describe(&returned)));
        }
        let number = if let Ok(d) = returned.as_decimal() {
            d
        } else if let Ok(i) = returned.as_int() {
            Decimal::from(i)
        } else {
            return Err(wrong(describe(&returned)));
        };
        if self.result.is_countable() && (number < Decimal::ZERO || !number.fract().is_zero()) {
            return Err(wrong(format_decimal(number)));
        }
        Ok(Value::Num(number))
    }

    /// A runtime error as a sentence, with the place in the script.
    fn failure(&self, error: &EvalAltResult) -> String {
        let inner = error.unwrap_inner();
        let what = match inner {
            EvalAltResult::ErrorTerminated(..) => format!(
                "ran for more than {} ms and was stopped (work on long lists in a loop?)",
                engine::MAX_CALL_TIME.as_millis()
            ),
            EvalAltResult::ErrorTooManyOperations(_) => format!(
                "ran for more than {} steps and was stopped (a loop that never ends?)",
                engine::MAX_OPERATIONS
            ),
            EvalAltResult::ErrorStackOverflow(_) => format!(
                "called functions more than {} deep and was stopped (recursion that never ends?)",
                engine::MAX_CALL_LEVELS
            ),
            EvalAltResult::ErrorDataTooLarge(what, _) => format!(
                "built {} too large and was stopped (limits: text {} characters, lists {} items, maps {} entries)",
                what.to_lowercase(),
                engine::MAX_STRING_SIZE,
                engine::MAX_ARRAY_SIZE,
                engine::MAX_MAP_SIZE
            ),
            EvalAltResult::ErrorTooManyVariables(_) => format!(
                "declared more than {} variables and was stopped",
                engine::MAX_VARIABLES
            ),
            EvalAltResult::ErrorFunctionNotFound(name, _) => format!(
                "calls `{name}`, which hooks do not have (no files, network, time or randomness)"
            ),
            EvalAltResult::ErrorRuntime(value, _) => format!("stopped: {value}"),
            EvalAltResult::ErrorArithmetic(message, _) => {
                format!("arithmetic failed: {}", message.to_lowercase())
            }
            other => format!("failed: {other}"),
        };
        let place = self
            .script
            .span_at(inner.position())
            .map(|span| {
                let (line, column) = self.script.source.line_col(span.start);
                format!(" at {}:{line}:{column}", self.script.source.name)
            })
            .unwrap_or_default();
        format!("hook `{}` {what}{place}", self.name)
    }
}

fn to_dynamic(value: &Value) -> Result<Dynamic, String> {
    Ok(match value {
        Value::Num(d) => Dynamic::from_decimal(*d),
        Value::Bool(b) => Dynamic::from_bool(*b),
        Value::Text(t) => Dynamic::from(t.to_string()),
        Value::Missing => return Err("a hook was given a value that was left blank".to_string()),
    })
}

/// What a script returned, for a message: `text "abc"`, `nothing`.
fn describe(value: &Dynamic) -> String {
    if value.is_unit() {
        "nothing (the function ended without a value)".to_string()
    } else if value.is_string() {
        format!("text {value:?}")
    } else if let Ok(b) = value.as_bool() {
        format!("yes/no ({b})")
    } else if value.is_array() {
        "a list".to_string()
    } else if value.is_map() {
        "a map".to_string()
    } else if value.is_decimal() || value.is_int() {
        format!("the number {value}")
    } else {
        format!("a value of type {}", value.type_name())
    }
}

/// The kind a hook was declared to give, in words.
pub fn kind_text(kind: InputType) -> &'static str {
    match kind {
        InputType::Percent => "a percentage",
        InputType::Number | InputType::Rating => "a number",
        InputType::Count => "a count (a whole number, not negative)",
        InputType::Days => "a number of days (whole, not negative)",
        InputType::Money => "an amount of money",
        InputType::Bool => "yes/no",
    }
}
