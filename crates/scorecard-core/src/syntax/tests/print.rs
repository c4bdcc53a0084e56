//! The printer: its output parses back to the same card, and printing is stable.

use super::parse_ok;
use crate::syntax::print::print;

/// Cards whose printed form must round-trip: every shipped card (brand
/// cards with their overrides too) and the language tour.
fn cards() -> Vec<(String, String)> {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut paths = vec![root.join("tests/cards/valid/tour.card")];
    let mut dirs = vec![root.join("rules")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir)
            .expect("rules/ is readable")
            .flatten()
        {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "card") {
                paths.push(path);
            }
        }
    }
    assert!(paths.len() > 10, "found only {} cards", paths.len());
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("card is readable");
            (p.display().to_string(), text)
        })
        .collect()
}

#[test]
fn printed_cards_parse_back_and_print_the_same() {
    for (path, text) in cards() {
        let once = print(&parse_ok(&text));
        let twice = print(&parse_ok(&once));
        assert_eq!(once, twice, "{path}: printing is not stable");
    }
}

#[test]
fn expressions_keep_their_meaning_with_minimal_parentheses() {
    let card = "scorecard t { output o = (1 + 2) * 3 - -4 / (5 - 6) }";
    let printed = print(&parse_ok(card));
    assert!(
        printed.contains("output o = (1 + 2) * 3 - -4 / (5 - 6)"),
        "{printed}"
    );
    let card = "scorecard t { output o = if a and (b or c) then 1 else (if d then 2 else 3) }";
    let printed = print(&parse_ok(card));
    assert!(
        printed.contains("if a and (b or c) then 1 else (if d then 2 else 3)"),
        "{printed}"
    );
}

#[test]
fn labels_with_quotes_are_escaped() {
    let printed = print(&parse_ok(r#"scorecard t "say \"hi\"" { }"#));
    assert!(
        printed.starts_with(r#"scorecard t "say \"hi\"" {"#),
        "{printed}"
    );
}
