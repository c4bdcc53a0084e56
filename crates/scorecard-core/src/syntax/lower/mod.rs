//! pest's parse tree → [`ast`] nodes.
//!
//! One method per grammar rule, in the order of `grammar/scorecard.pest`, each
//! headed by the rule it reads. The files follow the grammar's sections:
//!
//! - `decls.rs`: the card and its declarations (inputs, params, bonuses, outputs)
//! - `hooks.rs`: hook imports and the signatures they declare
//! - `compose.rs`: `extends`, `override` and `remove`
//! - `items.rs`: sections, items and their rules
//! - `tables.rs`: tier tables (item tiers' rows, grades, bands)
//! - `group.rs`: raters, ranks, grade limits and period roll-ups
//! - `expr.rs`: formulas
//! - `words.rs`: names, numbers, texts
//!
//! This file holds the entry point and the helpers for walking pest's tree.
//! Keyword and punctuation pairs (`kw_*`, `{`, `}` …) carry no content and are
//! skipped by [`Children`].
//!
//! Problems the grammar cannot rule out (a number too big, a chained
//! comparison, an input option given twice) are collected and lowering goes
//! on, so the author sees them all at once. A tree the grammar cannot produce
//! is a bug in this module and stops lowering with an "internal error".

mod compose;
mod decls;
mod expr;
mod group;
mod hooks;
mod items;
mod notes;
mod tables;
mod words;

use super::ast;
use super::parser::{is_token, Rule};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::source::{SourceFile, Span};
use crate::t;
use std::iter::Peekable;
use std::sync::Arc;

type Pair<'i> = pest::iterators::Pair<'i, Rule>;
type Pairs<'i> = pest::iterators::Pairs<'i, Rule>;

/// `Err` only for an internal error; user mistakes go to [`Lower::problems`].
type Lowered<T> = Result<T, Diagnostic>;

/// Lowers the `card` pair of a successful parse.
pub fn card(source: &Arc<SourceFile>, pair: Pair) -> Result<ast::Card, Diagnostics> {
    let mut lower = Lower {
        problems: Diagnostics::default(),
        depth: 0,
        notes: Vec::new(),
        terms: 0,
    };
    if source.text.len() > MAX_NAME_CHARS {
        lower.long_names(&pair);
    }
    match lower.card(pair) {
        Ok(card) if !lower.problems.has_errors() => Ok(card),
        Ok(_) => Err(in_file(lower.problems, source)),
        Err(bug) => Err(in_file(Diagnostics(vec![bug]), source)),
    }
}

fn in_file(diagnostics: Diagnostics, source: &Arc<SourceFile>) -> Diagnostics {
    Diagnostics(
        diagnostics
            .0
            .into_iter()
            .map(|d| d.in_file(source))
            .collect(),
    )
}

struct Lower {
    problems: Diagnostics,
    /// How many expressions enclose the one being lowered.
    depth: usize,
    /// The `quote` and `assume` notes lowered so far, in source order.
    notes: Vec<ast::Note>,
    /// How many operands (numbers, names, calls) the formula being lowered
    /// has so far.
    terms: usize,
}

/// How deeply expressions may nest (parentheses, `-`, `not`, `if`) before
/// lowering stops with a diagnostic rather than risk overflowing the stack.
pub const MAX_NESTING: usize = 256;
/// How many operands (numbers, names, calls) one formula may have. A sum of
/// operands is a chain of operations as long, which every later stage walks
/// by recursion; with [`MAX_NESTING`] this bounds how deep any walk goes.
pub const MAX_TERMS: usize = 1_000;
/// The longest name, in characters (a label, in quotes, may be longer).
pub const MAX_NAME_CHARS: usize = 100;

impl Lower {
    /// Reports every name longer than [`MAX_NAME_CHARS`]: a card with one is
    /// not lowered further (comparing such names would cost their length squared).
    fn long_names(&mut self, card: &Pair) {
        for pair in card.clone().into_inner().flatten() {
            let text = pair.as_str();
            if pair.as_rule() == Rule::ident
                && text.len() > MAX_NAME_CHARS
                && text.chars().count() > MAX_NAME_CHARS
            {
                let start = pair.as_span().start();
                let cut = text
                    .char_indices()
                    .nth(MAX_NAME_CHARS)
                    .map_or(text.len(), |(i, _)| i);
                self.problems.push(
                    Diagnostic::error(
                        Code::Syntax,
                        t!(
                            "name-too-long",
                            count = text.chars().count(),
                            most = MAX_NAME_CHARS
                        ),
                    )
                    .label(Span::new(start, start + cut), t!("name-too-long-label"))
                    .help(t!("name-too-long-help")),
                );
            }
        }
    }
}

// ─── Walking the tree ────────────────────────────────────────────────────────

/// The source text a pair covers. pest lets a rule that ends in a repetition
/// (`unary ~ ((mul_op | add_op) ~ unary)*`) take in the whitespace and comments
/// after it, so the span ends where the pair's last token ends.
///
/// What pest takes in that way always ends in whitespace or in the `/` of a
/// `*/` (a `//` comment is followed by its line end, and by more of the card);
/// a pair that ends in anything else ends with its last token, so its own
/// span is the answer, without walking its tokens (most pairs: names,
/// numbers, texts, closing braces).
fn span(pair: &Pair) -> Span {
    let whole = pair.as_span();
    let may_end_in_whitespace = pair
        .as_str()
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{3000}' | '\u{FEFF}' | '/'));
    if !may_end_in_whitespace {
        return Span::new(whole.start(), whole.end());
    }
    let end = match pair.clone().into_inner().flatten().next_back() {
        Some(last) => last.as_span().end(),
        None => whole.end(),
    };
    Span::new(whole.start(), end)
}

/// An internal error: the tree has a shape the grammar does not allow.
fn unexpected(pair: &Pair) -> Diagnostic {
    Diagnostic::error(
        Code::Syntax,
        t!(
            "internal-parse-tree",
            rule = format!("{:?}", pair.as_rule())
        ),
    )
    .label(span(pair), t!("here"))
}

/// The next child of a pair whose grammar rule promises one.
fn next<'i>(children: &mut Pairs<'i>) -> Lowered<Pair<'i>> {
    children.next().ok_or_else(missing_part)
}

/// An internal error: a part the grammar promises is not in the tree.
fn missing_part() -> Diagnostic {
    Diagnostic::error(
        Code::Syntax,
        "internal error: a part of the parse tree is missing; please report this card",
    )
}

/// The child of a rule that is a choice (`a | b | c`).
fn only_child(pair: Pair) -> Lowered<Pair> {
    next(&mut pair.into_inner())
}

/// The last child, skipping nothing: for `kw_role ~ (text | ident)`.
fn last_child(pair: Pair) -> Lowered<Pair> {
    let whole = pair.clone();
    pair.into_inner().last().ok_or_else(|| unexpected(&whole))
}

/// The children of a pair, read front to back. Keyword and punctuation pairs
/// are skipped unless they are the rule asked for.
struct Children<'i> {
    /// The parent, for an internal error's label (its span is worked out only then).
    parent: Pair<'i>,
    inner: Peekable<Pairs<'i>>,
}

impl<'i> Children<'i> {
    fn of(pair: Pair<'i>) -> Self {
        Children {
            parent: pair.clone(),
            inner: pair.into_inner().peekable(),
        }
    }

    /// The next child if it is a `rule` pair.
    fn optional(&mut self, rule: Rule) -> Option<Pair<'i>> {
        while let Some(next) = self.inner.peek() {
            if next.as_rule() == rule {
                return self.inner.next();
            }
            if !is_token(next.as_rule()) {
                return None;
            }
            self.inner.next();
        }
        None
    }

    /// The next child, which the grammar says is a `rule` pair.
    fn required(&mut self, rule: Rule) -> Lowered<Pair<'i>> {
        self.optional(rule).ok_or_else(|| {
            Diagnostic::error(
                Code::Syntax,
                format!(
                    "internal error: `{:?}` lacks its `{rule:?}` in the parse tree; please report this card",
                    self.parent.as_rule()
                ),
            )
            .label(span(&self.parent), "here")
        })
    }

    /// Every `rule` pair from here on, each lowered by `lower` with the
    /// `note` pairs written before it.
    fn all_noted<T>(
        &mut self,
        rule: Rule,
        mut lower: impl FnMut(Vec<Pair<'i>>, Pair<'i>) -> Lowered<T>,
    ) -> Lowered<Vec<T>> {
        let mut out = Vec::new();
        loop {
            let mut notes = Vec::new();
            while let Some(note) = self.optional(Rule::note) {
                notes.push(note);
            }
            match self.optional(rule) {
                Some(pair) => out.push(lower(notes, pair)?),
                None if notes.is_empty() => return Ok(out),
                None => return Err(unexpected(&notes[0])),
            }
        }
    }

    /// Every `rule` pair from here on, each lowered by `lower`.
    fn all<T>(
        &mut self,
        rule: Rule,
        mut lower: impl FnMut(Pair<'i>) -> Lowered<T>,
    ) -> Lowered<Vec<T>> {
        let mut out = Vec::new();
        while let Some(pair) = self.optional(rule) {
            out.push(lower(pair)?);
        }
        Ok(out)
    }
}
