//! Why each item lost points, in the words `explain` uses: a cell per
//! item and block, cached per card (many people lose points the same way).

use super::super::explain::{block_reasons, item_reasons};
use super::bytes::put_value;
use crate::check::CheckedCard;
use crate::eval::ScoreResult;
use crate::report::workbook::SharedStrings;
use crate::value::Value;
use rust_decimal::Decimal;
use std::sync::Arc;

/// One cell's reason, with its fingerprint (the record carries it, and the
/// sink finds the shared string by it): worked out once per text cached.
#[derive(Debug, Clone)]
pub(super) struct Reason {
    pub text: Arc<str>,
    pub print: u128,
}

impl Reason {
    fn new(text: String) -> Reason {
        let print = SharedStrings::fingerprint(text.as_bytes());
        Reason {
            text: text.into(),
            print,
        }
    }
}

impl Reason {
    /// No reason (an item at full points).
    pub(super) fn blank() -> Reason {
        Reason::new(String::new())
    }
}

/// The reasons shown beside each item and block of one person, a cell each.
#[derive(Debug, Default)]
pub struct Reasons {
    pub(super) items: Vec<Reason>,
    pub(super) blocks: Vec<Reason>,
    /// Reasons written already, by what they were written from (see
    /// [`Reasons::key`]): many people lose points the same way, and writing
    /// a reason (the catalogue's sentences, the card's words) costs more
    /// than the rest of the workbook's row.
    known: rustc_hash::FxHashMap<Vec<u8>, Reason>,
    /// Per item, the inputs its rules read; `None` when a rule reads
    /// something beyond the row's inputs and its trace (a hook, another
    /// item, a band …): its reasons are written every time.
    reads: Option<Vec<Option<Vec<usize>>>>,
    /// The card `known` and `reads` are of (its address; the cards of a
    /// workbook of several are all alive while it is written).
    card: usize,
    key: Vec<u8>,
    /// [`Reason::blank`], made once: the cell of every item at full points.
    blank: Option<Reason>,
}

/// Reasons kept at most before the cache starts again.
const KNOWN_REASONS: usize = 50_000;

impl Reasons {
    /// `r`'s reasons (`r` has its trace).
    pub(super) fn of(&mut self, card: &CheckedCard, r: &ScoreResult, inputs: Option<&[Value]>) {
        self.items.clear();
        self.blocks.clear();
        let blank = self.blank.get_or_insert_with(Reason::blank).clone();
        let address = std::ptr::from_ref(card) as usize;
        if self.card != address {
            self.card = address;
            self.known.clear();
            self.reads = None;
        }
        if self.known.len() > KNOWN_REASONS {
            self.known.clear();
        }
        let reads = self
            .reads
            .get_or_insert_with(|| card.items().iter().map(item_reads).collect());
        // A result without its trace (scored for its numbers alone) has
        // no reasons to give: its cells stay empty.
        let Some(trace) = r.trace.as_deref() else {
            self.none(card);
            return;
        };
        for (i, item) in card.items().iter().enumerate() {
            // An item at full points, with nothing deducted or clamped, has
            // no reason to give (as `explain` has none for it).
            let t = &trace.items[i];
            let quiet = t.score >= item.points
                && t.clamp.is_none()
                && t.deductions.iter().all(|h| h.count.is_zero());
            if quiet {
                self.items.push(blank.clone());
                continue;
            }
            let Some(read) = &reads[i] else {
                self.items
                    .push(Reason::new(item_reasons(card, r, inputs, i).join("\n")));
                continue;
            };
            // The sentences are the same for the same trace and the same
            // values of the inputs the item reads.
            let key = &mut self.key;
            key.clear();
            key.push(0);
            key.extend_from_slice(&(i as u32).to_le_bytes());
            item_key(key, t);
            key.push(u8::from(inputs.is_some()));
            for &input in read {
                put_value(
                    key,
                    inputs.and_then(|v| v.get(input)).unwrap_or(&Value::Missing),
                );
            }
            let text = match self.known.get(key.as_slice()) {
                Some(text) => text.clone(),
                None => {
                    let text = Reason::new(item_reasons(card, r, inputs, i).join("\n"));
                    self.known.insert(key.clone(), text.clone());
                    text
                }
            };
            self.items.push(text);
        }
        for (b, t) in trace.adjustments.iter().enumerate() {
            if !t.capped && t.lines.iter().all(|h| h.count.is_zero()) {
                self.blocks.push(blank.clone());
                continue;
            }
            // A block's sentences read its trace alone.
            let key = &mut self.key;
            key.clear();
            key.push(1);
            key.extend_from_slice(&(b as u32).to_le_bytes());
            for h in &t.lines {
                key.extend_from_slice(&h.count.serialize());
                key.extend_from_slice(&h.amount.serialize());
            }
            key.extend_from_slice(&t.amount.serialize());
            key.push(u8::from(t.capped));
            key.extend_from_slice(&t.uncapped.serialize());
            let text = match self.known.get(key.as_slice()) {
                Some(text) => text.clone(),
                None => {
                    let text = Reason::new(block_reasons(card, r, b).join("\n"));
                    self.known.insert(key.clone(), text.clone());
                    text
                }
            };
            self.blocks.push(text);
        }
    }
}

impl Reasons {
    /// No reasons: an empty cell for every item and block.
    pub(super) fn none(&mut self, card: &CheckedCard) {
        self.items.clear();
        let blank = self.blank.get_or_insert_with(Reason::blank).clone();
        self.items.resize(card.items().len(), blank.clone());
        self.blocks.clear();
        self.blocks.resize(card.adjustments().len(), blank);
    }
}

/// An item's trace, as bytes that differ when any of it differs.
fn item_key(key: &mut Vec<u8>, t: &crate::eval::result::ItemScore) {
    use crate::eval::result::{BaseTrace, Clamp};
    let decimal = |key: &mut Vec<u8>, d: &Decimal| key.extend_from_slice(&d.serialize());
    decimal(key, &t.score);
    decimal(key, &t.raw);
    key.push(match t.clamp {
        None => 0,
        Some(Clamp::ToZero) => 1,
        Some(Clamp::ToPoints) => 2,
    });
    for h in &t.deductions {
        decimal(key, &h.count);
        decimal(key, &h.amount);
    }
    match &t.base {
        BaseTrace::Full => key.push(0),
        BaseTrace::Tier {
            row,
            subject,
            value,
        } => {
            key.push(1);
            key.extend_from_slice(&(*row as u64).to_le_bytes());
            put_value(key, subject);
            decimal(key, value);
        }
        BaseTrace::PassFail { met, value } => {
            key.push(2);
            key.push(u8::from(*met));
            decimal(key, value);
        }
        BaseTrace::Late { days, value } => {
            key.push(3);
            match days {
                Some(d) => {
                    key.push(1);
                    decimal(key, d);
                }
                None => key.push(0),
            }
            decimal(key, value);
        }
        BaseTrace::Score { value } => {
            key.push(4);
            decimal(key, value);
        }
        BaseTrace::Rated {
            ratings,
            value,
            rounded,
        } => {
            key.push(5);
            for rating in ratings {
                match rating {
                    Some(d) => {
                        key.push(1);
                        decimal(key, d);
                    }
                    None => key.push(0),
                }
            }
            decimal(key, value);
            key.push(u8::from(*rounded));
        }
    }
}

/// The inputs `item`'s rules read, or `None` when they read anything else
/// (a hook call, another item, a section, a band, a rank …).
fn item_reads(item: &crate::check::model::Item) -> Option<Vec<usize>> {
    use crate::check::model::{BaseRule, Expr, ExprKind, Outcome};
    fn walk(e: &Expr, reads: &mut Vec<usize>) -> bool {
        match &e.kind {
            ExprKind::Input(i) | ExprKind::Present(i) => reads.push(*i),
            ExprKind::Const(_)
            | ExprKind::Neg(_)
            | ExprKind::Not(_)
            | ExprKind::Arith(..)
            | ExprKind::Compare(..)
            | ExprKind::And(..)
            | ExprKind::Or(..)
            | ExprKind::If(..)
            | ExprKind::Min(_)
            | ExprKind::Max(_)
            | ExprKind::Clamp(..)
            | ExprKind::Round(..) => {}
            _ => return false,
        }
        e.children().into_iter().all(|c| walk(c, reads))
    }
    let mut reads: Vec<usize> = item.deductions.iter().map(|d| d.input).collect();
    let pure = match &item.base {
        None => true,
        Some(BaseRule::Tiers(table)) => {
            walk(&table.subject, &mut reads)
                && table.rows.iter().all(|row| match &row.outcome {
                    Outcome::Formula(e) => walk(e, &mut reads),
                    Outcome::Full | Outcome::Minus(_) | Outcome::Fixed(_) => true,
                })
        }
        Some(BaseRule::PassFail { condition, .. }) => walk(condition, &mut reads),
        Some(BaseRule::Late { input, .. }) => {
            reads.push(*input);
            true
        }
        Some(BaseRule::Score { expr, .. }) => walk(expr, &mut reads),
        Some(BaseRule::Rated(rated)) => {
            reads.extend(rated.raters.iter().map(|r| r.input));
            true
        }
    };
    reads.sort_unstable();
    reads.dedup();
    pure.then_some(reads)
}
