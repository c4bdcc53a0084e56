//! A person's workbook rows as a record, made where the row was scored (on
//! a worker: the trace worked out and the reasons written there) and read
//! where the rows are laid out.
//!
//! ```text
//! u32 length of what follows
//! head (the sink reads it: rows, shared strings, store totals)
//!   u16 detail lines · text brand · text store · decimal main pay
//!   per detail line: u8 kind (0 item, 1 block) · u16 index · u128 fingerprint · text reason
//! body (the formatting reads it)
//!   text id · text name
//!   decimals: items, sections, blocks, total · u32 grade (MAX: none)
//!   u8 inputs given · values: outputs, then the inputs other cards fed
//! ```

use super::bytes::{put_text, put_value};
use super::reasons::{Reason, Reasons};
use super::Facts;
use crate::check::CheckedCard;
use crate::data::Employee;
use crate::eval::Scores;
use crate::period::Period;
use crate::value::{Type, Unit, Value};
use rust_decimal::Decimal;
use std::io::{self, Write};
use std::sync::Arc;

/// Whether the detail lists item `i` scored `score`: when it lost points
/// or its reason says something (a clamp, a deduction that cost nothing).
/// An item not listed scored its full points, as the summary shows.
pub(super) fn item_listed(card: &CheckedCard, i: usize, score: Decimal, reason: &str) -> bool {
    score != card.items()[i].points || !reason.is_empty()
}

/// Whether the detail lists a bonus/penalty block: when it added or took
/// something, or its reason says something (a cap).
pub(super) fn block_listed(amount: Decimal, reason: &str) -> bool {
    !amount.is_zero() || !reason.is_empty()
}

/// Money to the fen, half away from zero: what the workbook stores and shows.
pub(super) fn fen(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

/// Who a record is of.
pub(super) struct Person<'a> {
    pub id: &'a str,
    pub name: Option<&'a str>,
    pub brand: Option<&'a str>,
    pub store: Option<&'a str>,
}

impl<'a> Person<'a> {
    fn of(who: &super::super::Who<'a>) -> Self {
        Person {
            id: who.id,
            name: who.name,
            brand: who.brand,
            store: who.store,
        }
    }
}

/// Appends `p`'s record: `reasons` are its (see [`Reasons::of`]); of its
/// `inputs`, only those other cards `fed` (a pay card's summary shows them).
pub(super) fn encode(
    out: &mut Vec<u8>,
    card: &CheckedCard,
    p: &Person<'_>,
    scores: &Scores,
    inputs: Option<&[Value]>,
    fed: &[usize],
    reasons: &Reasons,
) {
    let start = out.len();
    out.extend_from_slice(&[0; 4]);
    let lines_at = out.len();
    out.extend_from_slice(&[0; 2]);
    put_text(out, p.brand);
    put_text(out, p.store);
    out.extend_from_slice(&main_pay(card, scores).serialize());
    let mut lines: u16 = 0;
    let mut line = |out: &mut Vec<u8>, kind: u8, index: usize, reason: &Reason| {
        out.push(kind);
        out.extend_from_slice(&(index as u16).to_le_bytes());
        out.extend_from_slice(&reason.print.to_le_bytes());
        put_text(out, Some(&reason.text));
        lines += 1;
    };
    let blank = Reason::blank();
    for (i, &score) in scores.items.iter().enumerate() {
        let reason = reasons.items.get(i).unwrap_or(&blank);
        if item_listed(card, i, score, &reason.text) {
            line(out, 0, i, reason);
        }
    }
    for (b, &amount) in scores.adjustments.iter().enumerate() {
        let reason = reasons.blocks.get(b).unwrap_or(&blank);
        if block_listed(amount, &reason.text) {
            line(out, 1, b, reason);
        }
    }
    out[lines_at..lines_at + 2].copy_from_slice(&lines.to_le_bytes());
    put_text(out, Some(p.id));
    put_text(out, p.name);
    for d in scores
        .items
        .iter()
        .chain(&scores.sections)
        .chain(&scores.adjustments)
        .chain([&scores.total])
    {
        out.extend_from_slice(&d.serialize());
    }
    let grade = scores.grade.map_or(u32::MAX, |g| g as u32);
    out.extend_from_slice(&grade.to_le_bytes());
    out.push(u8::from(inputs.is_some()));
    for v in &scores.derived {
        put_value(out, v);
    }
    for &i in fed {
        put_value(
            out,
            inputs.and_then(|v| v.get(i)).unwrap_or(&Value::Missing),
        );
    }
    let len = (out.len() - start - 4) as u32;
    out[start..start + 4].copy_from_slice(&len.to_le_bytes());
}

/// A pay card's main output, to the fen when it is money (what the sheet
/// 门店合计 sums); zero for a scored card.
fn main_pay(card: &CheckedCard, scores: &Scores) -> Decimal {
    let (false, Some(main)) = (super::is_scored(card), super::main_output(card)) else {
        return Decimal::ZERO;
    };
    match scores.derived.get(main) {
        Some(Value::Num(d)) if card.derived()[main].ty == Type::Num(Unit::Money) => fen(*d),
        Some(Value::Num(d)) => *d,
        _ => Decimal::ZERO,
    }
}

/// A record's head.
pub(super) struct Head<'b> {
    pub lines: u16,
    pub brand: Option<&'b str>,
    pub store: Option<&'b str>,
    pub pay: Decimal,
}

/// One detail line of a record's head.
pub(super) struct Line<'b> {
    pub block: bool,
    pub index: usize,
    /// The reason's fingerprint
    /// ([`SharedStrings::fingerprint`](crate::report::workbook::SharedStrings::fingerprint)).
    pub print: u128,
    /// The reason's text (UTF-8, not checked again here).
    pub reason: &'b [u8],
}

/// A record's body, read into reused buffers.
#[derive(Default)]
pub(super) struct Body {
    pub id: String,
    pub name: Option<String>,
    pub scores: Scores,
    /// The inputs other cards fed, in the order of [`Facts`]'s `fed`.
    pub fed: Option<Vec<Value>>,
}

/// Reads back what [`encode`] wrote.
pub(super) struct Record<'b> {
    pub bytes: &'b [u8],
}

impl<'b> Record<'b> {
    pub fn take(&mut self, n: usize) -> &'b [u8] {
        let (head, rest) = self.bytes.split_at(n.min(self.bytes.len()));
        self.bytes = rest;
        head
    }

    /// The next `N` bytes (zeros past the end: records are written here).
    fn array<const N: usize>(&mut self) -> [u8; N] {
        let mut b = [0; N];
        let taken = self.take(N);
        b[..taken.len()].copy_from_slice(taken);
        b
    }

    fn u16(&mut self) -> u16 {
        u16::from_le_bytes(self.array())
    }

    pub fn u32(&mut self) -> u32 {
        u32::from_le_bytes(self.array())
    }

    fn u128(&mut self) -> u128 {
        u128::from_le_bytes(self.array())
    }

    pub fn decimal(&mut self) -> Decimal {
        Decimal::deserialize(self.array())
    }

    pub fn text(&mut self) -> Option<&'b str> {
        let len = self.u32();
        if len == u32::MAX {
            return None;
        }
        // Written from a &str.
        simdutf8::basic::from_utf8(self.take(len as usize)).ok()
    }

    /// A text's bytes, not checked (written from a &str).
    fn text_bytes(&mut self) -> &'b [u8] {
        let len = self.u32();
        if len == u32::MAX {
            return &[];
        }
        self.take(len as usize)
    }

    fn value(&mut self) -> Value {
        match self.take(1).first() {
            Some(0) => Value::Num(self.decimal()),
            Some(1) => Value::Bool(false),
            Some(2) => Value::Bool(true),
            Some(3) => Value::Text(Arc::from(self.text().unwrap_or_default())),
            _ => Value::Missing,
        }
    }

    pub fn head(&mut self) -> Head<'b> {
        Head {
            lines: self.u16(),
            brand: self.text(),
            store: self.text(),
            pay: self.decimal(),
        }
    }

    /// The next detail line (after [`head`](Self::head)).
    pub fn line(&mut self) -> Line<'b> {
        Line {
            block: self.take(1).first() == Some(&1),
            index: usize::from(self.u16()),
            print: self.u128(),
            reason: self.text_bytes(),
        }
    }

    /// The body (after the head and its lines), into `body`; `fed`: how
    /// many fed inputs it holds.
    pub fn body(&mut self, card: &CheckedCard, fed: usize, body: &mut Body) {
        body.id.clear();
        body.id.push_str(self.text().unwrap_or_default());
        body.name = self.text().map(str::to_string);
        let s = &mut body.scores;
        let fill = |v: &mut Vec<Decimal>, n: usize, r: &mut Record| {
            v.clear();
            v.extend((0..n).map(|_| r.decimal()));
        };
        fill(&mut s.items, card.items().len(), self);
        fill(&mut s.sections, card.sections().len(), self);
        fill(&mut s.adjustments, card.adjustments().len(), self);
        s.total = self.decimal();
        s.grade = Some(self.u32())
            .filter(|g| *g != u32::MAX)
            .map(|g| g as usize);
        let given = self.take(1).first() == Some(&1);
        s.derived.clear();
        s.derived
            .extend((0..card.derived().len()).map(|_| self.value()));
        let values = body.fed.get_or_insert_with(Vec::new);
        values.clear();
        values.extend((0..fed).map(|_| self.value()));
        if !given {
            body.fed = None;
        }
    }
}

/// The record at the start of `bytes`, when all of it is there.
pub(super) fn whole_record(bytes: &[u8]) -> Option<&[u8]> {
    let len = u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?) as usize;
    bytes.get(4..4 + len)
}

/// An employee's workbook record made on a worker, for the
/// [`XlsxSink`](super::XlsxSink) to lay out on the writing thread.
/// `totals`: the first pass, which only records each total (for the ranks)
/// and who is named.
pub struct XlsxRows<'c> {
    card: &'c CheckedCard,
    totals: bool,
    bytes: Vec<u8>,
    reasons: Reasons,
}

impl<'c> XlsxRows<'c> {
    pub fn new(card: &'c CheckedCard, totals: bool) -> Self {
        XlsxRows {
            card,
            totals,
            bytes: Vec::new(),
            reasons: Reasons::default(),
        }
    }

    /// One scored row, with its inputs (for the trace).
    pub fn row(&mut self, who: &super::super::Who, line: usize, scores: &Scores, values: &[Value]) {
        if self.totals {
            let start = self.bytes.len();
            self.bytes.extend_from_slice(&[0; 4]);
            self.bytes.extend_from_slice(&scores.total.serialize());
            let flags = u8::from(who.name.is_some())
                | u8::from(who.brand.is_some()) << 1
                | u8::from(who.store.is_some()) << 2;
            self.bytes.push(flags);
            let period = who.period.map(|p| p.to_string());
            put_text(&mut self.bytes, period.as_deref());
            let len = (self.bytes.len() - start - 4) as u32;
            self.bytes[start..start + 4].copy_from_slice(&len.to_le_bytes());
            return;
        }
        // Scored already: the same numbers again, with the trace.
        if self.scored_row(who, line, values).is_err() {
            self.reasons.none(self.card);
            encode(
                &mut self.bytes,
                self.card,
                &Person::of(who),
                scores,
                Some(values),
                &[],
                &self.reasons,
            );
        }
    }

    /// Whether [`scored_row`](Self::scored_row) scores rows itself (the
    /// second pass): the streamed scorer need not score them first.
    pub fn scores_rows(&self) -> bool {
        !self.totals
    }

    /// One row scored here, with its trace, and its record made; the error
    /// when it cannot be scored (nothing is written then).
    pub fn scored_row(
        &mut self,
        who: &super::super::Who,
        line: usize,
        values: &[Value],
    ) -> Result<(), crate::eval::EvalError> {
        let row = crate::data::Row {
            line,
            employee: Employee {
                id: who.id.to_string(),
                name: who.name.map(str::to_string),
                brand: who.brand.map(str::to_string),
                store: who.store.map(str::to_string),
                region: who.region.map(str::to_string),
                period: who.period,
            },
            values: values.to_vec(),
        };
        let r = crate::eval::evaluate(self.card, &row)?;
        self.reasons.of(self.card, &r, Some(values));
        encode(
            &mut self.bytes,
            self.card,
            &Person::of(who),
            &r.scores,
            Some(values),
            &[],
            &self.reasons,
        );
        Ok(())
    }

    pub fn take(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.bytes)
    }

    pub fn replace_buffer(&mut self, mut next: Vec<u8>) -> Vec<u8> {
        next.clear();
        std::mem::replace(&mut self.bytes, next)
    }

    pub fn written(&self) -> usize {
        self.bytes.len()
    }
}

/// The first pass's records: every total, and who is named.
#[derive(Default)]
pub struct XlsxTotals {
    facts: Facts,
    pending: Vec<u8>,
}

impl XlsxTotals {
    pub fn into_facts(self) -> Facts {
        self.facts
    }
}

impl Write for XlsxTotals {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let mut done = 0;
        while let Some(record) = whole_record(&self.pending[done..]) {
            done += 4 + record.len();
            let mut r = Record { bytes: record };
            let total = r.decimal();
            let flags = r.take(1).first().copied().unwrap_or(0);
            let period = r.text().and_then(|p| Period::parse(p).ok());
            self.facts
                .note(flags & 1 != 0, flags & 2 != 0, flags & 4 != 0, period);
            self.facts.push_total(total);
        }
        self.pending.drain(..done);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
