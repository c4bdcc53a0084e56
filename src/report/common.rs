//! Pieces every report shares: quoting the card, naming employees, and the
//! one-row-per-employee summary grid behind the table and Markdown formats.

use crate::check::CheckedCard;
use crate::data::Employee;
use crate::eval::ScoreResult;
use crate::source::Span;
use crate::value::{format_decimal, format_value, Type, Value};
use rust_decimal::Decimal;
use unicode_width::UnicodeWidthStr;

/// The card's own text under `span`, on one line (runs of spaces and newlines become one space).
pub fn quote(card: &CheckedCard, span: Span) -> String {
    card.source
        .slice(span)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The 1-based line of the card where `span` starts (in the file that holds
/// it, for a card that extends another).
pub fn line_of(card: &CheckedCard, span: Span) -> usize {
    card.source.line_col(span.start).0
}

/// The file `span` lies in, when it is not the card's own file: for a card
/// that extends another, a rule the base card wrote.
pub fn other_file(card: &CheckedCard, span: Span) -> Option<&str> {
    let (file, _) = card.source.locate(span.start);
    (file.name != card.source.name).then_some(file.name.as_str())
}

/// Where a rule is written: a line of the card, or a line of a base card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardLine {
    pub line: usize,
    /// The file, when it is not the card's own (see [`other_file`]).
    pub file: Option<String>,
}

impl std::fmt::Display for CardLine {
    /// `line 86`, or `rules/callback_specialist.card:86` for a base card's line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.file {
            Some(file) => write!(f, "{file}:{}", self.line),
            None => write!(f, "line {}", self.line),
        }
    }
}

pub fn card_line(card: &CheckedCard, span: Span) -> CardLine {
    CardLine {
        line: line_of(card, span),
        file: other_file(card, span).map(str::to_string),
    }
}

/// A value for a data cell: like [`format_value`], but a blank input stays blank.
pub fn cell(value: &Value, ty: Type) -> String {
    match value {
        Value::Missing => String::new(),
        v => format_value(v, ty),
    }
}

/// A value as a person reads it: like [`format_value`], but a quotient that
/// never ends (a rate recomputed from sums, a mean of three months) is shown
/// to 0.01 (0.01% for a rate) after a `≈`. Only the display is rounded.
pub fn shown(value: &Value, ty: Type) -> String {
    const LONG: u32 = 10;
    match value {
        Value::Num(d) if d.normalize().scale() > LONG => {
            let places = if ty == Type::Num(crate::value::Unit::Percent) {
                4
            } else {
                2
            };
            let rounded = d.round_dp_with_strategy(
                places,
                rust_decimal::RoundingStrategy::MidpointAwayFromZero,
            );
            format!("≈ {}", format_value(&Value::Num(rounded), ty))
        }
        v => format_value(v, ty),
    }
}

/// A signed amount for human readers: `−5`, `+3`, `0` (with a real minus sign).
pub fn signed(d: Decimal) -> String {
    if d > Decimal::ZERO {
        format!("+{}", format_decimal(d))
    } else {
        minus(d)
    }
}

/// A number with a real minus sign when negative: `−2`, `4.5`.
pub fn minus(d: Decimal) -> String {
    let text = format_decimal(d);
    match text.strip_prefix('-') {
        Some(rest) => format!("−{rest}"),
        None => text,
    }
}

/// Pads `text` with spaces on the right to `width` terminal columns (Chinese counts two).
pub fn pad_right(text: &str, width: usize) -> String {
    let w = text.width();
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}

/// Pads `text` with spaces on the left to `width` terminal columns.
pub fn pad_left(text: &str, width: usize) -> String {
    let w = text.width();
    format!("{}{text}", " ".repeat(width.saturating_sub(w)))
}

/// `张三 (E001 · 君威 · 一店)`, or `E001 (君威)` when the row has no name.
pub fn employee_title(e: &Employee) -> String {
    let mut tags: Vec<&str> = Vec::new();
    let head = match &e.name {
        Some(name) => {
            tags.push(&e.id);
            name.as_str()
        }
        None => e.id.as_str(),
    };
    tags.extend(e.brand.as_deref());
    tags.extend(e.store.as_deref());
    tags.extend(e.region.as_deref());
    let period = e.period.map(|p| p.to_string());
    tags.extend(period.as_deref());
    if tags.is_empty() {
        head.to_string()
    } else {
        format!("{head} ({})", tags.join(" · "))
    }
}

/// Indices into `CheckedCard::derived` in the order the card declares them
/// (the checked card keeps them in dependency order instead).
pub fn derived_order(card: &CheckedCard) -> Vec<usize> {
    let mut order: Vec<usize> = (0..card.derived.len()).collect();
    order.sort_by_key(|&i| card.derived[i].span.start);
    order
}

/// Whether the card awards points (sections or bonus/penalty blocks): a
/// card without them is a pay card, reported as pay (no total, grade, rank
/// or histogram).
pub fn is_scored(card: &CheckedCard) -> bool {
    !card.sections.is_empty() || !card.adjustments.is_empty()
}

/// The output a pay card's report leads with (an index into
/// `CheckedCard::derived`): the last money output the card declares, else
/// its last output; `None` for a card without outputs.
pub fn main_output(card: &CheckedCard) -> Option<usize> {
    let order = derived_order(card);
    let money = |&&i: &&usize| card.derived[i].ty == Type::Num(crate::value::Unit::Money);
    order
        .iter()
        .rev()
        .find(money)
        .or_else(|| order.last())
        .copied()
}

/// The summary grid: one row per employee, as the table and Markdown formats show it.
/// `text` with every control character (escape sequences, carriage
/// returns, bells …) and every bidirectional override written out as
/// `\u{1b}`, so a name in the data cannot move the cursor, recolour the
/// terminal or reorder what is shown around it.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| {
        c.is_control()
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

pub struct Grid {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Which columns hold numbers (right-aligned).
    pub numeric: Vec<bool>,
}

/// Columns: id, name, brand, store, region, period (each only when some row
/// has it), one per section, one per bonus/penalty block (signed), total
/// (unless the card has no sections or blocks, as a pay card may), grade,
/// one per rank (`2 of 5`), one per band/output.
/// Every cell is [`printable`]: the grid is shown on a terminal.
pub fn summary(card: &CheckedCard, results: &[ScoreResult]) -> Grid {
    let mut grid = summary_raw(card, results);
    for cell in grid.header.iter_mut().chain(grid.rows.iter_mut().flatten()) {
        if let std::borrow::Cow::Owned(shown) = printable(cell) {
            *cell = shown;
        }
    }
    grid
}

fn summary_raw(card: &CheckedCard, results: &[ScoreResult]) -> Grid {
    let has = |f: fn(&Employee) -> bool| results.iter().any(|r| f(&r.employee));
    let show_name = has(|e| e.name.is_some());
    let show_brand = has(|e| e.brand.is_some());
    let show_store = has(|e| e.store.is_some());
    let show_region = has(|e| e.region.is_some());
    let show_period = has(|e| e.period.is_some());

    let mut header: Vec<String> = vec!["id".into()];
    let mut numeric = vec![false];
    for (shown, title) in [
        (show_name, "name"),
        (show_brand, "brand"),
        (show_store, "store"),
        (show_region, "region"),
        (show_period, "period"),
    ] {
        if shown {
            header.push(title.into());
            numeric.push(false);
        }
    }
    for s in &card.sections {
        header.push(s.label.clone().unwrap_or_else(|| s.name.clone()));
        numeric.push(true);
    }
    for a in &card.adjustments {
        header.push(a.display_name().to_string());
        numeric.push(true);
    }
    // A pay card with no points has no total worth a column.
    let scored = is_scored(card);
    if scored {
        header.push("total".into());
        numeric.push(true);
    }
    if card.grade.is_some() {
        header.push("grade".into());
        numeric.push(false);
    }
    for rank in &card.group.ranks {
        header.push(rank.display_name().to_string());
        numeric.push(true);
    }
    let derived = derived_order(card);
    for d in derived.iter().map(|&i| &card.derived[i]) {
        header.push(d.display_name().to_string());
        numeric.push(matches!(d.ty, Type::Num(_)));
    }

    let rows = results
        .iter()
        .map(|r| {
            let e = &r.employee;
            let mut row = vec![e.id.clone()];
            let period = e.period.map(|p| p.to_string());
            for (shown, value) in [
                (show_name, &e.name),
                (show_brand, &e.brand),
                (show_store, &e.store),
                (show_region, &e.region),
                (show_period, &period),
            ] {
                if shown {
                    row.push(value.clone().unwrap_or_default());
                }
            }
            row.extend(r.scores.sections.iter().map(|s| format_decimal(*s)));
            row.extend(r.scores.adjustments.iter().map(|a| format_decimal(*a)));
            if scored {
                row.push(format_decimal(r.scores.total));
            }
            if card.grade.is_some() {
                row.push(r.grade(card).map(|g| g.to_string()).unwrap_or_default());
            }
            row.extend((0..card.group.ranks.len()).map(|i| {
                r.ranks
                    .get(i)
                    .map(super::group_trace::place)
                    .unwrap_or_default()
            }));
            for &i in &derived {
                row.push(cell(&r.scores.derived[i], card.derived[i].ty));
            }
            row
        })
        .collect();
    Grid {
        header,
        rows,
        numeric,
    }
}

/// `r` with its trace: as it is, or scored again from its `inputs`. A run
/// that writes reasons of a card with no group stage keeps no trace per
/// row: it is worked out for one employee at a time, as the reasons are
/// written, and dropped (the same trace: the row stage is the whole
/// evaluation of such a card).
pub(crate) fn with_trace<'a>(
    card: &CheckedCard,
    r: &'a ScoreResult,
    inputs: Option<&[Value]>,
) -> std::borrow::Cow<'a, ScoreResult> {
    use std::borrow::Cow;
    let (None, Some(values)) = (&r.trace, inputs) else {
        return Cow::Borrowed(r);
    };
    let row = crate::data::Row {
        line: r.line,
        employee: r.employee.clone(),
        values: values.to_vec(),
    };
    match crate::eval::evaluate(card, &row) {
        Ok(again) => Cow::Owned(ScoreResult {
            trace: again.trace,
            ..r.clone()
        }),
        Err(_) => Cow::Borrowed(r),
    }
}
