//! An untraced employee's JSON object, written from a template worked out
//! once per card: the object's text with the row's values left out, then
//! per row each value put in its slot. The same bytes as serializing
//! [`person_json`]'s value (`json_rows` tests hold the two equal), at a
//! fraction of the cost (no tree of maps built per row).
//!
//! The template is [`person_json`] of a stand-in row whose every value that
//! changes from row to row is a marker string (`"\u0000N\u0000"`), printed
//! compact (as both JSON reports print an employee), then cut at the
//! markers. Without a trace, every other field is the card's.

use super::common::derived_order;
use super::json::{num, person_json, pushed_json, ranks_json, value, Person};
use super::Who;
use crate::check::CheckedCard;
use crate::eval::Scores;
use crate::value::{format_value, Value};
use rust_decimal::Decimal;
use serde_json::Value as Json;

/// What fills a slot.
#[derive(Debug, Clone, Copy)]
enum Slot {
    Id,
    Name,
    Brand,
    Store,
    Region,
    Period,
    Line,
    Total,
    SectionsTotal,
    Grade,
    Section(usize),
    Item(usize),
    Adjustment(usize),
    Ranks,
    Pushed,
    /// By index into the card's derived values.
    OutputValue(usize),
    OutputDisplay(usize),
}

pub struct Template {
    /// The text before each slot, and after the last.
    texts: Vec<Vec<u8>>,
    slots: Vec<Slot>,
}

impl Template {
    /// The template for `card`'s objects, compact.
    pub fn new(card: &CheckedCard, stamp: &crate::version::Stamp) -> Self {
        let scores = Scores {
            items: vec![Decimal::ZERO; card.items().len()],
            sections: vec![Decimal::ZERO; card.sections().len()],
            adjustments: vec![Decimal::ZERO; card.adjustments().len()],
            sections_total: Decimal::ZERO,
            total: Decimal::ZERO,
            derived: vec![Value::Missing; card.derived().len()],
            grade: None,
        };
        let stand_in = Person {
            who: Who::default(),
            line: 0,
            stamp,
            scores: &scores,
            trace: None,
            ranks: &[],
            pushed: &[],
        };
        let mut object = person_json(card, &stand_in);
        let mut slots = Vec::new();
        let mut mark = |place: Option<&mut Json>, slot: Slot| {
            // A key the object has not (a pay card's total) has no slot.
            if let Some(place) = place {
                *place = Json::String(format!("\u{0}{}\u{0}", slots.len()));
                slots.push(slot);
            }
        };
        for (key, slot) in [
            ("id", Slot::Id),
            ("name", Slot::Name),
            ("brand", Slot::Brand),
            ("store", Slot::Store),
            ("region", Slot::Region),
            ("period", Slot::Period),
            ("line", Slot::Line),
            ("total", Slot::Total),
            ("sections_total", Slot::SectionsTotal),
            ("grade", Slot::Grade),
        ] {
            mark(object.get_mut(key), slot);
        }
        for i in 0..card.sections().len() {
            mark(
                object.pointer_mut(&format!("/sections/{i}/score")),
                Slot::Section(i),
            );
        }
        for i in 0..card.items().len() {
            mark(
                object.pointer_mut(&format!("/items/{i}/score")),
                Slot::Item(i),
            );
        }
        for i in 0..card.adjustments().len() {
            mark(
                object.pointer_mut(&format!("/adjustments/{i}/amount")),
                Slot::Adjustment(i),
            );
        }
        mark(object.get_mut("ranks"), Slot::Ranks);
        mark(object.get_mut("pushed"), Slot::Pushed);
        for (n, i) in derived_order(card).into_iter().enumerate() {
            mark(
                object.pointer_mut(&format!("/outputs/{n}/value")),
                Slot::OutputValue(i),
            );
            mark(
                object.pointer_mut(&format!("/outputs/{n}/display")),
                Slot::OutputDisplay(i),
            );
        }
        let mut text = Vec::new();
        // Writing to a Vec cannot fail.
        let _ = serde_json::to_writer(&mut text, &object);
        let texts = cut(&text, slots.len());
        Template { texts, slots }
    }

    /// Writes one untraced row's object.
    pub fn write(&mut self, card: &CheckedCard, row: &Person, out: &mut Vec<u8>) {
        for (text, slot) in self.texts.iter().zip(&self.slots) {
            out.extend_from_slice(text);
            let who = &row.who;
            let scores = row.scores;
            match *slot {
                Slot::Id => string(out, Some(who.id)),
                Slot::Name => string(out, who.name),
                Slot::Brand => string(out, who.brand),
                Slot::Store => string(out, who.store),
                Slot::Region => string(out, who.region),
                Slot::Period => string(out, who.period.map(|p| p.to_string()).as_deref()),
                Slot::Line => {
                    out.extend_from_slice(itoa::Buffer::new().format(row.line).as_bytes())
                }
                Slot::Total => number(out, scores.total),
                Slot::SectionsTotal => number(out, scores.sections_total),
                Slot::Grade => string(
                    out,
                    scores
                        .grade
                        .and_then(|g| card.grade().as_ref()?.rows.get(g))
                        .map(|g| &*g.outcome),
                ),
                Slot::Section(i) => number(out, scores.sections[i]),
                Slot::Item(i) => number(out, scores.items[i]),
                Slot::Adjustment(i) => number(out, scores.adjustments[i]),
                // A row streamed has no ranks and no grade pushed down.
                Slot::Ranks if row.ranks.is_empty() => out.extend_from_slice(b"[]"),
                Slot::Pushed if row.pushed.is_empty() => out.extend_from_slice(b"[]"),
                Slot::Ranks => json(out, &ranks_json(card, row.ranks)),
                Slot::Pushed => json(out, &pushed_json(card, row.pushed)),
                Slot::OutputValue(i) => match &scores.derived[i] {
                    // An amount to the fen (`1200.00`): always plain digits.
                    Value::Num(d)
                        if card.derived()[i].ty
                            == crate::value::Type::Num(crate::value::Unit::Money) =>
                    {
                        json(
                            out,
                            &super::json::typed_value(&Value::Num(*d), card.derived()[i].ty),
                        )
                    }
                    Value::Num(d) => number(out, *d),
                    Value::Missing => out.extend_from_slice(b"null"),
                    Value::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
                    other => json(out, &value(other)),
                },
                Slot::OutputDisplay(i) => string(
                    out,
                    Some(&format_value(&scores.derived[i], card.derived()[i].ty)),
                ),
            }
        }
        out.extend_from_slice(self.texts.last().map_or(&[][..], Vec::as_slice));
    }
}

/// `text` cut at its `slots` markers: the text before each, and after the last.
fn cut(text: &[u8], slots: usize) -> Vec<Vec<u8>> {
    const OPEN: &[u8] = b"\"\\u0000";
    const CLOSE: &[u8] = b"\\u0000\"";
    let mut texts = Vec::with_capacity(slots + 1);
    let mut rest = text;
    while let Some(start) = find(rest, OPEN) {
        texts.push(rest[..start].to_vec());
        let after = &rest[start + OPEN.len()..];
        let end = find(after, CLOSE).expect("a marker ends");
        rest = &after[end + CLOSE.len()..];
    }
    texts.push(rest.to_vec());
    assert_eq!(texts.len(), slots + 1, "every slot is marked once");
    texts
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

fn json(out: &mut Vec<u8>, value: &Json) {
    // Writing to a Vec cannot fail.
    let _ = serde_json::to_writer(out, value);
}

fn string(out: &mut Vec<u8>, text: Option<&str>) {
    match text {
        Some(text) => {
            let _ = serde_json::to_writer(out, text);
        }
        None => out.extend_from_slice(b"null"),
    }
}

/// A decimal as [`num`] gives it: its exact text as a JSON number.
fn number(out: &mut Vec<u8>, d: Decimal) {
    let start = out.len();
    crate::value::push_decimal(out, d);
    let text = &out[start..];
    let plain = {
        let digits = text.strip_prefix(b"-").unwrap_or(text);
        let (whole, fraction) = match digits.iter().position(|&b| b == b'.') {
            Some(dot) => (&digits[..dot], Some(&digits[dot + 1..])),
            None => (digits, None),
        };
        !whole.is_empty()
            && whole.iter().all(u8::is_ascii_digit)
            && (whole.len() == 1 || whole[0] != b'0')
            && fraction.is_none_or(|f| !f.is_empty() && f.iter().all(u8::is_ascii_digit))
    };
    if !plain {
        out.truncate(start);
        json(out, &num(d));
    }
}
