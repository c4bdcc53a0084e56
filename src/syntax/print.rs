//! AST → card text, in one canonical layout.
//!
//! `print(card)` gives text that parses back to the same card. Callers that
//! need more than the bare card (comments kept by `fmt`, provenance notes in
//! `show`) pass an [`Annotate`], asked for lines before and a note after each
//! declaration, item, rule and tier row, by the node's span.

use super::ast::*;
use crate::source::Span;
use crate::value::format_decimal;
use rust_decimal::Decimal;
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

pub fn print_annotated(card: &Card, notes: &dyn Annotate) -> String {
    let mut p = Printer {
        out: String::new(),
        notes,
        prefix: None,
    };
    p.card(card);
    p.out
}

struct Printer<'a> {
    out: String,
    notes: &'a dyn Annotate,
    /// Written before the next line's text (`override ` before a replaced declaration).
    prefix: Option<&'static str>,
}

impl Printer<'_> {
    /// Writes one line at `depth`, with the annotations belonging to `span`.
    fn line(&mut self, depth: usize, span: Option<Span>, text: &str) {
        if let Some(span) = span {
            for comment in self.notes.before(span) {
                // A blank line never doubles, nor opens a block.
                let at_break =
                    self.out.is_empty() || self.out.ends_with("\n\n") || self.out.ends_with("{\n");
                if !(comment.is_empty() && at_break) {
                    self.raw_line(depth, &comment);
                }
            }
        }
        let prefix = self.prefix.take();
        let note = span.and_then(|s| self.notes.after(s));
        let comment = span.and_then(|s| self.notes.trailing(s));
        if prefix.is_none() && note.is_none() && comment.is_none() {
            // The usual line, written as it is rather than copied first.
            self.raw_line(depth, text);
            return;
        }
        let mut text = format!("{}{text}", prefix.unwrap_or(""));
        if let Some(note) = note {
            text = format!("{text}  // {note}");
        }
        if let Some(comment) = comment {
            text = format!("{text}  {comment}");
        }
        self.raw_line(depth, &text);
    }

    /// The closing `}` of the block spanning `block`, with what belongs before and after it.
    fn close(&mut self, depth: usize, block: Span) {
        for comment in self.notes.before_close(block) {
            self.raw_line(depth + 1, &comment);
        }
        match self.notes.after_close(block) {
            Some(comment) => self.raw_line(depth, &format!("}}  {comment}")),
            None => self.raw_line(depth, "}"),
        }
    }

    fn raw_line(&mut self, depth: usize, text: &str) {
        if text.is_empty() {
            self.out.push('\n');
            return;
        }
        for _ in 0..depth {
            self.out.push_str(INDENT);
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn blank(&mut self) {
        if !self.out.ends_with("\n\n") && !self.out.ends_with("{\n") {
            self.out.push('\n');
        }
    }

    fn card(&mut self, card: &Card) {
        let extends = card.extends.as_ref().map_or(String::new(), |base| {
            format!(" extends {}", quote(&base.value))
        });
        let head = format!(
            "scorecard {}{}{extends} {{",
            card.name.name,
            label(&card.label)
        );
        self.line(0, Some(card.span), &head);
        let mut previous: Option<&Decl> = None;
        let mut i = 0;
        while i < card.decls.len() {
            let decl = &card.decls[i];
            if previous
                .is_some_and(|p| group_of(p) != group_of(decl) || group_of(decl) == Group::Block)
            {
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

    fn decl(&mut self, decl: &Decl) {
        match decl {
            Decl::Role(text) => {
                self.line(1, Some(text.span), &format!("role {}", quote(&text.value)))
            }
            Decl::Period(p) => self.line(1, Some(p.span), &format!("period {}", p.name)),
            Decl::Total(n) => self.line(1, Some(n.span), &format!("total {}", number(n))),
            Decl::Version(v) => self.line(1, Some(v.span), &format!("version {}", quote(&v.value))),
            Decl::Effective(e) => {
                let until = e.until.map_or(String::new(), |d| d.value.to_string());
                let text = format!("effective {}..{until}", e.from.value);
                self.line(1, Some(e.span), &text);
            }
            Decl::Input(_) => self.inputs(std::slice::from_ref(decl)),
            Decl::Param(param) => {
                let text = format!(
                    "param {} {}{}",
                    param.name.name,
                    literal(&param.value),
                    label(&param.label)
                );
                self.line(1, Some(param.span), &text);
            }
            Decl::Section(section) => self.section(section),
            Decl::Hooks(hooks) => self.hooks(hooks),
            Decl::Rater(r) => {
                let text = format!("rater {}{}", r.name.name, label(&r.label));
                self.line(1, Some(r.span), &text);
            }
            Decl::Rank(r) => {
                let mut text = format!(
                    "rank {}{} by {}",
                    r.name.name,
                    label(&r.label),
                    expr(&r.by, 0)
                );
                if r.lowest_first.is_some() {
                    text.push_str(" lowest first");
                }
                if let Some(w) = &r.within {
                    text.push_str(&format!(" within {}", w.name));
                }
                if let Some(t) = &r.ties {
                    text.push_str(&format!(" ties {}", t.name));
                }
                self.line(1, Some(r.span), &text);
            }
            Decl::Limit(l) => {
                let mut text =
                    format!("limit {} {}", grade_label(&l.grade.value), number(&l.share));
                if let Some(w) = &l.within {
                    text.push_str(&format!(" within {}", w.name));
                }
                text.push_str(&format!(" push down by {}", expr(&l.by, 0)));
                if let Some(t) = &l.ties {
                    text.push_str(&format!(" ties {}", t.name));
                }
                self.line(1, Some(l.span), &text);
            }
            Decl::Partial(p) => {
                let mut text = format!("partial {}", p.rule.name);
                if let Some(m) = &p.minimum {
                    text.push_str(&format!(" minimum {} months", number(m)));
                }
                self.line(1, Some(p.span), &text);
            }
            Decl::Adjustment(block) => self.adjustment(block),
            Decl::Grade(grade) => {
                let head = match &grade.table.subject {
                    Some(subject) => format!("grade by {} {{", expr(subject, 0)),
                    None => "grade {".to_string(),
                };
                self.line(1, Some(grade.span), &head);
                self.tier_rows(2, &grade.table.rows, |t: &Text| grade_label(&t.value));
                self.close(1, grade.span);
            }
            Decl::Band(band) => {
                let subject = band
                    .table
                    .subject
                    .as_ref()
                    .map_or("total".to_string(), |s| expr(s, 0));
                let head = format!(
                    "band {}{} by {subject} {{",
                    band.name.name,
                    label(&band.label)
                );
                self.line(1, Some(band.span), &head);
                self.tier_rows(2, &band.table.rows, band_outcome);
                self.close(1, band.span);
            }
            Decl::Output(output) => {
                let ty = output.ty.map_or(String::new(), |(t, _)| format!(" {t}"));
                let head = format!("output {}{}{ty} =", output.name.name, label(&output.label));
                let formula = expr(&output.expr, 0);
                let text = format!("{head} {formula}");
                if fits(1, &format!("{}{text}", self.prefix.unwrap_or(""))) {
                    self.line(1, Some(output.span), &text);
                } else {
                    // A long formula starts on a line of its own, under the name.
                    self.line(1, Some(output.span), &head);
                    self.raw_line(2, &formula);
                }
            }
            Decl::Override(change) => self.override_(change),
            Decl::Remove(remove) => {
                let text = match &remove.name {
                    Some(name) => format!("remove {} {}", remove.kind.keyword(), name.name),
                    None => format!("remove {}", remove.kind.keyword()),
                };
                self.line(1, Some(remove.span), &text);
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
                let weight = match &patch.weight {
                    Some(w) if patch.scaled.is_some() => format!(" weight {} scaled", number(w)),
                    Some(w) => format!(" weight {}", number(w)),
                    None => String::new(),
                };
                let head = format!(
                    "override section {}{}{weight}",
                    patch.name.name,
                    label(&patch.label)
                );
                if patch.items.is_empty() {
                    self.line(1, Some(change.span), &head);
                    return;
                }
                self.line(1, Some(change.span), &format!("{head} {{"));
                for item in &patch.items {
                    self.item(item);
                }
                self.close(1, change.span);
            }
            OverrideTarget::Item(patch) => {
                let head = item_patch_head(patch);
                match &patch.rules {
                    None => self.line(1, Some(change.span), &head),
                    Some(rules) => self.rules_block(1, change.span, &head, rules),
                }
            }
        }
    }

    /// A run of inputs, their columns aligned.
    fn inputs(&mut self, decls: &[Decl]) {
        let inputs: Vec<&InputDecl> = decls
            .iter()
            .filter_map(|d| match d {
                Decl::Input(i) => Some(i),
                _ => None,
            })
            .collect();
        let name_width = inputs
            .iter()
            .map(|i| i.name.name.width())
            .max()
            .unwrap_or(0);
        let type_width = inputs
            .iter()
            .map(|i| i.ty.keyword().len())
            .max()
            .unwrap_or(0);
        for input in inputs {
            let mut text = format!(
                "input {}{} {:<type_width$}",
                input.name.name,
                " ".repeat(name_width - input.name.name.width()),
                input.ty.keyword()
            );
            if let Some(l) = &input.label {
                text.push(' ');
                push_quoted(&mut text, &l.value);
            }
            if let Some(range) = &input.range {
                text.push_str(&format!(
                    " range {}..{}",
                    number(&range.low),
                    number(&range.high)
                ));
            }
            if let Some(default) = &input.default {
                text.push_str(&format!(" default {}", literal(default)));
            }
            if input.optional.is_some() {
                text.push_str(" optional");
            }
            if let Some(r) = &input.rollup {
                text.push_str(&format!(" rollup {}", r.rule.name));
                if let Some((a, b)) = &r.args {
                    text.push_str(&format!("({}, {})", a.name, b.name));
                }
            }
            self.line(1, Some(input.span), text.trim_end());
        }
    }

    fn hooks(&mut self, hooks: &HooksDecl) {
        let head = format!("hooks {}", quote(&hooks.path.value));
        let Some(functions) = &hooks.functions else {
            self.line(1, Some(hooks.span), &head);
            return;
        };
        self.line(1, Some(hooks.span), &format!("{head} {{"));
        for f in functions {
            let params: Vec<&str> = f.params.iter().map(|(t, _)| t.keyword()).collect();
            let text = format!(
                "{}({}) -> {}{}",
                f.name.name,
                params.join(", "),
                f.result.0.keyword(),
                label(&f.label)
            );
            self.line(2, Some(f.span), &text);
        }
        self.close(1, hooks.span);
    }

    fn section(&mut self, section: &Section) {
        let scaled = if section.scaled.is_some() {
            " scaled"
        } else {
            ""
        };
        let head = format!(
            "section {}{} weight {}{scaled} {{",
            section.name.name,
            label(&section.label),
            number(&section.weight)
        );
        self.line(1, Some(section.span), &head);
        for item in &section.items {
            self.item(item);
        }
        self.close(1, section.span);
    }

    fn item(&mut self, item: &Item) {
        let head = format!(
            "item {}{} {}",
            item.name.name,
            label(&item.label),
            number(&item.points)
        );
        if item.rules.is_empty() {
            self.line(2, Some(item.span), &head);
        } else {
            self.rules_block(2, item.span, &head, &item.rules);
        }
    }

    /// `head { rule }` on one line when there is one short rule (or none),
    /// else a block; `span` is the node the block closes.
    fn rules_block(&mut self, depth: usize, span: Span, head: &str, rules: &[Rule]) {
        if let [rule] = rules {
            if !matches!(rule, Rule::Tiers(_)) {
                let text = format!("{head} {{ {} }}", one_line_rule(rule));
                if fits(depth, &text) {
                    self.line(depth, Some(span), &text);
                    return;
                }
            }
        }
        match rules {
            [] => self.line(depth, Some(span), &format!("{head} {{ }}")),
            rules => {
                self.line(depth, Some(span), &format!("{head} {{"));
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
                let subject = table
                    .subject
                    .as_ref()
                    .map_or("total".to_string(), |s| expr(s, 0));
                self.line(depth, Some(table.span), &format!("by {subject} {{"));
                self.tier_rows(depth + 1, &table.rows, item_outcome);
                self.close(depth, table.span);
            }
            other => self.line(depth, Some(other.span()), &one_line_rule(other)),
        }
    }

    /// Tier rows with their colons aligned.
    fn tier_rows<O>(&mut self, depth: usize, rows: &[Tier<O>], outcome: impl Fn(&O) -> String) {
        let guards: Vec<String> = rows.iter().map(|r| guard(&r.guard)).collect();
        let width = guards.iter().map(|g| g.width()).max().unwrap_or(0);
        for (row, g) in rows.iter().zip(guards) {
            let pad = " ".repeat(width - g.width());
            self.line(
                depth,
                Some(row.span),
                &format!("{g}{pad} : {}", outcome(&row.outcome)),
            );
        }
    }

    fn adjustment(&mut self, block: &Adjustment) {
        let (keyword, sign) = match block.kind {
            AdjustmentKind::Bonus => ("bonus", "plus"),
            AdjustmentKind::Penalty => ("penalty", "minus"),
        };
        let cap = block
            .cap
            .as_ref()
            .map_or(String::new(), |c| format!(" cap {}", number(c)));
        let head = format!(
            "{keyword} {}{}{cap} {{",
            block.name.name,
            label(&block.label)
        );
        self.line(1, Some(block.span), &head);
        let width = block
            .lines
            .iter()
            .map(|l| number(&l.amount).len())
            .max()
            .unwrap_or(0);
        for line in &block.lines {
            let text = format!(
                "{sign} {:<width$} per {}{}",
                number(&line.amount),
                line.per.name,
                label(&line.label)
            );
            self.line(2, Some(line.span), &text);
        }
        self.close(1, block.span);
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
enum Group {
    Header,
    Hooks,
    Input,
    Param,
    Block,
    Output,
    /// One-line `override` and `remove` lines.
    Change,
}

/// Declarations of one group print together; a blank line separates groups.
fn group_of(decl: &Decl) -> Group {
    match decl {
        Decl::Role(_)
        | Decl::Period(_)
        | Decl::Total(_)
        | Decl::Version(_)
        | Decl::Effective(_) => Group::Header,
        Decl::Input(_) => Group::Input,
        Decl::Hooks(_) => Group::Hooks,
        Decl::Rater(_) => Group::Input,
        Decl::Partial(_) => Group::Header,
        Decl::Rank(_) | Decl::Limit(_) => Group::Block,
        Decl::Param(_) => Group::Param,
        Decl::Output(_) => Group::Output,
        Decl::Section(_) | Decl::Adjustment(_) | Decl::Grade(_) | Decl::Band(_) => Group::Block,
        Decl::Remove(_) => Group::Change,
        Decl::Override(change) => match &change.target {
            OverrideTarget::Decl(decl) if group_of(decl) == Group::Block => Group::Block,
            OverrideTarget::Section(patch) if !patch.items.is_empty() => Group::Block,
            OverrideTarget::Item(patch) => match patch.rules.as_deref() {
                None | Some([]) => Group::Change,
                Some([rule])
                    if !matches!(rule, Rule::Tiers(_))
                        && fits(
                            1,
                            &format!("{} {{ {} }}", item_patch_head(patch), one_line_rule(rule)),
                        ) =>
                {
                    Group::Change
                }
                Some(_) => Group::Block,
            },
            _ => Group::Change,
        },
    }
}

/// `override item 潜客抽查 "label" 3`
fn item_patch_head(patch: &ItemPatch) -> String {
    let points = patch
        .points
        .as_ref()
        .map_or(String::new(), |p| format!(" {}", number(p)));
    format!(
        "override item {}{}{points}",
        patch.name.name,
        label(&patch.label)
    )
}

fn one_line_rule(rule: &Rule) -> String {
    match rule {
        Rule::Rated(r) => {
            let raters: Vec<String> = r
                .raters
                .iter()
                .map(|by| match &by.weight {
                    Some(w) => format!("{} {}", by.rater.name, number(w)),
                    None => by.rater.name.clone(),
                })
                .collect();
            format!("rated by {} combine {}", raters.join(", "), r.combine.name)
        }
        Rule::Deduction(d) => format!(
            "minus {} per {}{}",
            number(&d.amount),
            d.per.name,
            label(&d.label)
        ),
        Rule::PassFail(p) => match (p.kind, &p.otherwise) {
            (PassFailKind::FullIf, Some(n)) => {
                format!("full if {} else {}", expr(&p.condition, 0), number(n))
            }
            (PassFailKind::FullIf, None) => format!("full if {}", expr(&p.condition, 0)),
            (PassFailKind::ZeroIf, _) => format!("zero if {}", expr(&p.condition, 0)),
        },
        Rule::Late(l) => format!(
            "late {} {{ missing: {}; minus {} per day }}",
            l.input.name,
            number(&l.missing),
            number(&l.per_day)
        ),
        Rule::Score(e) => format!("score {}", expr(e, 0)),
        Rule::Tiers(t) => format!(
            "by {} {{ … }}",
            t.subject.as_ref().map_or("total".into(), |s| expr(s, 0))
        ),
    }
}

fn guard(guard: &Guard) -> String {
    match guard {
        Guard::Compare { op, threshold } => {
            format!("{} {}", op.symbol(), expr(threshold, PREC_SUM))
        }
        Guard::Else(_) => "else".to_string(),
        Guard::Top { threshold, .. } => format!("top {}", expr(threshold, PREC_SUM)),
    }
}

fn item_outcome(outcome: &ItemOutcome) -> String {
    match outcome {
        ItemOutcome::Full(_) => "full".to_string(),
        ItemOutcome::Minus(n) => format!("minus {}", number(n)),
        ItemOutcome::Fixed(n) => number(n),
        ItemOutcome::Formula(e) => format!("({})", expr(e, 0)),
    }
}

fn band_outcome(outcome: &Expr) -> String {
    match &outcome.kind {
        ExprKind::Number(n) => number(n),
        _ => format!("({})", expr(outcome, 0)),
    }
}

/// A grade label prints bare when it would read back as a name.
fn grade_label(text: &str) -> String {
    let bare = text
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
        && text.chars().all(|c| c.is_alphanumeric() || c == '_')
        && !super::parser::is_keyword(text);
    if bare {
        text.to_string()
    } else {
        quote(text)
    }
}

fn label(text: &Option<Text>) -> String {
    let Some(text) = text else {
        return String::new();
    };
    let mut label = String::with_capacity(text.value.len() + 3);
    label.push(' ');
    push_quoted(&mut label, &text.value);
    label
}

fn quote(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    push_quoted(&mut quoted, text);
    quoted
}

/// Appends `text` in quotes, escaped. (Built by hand rather than with
/// `format!`: labels are much of a card, printed for its content hash
/// each time it is checked.)
fn push_quoted(out: &mut String, text: &str) {
    out.push('"');
    if text.contains(['\\', '"', '\n']) {
        let escaped = text
            .replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('\n', "\\n");
        out.push_str(&escaped);
    } else {
        out.push_str(text);
    }
    out.push('"');
}

fn literal(lit: &Literal) -> String {
    match lit {
        Literal::Number(n) => number(n),
        Literal::Bool { value, .. } => value.to_string(),
    }
}

pub(crate) fn number(n: &Number) -> String {
    match n.unit {
        LitUnit::None => format_decimal(n.value),
        LitUnit::Percent => format!("{}%", format_decimal(n.value * Decimal::ONE_HUNDRED)),
        LitUnit::Money => format!("{} 元", format_decimal(n.value)),
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
    let (prec, text) = match &e.kind {
        ExprKind::Number(n) if n.value < Decimal::ZERO => (PREC_UNARY, number(n)),
        ExprKind::Number(n) => (u8::MAX, number(n)),
        ExprKind::Bool(b) => (u8::MAX, b.to_string()),
        ExprKind::Name(name) => (u8::MAX, name.name.clone()),
        ExprKind::Call { function, args } => {
            let args: Vec<String> = args.iter().map(|a| expr(a, PREC_IF)).collect();
            (u8::MAX, format!("{}({})", function.name, args.join(", ")))
        }
        ExprKind::Unary {
            op: UnaryOp::Neg,
            operand,
        } => (PREC_UNARY, format!("-{}", expr(operand, PREC_UNARY))),
        ExprKind::Unary {
            op: UnaryOp::Not,
            operand,
        } => (PREC_NOT, format!("not {}", expr(operand, PREC_NOT))),
        ExprKind::Binary { op, lhs, rhs } => {
            let (prec, symbol) = binary(*op);
            // Comparisons do not chain, so both sides sit one level up.
            let left_min = if prec == PREC_CMP { prec + 1 } else { prec };
            (
                prec,
                format!("{} {symbol} {}", expr(lhs, left_min), expr(rhs, prec + 1)),
            )
        }
        ExprKind::If {
            condition,
            then,
            otherwise,
        } => (
            PREC_IF,
            format!(
                "if {} then {} else {}",
                expr(condition, PREC_OR),
                expr(then, PREC_OR),
                expr(otherwise, PREC_OR)
            ),
        ),
    };
    if prec < min {
        format!("({text})")
    } else {
        text
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
