//! Where the numbers of the shipped cards come from: each is quoted from the
//! policy (`quote "…"`, the policy's own words) or marked as ours (`assume
//! "…"`), and `scorecard show --assumptions` lists the ones that are ours.

use crate::cli::{scorecard, text};
use crate::common;
use scorecard::syntax::comments::scan;
use scorecard::syntax::numbers::marked;
use std::path::{Path, PathBuf};

/// Every card of the repository: the shipped ones and the test fixtures that parse.
fn every_card() -> Vec<PathBuf> {
    let mut cards = common::cards_under(&common::root().join("rules"));
    for dir in ["tests/cards/valid", "tests/cards/fmt"] {
        cards.extend(common::cards_under(&common::root().join(dir)));
    }
    cards
}

fn parsed(path: &Path) -> scorecard::syntax::ast::Card {
    scorecard::syntax::parse(&common::source(path))
        .unwrap_or_else(|_| panic!("{} should parse", common::relative(path)))
}

/// The numbers written in `text`, found by reading the text itself: digits
/// outside comments, quoted texts and dates, not inside a name (`违反5S`, `GL8`).
fn numbers_in_text(text: &str) -> usize {
    let mut hidden = vec![false; text.len()];
    for comment in scan(text) {
        hidden[comment.span.start..comment.span.end].fill(true);
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut count = 0;
    let mut i = 0;
    let mut in_text: Option<char> = None;
    while i < chars.len() {
        let (at, c) = chars[i];
        if hidden[at] {
            i += 1;
            continue;
        }
        match in_text {
            Some(close) => {
                if c == '\\' {
                    i += 1;
                } else if c == close || c == '\n' {
                    in_text = None;
                }
                i += 1;
                continue;
            }
            None if c == '"' => in_text = Some('"'),
            None if c == '“' => in_text = Some('”'),
            None => {}
        }
        if in_text.is_some() {
            i += 1;
            continue;
        }
        let after_name = i > 0 && (chars[i - 1].1.is_alphanumeric() || chars[i - 1].1 == '_');
        if c.is_ascii_digit() && !after_name {
            let start = i;
            while i < chars.len() && (chars[i].1.is_ascii_digit() || chars[i].1 == '.') {
                // `0..100`: a range's dots end the number
                if chars[i].1 == '.' && chars.get(i + 1).is_some_and(|n| n.1 == '.') {
                    break;
                }
                i += 1;
            }
            let word: String = chars[start..i].iter().map(|(_, c)| c).collect();
            // A date (`effective 2026-01-01..`) is not a number of the card.
            let is_date = chars.get(i).is_some_and(|n| n.1 == '-') && word.len() == 4;
            if is_date {
                while i < chars.len() && (chars[i].1.is_ascii_digit() || chars[i].1 == '-') {
                    i += 1;
                }
            } else {
                count += 1;
            }
            continue;
        }
        i += 1;
    }
    count
}

#[test]
fn every_number_written_in_a_card_is_found() {
    for path in every_card() {
        let source = common::source(&path);
        let card = parsed(&path);
        assert_eq!(
            marked(&card).len(),
            numbers_in_text(&source.text),
            "{}: the numbers found in the tree and in the text differ",
            common::relative(&path)
        );
    }
}

#[test]
fn every_number_of_every_shipped_card_is_quoted_or_assumed() {
    let mut unmarked = Vec::new();
    let mut cards = 0;
    for path in common::cards_under(&common::root().join("rules")) {
        let source = common::source(&path);
        let card = parsed(&path);
        cards += 1;
        for m in marked(&card).iter().filter(|m| m.note.is_none()) {
            let (line, _) = source.line_col(m.number.span.start);
            unmarked.push(format!(
                "{}:{line}: `{}` in `{}`",
                common::relative(&path),
                source.slice(m.number.span),
                source.line_text(m.number.span.start).trim()
            ));
        }
    }
    assert!(cards >= 20, "only {cards} shipped cards found");
    assert!(
        unmarked.is_empty(),
        "numbers neither quoted from the policy nor marked as ours (write `quote \"…\"` or `assume \"…\"` on the line before):\n{}",
        unmarked.join("\n")
    );
}

/// The source documents, beside the repository (`../shared/domain/`), if present.
fn policy_text() -> Option<String> {
    let path = common::root().join("../shared/domain/000_90ed516e5d564bfd.txt");
    std::fs::read_to_string(path).ok()
}

fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn quotes_are_the_policys_own_words() {
    let Some(policy) = policy_text() else {
        eprintln!(
            "../shared/domain/ is not beside the repository: the quotes were not compared with it"
        );
        return;
    };
    let policy = squeezed(&policy);
    let mut wrong = Vec::new();
    let mut quotes = 0;
    for path in common::cards_under(&common::root().join("rules")) {
        let card = parsed(&path);
        for note in card
            .notes
            .iter()
            .filter(|n| n.kind == scorecard::syntax::ast::NoteKind::Quote)
        {
            quotes += 1;
            // `…` marks words left out: each piece is the policy's, as written.
            for piece in note.text.value.split('…').map(squeezed) {
                if !piece.is_empty() && !policy.contains(&piece) {
                    wrong.push(format!("{}: \"{piece}\"", common::relative(&path)));
                }
            }
        }
    }
    assert!(quotes >= 20, "only {quotes} quotes in the shipped cards");
    assert!(
        wrong.is_empty(),
        "quoted words not in the policy text:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn show_assumptions_lists_every_shipped_cards_assumed_numbers() {
    let out = scorecard(&["show", "--assumptions", "rules/"]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    for path in common::cards_under(&common::root().join("rules")) {
        let rel = common::relative(&path);
        assert!(
            stdout.contains(&format!("\n{rel}  ")) || stdout.starts_with(&format!("{rel}  ")),
            "{rel} is not listed"
        );
    }
    assert!(stdout.contains(", 0 numbers unmarked\n"), "{stdout}");
    assert!(!stdout.contains("not marked"), "{stdout}");
    // What HR reads for one card, in full.
    let out = scorecard(&["show", "--assumptions", "rules/technician.card"]);
    insta::assert_snapshot!(text(&out.stdout));
}
