//! Numbers, names, texts, comments and layout.

use super::*;

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
    assert_eq!(number("98％").unit, LitUnit::Percent);
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
fn every_keyword_starts_with_a_lowercase_ascii_letter() {
    // `ident` in the grammar only looks for a keyword after such a letter.
    use crate::syntax::parser::{is_keyword, keyword_text, Rule};
    let words = Rule::all_rules()
        .iter()
        .filter_map(|&r| keyword_text(r))
        .chain(InputType::ALL.iter().map(|t| t.keyword()));
    for word in words {
        assert!(word.starts_with(|c: char| c.is_ascii_lowercase()), "{word}");
        assert!(is_keyword(word), "{word}");
    }
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
