//! Tests for the syntax stage: the grammar, the lowering and the error messages.

use super::ast::*;
use super::parse;
use crate::diagnostic::{Code, Diagnostic};
use crate::source::SourceFile;
use crate::value::InputType;
use rust_decimal::Decimal;
use std::str::FromStr;

// ─── Helpers ─────────────────────────────────────────────────────────────────

fn parse_ok(text: &str) -> Card {
    let source = SourceFile::new("test.card", text);
    match parse(&source) {
        Ok(card) => card,
        Err(diagnostics) => panic!("expected {text:?} to parse, got {diagnostics:#?}"),
    }
}

/// The single diagnostic a bad card produces.
fn parse_err(text: &str) -> Diagnostic {
    let source = SourceFile::new("test.card", text);
    match parse(&source) {
        Ok(card) => panic!("expected {text:?} to fail, got {card:#?}"),
        Err(diagnostics) => {
            assert_eq!(diagnostics.0.len(), 1, "{diagnostics:#?}");
            let diagnostic = diagnostics.0.into_iter().next().unwrap();
            assert!(diagnostic.source.is_some(), "diagnostic without a file");
            assert_eq!(diagnostic.labels.len(), 1, "{diagnostic:#?}");
            diagnostic
        }
    }
}

/// Asserts the diagnostic's code, message, and the 1-based line and column of its label.
fn assert_error(d: &Diagnostic, code: Code, message: &str, line_col: (usize, usize)) {
    assert_eq!(d.code, code, "{d:#?}");
    assert_eq!(d.message, message, "{d:#?}");
    assert_eq!(d.position(), Some(line_col), "{d:#?}");
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// A card holding only `decls`.
fn card_with(decls: &str) -> Card {
    parse_ok(&format!("scorecard t {{\n{decls}\n}}"))
}

/// The expression of `output x = EXPR`.
fn expr(text: &str) -> Expr {
    match card_with(&format!("output x = {text}")).decls.pop() {
        Some(Decl::Output(output)) => output.expr,
        other => panic!("expected an output, got {other:?}"),
    }
}

/// An expression as a compact S-expression: `(+ a (* b c))`.
fn sexpr(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Number(n) => match n.unit {
            LitUnit::None => n.value.to_string(),
            LitUnit::Percent => format!("{}:%", n.value),
            LitUnit::Money => format!("{}:元", n.value),
        },
        ExprKind::Bool(b) => b.to_string(),
        ExprKind::Name(name) => name.name.clone(),
        ExprKind::Unary { op, operand } => {
            let op = match op {
                UnaryOp::Neg => "neg",
                UnaryOp::Not => "not",
            };
            format!("({op} {})", sexpr(operand))
        }
        ExprKind::Binary { op, lhs, rhs } => {
            let op = match op {
                BinaryOp::Add => "+",
                BinaryOp::Sub => "-",
                BinaryOp::Mul => "*",
                BinaryOp::Div => "/",
                BinaryOp::And => "and",
                BinaryOp::Or => "or",
                BinaryOp::Cmp(c) => c.symbol(),
            };
            format!("({op} {} {})", sexpr(lhs), sexpr(rhs))
        }
        ExprKind::If {
            condition,
            then,
            otherwise,
        } => format!(
            "(if {} {} {})",
            sexpr(condition),
            sexpr(then),
            sexpr(otherwise)
        ),
        ExprKind::Call { function, args } => {
            let args: Vec<String> = args.iter().map(sexpr).collect();
            format!("({} {})", function.name, args.join(" "))
        }
    }
}

fn s1_text() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/rules/callback_specialist.card"
    ))
    .expect("the S1 card is in the repository")
}

fn inputs(card: &Card) -> Vec<&InputDecl> {
    card.decls
        .iter()
        .filter_map(|d| match d {
            Decl::Input(i) => Some(i),
            _ => None,
        })
        .collect()
}

fn sections(card: &Card) -> Vec<&Section> {
    card.decls
        .iter()
        .filter_map(|d| match d {
            Decl::Section(s) => Some(s),
            _ => None,
        })
        .collect()
}

fn item<'c>(card: &'c Card, name: &str) -> &'c Item {
    sections(card)
        .into_iter()
        .flat_map(|s| &s.items)
        .find(|i| i.name.name == name)
        .unwrap_or_else(|| panic!("no item {name}"))
}

// ─── The S1 card ─────────────────────────────────────────────────────────────

#[test]
fn s1_card_parses_with_its_header() {
    let card = parse_ok(&s1_text());
    assert_eq!(card.name.name, "回访专员");
    assert_eq!(
        card.label.as_ref().unwrap().value,
        "市场部客服回访专员绩效考核表"
    );
    assert!(matches!(&card.decls[0], Decl::Role(t) if t.value == "市场部客服回访专员"));
    assert!(matches!(&card.decls[1], Decl::Period(p) if p.name == "monthly"));
    assert!(matches!(&card.decls[2], Decl::Total(n) if n.value == dec("100")));
}

#[test]
fn s1_card_has_its_inputs_as_written() {
    let card = parse_ok(&s1_text());
    let inputs = inputs(&card);
    assert_eq!(inputs.len(), 33);
    let count = |ty| inputs.iter().filter(|i| i.ty == ty).count();
    assert_eq!(count(InputType::Bool), 15);
    assert_eq!(count(InputType::Count), 11);
    assert_eq!(count(InputType::Percent), 3);
    assert_eq!(count(InputType::Number), 1);
    assert_eq!(count(InputType::Rating), 3);

    let first = inputs[0];
    assert_eq!(first.name.name, "问题跟踪完成");
    assert_eq!(
        first.label.as_ref().unwrap().value,
        "问题处理后次日电访跟踪"
    );
    assert_eq!(first.range, None);
    assert_eq!(first.default, None);
    assert_eq!(first.optional, None);

    let training = inputs.iter().find(|i| i.name.name == "培训成绩").unwrap();
    let range = training.range.as_ref().unwrap();
    assert_eq!((range.low.value, range.high.value), (dec("0"), dec("100")));

    let with_default = inputs.iter().filter(|i| i.default.is_some()).count();
    assert_eq!(with_default, 10);
    let complaints = inputs
        .iter()
        .find(|i| i.name.name == "个人原因抱怨")
        .unwrap();
    assert!(matches!(&complaints.default, Some(Literal::Number(n)) if n.value.is_zero()));
}

#[test]
fn s1_card_has_six_sections_and_twenty_two_items() {
    let card = parse_ok(&s1_text());
    let sections = sections(&card);
    assert_eq!(sections.len(), 6);
    let names: Vec<&str> = sections.iter().map(|s| s.name.name.as_str()).collect();
    assert_eq!(
        names,
        ["回访", "信息反馈", "抱怨", "日常工作", "学习成长", "加分项"]
    );
    let weights: Vec<Decimal> = sections.iter().map(|s| s.weight.value).collect();
    let expected: Vec<Decimal> = ["0.17", "0.11", "0.15", "0.24", "0.15", "0.18"]
        .into_iter()
        .map(dec)
        .collect();
    assert_eq!(weights, expected);
    assert!(sections.iter().all(|s| s.weight.unit == LitUnit::Percent));
    assert!(sections.iter().all(|s| s.scaled.is_none()));
    let items: usize = sections.iter().map(|s| s.items.len()).sum();
    assert_eq!(items, 22);
    let points: Decimal = sections
        .iter()
        .flat_map(|s| &s.items)
        .map(|i| i.points.value)
        .sum();
    assert_eq!(points, dec("100"));
}

#[test]
fn s1_card_rules_lower_to_the_right_shapes() {
    let card = parse_ok(&s1_text());

    match &item(&card, "信息检核").rules[..] {
        [Rule::PassFail(p)] => {
            assert_eq!(p.kind, PassFailKind::ZeroIf);
            assert_eq!(sexpr(&p.condition), "信息错误未通知");
        }
        other => panic!("{other:?}"),
    }

    match &item(&card, "按时反馈").rules[..] {
        [Rule::Deduction(d)] => {
            assert_eq!(d.amount.value, dec("1"));
            assert_eq!(d.per.name, "日报迟报次数");
            assert_eq!(d.label.as_ref().unwrap().value, "日报迟报");
        }
        other => panic!("{other:?}"),
    }

    match &item(&card, "客户信息及建议").rules[..] {
        [Rule::Tiers(table)] => {
            assert_eq!(sexpr(table.subject.as_ref().unwrap()), "反馈及时率");
            let rows: Vec<String> = table
                .rows
                .iter()
                .map(|row| {
                    let guard = match &row.guard {
                        Guard::Compare { op, threshold } => {
                            format!("{} {}", op.symbol(), sexpr(threshold))
                        }
                        Guard::Else(_) => "else".to_string(),
                    };
                    let outcome = match &row.outcome {
                        ItemOutcome::Full(_) => "full".to_string(),
                        ItemOutcome::Minus(n) => format!("minus {}", n.value),
                        ItemOutcome::Fixed(n) => n.value.to_string(),
                        ItemOutcome::Formula(e) => sexpr(e),
                    };
                    format!("{guard}: {outcome}")
                })
                .collect();
            assert_eq!(
                rows,
                [
                    ">= 0.98:%: full",
                    ">= 0.95:%: minus 1",
                    ">= 0.85:%: minus 2",
                    "else: 0"
                ]
            );
        }
        other => panic!("{other:?}"),
    }

    match &item(&card, "抱怨跟踪").rules[..] {
        [Rule::Deduction(a), Rule::Deduction(b)] => {
            assert_eq!(
                (a.amount.value, a.per.name.as_str()),
                (dec("2"), "个人原因抱怨")
            );
            assert_eq!(
                (b.amount.value, b.per.name.as_str()),
                (dec("1"), "电话登记错误")
            );
        }
        other => panic!("{other:?}"),
    }

    match &item(&card, "培训考核").rules[..] {
        [Rule::PassFail(p)] => {
            assert_eq!(p.kind, PassFailKind::FullIf);
            assert_eq!(p.otherwise, None);
            assert_eq!(
                sexpr(&p.condition),
                "(and (and (not 培训缺席) (not 培训迟到)) (>= 培训成绩 85))"
            );
        }
        other => panic!("{other:?}"),
    }

    match &item(&card, "工作类").rules[..] {
        [Rule::Score(e)] => assert_eq!(sexpr(e), "工作类评分"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn s1_card_has_two_penalties_and_a_grade() {
    let card = parse_ok(&s1_text());
    let penalties: Vec<&Adjustment> = card
        .decls
        .iter()
        .filter_map(|d| match d {
            Decl::Adjustment(a) => Some(a),
            _ => None,
        })
        .collect();
    assert_eq!(penalties.len(), 2);
    assert!(penalties.iter().all(|p| p.kind == AdjustmentKind::Penalty));
    assert!(penalties.iter().all(|p| p.cap.is_none()));
    let lines: Vec<usize> = penalties.iter().map(|p| p.lines.len()).collect();
    assert_eq!(lines, [2, 6]);
    assert_eq!(penalties[1].label.as_ref().unwrap().value, "减分项·制度类");

    let Some(Decl::Grade(grade)) = card.decls.last() else {
        panic!("the card ends with its grade");
    };
    assert!(grade.table.subject.is_none());
    let outcomes: Vec<&str> = grade
        .table
        .rows
        .iter()
        .map(|r| r.outcome.value.as_str())
        .collect();
    assert_eq!(outcomes, ["优秀", "称职", "较差"]);
    assert!(matches!(grade.table.rows[2].guard, Guard::Else(_)));
}

#[test]
fn s1_spans_cover_exactly_their_text() {
    let text = s1_text();
    let source = SourceFile::new("s1.card", text.as_str());
    let card = parse(&source).unwrap();
    let item = item(&card, "按时反馈");
    assert_eq!(
        source.slice(item.span),
        "item 按时反馈 \"按时反馈\" 3 { minus 1 per 日报迟报次数 \"日报迟报\" }"
    );
    assert_eq!(source.slice(item.points.span), "3");
    let training = item_condition(&card, "培训考核");
    // The span stops at the last token, not at the whitespace after it.
    assert_eq!(
        source.slice(training.span),
        "not 培训缺席 and not 培训迟到 and 培训成绩 >= 85"
    );
    assert_eq!(source.line_col(item.span.start), (81, 9));
}

fn item_condition<'c>(card: &'c Card, name: &str) -> &'c Expr {
    match &item(card, name).rules[..] {
        [Rule::PassFail(p)] => &p.condition,
        other => panic!("{other:?}"),
    }
}

// ─── Expressions ─────────────────────────────────────────────────────────────

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

// ─── Literals and words ──────────────────────────────────────────────────────

fn number(text: &str) -> Number {
    match expr(text).kind {
        ExprKind::Number(n) => n,
        other => panic!("{other:?}"),
    }
}

#[test]
fn number_literals() {
    let n = number("12");
    assert_eq!((n.value, n.unit), (dec("12"), LitUnit::None));
    assert_eq!(number("1.5").value, dec("1.5"));
    let p = number("98%");
    assert_eq!((p.value, p.unit), (dec("0.98"), LitUnit::Percent));
    assert_eq!(number("95.5%").value, dec("0.955"));
    for money in ["3000 元", "3000元", "3000 yuan", "3000\tyuan"] {
        let m = number(money);
        assert_eq!((m.value, m.unit), (dec("3000"), LitUnit::Money), "{money}");
    }
}

#[test]
fn literal_spans_include_their_unit() {
    let source = SourceFile::new(
        "t.card",
        "scorecard t { param 预约单价 30 元 \"每台预约提成\" }",
    );
    let card = parse(&source).unwrap();
    let Decl::Param(param) = &card.decls[0] else {
        panic!()
    };
    assert_eq!(source.slice(param.value.span()), "30 元");
    assert_eq!(param.label.as_ref().unwrap().value, "每台预约提成");
}

#[test]
fn money_expression() {
    assert_eq!(
        sexpr(&expr("2000 元 + 3000 元 * 考核系数")),
        "(+ 2000:元 (* 3000:元 考核系数))"
    );
}

#[test]
fn params() {
    let card = card_with(
        "param 预约单价 30 元 \"每台预约提成\"\nparam 岗位系数 1.3\nparam 达标线 95%\nparam 开启 true\nparam 下限 -5",
    );
    let values: Vec<String> = card
        .decls
        .iter()
        .map(|d| match d {
            Decl::Param(p) => match &p.value {
                Literal::Number(n) => format!("{} {:?}", n.value, n.unit),
                Literal::Bool { value, .. } => value.to_string(),
            },
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        values,
        ["30 Money", "1.3 None", "0.95 Percent", "true", "-5 None"]
    );
}

#[test]
fn input_options() {
    let card = card_with(
        "input 完成率 percent \"完成率\" range -10%..150% default 100%\n\
         input 迟报天数 days \"潜客档案迟报天数\" optional\n\
         input 开启 bool default false\n\
         input 金额 money range 0..1000.5 元",
    );
    let inputs = inputs(&card);
    let range = inputs[0].range.as_ref().unwrap();
    assert_eq!(
        (range.low.value, range.high.value),
        (dec("-0.1"), dec("1.5"))
    );
    assert_eq!(range.low.unit, LitUnit::Percent);
    assert!(matches!(&inputs[0].default, Some(Literal::Number(n)) if n.value == dec("1")));
    assert_eq!(inputs[1].ty, InputType::Days);
    assert!(inputs[1].optional.is_some());
    assert!(matches!(
        inputs[2].default,
        Some(Literal::Bool { value: false, .. })
    ));
    let money = inputs[3].range.as_ref().unwrap();
    assert_eq!(
        (money.high.value, money.high.unit),
        (dec("1000.5"), LitUnit::Money)
    );
}

#[test]
fn an_input_option_given_twice_is_an_error() {
    let d = parse_err("scorecard t {\n  input a count default 0 default 1\n}");
    assert_error(
        &d,
        Code::Syntax,
        "`default` is given twice for input `a`",
        (2, 27),
    );
}

#[test]
fn chinese_and_keyword_like_identifiers() {
    let card = card_with("input 反馈及时率 percent\ninput total_x count\ninput fullness bool\ninput _内部 number\ninput scored rating");
    let names: Vec<&str> = inputs(&card).iter().map(|i| i.name.name.as_str()).collect();
    assert_eq!(
        names,
        ["反馈及时率", "total_x", "fullness", "_内部", "scored"]
    );
    assert_eq!(sexpr(&expr("totalx + total")), "(+ totalx total)");
}

#[test]
fn keywords_need_a_word_boundary() {
    // `sectionx` is a name, so this is not a section.
    let d = parse_err("scorecard t { sectionx s weight 10 { } }");
    assert_eq!(d.position(), Some((1, 15)));
}

#[test]
fn texts_with_escapes_and_chinese_quotes() {
    let card = card_with(
        r#"role "say \"hi\"\\ \n end"
           input a count “客户"满意"度” "#,
    );
    assert!(matches!(&card.decls[0], Decl::Role(t) if t.value == "say \"hi\"\\ \n end"));
    assert_eq!(
        inputs(&card)[0].label.as_ref().unwrap().value,
        "客户\"满意\"度"
    );
}

#[test]
fn role_may_be_a_bare_word() {
    let card = card_with("role 回访专员");
    assert!(matches!(&card.decls[0], Decl::Role(t) if t.value == "回访专员"));
}

#[test]
fn comments_anywhere() {
    let card = parse_ok(
        "// heading\nscorecard /* inline */ t {\n  total /* a */ 100 // trailing\n  /* multi\n  line */\n  output x = a /* in a formula */ + b\n} // end",
    );
    assert_eq!(card.decls.len(), 2);
    assert_eq!(sexpr(&expr("a /* c */ + // line\n b")), "(+ a b)");
}

#[test]
fn empty_and_whitespace_only_cards() {
    let d = parse_err("");
    assert_error(&d, Code::Syntax, "the card is empty", (1, 1));
    let d = parse_err("\n  // just a comment\n");
    assert_error(&d, Code::Syntax, "the card is empty", (3, 1));
    let card = parse_ok("scorecard 空 {}");
    assert!(card.decls.is_empty());
}

// ─── Every declaration and rule ──────────────────────────────────────────────

#[test]
fn all_declarations_on_one_line_with_semicolons() {
    let card = parse_ok(
        "scorecard t \"标签\" { role r; period monthly; total 100; input a count; ; param p 1; output o = a }",
    );
    assert_eq!(card.decls.len(), 6);
}

#[test]
fn section_with_scaled_and_every_item_rule() {
    let card = card_with(
        "section 销售 \"销售\" weight 40 scaled {
            item 一 8
            item 二 5 { full if 培训成绩 >= 85 else 2 }
            item 三 5 { late 迟报天数 { missing: 0  minus 2 per day } }
            item 四 5 { late 迟报天数 { missing: 1; minus 0.5 per day; } }
            item 五 5 { by 完成率 { >= 100% : full; >= 80% : (5 * 完成率) ; else : 0 } }
            item 六 5 { score min(评分, 5); minus 1 per 投诉 }
            item 七 5 {}
        }",
    );
    let section = sections(&card)[0];
    assert!(section.scaled.is_some());
    assert_eq!(
        (section.weight.value, section.weight.unit),
        (dec("40"), LitUnit::None)
    );
    let items = &section.items;
    assert_eq!(items.len(), 7);
    assert!(items[0].rules.is_empty());
    match &items[1].rules[..] {
        [Rule::PassFail(p)] => assert_eq!(p.otherwise.as_ref().unwrap().value, dec("2")),
        other => panic!("{other:?}"),
    }
    match &items[2].rules[..] {
        [Rule::Late(l)] => {
            assert_eq!(l.input.name, "迟报天数");
            assert_eq!((l.missing.value, l.per_day.value), (dec("0"), dec("2")));
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(&items[3].rules[..], [Rule::Late(l)] if l.per_day.value == dec("0.5")));
    match &items[4].rules[..] {
        [Rule::Tiers(t)] => {
            assert_eq!(t.rows.len(), 3);
            assert!(
                matches!(&t.rows[1].outcome, ItemOutcome::Formula(e) if sexpr(e) == "(* 5 完成率)")
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        &items[5].rules[..],
        [Rule::Score(_), Rule::Deduction(_)]
    ));
    assert!(items[6].rules.is_empty());
}

#[test]
fn bonus_band_grade_and_output() {
    let card = card_with(
        "bonus 表彰 \"表彰\" cap 5 { plus 2 per 客户表扬 \"客户表扬\" }
         penalty 制度类 cap 30 { minus 10 per 严重违纪 }
         band 考核系数 \"考核系数\" by total { >= 90: 1.2  >= 75: (1 + 总分 / 1000)  else: -0.5 }
         grade by 总分 { >= 90 : \"优秀\" ; else : 较差 }
         output 绩效工资 \"客服经理月度工资\" money = 2000 元 + 3000 元 * 考核系数
         output 合格 = total >= 60",
    );
    let [Decl::Adjustment(bonus), Decl::Adjustment(penalty), Decl::Band(band), Decl::Grade(grade), Decl::Output(pay), Decl::Output(pass)] =
        &card.decls[..]
    else {
        panic!("{:#?}", card.decls)
    };
    assert_eq!(bonus.kind, AdjustmentKind::Bonus);
    assert_eq!(bonus.cap.as_ref().unwrap().value, dec("5"));
    assert_eq!(bonus.lines[0].per.name, "客户表扬");
    assert_eq!(penalty.kind, AdjustmentKind::Penalty);
    assert_eq!(penalty.cap.as_ref().unwrap().value, dec("30"));

    assert_eq!(sexpr(band.table.subject.as_ref().unwrap()), "total");
    let outcomes: Vec<String> = band.table.rows.iter().map(|r| sexpr(&r.outcome)).collect();
    assert_eq!(outcomes, ["1.2", "(+ 1 (/ 总分 1000))", "-0.5"]);

    assert_eq!(sexpr(grade.table.subject.as_ref().unwrap()), "总分");
    assert_eq!(grade.table.rows[0].outcome.value, "优秀");

    assert_eq!(pay.ty.map(|(t, _)| t), Some(InputType::Money));
    assert_eq!(pass.ty, None);
    assert_eq!(sexpr(&pass.expr), "(>= total 60)");
}

#[test]
fn full_width_space_colon_and_byte_order_mark() {
    let card = parse_ok("\u{FEFF}scorecard t {\u{3000}grade { >= 90： 优秀　else：较差 } }");
    assert_eq!(card.decls.len(), 1);
}

#[test]
fn crlf_line_endings() {
    let card = parse_ok(&s1_text().replace('\n', "\r\n"));
    assert_eq!(sections(&card).len(), 6);
}

// ─── Syntax errors ───────────────────────────────────────────────────────────

#[test]
fn unknown_input_type_lists_the_types() {
    let d = parse_err("scorecard t {\n  input 完成率 percentage \"完成率\"\n}");
    assert_error(
        &d,
        Code::Syntax,
        "expected an input type (percent, number, count, money, bool, rating, days), found `percentage`",
        (2, 13),
    );
    assert_eq!(d.labels[0].span.len(), "percentage".len());
    assert_eq!(
        d.help.as_deref(),
        Some("the input types are percent, number, count, money, bool, rating, days")
    );

    let d = parse_err("scorecard t { input a numbr }");
    assert_eq!(d.help.as_deref(), Some("did you mean `number`?"));
}

#[test]
fn missing_closing_brace_of_a_section() {
    let d = parse_err(
        "scorecard t {\n  section a weight 10 {\n    item x 10\n\n  section b weight 0 { }\n}",
    );
    assert_error(
        &d,
        Code::Syntax,
        "expected `{`, `item` or `}` to close the section, found `section`",
        (5, 3),
    );
}

#[test]
fn unexpected_end_of_file() {
    let d = parse_err("scorecard t {\n  section a weight 10 {\n    item x 10 {");
    assert_error(
        &d,
        Code::Syntax,
        "unexpected end of file, expected a rule (`minus`, `by`, `full if`, `zero if`, `late`, `score`) or `}` to close the item's rules",
        (3, 16),
    );
    assert_eq!(d.labels[0].span.len(), 0);
    let d = parse_err("scorecard t {");
    assert_error(
        &d,
        Code::Syntax,
        "unexpected end of file, expected a declaration (`input`, `section`, `grade` …) or `}` to close the scorecard",
        (1, 14),
    );
}

#[test]
fn misspelt_keyword_gets_a_suggestion() {
    let d = parse_err("scorecard t {\n  sectoin a weight 10 { }\n}");
    assert_error(
        &d,
        Code::Syntax,
        "expected a declaration (`input`, `section`, `grade` …) or `}` to close the scorecard, found `sectoin`",
        (2, 3),
    );
    assert_eq!(d.help.as_deref(), Some("did you mean `section`?"));

    let d = parse_err("scorecard t { input a count defualt 0 }");
    assert_eq!(d.help.as_deref(), Some("did you mean `default`?"));
}

#[test]
fn reserved_word_as_a_name() {
    let d = parse_err("scorecard t {\n  input section bool\n}");
    assert_error(&d, Code::Syntax, "expected a name, found `section`", (2, 9));
    assert!(d.help.unwrap().contains("reserved word"));
}

#[test]
fn missing_colon_in_a_tier_row() {
    let d = parse_err("scorecard t {\n  grade {\n    >= 90 : 优秀\n    else 较差\n  }\n}");
    assert_error(&d, Code::Syntax, "expected `:`, found `较差`", (4, 10));
}

#[test]
fn missing_expression() {
    let d = parse_err("scorecard t { output x = }");
    assert_error(
        &d,
        Code::Syntax,
        "expected a number, a name or a formula, found `}`",
        (1, 26),
    );
    let d = parse_err("scorecard t { output x = (a + b }");
    assert_error(
        &d,
        Code::Syntax,
        "expected an operator or `)` to close the parenthesis, found `}`",
        (1, 33),
    );
}

#[test]
fn text_errors() {
    let d = parse_err("scorecard t {\n  input a count \"未完\n}");
    assert_error(&d, Code::Syntax, "this text is never closed", (2, 20));
    let d = parse_err("scorecard t { input a count \"a\\qb\" }");
    assert_error(&d, Code::Syntax, "unknown escape `\\q` in a text", (1, 31));
    let d = parse_err("scorecard t { input a count “未完");
    assert_error(&d, Code::Syntax, "this text is never closed", (1, 32));
    assert!(d.help.unwrap().contains('”'));
}

#[test]
fn unclosed_block_comment() {
    let d = parse_err("scorecard t {\n  /* note\n  total 100\n}");
    assert_error(&d, Code::Syntax, "this comment is never closed", (2, 3));
}

#[test]
fn text_after_the_card() {
    let d = parse_err("scorecard t { }\n}");
    assert_error(
        &d,
        Code::Syntax,
        "unexpected `}` after the end of the scorecard",
        (2, 1),
    );
}

#[test]
fn garbage_input() {
    let d = parse_err("\u{0}\u{1}\u{7f}ÿ\u{FFFD} garbage");
    assert_error(
        &d,
        Code::Syntax,
        "expected a card starting with `scorecard`, found `\\0\\u{1}\\u{7f}ÿ\u{FFFD}`",
        (1, 1),
    );
    let d = parse_err("scorecard t { total 100 } \u{0}");
    assert_eq!(d.position(), Some((1, 27)));
    // Every prefix of the S1 card fails cleanly or parses; none panics.
    let s1 = s1_text();
    for (end, _) in s1.char_indices().step_by(37) {
        let _ = parse(&SourceFile::new("cut.card", &s1[..end]));
    }
}

#[test]
fn long_found_tokens_are_shortened() {
    let d = parse_err(&format!("scorecard t {{ {} }}", "x".repeat(100)));
    assert!(
        d.message.ends_with(&format!("found `{}…`", "x".repeat(24))),
        "{}",
        d.message
    );
    assert_eq!(d.labels[0].span.len(), 24);
}

#[test]
fn number_too_large_is_a_bad_number() {
    let d = parse_err("scorecard t {\n  total 99999999999999999999999999999999\n}");
    assert_error(
        &d,
        Code::BadNumber,
        "the number `99999999999999999999999999999999` is too large",
        (2, 9),
    );
    // Every bad number is reported, not just the first.
    let many = format!(
        "scorecard t {{ param a {0}% param b -{0} }}",
        "9".repeat(40)
    );
    let diagnostics = parse(&SourceFile::new("t.card", many)).unwrap_err();
    assert_eq!(diagnostics.0.len(), 2);
    assert!(diagnostics.iter().all(|d| d.code == Code::BadNumber));
}

#[test]
fn number_with_too_many_decimal_places_is_a_bad_number() {
    let d = parse_err(&format!("scorecard t {{ param a 0.{}1 }}", "0".repeat(40)));
    assert_eq!(d.code, Code::BadNumber);
    assert!(
        d.message.ends_with("has too many decimal places"),
        "{}",
        d.message
    );
    let d = parse_err(&format!("scorecard t {{ param a 0.{}1% }}", "0".repeat(27)));
    assert_eq!(d.code, Code::BadNumber);
    // The largest values still fit.
    card_with("param a 79228162514264337593543950335\nparam b 0.0000000000000000000000000001");
}

#[test]
fn no_panic_on_token_soup() {
    let words = [
        "scorecard",
        "t",
        "{",
        "}",
        "(",
        ")",
        "input",
        "section",
        "item",
        "weight",
        "10%",
        "by",
        ">=",
        ":",
        "else",
        "full",
        "if",
        "\"",
        "“",
        "\\",
        "/*",
        "//",
        "\n",
        " ",
        "-",
        "元",
        "grade",
        "x",
        ";",
        ",",
        "minus",
        "per",
        "late",
        "missing",
        "day",
        "not",
        "0",
        "..",
        "=",
        "output",
        "\u{0}",
        "é",
        "99999999999999999999999999999999",
    ];
    // A fixed xorshift sequence: the same soups on every run.
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..3000 {
        let mut text = String::new();
        for _ in 0..seed % 40 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(words[(seed % words.len() as u64) as usize]);
            if seed % 3 == 0 {
                text.push(' ');
            }
        }
        for text in [format!("scorecard t {{ {text}"), text] {
            if let Err(diagnostics) = parse(&SourceFile::new("soup.card", text)) {
                assert!(diagnostics.has_errors());
                assert!(diagnostics.iter().all(|d| d.position().is_some()));
            }
        }
    }
}
