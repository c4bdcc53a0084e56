//! Formulas: precedence, associativity, calls, spans and nesting.

use super::*;

#[test]
fn arithmetic_precedence_and_associativity() {
    assert_eq!(sexpr(&expr("a + b * c")), "(+ a (* b c))");
    assert_eq!(sexpr(&expr("a * b + c")), "(+ (* a b) c)");
    assert_eq!(sexpr(&expr("a - b - c")), "(- (- a b) c)");
    assert_eq!(sexpr(&expr("a / b * c")), "(* (/ a b) c)");
    assert_eq!(sexpr(&expr("(a + b) * c")), "(* (+ a b) c)");
}

#[test]
fn unary_minus_binds_tightest() {
    assert_eq!(sexpr(&expr("-x")), "(neg x)");
    assert_eq!(sexpr(&expr("-x * y")), "(* (neg x) y)");
    assert_eq!(sexpr(&expr("a - -b")), "(- a (neg b))");
    assert_eq!(sexpr(&expr("- -1")), "(neg (neg 1))");
}

#[test]
fn logic_precedence() {
    assert_eq!(sexpr(&expr("not a and b")), "(and (not a) b)");
    assert_eq!(sexpr(&expr("not a >= 5")), "(not (>= a 5))");
    assert_eq!(sexpr(&expr("a or b and c")), "(or a (and b c))");
    assert_eq!(sexpr(&expr("not not a")), "(not (not a))");
    assert_eq!(
        sexpr(&expr("a and true or false")),
        "(or (and a true) false)"
    );
}

#[test]
fn comparisons() {
    assert_eq!(sexpr(&expr("a + 1 >= b * 2")), "(>= (+ a 1) (* b 2))");
    for op in [">=", ">", "<=", "<", "=", "!="] {
        assert_eq!(sexpr(&expr(&format!("a {op} b"))), format!("({op} a b)"));
    }
    assert_eq!(sexpr(&expr("a>=b")), "(>= a b)");
}

#[test]
fn if_then_else_is_lowest() {
    assert_eq!(sexpr(&expr("if c then a else b + 1")), "(if c a (+ b 1))");
    assert_eq!(
        sexpr(&expr("if a > 1 and b then x * 2 else if c then 1 else 0")),
        "(if (and (> a 1) b) (* x 2) (if c 1 0))"
    );
    assert_eq!(sexpr(&expr("1 + (if c then 1 else 2)")), "(+ 1 (if c 1 2))");
}

#[test]
fn calls_names_and_total() {
    assert_eq!(sexpr(&expr("min(a, 2)")), "(min a 2)");
    assert_eq!(sexpr(&expr("clamp(x * 2, 0, 10)")), "(clamp (* x 2) 0 10)");
    assert_eq!(sexpr(&expr("present(迟报天数)")), "(present 迟报天数)");
    assert_eq!(sexpr(&expr("f()")), "(f )");
    let total = expr("total");
    assert_eq!(
        total.kind,
        ExprKind::Name(Ident {
            name: "total".into(),
            span: total.span
        })
    );
    assert_eq!(sexpr(&expr("total * 2")), "(* total 2)");
}

#[test]
fn expression_spans() {
    let source = SourceFile::new(
        "t.card",
        "scorecard t { output x = (a + b) * c  // note\n }",
    );
    let card = parse(&source).unwrap();
    let Decl::Output(output) = &card.decls[0] else {
        panic!()
    };
    assert_eq!(source.slice(output.expr.span), "(a + b) * c");
    let ExprKind::Binary { lhs, .. } = &output.expr.kind else {
        panic!()
    };
    assert_eq!(source.slice(lhs.span), "(a + b)");
    assert_eq!(source.slice(output.span), "output x = (a + b) * c");
}

#[test]
fn chained_comparison_is_explained() {
    let d = parse_err("scorecard t {\n  output x = a < b < c\n}");
    assert_error(&d, Code::Syntax, "comparisons cannot be chained", (2, 14));
    assert!(d.help.unwrap().contains("and"));
}

#[test]
fn deep_parentheses_parse() {
    let depth = 200;
    let e = expr(&format!("{}1{}", "(".repeat(depth), ")".repeat(depth)));
    assert_eq!(sexpr(&e), "1");
}

#[test]
fn too_deep_nesting_is_a_diagnostic_not_a_crash() {
    for depth in [1_000, 100_000] {
        let parens = format!(
            "scorecard t {{ output x = {}1{} }}",
            "(".repeat(depth),
            ")".repeat(depth)
        );
        let signs = format!("scorecard t {{ output x = {}1 }}", "-".repeat(depth));
        let nots = format!("scorecard t {{ output x = {}a }}", "not ".repeat(depth));
        for text in [parens, signs, nots] {
            let d = parse_err(&text);
            assert_eq!(d.code, Code::Syntax);
            assert_eq!(d.message, "this formula is nested too deeply to read");
        }
    }
}
