//! `quote "…"` and `assume "…"`: where a node's numbers come from.

use super::words::text;
use super::{span, Children, Lower, Pair};
use crate::source::Span;
use crate::syntax::ast::{Note, NoteKind};
use crate::syntax::parser::Rule;

impl Lower {
    /// `note = { (kw_quote | kw_assume) ~ text }`, each before the node at
    /// `target` (the node's span, as the printer begins it).
    pub(super) fn attach(&mut self, notes: Vec<Pair>, target: Span) {
        for pair in notes {
            let span = span(&pair);
            let kind = match pair.clone().into_inner().next().map(|p| p.as_rule()) {
                Some(Rule::kw_assume) => NoteKind::Assume,
                _ => NoteKind::Quote,
            };
            let Ok(text_pair) = Children::of(pair).required(Rule::text) else {
                continue;
            };
            self.notes.push(Note {
                kind,
                text: text(text_pair),
                span,
                target,
            });
        }
    }
}
