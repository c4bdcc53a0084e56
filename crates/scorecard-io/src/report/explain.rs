//! `explain`: one employee's score in plain words, quoting the policy.
//!
//! Written for an HR officer, or an employee appealing: every point lost is
//! on a line that says what happened ("反馈及时率 96%，按『达95%以上(含95%)
//! 绩效扣 1份』得 4 分（满分 5）"), quoting the policy's own sentence where
//! the card carries one (`quote "…"`, see [`quotes`]) and saying so where
//! the card's number is its own setting (`assume "…"`). The card's file and
//! line follow as a small reference (〔callback_specialist.card 第109行〕);
//! the card's syntax never stands in for the sentence. Items at full marks
//! are one short line. Columns line up by display width, so Chinese names
//! (two columns each) align with Latin ones. Every sentence comes from the
//! catalogue (`locales/*/explain.ftl`), in the reader's language.

use super::common::{
    card_line, derived_order, employee_title, minus, pad_left, pad_right, quote, shown, signed,
    CardLine,
};
use super::rated_and_ranked;
use crate::check::model::{
    Arith, BaseRule, DerivedRule, Expr, ExprKind, Item, Outcome, PerOccurrence, TierTable,
};
use crate::check::CheckedCard;
use crate::eval::result::{BaseTrace, Clamp, Hit, ItemScore, Trace};
use crate::eval::ScoreResult;
use crate::source::Span;
use crate::syntax::ast::{AdjustmentKind, CmpOp};
use crate::t;
use crate::value::{format_decimal, format_value, Type, Unit, Value};
use rust_decimal::Decimal;
use unicode_width::UnicodeWidthStr;

#[path = "explain_quotes.rs"]
mod quotes;
use quotes::Note;

/// The trace of one result, ending in a newline.
///
/// The result does not carry the row's inputs, so a compound `full if`
/// condition is explained without the values it read; [`explain_with_inputs`]
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
/// Always in Chinese, the project's language: the recorded file is committed
/// beside the card and must not change with the reader's locale.
pub fn explain_case(card: &CheckedCard, result: &ScoreResult, inputs: &[Value]) -> String {
    crate::i18n::with_lang(crate::i18n::Lang::Zh, || {
        let mut explainer = Explainer::new(card, result, Some(inputs));
        explainer.provenance = false;
        explainer.run(&[])
    })
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
/// sentence per line ending in the card line it cites (`…  〔… 第23行〕`);
/// empty when the item kept its full points with nothing to say. For
/// reports that list items one per row (the workbook's detail sheet, the
/// HTML report, the appeal sheet).
pub(crate) fn item_reasons(
    card: &CheckedCard,
    result: &ScoreResult,
    inputs: Option<&[Value]>,
    item: usize,
) -> Vec<String> {
    let explainer = Explainer::new(card, result, inputs);
    let row = explainer.item_row(&card.items()[item], &explainer.trace.items[item]);
    row.reasons.iter().map(|r| explainer.cite(r)).collect()
}

/// What each line of bonus/penalty block `block` added or took, as [`item_reasons`].
pub(crate) fn block_reasons(card: &CheckedCard, result: &ScoreResult, block: usize) -> Vec<String> {
    let explainer = Explainer::new(card, result, None);
    let row = explainer.block_row(block);
    row.reasons.iter().map(|r| explainer.cite(r)).collect()
}

/// One sentence, and the card line it cites.
struct Reason {
    text: String,
    line: Option<CardLine>,
}

/// A row of the report: indented name, score (and ` / ` points for an item), and why.
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
    notes: std::sync::Arc<quotes::Notes>,
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
            notes: quotes::notes_of(card),
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
        let scored = !card.sections().is_empty() || !card.adjustments().is_empty();
        let mut head = Vec::new();
        if scored {
            head.push(t!(
                "explain-total",
                total = minus(r.scores.total),
                of = format_decimal(card.total())
            ));
        }
        if let Some(grade) = r.grade(card) {
            head.push(t!("explain-grade-heading", grade = grade.to_string()));
        }
        if !head.is_empty() {
            out += &head.join(&t!("explain-heading-sep"));
            out.push('\n');
        }
        if self.provenance {
            out += &t!(
                "explain-provenance",
                file = &card.source().name,
                stamp = r.card.describe(),
                line = r.line
            );
            out.push('\n');
        }
        for note in notes {
            out += &format!("{note}\n");
        }

        // Sections, then blocks: (heading, rows) groups, laid out with shared column widths.
        let mut groups: Vec<(String, Vec<Row>)> = Vec::new();
        for (s, section) in card.sections().iter().enumerate() {
            let rows = section
                .items
                .clone()
                .map(|i| self.item_row(&card.items()[i], &self.trace.items[i]))
                .collect();
            groups.push((self.section_heading(s), rows));
        }
        for kind in [AdjustmentKind::Bonus, AdjustmentKind::Penalty] {
            let blocks: Vec<usize> = (0..card.adjustments().len())
                .filter(|&a| card.adjustments()[a].kind == kind)
                .collect();
            if blocks.is_empty() {
                continue;
            }
            let sum: Decimal = blocks.iter().map(|&a| r.scores.adjustments[a]).sum();
            let title = if kind == AdjustmentKind::Bonus {
                t!("explain-bonuses", sum = signed(sum))
            } else {
                t!("explain-penalties", sum = signed(sum))
            };
            groups.push((title, blocks.iter().map(|&a| self.block_row(a)).collect()));
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
        if !card.sections().is_empty() {
            out += &format!("\n{}\n", t!("explain-sections"));
        }
        for (g, (heading, rows)) in groups.iter().enumerate() {
            if g > 0 || card.sections().is_empty() {
                out.push('\n');
            }
            out += &format!("{heading}\n");
            out += &self.layout(rows, widths);
        }

        if scored {
            out += &format!("\n{}\n", self.total_line());
        }
        if !ranks.is_empty() {
            // Places are laid out apart, so they do not widen the items' columns.
            let widths = ranks.iter().fold(Widths::default(), |w, row| Widths {
                name: w.name.max(row.name.width()),
                score: w.score.max(row.score.width()),
                of: 0,
            });
            out += &format!("\n{}\n{}", t!("explain-ranks"), self.layout(&ranks, widths));
        }
        if let Some(grade) = self.grade_line() {
            if !ranks.is_empty() {
                out.push('\n');
            }
            out += &grade;
        }
        if !derived.is_empty() {
            let bands = card
                .derived()
                .iter()
                .filter(|d| matches!(d.rule, DerivedRule::Band(_)))
                .count();
            let heading = match (bands, card.derived().len() - bands) {
                (_, 0) => t!("explain-bands"),
                (0, _) => t!("explain-outputs"),
                _ => t!("explain-bands-outputs"),
            };
            out += &format!("\n{heading}\n{}", self.layout(&derived, widths));
        }
        if !calls.is_empty() {
            out += &format!("\n{}\n{}", t!("explain-hooks"), self.layout(&calls, widths));
        }
        out
    }

    /// `〔callback_specialist.card 第23行〕` after the sentence.
    fn cite(&self, reason: &Reason) -> String {
        match &reason.line {
            Some(line) => format!(
                "{}  {}",
                reason.text,
                t!("explain-ref", file = self.file_name(line), line = line.line)
            ),
            None => reason.text.clone(),
        }
    }

    /// The file a line is in, as short as it can be while telling the card's
    /// files apart: `callback_specialist.card`, or `一店/callback_specialist.card`
    /// beside `君威/callback_specialist.card` for a card that extends another.
    fn file_name(&self, line: &CardLine) -> String {
        let source = &self.card.source();
        let file = line.file.as_deref().unwrap_or(&source.name);
        let names: Vec<&str> = if source.parts.is_empty() {
            vec![source.name.as_str()]
        } else {
            source.parts.iter().map(|p| p.file.name.as_str()).collect()
        };
        let parts: Vec<&str> = file.split(['/', '\\']).collect();
        for n in 1..=parts.len() {
            let tail = parts[parts.len() - n..].join("/");
            let clashes = names.iter().filter(|other| **other != file).any(|other| {
                other.replace('\\', "/").ends_with(&format!("/{tail}")) || **other == tail
            });
            if !clashes {
                return tail;
            }
        }
        file.to_string()
    }

    /// Rows as `  name  score / N   reason`, further reasons on their own lines under the first.
    fn layout(&self, rows: &[Row], w: Widths) -> String {
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
                    out += &format!("{head}   {}", self.cite(first));
                    for reason in rest {
                        out += &format!("\n{indent}{}", self.cite(reason));
                    }
                }
            }
            out.push('\n');
        }
        out
    }

    /// Each hook call of the row: what it was given, what it gave, what it printed.
    fn hook_rows(&self) -> Vec<Row> {
        self.trace
            .hooks
            .iter()
            .map(|call| {
                let hook = &self.card.hooks()[call.function];
                let args: Vec<String> = call
                    .args
                    .iter()
                    .zip(&hook.params)
                    .map(|(value, kind)| self.value_text(value, kind.value_type()))
                    .collect();
                let value = self.value_text(&call.value, hook.result.value_type());
                let mut reasons = vec![Reason {
                    text: t!(
                        "explain-hook",
                        call = format!("{}({})", hook.name, args.join(", ")),
                        value = value.clone(),
                        file = &hook.script.source.name
                    ),
                    line: Some(card_line(self.card, call.span)),
                }];
                reasons.extend(call.output.iter().map(|line| Reason {
                    text: t!("explain-hook-printed", line = line),
                    line: None,
                }));
                Row {
                    name: hook.name.clone(),
                    score: value,
                    of: String::new(),
                    reasons,
                }
            })
            .collect()
    }

    fn section_heading(&self, s: usize) -> String {
        let section = &self.card.sections()[s];
        let name = section.label.as_deref().unwrap_or(&section.name);
        let score = self.result.scores.sections[s];
        if section.scaled && section.points != section.weight {
            let items: Decimal = self.trace.items[section.items.clone()]
                .iter()
                .map(|i| i.score)
                .sum();
            t!(
                "explain-section-scaled",
                name = name,
                score = minus(score),
                weight = format_decimal(section.weight),
                items = minus(items),
                points = format_decimal(section.points)
            )
        } else {
            t!(
                "explain-section",
                name = name,
                score = minus(score),
                weight = format_decimal(section.weight)
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
            reasons.push(self.occurrence(rule, hit, false, item.span));
        }
        let sum_needed =
            score.clamp.is_some() || hits.len() > 1 || (!hits.is_empty() && base != item.points);
        if sum_needed {
            let mut sum = minus(base);
            for (_, hit) in &hits {
                sum += &format!(" − {}", format_decimal(hit.amount));
            }
            if !hits.is_empty() {
                sum += &format!(" = {}", minus(score.raw));
            }
            let mut text = t!("explain-sum", sum = sum);
            match score.clamp {
                Some(Clamp::ToZero) => text += &t!("explain-clamp-zero"),
                Some(Clamp::ToPoints) => {
                    text += &t!("explain-clamp-points", points = format_decimal(item.points))
                }
                None => {}
            }
            reasons.push(Reason { text, line: None });
        }
        Row {
            name: item.display_name().to_string(),
            score: minus(score.score),
            of: t!("explain-of", points = format_decimal(item.points)),
            reasons,
        }
    }

    /// The notes on `node` of `item` (see [`quotes::Notes::on`]).
    fn note(&self, node: Span, item: Span) -> Vec<&Note> {
        self.notes.on(node, item)
    }

    /// The first quote among `notes` that reads as a sentence.
    fn quote_in<'n>(notes: &[&'n Note]) -> Option<&'n Note> {
        notes
            .iter()
            .copied()
            .find(|n| n.quote && quotes::is_sentence(&n.text))
    }

    /// `，制度『…』` and `（本表设定：…）` after a sentence, for the notes on a node.
    fn note_suffix(&self, notes: Vec<&Note>) -> String {
        let mut out = String::new();
        if let Some(n) = Self::quote_in(&notes) {
            out += &format!(
                "{}{}",
                t!("explain-sep"),
                t!("explain-policy", quote = &n.text)
            );
        }
        for n in notes.iter().filter(|n| !n.quote) {
            out += &t!("explain-assumed", text = &n.text);
        }
        out
    }

    /// The policy's words on an item's rule that a card extending the base replaced.
    fn replaced_suffix(&self, item: &Item, live: &[Span]) -> String {
        self.notes
            .replaced(item.span, live)
            .into_iter()
            .filter(|n| quotes::is_sentence(&n.text))
            .map(|n| t!("explain-policy-was", quote = &n.text))
            .collect()
    }

    /// Why the item started where it did, when that was below full points.
    fn base_reason(&self, item: &Item, trace: &BaseTrace) -> Option<Reason> {
        let card = self.card;
        let points = format_decimal(item.points);
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
                let facts = self.subject_facts(table, subject);
                let score = minus(*value);
                let plain = |notes: Vec<&Note>| {
                    let live: Vec<Span> = table.rows.iter().map(|r| r.span).collect();
                    t!(
                        "explain-tier-plain",
                        facts = &facts,
                        row = self.row_phrase(table, *row, Some(*value)),
                        score = &score,
                        points = &points
                    ) + self
                        .note_suffix(notes.into_iter().filter(|n| !n.quote).collect())
                        .as_str()
                        + self.replaced_suffix(item, &live).as_str()
                };
                let notes = self.note(fired.span, item.span);
                let text = match Self::quote_in(&notes) {
                    Some(n) => {
                        let words = if n.target == fired.span {
                            n.text.as_str()
                        } else {
                            self.clause_of(table, *row, &n.text).unwrap_or(&n.text)
                        };
                        t!(
                            "explain-tier-quoted",
                            facts = &facts,
                            quote = words,
                            score = &score,
                            points = &points
                        )
                    }
                    None => plain(notes),
                };
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
                    self.facts(condition)
                } else {
                    let mut facts = Vec::new();
                    infer(condition, holds, &mut facts);
                    facts
                        .iter()
                        .map(|(i, v)| {
                            t!(
                                "explain-fact-bool",
                                name = &card.inputs()[*i].name,
                                value = self.value_text(&Value::Bool(*v), Type::Bool)
                            )
                        })
                        .collect()
                };
                let facts = known.join(&t!("explain-sep"));
                let score = minus(*value);
                let notes = self.note(*span, item.span);
                let text = match Self::quote_in(&notes) {
                    Some(n) => t!(
                        "explain-pass-quoted",
                        facts = &facts,
                        quote = &n.text,
                        score = &score,
                        points = &points
                    ),
                    None => {
                        let text = if *zero_if {
                            t!("explain-zero-applies", facts = &facts, points = &points)
                        } else {
                            t!(
                                "explain-pass-failed",
                                facts = &facts,
                                score = &score,
                                points = &points
                            )
                        };
                        text + self.note_suffix(notes).as_str()
                    }
                };
                Some(Reason {
                    text: trim_lead(text),
                    line: Some(card_line(card, *span)),
                })
            }
            (
                BaseRule::Late {
                    input,
                    missing: _,
                    per_day,
                    span,
                },
                BaseTrace::Late { days, value },
            ) => {
                let name = &card.inputs()[*input].name;
                let text = match days {
                    None => t!(
                        "explain-late-missing",
                        name = name,
                        score = minus(*value),
                        points = &points
                    ),
                    Some(d) => t!(
                        "explain-late-days",
                        name = name,
                        days = format_decimal(*d),
                        per = format_decimal(*per_day),
                        off = format_decimal(*d * *per_day),
                        score = minus(*value),
                        points = &points
                    ),
                };
                Some(Reason {
                    text: text + self.note_suffix(self.note(*span, item.span)).as_str(),
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
                    rated_and_ranked::rated_reason(card, rated, ratings, *value, *rounded);
                Some(Reason {
                    text: text + self.note_suffix(self.note(rated.span, item.span)).as_str(),
                    line: Some(line),
                })
            }
            (BaseRule::Score { expr, span }, BaseTrace::Score { value }) => {
                let facts = self.facts(expr);
                let text = if is_leaf(expr) {
                    // `score 月度得分`: the value read is the score.
                    let name = self.leaf_name(expr);
                    t!(
                        "explain-score-read",
                        name = name,
                        score = minus(*value),
                        points = &points
                    )
                } else {
                    let text = t!(
                        "explain-score",
                        formula = self.formula(expr),
                        score = minus(*value),
                        points = &points
                    );
                    if facts.is_empty() {
                        text
                    } else {
                        format!(
                            "{}{}{text}",
                            facts.join(&t!("explain-sep")),
                            t!("explain-sep")
                        )
                    }
                };
                Some(Reason {
                    text: text + self.note_suffix(self.note(*span, item.span)).as_str(),
                    line: Some(card_line(card, *span)),
                })
            }
            _ => None,
        }
    }

    /// What a tier table's subject was: `反馈及时率 98%`, or for a formula the
    /// values it read and what it came to.
    fn subject_facts(&self, table: &TierTable<Outcome>, subject: &Value) -> String {
        let value = self.value_text(subject, table.subject_type);
        if is_leaf(&table.subject) {
            let name = self.leaf_name(&table.subject);
            return t!("explain-fact", name = name, value = value);
        }
        let mut facts = self.facts(&table.subject);
        let formula = self.formula(&table.subject);
        // A hook's call shows as its value: `25%`, not `25% = 25%`.
        if formula == value {
            facts.push(value);
        } else {
            facts.push(format!("{formula} = {value}"));
        }
        facts.join(&t!("explain-sep"))
    }

    /// The clause of a long quote that speaks of the row's threshold (see [`quotes::clause`]).
    fn clause_of<'q, O>(
        &self,
        table: &TierTable<O>,
        row: usize,
        quote: &'q str,
    ) -> Option<&'q str> {
        let (op, x, below) = match table.rows[row].guard {
            Some((op, x)) => (op, x, matches!(op, CmpOp::Le | CmpOp::Lt)),
            None => {
                let (op, x) = table.rows[..row].last()?.guard?;
                (op, x, matches!(op, CmpOp::Ge | CmpOp::Gt))
            }
        };
        if matches!(op, CmpOp::Eq | CmpOp::Ne) {
            return None;
        }
        let threshold = format_value(&Value::Num(x), table.subject_type);
        quotes::clause(quote, &threshold, below)
    }

    /// `97% 及以上，扣 1 分`: a tier row in words.
    fn row_phrase(&self, table: &TierTable<Outcome>, row: usize, value: Option<Decimal>) -> String {
        let outcome = match &table.rows[row].outcome {
            Outcome::Full => t!("explain-out-full"),
            Outcome::Minus(d) => t!("explain-out-minus", n = format_decimal(*d)),
            Outcome::Fixed(d) => t!("explain-out-fixed", n = format_decimal(*d)),
            Outcome::Formula(_) => match value {
                Some(v) => t!("explain-out-fixed", n = minus(v)),
                None => t!("explain-out-formula"),
            },
        };
        t!(
            "explain-row",
            guard = self.guard_phrase(table, row, false),
            outcome = outcome
        )
    }

    /// `97% 及以上`, `低于 90%`; an `else` row in terms of the row before it.
    /// `points`: the subject is a score, so its thresholds read `75 分`.
    fn guard_phrase<O>(&self, table: &TierTable<O>, row: usize, points: bool) -> String {
        let x = |d: Decimal| {
            let text = format_value(&Value::Num(d), table.subject_type);
            if points {
                t!("explain-points", n = text)
            } else {
                text
            }
        };
        let (op, d) = match table.rows[row].guard {
            Some(guard) => guard,
            None => match row.checked_sub(1).and_then(|p| table.rows[p].guard) {
                Some((CmpOp::Ge, d)) => (CmpOp::Lt, d),
                Some((CmpOp::Gt, d)) => (CmpOp::Le, d),
                Some((CmpOp::Le, d)) => (CmpOp::Gt, d),
                Some((CmpOp::Lt, d)) => (CmpOp::Ge, d),
                _ => return t!("explain-cmp-else"),
            },
        };
        match op {
            CmpOp::Ge => t!("explain-cmp-ge", x = x(d)),
            CmpOp::Gt => t!("explain-cmp-gt", x = x(d)),
            CmpOp::Le => t!("explain-cmp-le", x = x(d)),
            CmpOp::Lt => t!("explain-cmp-lt", x = x(d)),
            CmpOp::Eq => t!("explain-cmp-eq", x = x(d)),
            CmpOp::Ne => t!("explain-cmp-ne", x = x(d)),
        }
    }

    /// `个人原因引起抱怨 3 次 × 2 分 = 扣 6 分，制度『…』`
    fn occurrence(&self, rule: &PerOccurrence, hit: &Hit, plus: bool, within: Span) -> Reason {
        let what = rule
            .label
            .clone()
            .unwrap_or_else(|| self.card.inputs()[rule.input].display_name().to_string());
        let count = format_decimal(hit.count);
        let amount = format_decimal(rule.amount);
        let total = format_decimal(hit.amount);
        let text = if plus {
            t!(
                "explain-per-plus",
                what = what,
                count = count,
                amount = amount,
                total = total
            )
        } else {
            t!(
                "explain-per-minus",
                what = what,
                count = count,
                amount = amount,
                total = total
            )
        };
        Reason {
            text: text + self.note_suffix(self.note(rule.span, within)).as_str(),
            line: Some(card_line(self.card, rule.span)),
        }
    }

    fn block_row(&self, a: usize) -> Row {
        let (block, score) = (&self.card.adjustments()[a], &self.trace.adjustments[a]);
        let plus = block.kind == AdjustmentKind::Bonus;
        let sign = if plus { "+" } else { "−" };
        let mut reasons: Vec<Reason> = block
            .lines
            .iter()
            .zip(&score.lines)
            .filter(|(_, h)| !h.count.is_zero())
            .map(|(rule, hit)| self.occurrence(rule, hit, plus, block.span))
            .collect();
        if score.capped {
            let cap = block.cap.unwrap_or(score.uncapped);
            reasons.push(Reason {
                text: t!(
                    "explain-capped",
                    sign = sign,
                    uncapped = format_decimal(score.uncapped),
                    cap = format_decimal(cap)
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

    /// `合计 = 各板块 89 − 5 = 84`, with the floor at zero when penalties exceed the score.
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
            return t!("explain-total-line", sections = minus(r.scores.total));
        }
        let mut text = format_decimal(r.scores.sections_total);
        for a in amounts {
            let sign = if a < Decimal::ZERO { "−" } else { "+" };
            text += &format!(" {sign} {}", format_decimal(a.abs()));
        }
        match self.trace.floored_from {
            Some(raw) => {
                text += &format!(" = {}", minus(raw));
                t!("explain-total-line", sections = text) + t!("explain-total-floored").as_str()
            }
            None => {
                text += &format!(" = {}", minus(r.scores.total));
                t!("explain-total-line", sections = text)
            }
        }
    }

    /// `等级 较差：总分 58，低于 75 分，等级 较差  〔… 第192行〕`, then any
    /// grade limit that pushed it down, each on its own line.
    fn grade_line(&self) -> Option<String> {
        let (table, row) = (self.card.grade()?, self.result.scores.grade?);
        let label = table.rows[row].outcome.to_string();
        // The row that fired is where the first push started from.
        let fired = self.result.pushed.first().map_or(row, |p| p.from);
        let facts = self.facts(&table.subject).join(&t!("explain-sep"));
        let points = matches!(table.subject.kind, ExprKind::Total)
            || table.subject_type == Type::Num(Unit::Plain);
        let reason = Reason {
            text: trim_lead(t!(
                "explain-grade",
                facts = facts,
                guard = self.guard_phrase(table, fired, points),
                grade = table.rows[fired].outcome.to_string()
            )) + self
                .note_suffix(self.note(table.rows[fired].span, table.span))
                .as_str(),
            line: Some(card_line(self.card, table.rows[fired].span)),
        };
        let reason = match self.result.pushed.first() {
            Some(_) => Reason {
                text: reason.text + t!("explain-grade-pushed", grade = &label).as_str(),
                line: reason.line,
            },
            None => reason,
        };
        let mut out = format!("{}\n", self.cite(&reason));
        for push in &self.result.pushed {
            let (text, line) = rated_and_ranked::push_line(self.card, self.result, push);
            out += &format!(
                "  {}\n",
                self.cite(&Reason {
                    text,
                    line: Some(line)
                })
            );
        }
        Some(out)
    }

    /// One row per rank: the place, and why.
    fn rank_rows(&self) -> Vec<Row> {
        rated_and_ranked::rank_lines(self.card, self.result)
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

    /// Bands and outputs in card order, each with the rule that gave its value.
    fn derived_rows(&self) -> Vec<Row> {
        derived_order(self.card)
            .into_iter()
            .map(|i| {
                let (d, v) = (&self.card.derived()[i], &self.result.scores.derived[i]);
                let value = self.value_text(v, d.ty);
                let note = self.note_suffix(self.note(d.span, d.span));
                let reason = match (&d.rule, self.trace.derived_rows[i]) {
                    (DerivedRule::Band(table), Some(row)) => Reason {
                        text: trim_lead(t!(
                            "explain-band",
                            facts = self.facts(&table.subject).join(&t!("explain-sep")),
                            guard = self.guard_phrase(table, row, false),
                            name = d.display_name(),
                            value = &value
                        )) + note.as_str(),
                        line: Some(card_line(self.card, table.rows[row].span)),
                    },
                    _ => {
                        let expr = match &d.rule {
                            DerivedRule::Output(e) => e,
                            DerivedRule::Band(t) => &t.subject,
                        };
                        let (formula, rounded) = self.formula_rounded(expr);
                        // The inputs it read, by name: a score fed from another
                        // card (月度考核分数) is seen beside the pay it gives.
                        let inputs: Vec<String> = {
                            let mut leaves = Vec::new();
                            collect_leaves(expr, &mut leaves);
                            let mut seen = Vec::new();
                            leaves
                                .into_iter()
                                .filter(|l| matches!(l.kind, ExprKind::Input(_)))
                                .filter(|l| {
                                    let name = self.leaf_name(l);
                                    !seen.contains(&name) && {
                                        seen.push(name);
                                        true
                                    }
                                })
                                .flat_map(|l| self.facts(l))
                                .collect()
                        };
                        let where_ = if inputs.is_empty() || formula == value {
                            String::new()
                        } else {
                            t!("explain-where", facts = inputs.join(&t!("explain-and")))
                        };
                        // `… = ≈ 872.73` reads `… ≈ 872.73`.
                        let text = if formula == value {
                            t!(
                                "explain-output-plain",
                                name = d.display_name(),
                                value = &value
                            )
                        } else if let Some(about) = value.strip_prefix("≈ ") {
                            t!(
                                "explain-output-about",
                                name = d.display_name(),
                                formula = formula,
                                value = about
                            )
                        } else {
                            t!(
                                "explain-output",
                                name = d.display_name(),
                                formula = formula,
                                value = &value
                            )
                        };
                        Reason {
                            text: text + rounded.as_str() + where_.as_str() + note.as_str(),
                            line: Some(card_line(self.card, d.span)),
                        }
                    }
                };
                Row {
                    name: d.display_name().to_string(),
                    score: value,
                    of: String::new(),
                    reasons: vec![reason],
                }
            })
            .collect()
    }

    /// A value as a person reads it: `98%`, `是`, `未填`, `≈ 33.33%`.
    fn value_text(&self, value: &Value, ty: Type) -> String {
        match value {
            Value::Bool(true) => t!("explain-yes"),
            Value::Bool(false) => t!("explain-no"),
            Value::Missing => t!("explain-blank"),
            v => shown(v, ty),
        }
    }

    /// The name of a leaf (an input, a score, the total, a band or output).
    fn leaf_name(&self, leaf: &Expr) -> String {
        match leaf.kind {
            ExprKind::Total => t!("explain-total-name"),
            _ => quote(self.card, leaf.span),
        }
    }

    /// `name value` for each name an expression reads whose value is known,
    /// in the order written, each once.
    fn facts(&self, expr: &Expr) -> Vec<String> {
        let mut leaves = Vec::new();
        collect_leaves(expr, &mut leaves);
        let mut seen: Vec<String> = Vec::new();
        let mut out = Vec::new();
        for leaf in leaves {
            let name = self.leaf_name(leaf);
            if seen.contains(&name) {
                continue;
            }
            let Some((value, boolean)) = self.known(leaf) else {
                continue;
            };
            seen.push(name.clone());
            out.push(if boolean {
                t!("explain-fact-bool", name = name, value = value)
            } else {
                t!("explain-fact", name = name, value = value)
            });
        }
        out
    }

    /// The value of a name, from the result (scores, total, bands) or the
    /// row's inputs; and whether it is a yes/no.
    fn known(&self, leaf: &Expr) -> Option<(String, bool)> {
        let (card, r) = (self.card, self.result);
        let plain = Type::Num(Unit::Plain);
        Some(match leaf.kind {
            ExprKind::Input(i) => {
                let ty = card.inputs()[i].ty.value_type();
                (self.value_text(self.inputs?.get(i)?, ty), ty == Type::Bool)
            }
            ExprKind::Item(i) => (minus(r.scores.items[i]), false),
            ExprKind::Section(i) => (minus(r.scores.sections[i]), false),
            ExprKind::Adjustment(i) => (minus(r.scores.adjustments[i]), false),
            ExprKind::Total => (self.value_text(&Value::Num(r.scores.total), plain), false),
            ExprKind::Derived(i) => {
                let ty = card.derived()[i].ty;
                (self.value_text(&r.scores.derived[i], ty), ty == Type::Bool)
            }
            ExprKind::Rank(_) | ExprKind::Top(_) | ExprKind::GroupSize(_) => {
                (rated_and_ranked::rank_fact(&leaf.kind, r)?, false)
            }
            _ => return None,
        })
    }

    /// A formula with the values it read in place of their names, as HR
    /// writes it: `(600 + 910) × 95% × 90% × 0.58 + 475`, rounding at the top
    /// said in words after it.
    fn formula(&self, expr: &Expr) -> String {
        self.formula_rounded(expr).0
    }

    /// [`Self::formula`], with the rounding at its top (`round(…, 2)`) apart:
    /// it is said after the value (`= 1223.81（四舍五入保留 2 位小数）`).
    fn formula_rounded(&self, expr: &Expr) -> (String, String) {
        // A formula nested past what a person reads (the checker allows far
        // more) is shown as written: rendering it would also take a deep stack.
        if depth(expr) > READABLE_DEPTH {
            return (quote(self.card, expr.span), String::new());
        }
        match &expr.kind {
            ExprKind::Round(inner, places) => (
                self.render(inner).0,
                t!("explain-rounded", places = *places),
            ),
            _ => (self.render(expr).0, String::new()),
        }
    }

    /// An expression in words and figures, and how tightly it binds (for parentheses).
    fn render(&self, expr: &Expr) -> (String, u8) {
        const ATOM: u8 = 9;
        let sep = ", ";
        let paren = |(text, prec): (String, u8), min: u8| {
            if prec < min {
                format!("({text})")
            } else {
                text
            }
        };
        match &expr.kind {
            ExprKind::Const(value) => {
                // A parameter is folded to its value: show the value, in its unit.
                let written = quote(self.card, expr.span);
                match self.card.params().iter().find(|p| p.name == written) {
                    Some(param) => (bracket_negative(self.value_text(value, param.ty)), ATOM),
                    None => (written, ATOM),
                }
            }
            ExprKind::Present(i) => (
                t!("explain-present", name = &self.card.inputs()[*i].name),
                1,
            ),
            ExprKind::PeriodDays => (t!("explain-period-days"), ATOM),
            ExprKind::Hook { .. } => {
                let call = self.trace.hooks.iter().find(|c| c.span == expr.span);
                match call {
                    Some(c) => {
                        let hook = &self.card.hooks()[c.function];
                        let value = self.value_text(&c.value, hook.result.value_type());
                        (bracket_negative(value), ATOM)
                    }
                    None => (quote(self.card, expr.span), ATOM),
                }
            }
            _ if is_leaf(expr) => match self.known(expr) {
                // Inside a formula a long quotient is read to 0.01 without its `≈`.
                Some((value, _)) => (
                    bracket_negative(value.trim_start_matches("≈ ").to_string()),
                    ATOM,
                ),
                None => (self.leaf_name(expr), ATOM),
            },
            ExprKind::Neg(e) => (format!("−{}", paren(self.render(e), ATOM)), 8),
            ExprKind::Not(e) => (t!("explain-not", x = paren(self.render(e), ATOM)), 3),
            ExprKind::Arith(op, l, r) => {
                let (symbol, prec) = match op {
                    Arith::Add => ("+", 5),
                    Arith::Sub => ("−", 5),
                    Arith::Mul => ("×", 6),
                    Arith::Div => ("÷", 6),
                };
                let right_min = if matches!(op, Arith::Sub | Arith::Div) {
                    prec + 1
                } else {
                    prec
                };
                (
                    format!(
                        "{} {symbol} {}",
                        paren(self.render(l), prec),
                        paren(self.render(r), right_min)
                    ),
                    prec,
                )
            }
            ExprKind::Compare(op, l, r) => {
                let symbol = match op {
                    CmpOp::Ge => "≥",
                    CmpOp::Gt => ">",
                    CmpOp::Le => "≤",
                    CmpOp::Lt => "<",
                    CmpOp::Eq => "=",
                    CmpOp::Ne => "≠",
                };
                (
                    format!(
                        "{} {symbol} {}",
                        paren(self.render(l), 5),
                        paren(self.render(r), 5)
                    ),
                    4,
                )
            }
            ExprKind::And(l, r) => (
                format!(
                    "{}{}{}",
                    paren(self.render(l), 3),
                    t!("explain-op-and"),
                    paren(self.render(r), 3)
                ),
                2,
            ),
            ExprKind::Or(l, r) => (
                format!(
                    "{}{}{}",
                    paren(self.render(l), 2),
                    t!("explain-op-or"),
                    paren(self.render(r), 2)
                ),
                1,
            ),
            ExprKind::If(c, a, b) => (
                t!(
                    "explain-if",
                    // The condition by its names: its values follow in `（其中 …）`.
                    cond = quote(self.card, c.span),
                    then = paren(self.render(a), 1),
                    else = paren(self.render(b), 1)
                ),
                0,
            ),
            ExprKind::Min(args) | ExprKind::Max(args) => {
                let name = if matches!(expr.kind, ExprKind::Min(_)) {
                    "MIN"
                } else {
                    "MAX"
                };
                let args: Vec<String> = args.iter().map(|a| self.render(a).0).collect();
                (format!("{name}({})", args.join(sep)), ATOM)
            }
            ExprKind::Clamp(x, low, high) => (
                t!(
                    "explain-clamp",
                    x = paren(self.render(x), 5),
                    low = self.render(low).0,
                    high = self.render(high).0
                ),
                0,
            ),
            ExprKind::Round(e, places) => {
                (format!("ROUND({}{sep}{places})", self.render(e).0), ATOM)
            }
            // The leaves are handled above.
            _ => (quote(self.card, expr.span), ATOM),
        }
    }
}

/// A negative value inside a formula, in brackets with a real minus sign:
/// `1500 + (−300)`.
fn bracket_negative(text: String) -> String {
    match text.strip_prefix('-').or_else(|| text.strip_prefix('−')) {
        Some(rest) => format!("(−{rest})"),
        None => text,
    }
}

/// How deep a formula may nest and still be written out with its values.
const READABLE_DEPTH: usize = 24;

/// How deeply an expression nests (a leaf is 1).
fn depth(expr: &Expr) -> usize {
    1 + expr.children().into_iter().map(depth).max().unwrap_or(0)
}

/// Whether an expression is a single name (an input, a score, a band …).
fn is_leaf(expr: &Expr) -> bool {
    matches!(
        expr.kind,
        ExprKind::Input(_)
            | ExprKind::Item(_)
            | ExprKind::Section(_)
            | ExprKind::Adjustment(_)
            | ExprKind::Total
            | ExprKind::Derived(_)
            | ExprKind::Rank(_)
            | ExprKind::Top(_)
            | ExprKind::GroupSize(_)
    )
}

/// A sentence whose facts were empty starts with the list separator: drop it.
fn trim_lead(text: String) -> String {
    let sep = t!("explain-sep");
    let trimmed = text
        .trim_start_matches(sep.as_str())
        .trim_start_matches([':', '：', ';', '；']);
    trimmed.trim_start().to_string()
}

/// Display widths of the name, score and ` of N` columns, shared by every row.
#[derive(Default, Clone, Copy)]
struct Widths {
    name: usize,
    score: usize,
    of: usize,
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
    expr.walk(&mut |e| {
        if is_leaf(e) {
            out.push(e);
        }
    });
}
