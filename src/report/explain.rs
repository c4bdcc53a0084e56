//! `explain`: one employee's score in the card's own words.
//!
//! Written for an HR officer, or an employee appealing: every point lost is
//! on a line that quotes the rule that took it (in backticks, as written in
//! the card) with its line number, the value it looked at, and the sum.
//! Items at full marks are one short line. Columns line up by display width,
//! so Chinese names (two columns each) align with Latin ones.

use super::common::{
    card_line, derived_order, employee_title, minus, pad_left, pad_right, quote, shown, signed,
    CardLine,
};
use super::group_trace;
use crate::check::model::{BaseRule, DerivedRule, Expr, ExprKind, Item, PerOccurrence, TierTable};
use crate::check::CheckedCard;
use crate::eval::result::{BaseTrace, Clamp, Hit, ItemScore, Trace};
use crate::eval::ScoreResult;
use crate::source::Span;
use crate::syntax::ast::AdjustmentKind;
use crate::value::{format_decimal, format_value, Type, Unit, Value};
use rust_decimal::Decimal;
use unicode_width::UnicodeWidthStr;

/// The trace of one result, ending in a newline.
///
/// The result does not carry the row's inputs, so a compound `full if`
/// condition is quoted without the values it read; [`explain_with_inputs`]
/// shows them.
pub fn explain(card: &CheckedCard, result: &ScoreResult) -> String {
    Explainer::new(card, result, None).run(&[])
}

/// Like [`explain`], also showing the input values a condition or formula read
/// (`inputs[i]` is `card.inputs[i]`, as in [`crate::data::Row::values`]).
pub fn explain_with_inputs(card: &CheckedCard, result: &ScoreResult, inputs: &[Value]) -> String {
    Explainer::new(card, result, Some(inputs)).run(&[])
}

/// Like [`explain_with_inputs`], with `notes` under the heading: for a
/// rolled-up row, the months it came from (see `period::Source::describe`).
pub fn explain_with_notes(
    card: &CheckedCard,
    result: &ScoreResult,
    inputs: &[Value],
    notes: &[String],
) -> String {
    Explainer::new(card, result, Some(inputs)).run(notes)
}

/// Like [`explain_with_inputs`], without the line naming the card file, its
/// hash and the data line: the scores and their reasons only, as `scorecard
/// test --snapshot` records them (a hash would change with every edit).
pub fn explain_case(card: &CheckedCard, result: &ScoreResult, inputs: &[Value]) -> String {
    let mut explainer = Explainer::new(card, result, Some(inputs));
    explainer.provenance = false;
    explainer.run(&[])
}

/// Every result's trace, separated by a blank line and a rule.
pub fn explain_all(card: &CheckedCard, results: &[ScoreResult]) -> String {
    let rule = format!("\n{}\n\n", "─".repeat(72));
    results
        .iter()
        .map(|r| explain(card, r))
        .collect::<Vec<_>>()
        .join(&rule)
}

/// Why item `item` (an index into `card.items`) scored what it did, one
/// sentence per line with the card line it cites (`… [line 23]`); empty
/// when the item kept its full points with nothing to say. For reports that
/// list items one per row (the workbook's detail sheet, the HTML report).
pub(crate) fn item_reasons(
    card: &CheckedCard,
    result: &ScoreResult,
    inputs: Option<&[Value]>,
    item: usize,
) -> Vec<String> {
    let explainer = Explainer::new(card, result, inputs);
    let row = explainer.item_row(&card.items[item], &explainer.trace.items[item]);
    row.reasons.iter().map(cite).collect()
}

/// What each line of bonus/penalty block `block` added or took, as [`item_reasons`].
pub(crate) fn block_reasons(card: &CheckedCard, result: &ScoreResult, block: usize) -> Vec<String> {
    let row = Explainer::new(card, result, None).block_row(block);
    row.reasons.iter().map(cite).collect()
}

/// One line of reasoning, and the card line it cites.
struct Reason {
    text: String,
    line: Option<CardLine>,
}

/// A row of the report: indented name, score (and ` of ` points for an item), and why.
struct Row {
    name: String,
    score: String,
    of: String,
    reasons: Vec<Reason>,
}

struct Explainer<'a> {
    card: &'a CheckedCard,
    result: &'a ScoreResult,
    trace: &'a Trace,
    inputs: Option<&'a [Value]>,
    /// Whether to name the card file, its version and hash, and the data line.
    provenance: bool,
}

impl<'a> Explainer<'a> {
    fn new(card: &'a CheckedCard, result: &'a ScoreResult, inputs: Option<&'a [Value]>) -> Self {
        Explainer {
            card,
            result,
            trace: result.traced(),
            inputs,
            provenance: true,
        }
    }

    fn run(&self, notes: &[String]) -> String {
        let (card, r) = (self.card, self.result);
        let mut out = format!(
            "{} — {}\n",
            employee_title(&r.employee),
            card.display_name()
        );
        // A pay card may have no points at all: then there is no total to show.
        let scored = !card.sections.is_empty() || !card.adjustments.is_empty();
        if scored {
            out += &format!(
                "total {} of {}",
                minus(r.scores.total),
                format_decimal(card.total)
            );
        }
        if let Some(grade) = r.grade(card) {
            out += &format!("{}grade {grade}", if scored { " · " } else { "" });
        }
        if scored || r.scores.grade.is_some() {
            out.push('\n');
        }
        if self.provenance {
            out += &format!(
                "card {} · {} · data line {}\n",
                card.source.name,
                r.card.describe(),
                r.line
            );
        }
        for note in notes {
            out += &format!("{note}\n");
        }

        // Sections, then blocks: (heading, rows) groups, laid out with shared column widths.
        let mut groups: Vec<(String, Vec<Row>)> = Vec::new();
        for (s, section) in card.sections.iter().enumerate() {
            let rows = section
                .items
                .clone()
                .map(|i| self.item_row(&card.items[i], &self.trace.items[i]))
                .collect();
            groups.push((self.section_heading(s), rows));
        }
        for kind in [AdjustmentKind::Bonus, AdjustmentKind::Penalty] {
            let blocks: Vec<usize> = (0..card.adjustments.len())
                .filter(|&a| card.adjustments[a].kind == kind)
                .collect();
            if blocks.is_empty() {
                continue;
            }
            let sum: Decimal = blocks.iter().map(|&a| r.scores.adjustments[a]).sum();
            let title = if kind == AdjustmentKind::Bonus {
                "bonuses"
            } else {
                "penalties"
            };
            groups.push((
                format!("{title} {}", signed(sum)),
                blocks.iter().map(|&a| self.block_row(a)).collect(),
            ));
        }
        let derived = self.derived_rows();
        let calls = self.hook_rows();
        let ranks = self.rank_rows();
        let all = groups
            .iter()
            .flat_map(|(_, rows)| rows)
            .chain(&derived)
            .chain(&calls);
        let widths = all.fold(Widths::default(), |w, row| Widths {
            name: w.name.max(row.name.width()),
            score: w.score.max(row.score.width()),
            of: w.of.max(row.of.width()),
        });
        for (heading, rows) in &groups {
            out += &format!("\n{heading}\n");
            out += &layout(rows, widths);
        }

        if scored {
            out += &format!("\n{}\n", self.total_line());
        }
        if !ranks.is_empty() {
            // Places (`10 of 120`) are laid out apart, so they do not widen the items' columns.
            let widths = ranks.iter().fold(Widths::default(), |w, row| Widths {
                name: w.name.max(row.name.width()),
                score: w.score.max(row.score.width()),
                of: 0,
            });
            out += &format!("\nranks\n{}", layout(&ranks, widths));
        }
        if let Some(grade) = self.grade_line() {
            if !ranks.is_empty() {
                out.push('\n');
            }
            out += &grade;
        }
        if !derived.is_empty() {
            let bands = card
                .derived
                .iter()
                .filter(|d| matches!(d.rule, DerivedRule::Band(_)))
                .count();
            let heading = match (bands, card.derived.len() - bands) {
                (_, 0) => "bands",
                (0, _) => "outputs",
                _ => "bands and outputs",
            };
            out += &format!("\n{heading}\n{}", layout(&derived, widths));
        }
        if !calls.is_empty() {
            out += &format!("\nhook calls\n{}", layout(&calls, widths));
        }
        out
    }

    /// Each hook call of the row: what it was given, what it gave, what it printed.
    fn hook_rows(&self) -> Vec<Row> {
        self.trace
            .hooks
            .iter()
            .map(|call| {
                let hook = &self.card.hooks[call.function];
                let args: Vec<String> = call
                    .args
                    .iter()
                    .zip(&hook.params)
                    .map(|(value, kind)| format_value(value, kind.value_type()))
                    .collect();
                let mut reasons = vec![Reason {
                    text: format!(
                        "`{}` ran as {}({}) in {}",
                        quote(self.card, call.span),
                        hook.name,
                        args.join(", "),
                        hook.script.source.name
                    ),
                    line: Some(card_line(self.card, call.span)),
                }];
                reasons.extend(call.output.iter().map(|line| Reason {
                    text: format!("printed: {line}"),
                    line: None,
                }));
                Row {
                    name: hook.name.clone(),
                    score: format_value(&call.value, hook.result.value_type()),
                    of: String::new(),
                    reasons,
                }
            })
            .collect()
    }

    fn section_heading(&self, s: usize) -> String {
        let section = &self.card.sections[s];
        let name = section.label.as_deref().unwrap_or(&section.name);
        let score = self.result.scores.sections[s];
        if section.scaled && section.points != section.weight {
            let items: Decimal = self.trace.items[section.items.clone()]
                .iter()
                .map(|i| i.score)
                .sum();
            format!(
                "{name} {} of {} (items {} of {}, scaled to {})",
                minus(score),
                format_decimal(section.weight),
                minus(items),
                format_decimal(section.points),
                format_decimal(section.weight)
            )
        } else {
            format!(
                "{name} {} of {}",
                minus(score),
                format_decimal(section.weight)
            )
        }
    }

    fn item_row(&self, item: &Item, score: &ItemScore) -> Row {
        let hits: Vec<(&PerOccurrence, &Hit)> = item
            .deductions
            .iter()
            .zip(&score.deductions)
            .filter(|(_, h)| !h.count.is_zero())
            .collect();
        let mut reasons = Vec::new();
        let base = score.base.value(item.points);
        let lost = score.score < item.points || !hits.is_empty() || score.clamp.is_some();
        if lost {
            reasons.extend(self.base_reason(item, &score.base));
        }
        for (rule, hit) in &hits {
            reasons.push(self.occurrence(rule, hit, "−"));
        }
        let sum_needed =
            score.clamp.is_some() || hits.len() > 1 || (!hits.is_empty() && base != item.points);
        if sum_needed {
            let mut text = minus(base);
            for (_, hit) in &hits {
                text += &format!(" − {}", format_decimal(hit.amount));
            }
            if !hits.is_empty() {
                text += &format!(" = {}", minus(score.raw));
            }
            match score.clamp {
                Some(Clamp::ToZero) => text += ", raised to 0 (an item never scores below 0)",
                Some(Clamp::ToPoints) => {
                    text += &format!(
                        ", lowered to {0} (an item never scores above its {0} points)",
                        format_decimal(item.points)
                    )
                }
                None => {}
            }
            reasons.push(Reason { text, line: None });
        }
        Row {
            name: item.display_name().to_string(),
            score: minus(score.score),
            of: format!(" of {}", format_decimal(item.points)),
            reasons,
        }
    }

    /// Why the item started where it did, when that was below full points.
    fn base_reason(&self, item: &Item, trace: &BaseTrace) -> Option<Reason> {
        let card = self.card;
        match (item.base.as_ref()?, trace) {
            (
                BaseRule::Tiers(table),
                BaseTrace::Tier {
                    row,
                    subject,
                    value,
                },
            ) => {
                let fired = &table.rows[*row];
                let mut text = format!(
                    "{} is {}: `{}`",
                    quote(card, table.subject.span),
                    shown(subject, table.subject_type),
                    quote(card, fired.span)
                );
                if matches!(fired.outcome, crate::check::model::Outcome::Formula(_)) {
                    text += &format!(" = {}", minus(*value));
                }
                Some(Reason {
                    text,
                    line: Some(card_line(card, fired.span)),
                })
            }
            (
                BaseRule::PassFail {
                    condition,
                    zero_if,
                    span,
                    ..
                },
                BaseTrace::PassFail { met, value },
            ) => {
                let holds = *met != *zero_if;
                // With the row's inputs, show what the condition read; without
                // them, what its truth tells about the yes/no inputs it reads.
                let known: Vec<String> = if self.inputs.is_some() {
                    self.facts(condition).collect()
                } else {
                    let mut facts = Vec::new();
                    infer(condition, holds, &mut facts);
                    let bool_text = |v: bool| format_value(&Value::Bool(v), Type::Bool);
                    facts
                        .iter()
                        .map(|(i, v)| format!("{} is {}", card.inputs[*i].name, bool_text(*v)))
                        .collect()
                };
                let verdict = match (zero_if, holds) {
                    (false, true) => "holds".to_string(),
                    (false, false) => format!("does not hold, so {}", format_decimal(*value)),
                    (true, true) => "applies, so 0".to_string(),
                    (true, false) => "does not apply".to_string(),
                };
                Some(Reason {
                    text: lead(&known, &format!("`{}` {verdict}", quote(card, *span))),
                    line: Some(card_line(card, *span)),
                })
            }
            (
                BaseRule::Late {
                    input,
                    missing,
                    per_day,
                    span,
                },
                BaseTrace::Late { days, value },
            ) => {
                let name = &card.inputs[*input].name;
                let rule = quote(card, *span);
                let text = match days {
                    None => format!("{name} not reported: `{rule}` gives {}", minus(*missing)),
                    Some(d) => format!(
                        "{name} is {} day{}: `{rule}`: {} × {} = −{}, so {}",
                        format_decimal(*d),
                        if *d == rust_decimal::Decimal::ONE {
                            ""
                        } else {
                            "s"
                        },
                        format_decimal(*d),
                        format_decimal(*per_day),
                        format_decimal(*d * *per_day),
                        minus(*value)
                    ),
                };
                Some(Reason {
                    text,
                    line: Some(card_line(card, *span)),
                })
            }
            (
                BaseRule::Rated(rated),
                BaseTrace::Rated {
                    ratings,
                    value,
                    rounded,
                },
            ) => {
                let (text, line) =
                    group_trace::rated_reason(card, rated, ratings, *value, *rounded);
                Some(Reason {
                    text,
                    line: Some(line),
                })
            }
            (BaseRule::Score { expr, span }, BaseTrace::Score { value }) => {
                let facts: Vec<String> = self.facts(expr).collect();
                let mut text = format!("`score {}`", quote(card, *span));
                if !matches!(expr.kind, ExprKind::Input(_)) || facts.is_empty() {
                    text += &format!(" = {}", minus(*value));
                }
                Some(Reason {
                    text: lead(&facts, &text),
                    line: Some(card_line(card, *span)),
                })
            }
            _ => None,
        }
    }

    /// `` `minus 1 per 日报迟报次数 "日报迟报"`: 2 × 1 = −2 ``
    fn occurrence(&self, rule: &PerOccurrence, hit: &Hit, sign: &str) -> Reason {
        Reason {
            text: format!(
                "`{}`: {} × {} = {sign}{}",
                quote(self.card, rule.span),
                format_decimal(hit.count),
                format_decimal(rule.amount),
                format_decimal(hit.amount)
            ),
            line: Some(card_line(self.card, rule.span)),
        }
    }

    fn block_row(&self, a: usize) -> Row {
        let (block, score) = (&self.card.adjustments[a], &self.trace.adjustments[a]);
        let sign = if block.kind == AdjustmentKind::Bonus {
            "+"
        } else {
            "−"
        };
        let mut reasons: Vec<Reason> = block
            .lines
            .iter()
            .zip(&score.lines)
            .filter(|(_, h)| !h.count.is_zero())
            .map(|(rule, hit)| self.occurrence(rule, hit, sign))
            .collect();
        if score.capped {
            reasons.push(Reason {
                text: format!(
                    "the lines add up to {sign}{}, capped at {sign}{} (`cap {}`)",
                    format_decimal(score.uncapped),
                    format_decimal(block.cap.unwrap_or(score.uncapped)),
                    format_decimal(block.cap.unwrap_or(score.uncapped))
                ),
                line: Some(card_line(self.card, block.span)),
            });
        }
        Row {
            name: block.display_name().to_string(),
            score: signed(score.amount),
            of: String::new(),
            reasons,
        }
    }

    /// `total = sections 89 − 5 = 84`, with the floor at zero when penalties exceed the score.
    fn total_line(&self) -> String {
        let r = self.result;
        let amounts: Vec<Decimal> = r
            .scores
            .adjustments
            .iter()
            .copied()
            .filter(|a| !a.is_zero())
            .collect();
        if amounts.is_empty() {
            return format!("total = sections {}", minus(r.scores.total));
        }
        let mut text = format!(
            "total = sections {}",
            format_decimal(r.scores.sections_total)
        );
        for a in amounts {
            let sign = if a < Decimal::ZERO { "−" } else { "+" };
            text += &format!(" {sign} {}", format_decimal(a.abs()));
        }
        match self.trace.floored_from {
            Some(raw) => {
                text + format!(
                    " = {}, raised to 0 (the total never goes below 0)",
                    minus(raw)
                )
                .as_str()
            }
            None => text + format!(" = {}", minus(r.scores.total)).as_str(),
        }
    }

    /// `grade 称职: total is 84: `>= 75 : 称职`   [line 157]`, then any grade
    /// limit that pushed it down, each on its own line.
    fn grade_line(&self) -> Option<String> {
        let (table, row) = (self.card.grade.as_ref()?, self.result.scores.grade?);
        let label = &table.rows[row].outcome;
        // The row that fired is where the first push started from.
        let fired = self.result.pushed.first().map_or(row, |p| p.from);
        let reason = self.tier_reason(table, table.rows[fired].span);
        let mut out = match self.result.pushed.first() {
            Some(push) => format!(
                "grade {label} (pushed down from {}): {}\n",
                group_trace::grade_label(self.card, push.from),
                cite(&reason)
            ),
            None => format!("grade {label}: {}\n", cite(&reason)),
        };
        for push in &self.result.pushed {
            let (text, line) = group_trace::push_line(self.card, self.result, push);
            out += &format!(
                "  {}\n",
                cite(&Reason {
                    text,
                    line: Some(line)
                })
            );
        }
        Some(out)
    }

    /// One row per rank: the place, and what was ranked in which group.
    fn rank_rows(&self) -> Vec<Row> {
        group_trace::rank_lines(self.card, self.result)
            .into_iter()
            .map(|(name, place, text, line)| Row {
                name,
                score: place,
                of: String::new(),
                reasons: vec![Reason {
                    text,
                    line: Some(line),
                }],
            })
            .collect()
    }

    /// `total is 84: `>= 75 : 称职``, for a grade or band (their subject's value is not recorded).
    fn tier_reason<O>(&self, table: &TierTable<O>, row: Span) -> Reason {
        let facts: Vec<String> = self.facts(&table.subject).collect();
        Reason {
            text: lead(&facts, &format!("`{}`", quote(self.card, row))),
            line: Some(card_line(self.card, row)),
        }
    }

    /// Bands and outputs in card order, each with the rule that gave its value.
    fn derived_rows(&self) -> Vec<Row> {
        derived_order(self.card)
            .into_iter()
            .map(|i| {
                let (d, v) = (&self.card.derived[i], &self.result.scores.derived[i]);
                let reason = match (&d.rule, self.trace.derived_rows[i]) {
                    (DerivedRule::Band(table), Some(row)) => {
                        self.tier_reason(table, table.rows[row].span)
                    }
                    _ => {
                        let expr = match &d.rule {
                            DerivedRule::Output(e) => e,
                            DerivedRule::Band(t) => &t.subject,
                        };
                        let facts: Vec<String> = self.facts(expr).collect();
                        Reason {
                            text: lead(&facts, &format!("`{}`", quote(self.card, expr.span))),
                            line: Some(card_line(self.card, d.span)),
                        }
                    }
                };
                Row {
                    name: d.display_name().to_string(),
                    score: format_value(v, d.ty),
                    of: String::new(),
                    reasons: vec![reason],
                }
            })
            .collect()
    }

    /// `name is value` for each name an expression reads whose value is known,
    /// in the order written, each once.
    fn facts<'e>(&'e self, expr: &'e Expr) -> impl Iterator<Item = String> + 'e {
        let mut leaves = Vec::new();
        collect_leaves(expr, &mut leaves);
        let mut seen: Vec<String> = Vec::new();
        leaves.into_iter().filter_map(move |leaf| {
            // A grade without `by` reads the total; its subject spans the whole table.
            let name = match leaf.kind {
                ExprKind::Total => "total".to_string(),
                _ => quote(self.card, leaf.span),
            };
            if seen.contains(&name) {
                return None;
            }
            let value = self.known(leaf)?;
            seen.push(name.clone());
            Some(format!("{name} is {value}"))
        })
    }

    /// The value of a name, from the result (scores, total, bands) or the row's inputs.
    fn known(&self, leaf: &Expr) -> Option<String> {
        let (card, r) = (self.card, self.result);
        let plain = Type::Num(Unit::Plain);
        Some(match leaf.kind {
            ExprKind::Input(i) => shown(self.inputs?.get(i)?, card.inputs[i].ty.value_type()),
            ExprKind::Item(i) => minus(r.scores.items[i]),
            ExprKind::Section(i) => minus(r.scores.sections[i]),
            ExprKind::Adjustment(i) => minus(r.scores.adjustments[i]),
            ExprKind::Total => format_value(&Value::Num(r.scores.total), plain),
            ExprKind::Derived(i) => format_value(&r.scores.derived[i], card.derived[i].ty),
            ExprKind::Rank(_) | ExprKind::Top(_) | ExprKind::GroupSize(_) => {
                group_trace::rank_fact(&leaf.kind, r)?
            }
            _ => return None,
        })
    }
}

/// `facts: rule`, or just the rule when nothing is known.
fn lead(facts: &[String], rule: &str) -> String {
    if facts.is_empty() {
        rule.to_string()
    } else {
        format!("{}: {rule}", facts.join(", "))
    }
}

fn cite(reason: &Reason) -> String {
    match &reason.line {
        Some(line) => format!("{}   [{line}]", reason.text),
        None => reason.text.clone(),
    }
}

/// Display widths of the name, score and ` of N` columns, shared by every row.
#[derive(Default, Clone, Copy)]
struct Widths {
    name: usize,
    score: usize,
    of: usize,
}

/// Rows as `  name  score of N   reason`, further reasons on their own lines under the first.
fn layout(rows: &[Row], w: Widths) -> String {
    let mut out = String::new();
    let indent = " ".repeat(2 + w.name + 2 + w.score + w.of + 3);
    for row in rows {
        let head = format!(
            "  {}  {}{}",
            pad_right(&row.name, w.name),
            pad_left(&row.score, w.score),
            pad_right(&row.of, w.of)
        );
        match row.reasons.split_first() {
            None => out += head.trim_end(),
            Some((first, rest)) => {
                out += &format!("{head}   {}", cite(first));
                for reason in rest {
                    out += &format!("\n{indent}{}", cite(reason));
                }
            }
        }
        out.push('\n');
    }
    out
}

/// What a condition's truth tells about the yes/no inputs it reads: a bare
/// input that holds is yes, under `not` it is no; every part of an `and`
/// that holds holds, every part of an `or` that fails fails.
fn infer(expr: &Expr, holds: bool, out: &mut Vec<(usize, bool)>) {
    match &expr.kind {
        ExprKind::Input(i) => out.push((*i, holds)),
        ExprKind::Not(e) => infer(e, !holds, out),
        ExprKind::And(l, r) if holds => {
            infer(l, true, out);
            infer(r, true, out);
        }
        ExprKind::Or(l, r) if !holds => {
            infer(l, false, out);
            infer(r, false, out);
        }
        _ => {}
    }
}

/// The names an expression reads (inputs, scores, total, bands), in source order.
fn collect_leaves<'e>(expr: &'e Expr, out: &mut Vec<&'e Expr>) {
    match &expr.kind {
        ExprKind::Input(_)
        | ExprKind::Item(_)
        | ExprKind::Section(_)
        | ExprKind::Adjustment(_)
        | ExprKind::Total
        | ExprKind::Derived(_)
        | ExprKind::Rank(_)
        | ExprKind::Top(_)
        | ExprKind::GroupSize(_) => out.push(expr),
        ExprKind::Const(_) | ExprKind::Present(_) | ExprKind::PeriodDays => {}
        ExprKind::Neg(e) | ExprKind::Not(e) | ExprKind::Round(e, _) => collect_leaves(e, out),
        ExprKind::Arith(_, l, r)
        | ExprKind::Compare(_, l, r)
        | ExprKind::And(l, r)
        | ExprKind::Or(l, r) => {
            collect_leaves(l, out);
            collect_leaves(r, out);
        }
        ExprKind::If(a, b, c) | ExprKind::Clamp(a, b, c) => {
            for e in [a, b, c] {
                collect_leaves(e, out);
            }
        }
        ExprKind::Min(args) | ExprKind::Max(args) | ExprKind::Hook { args, .. } => {
            for e in args {
                collect_leaves(e, out);
            }
        }
    }
}
