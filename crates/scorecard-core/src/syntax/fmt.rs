//! `fmt`: a card in its one canonical layout, with every comment kept.
//!
//! The printer ([`super::print`]) lays out the AST; comments are not in the
//! AST, so they are found in the source text ([`super::comments`]) and handed
//! back to the printer through [`Annotate`], attached to the lines it prints:
//!
//! - A comment on a line of its own goes above the first printed line that
//!   follows it inside the same node, or above the closing `}` of that node
//!   when nothing follows; in a node printed on one line (an item with one
//!   rule, a formula over several lines) it goes above that line.
//! - A comment after code goes at the end of the printed line that starts on
//!   the same source line, else of the last printed line before it.
//! - Comments after the card's closing `}` stay after it.
//!
//! One blank line between a comment and what follows it (or between two
//! comments) is kept, so a heading comment stays apart from the first node.
//!
//! Before returning, the result is parsed again and must print exactly like
//! the original: `fmt` never changes what a card means.

use super::comments::{self, Comment};
use super::print::{print, print_annotated, Annotate};
use super::{ast, parse};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::source::{SourceFile, Span};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// The card's text in canonical layout, comments kept. Fails only when the
/// card does not parse (or, as a safeguard, if the layout would change its meaning).
pub fn format(source: &Arc<SourceFile>) -> Result<String, Diagnostics> {
    let card = parse(source)?;
    let text = &source.text;
    let anchors = anchors(&card, text);
    let placed = place(&comments::scan(text), &anchors, text);
    let formatted = print_annotated(&card, &placed);
    verify(source, &card, &formatted)?;
    Ok(formatted)
}

/// The formatted text must parse and mean the same card.
fn verify(source: &Arc<SourceFile>, card: &ast::Card, formatted: &str) -> Result<(), Diagnostics> {
    let again = SourceFile::new(source.name.clone(), formatted);
    let same = parse(&again).is_ok_and(|c| print(&c) == print(card));
    if same {
        return Ok(());
    }
    let d = Diagnostic::error(Code::Syntax, crate::t!("internal-format"))
        .label(card.name.span, crate::t!("no-total-label"))
        .help(crate::t!("internal-report"));
    Err(Diagnostics(vec![d.in_file(source)]))
}

/// A printed line a comment can be attached to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    /// A node's first line.
    Node(Span),
    /// The closing `}` of the block with this span.
    Close(Span),
}

#[derive(Debug, Clone, Copy)]
struct Anchor {
    key: Key,
    /// Where the printed line's text starts in the source.
    pos: usize,
    /// What the node covers in the source (a closing brace covers itself).
    extent: Span,
}

/// Records which lines the printer prints, by asking it to print once.
#[derive(Default)]
struct Recorder {
    /// In the order printed, each once.
    keys: RefCell<Vec<Key>>,
    seen: RefCell<HashSet<Key>>,
}

impl Recorder {
    fn note(&self, key: Key) {
        if self.seen.borrow_mut().insert(key) {
            self.keys.borrow_mut().push(key);
        }
    }
}

impl Annotate for Recorder {
    fn before(&self, span: Span) -> Vec<String> {
        self.note(Key::Node(span));
        Vec::new()
    }
    fn before_close(&self, block: Span) -> Vec<String> {
        self.note(Key::Close(block));
        Vec::new()
    }
}

/// Every printed line that has a place in the source, in source order.
fn anchors(card: &ast::Card, text: &str) -> Vec<Anchor> {
    let recorder = Recorder::default();
    print_annotated(card, &recorder);
    let comments = comments::scan(text);
    let mut anchors: Vec<Anchor> = recorder
        .keys
        .into_inner()
        .into_iter()
        .map(|key| match key {
            // The card's span starts at the beginning of the file, before any
            // heading comment; its line is the one with its name.
            Key::Node(span) if span == card.span => Anchor {
                key,
                pos: card.name.span.start,
                extent: span,
            },
            Key::Node(span) => Anchor {
                key,
                pos: span.start,
                extent: span,
            },
            Key::Close(block) => {
                let pos = closing_brace(text, block, &comments);
                Anchor {
                    key,
                    pos,
                    extent: Span::new(pos, pos + 1),
                }
            }
        })
        .collect();
    anchors.sort_by_key(|a| a.pos);
    anchors
}

/// The position of a block's closing `}`: the last one in its span that is
/// not inside a comment (the card's span runs on past its `}` to the end).
fn closing_brace(text: &str, block: Span, comments: &[Comment]) -> usize {
    let inside = |i: usize| comments.iter().any(|c| c.span.start <= i && i < c.span.end);
    text.get(block.start..block.end.min(text.len()))
        .and_then(|body| {
            body.rmatch_indices('}')
                .map(|(i, _)| block.start + i)
                .find(|&i| !inside(i))
        })
        .unwrap_or(block.end.saturating_sub(1))
}

/// Comments placed on printed lines: what [`format`] hands the printer.
#[derive(Default)]
struct Placed {
    before: HashMap<Key, Vec<String>>,
    trailing: HashMap<Key, String>,
    end: Vec<String>,
}

impl Annotate for Placed {
    fn before(&self, span: Span) -> Vec<String> {
        self.before
            .get(&Key::Node(span))
            .cloned()
            .unwrap_or_default()
    }
    fn trailing(&self, span: Span) -> Option<String> {
        self.trailing.get(&Key::Node(span)).cloned()
    }
    fn before_close(&self, block: Span) -> Vec<String> {
        self.before
            .get(&Key::Close(block))
            .cloned()
            .unwrap_or_default()
    }
    fn after_close(&self, block: Span) -> Option<String> {
        self.trailing.get(&Key::Close(block)).cloned()
    }
    fn end(&self) -> Vec<String> {
        self.end.clone()
    }
}

/// Where a comment goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Before(Key),
    Trailing(Key),
    End,
}

fn place(comments: &[Comment], anchors: &[Anchor], text: &str) -> Placed {
    let card_end = anchors
        .iter()
        .filter(|a| matches!(a.key, Key::Close(_)))
        .map(|a| a.pos)
        .max()
        .unwrap_or(text.len());
    let mut placed = Placed::default();
    // The previous comment at the end of the card.
    let mut previous: Option<Span> = None;
    // The last comment placed above each line.
    let mut last_before: HashMap<Key, Span> = HashMap::new();
    for comment in comments {
        let place = if comment.span.start > card_end {
            Place::End
        } else if comment.trailing && !comment.multiline {
            Place::Trailing(trailing_anchor(comment, anchors, text))
        } else {
            Place::Before(own_line_anchor(comment, anchors))
        };
        let body = comment.text(text);
        match place {
            Place::Trailing(key) => {
                let slot = placed.trailing.entry(key).or_default();
                if !slot.is_empty() {
                    slot.push_str("  ");
                }
                slot.push_str(body);
            }
            Place::Before(key) => {
                let lines = placed.before.entry(key).or_default();
                // A blank line above the comment, as in the source (the printer
                // drops it where a block opens or one is already there).
                let code_end = text[..comment.span.start].trim_end().len();
                if blank_between(text, code_end, comment.span.start) {
                    lines.push(String::new());
                }
                lines.extend(comment_lines(text, comment));
                last_before.insert(key, comment.span);
            }
            Place::End => {
                let from = previous.map_or(card_end, |s| s.end);
                if blank_between(text, from, comment.span.start) {
                    placed.end.push(String::new());
                }
                placed.end.extend(comment_lines(text, comment));
                previous = Some(comment.span);
            }
        }
    }
    // A blank line between a comment block and the node below it is kept.
    for anchor in anchors {
        let Key::Node(_) = anchor.key else { continue };
        let Some(&last) = last_before.get(&anchor.key) else {
            continue;
        };
        if last.end <= anchor.pos && blank_between(text, last.end, anchor.pos) {
            if let Some(lines) = placed.before.get_mut(&anchor.key) {
                lines.push(String::new());
            }
        }
    }
    placed
}

/// The line a comment after code belongs to: the last printed line that starts
/// on the comment's source line, else the last printed line before it.
fn trailing_anchor(comment: &Comment, anchors: &[Anchor], text: &str) -> Key {
    let line_start = text[..comment.span.start].rfind('\n').map_or(0, |i| i + 1);
    let before: Vec<&Anchor> = anchors
        .iter()
        .filter(|a| a.pos <= comment.span.start)
        .collect();
    before
        .iter()
        .rev()
        .find(|a| a.pos >= line_start)
        .or(before.last())
        .copied()
        .or(anchors.first())
        .map_or(Key::Node(Span::default()), |a| a.key)
}

/// The line a comment on its own line goes above: the first printed line after
/// it within the innermost node holding it, or that node's own line.
fn own_line_anchor(comment: &Comment, anchors: &[Anchor]) -> Key {
    let enclosing = anchors
        .iter()
        .filter(|a| matches!(a.key, Key::Node(_)))
        .filter(|a| a.extent.start <= comment.span.start && comment.span.end <= a.extent.end)
        .min_by_key(|a| a.extent.len());
    let limit = enclosing.map_or(usize::MAX, |a| a.extent.end);
    anchors
        .iter()
        .find(|a| a.pos >= comment.span.end && a.pos < limit)
        .or(enclosing)
        .or(anchors.first())
        .map_or(Key::Node(Span::default()), |a| a.key)
}

/// Whether the text between two offsets holds an empty line.
fn blank_between(text: &str, from: usize, to: usize) -> bool {
    let Some(between) = text.get(from..to) else {
        return false;
    };
    let mut lines = between.split('\n');
    // The first piece is the rest of the line `from` is on; the last is the start of `to`'s line.
    lines.next();
    let mut middle: Vec<&str> = lines.collect();
    middle.pop();
    middle.iter().any(|l| l.trim().is_empty())
}

/// A comment's lines for printing: a block comment's later lines keep their
/// indentation relative to its first line.
fn comment_lines(text: &str, comment: &Comment) -> Vec<String> {
    let body = comment.text(text);
    if !comment.multiline {
        return vec![body.to_string()];
    }
    let line_start = text[..comment.span.start].rfind('\n').map_or(0, |i| i + 1);
    let indent = text[line_start..comment.span.start].chars().count();
    body.split('\n')
        .enumerate()
        .map(|(i, line)| {
            let line = line.trim_end();
            if i == 0 {
                return line.to_string();
            }
            let strip = line
                .chars()
                .take(indent)
                .take_while(|c| c.is_whitespace())
                .map(char::len_utf8)
                .sum::<usize>();
            line[strip..].to_string()
        })
        .collect()
}
