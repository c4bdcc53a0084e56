//! Syntax errors read as plain sentences and point at the right place.

use super::*;

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
        "unexpected end of file, expected a rule (`minus`, `by`, `full if`, `zero if`, `late`, `score`, `rated by`) or `}` to close the item's rules",
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
            if seed.is_multiple_of(3) {
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
