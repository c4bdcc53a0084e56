//! The policy's own words on a card's nodes, for `explain`.
//!
//! A card writes `quote "…"` (the policy's sentence) or `assume "…"` (a
//! setting of ours) on the line before a node. The checked card does not keep
//! these notes, so they are read again from the card's source text (each file
//! of a card that extends others, shifted to where the file lies in the
//! composite source, as [`crate::resolve`] shifts the card itself) and kept
//! per source text, so that a report explaining many rows parses each card
//! once.
//!
//! A note belongs to the innermost node it is written before (a tier row
//! over its item's rule, the rule over the item); notes on a section or on
//! the card are about the section's weights, not about one item, and are not
//! used for an item.

use crate::check::CheckedCard;
use crate::source::{SourceFile, Span};
use crate::syntax::ast::NoteKind;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

/// One `quote` or `assume`, and the span of the node it precedes.
#[derive(Debug, Clone)]
pub(super) struct Note {
    pub quote: bool,
    pub text: String,
    pub target: Span,
}

/// Every note of a card, in source order.
#[derive(Debug, Default)]
pub(super) struct Notes(Vec<Note>);

/// How many cards' notes are kept at most (a run checks a handful).
const KEPT: usize = 64;

static CACHE: LazyLock<Mutex<HashMap<Arc<str>, Arc<Notes>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// The notes of `card`, read from its source once per source text.
pub(super) fn notes_of(card: &CheckedCard) -> Arc<Notes> {
    // A report asks for the same card's notes for every item of every row:
    // the last card's, kept per thread, are found by the text's address,
    // without hashing the text or taking the lock.
    thread_local! {
        static LAST: std::cell::RefCell<Option<(Arc<str>, Arc<Notes>)>> =
            const { std::cell::RefCell::new(None) };
    }
    let text = &card.source().text;
    let last = LAST.with(|last| {
        let last = last.borrow();
        let (key, notes) = last.as_ref()?;
        Arc::ptr_eq(key, text).then(|| notes.clone())
    });
    if let Some(notes) = last {
        return notes;
    }
    let notes = shared_notes(card);
    LAST.with(|last| *last.borrow_mut() = Some((text.clone(), notes.clone())));
    notes
}

fn shared_notes(card: &CheckedCard) -> Arc<Notes> {
    let key = card.source().text.clone();
    if let Ok(cache) = CACHE.lock() {
        if let Some(found) = cache.get(&key) {
            return found.clone();
        }
    }
    let notes = Arc::new(read(card.source()));
    if let Ok(mut cache) = CACHE.lock() {
        if cache.len() >= KEPT {
            cache.clear();
        }
        cache.insert(key, notes.clone());
    }
    notes
}

fn read(source: &Arc<SourceFile>) -> Notes {
    let mut notes = Vec::new();
    let mut add = |file: &Arc<SourceFile>, shift: usize| {
        // A card that checked parses; if not, it simply has no notes to show.
        if let Ok(card) = crate::syntax::parse(file) {
            notes.extend(card.notes.into_iter().map(|n| Note {
                quote: n.kind == NoteKind::Quote,
                text: n.text.value,
                target: Span::new(n.target.start + shift, n.target.end + shift),
            }));
        }
    };
    if source.parts.is_empty() {
        add(source, 0);
    } else {
        for part in &source.parts {
            add(&part.file, part.start);
        }
    }
    Notes(notes)
}

fn contains(outer: Span, inner: Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

impl Notes {
    /// The notes on the innermost node over `node` that is not larger than
    /// `item` (a section or the card): `item` is the item (or block, or
    /// declaration) the node belongs to. A node may carry a quote and an
    /// assumption both (the policy's formula, and our rounding of it).
    pub fn on(&self, node: Span, item: Span) -> Vec<&Note> {
        let over: Vec<&Note> = self
            .0
            .iter()
            .filter(|n| contains(n.target, node))
            .filter(|n| !(contains(n.target, item) && n.target.len() > item.len()))
            .collect();
        let Some(inner) = over.iter().map(|n| n.target.len()).min() else {
            return Vec::new();
        };
        over.into_iter()
            .filter(|n| n.target.len() == inner)
            .collect()
    }

    /// Quotes written inside `item` before a node the card no longer has:
    /// the base card's words on a rule that a card extending it replaced.
    /// `live` are the spans of the item's nodes now.
    pub fn replaced(&self, item: Span, live: &[Span]) -> Vec<&Note> {
        self.0
            .iter()
            .filter(|n| n.quote && contains(item, n.target) && n.target != item)
            .filter(|n| {
                !live
                    .iter()
                    .any(|&s| contains(n.target, s) || contains(s, n.target))
            })
            .collect()
    }
}

/// Whether a quote reads as a sentence a person can follow (not a row of
/// figures copied from a form: `-10 -5`, `抽查回访 17%…考核 分数 5 3 6`).
pub(super) fn is_sentence(text: &str) -> bool {
    let han = text
        .chars()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .count();
    let figures = text
        .chars()
        .filter(|c| c.is_ascii_digit() || matches!(c, '%' | '-'))
        .count();
    let written = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '…')
        .count();
    han >= 4 && figures * 2 < written
}

/// Words that say "below" in the policies (`一下` is the source's own typo).
const BELOW: [&str; 6] = ["以下", "一下", "低于", "不足", "未达", "以内"];

/// The clause of a long quote that speaks of `threshold` (as written: `95%`,
/// `3`), when exactly one does: `below` asks for the clause about falling
/// under it (an `else` row), otherwise about reaching it. `None` when no
/// clause, or more than one, fits: then the quote is given whole.
pub(super) fn clause<'a>(quote: &'a str, threshold: &str, below: bool) -> Option<&'a str> {
    let clauses: Vec<&str> = quote
        .split([',', '，', ';', '；', '。'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    if clauses.len() < 2 {
        return None;
    }
    let fits: Vec<&str> = clauses
        .into_iter()
        .filter(|c| mentions(c, threshold))
        .filter(|c| BELOW.iter().any(|w| c.contains(w)) == below)
        .collect();
    match fits.as_slice() {
        [one] => Some(one),
        _ => None,
    }
}

/// Whether `text` holds the number `n` on its own (`95%` is not in `195%`,
/// `3` is not in `30`).
fn mentions(text: &str, n: &str) -> bool {
    let digit = |c: char| c.is_ascii_digit() || c == '.';
    let mut from = 0;
    while let Some(at) = text[from..].find(n) {
        let start = from + at;
        let end = start + n.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        let percent = n.ends_with('%');
        if !before.is_some_and(digit) && !after.is_some_and(|c| digit(c) || (!percent && c == '%'))
        {
            return true;
        }
        from = end;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    const FEEDBACK: &str = "客户意见反馈及时率和客户服务信息传递及时率达98%以上(含98%)绩效得满分,达95%以上(含95%)绩效扣 1份,85%以上(含85%)绩效扣2份,85%以下该项绩效不得分";

    #[test]
    fn the_clause_of_a_tier_is_found_when_only_one_speaks_of_it() {
        assert_eq!(
            clause(FEEDBACK, "95%", false),
            Some("达95%以上(含95%)绩效扣 1份")
        );
        assert_eq!(
            clause(FEEDBACK, "85%", false),
            Some("85%以上(含85%)绩效扣2份")
        );
        assert_eq!(clause(FEEDBACK, "85%", true), Some("85%以下该项绩效不得分"));
        assert_eq!(clause(FEEDBACK, "5%", false), None);
        assert_eq!(clause(FEEDBACK, "90%", false), None);
        // `905以下` (the source's typo) does not say 90%: the quote stays whole.
        let typo = "达90%以上(含90%) 绩效扣2份,905以下不得分。";
        assert_eq!(clause(typo, "90%", true), None);
    }

    #[test]
    fn figures_copied_from_a_form_are_no_sentence() {
        assert!(!is_sentence("-10 -5"));
        assert!(!is_sentence("抽查回访 17%…考核 分数 5 3 6 3 3 3 5 5 5 5 5"));
        assert!(!is_sentence(
            "日常 工作 24%…考核 分数 5 3 6 3 3 3 5 5 5 5 5…4 4 3 4 4 5 5 5 8 5 5 100"
        ));
        assert!(is_sentence("如是个人原因引起抱怨,则一次扣个人绩效2分"));
        assert!(is_sentence(
            "建立不同的客户数据库,对客户做到分类管理…未做到扣除本项分值。"
        ));
    }
}
