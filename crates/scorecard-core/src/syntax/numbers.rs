//! Every number written in a card, and the note that says where it comes from.
//!
//! A `quote "…"` or `assume "…"` note covers every number inside the node it
//! precedes; the innermost note wins (a tier row's own note over its item's,
//! an item's over its section's). A number no note covers is *unmarked*: the
//! shipped cards have none (a test holds them to it), so that HR can see which
//! numbers are the policy's and which are ours to confirm with management.

use super::ast::*;
use crate::source::Span;

/// A number as written, and the note that covers it (`None`: unmarked).
#[derive(Debug, Clone, Copy)]
pub struct Marked<'a> {
    /// The number.
    pub number: &'a Number,
    /// The `quote` or `assume` note over it, if any.
    pub note: Option<&'a Note>,
}

/// Every number literal of `card`, in source order, each with its note.
pub fn marked(card: &Card) -> Vec<Marked<'_>> {
    let mut numbers = Vec::new();
    for decl in &card.decls {
        in_decl(decl, &mut numbers);
    }
    numbers.sort_by_key(|n| (n.span.start, n.span.end));
    numbers
        .into_iter()
        .map(|number| Marked {
            number,
            note: covering(&card.notes, number.span),
        })
        .collect()
}

/// The innermost note whose node holds `span`.
fn covering(notes: &[Note], span: Span) -> Option<&Note> {
    notes
        .iter()
        .filter(|n| n.target.start <= span.start && span.end <= n.target.end)
        .min_by_key(|n| n.target.len())
}

type Out<'a> = Vec<&'a Number>;

fn in_decl<'a>(decl: &'a Decl, out: &mut Out<'a>) {
    match decl {
        Decl::Role(_)
        | Decl::Period(_)
        | Decl::Version(_)
        | Decl::Effective(_)
        | Decl::Hooks(_)
        | Decl::Rater(_)
        | Decl::Main(_)
        | Decl::Remove(_) => {}
        Decl::Total(n) => out.push(n),
        Decl::Round(r) => out.push(&r.step),
        Decl::Input(input) => {
            if let Some(range) = &input.range {
                out.push(&range.low);
                out.push(&range.high);
            }
            if let Some(Literal::Number(n)) = &input.default {
                out.push(n);
            }
        }
        Decl::Param(param) => {
            if let Literal::Number(n) = &param.value {
                out.push(n);
            }
        }
        Decl::Section(section) => {
            out.push(&section.weight);
            section.items.iter().for_each(|i| in_item(i, out));
        }
        Decl::Adjustment(block) => {
            out.extend(&block.cap);
            block.lines.iter().for_each(|l| out.push(&l.amount));
        }
        Decl::Grade(grade) => in_table(&grade.table, out, |_, _| {}),
        Decl::Band(band) => in_table(&band.table, out, in_expr),
        Decl::Output(output) => in_expr(&output.expr, out),
        Decl::Rank(rank) => in_expr(&rank.by, out),
        Decl::Limit(limit) => {
            out.push(&limit.share);
            in_expr(&limit.by, out);
        }
        Decl::Partial(partial) => out.extend(&partial.minimum),
        Decl::Require(require) => in_expr(&require.condition, out),
        Decl::Ignore(_) => {}
        Decl::Override(change) => match &change.target {
            OverrideTarget::Decl(decl) => in_decl(decl, out),
            OverrideTarget::Section(patch) => {
                out.extend(&patch.weight);
                patch.items.iter().for_each(|i| in_item(i, out));
            }
            OverrideTarget::Item(patch) => {
                out.extend(&patch.points);
                for rule in patch.rules.iter().flatten() {
                    in_rule(rule, out);
                }
            }
        },
    }
}

fn in_item<'a>(item: &'a Item, out: &mut Out<'a>) {
    out.push(&item.points);
    item.rules.iter().for_each(|r| in_rule(r, out));
}

fn in_rule<'a>(rule: &'a Rule, out: &mut Out<'a>) {
    match rule {
        Rule::Deduction(d) => out.push(&d.amount),
        Rule::Tiers(table) => in_table(table, out, |outcome, out| match outcome {
            ItemOutcome::Full(_) => {}
            ItemOutcome::Minus(n) | ItemOutcome::Fixed(n) => out.push(n),
            ItemOutcome::Formula(e) => in_expr(e, out),
        }),
        Rule::PassFail(p) => {
            in_expr(&p.condition, out);
            out.extend(&p.otherwise);
        }
        Rule::Late(late) => {
            out.push(&late.missing);
            out.push(&late.per_day);
        }
        Rule::Score(e) => in_expr(e, out),
        Rule::Rated(rated) => rated.raters.iter().for_each(|r| out.extend(&r.weight)),
    }
}

fn in_table<'a, O>(
    table: &'a TierTable<O>,
    out: &mut Out<'a>,
    outcome: impl Fn(&'a O, &mut Out<'a>),
) {
    if let Some(subject) = &table.subject {
        in_expr(subject, out);
    }
    for row in &table.rows {
        match &row.guard {
            Guard::Compare { threshold, .. } | Guard::Top { threshold, .. } => {
                in_expr(threshold, out)
            }
            Guard::Else(_) => {}
        }
        outcome(&row.outcome, out);
    }
}

fn in_expr<'a>(expr: &'a Expr, out: &mut Out<'a>) {
    expr.walk(&mut |e| {
        if let ExprKind::Number(n) = &e.kind {
            out.push(n);
        }
    });
}
