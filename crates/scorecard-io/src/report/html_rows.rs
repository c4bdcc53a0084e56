//! The HTML report's rows, one record each, written a row at a time (by the
//! streamed way's workers, on every core, or from results held in memory)
//! into a spool that [`super::html`] lays out store by store.
//!
//! A record holds what the layout needs to order, rank and count the row
//! (its store, total, grade, main pay) and the row's HTML already made: its
//! table cells (the rank cell is added when the store's ranks are known;
//! the name and brand cells are kept apart, shown only when someone in the
//! store has one) and its block of points lost, with the reasons. So the
//! layout holds a few numbers per row, never the rows.
//!
//! ```text
//! u32 length of the rest · u8 grade (255: none) · u8 flags (NAME, BRAND, STORE, MAIN)
//! 16 bytes total · 16 bytes main pay (as shown, to the fen)
//! period: u16 year, u8 kind (0: none), u8 index
//! then five pieces, each u32 length + UTF-8: store, id cell, name cell,
//! brand cell, the other cells, the points-lost block
//! ```

use super::common::{derived_order, main_output, minus, with_trace};
use super::explain::{block_reasons, item_reasons};
use super::html_text::{escape, value_text, with_code};
use super::Who;
use crate::check::CheckedCard;
use crate::data::Row;
use crate::eval::{ScoreResult, Scores};
use crate::period::{Period, PeriodKind};
use crate::syntax::ast::AdjustmentKind;
use crate::t;
use crate::value::{format_decimal, Type, Unit, Value};
use rust_decimal::{Decimal, RoundingStrategy};
use std::fmt::Write as _;

pub(super) const NAME: u8 = 1;
pub(super) const BRAND: u8 = 2;
pub(super) const STORE: u8 = 4;
pub(super) const MAIN: u8 = 8;
pub(super) const NO_GRADE: u8 = u8::MAX;
/// Length, grade, flags, total, main pay, period.
pub(super) const FIXED: usize = 4 + 1 + 1 + 16 + 16 + 4;

/// A period as 4 bytes of a record.
pub(super) fn period_bytes(period: Option<Period>) -> [u8; 4] {
    let Some(p) = period else {
        return [0; 4];
    };
    let kind = match p.kind {
        PeriodKind::Month => 1,
        PeriodKind::Quarter => 2,
        PeriodKind::HalfYear => 3,
        PeriodKind::Year => 4,
    };
    let [a, b] = p.year.to_le_bytes();
    [a, b, kind, p.index]
}

/// [`period_bytes`] read back.
pub(super) fn period_of(bytes: [u8; 4]) -> Option<Period> {
    let kind = match bytes[2] {
        1 => PeriodKind::Month,
        2 => PeriodKind::Quarter,
        3 => PeriodKind::HalfYear,
        4 => PeriodKind::Year,
        _ => return None,
    };
    Some(Period {
        year: u16::from_le_bytes([bytes[0], bytes[1]]),
        kind,
        index: bytes[3],
    })
}

/// One card's rows as spool records, in a reused buffer.
pub struct HtmlRows<'c> {
    card: &'c CheckedCard,
    layout: Layout,
    buf: Vec<u8>,
    text: String,
}

/// What a card's table shows, worked out once.
#[derive(Debug, Clone)]
pub(super) struct Layout {
    /// The card awards points (see [`super::common::is_scored`]).
    pub scored: bool,
    /// Outputs in the order shown: a pay card's main pay first.
    pub derived: Vec<usize>,
    /// A pay card's main pay, which its table leads with and totals per store.
    pub main: Option<usize>,
    /// Inputs fed by another card's results (月度考核分数), shown beside the pay.
    pub fed: Vec<usize>,
}

impl Layout {
    pub fn new(card: &CheckedCard, fed: &[usize]) -> Layout {
        let scored = super::common::is_scored(card);
        let main = if scored { None } else { main_output(card) };
        let mut derived = derived_order(card);
        if let Some(main) = main {
            derived.retain(|&d| d != main);
            derived.insert(0, main);
        }
        Layout {
            scored,
            derived,
            main,
            fed: if scored { Vec::new() } else { fed.to_vec() },
        }
    }

    /// The headings after 排名, 工号, 姓名 and 品牌.
    pub fn headings(&self, card: &CheckedCard) -> Vec<String> {
        let mut head: Vec<String> = Vec::new();
        if self.scored {
            head.extend(super::common::section_and_block_titles(card));
            head.push(t!("html-col-total"));
            if card.grade().is_some() {
                head.push(t!("html-col-grade"));
            }
            head.extend(
                self.derived
                    .iter()
                    .map(|&d| card.derived()[d].display_name().to_string()),
            );
            return head;
        }
        for (n, &d) in self.derived.iter().enumerate() {
            let output = &card.derived()[d];
            if n == 0 && output.ty == Type::Num(Unit::Money) {
                head.push(t!("html-col-money", name = output.display_name()));
            } else {
                head.push(output.display_name().to_string());
            }
            if n == 0 {
                head.extend(
                    self.fed
                        .iter()
                        .map(|&i| card.inputs()[i].display_name().to_string()),
                );
            }
        }
        if self.derived.is_empty() {
            head.extend(
                self.fed
                    .iter()
                    .map(|&i| card.inputs()[i].display_name().to_string()),
            );
        }
        head
    }
}

impl<'c> HtmlRows<'c> {
    /// `fed`: the card's inputs fed by other cards' results in this run.
    pub fn new(card: &'c CheckedCard, fed: &[usize]) -> Self {
        HtmlRows {
            card,
            layout: Layout::new(card, fed),
            buf: Vec::new(),
            text: String::new(),
        }
    }

    /// A row scored without its trace (the streamed way): one who lost
    /// points is scored again with it, for the reasons.
    pub fn row(&mut self, who: &Who, line: usize, scores: &Scores, values: &[Value]) {
        let again = (self.layout.scored && lost_any(self.card, scores)).then(|| {
            let row = Row {
                line,
                employee: who.employee(),
                values: values.to_vec(),
            };
            crate::eval::evaluate(self.card, &row).ok()
        });
        let traced = again.flatten();
        self.record(
            who,
            scores,
            values,
            traced.as_ref().map(|r| (r, Some(values))),
        );
    }

    /// A result held in memory, with its inputs when known.
    pub fn result(&mut self, r: &ScoreResult, inputs: Option<&[Value]>) {
        let traced = (self.layout.scored && lost_any(self.card, &r.scores))
            .then(|| with_trace(self.card, r, inputs));
        self.record(
            &Who::of(&r.employee),
            &r.scores,
            inputs.unwrap_or(&[]),
            traced.as_deref().map(|t| (t, inputs)),
        );
    }

    fn record(
        &mut self,
        who: &Who,
        scores: &Scores,
        values: &[Value],
        traced: Option<(&ScoreResult, Option<&[Value]>)>,
    ) {
        let card = self.card;
        let start = self.buf.len();
        self.buf.extend_from_slice(&[0; 4]);
        let grade = scores
            .grade
            .and_then(|g| u8::try_from(g).ok())
            .filter(|&g| g != NO_GRADE)
            .unwrap_or(NO_GRADE);
        let mut flags = 0;
        if who.name.is_some() {
            flags |= NAME;
        }
        if who.brand.is_some() {
            flags |= BRAND;
        }
        if who.store.is_some() {
            flags |= STORE;
        }
        let main = self.layout.main.and_then(|m| match &scores.derived[m] {
            Value::Num(d) => Some(shown_money(*d, card.derived()[m].ty)),
            _ => None,
        });
        if main.is_some() {
            flags |= MAIN;
        }
        self.buf.push(grade);
        self.buf.push(flags);
        self.buf.extend_from_slice(&scores.total.serialize());
        self.buf
            .extend_from_slice(&main.unwrap_or_default().serialize());
        self.buf.extend_from_slice(&period_bytes(who.period));
        self.piece(|t| t.push_str(who.store.unwrap_or_default()));
        self.piece(|t| {
            let _ = write!(t, "<td class=\"who\">{}</td>", escape(who.id));
        });
        self.piece(|t| {
            if let Some(name) = who.name {
                let _ = write!(t, "<td class=\"who\">{}</td>", escape(name));
            }
        });
        self.piece(|t| {
            if let Some(brand) = who.brand {
                let _ = write!(t, "<td class=\"who\">{}</td>", escape(brand));
            }
        });
        let layout = &self.layout;
        self.text.clear();
        let cells = &mut self.text;
        let num = |cells: &mut String, text: &str| {
            let _ = write!(cells, "<td class=\"num\">{}</td>", escape(text));
        };
        if layout.scored {
            for d in scores.sections.iter().chain(&scores.adjustments) {
                num(cells, &format_decimal(*d));
            }
            num(cells, &format_decimal(scores.total));
            if let Some(g) = &card.grade() {
                let label = scores
                    .grade
                    .and_then(|i| g.rows.get(i))
                    .map(|r| &*r.outcome);
                let _ = write!(cells, "<td>{}</td>", escape(label.unwrap_or_default()));
            }
            for &d in &layout.derived {
                num(cells, &value_text(&scores.derived[d], card.derived()[d].ty));
            }
        } else {
            let fed = |cells: &mut String| {
                for &i in &layout.fed {
                    let input = &card.inputs()[i];
                    let value = values.get(i).unwrap_or(&Value::Missing);
                    num(cells, &value_text(value, input.ty.value_type()));
                }
            };
            for (n, &d) in layout.derived.iter().enumerate() {
                num(cells, &value_text(&scores.derived[d], card.derived()[d].ty));
                if n == 0 {
                    fed(cells);
                }
            }
            if layout.derived.is_empty() {
                fed(cells);
            }
        }
        let cells = std::mem::take(&mut self.text);
        self.piece(|t| t.push_str(&cells));
        self.text = cells;
        let lost = traced.map(|(r, inputs)| lost_block(card, r, inputs));
        self.piece(|t| t.push_str(lost.as_deref().unwrap_or_default()));
        let length = (self.buf.len() - start - 4) as u32;
        self.buf[start..start + 4].copy_from_slice(&length.to_le_bytes());
    }

    /// Appends one length-prefixed piece of text made by `make`.
    fn piece(&mut self, make: impl FnOnce(&mut String)) {
        let mut text = std::mem::take(&mut self.text);
        text.clear();
        make(&mut text);
        self.buf
            .extend_from_slice(&(text.len() as u32).to_le_bytes());
        self.buf.extend_from_slice(text.as_bytes());
        self.text = text;
    }

    pub fn take(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.buf)
    }

    pub fn replace_buffer(&mut self, mut next: Vec<u8>) -> Vec<u8> {
        next.clear();
        std::mem::replace(&mut self.buf, next)
    }

    pub fn written(&self) -> usize {
        self.buf.len()
    }
}

/// A pay as shown: money to the fen (四舍五入), as [`value_text`] prints it,
/// so a store's sum is the sum of what the table shows.
fn shown_money(d: Decimal, ty: Type) -> Decimal {
    match ty {
        Type::Num(Unit::Money) => {
            d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        }
        _ => d,
    }
}

/// Whether the row lost points on some item or penalty.
fn lost_any(card: &CheckedCard, scores: &Scores) -> bool {
    card.items()
        .iter()
        .zip(&scores.items)
        .any(|(item, &score)| score < item.points)
        || card
            .adjustments()
            .iter()
            .zip(&scores.adjustments)
            .any(|(block, &amount)| block.kind == AdjustmentKind::Penalty && amount < Decimal::ZERO)
}

/// The items and penalties that cost `r` points, and why; empty when none did.
fn lost_block(card: &CheckedCard, r: &ScoreResult, inputs: Option<&[Value]>) -> String {
    let mut lines = Vec::new();
    for (item_index, (item, &score)) in card.items().iter().zip(&r.scores.items).enumerate() {
        if score >= item.points {
            continue;
        }
        let section = &card.sections()[item.section];
        lines.push(lost_line(
            &t!(
                "html-lost-item",
                item = item.display_name(),
                section = section.label.as_deref().unwrap_or(&section.name),
                score = minus(score),
                points = format_decimal(item.points)
            ),
            &item_reasons(card, r, inputs, item_index),
        ));
    }
    let blocks = card.adjustments().iter().zip(&r.scores.adjustments);
    for (b, (block, &amount)) in blocks.enumerate() {
        if block.kind == AdjustmentKind::Penalty && amount < Decimal::ZERO {
            lines.push(lost_line(
                &t!(
                    "html-lost-block",
                    block = block.display_name(),
                    amount = minus(amount)
                ),
                &block_reasons(card, r, b),
            ));
        }
    }
    if lines.is_empty() {
        return String::new();
    }
    let who = match &r.employee.name {
        Some(name) => t!("html-lost-name", name = name, id = &r.employee.id),
        None => r.employee.id.clone(),
    };
    format!(
        "<div class=\"person\">\n<h4>{}</h4>\n<ul class=\"lost\">\n{}</ul>\n</div>\n",
        escape(&t!(
            "html-lost-who",
            who = who,
            total = format_decimal(r.scores.total)
        )),
        lines.concat()
    )
}

/// `<li><b>按时反馈（信息反馈）：1 / 3</b><br><span class="why">…</span></li>`
fn lost_line(head: &str, reasons: &[String]) -> String {
    let why: Vec<String> = reasons.iter().map(|r| with_code(r)).collect();
    if why.is_empty() {
        format!("<li><b>{}</b></li>\n", escape(head))
    } else {
        format!(
            "<li><b>{}</b><br><span class=\"why\">{}</span></li>\n",
            escape(head),
            why.join("<br>")
        )
    }
}
