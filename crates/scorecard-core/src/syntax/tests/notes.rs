//! `quote` and `assume` notes, and `require` lines.

use super::*;
use crate::syntax::numbers::marked;

const CARD: &str = r#"scorecard t {
    total 100
    assume "目标由门店下达"
    input 目标 count range 1..1000
    require 目标 >= 1 "目标至少1台"
    quote "销售业绩的权重设定在30%到40%"
    section 业绩 weight 100 {
        assume "the points are ours"
        item 完成 100 {
            by 目标 {
                >= 10 : full
                quote "不达标不得分"
                else  : 0
            }
        }
    }
}
"#;

/// Each number as written, with the keyword of the note that covers it.
fn marks(card: &Card) -> Vec<(String, Option<&'static str>)> {
    marked(card)
        .iter()
        .map(|m| {
            let unit = match m.number.unit {
                LitUnit::Percent => "%",
                _ => "",
            };
            let shown = format!(
                "{}{unit}",
                m.number.value
                    * if unit.is_empty() {
                        Decimal::ONE
                    } else {
                        Decimal::ONE_HUNDRED
                    }
            );
            (
                shown.trim_end_matches(".00").to_string(),
                m.note.map(|n| n.kind.keyword()),
            )
        })
        .collect()
}

#[test]
fn a_note_covers_the_numbers_of_the_node_it_precedes_the_innermost_winning() {
    let card = parse_ok(CARD);
    assert_eq!(card.notes.len(), 4);
    assert_eq!(card.notes[0].kind, NoteKind::Assume);
    assert_eq!(card.notes[0].text.value, "目标由门店下达");
    let got = marks(&card);
    let want: Vec<(String, Option<&str>)> = vec![
        ("100".into(), None),         // total: no note
        ("1".into(), Some("assume")), // range 1..1000: the input's note
        ("1000".into(), Some("assume")),
        ("1".into(), None),             // the `require` line has no note
        ("100".into(), Some("quote")),  // the section's weight
        ("100".into(), Some("assume")), // the item's points: the item's own note
        ("10".into(), Some("assume")),  // a row without a note: the item's
        ("0".into(), Some("quote")),    // the `else` row's own note
    ];
    assert_eq!(got, want);
}

#[test]
fn notes_print_on_their_own_lines_and_parse_back_the_same() {
    let card = parse_ok(CARD);
    let printed = crate::syntax::print::print(&card);
    assert!(
        printed.contains("    assume \"目标由门店下达\"\n    input 目标 count range 1..1000\n"),
        "{printed}"
    );
    assert!(
        printed.contains("        assume \"the points are ours\"\n        item 完成 100 {\n"),
        "{printed}"
    );
    assert!(
        printed.contains("    require 目标 >= 1 \"目标至少1台\"\n"),
        "{printed}"
    );
    let again = parse_ok(&printed);
    assert_eq!(crate::syntax::print::print(&again), printed);
    assert_eq!(again.notes.len(), card.notes.len());
}

#[test]
fn a_rule_with_a_note_opens_a_block_rather_than_sharing_its_items_line() {
    let card = card_with(
        "total 5\nsection s weight 5 { item a 5 { assume \"ours\" minus 1 per n } }\ninput n count",
    );
    let printed = crate::syntax::print::print(&card);
    assert!(
        printed.contains("        item a 5 {\n            assume \"ours\"\n            minus 1 per n\n        }\n"),
        "{printed}"
    );
}

#[test]
fn a_note_must_precede_something() {
    let d = parse_err("scorecard t {\n    total 1\n    assume \"dangling\"\n}");
    assert_eq!(d.code, Code::Syntax, "{d:#?}");
}

#[test]
fn quote_assume_and_require_are_reserved_words() {
    for word in ["quote", "assume", "require"] {
        let d = parse_err(&format!("scorecard t {{ input {word} count }}"));
        assert_eq!(d.code, Code::Syntax, "{word}: {d:#?}");
    }
}
