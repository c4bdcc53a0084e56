//! `scorecard show --assumptions`: the numbers of a card that are ours, not
//! the policy's, so HR sees at a glance what to confirm with management.
//!
//! A number is ours when an `assume "…"` note covers it, the policy's when a
//! `quote "…"` note does (see [`crate::syntax::numbers`]). The list goes
//! note by note, each with the lines whose numbers it covers; numbers no note
//! covers are listed last, as unmarked.

use super::Resolved;
use crate::source::{SourceFile, Span};
use crate::syntax::ast::{Note, NoteKind, Number};
use crate::syntax::numbers::marked;
use crate::t;
use std::fmt;
use unicode_width::UnicodeWidthStr;

/// A source line with numbers on it: where, the numbers as written, the line.
struct Line {
    at: String,
    numbers: String,
    text: String,
}

/// A card's numbers, sorted by where they come from.
pub struct Assumptions<'a> {
    source: &'a SourceFile,
    /// The card's own file, whose lines are named `line N`; other files' by `file:N`.
    own: &'a str,
    title: String,
    /// Each `assume` note (the first of those that say the same), with the
    /// numbers it and its likes cover, in source order.
    assumed: Vec<(&'a Note, Vec<&'a Number>)>,
    quoted: usize,
    unmarked: Vec<&'a Number>,
}

impl Resolved {
    /// The card's assumed numbers, note by note (and its unmarked ones).
    pub fn assumptions(&self) -> Assumptions<'_> {
        let mut assumed: Vec<(&Note, Vec<&Number>)> = Vec::new();
        let (mut quoted, mut unmarked) = (0, Vec::new());
        for m in marked(&self.card) {
            match m.note {
                None => unmarked.push(m.number),
                Some(note) if note.kind == NoteKind::Quote => quoted += 1,
                // Notes that say the same are listed as one.
                Some(note) => match assumed
                    .iter_mut()
                    .find(|(n, _)| n.text.value == note.text.value)
                {
                    Some((_, numbers)) => numbers.push(m.number),
                    None => assumed.push((note, vec![m.number])),
                },
            }
        }
        assumed.sort_by_key(|(note, _)| note.span.start);
        let card = &self.card;
        let title = match &card.label {
            Some(label) => format!("{} \"{}\"", card.name.name, label.value),
            None => card.name.name.clone(),
        };
        let own = self.chain.first().map_or("", |f| f.name.as_str());
        Assumptions {
            source: &self.source,
            own,
            title,
            assumed,
            quoted,
            unmarked,
        }
    }
}

impl Assumptions<'_> {
    /// How many numbers are assumed.
    pub fn assumed(&self) -> usize {
        self.assumed.iter().map(|(_, n)| n.len()).sum()
    }

    /// How many numbers a `quote` note covers: the policy's own.
    pub fn quoted(&self) -> usize {
        self.quoted
    }

    /// The numbers no note covers, as written.
    pub fn unmarked(&self) -> Vec<String> {
        self.unmarked.iter().map(|n| self.place(n.span)).collect()
    }

    /// `line 12` in the card's own file, `base.card:12` in another.
    fn place(&self, span: Span) -> String {
        let (file, offset) = self.source.locate(span.start);
        let line = file.line_col(offset).0;
        if file.name == self.own {
            t!("data-at-line", n = line)
        } else {
            format!("{}:{line}", file.name)
        }
    }

    /// One line per source line the numbers are on: where, the numbers as
    /// written, and the line itself.
    fn lines(&self, numbers: &[&Number]) -> Vec<Line> {
        let mut lines: Vec<Line> = Vec::new();
        for n in numbers {
            let at = self.place(n.span);
            let written = self.source.slice(n.span);
            match lines.last_mut() {
                Some(line) if line.at == at => {
                    line.numbers.push_str(&t!("data-list-sep"));
                    line.numbers.push_str(written);
                }
                _ => lines.push(Line {
                    at,
                    numbers: written.to_string(),
                    text: self.source.line_text(n.span.start).trim().to_string(),
                }),
            }
        }
        lines
    }
}

impl fmt::Display for Assumptions<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}  {}", self.own, self.title)?;
        writeln!(
            f,
            "  {}",
            t!(
                "assume-summary",
                assumed = numbers(self.assumed()),
                quoted = numbers(self.quoted),
                unmarked = numbers(self.unmarked.len())
            )
        )?;
        let mut groups: Vec<(String, Vec<Line>)> = self
            .assumed
            .iter()
            .map(|(note, numbers)| {
                let head = t!("assume-head", text = &note.text.value);
                (head, self.lines(numbers))
            })
            .collect();
        if !self.unmarked.is_empty() {
            let head = t!("assume-unmarked-head");
            groups.push((head, self.lines(&self.unmarked)));
        }
        let all = groups.iter().flat_map(|(_, lines)| lines);
        let at_width = all.clone().map(|l| l.at.width()).max().unwrap_or(0);
        let list_width = all.map(|l| l.numbers.width()).max().unwrap_or(0);
        for (head, lines) in &groups {
            writeln!(f)?;
            writeln!(f, "  {head}")?;
            for line in lines {
                writeln!(
                    f,
                    "    {}{}  {}{}  {}",
                    line.at,
                    " ".repeat(at_width - line.at.width()),
                    line.numbers,
                    " ".repeat(list_width - line.numbers.width()),
                    line.text
                )?;
            }
        }
        Ok(())
    }
}

/// "1 number", "12 numbers"
fn numbers(n: usize) -> String {
    t!("assume-numbers", count = n)
}
