//! Calling a hook for one row: card values in, one card value out.
//!
//! Numbers cross as exact decimals both ways (a percentage as its fraction,
//! 98% is 0.98); yes/no as a boolean. What comes back must be of the kind
//! the card declared for the function, or the row fails with a sentence
//! that names the hook and what it returned.

use super::engine::{self, engine};
use super::{kind_text, HookError, HookErrorKind, HookFn};
use crate::t;
use crate::value::{format_decimal, InputType, Value};
use rhai::{CallFnOptions, Dynamic, EvalAltResult, Scope};
use rust_decimal::Decimal;
use std::cell::RefCell;

/// What one call gave back, and what it printed.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Called {
    /// The value returned, as the card reads it.
    pub value: Value,
    /// Lines from `print` and `debug`, in order.
    pub output: Vec<String>,
}

thread_local! {
    /// One scope per thread, reused by every call on it (emptied each time).
    static SCOPE: RefCell<Scope<'static>> = RefCell::new(Scope::new());
}

impl HookFn {
    /// Runs the function on `args`. `Err` says what went wrong with this
    /// hook; the caller adds the row and the place in the card.
    pub fn call(&self, args: &[Value]) -> Result<Called, HookError> {
        let args = args
            .iter()
            .map(to_dynamic)
            .collect::<Result<Vec<Dynamic>, HookError>>()?;
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
    fn value_of(&self, returned: Dynamic) -> Result<Value, HookError> {
        let wrong = |what: String| {
            HookError::new(
                HookErrorKind::WrongResult,
                t!(
                    "hook-returned",
                    name = &self.name,
                    what = what,
                    kind = kind_text(self.result)
                ),
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

    /// A runtime error, its sentence with the place in the script.
    fn failure(&self, error: &EvalAltResult) -> HookError {
        let inner = error.unwrap_inner();
        let kind = match inner {
            EvalAltResult::ErrorTerminated(..) => HookErrorKind::TooLong,
            EvalAltResult::ErrorTooManyOperations(_) => HookErrorKind::TooManySteps,
            EvalAltResult::ErrorStackOverflow(_) => HookErrorKind::TooDeep,
            EvalAltResult::ErrorDataTooLarge(..) => HookErrorKind::DataTooLarge,
            EvalAltResult::ErrorTooManyVariables(_) => HookErrorKind::TooManyVariables,
            EvalAltResult::ErrorFunctionNotFound(..) => HookErrorKind::CallsMissing,
            EvalAltResult::ErrorRuntime(..) => HookErrorKind::Stopped,
            EvalAltResult::ErrorArithmetic(..) => HookErrorKind::Arithmetic,
            _ => HookErrorKind::Failed,
        };
        let what = match inner {
            EvalAltResult::ErrorTerminated(..) => t!(
                "hook-too-long",
                ms = engine::MAX_CALL_TIME.as_millis().to_string()
            ),
            EvalAltResult::ErrorTooManyOperations(_) => t!(
                "hook-too-many-steps",
                steps = engine::MAX_OPERATIONS.to_string()
            ),
            EvalAltResult::ErrorStackOverflow(_) => t!(
                "hook-too-deep",
                levels = engine::MAX_CALL_LEVELS.to_string()
            ),
            EvalAltResult::ErrorDataTooLarge(what, _) => t!(
                "hook-data-too-large",
                what = what.to_lowercase(),
                text = engine::MAX_STRING_SIZE.to_string(),
                list = engine::MAX_ARRAY_SIZE.to_string(),
                map = engine::MAX_MAP_SIZE.to_string()
            ),
            EvalAltResult::ErrorTooManyVariables(_) => t!(
                "hook-too-many-variables",
                most = engine::MAX_VARIABLES.to_string()
            ),
            EvalAltResult::ErrorFunctionNotFound(name, _) => {
                t!("hook-calls-missing", name = name)
            }
            EvalAltResult::ErrorRuntime(value, _) => {
                t!("hook-stopped", value = value.to_string())
            }
            EvalAltResult::ErrorArithmetic(message, _) => {
                t!("hook-arithmetic", message = message.to_lowercase())
            }
            other => t!("hook-failed", error = other.to_string()),
        };
        let message = match self.script.span_at(inner.position()) {
            Some(span) => {
                let (line, column) = self.script.source.line_col(span.start);
                t!(
                    "hook-failure-at",
                    name = &self.name,
                    what = what,
                    file = &self.script.source.name,
                    line = line.to_string(),
                    column = column.to_string()
                )
            }
            None => t!("hook-failure", name = &self.name, what = what),
        };
        HookError::new(kind, message)
    }
}

fn to_dynamic(value: &Value) -> Result<Dynamic, HookError> {
    Ok(match value {
        Value::Num(d) => Dynamic::from_decimal(*d),
        Value::Bool(b) => Dynamic::from_bool(*b),
        Value::Text(t) => Dynamic::from(t.to_string()),
        Value::Missing => {
            return Err(HookError::new(
                HookErrorKind::GivenBlank,
                t!("hook-given-blank"),
            ))
        }
    })
}

/// What a script returned, for a message: `text "abc"`, `nothing`.
fn describe(value: &Dynamic) -> String {
    if value.is_unit() {
        t!("hook-value-nothing")
    } else if value.is_string() {
        t!("hook-value-text", text = format!("{value:?}"))
    } else if let Ok(b) = value.as_bool() {
        t!("hook-value-bool", value = b.to_string())
    } else if value.is_array() {
        t!("hook-value-list")
    } else if value.is_map() {
        t!("hook-value-map")
    } else if value.is_decimal() || value.is_int() {
        t!("hook-value-number", value = value.to_string())
    } else {
        t!("hook-value-other", kind = value.type_name())
    }
}
