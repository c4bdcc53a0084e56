//! The sandbox: values cross exactly, runaway scripts stop with a clear
//! error, and nothing outside the script is reachable.

use super::*;
use crate::source::SourceFile;
use crate::value::Value;
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn num(s: &str) -> Value {
    Value::Num(d(s))
}

/// `name` from `script`, declared with these kinds.
fn hook(script: &str, name: &str, params: Vec<InputType>, result: InputType) -> HookFn {
    let source = SourceFile::new("t.rhai", script);
    let script = HookScript::compile(&source).unwrap_or_else(|e| panic!("compiles: {e:?}"));
    HookFn {
        name: name.to_string(),
        params,
        result,
        script,
        span: Span::default(),
    }
}

fn failure(script: &str) -> String {
    failed(script).to_string()
}

fn failed(script: &str) -> super::HookError {
    hook(script, "f", vec![], InputType::Number)
        .call(&[])
        .expect_err("the call should fail")
}

#[test]
fn a_failure_says_what_went_wrong() {
    use super::HookErrorKind as K;
    let cases = [
        ("fn f() { loop { } }", K::TooManySteps),
        ("fn f() { g(1) }\nfn g(n) { g(n + 1) }", K::TooDeep),
        ("fn f() { throw \"停\"; }", K::Stopped),
        ("fn f() { 1.5 / 0 }", K::Arithmetic),
        ("fn f() { \"abc\" }", K::WrongResult),
    ];
    for (script, kind) in cases {
        assert_eq!(failed(script).kind(), kind, "{script}");
    }
    let blank = hook(
        "fn f(x) { x }",
        "f",
        vec![InputType::Number],
        InputType::Number,
    )
    .call(&[Value::Missing])
    .unwrap_err();
    assert_eq!(blank.kind(), K::GivenBlank);
}

fn compile_error(script: &str) -> crate::diagnostic::Diagnostic {
    HookScript::compile(&SourceFile::new("t.rhai", script)).expect_err("should not compile")
}

#[test]
fn numbers_cross_as_exact_decimals() {
    let f = hook(
        "fn f(a, b) { a * b + 0.005 }",
        "f",
        vec![InputType::Money, InputType::Count],
        InputType::Money,
    );
    let called = f.call(&[num("1.1"), num("3")]).unwrap();
    assert_eq!(called.value, num("3.305"));
    // 0.1 + 0.2 is exactly 0.3 only if no float is involved.
    let exact = hook("fn f() { 0.1 + 0.2 == 0.3 }", "f", vec![], InputType::Bool);
    assert_eq!(exact.call(&[]).unwrap().value, Value::Bool(true));
}

#[test]
fn whole_numbers_come_back_as_decimals_and_percentages_as_fractions() {
    let f = hook(
        "fn f(rate) { rate * 2 }",
        "f",
        vec![InputType::Percent],
        InputType::Percent,
    );
    assert_eq!(f.call(&[num("0.45")]).unwrap().value, num("0.90"));
    let g = hook("fn f() { 7 }", "f", vec![], InputType::Count);
    assert_eq!(g.call(&[]).unwrap().value, num("7"));
}

#[test]
fn functions_may_have_chinese_names() {
    let f = hook(
        "fn 提成(台次) { 台次 * 30 }",
        "提成",
        vec![InputType::Count],
        InputType::Money,
    );
    assert_eq!(f.call(&[num("4")]).unwrap().value, num("120"));
}

#[test]
fn an_endless_loop_stops_after_the_operation_limit() {
    let message = failure("fn f() { loop { } }");
    assert!(
        message.contains("ran for more than 100000 steps"),
        "{message}"
    );
}

#[test]
fn endless_recursion_stops_at_the_call_depth_limit() {
    let message = failure("fn f() { g(1) }\nfn g(n) { g(n + 1) }");
    assert!(message.contains("more than 16 deep"), "{message}");
}

#[test]
fn huge_strings_arrays_and_maps_are_stopped() {
    let text = failure("fn f() { let s = \"回访\"; loop { s += s; } }");
    assert!(text.contains("too large"), "{text}");
    let list = failure("fn f() { let a = []; loop { a.push(1); } }");
    assert!(list.contains("too large"), "{list}");
    // A map filled one key at a time is stopped by the step limit first.
    let map = failure("fn f() { let m = #{}; let i = 0; loop { m[`k${i}`] = i; i += 1; } }");
    assert!(map.contains("was stopped"), "{map}");
}

#[test]
fn files_time_randomness_and_exit_are_not_there() {
    for call in [
        "open_file(\"/etc/passwd\")",
        "read_file(\"/etc/passwd\")",
        "timestamp()",
        "sleep(10)",
        "rand()",
        "exit()",
    ] {
        let message = failure(&format!("fn f() {{ {call} }}"));
        assert!(
            message.contains("which hooks do not have"),
            "{call}: {message}"
        );
    }
}

#[test]
fn import_and_eval_do_not_compile() {
    let import = compile_error("import \"other\" as o;\nfn f() { 1 }");
    assert_eq!(import.position(), Some((1, 1)), "{import:?}");
    let eval = compile_error("fn f() { eval(\"1 + 1\") }");
    assert!(eval.labels[0].text.contains("eval"), "{eval:?}");
}

#[test]
fn a_syntax_error_points_into_the_script() {
    let error = compile_error("// 提成\nfn f(x) {\n    x + \n}\n");
    assert_eq!(error.code, crate::diagnostic::Code::Syntax);
    assert_eq!(error.source.as_ref().unwrap().name, "t.rhai");
    assert_eq!(error.position(), Some((4, 1)), "{error:?}");
}

#[test]
fn an_undeclared_variable_is_a_compile_error() {
    let error = compile_error("fn f() { RATE * 2 }");
    assert_eq!(error.position(), Some((1, 10)), "{error:?}");
}

#[test]
fn print_and_debug_are_captured_in_order() {
    let f = hook(
        "fn f(x) {\n print(`x is ${x}`);\n debug(\"回访\");\n x }",
        "f",
        vec![InputType::Number],
        InputType::Number,
    );
    let called = f.call(&[num("3")]).unwrap();
    assert_eq!(
        called.output,
        vec!["x is 3".to_string(), "debug (line 3): \"回访\"".to_string()]
    );
    // The next call starts with nothing captured.
    assert_eq!(f.call(&[num("4")]).unwrap().output[0], "x is 4");
    assert_eq!(f.call(&[num("4")]).unwrap().output.len(), 2);
}

#[test]
fn a_flood_of_prints_is_cut_short() {
    let f = hook(
        "fn f() { for i in 0..500 { print(i) } 1 }",
        "f",
        vec![],
        InputType::Number,
    );
    let output = f.call(&[]).unwrap().output;
    assert_eq!(output.len(), engine::MAX_CAPTURED_LINES + 1);
    assert_eq!(output.last().unwrap(), "… and 480 more line(s), not kept");
}

#[test]
fn a_result_of_the_wrong_kind_names_the_hook() {
    let text = hook("fn 提成() { \"abc\" }", "提成", vec![], InputType::Money);
    assert_eq!(
        text.call(&[]).unwrap_err().to_string(),
        "hook `提成` returned text \"abc\", but the card declares it gives an amount of money"
    );
    let nothing = hook("fn f() { }", "f", vec![], InputType::Number);
    assert!(nothing
        .call(&[])
        .unwrap_err()
        .message()
        .contains("returned nothing"));
    let count = hook("fn f() { 1.5 }", "f", vec![], InputType::Count);
    assert!(count
        .call(&[])
        .unwrap_err()
        .message()
        .contains("returned 1.5"));
    let yes_no = hook("fn f() { 1 }", "f", vec![], InputType::Bool);
    assert!(yes_no
        .call(&[])
        .unwrap_err()
        .message()
        .contains("gives yes/no"));
}

#[test]
fn a_thrown_error_is_reported_with_its_place() {
    let message = failure("fn f() {\n  throw \"排名大于参评总数\";\n}");
    assert_eq!(message, "hook `f` stopped: 排名大于参评总数 at t.rhai:2:3");
}

#[test]
fn arithmetic_errors_fail_the_call() {
    let message = failure("fn f() { 1.5 / 0 }");
    assert!(message.contains("arithmetic failed"), "{message}");
}

#[test]
fn the_script_lists_its_functions() {
    let source = SourceFile::new("t.rhai", "fn a(x, y) { x }\nfn b() { 1 }\nlet ignored = 1;");
    let script = HookScript::compile(&source).unwrap();
    assert_eq!(
        script.functions(),
        vec![("a".to_string(), 2), ("b".to_string(), 0)]
    );
    assert!(script.defines("a", 2));
    assert!(!script.defines("a", 1));
}
