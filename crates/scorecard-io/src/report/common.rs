//! Pieces every report shares: quoting the card, naming employees, and the
//! one-row-per-employee summary grid behind the table and Markdown formats.

use crate::check::CheckedCard;
use crate::data::Employee;
use crate::eval::result::Placing;
use crate::eval::ScoreResult;
use crate::source::Span;
use crate::t;
use crate::value::{format_decimal, format_money, format_value, Type, Unit, Value};
use rust_decimal::Decimal;
use unicode_width::UnicodeWidthStr;

/// The card's own text under `span`, on one line (runs of spaces and newlines become one space).
pub fn quote(card: &CheckedCard, span: Span) -> String {
    card.source()
        .slice(span)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The 1-based line of the card where `span` starts (in the file that holds
/// it, for a card that extends another).
pub fn line_of(card: &CheckedCard, span: Span) -> usize {
    card.source().line_col(span.start).0
}

/// The file `span` lies in, when it is not the card's own file: for a card
/// that extends another, a rule the base card wrote.
pub fn other_file(card: &CheckedCard, span: Span) -> Option<&str> {
    let (file, _) = card.source().locate(span.start);
    (file.name != card.source().name).then_some(file.name.as_str())
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

/// A value for a data cell: like [`shown`], but a blank input stays blank.
pub fn cell(value: &Value, ty: Type) -> String {
    match value {
        Value::Missing => String::new(),
        v => shown(v, ty),
    }
}

/// An amount as a person reads it: to the fen, with thousands separators:
/// `1,223.81`, `−0.50` is `-0.50`, `1200` is `1,200.00` (halves away from
/// zero, 四舍五入; the amounts a card reports are already rounded so).
pub fn money(d: Decimal) -> String {
    let plain = format_money(d);
    let (sign, digits) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain.as_str()),
    };
    let (whole, fen) = digits.split_once('.').unwrap_or((digits, ""));
    let mut out = String::with_capacity(plain.len() + whole.len() / 3);
    out.push_str(sign);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if !fen.is_empty() {
        out.push('.');
        out.push_str(fen);
    }
    out
}

/// A value as a person reads it: like [`format_value`], but money to the
/// fen with thousands separators ([`money`]), and a quotient that never
/// ends (a rate recomputed from sums, a mean of three months) shown to 0.01
/// (0.01% for a rate) after a `≈`. Only the display is rounded.
pub fn shown(value: &Value, ty: Type) -> String {
    const LONG: u32 = 10;
    match value {
        Value::Num(d) if ty == Type::Num(Unit::Money) => money(*d),
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
    let mut order: Vec<usize> = (0..card.derived().len()).collect();
    order.sort_by_key(|&i| card.derived()[i].span.start);
    order
}

/// Whether the card awards points (sections or bonus/penalty blocks): a
/// card without them is a pay card, reported as pay (no total, grade, rank
/// or histogram).
pub fn is_scored(card: &CheckedCard) -> bool {
    !card.sections().is_empty() || !card.adjustments().is_empty()
}

/// The output a pay card's report leads with (an index into
/// `CheckedCard::derived`): the one the card names (`main 实发工资`), else
/// the last money output it declares, else its last output; `None` for a
/// card without outputs.
pub fn main_output(card: &CheckedCard) -> Option<usize> {
    if card.main().is_some() {
        return card.main();
    }
    let order = derived_order(card);
    let money = |&&i: &&usize| card.derived()[i].ty == Type::Num(crate::value::Unit::Money);
    order
        .iter()
        .rev()
        .find(money)
        .or_else(|| order.last())
        .copied()
}

/// The outputs in the order a summary shows them: as the card declares
/// them, but a pay card's (see [`is_scored`]) led by its [`main_output`].
pub fn outputs_order(card: &CheckedCard) -> Vec<usize> {
    let mut order = derived_order(card);
    if !is_scored(card) {
        if let Some(at) = main_output(card).and_then(|m| order.iter().position(|&i| i == m)) {
            let main = order.remove(at);
            order.insert(0, main);
        }
    }
    order
}

/// A column's heading: its name, and for an amount the unit (`实发工资（元）`).
pub fn heading(name: &str, ty: Type) -> String {
    if ty == Type::Num(Unit::Money) {
        t!("col-money", name = name)
    } else {
        name.to_string()
    }
}

/// A pay card's main output added up per store (per brand and store when
/// the rows have brands), and for everyone: a grid with one row per store
/// in the order they first appear, then the whole. The sums are of the
/// amounts as shown (to the fen). `None` for a scored card, a card without
/// a money output to lead with, or rows without stores.
pub fn store_totals(card: &CheckedCard, results: &[ScoreResult]) -> Option<Grid> {
    if is_scored(card) || results.iter().all(|r| r.employee.store.is_none()) {
        return None;
    }
    let main = main_output(card)?;
    let d = &card.derived()[main];
    if d.ty != Type::Num(Unit::Money) {
        return None;
    }
    let brands = results.iter().any(|r| r.employee.brand.is_some());
    let fen = |r: &ScoreResult| {
        r.scores.derived[main].as_num().map(|v| {
            v.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        })
    };
    // (brand, store): people and the sum of their pay.
    type Store<'a> = ((Option<&'a str>, Option<&'a str>), usize, Decimal);
    let mut stores: Vec<Store> = Vec::new();
    let (mut people, mut all) = (0usize, Decimal::ZERO);
    for r in results {
        let key = (
            r.employee.brand.as_deref().filter(|_| brands),
            r.employee.store.as_deref(),
        );
        let amount = fen(r).unwrap_or_default();
        let at = match stores.iter().position(|(k, _, _)| *k == key) {
            Some(at) => at,
            None => {
                stores.push((key, 0, Decimal::ZERO));
                stores.len() - 1
            }
        };
        let sum = &mut stores[at];
        sum.1 += 1;
        sum.2 = sum.2.saturating_add(amount);
        people += 1;
        all = all.saturating_add(amount);
    }
    let mut header = Vec::new();
    let mut numeric = Vec::new();
    if brands {
        header.push(t!("col-brand"));
        numeric.push(false);
    }
    header.extend([
        t!("col-store"),
        t!("col-people"),
        heading(d.display_name(), d.ty),
    ]);
    numeric.extend([false, true, true]);
    let mut rows: Vec<Vec<String>> = stores
        .into_iter()
        .map(|((brand, store), n, sum)| {
            let mut row = Vec::new();
            if brands {
                row.push(brand.unwrap_or_default().to_string());
            }
            row.extend([
                store.unwrap_or_default().to_string(),
                n.to_string(),
                money(sum),
            ]);
            row
        })
        .collect();
    let mut last = Vec::new();
    if brands {
        last.push(String::new());
    }
    last.extend([t!("row-all"), people.to_string(), money(all)]);
    rows.push(last);
    let mut grid = Grid {
        header,
        rows,
        numeric,
    };
    for cell in grid.header.iter_mut().chain(grid.rows.iter_mut().flatten()) {
        if let std::borrow::Cow::Owned(shown) = printable(cell) {
            *cell = shown;
        }
    }
    Some(grid)
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
/// one per rank (`2 of 5`), one per band/output (a pay card's main output
/// first, see [`outputs_order`]; amounts to the fen, see [`money`]).
/// Headings are in the reader's language (`工号`, `姓名` …).
/// Every cell is [`printable`]: the grid is shown on a terminal.
/// With the inputs fed by other cards' results (`part.fed`, e.g. 月度考核分数
/// fed by step 考核's total) beside the main pay of a pay card (after the
/// last column of a scored card).
pub fn summary_of(part: &CardResults) -> Grid {
    let mut grid = summary_raw(part.card, part.results);
    add_fed(&mut grid, part);
    for cell in grid.header.iter_mut().chain(grid.rows.iter_mut().flatten()) {
        if let std::borrow::Cow::Owned(shown) = printable(cell) {
            *cell = shown;
        }
    }
    grid
}

/// The fed inputs' columns: after the first output column of a pay card
/// (its main pay), else at the end.
fn add_fed(grid: &mut Grid, part: &CardResults) {
    let card = part.card;
    if part.fed.is_empty() || part.inputs.len() != part.results.len() {
        return;
    }
    let outputs = outputs_order(card).len();
    let at = if is_scored(card) || outputs == 0 {
        grid.header.len()
    } else {
        grid.header.len() - outputs + 1
    };
    for (k, &i) in part.fed.iter().enumerate() {
        let input = &card.inputs()[i];
        let ty = input.ty.value_type();
        grid.header
            .insert(at + k, heading(input.display_name(), ty));
        grid.numeric.insert(at + k, matches!(ty, Type::Num(_)));
        for (row, values) in grid.rows.iter_mut().zip(part.inputs) {
            let value = values.get(i).map(|v| cell(v, ty)).unwrap_or_default();
            row.insert(at + k, value);
        }
    }
}

fn summary_raw(card: &CheckedCard, results: &[ScoreResult]) -> Grid {
    let has = |f: fn(&Employee) -> bool| results.iter().any(|r| f(&r.employee));
    let show_name = has(|e| e.name.is_some());
    let show_brand = has(|e| e.brand.is_some());
    let show_store = has(|e| e.store.is_some());
    let show_region = has(|e| e.region.is_some());
    let show_period = has(|e| e.period.is_some());

    let mut header: Vec<String> = vec![t!("col-id")];
    let mut numeric = vec![false];
    for (shown, title) in [
        (show_name, t!("col-name")),
        (show_brand, t!("col-brand")),
        (show_store, t!("col-store")),
        (show_region, t!("col-region")),
        (show_period, t!("col-period")),
    ] {
        if shown {
            header.push(title);
            numeric.push(false);
        }
    }
    for s in card.sections() {
        header.push(s.label.clone().unwrap_or_else(|| s.name.clone()));
        numeric.push(true);
    }
    for a in card.adjustments() {
        header.push(a.display_name().to_string());
        numeric.push(true);
    }
    // A pay card with no points has no total worth a column.
    let scored = is_scored(card);
    if scored {
        header.push(t!("col-total"));
        numeric.push(true);
    }
    if card.grade().is_some() {
        header.push(t!("col-grade"));
        numeric.push(false);
    }
    for rank in &card.ranking().ranks {
        header.push(rank.display_name().to_string());
        numeric.push(true);
    }
    let derived = outputs_order(card);
    for d in derived.iter().map(|&i| &card.derived()[i]) {
        header.push(heading(d.display_name(), d.ty));
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
            if card.grade().is_some() {
                row.push(r.grade(card).map(|g| g.to_string()).unwrap_or_default());
            }
            row.extend(
                (0..card.ranking().ranks.len())
                    .map(|i| r.ranks.get(i).map(place).unwrap_or_default()),
            );
            for &i in &derived {
                row.push(cell(&r.scores.derived[i], card.derived()[i].ty));
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
/// that writes reasons of a card with no ranking stage keeps no trace per
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

/// `2 of 5`, as the summary tables print a place.
pub fn place(placing: &Placing) -> String {
    format!("{} of {}", placing.place, placing.size)
}

/// One card and the results it gave, in a report of several.
#[derive(Debug, Clone, Copy)]
pub struct CardResults<'a> {
    pub card: &'a CheckedCard,
    pub results: &'a [ScoreResult],
    /// Each result's input values (for reasons), or empty.
    pub inputs: &'a [&'a [Value]],
    /// Shown beside the card's name: a manifest step, a version.
    pub tag: Option<&'a str>,
    /// The data table (file or sheet) of each result, or empty (one table):
    /// rows are put in data order by table, then line.
    pub tables: &'a [usize],
    /// The card's inputs fed by other cards' results, by index, shown
    /// beside the pay (with `inputs`).
    pub fed: &'a [usize],
}

impl<'a> CardResults<'a> {
    /// One card's results, from one table, without inputs.
    pub fn new(card: &'a CheckedCard, results: &'a [ScoreResult]) -> Self {
        CardResults {
            card,
            results,
            inputs: &[],
            tag: None,
            tables: &[],
            fed: &[],
        }
    }
}

/// A scored card's section labels, then its bonus/penalty blocks' names:
/// the columns of points every summary shows after who was scored.
pub(crate) fn section_and_block_titles(card: &CheckedCard) -> Vec<String> {
    let sections = card
        .sections()
        .iter()
        .map(|s| s.label.clone().unwrap_or_else(|| s.name.clone()));
    let blocks = card
        .adjustments()
        .iter()
        .map(|a| a.display_name().to_string());
    sections.chain(blocks).collect()
}

#[cfg(test)]
mod money_tests {
    use super::money;
    use rust_decimal::Decimal;
    use std::str::FromStr;

    #[test]
    fn amounts_for_people_have_thousands_separators_and_two_decimals() {
        for (value, want) in [
            ("0", "0.00"),
            ("12.5", "12.50"),
            ("999.995", "1,000.00"),
            ("1223.805", "1,223.81"),
            ("-1234567.891", "-1,234,567.89"),
            ("100000", "100,000.00"),
        ] {
            assert_eq!(money(Decimal::from_str(value).unwrap()), want, "{value}");
        }
    }
}
