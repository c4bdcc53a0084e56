//! `fmt`: canonical layout, comments kept in place, idempotent.

use crate::source::SourceFile;
use crate::syntax::comments::scan;
use crate::syntax::fmt::format;

fn fmt(text: &str) -> String {
    match format(&SourceFile::new("test.card", text)) {
        Ok(formatted) => formatted,
        Err(d) => panic!("expected {text:?} to format, got {d:#?}"),
    }
}

#[test]
fn layout_is_canonical_and_formatting_twice_changes_nothing() {
    let messy = "scorecard a   \"甲\"{total 5\nsection s weight 5{item i 5{by 完成率{>=98%:full;else:0}}}\ninput 完成率 percent}";
    let once = fmt(messy);
    assert_eq!(
        once,
        "scorecard a \"甲\" {\n    total 5\n\n    section s weight 5 {\n        item i 5 {\n            by 完成率 {\n                >= 98% : full\n                else   : 0\n            }\n        }\n    }\n\n    input 完成率 percent\n}\n"
    );
    assert_eq!(fmt(&once), once);
}

#[test]
fn a_comment_on_its_own_line_stays_above_what_follows_it() {
    let out = fmt("scorecard a {\n  total 1\n      // why the input\n  input x count\n}\n");
    assert!(
        out.contains("    total 1\n\n    // why the input\n    input x count\n"),
        "{out}"
    );
}

#[test]
fn a_comment_after_code_stays_at_the_end_of_its_line() {
    let out = fmt("scorecard a {\n total 1   // 总分\n input x count /* 次数 */\n}");
    assert!(out.contains("    total 1  // 总分\n"), "{out}");
    assert!(out.contains("    input x count  /* 次数 */\n"), "{out}");
}

#[test]
fn comments_before_a_closing_brace_stay_inside_the_block() {
    let out = fmt("scorecard a {\n total 1\n section s weight 1 {\n  item i 1\n  // last in s\n }\n // last in card\n}\n");
    assert!(
        out.contains("        item i 1\n        // last in s\n    }\n"),
        "{out}"
    );
    assert!(out.ends_with("    // last in card\n}\n"), "{out}");
}

#[test]
fn a_comment_inside_an_item_printed_on_one_line_goes_above_the_item() {
    let out = fmt(
        "scorecard a {\n total 3\n input n count\n section s weight 3 {\n  item i 3 {\n   // 一次扣1分\n   minus 1 per n\n  }\n }\n}",
    );
    assert!(
        out.contains("        // 一次扣1分\n        item i 3 { minus 1 per n }\n"),
        "{out}"
    );
}

#[test]
fn a_long_single_rule_opens_a_block_instead_of_one_long_line() {
    let card = "scorecard a {\n total 5\n input 培训缺席 bool\n input 培训迟到 bool\n input 培训成绩 number\n section s weight 5 {\n  item 培训考核 \"培训考核\" 5 { full if not 培训缺席 and not 培训迟到 and 培训成绩 >= 85 and 培训成绩 <= 100 }\n }\n}";
    let out = fmt(card);
    assert!(
        out.contains("        item 培训考核 \"培训考核\" 5 {\n            full if not"),
        "{out}"
    );
}

#[test]
fn blank_lines_next_to_comments_are_kept_once() {
    let out = fmt("// 标题\n\n\n// 说明\nscorecard a {\n total 1\n}\n\n\n// 完\n");
    assert_eq!(
        out,
        "// 标题\n\n// 说明\nscorecard a {\n    total 1\n}\n\n// 完\n"
    );
}

#[test]
fn windows_line_endings_and_a_byte_order_mark_are_accepted() {
    let out = fmt("\u{feff}// 说明\r\nscorecard a {\r\n total 1 // 一\r\n}\r\n");
    assert_eq!(out, "// 说明\nscorecard a {\n    total 1  // 一\n}\n");
}

#[test]
fn every_comment_survives() {
    let card = "/* 头 */ scorecard a { // 一\n total 2 /* 二 */ // 三\n input n count\n section s weight 2 {\n  item i 2 { minus 1 per n // 四\n  } // 五\n  /* 六\n     七 */\n }\n}\n// 八";
    let out = fmt(card);
    for comment in scan(card) {
        for line in comment.text(card).lines() {
            assert!(out.contains(line.trim()), "lost `{line}`:\n{out}");
        }
    }
    assert_eq!(fmt(&out), out);
}

#[test]
fn a_card_that_does_not_parse_is_an_error_not_a_guess() {
    let result = format(&SourceFile::new("bad.card", "scorecard a { total }"));
    assert!(result.is_err());
}

#[test]
fn money_rounding_and_the_main_output_format_and_read_back() {
    for when in ["at each step", "at the end"] {
        let messy = format!(
            "scorecard a {{ main   实发\n round   money to 0.01   {when}\n input 月工资 money\n output 实发 money = 月工资 }}"
        );
        let once = fmt(&messy);
        assert!(
            once.contains(&format!("    main 实发\n    round money to 0.01 {when}\n")),
            "{once}"
        );
        assert_eq!(fmt(&once), once);
    }
    // `round`, `to`, `at`, `each`, `step`, `the`, `end` and `main` stay usable as names.
    let names = fmt("scorecard a { input end count\n output step = end\n main step }");
    assert!(names.contains("    main step\n"), "{names}");
}
