//! AST → card text, in one canonical layout.
//!
//! `print(card)` gives text that parses back to the same card. Callers that
//! need more than the bare card (comments kept by `fmt`, provenance notes in
//! `show`) pass an [`Annotate`], asked for lines before and a note after each
//! declaration, item, rule and tier row, by the node's span.
//!
//! Everything is written straight onto the end of one `String`: the card is
//! printed for its content hash each time it is checked.

use super::ast::*;
use crate::source::Span;
use crate::value::push_decimal;
use rust_decimal::Decimal;
use std::fmt::Write as _;
use unicode_width::UnicodeWidthStr;

const INDENT: &str = "    ";

/// Extra text around printed nodes, found by each node's span.
pub trait Annotate {
    /// Whole lines (comments) to print above the node, without indentation.
    fn before(&self, _span: Span) -> Vec<String> {
        Vec::new()
    }
    /// A note to print at the end of the node's (first) line, without `//`.
    fn after(&self, _span: Span) -> Option<String> {
        None
    }
    /// A comment to print at the end of the node's (first) line, as written
    /// (with its `//` or `/* */`), after any note.
    fn trailing(&self, _span: Span) -> Option<String> {
        None
    }
    /// Whole lines to print inside a block (card, section, item, table, bonus
    /// or penalty), just before its closing `}`; `block` is the block's span.
    fn before_close(&self, _block: Span) -> Vec<String> {
        Vec::new()
    }
    /// A comment to print after the block's closing `}`, on the same line.
    fn after_close(&self, _block: Span) -> Option<String> {
        None
    }
    /// Whole lines to print after the card's closing `}`.
    fn end(&self) -> Vec<String> {
        Vec::new()
    }
}

struct Plain;
impl Annotate for Plain {}

/// The card in canonical layout.
pub fn print(card: &Card) -> String {
    print_annotated(card, &Plain)
}

/// The card in canonical layout, with `notes` asked for a trailing comment on each line it prints.
pub fn print_annotated(card: &Card, notes: &dyn Annotate) -> String {
    let mut p = Printer {
        out: String::new(),
        notes,
        marks: &card.notes,
        prefix: None,
        scratch: String::new(),
        ends: Vec::new(),
    };
    p.card(card);
    p.out
}

struct Printer<'a> {
    out: String,
    notes: &'a dyn Annotate,
    /// The card's `quote` and `assume` notes, each printed on the line
    /// before the node it precedes.
    marks: &'a [Note],
    /// Written before the next line's text (`override ` before a replaced declaration).
    prefix: Option<&'static str>,
    /// Column cells (tier guards, adjustment amounts) printed ahead to be
    /// measured, one after another; `ends` marks where each one ends.
    scratch: String,
    ends: Vec<usize>,
}

/// Where a node's line begins in the output, once started.
#[derive(Clone, Copy)]
struct Started {
    /// After the indentation, where any prefix begins.
    line: usize,
    /// After the prefix, where the node's own text begins.
    text: usize,
}

impl Printer<'_> {
    /// Starts the line of the node at `span`: the comment lines belonging
    /// above it, the indentation and any prefix. The node's text is then
    /// written onto `out`, and the line ended with [`Printer::end`].
    fn begin(&mut self, depth: usize, span: Span) -> Started {
        if !self.marks.is_empty() {
            self.marks_before(depth, span);
        }
        for comment in self.notes.before(span) {
            // A blank line never doubles, nor opens a block.
            let at_break =
                self.out.is_empty() || self.out.ends_with("\n\n") || self.out.ends_with("{\n");
            if !(comment.is_empty() && at_break) {
                self.raw_line(depth, &comment);
            }
        }
        self.indent(depth);
        let line = self.out.len();
        if let Some(prefix) = self.prefix.take() {
            self.out.push_str(prefix);
        }
        Started {
            line,
            text: self.out.len(),
        }
    }

    /// The `quote` and `assume` lines before the node at `span`, each a line
    /// of its own (with its comments, as a node's).
    fn marks_before(&mut self, depth: usize, span: Span) {
        let marks = self.marks;
        for mark in marks.iter().filter(|m| m.target == span) {
            self.begin_line(depth, mark.span);
            self.out.push_str(mark.kind.keyword());
            self.out.push(' ');
            push_quoted(&mut self.out, &mark.text.value);
            self.end(mark.span);
        }
    }

    /// Whether a `quote` or `assume` note precedes the node at `span`.
    fn marked(&self, span: Span) -> bool {
        self.marks.iter().any(|m| m.target == span)
    }

    /// [`Printer::begin`] for a line that no note precedes.
    fn begin_line(&mut self, depth: usize, span: Span) {
        for comment in self.notes.before(span) {
            let at_break =
                self.out.is_empty() || self.out.ends_with("\n\n") || self.out.ends_with("{\n");
            if !(comment.is_empty() && at_break) {
                self.raw_line(depth, &comment);
            }
        }
        self.indent(depth);
    }

    /// Ends the line of the node at `span`, with its note and comment.
    fn end(&mut self, span: Span) {
        if let Some(note) = self.notes.after(span) {
            self.out.push_str("  // ");
            self.out.push_str(&note);
        }
        if let Some(comment) = self.notes.trailing(span) {
            self.out.push_str("  ");
            self.out.push_str(&comment);
        }
        self.out.push('\n');
    }

    /// The closing `}` of the block spanning `block`, with what belongs before and after it.
    fn close(&mut self, depth: usize, block: Span) {
        for comment in self.notes.before_close(block) {
            self.raw_line(depth + 1, &comment);
        }
        self.indent(depth);
        self.out.push('}');
        if let Some(comment) = self.notes.after_close(block) {
            self.out.push_str("  ");
            self.out.push_str(&comment);
        }
        self.out.push('\n');
    }

    fn indent(&mut self, depth: usize) {
        for _ in 0..depth {
            self.out.push_str(INDENT);
        }
    }

    fn raw_line(&mut self, depth: usize, text: &str) {
        if text.is_empty() {
            self.out.push('\n');
            return;
        }
        self.indent(depth);
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn blank(&mut self) {
        if !self.out.ends_with("\n\n") && !self.out.ends_with("{\n") {
            self.out.push('\n');
        }
    }

    fn card(&mut self, card: &Card) {
        self.begin(0, card.span);
        let out = &mut self.out;
        push_head(out, "scorecard ", &card.name.name, &card.label);
        if let Some(base) = &card.extends {
            out.push_str(" extends ");
            push_quoted(out, &base.value);
        }
        out.push_str(" {");
        self.end(card.span);
        let mut previous: Option<&Decl> = None;
        let mut i = 0;
        while i < card.decls.len() {
            let decl = &card.decls[i];
            if previous.is_some_and(|p| {
                paragraph_of(p) != paragraph_of(decl) || paragraph_of(decl) == Paragraph::Block
            }) {
                self.blank();
            }
            if let Decl::Input(_) = decl {
                let run = card.decls[i..]
                    .iter()
                    .take_while(|d| matches!(d, Decl::Input(_)))
                    .count();
                self.inputs(&card.decls[i..i + run]);
                previous = Some(&card.decls[i + run - 1]);
                i += run;
                continue;
            }
            self.decl(decl);
            previous = Some(decl);
            i += 1;
        }
        self.close(0, card.span);
        for line in self.notes.end() {
            self.raw_line(0, &line);
        }
    }

    /// `role "…"`, `version "…"`: a keyword and one quoted text.
    fn quoted_decl(&mut self, keyword: &str, text: &Text) {
        self.begin(1, text.span);
        self.out.push_str(keyword);
        self.out.push(' ');
        push_quoted(&mut self.out, &text.value);
        self.end(text.span);
    }

    fn decl(&mut self, decl: &Decl) {
        match decl {
            Decl::Role(text) => self.quoted_decl("role", text),
            Decl::Ignore(ignore) => {
                self.begin(1, ignore.span);
                self.out.push_str("ignore ");
                for (i, column) in ignore.columns.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(", ");
                    }
                    push_quoted(&mut self.out, &column.value);
                }
                self.end(ignore.span);
            }
            Decl::Period(p) => {
                self.begin(1, p.span);
                self.out.push_str("period ");
                self.out.push_str(&p.name);
                self.end(p.span);
            }
            Decl::Total(n) => {
                self.begin(1, n.span);
                self.out.push_str("total ");
                push_number(&mut self.out, n);
                self.end(n.span);
            }
            Decl::Round(r) => {
                self.begin(1, r.span);
                self.out.push_str("round money to ");
                push_number(&mut self.out, &r.step);
                self.out.push(' ');
                self.out.push_str(r.when.words());
                self.end(r.span);
            }
            Decl::Main(m) => {
                self.begin(1, m.span);
                self.out.push_str("main ");
                self.out.push_str(&m.name);
                self.end(m.span);
            }
            Decl::Version(text) => self.quoted_decl("version", text),
            Decl::Effective(e) => {
                self.begin(1, e.span);
                let _ = write!(self.out, "effective {}..", e.from.value);
                if let Some(until) = e.until {
                    let _ = write!(self.out, "{}", until.value);
                }
                self.end(e.span);
            }
            Decl::Input(_) => self.inputs(std::slice::from_ref(decl)),
            Decl::Param(param) => {
                self.begin(1, param.span);
                let out = &mut self.out;
                out.push_str("param ");
                out.push_str(&param.name.name);
                out.push(' ');
                push_literal(out, &param.value);
                push_label(out, &param.label);
                self.end(param.span);
            }
            Decl::Section(section) => self.section(section),
            Decl::Hooks(hooks) => self.hooks(hooks),
            Decl::Rater(r) => {
                self.begin(1, r.span);
                push_head(&mut self.out, "rater ", &r.name.name, &r.label);
                self.end(r.span);
            }
            Decl::Rank(r) => {
                self.begin(1, r.span);
                let out = &mut self.out;
                push_head(out, "rank ", &r.name.name, &r.label);
                out.push_str(" by ");
                push_expr(out, &r.by, 0);
                if r.lowest_first.is_some() {
                    out.push_str(" lowest first");
                }
                if let Some(w) = &r.within {
                    out.push_str(" within ");
                    out.push_str(&w.name);
                }
                if let Some(t) = &r.ties {
                    out.push_str(" ties ");
                    out.push_str(&t.name);
                }
                self.end(r.span);
            }
            Decl::Limit(l) => {
                self.begin(1, l.span);
                let out = &mut self.out;
                out.push_str("limit ");
                push_grade_label(out, &l.grade.value);
                out.push(' ');
                push_number(out, &l.share);
                if let Some(w) = &l.within {
                    out.push_str(" within ");
                    out.push_str(&w.name);
                }
                out.push_str(" push down by ");
                push_expr(out, &l.by, 0);
                if let Some(t) = &l.ties {
                    out.push_str(" ties ");
                    out.push_str(&t.name);
                }
                self.end(l.span);
            }
            Decl::Partial(p) => {
                self.begin(1, p.span);
                self.out.push_str("partial ");
                self.out.push_str(&p.rule.name);
                if let Some(m) = &p.minimum {
                    self.out.push_str(" minimum ");
                    push_number(&mut self.out, m);
                    self.out.push_str(" months");
                }
                self.end(p.span);
            }
            Decl::Adjustment(block) => self.adjustment(block),
            Decl::Grade(grade) => {
                self.begin(1, grade.span);
                match &grade.table.subject {
                    Some(subject) => {
                        self.out.push_str("grade by ");
                        push_expr(&mut self.out, subject, 0);
                        self.out.push_str(" {");
                    }
                    None => self.out.push_str("grade {"),
                }
                self.end(grade.span);
                self.tier_rows(2, &grade.table.rows, |out, t: &Text| {
                    push_grade_label(out, &t.value)
                });
                self.close(1, grade.span);
            }
            Decl::Band(band) => {
                self.begin(1, band.span);
                let out = &mut self.out;
                push_head(out, "band ", &band.name.name, &band.label);
                out.push_str(" by ");
                push_subject(out, &band.table.subject);
                out.push_str(" {");
                self.end(band.span);
                self.tier_rows(2, &band.table.rows, push_band_outcome);
                self.close(1, band.span);
            }
            Decl::Output(output) => {
                let started = self.begin(1, output.span);
                let out = &mut self.out;
                push_head(out, "output ", &output.name.name, &output.label);
                if let Some((t, _)) = output.ty {
                    let _ = write!(out, " {t}");
                }
                out.push_str(" =");
                let head = out.len();
                out.push(' ');
                push_expr(out, &output.expr, 0);
                if !fits(1, &out[started.line..]) {
                    // A long formula starts on a line of its own, under the name.
                    out.truncate(head);
                    self.end(output.span);
                    self.indent(2);
                    push_expr(&mut self.out, &output.expr, 0);
                    self.out.push('\n');
                    return;
                }
                self.end(output.span);
            }
            Decl::Require(r) => {
                let started = self.begin(1, r.span);
                let out = &mut self.out;
                out.push_str("require ");
                push_expr(out, &r.condition, 0);
                let head = out.len();
                out.push(' ');
                push_quoted(out, &r.message.value);
                if !fits(1, &out[started.line..]) {
                    // A long sentence goes on a line of its own, under the condition.
                    out.truncate(head);
                    self.end(r.span);
                    self.indent(2);
                    push_quoted(&mut self.out, &r.message.value);
                    self.out.push('\n');
                    return;
                }
                self.end(r.span);
            }
            Decl::Override(change) => self.override_(change),
            Decl::Remove(remove) => {
                self.begin(1, remove.span);
                self.out.push_str("remove ");
                self.out.push_str(remove.kind.keyword());
                if let Some(name) = &remove.name {
                    self.out.push(' ');
                    self.out.push_str(&name.name);
                }
                self.end(remove.span);
            }
        }
    }

    fn override_(&mut self, change: &Override) {
        match &change.target {
            OverrideTarget::Decl(decl) => {
                self.prefix = Some("override ");
                self.decl(decl);
            }
            OverrideTarget::Section(patch) => {
                self.begin(1, change.span);
                let out = &mut self.out;
                push_head(out, "override section ", &patch.name.name, &patch.label);
                if let Some(w) = &patch.weight {
                    out.push_str(" weight ");
                    push_number(out, w);
                    if patch.scaled.is_some() {
                        out.push_str(" scaled");
                    }
                }
                if patch.items.is_empty() {
                    self.end(change.span);
                    return;
                }
                out.push_str(" {");
                self.end(change.span);
                for item in &patch.items {
                    self.item(item);
                }
                self.close(1, change.span);
            }
            OverrideTarget::Item(patch) => {
                let head = |out: &mut String| push_item_patch_head(out, patch);
                match &patch.rules {
                    None => {
                        self.begin(1, change.span);
                        head(&mut self.out);
                        self.end(change.span);
                    }
                    Some(rules) => self.rules_block(1, change.span, head, rules),
                }
            }
        }
    }

    /// A run of inputs, their columns aligned.
    fn inputs(&mut self, decls: &[Decl]) {
        let inputs = decls.iter().filter_map(|d| match d {
            Decl::Input(i) => Some(i),
            _ => None,
        });
        let name_width = inputs
            .clone()
            .map(|i| i.name.name.width())
            .max()
            .unwrap_or(0);
        let type_width = inputs
            .clone()
            .map(|i| i.ty.keyword().len())
            .max()
            .unwrap_or(0);
        for input in inputs {
            let started = self.begin(1, input.span);
            let out = &mut self.out;
            out.push_str("input ");
            out.push_str(&input.name.name);
            push_spaces(out, name_width - input.name.name.width());
            out.push(' ');
            let keyword = input.ty.keyword();
            out.push_str(keyword);
            push_spaces(out, type_width.saturating_sub(keyword.chars().count()));
            if let Some(l) = &input.label {
                out.push(' ');
                push_quoted(out, &l.value);
            }
            if let Some(range) = &input.range {
                out.push_str(" range ");
                push_number(out, &range.low);
                out.push_str("..");
                push_number(out, &range.high);
            }
            if let Some(default) = &input.default {
                out.push_str(" default ");
                push_literal(out, default);
            }
            if input.optional.is_some() {
                out.push_str(" optional");
            }
            if let Some(r) = &input.rollup {
                out.push_str(" rollup ");
                out.push_str(&r.rule.name);
                if let Some((a, b)) = &r.args {
                    out.push('(');
                    out.push_str(&a.name);
                    out.push_str(", ");
                    out.push_str(&b.name);
                    out.push(')');
                }
            }
            // No padding left at the end of the line.
            let kept = out[started.text..].trim_end().len();
            out.truncate(started.text + kept);
            self.end(input.span);
        }
    }

    fn hooks(&mut self, hooks: &HooksDecl) {
        self.begin(1, hooks.span);
        self.out.push_str("hooks ");
        push_quoted(&mut self.out, &hooks.path.value);
        let Some(functions) = &hooks.functions else {
            self.end(hooks.span);
            return;
        };
        self.out.push_str(" {");
        self.end(hooks.span);
        for f in functions {
            self.begin(2, f.span);
            let out = &mut self.out;
            out.push_str(&f.name.name);
            out.push('(');
            for (i, (t, _)) in f.params.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(t.keyword());
            }
            out.push_str(") -> ");
            out.push_str(f.result.0.keyword());
            push_label(out, &f.label);
            self.end(f.span);
        }
        self.close(1, hooks.span);
    }

    fn section(&mut self, section: &Section) {
        self.begin(1, section.span);
        let out = &mut self.out;
        push_head(out, "section ", &section.name.name, &section.label);
        out.push_str(" weight ");
        push_number(out, &section.weight);
        if section.scaled.is_some() {
            out.push_str(" scaled");
        }
        out.push_str(" {");
        self.end(section.span);
        for item in &section.items {
            self.item(item);
        }
        self.close(1, section.span);
    }

    fn item(&mut self, item: &Item) {
        let head = |out: &mut String| {
            push_head(out, "item ", &item.name.name, &item.label);
            out.push(' ');
            push_number(out, &item.points);
        };
        if item.rules.is_empty() {
            self.begin(2, item.span);
            head(&mut self.out);
            self.end(item.span);
        } else {
            self.rules_block(2, item.span, head, &item.rules);
        }
    }

    /// `head { rule }` on one line when there is one short rule (or none),
    /// else a block; `span` is the node the block closes.
    fn rules_block(
        &mut self,
        depth: usize,
        span: Span,
        head: impl Fn(&mut String),
        rules: &[Rule],
    ) {
        let started = self.begin(depth, span);
        head(&mut self.out);
        let head_end = self.out.len();
        if let [rule] = rules {
            // A rule with a note before it needs a line of its own.
            if !matches!(rule, Rule::Tiers(_)) && !self.marked(rule.span()) {
                self.out.push_str(" { ");
                push_one_line_rule(&mut self.out, rule);
                self.out.push_str(" }");
                if fits(depth, &self.out[started.text..]) {
                    self.end(span);
                    return;
                }
                self.out.truncate(head_end);
            }
        }
        match rules {
            [] => {
                self.out.push_str(" { }");
                self.end(span);
            }
            rules => {
                self.out.push_str(" {");
                self.end(span);
                for rule in rules {
                    self.rule(depth + 1, rule);
                }
                self.close(depth, span);
            }
        }
    }

    fn rule(&mut self, depth: usize, rule: &Rule) {
        match rule {
            Rule::Tiers(table) => {
                self.begin(depth, table.span);
                self.out.push_str("by ");
                push_subject(&mut self.out, &table.subject);
                self.out.push_str(" {");
                self.end(table.span);
                self.tier_rows(depth + 1, &table.rows, push_item_outcome);
                self.close(depth, table.span);
            }
            other => {
                let span = other.span();
                self.begin(depth, span);
                push_one_line_rule(&mut self.out, other);
                self.end(span);
            }
        }
    }

    /// Tier rows with their colons aligned.
    fn tier_rows<O>(&mut self, depth: usize, rows: &[Tier<O>], outcome: impl Fn(&mut String, &O)) {
        // The guards are printed ahead, to be measured.
        let mut guards = std::mem::take(&mut self.scratch);
        let mut ends = std::mem::take(&mut self.ends);
        guards.clear();
        ends.clear();
        let mut width = 0;
        for row in rows {
            let start = guards.len();
            push_guard(&mut guards, &row.guard);
            width = width.max(guards[start..].width());
            ends.push(guards.len());
        }
        let mut start = 0;
        for (row, &end) in rows.iter().zip(&ends) {
            let g = &guards[start..end];
            start = end;
            self.begin(depth, row.span);
            self.out.push_str(g);
            push_spaces(&mut self.out, width - g.width());
            self.out.push_str(" : ");
            outcome(&mut self.out, &row.outcome);
            self.end(row.span);
        }
        self.scratch = guards;
        self.ends = ends;
    }

    fn adjustment(&mut self, block: &Adjustment) {
        let (keyword, sign) = match block.kind {
            AdjustmentKind::Bonus => ("bonus", "plus"),
            AdjustmentKind::Penalty => ("penalty", "minus"),
        };
        self.begin(1, block.span);
        let out = &mut self.out;
        out.push_str(keyword);
        out.push(' ');
        out.push_str(&block.name.name);
        push_label(out, &block.label);
        if let Some(c) = &block.cap {
            out.push_str(" cap ");
            push_number(out, c);
        }
        out.push_str(" {");
        self.end(block.span);
        // The amounts are printed ahead, to be measured.
        let mut amounts = std::mem::take(&mut self.scratch);
        let mut ends = std::mem::take(&mut self.ends);
        amounts.clear();
        ends.clear();
        let mut width = 0;
        for line in &block.lines {
            let start = amounts.len();
            push_number(&mut amounts, &line.amount);
            width = width.max(amounts.len() - start);
            ends.push(amounts.len());
        }
        let mut start = 0;
        for (line, &end) in block.lines.iter().zip(&ends) {
            let amount = &amounts[start..end];
            start = end;
            self.begin(2, line.span);
            let out = &mut self.out;
            out.push_str(sign);
            out.push(' ');
            out.push_str(amount);
            // Padded to `width` characters, as `{:<width$}` pads.
            push_spaces(out, width.saturating_sub(amount.chars().count()));
            out.push_str(" per ");
            out.push_str(&line.per.name);
            push_label(out, &line.label);
            self.end(line.span);
        }
        self.scratch = amounts;
        self.ends = ends;
        self.close(1, block.span);
    }
}

fn push_spaces(out: &mut String, n: usize) {
    for _ in 0..n {
        out.push(' ');
    }
}

/// The widest line (in terminal columns, a Chinese character counting two)
/// an item is printed on with its rule (a longer one opens a block), or an
/// output with its formula (a longer formula goes on the next line).
const MAX_WIDTH: usize = 90;

fn fits(depth: usize, text: &str) -> bool {
    depth * INDENT.len() + text.width() <= MAX_WIDTH
}

#[derive(PartialEq, Eq)]
enum Paragraph {
    Header,
    Hooks,
    Input,
    Param,
    Require,
    Block,
    Output,
    /// One-line `override` and `remove` lines.
    Change,
}

/// Declarations of one paragraph print together; a blank line separates paragraphs.
fn paragraph_of(decl: &Decl) -> Paragraph {
    match decl {
        Decl::Role(_)
        | Decl::Period(_)
        | Decl::Total(_)
        | Decl::Version(_)
        | Decl::Effective(_) => Paragraph::Header,
        Decl::Input(_) => Paragraph::Input,
        Decl::Hooks(_) => Paragraph::Hooks,
        Decl::Rater(_) => Paragraph::Input,
        Decl::Partial(_) | Decl::Round(_) | Decl::Main(_) => Paragraph::Header,
        Decl::Require(_) => Paragraph::Require,
        Decl::Ignore(_) => Paragraph::Header,
        Decl::Rank(_) | Decl::Limit(_) => Paragraph::Block,
        Decl::Param(_) => Paragraph::Param,
        Decl::Output(_) => Paragraph::Output,
        Decl::Section(_) | Decl::Adjustment(_) | Decl::Grade(_) | Decl::Band(_) => Paragraph::Block,
        Decl::Remove(_) => Paragraph::Change,
        Decl::Override(change) => match &change.target {
            OverrideTarget::Decl(decl) if paragraph_of(decl) == Paragraph::Block => {
                Paragraph::Block
            }
            OverrideTarget::Section(patch) if !patch.items.is_empty() => Paragraph::Block,
            OverrideTarget::Item(patch) => match patch.rules.as_deref() {
                None | Some([]) => Paragraph::Change,
                Some([rule])
                    if !matches!(rule, Rule::Tiers(_)) && {
                        let mut line = String::new();
                        push_item_patch_head(&mut line, patch);
                        line.push_str(" { ");
                        push_one_line_rule(&mut line, rule);
                        line.push_str(" }");
                        fits(1, &line)
                    } =>
                {
                    Paragraph::Change
                }
                Some(_) => Paragraph::Block,
            },
            _ => Paragraph::Change,
        },
    }
}

/// `override item 潜客抽查 "label" 3`
fn push_item_patch_head(out: &mut String, patch: &ItemPatch) {
    push_head(out, "override item ", &patch.name.name, &patch.label);
    if let Some(p) = &patch.points {
        out.push(' ');
        push_number(out, p);
    }
}

fn push_one_line_rule(out: &mut String, rule: &Rule) {
    match rule {
        Rule::Rated(r) => {
            out.push_str("rated by ");
            for (i, by) in r.raters.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&by.rater.name);
                if let Some(w) = &by.weight {
                    out.push(' ');
                    push_number(out, w);
                }
            }
            out.push_str(" combine ");
            out.push_str(&r.combine.name);
        }
        Rule::Deduction(d) => {
            out.push_str("minus ");
            push_number(out, &d.amount);
            out.push_str(" per ");
            out.push_str(&d.per.name);
            push_label(out, &d.label);
        }
        Rule::PassFail(p) => {
            out.push_str(match p.kind {
                PassFailKind::FullIf => "full if ",
                PassFailKind::ZeroIf => "zero if ",
            });
            push_expr(out, &p.condition, 0);
            if let (PassFailKind::FullIf, Some(n)) = (p.kind, &p.otherwise) {
                out.push_str(" else ");
                push_number(out, n);
            }
        }
        Rule::Late(l) => {
            out.push_str("late ");
            out.push_str(&l.input.name);
            out.push_str(" { missing: ");
            push_number(out, &l.missing);
            out.push_str("; minus ");
            push_number(out, &l.per_day);
            out.push_str(" per day }");
        }
        Rule::Score(e) => {
            out.push_str("score ");
            push_expr(out, e, 0);
        }
        Rule::Tiers(t) => {
            out.push_str("by ");
            push_subject(out, &t.subject);
            out.push_str(" { … }");
        }
    }
}

/// A table's subject, `total` when it has none.
fn push_subject(out: &mut String, subject: &Option<Expr>) {
    match subject {
        Some(s) => push_expr(out, s, 0),
        None => out.push_str("total"),
    }
}

fn push_guard(out: &mut String, guard: &Guard) {
    match guard {
        Guard::Compare { op, threshold } => {
            out.push_str(op.symbol());
            out.push(' ');
            push_expr(out, threshold, PREC_SUM);
        }
        Guard::Else(_) => out.push_str("else"),
        Guard::Top { threshold, .. } => {
            out.push_str("top ");
            push_expr(out, threshold, PREC_SUM);
        }
    }
}

fn push_item_outcome(out: &mut String, outcome: &ItemOutcome) {
    match outcome {
        ItemOutcome::Full(_) => out.push_str("full"),
        ItemOutcome::Minus(n) => {
            out.push_str("minus ");
            push_number(out, n);
        }
        ItemOutcome::Fixed(n) => push_number(out, n),
        ItemOutcome::Formula(e) => {
            out.push('(');
            push_expr(out, e, 0);
            out.push(')');
        }
    }
}

fn push_band_outcome(out: &mut String, outcome: &Expr) {
    match &outcome.kind {
        ExprKind::Number(n) => push_number(out, n),
        _ => {
            out.push('(');
            push_expr(out, outcome, 0);
            out.push(')');
        }
    }
}

/// A grade label prints bare when it would read back as a name.
fn push_grade_label(out: &mut String, text: &str) {
    let bare = text
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
        && text.chars().all(|c| c.is_alphanumeric() || c == '_')
        && !super::parser::is_keyword(text);
    if bare {
        out.push_str(text);
    } else {
        push_quoted(out, text);
    }
}

/// `keyword name "label"`, the label if any.
fn push_head(out: &mut String, keyword: &str, name: &str, label: &Option<Text>) {
    out.push_str(keyword);
    out.push_str(name);
    push_label(out, label);
}

/// ` "label"`, or nothing.
fn push_label(out: &mut String, text: &Option<Text>) {
    if let Some(text) = text {
        out.push(' ');
        push_quoted(out, &text.value);
    }
}

/// Appends `text` in quotes, escaped.
fn push_quoted(out: &mut String, text: &str) {
    out.push('"');
    if text.contains(['\\', '"', '\n']) {
        for c in text.chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '"' => out.push_str("\\\""),
                '\n' => out.push_str("\\n"),
                c => out.push(c),
            }
        }
    } else {
        out.push_str(text);
    }
    out.push('"');
}

fn push_literal(out: &mut String, lit: &Literal) {
    match lit {
        Literal::Number(n) => push_number(out, n),
        Literal::Bool { value, .. } => out.push_str(if *value { "true" } else { "false" }),
    }
}

fn push_number(out: &mut String, n: &Number) {
    match n.unit {
        LitUnit::None => push_decimal(out, n.value),
        LitUnit::Percent => {
            push_decimal(out, n.value * Decimal::ONE_HUNDRED);
            out.push('%');
        }
        LitUnit::Money => {
            push_decimal(out, n.value);
            out.push_str(" 元");
        }
    }
}

// Precedence levels, lowest first, as in the grammar.
const PREC_IF: u8 = 0;
const PREC_OR: u8 = 1;
const PREC_AND: u8 = 2;
const PREC_NOT: u8 = 3;
const PREC_CMP: u8 = 4;
const PREC_SUM: u8 = 5;
const PREC_PRODUCT: u8 = 6;
const PREC_UNARY: u8 = 7;

/// An expression, parenthesised only where its context needs it.
pub fn expr(e: &Expr, min: u8) -> String {
    let mut out = String::new();
    push_expr(&mut out, e, min);
    out
}

/// [`expr`] onto the end of `out`.
fn push_expr(out: &mut String, e: &Expr, min: u8) {
    let prec = match &e.kind {
        ExprKind::Number(n) if n.value < Decimal::ZERO => PREC_UNARY,
        ExprKind::Number(_) | ExprKind::Bool(_) | ExprKind::Name(_) | ExprKind::Call { .. } => {
            u8::MAX
        }
        ExprKind::Unary {
            op: UnaryOp::Neg, ..
        } => PREC_UNARY,
        ExprKind::Unary {
            op: UnaryOp::Not, ..
        } => PREC_NOT,
        ExprKind::Binary { op, .. } => binary(*op).0,
        ExprKind::If { .. } => PREC_IF,
    };
    let parenthesised = prec < min;
    if parenthesised {
        out.push('(');
    }
    match &e.kind {
        ExprKind::Number(n) => push_number(out, n),
        ExprKind::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        ExprKind::Name(name) => out.push_str(&name.name),
        ExprKind::Call { function, args } => {
            out.push_str(&function.name);
            out.push('(');
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                push_expr(out, a, PREC_IF);
            }
            out.push(')');
        }
        ExprKind::Unary {
            op: UnaryOp::Neg,
            operand,
        } => {
            out.push('-');
            push_expr(out, operand, PREC_UNARY);
        }
        ExprKind::Unary {
            op: UnaryOp::Not,
            operand,
        } => {
            out.push_str("not ");
            push_expr(out, operand, PREC_NOT);
        }
        ExprKind::Binary { op, lhs, rhs } => {
            let (prec, symbol) = binary(*op);
            // Comparisons do not chain, so both sides sit one level up.
            let left_min = if prec == PREC_CMP { prec + 1 } else { prec };
            push_expr(out, lhs, left_min);
            out.push(' ');
            out.push_str(symbol);
            out.push(' ');
            push_expr(out, rhs, prec + 1);
        }
        ExprKind::If {
            condition,
            then,
            otherwise,
        } => {
            out.push_str("if ");
            push_expr(out, condition, PREC_OR);
            out.push_str(" then ");
            push_expr(out, then, PREC_OR);
            out.push_str(" else ");
            push_expr(out, otherwise, PREC_OR);
        }
    }
    if parenthesised {
        out.push(')');
    }
}
fn binary(op: BinaryOp) -> (u8, &'static str) {
    match op {
        BinaryOp::Or => (PREC_OR, "or"),
        BinaryOp::And => (PREC_AND, "and"),
        BinaryOp::Cmp(c) => (PREC_CMP, c.symbol()),
        BinaryOp::Add => (PREC_SUM, "+"),
        BinaryOp::Sub => (PREC_SUM, "-"),
        BinaryOp::Mul => (PREC_PRODUCT, "*"),
        BinaryOp::Div => (PREC_PRODUCT, "/"),
    }
}
