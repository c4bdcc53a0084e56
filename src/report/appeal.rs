//! 考核结果告知书: one printed A4 page per employee, to hand out.
//!
//! A page holds who the employee is and the period; for each card that
//! scored them (the appraisal, then the pay it feeds) the total and grade,
//! every item with its points and score and, where points were lost, why,
//! quoting the card's rule and line; bonus and penalty lines; the outputs
//! (pay) to the fen; the notes on what nobody stated; then the appeal
//! paragraph and a signature block (考核人 / 被考核人 / 日期).
//!
//! Self-contained (styles inline, nothing fetched) and deterministic, like
//! the store report ([`super::html`]), whose reason lines and money format it
//! shares.

use super::common::minus;
use super::explain::{block_reasons, item_reasons};
use super::html::{escape, value_text, with_code};
use crate::check::CheckedCard;
use crate::eval::ScoreResult;
use crate::value::{format_decimal, Value};
use std::fmt::Write as _;

const STYLE: &str = r#"
@page { size: A4; margin: 12mm 13mm 12mm 13mm; }
body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; color: #111; margin: 0; font-size: 8.5pt; line-height: 1.25; }
section.sheet { break-after: page; }
section.sheet:last-of-type { break-after: auto; }
h1 { font-size: 15pt; text-align: center; margin: 0 0 2mm 0; letter-spacing: 0.3em; }
h2 { font-size: 10pt; margin: 2mm 0 0.5mm 0; }
.meta { text-align: center; color: #444; margin: 0 0 3mm 0; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0; }
th, td { border: 0.5pt solid #888; padding: 0.25mm 1.2mm; vertical-align: top; }
th { background: #e8eef7; font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.name { white-space: nowrap; }
tr.section td { background: #f4f4f4; font-weight: 600; }
.why { color: #333; font-size: 7.5pt; }
code { font-family: inherit; background: #f1f1f1; padding: 0 0.4mm; }
.result { font-size: 10pt; margin: 0.5mm 0; }
.notes { border: 0.6pt solid #d8b64a; background: #fff8e0; padding: 1mm 2mm; margin: 2mm 0; font-size: 8.5pt; }
.appeal { margin-top: 2mm; }
.appeal p { margin: 1mm 0; line-height: 1.5; }
table.sign td { border: none; padding-top: 5mm; width: 33%; }
.ref { color: #777; font-size: 7.5pt; margin-top: 3mm; }
tr, li { break-inside: avoid; }
"#;

/// What one card gave one employee, with what the report needs to explain it.
pub struct AppealPart<'a> {
    pub card: &'a CheckedCard,
    pub result: &'a ScoreResult,
    /// The row's input values, so a reason can show what a rule read.
    pub inputs: Option<&'a [Value]>,
    /// What the run did that nobody typed, for this row.
    pub notes: Vec<String>,
}

/// The document: a page per employee (and period), each with the parts of
/// every card that scored them, in the order given. Parts of one employee
/// and period are gathered onto one page wherever they come in `parts`.
pub fn appeal_html(title: &str, parts: &[AppealPart]) -> String {
    let mut pages: Vec<(String, Option<String>, Vec<&AppealPart>)> = Vec::new();
    for part in parts {
        let employee = &part.result.employee;
        let period = employee.period.as_ref().map(|p| p.to_string());
        match pages
            .iter_mut()
            .find(|(id, p, _)| id == &employee.id && p == &period)
        {
            Some((_, _, page)) => page.push(part),
            None => pages.push((employee.id.clone(), period, vec![part])),
        }
    }
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(title)
    );
    for (_, period, page) in &pages {
        sheet(&mut out, period.as_deref(), page);
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn sheet(out: &mut String, period: Option<&str>, parts: &[&AppealPart]) {
    let first = parts[0];
    let employee = &first.result.employee;
    out.push_str("<section class=\"sheet\">\n<h1>考核结果告知书</h1>\n");
    let _ = writeln!(
        out,
        "<p class=\"meta\">{} · 考核期间 {}</p>",
        escape(first.card.display_name()),
        escape(period.unwrap_or("—"))
    );
    let cell = |text: &Option<String>| escape(text.as_deref().unwrap_or("—"));
    let _ = writeln!(
        out,
        "<table class=\"who\"><tr><th>工号</th><td>{}</td><th>姓名</th><td>{}</td><th>岗位</th><td>{}</td><th>品牌</th><td>{}</td><th>门店</th><td>{}</td></tr></table>",
        escape(&employee.id),
        cell(&employee.name),
        cell(&first.card.role),
        cell(&employee.brand),
        cell(&employee.store),
    );
    for part in parts {
        card_part(out, part, parts.len() > 1);
    }
    let notes: Vec<&String> = parts.iter().flat_map(|p| &p.notes).collect();
    if !notes.is_empty() {
        out.push_str(
            "<div class=\"notes\"><b>说明</b>（程序按规则所做、数据中未写明的处理）<ul>\n",
        );
        for note in notes {
            let _ = writeln!(out, "<li>{}</li>", with_code(note));
        }
        out.push_str("</ul></div>\n");
    }
    out.push_str(concat!(
        "<div class=\"appeal\"><h2>申诉</h2>\n",
        "<p>本人已阅知上述考核结果。如对结果有异议，请于收到本告知书之日起 ____ 个工作日内，",
        "向考核评审委员会提交书面申诉，写明有异议的考核项目及理由，并附相关证明材料；",
        "逾期未提出的，视为无异议。</p>\n",
        "<p>申诉事项：______________________________________________________________</p>\n",
        "</div>\n",
        "<table class=\"sign\"><tr><td>考核人（签字）：</td><td>被考核人（签字）：</td><td>日期：　　　年　　月　　日</td></tr></table>\n"
    ));
    let refs: Vec<String> = parts
        .iter()
        .map(|p| {
            format!(
                "{} · {} · 数据第 {} 行",
                p.card.source.name,
                p.card.stamp.describe(),
                p.result.line
            )
        })
        .collect();
    let _ = writeln!(out, "<p class=\"ref\">{}</p>", escape(&refs.join("；")));
    out.push_str("</section>\n");
}

/// One card's result: total and grade, items, bonus and penalty, outputs.
fn card_part(out: &mut String, part: &AppealPart, titled: bool) {
    let (card, result) = (part.card, part.result);
    if titled {
        let _ = writeln!(out, "<h2>{}</h2>", escape(card.display_name()));
    }
    if !card.sections.is_empty() {
        let grade = result
            .grade(card)
            .map_or(String::new(), |g| format!(" · 等级 <b>{}</b>", escape(g)));
        let _ = writeln!(
            out,
            "<p class=\"result\">总分 <b>{}</b>（满分 {}）{grade}</p>",
            format_decimal(result.scores.total),
            format_decimal(card.total)
        );
        out.push_str("<table class=\"items\"><thead><tr><th>考核项目</th><th class=\"num\">分值</th><th class=\"num\">得分</th><th>扣分原因</th></tr></thead>\n<tbody>\n");
        for (s, section) in card.sections.iter().enumerate() {
            let _ = writeln!(
                out,
                "<tr class=\"section\"><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td></td></tr>",
                escape(section.label.as_deref().unwrap_or(&section.name)),
                format_decimal(section.weight),
                format_decimal(result.scores.sections[s]),
            );
            for i in section.items.clone() {
                let item = &card.items[i];
                let score = result.scores.items[i];
                let why = if score < item.points {
                    reasons(&item_reasons(card, result, part.inputs, i))
                } else {
                    String::new()
                };
                let _ = writeln!(
                    out,
                    "<tr><td class=\"name\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"why\">{why}</td></tr>",
                    escape(item.display_name()),
                    format_decimal(item.points),
                    format_decimal(score),
                );
            }
        }
        for (b, (block, amount)) in card
            .adjustments
            .iter()
            .zip(&result.scores.adjustments)
            .enumerate()
        {
            let why = if amount.is_zero() {
                String::new()
            } else {
                reasons(&block_reasons(card, result, b))
            };
            let _ = writeln!(
                out,
                "<tr class=\"section\"><td>{}</td><td class=\"num\"></td><td class=\"num\">{}</td><td class=\"why\">{why}</td></tr>",
                escape(block.display_name()),
                minus(*amount),
            );
        }
        out.push_str("</tbody></table>\n");
    }
    let outputs: Vec<usize> = super::common::derived_order(card);
    if !outputs.is_empty() {
        out.push_str("<table class=\"pay\"><tbody>\n");
        for d in outputs {
            let derived = &card.derived[d];
            let _ = writeln!(
                out,
                "<tr><th>{}</th><td class=\"num\">{}</td></tr>",
                escape(derived.display_name()),
                escape(&value_text(&result.scores.derived[d], derived.ty)),
            );
        }
        out.push_str("</tbody></table>\n");
    }
}

fn reasons(lines: &[String]) -> String {
    lines
        .iter()
        .map(|l| with_code(l))
        .collect::<Vec<_>>()
        .join("<br>")
}
