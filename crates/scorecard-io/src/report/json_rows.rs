//! JSON and JSON Lines a row at a time: the one place both are written,
//! for the report of every result at once and for the streamed one alike.
//!
//! * `json`: the document [`json`](super::json) builds — `{"card": …,
//!   "employees": […], "notes": […]}` — written as it goes: the head (the
//!   card, pretty-printed), then each employee as one compact object on a
//!   line of its own, then the end (the notes, when any). The same values as
//!   serde_json's document of the whole; half the bytes of printing each
//!   employee pretty (about 3 KB a row of S1 instead of 5.5: writing them
//!   out was most of the time), and a program or `grep` takes an employee a
//!   line.
//! * `jsonl`: one employee object a line, compact, in data order; when the
//!   run has notes, a last line `{"notes": […]}` (an object with no `id`).
//!
//! Each employee is written `,\n    {…}` (JSON): the comma before the first
//! one is the [`lead`](JsonRows::lead) a writer drops, since rows are
//! formatted apart (on several threads) from where they end up.

use super::json::{card_json, person_json, Person};
use super::json_template::Template;
use crate::check::CheckedCard;
use serde_json::Value as Json;
use std::io::{self, Write};

/// Employees' JSON objects formatted into a buffer that is reused.
pub struct JsonRows<'c> {
    card: &'c CheckedCard,
    /// JSON Lines, not one document.
    lines: bool,
    bytes: Vec<u8>,
    /// One object, pretty-printed, before it is indented into `bytes`.
    scratch: Vec<u8>,
    /// The object of an untraced row by this card, worked out once.
    template: Template,
}

impl<'c> JsonRows<'c> {
    pub fn new(card: &'c CheckedCard, lines: bool) -> Self {
        JsonRows {
            card,
            lines,
            bytes: Vec::new(),
            scratch: Vec::new(),
            template: Template::new(card, card.stamp()),
        }
    }

    pub fn card(&self) -> &'c CheckedCard {
        self.card
    }

    /// Bytes of the first row written to drop (its comma).
    pub fn lead(&self) -> usize {
        usize::from(!self.lines)
    }

    /// The document's start, up to the employees' opening bracket.
    pub fn header(&mut self) {
        if self.lines {
            return;
        }
        self.bytes.extend_from_slice(b"{\n  \"card\": ");
        pretty(&card_json(self.card), 2, &mut self.scratch, &mut self.bytes);
        self.bytes.extend_from_slice(b",\n  \"employees\": [");
    }

    /// One employee.
    pub fn row(&mut self, person: &Person) {
        let stamp = &self.card.stamp();
        let same_card = person.stamp.hash == stamp.hash && person.stamp.version == stamp.version;
        if person.trace.is_some() || !same_card {
            let object = person_json(self.card, person);
            return self.object(&object);
        }
        if !self.lines {
            self.bytes.extend_from_slice(b",\n    ");
        }
        self.template.write(self.card, person, &mut self.bytes);
        if self.lines {
            self.bytes.push(b'\n');
        }
    }

    /// An object already made (a report of several cards adds fields).
    pub fn object(&mut self, object: &Json) {
        if !self.lines {
            self.bytes.extend_from_slice(b",\n    ");
        }
        // Writing to a Vec cannot fail.
        let _ = serde_json::to_writer(&mut self.bytes, object);
        if self.lines {
            self.bytes.push(b'\n');
        }
    }

    /// The end: the employees' closing bracket (`any`: some were written)
    /// and the notes.
    pub fn end(&mut self, any: bool, notes: &[String]) {
        if self.lines {
            if !notes.is_empty() {
                let _ =
                    serde_json::to_writer(&mut self.bytes, &serde_json::json!({ "notes": notes }));
                self.bytes.push(b'\n');
            }
            return;
        }
        self.bytes
            .extend_from_slice(if any { b"\n  ]" } else { b"]" });
        if !notes.is_empty() {
            self.bytes.extend_from_slice(b",\n  \"notes\": ");
            pretty(
                &serde_json::json!(notes),
                2,
                &mut self.scratch,
                &mut self.bytes,
            );
        }
        self.bytes.extend_from_slice(b"\n}\n");
    }

    /// Everything written so far, handed over; the buffer starts again empty.
    pub fn take(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.bytes)
    }

    /// Everything written so far, handed over; writing goes on into
    /// `next`, emptied first.
    pub fn replace_buffer(&mut self, mut next: Vec<u8>) -> Vec<u8> {
        next.clear();
        std::mem::replace(&mut self.bytes, next)
    }

    /// How many bytes are written so far.
    pub fn written(&self) -> usize {
        self.bytes.len()
    }
}

/// `value` pretty-printed as serde_json prints it `indent` spaces deep
/// (a newline in the text is always between tokens: strings escape theirs).
pub(super) fn pretty(value: &Json, indent: usize, scratch: &mut Vec<u8>, out: &mut Vec<u8>) {
    scratch.clear();
    let _ = serde_json::to_writer_pretty(&mut *scratch, value);
    for &b in scratch.iter() {
        out.push(b);
        if b == b'\n' {
            out.extend(std::iter::repeat_n(b' ', indent));
        }
    }
}

/// A card's results as JSON (`lines`: JSON Lines), then `notes`: the
/// report of every result at once, written as the streamed one is.
pub fn write_json_rows(
    card: &CheckedCard,
    results: &[crate::eval::ScoreResult],
    lines: bool,
    notes: &[String],
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut rows = JsonRows::new(card, lines);
    rows.header();
    out.write_all(&rows.take())?;
    let mut lead = rows.lead();
    for chunk in results.chunks(256) {
        for r in chunk {
            rows.row(&Person::of(r));
        }
        let bytes = rows.take();
        out.write_all(&bytes[lead..])?;
        lead = 0;
    }
    rows.end(!results.is_empty(), notes);
    out.write_all(&rows.take())
}

/// Several cards' results as JSON Lines: each employee's object with the
/// card's name (and `step`: its step or version) first, card after card,
/// then the notes.
pub fn write_json_lines_of_cards(
    parts: &[super::CardResults],
    notes: &[String],
    out: &mut dyn Write,
) -> io::Result<()> {
    for part in parts {
        let mut rows = JsonRows::new(part.card, true);
        for r in part.results {
            let mut object = serde_json::Map::new();
            object.insert("card".into(), Json::from(part.card.name()));
            if let Some(tag) = part.tag {
                object.insert("step".into(), Json::from(tag));
            }
            if let Json::Object(fields) = person_json(part.card, &Person::of(r)) {
                object.extend(fields);
            }
            rows.object(&Json::Object(object));
        }
        out.write_all(&rows.take())?;
    }
    let Some(first) = parts.first() else {
        return Ok(());
    };
    let mut rows = JsonRows::new(first.card, true);
    rows.end(true, notes);
    out.write_all(&rows.take())
}
