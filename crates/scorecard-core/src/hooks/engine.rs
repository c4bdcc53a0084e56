//! The one rhai engine every hook runs in, and its limits.
//!
//! Built from `Engine::new_raw()` with only the packages a pay formula needs:
//! arithmetic, logic, strings, arrays, maps, ranges and decimal maths. Not
//! included, so a script cannot call them: files, network, time, randomness,
//! `sleep`, `exit`, `eval`, modules (`import` does not even parse, the crate is
//! built with `no_module`).
//!
//! Every limit below stops a runaway script with an error for that row, in a
//! bounded number of steps: the result is the same on every machine and every
//! run, which a payroll needs (a wall-clock limit would not be). One step may
//! still work on a whole list (comparing two lists of a thousand decimals,
//! sorting one, copying one), so as a backstop a call is also stopped once
//! it has run for [`MAX_CALL_TIME`]: no sensible hook comes near it (a call
//! takes microseconds), so only a script that would otherwise run for
//! seconds is stopped by the clock, and the row fails either way.

use rhai::packages::{
    ArithmeticPackage, BasicArrayPackage, BasicIteratorPackage, BasicMapPackage, BasicMathPackage,
    BasicStringPackage, LogicPackage, Package,
};
use rhai::{Dynamic, Engine};
use std::cell::{Cell, RefCell};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// How many steps one call may take. A formula needs hundreds; a loop that
/// never ends hits this in a few milliseconds (release build).
pub const MAX_OPERATIONS: u64 = 100_000;
/// How deeply functions may call each other (recursion included).
pub const MAX_CALL_LEVELS: usize = 16;
/// How deeply expressions may nest, at top level and inside functions.
pub const MAX_EXPR_DEPTH: usize = 64;
pub const MAX_FN_EXPR_DEPTH: usize = 32;
/// The longest text, in characters.
pub const MAX_STRING_SIZE: usize = 10_000;
/// The most elements in an array, and entries in a map.
pub const MAX_ARRAY_SIZE: usize = 1_000;
/// The most entries in a map (object).
pub const MAX_MAP_SIZE: usize = 1_000;
/// The most variables one call may declare.
pub const MAX_VARIABLES: usize = 256;
/// At most this many `print`/`debug` lines are kept per call; the rest are counted.
pub const MAX_CAPTURED_LINES: usize = 20;
/// The longest a call may run, whatever its steps.
pub const MAX_CALL_TIME: Duration = Duration::from_millis(250);
/// The clock is read once in this many steps.
const STEPS_PER_CLOCK_READ: u64 = 256;

/// The shared engine, configured once per process.
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(configured)
}

fn configured() -> Engine {
    let mut engine = Engine::new_raw();
    engine.register_global_module(ArithmeticPackage::new().as_shared_module());
    engine.register_global_module(LogicPackage::new().as_shared_module());
    engine.register_global_module(BasicStringPackage::new().as_shared_module());
    engine.register_global_module(BasicIteratorPackage::new().as_shared_module());
    engine.register_global_module(BasicArrayPackage::new().as_shared_module());
    engine.register_global_module(BasicMapPackage::new().as_shared_module());
    engine.register_global_module(BasicMathPackage::new().as_shared_module());

    engine
        .set_max_operations(MAX_OPERATIONS)
        .set_max_call_levels(MAX_CALL_LEVELS)
        .set_max_expr_depths(MAX_EXPR_DEPTH, MAX_FN_EXPR_DEPTH)
        .set_max_string_size(MAX_STRING_SIZE)
        .set_max_array_size(MAX_ARRAY_SIZE)
        .set_max_map_size(MAX_MAP_SIZE)
        .set_max_variables(MAX_VARIABLES)
        // A misspelt variable is an error when the card is checked, not when a row runs.
        .set_strict_variables(true)
        // `eval` would compile new code at run time, outside the check.
        .disable_symbol("eval");

    engine.on_progress(|steps| {
        if steps % STEPS_PER_CLOCK_READ != 0 {
            return None;
        }
        let started = STARTED.with(Cell::get)?;
        (started.elapsed() > MAX_CALL_TIME).then_some(Dynamic::from(TOO_LONG))
    });

    // print/debug go into the calling row's trace, never to stdout.
    engine.on_print(|text| capture(text.to_string()));
    engine.on_debug(|text, _, pos| match pos.line() {
        Some(line) => capture(format!("debug (line {line}): {text}")),
        None => capture(format!("debug: {text}")),
    });
    engine
}

/// What a call stopped by the clock is stopped with.
pub const TOO_LONG: &str = "too long";

thread_local! {
    /// When the call running on this thread started.
    static STARTED: Cell<Option<Instant>> = const { Cell::new(None) };
    /// Lines printed by the call running on this thread. A call runs to its
    /// end on the thread that started it, so rows scored in parallel never
    /// mix their lines.
    static CAPTURED: RefCell<Captured> = RefCell::new(Captured::default());
}

#[derive(Default)]
struct Captured {
    lines: Vec<String>,
    dropped: usize,
}

fn capture(line: String) {
    CAPTURED.with(|c| {
        let mut c = c.borrow_mut();
        if c.lines.len() < MAX_CAPTURED_LINES {
            c.lines.push(line);
        } else {
            c.dropped += 1;
        }
    });
}

/// Starts capturing for a new call, dropping anything left from an earlier
/// one, and starts the call's clock.
pub fn start_capture() {
    CAPTURED.with(|c| *c.borrow_mut() = Captured::default());
    STARTED.with(|s| s.set(Some(Instant::now())));
}

/// The lines printed since [`start_capture`], with a note when some were dropped.
pub fn take_captured() -> Vec<String> {
    CAPTURED.with(|c| {
        let Captured { mut lines, dropped } = std::mem::take(&mut *c.borrow_mut());
        if dropped > 0 {
            lines.push(format!("… and {dropped} more line(s), not kept"));
        }
        lines
    })
}
