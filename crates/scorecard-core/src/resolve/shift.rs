//! Moving a parsed card's spans to where its file starts in a composite source.
//!
//! Each file of a chain of cards is parsed on its own, so its spans start at
//! 0; once the files are laid end to end in one composite source, every span
//! is moved by the file's start. Every node is taken apart field by field (no
//! `..`), so a field added to the syntax tree fails to compile here until it
//! is moved too: a span left behind would point into the wrong file.

use crate::source::Span;
use crate::syntax::ast::*;

pub fn card(card: &mut Card, by: usize) {
    if by == 0 {
        return;
    }
    let Card {
        name,
        label,
        extends,
        decls,
        notes,
        span,
    } = card;
    ident(name, by);
    opt_text(label, by);
    opt_text(extends, by);
    decls.iter_mut().for_each(|d| decl(d, by));
    notes.iter_mut().for_each(|n| note(n, by));
    move_span(span, by);
}

fn note(note: &mut Note, by: usize) {
    let Note {
        kind: _,
        text: t,
        span,
        target,
    } = note;
    text(t, by);
    move_span(span, by);
    move_span(target, by);
}

fn move_span(span: &mut Span, by: usize) {
    span.start += by;
    span.end += by;
}

fn ident(ident: &mut Ident, by: usize) {
    let Ident { name: _, span } = ident;
    move_span(span, by);
}

fn opt_ident(i: &mut Option<Ident>, by: usize) {
    if let Some(i) = i {
        ident(i, by);
    }
}

fn text(text: &mut Text, by: usize) {
    let Text { value: _, span } = text;
    move_span(span, by);
}

fn opt_text(t: &mut Option<Text>, by: usize) {
    if let Some(t) = t {
        text(t, by);
    }
}

fn number(n: &mut Number, by: usize) {
    let Number {
        value: _,
        unit: _,
        span,
    } = n;
    move_span(span, by);
}

fn opt_number(n: &mut Option<Number>, by: usize) {
    if let Some(n) = n {
        number(n, by);
    }
}

fn opt_span(s: &mut Option<Span>, by: usize) {
    if let Some(s) = s {
        move_span(s, by);
    }
}

fn literal(lit: &mut Literal, by: usize) {
    match lit {
        Literal::Number(n) => number(n, by),
        Literal::Bool { value: _, span } => move_span(span, by),
    }
}

fn decl(decl: &mut Decl, by: usize) {
    match decl {
        Decl::Role(t) => text(t, by),
        Decl::Period(p) => ident(p, by),
        Decl::Total(n) => number(n, by),
        Decl::Version(t) => text(t, by),
        Decl::Effective(e) => effective(e, by),
        Decl::Input(i) => input(i, by),
        Decl::Param(p) => param(p, by),
        Decl::Section(s) => section(s, by),
        Decl::Adjustment(a) => adjustment(a, by),
        Decl::Grade(g) => grade(g, by),
        Decl::Band(b) => band(b, by),
        Decl::Output(o) => output(o, by),
        Decl::Hooks(h) => hooks(h, by),
        Decl::Rater(RaterDecl { name, label, span }) => {
            ident(name, by);
            opt_text(label, by);
            move_span(span, by);
        }
        Decl::Rank(RankDecl {
            name,
            label,
            by: ranked,
            lowest_first,
            within,
            ties,
            span,
        }) => {
            ident(name, by);
            opt_text(label, by);
            expr(ranked, by);
            opt_span(lowest_first, by);
            opt_ident(within, by);
            opt_ident(ties, by);
            move_span(span, by);
        }
        Decl::Limit(LimitDecl {
            grade,
            share,
            within,
            by: ranked,
            ties,
            span,
        }) => {
            text(grade, by);
            number(share, by);
            opt_ident(within, by);
            expr(ranked, by);
            opt_ident(ties, by);
            move_span(span, by);
        }
        Decl::Ignore(IgnoreDecl { columns, span }) => {
            columns.iter_mut().for_each(|c| text(c, by));
            move_span(span, by);
        }
        Decl::Require(RequireDecl {
            condition,
            message,
            span,
        }) => {
            expr(condition, by);
            text(message, by);
            move_span(span, by);
        }
        Decl::Partial(PartialDecl {
            rule,
            minimum,
            span,
        }) => {
            ident(rule, by);
            opt_number(minimum, by);
            move_span(span, by);
        }
        Decl::Round(RoundDecl {
            step,
            when: _,
            span,
        }) => {
            number(step, by);
            move_span(span, by);
        }
        Decl::Main(m) => ident(m, by),
        Decl::Override(o) => override_(o, by),
        Decl::Remove(r) => remove(r, by),
    }
}

fn effective(effective: &mut Effective, by: usize) {
    let Effective { from, until, span } = effective;
    date(from, by);
    if let Some(until) = until {
        date(until, by);
    }
    move_span(span, by);
}

fn date(date: &mut Date, by: usize) {
    let Date { value: _, span } = date;
    move_span(span, by);
}

fn hooks(hooks: &mut HooksDecl, by: usize) {
    let HooksDecl {
        path,
        functions,
        span,
    } = hooks;
    text(path, by);
    for f in functions.iter_mut().flatten() {
        let HookSig {
            name,
            params,
            result,
            label,
            span,
        } = f;
        ident(name, by);
        for (_, s) in params.iter_mut() {
            move_span(s, by);
        }
        move_span(&mut result.1, by);
        opt_text(label, by);
        move_span(span, by);
    }
    move_span(span, by);
}

fn input(input: &mut InputDecl, by: usize) {
    let InputDecl {
        name,
        ty: _,
        ty_span,
        label,
        range,
        default,
        optional,
        rollup,
        span,
    } = input;
    if let Some(RollupSpec { rule, args, span }) = rollup {
        ident(rule, by);
        if let Some((a, b)) = args {
            ident(a, by);
            ident(b, by);
        }
        move_span(span, by);
    }
    ident(name, by);
    move_span(ty_span, by);
    opt_text(label, by);
    if let Some(RangeSpec { low, high, span }) = range {
        number(low, by);
        number(high, by);
        move_span(span, by);
    }
    if let Some(d) = default {
        literal(d, by);
    }
    opt_span(optional, by);
    move_span(span, by);
}

fn param(param: &mut ParamDecl, by: usize) {
    let ParamDecl {
        name,
        value,
        label,
        span,
    } = param;
    ident(name, by);
    literal(value, by);
    opt_text(label, by);
    move_span(span, by);
}

fn section(section: &mut Section, by: usize) {
    let Section {
        name,
        label,
        weight,
        scaled,
        items,
        span,
    } = section;
    ident(name, by);
    opt_text(label, by);
    number(weight, by);
    opt_span(scaled, by);
    items.iter_mut().for_each(|i| item(i, by));
    move_span(span, by);
}

fn item(item: &mut Item, by: usize) {
    let Item {
        name,
        label,
        points,
        rules,
        span,
    } = item;
    ident(name, by);
    opt_text(label, by);
    number(points, by);
    rules.iter_mut().for_each(|r| rule(r, by));
    move_span(span, by);
}

fn rule(rule: &mut Rule, by: usize) {
    match rule {
        Rule::Rated(RatedRule {
            raters,
            combine,
            span,
        }) => {
            for RatedBy {
                rater,
                weight,
                span,
            } in raters
            {
                ident(rater, by);
                opt_number(weight, by);
                move_span(span, by);
            }
            ident(combine, by);
            move_span(span, by);
        }
        Rule::Deduction(d) => deduction(d, by),
        Rule::Tiers(t) => table(t, by, item_outcome),
        Rule::PassFail(PassFail {
            kind: _,
            condition,
            otherwise,
            span,
        }) => {
            expr(condition, by);
            opt_number(otherwise, by);
            move_span(span, by);
        }
        Rule::Late(LateRule {
            input,
            missing,
            per_day,
            span,
        }) => {
            ident(input, by);
            number(missing, by);
            number(per_day, by);
            move_span(span, by);
        }
        Rule::Score(e) => expr(e, by),
    }
}

fn deduction(d: &mut Deduction, by: usize) {
    let Deduction {
        amount,
        per,
        label,
        span,
    } = d;
    number(amount, by);
    ident(per, by);
    opt_text(label, by);
    move_span(span, by);
}

fn table<O>(table: &mut TierTable<O>, by: usize, outcome: fn(&mut O, usize)) {
    let TierTable {
        subject,
        rows,
        span,
    } = table;
    if let Some(s) = subject {
        expr(s, by);
    }
    for Tier {
        guard,
        outcome: o,
        span,
    } in rows
    {
        match guard {
            Guard::Compare { op: _, threshold } => expr(threshold, by),
            Guard::Else(s) => move_span(s, by),
            Guard::Top { threshold, span } => {
                expr(threshold, by);
                move_span(span, by);
            }
        }
        outcome(o, by);
        move_span(span, by);
    }
    move_span(span, by);
}

fn item_outcome(outcome: &mut ItemOutcome, by: usize) {
    match outcome {
        ItemOutcome::Full(s) => move_span(s, by),
        ItemOutcome::Minus(n) | ItemOutcome::Fixed(n) => number(n, by),
        ItemOutcome::Formula(e) => expr(e, by),
    }
}

fn adjustment(block: &mut Adjustment, by: usize) {
    let Adjustment {
        kind: _,
        name,
        label,
        cap,
        lines,
        span,
    } = block;
    ident(name, by);
    opt_text(label, by);
    opt_number(cap, by);
    lines.iter_mut().for_each(|l| deduction(l, by));
    move_span(span, by);
}

fn grade(grade: &mut Grade, by: usize) {
    let Grade { table: t, span } = grade;
    table(t, by, text);
    move_span(span, by);
}

fn band(band: &mut Band, by: usize) {
    let Band {
        name,
        label,
        table: t,
        span,
    } = band;
    ident(name, by);
    opt_text(label, by);
    table(t, by, expr);
    move_span(span, by);
}

fn output(output: &mut Output, by: usize) {
    let Output {
        name,
        label,
        ty,
        expr: e,
        span,
    } = output;
    ident(name, by);
    opt_text(label, by);
    if let Some((_, s)) = ty {
        move_span(s, by);
    }
    expr(e, by);
    move_span(span, by);
}

fn override_(change: &mut Override, by: usize) {
    let Override { target, span } = change;
    match target {
        OverrideTarget::Decl(d) => decl(d, by),
        OverrideTarget::Section(SectionPatch {
            name,
            label,
            weight,
            scaled,
            items,
            span,
        }) => {
            ident(name, by);
            opt_text(label, by);
            opt_number(weight, by);
            opt_span(scaled, by);
            items.iter_mut().for_each(|i| item(i, by));
            move_span(span, by);
        }
        OverrideTarget::Item(ItemPatch {
            name,
            label,
            points,
            rules,
            span,
        }) => {
            ident(name, by);
            opt_text(label, by);
            opt_number(points, by);
            if let Some(rules) = rules {
                rules.iter_mut().for_each(|r| rule(r, by));
            }
            move_span(span, by);
        }
    }
    move_span(span, by);
}

fn remove(remove: &mut Remove, by: usize) {
    let Remove {
        kind: _,
        name,
        span,
    } = remove;
    if let Some(n) = name {
        ident(n, by);
    }
    move_span(span, by);
}

fn expr(e: &mut Expr, by: usize) {
    let Expr { kind, span } = e;
    match kind {
        ExprKind::Number(n) => number(n, by),
        ExprKind::Bool(_) => {}
        ExprKind::Name(n) => ident(n, by),
        ExprKind::Unary { op: _, operand } => expr(operand, by),
        ExprKind::Binary { op: _, lhs, rhs } => {
            expr(lhs, by);
            expr(rhs, by);
        }
        ExprKind::If {
            condition,
            then,
            otherwise,
        } => {
            expr(condition, by);
            expr(then, by);
            expr(otherwise, by);
        }
        ExprKind::Call { function, args } => {
            ident(function, by);
            args.iter_mut().for_each(|a| expr(a, by));
        }
    }
    move_span(span, by);
}
