//! Where each part of a resolved card came from, for `scorecard show`.
//!
//! Spans of a resolved card lie in a composite source, so a span already says
//! which file a node was written in. What a span cannot say is *how* the node
//! got there (added, overridden, patched) or what is gone: that is recorded
//! here as the overrides are applied, keyed by the span of the node as it
//! stands in the resolved card (the span the printer asks about).

use crate::source::{SourceFile, Span};
use std::collections::HashMap;

/// What composition did, beside the resolved card.
#[derive(Debug, Clone, Default)]
pub struct Changes {
    notes: HashMap<Span, Vec<Note>>,
    removed: Vec<Removal>,
}

/// One change: what happened, and the span of the statement that did it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// What happened (`weight changed from 10 to 15`), in the reader's language.
    pub what: String,
    /// The statement that did it, in the card that extends.
    pub at: Span,
}

impl Changes {
    /// Records `what` happened to the node at `node`, by the statement at `at`.
    pub(crate) fn note(&mut self, node: Span, what: impl Into<String>, at: Span) {
        self.notes.entry(node).or_default().push(Note {
            what: what.into(),
            at,
        });
    }

    /// Forgets what happened to a node that has been replaced or removed.
    pub(crate) fn forget(&mut self, node: Span) {
        self.notes.remove(&node);
    }

    /// Records that something was removed by the statement at `at`.
    pub(crate) fn removed(&mut self, kind: &'static str, name: Option<String>, at: Span) {
        self.removed.push(Removal { kind, name, at });
    }

    /// The changes to the node at `span`, oldest first.
    pub fn notes_on(&self, span: Span) -> &[Note] {
        self.notes.get(&span).map_or(&[], Vec::as_slice)
    }

    /// What was removed, in the order removed.
    pub fn removals(&self) -> &[Removal] {
        &self.removed
    }

    /// Whether nothing was added, changed or removed.
    pub fn is_empty(&self) -> bool {
        self.notes.is_empty() && self.removed.is_empty()
    }
}

/// What a `remove` took out: `item 潜客抽查`, `grade`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removal {
    /// The keyword after `remove`.
    pub kind: &'static str,
    /// `None` for `remove grade`.
    pub name: Option<String>,
    /// The `remove` statement.
    pub at: Span,
}

impl std::fmt::Display for Removal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.name {
            Some(name) => write!(f, "{} {name}", self.kind),
            None => f.write_str(self.kind),
        }
    }
}

/// `rules/brands/君威/回访专员.card:12`: where a statement is.
pub fn place(source: &SourceFile, at: Span) -> String {
    let (file, offset) = source.locate(at.start);
    format!("{}:{}", file.name, file.line_col(offset).0)
}

/// The notes on one node as one line: `points changed in a.card:9; rules replaced in b.card:4`.
pub fn describe(source: &SourceFile, notes: &[Note]) -> Option<String> {
    if notes.is_empty() {
        return None;
    }
    let parts: Vec<String> = notes
        .iter()
        .map(|n| crate::t!("change-in", what = &n.what, place = place(source, n.at)))
        .collect();
    Some(parts.join(&crate::t!("change-sep")))
}
