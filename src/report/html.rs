//! A printable HTML report, one part per store, for store managers.
//!
//! Each store's part starts on a new printed page and holds: head count,
//! average, highest and lowest total and the grade counts; the score
//! distribution as an inline SVG chart ([`super::chart`]); the summary table
//! in rank order (the rank of the total within the store's own table: 1 is
//! best, ties share a rank); and, for each employee who lost points, every
//! item or penalty that cost them and why, quoting the card and its line. A
//! pay card (outputs only) shows its people and their pay, with no total,
//! rank or chart.
//!
//! The file is self-contained — styles inline, no script, nothing fetched —
//! and deterministic: no timestamp, so the same results give the same bytes.
//! Rows without a store are grouped under 未填门店; a file with no stores at
//! all is one part headed 全部.

use super::chart;
use super::common::{derived_order, minus, with_trace};
use super::explain::{block_reasons, item_reasons};
use super::groups::CardResults;
use super::rank::ranks;
use crate::check::CheckedCard;
use crate::eval::ScoreResult;
use crate::syntax::ast::AdjustmentKind;
use crate::value::{format_decimal, format_value, Type, Unit, Value};
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io;

const STYLE: &str = r#"
body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; color: #222; margin: 2em; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; }
.meta, .stats { color: #555; }
section.store + section.store { margin-top: 3em; }
table { border-collapse: collapse; margin: 1em 0; font-size: 0.9em; }
th, td { border: 1px solid #bbb; padding: 0.25em 0.6em; }
th { background: #ddebf7; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
svg .bar { fill: #4472c4; }
svg .axis { stroke: #888; }
svg text { font-size: 12px; text-anchor: middle; fill: #333; }
code { background: #f3f3f3; padding: 0 0.2em; }
.notes { border: 1px solid #e0c060; background: #fff8e0; padding: 0.3em 1em; margin: 1em 0; }
.notes h2 { font-size: 1.1em; }
.lost li { margin: 0.2em 0; }
.lost .why { color: #444; }
@media print {
  body { margin: 0; }
  section.store + section.store { break-before: page; margin-top: 0; }
  tr, li { break-inside: avoid; }
}
"#;

/// The report, ending in a newline. `inputs[i]`, when given, holds
/// `results[i]`'s input values, so a reason can show what a condition read.
/// `notes` (defaults used, columns ignored …) are listed under the title.
pub fn html(
    card: &CheckedCard,
    results: &[ScoreResult],
    inputs: &[&[Value]],
    notes: &[String],
) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = write_html(card, results, inputs, notes, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// [`html`], written a store at a time: no more than one store's part is
/// held as text.
pub fn write_html(
    card: &CheckedCard,
    results: &[ScoreResult],
    inputs: &[&[Value]],
    notes: &[String],
    to: &mut dyn io::Write,
) -> io::Result<()> {
    let name = escape(card.display_name());
    let mut out = head(&format!("{name} 考核结果"));
    let _ = writeln!(out, "<h1>{name} 考核结果</h1>");
    let _ = writeln!(
        out,
        "<p class=\"meta\">考核表 {} · {} · {} 人 · 满分 {}</p>",
        escape(&card.source.name),
        escape(&card.stamp.describe()),
        results.len(),
        format_decimal(card.total)
    );
    write_notes(&mut out, notes);
    let ranks = ranks(results);
    let report = Report {
        card,
        results,
        inputs,
        ranks: &ranks,
    };
    for (store, members) in stores(results) {
        let _ = writeln!(
            out,
            "<section class=\"store\">\n<h2>{}</h2>",
            escape(&store)
        );
        report.part(&mut out, &store, members);
        out.push_str("</section>\n");
        to.write_all(out.as_bytes())?;
        out.clear();
    }
    out.push_str("</body>\n</html>\n");
    to.write_all(out.as_bytes())
}

/// A report of several cards (a rules directory's month): a part per
/// store, and in it each card's people in their own table, with their own
/// statistics, chart and points lost.
pub fn html_cards(title: &str, meta: &str, cards: &[CardResults], notes: &[String]) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = write_html_cards(title, meta, cards, notes, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// [`html_cards`], written a store at a time.
pub fn write_html_cards(
    title: &str,
    meta: &str,
    cards: &[CardResults],
    notes: &[String],
    to: &mut dyn io::Write,
) -> io::Result<()> {
    let title = escape(title);
    let mut out = head(&title);
    // People, not rows: an employee appraised and paid is one person.
    let mut people: Vec<(&str, Option<crate::period::Period>)> = cards
        .iter()
        .flat_map(|c| c.results.iter())
        .map(|r| (r.employee.id.as_str(), r.employee.period))
        .collect();
    people.sort_unstable();
    people.dedup();
    let people = people.len();
    let _ = writeln!(out, "<h1>{title}</h1>");
    let _ = writeln!(
        out,
        "<p class=\"meta\">{} · {people} 人 · {} 张考核表</p>",
        escape(meta),
        cards.len()
    );
    write_notes(&mut out, notes);
    let ranks: Vec<Vec<usize>> = cards.iter().map(|c| ranks(c.results)).collect();
    let by_card: Vec<Vec<(String, Vec<usize>)>> = cards.iter().map(|c| stores(c.results)).collect();
    let mut names: Vec<&str> = by_card
        .iter()
        .flat_map(|stores| stores.iter().map(|(s, _)| s.as_str()))
        .collect();
    names.sort_unstable();
    names.dedup();
    for store in names {
        let _ = writeln!(out, "<section class=\"store\">\n<h2>{}</h2>", escape(store));
        for (c, part) in cards.iter().enumerate() {
            let Some((_, members)) = by_card[c].iter().find(|(s, _)| s == store) else {
                continue;
            };
            let name = match part.tag {
                Some(tag) => format!("{} · {tag}", part.card.display_name()),
                None => part.card.display_name().to_string(),
            };
            let _ = writeln!(
                out,
                "<h3>{}</h3>\n<p class=\"meta\">考核表 {} · {} · 满分 {}</p>",
                escape(&name),
                escape(&part.card.source.name),
                escape(&part.card.stamp.describe()),
                format_decimal(part.card.total)
            );
            let report = Report {
                card: part.card,
                results: part.results,
                inputs: part.inputs,
                ranks: &ranks[c],
            };
            report.part(&mut out, &format!("{store} {name}"), members.clone());
        }
        out.push_str("</section>\n");
        to.write_all(out.as_bytes())?;
        out.clear();
    }
    out.push_str("</body>\n</html>\n");
    to.write_all(out.as_bytes())
}

fn head(title: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
    )
}

/// What the run did that nobody stated, under the title.
fn write_notes(out: &mut String, notes: &[String]) {
    if notes.is_empty() {
        return;
    }
    out.push_str("<div class=\"notes\">\n<h2>说明</h2>\n<ul>\n");
    for note in notes {
        let _ = writeln!(out, "<li>{}</li>", escape(note).replace('\n', "<br>"));
    }
    out.push_str("</ul>\n</div>\n");
}

/// Result indices by store, stores in name order; no store at all → one group 全部.
fn stores(results: &[ScoreResult]) -> Vec<(String, Vec<usize>)> {
    if results.iter().all(|r| r.employee.store.is_none()) {
        return vec![("全部".to_string(), (0..results.len()).collect())];
    }
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, r) in results.iter().enumerate() {
        let store = r
            .employee
            .store
            .clone()
            .unwrap_or_else(|| "未填门店".into());
        groups.entry(store).or_default().push(i);
    }
    groups.into_iter().collect()
}

struct Report<'a> {
    card: &'a CheckedCard,
    results: &'a [ScoreResult],
    inputs: &'a [&'a [Value]],
    ranks: &'a [usize],
}

impl Report<'_> {
    /// One card's people in one store: statistics, chart, table, points lost.
    fn part(&self, out: &mut String, store: &str, mut members: Vec<usize>) {
        if !self.scored() {
            // A pay card: no points, so no ranks, chart or points lost; its
            // people in the file's order with their pay.
            let _ = writeln!(out, "<p class=\"stats\">{} 人</p>", members.len());
            self.table(out, &members);
            return;
        }
        // Best first; equal totals keep the file's order.
        members.sort_by_key(|&i| self.ranks[i]);
        let totals: Vec<Decimal> = members
            .iter()
            .map(|&i| self.results[i].scores.total)
            .collect();
        let _ = writeln!(
            out,
            "<p class=\"stats\">{}</p>",
            self.stats(&members, &totals)
        );
        let title = format!("{store} 总分分布");
        let _ = writeln!(
            out,
            "<figure>\n{}\n<figcaption>总分分布（人数）</figcaption>\n</figure>",
            chart::svg(&totals, self.card.total, &title)
        );
        self.table(out, &members);
        self.points_lost(out, &members);
    }

    /// The card scores points (items, or bonus and penalty blocks); a pay
    /// card has only outputs.
    fn scored(&self) -> bool {
        super::common::is_scored(self.card)
    }

    /// `4 人 · 平均 86.25 · 最高 95 · 最低 70 · 优秀 1 · 称职 2 · 较差 1`
    fn stats(&self, members: &[usize], totals: &[Decimal]) -> String {
        let count = Decimal::from(totals.len());
        let sum: Decimal = totals.iter().sum();
        let mut parts = vec![format!("{} 人", totals.len())];
        if let (Some(high), Some(low)) = (totals.iter().max(), totals.iter().min()) {
            let average = (sum / count).round_dp(2);
            parts.push(format!("平均 {}", format_decimal(average)));
            parts.push(format!("最高 {}", format_decimal(*high)));
            parts.push(format!("最低 {}", format_decimal(*low)));
        }
        if let Some(grade) = &self.card.grade {
            for (g, row) in grade.rows.iter().enumerate() {
                let label = &row.outcome;
                let n = members
                    .iter()
                    .filter(|&&i| self.results[i].scores.grade == Some(g))
                    .count();
                parts.push(format!("{} {n}", escape(label)));
            }
        }
        parts.join(" · ")
    }

    fn table(&self, out: &mut String, members: &[usize]) {
        let card = self.card;
        let derived = derived_order(card);
        let has = |f: fn(&ScoreResult) -> bool| members.iter().any(|&i| f(&self.results[i]));
        let show_name = has(|r| r.employee.name.is_some());
        let show_brand = has(|r| r.employee.brand.is_some());

        let scored = self.scored();
        let mut head: Vec<String> = Vec::new();
        if scored {
            head.push("排名".into());
        }
        head.push("工号".into());
        if show_name {
            head.push("姓名".into());
        }
        if show_brand {
            head.push("品牌".into());
        }
        head.extend(
            card.sections
                .iter()
                .map(|s| s.label.clone().unwrap_or_else(|| s.name.clone())),
        );
        head.extend(
            card.adjustments
                .iter()
                .map(|a| a.display_name().to_string()),
        );
        if scored {
            head.push("总分".into());
        }
        if card.grade.is_some() {
            head.push("等级".into());
        }
        head.extend(
            derived
                .iter()
                .map(|&i| card.derived[i].display_name().to_string()),
        );
        out.push_str("<table>\n<thead><tr>");
        for h in &head {
            let _ = write!(out, "<th>{}</th>", escape(h));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for &i in members {
            let r = &self.results[i];
            let e = &r.employee;
            let mut cells: Vec<(String, bool)> = Vec::new();
            if scored {
                // The rank within this store's table: 1 + those above.
                let total = r.scores.total;
                let above = members
                    .iter()
                    .filter(|&&j| self.results[j].scores.total > total)
                    .count();
                cells.push(((above + 1).to_string(), true));
            }
            cells.push((e.id.clone(), false));
            if show_name {
                cells.push((e.name.clone().unwrap_or_default(), false));
            }
            if show_brand {
                cells.push((e.brand.clone().unwrap_or_default(), false));
            }
            let amounts = r.scores.sections.iter().chain(&r.scores.adjustments);
            cells.extend(amounts.map(|d| (format_decimal(*d), true)));
            if scored {
                cells.push((format_decimal(r.scores.total), true));
            }
            if card.grade.is_some() {
                cells.push((
                    r.grade(card).map_or(String::new(), |g| g.to_string()),
                    false,
                ));
            }
            for &d in &derived {
                cells.push((value_text(&r.scores.derived[d], card.derived[d].ty), true));
            }
            out.push_str("<tr>");
            for (text, numeric) in cells {
                let class = if numeric { " class=\"num\"" } else { "" };
                let _ = write!(out, "<td{class}>{}</td>", escape(&text));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
    }

    /// Each employee who lost points: the items and penalties that cost them, and why.
    fn points_lost(&self, out: &mut String, members: &[usize]) {
        let card = self.card;
        let mut any = false;
        for &i in members {
            let r = &*with_trace(card, &self.results[i], self.inputs.get(i).copied());
            let mut lines = Vec::new();
            for (item_index, (item, &score)) in card.items.iter().zip(&r.scores.items).enumerate() {
                if score >= item.points {
                    continue;
                }
                let section = &card.sections[item.section];
                let inputs = self.inputs.get(i).copied();
                lines.push(lost_line(
                    &format!(
                        "{}（{}）：{} / {}",
                        item.display_name(),
                        section.label.as_deref().unwrap_or(&section.name),
                        minus(score),
                        format_decimal(item.points)
                    ),
                    &item_reasons(card, r, inputs, item_index),
                ));
            }
            let blocks = card.adjustments.iter().zip(&r.scores.adjustments);
            for (b, (block, &amount)) in blocks.enumerate() {
                if block.kind == AdjustmentKind::Penalty && amount < Decimal::ZERO {
                    lines.push(lost_line(
                        &format!("{}：{}", block.display_name(), minus(amount)),
                        &block_reasons(card, r, b),
                    ));
                }
            }
            if lines.is_empty() {
                continue;
            }
            if !any {
                out.push_str("<h3>扣分明细</h3>\n");
                any = true;
            }
            let who = match &r.employee.name {
                Some(name) => format!("{name}（{}）", r.employee.id),
                None => r.employee.id.clone(),
            };
            let _ = writeln!(
                out,
                "<h4>{} — 总分 {}</h4>\n<ul class=\"lost\">\n{}</ul>",
                escape(&who),
                format_decimal(r.scores.total),
                lines.concat()
            );
        }
    }
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

/// Escapes text, and shows the card's own words (between backticks) as code.
pub(super) fn with_code(text: &str) -> String {
    let mut out = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<code>{}</code>", escape(part));
        } else {
            out.push_str(&escape(part));
        }
    }
    out
}

/// A band or output as HR writes it; money with thousands separators and fen.
pub(super) fn value_text(value: &Value, ty: Type) -> String {
    match (value, ty) {
        (Value::Num(d), Type::Num(Unit::Money)) => money(*d),
        (Value::Missing, _) => String::new(),
        (Value::Bool(b), _) => if *b { "是" } else { "否" }.to_string(),
        (v, ty) => format_value(v, ty),
    }
}

/// `12,345.60`, `-50.00`.
fn money(d: Decimal) -> String {
    // 四舍五入, as the card's own `round` does.
    let text = format!(
        "{:.2}",
        d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
    );
    let (sign, body) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, "00"));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}{grouped}.{frac}")
}

/// Text safe inside HTML elements and attribute values.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn money_has_thousands_separators_and_fen() {
        let cases = [
            ("12345.6", "12,345.60"),
            ("-50", "-50.00"),
            ("999", "999.00"),
            ("1000000.005", "1,000,000.01"),
        ];
        for (value, want) in cases {
            assert_eq!(money(Decimal::from_str(value).unwrap()), want);
        }
    }

    #[test]
    fn markup_in_names_is_escaped_and_rules_become_code() {
        assert_eq!(
            escape("<b>\"王\" & '李'</b>"),
            "&lt;b&gt;&quot;王&quot; &amp; &#39;李&#39;&lt;/b&gt;"
        );
        assert_eq!(
            with_code("反馈及时率 is 96%: `>= 95% : minus 1`   [line 23]"),
            "反馈及时率 is 96%: <code>&gt;= 95% : minus 1</code>   [line 23]"
        );
    }
}
