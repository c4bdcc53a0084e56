//! One walk over every [`Span`] of a syntax tree ([`VisitSpans`]).
//!
//! Every node is taken apart field by field (no `..`), so a field added to
//! the syntax tree fails to compile here until it is visited too: a span
//! left behind would, for one, point into the wrong file once a chain of
//! cards is laid end to end (`resolve`'s shift).

use super::*;

/// Calls `f` on every span a node holds, its own and its children's.
pub trait VisitSpans {
    /// Calls `f` on every span of this node and its children, in order.
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span));
}

impl VisitSpans for Span {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        f(self)
    }
}

impl<T: VisitSpans> VisitSpans for Option<T> {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        if let Some(t) = self {
            t.spans_mut(f);
        }
    }
}

impl<T: VisitSpans> VisitSpans for Vec<T> {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        self.iter_mut().for_each(|t| t.spans_mut(f));
    }
}

impl<T: VisitSpans> VisitSpans for Box<T> {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        (**self).spans_mut(f)
    }
}

/// A kind and where it is written (`money` in a hook's signature or an output).
impl VisitSpans for (InputType, Span) {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let (_, span) = self;
        f(span)
    }
}

impl VisitSpans for Card {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let Card {
            name,
            label,
            extends,
            decls,
            notes,
            span,
        } = self;
        name.spans_mut(f);
        label.spans_mut(f);
        extends.spans_mut(f);
        decls.spans_mut(f);
        notes.spans_mut(f);
        f(span);
    }
}

impl VisitSpans for Note {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let Note {
            kind: _,
            text,
            span,
            target,
        } = self;
        text.spans_mut(f);
        f(span);
        f(target);
    }
}

impl VisitSpans for Ident {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let Ident { name: _, span } = self;
        f(span)
    }
}

impl VisitSpans for Text {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let Text { value: _, span } = self;
        f(span)
    }
}

impl VisitSpans for Number {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let Number {
            value: _,
            unit: _,
            span,
        } = self;
        f(span)
    }
}

impl VisitSpans for Literal {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        match self {
            Literal::Number(n) => n.spans_mut(f),
            Literal::Bool { value: _, span } => f(span),
        }
    }
}

impl VisitSpans for Date {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let Date { value: _, span } = self;
        f(span)
    }
}

impl VisitSpans for Decl {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        match self {
            Decl::Role(t) | Decl::Version(t) => t.spans_mut(f),
            Decl::Period(i) | Decl::Main(i) => i.spans_mut(f),
            Decl::Total(n) => n.spans_mut(f),
            Decl::Effective(e) => e.spans_mut(f),
            Decl::Input(i) => i.spans_mut(f),
            Decl::Param(p) => p.spans_mut(f),
            Decl::Section(s) => s.spans_mut(f),
            Decl::Adjustment(a) => a.spans_mut(f),
            Decl::Grade(g) => g.spans_mut(f),
            Decl::Band(b) => b.spans_mut(f),
            Decl::Output(o) => o.spans_mut(f),
            Decl::Hooks(h) => h.spans_mut(f),
            Decl::Override(o) => o.spans_mut(f),
            Decl::Remove(r) => r.spans_mut(f),
            Decl::Rater(r) => r.spans_mut(f),
            Decl::Rank(r) => r.spans_mut(f),
            Decl::Limit(l) => l.spans_mut(f),
            Decl::Partial(p) => p.spans_mut(f),
            Decl::Require(r) => r.spans_mut(f),
            Decl::Ignore(i) => i.spans_mut(f),
            Decl::Round(r) => r.spans_mut(f),
        }
    }
}

impl VisitSpans for Effective {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let Effective { from, until, span } = self;
        from.spans_mut(f);
        until.spans_mut(f);
        f(span);
    }
}

impl VisitSpans for InputDecl {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
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
        } = self;
        name.spans_mut(f);
        f(ty_span);
        label.spans_mut(f);
        range.spans_mut(f);
        default.spans_mut(f);
        optional.spans_mut(f);
        rollup.spans_mut(f);
        f(span);
    }
}

impl VisitSpans for RangeSpec {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let RangeSpec { low, high, span } = self;
        low.spans_mut(f);
        high.spans_mut(f);
        f(span);
    }
}

impl VisitSpans for RollupSpec {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let RollupSpec { rule, args, span } = self;
        rule.spans_mut(f);
        if let Some((a, b)) = args {
            a.spans_mut(f);
            b.spans_mut(f);
        }
        f(span);
    }
}

impl VisitSpans for ParamDecl {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let ParamDecl {
            name,
            value,
            label,
            span,
        } = self;
        name.spans_mut(f);
        value.spans_mut(f);
        label.spans_mut(f);
        f(span);
    }
}

impl VisitSpans for Section {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let Section {
            name,
            label,
            weight,
            scaled,
            items,
            span,
        } = self;
        name.spans_mut(f);
        label.spans_mut(f);
        weight.spans_mut(f);
        scaled.spans_mut(f);
        items.spans_mut(f);
        f(span);
    }
}

impl VisitSpans for Item {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let Item {
            name,
            label,
            points,
            rules,
            span,
        } = self;
        name.spans_mut(f);
        label.spans_mut(f);
        points.spans_mut(f);
        rules.spans_mut(f);
        f(span);
    }
}

impl VisitSpans for Rule {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        match self {
            Rule::Deduction(d) => d.spans_mut(f),
            Rule::Tiers(t) => t.spans_mut(f),
            Rule::PassFail(p) => p.spans_mut(f),
            Rule::Late(l) => l.spans_mut(f),
            Rule::Score(e) => e.spans_mut(f),
            Rule::Rated(r) => r.spans_mut(f),
        }
    }
}

impl VisitSpans for Deduction {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let Deduction {
            amount,
            per,
            label,
            span,
        } = self;
        amount.spans_mut(f);
        per.spans_mut(f);
        label.spans_mut(f);
        f(span);
    }
}

impl<O: VisitSpans> VisitSpans for TierTable<O> {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let TierTable {
            subject,
            rows,
            span,
        } = self;
        subject.spans_mut(f);
        rows.spans_mut(f);
        f(span);
    }
}

impl<O: VisitSpans> VisitSpans for Tier<O> {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let Tier {
            guard,
            outcome,
            span,
        } = self;
        guard.spans_mut(f);
        outcome.spans_mut(f);
        f(span);
    }
}

impl VisitSpans for Guard {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        match self {
            Guard::Compare { op: _, threshold } => threshold.spans_mut(f),
            Guard::Else(span) => f(span),
            Guard::Top { threshold, span } => {
                threshold.spans_mut(f);
                f(span);
            }
        }
    }
}

impl VisitSpans for ItemOutcome {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        match self {
            ItemOutcome::Full(span) => f(span),
            ItemOutcome::Minus(n) | ItemOutcome::Fixed(n) => n.spans_mut(f),
            ItemOutcome::Formula(e) => e.spans_mut(f),
        }
    }
}

impl VisitSpans for PassFail {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let PassFail {
            kind: _,
            condition,
            otherwise,
            span,
        } = self;
        condition.spans_mut(f);
        otherwise.spans_mut(f);
        f(span);
    }
}

impl VisitSpans for LateRule {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let LateRule {
            input,
            missing,
            per_day,
            span,
        } = self;
        input.spans_mut(f);
        missing.spans_mut(f);
        per_day.spans_mut(f);
        f(span);
    }
}

impl VisitSpans for Adjustment {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let Adjustment {
            kind: _,
            name,
            label,
            cap,
            lines,
            span,
        } = self;
        name.spans_mut(f);
        label.spans_mut(f);
        cap.spans_mut(f);
        lines.spans_mut(f);
        f(span);
    }
}

impl VisitSpans for Grade {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let Grade { table, span } = self;
        table.spans_mut(f);
        f(span);
    }
}

impl VisitSpans for Band {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let Band {
            name,
            label,
            table,
            span,
        } = self;
        name.spans_mut(f);
        label.spans_mut(f);
        table.spans_mut(f);
        f(span);
    }
}

impl VisitSpans for Output {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let Output {
            name,
            label,
            ty,
            expr,
            span,
        } = self;
        name.spans_mut(f);
        label.spans_mut(f);
        ty.spans_mut(f);
        expr.spans_mut(f);
        f(span);
    }
}

impl VisitSpans for RoundDecl {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let RoundDecl {
            step,
            when: _,
            span,
        } = self;
        step.spans_mut(f);
        f(span);
    }
}

impl VisitSpans for RequireDecl {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let RequireDecl {
            condition,
            message,
            span,
        } = self;
        condition.spans_mut(f);
        message.spans_mut(f);
        f(span);
    }
}

impl VisitSpans for IgnoreDecl {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let IgnoreDecl { columns, span } = self;
        columns.spans_mut(f);
        f(span);
    }
}

impl VisitSpans for HooksDecl {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let HooksDecl {
            path,
            functions,
            span,
        } = self;
        path.spans_mut(f);
        functions.spans_mut(f);
        f(span);
    }
}

impl VisitSpans for HookSig {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let HookSig {
            name,
            params,
            result,
            label,
            span,
        } = self;
        name.spans_mut(f);
        params.spans_mut(f);
        result.spans_mut(f);
        label.spans_mut(f);
        f(span);
    }
}

impl VisitSpans for Expr {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let Expr { kind, span } = self;
        match kind {
            ExprKind::Number(n) => n.spans_mut(f),
            ExprKind::Bool(_) => {}
            ExprKind::Name(n) => n.spans_mut(f),
            ExprKind::Unary { op: _, operand } => operand.spans_mut(f),
            ExprKind::Binary { op: _, lhs, rhs } => {
                lhs.spans_mut(f);
                rhs.spans_mut(f);
            }
            ExprKind::If {
                condition,
                then,
                otherwise,
            } => {
                condition.spans_mut(f);
                then.spans_mut(f);
                otherwise.spans_mut(f);
            }
            ExprKind::Call { function, args } => {
                function.spans_mut(f);
                args.spans_mut(f);
            }
        }
        f(span);
    }
}

impl VisitSpans for Override {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let Override { target, span } = self;
        match target {
            OverrideTarget::Decl(decl) => decl.spans_mut(f),
            OverrideTarget::Section(patch) => patch.spans_mut(f),
            OverrideTarget::Item(patch) => patch.spans_mut(f),
        }
        f(span);
    }
}

impl VisitSpans for SectionPatch {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let SectionPatch {
            name,
            label,
            weight,
            scaled,
            items,
            span,
        } = self;
        name.spans_mut(f);
        label.spans_mut(f);
        weight.spans_mut(f);
        scaled.spans_mut(f);
        items.spans_mut(f);
        f(span);
    }
}

impl VisitSpans for ItemPatch {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let ItemPatch {
            name,
            label,
            points,
            rules,
            span,
        } = self;
        name.spans_mut(f);
        label.spans_mut(f);
        points.spans_mut(f);
        rules.spans_mut(f);
        f(span);
    }
}

impl VisitSpans for Remove {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let Remove {
            kind: _,
            name,
            span,
        } = self;
        name.spans_mut(f);
        f(span);
    }
}

impl VisitSpans for RaterDecl {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let RaterDecl { name, label, span } = self;
        name.spans_mut(f);
        label.spans_mut(f);
        f(span);
    }
}

impl VisitSpans for RatedRule {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let RatedRule {
            raters,
            combine,
            span,
        } = self;
        raters.spans_mut(f);
        combine.spans_mut(f);
        f(span);
    }
}

impl VisitSpans for RatedBy {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let RatedBy {
            rater,
            weight,
            span,
        } = self;
        rater.spans_mut(f);
        weight.spans_mut(f);
        f(span);
    }
}

impl VisitSpans for RankDecl {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let RankDecl {
            name,
            label,
            by,
            lowest_first,
            within,
            ties,
            span,
        } = self;
        name.spans_mut(f);
        label.spans_mut(f);
        by.spans_mut(f);
        lowest_first.spans_mut(f);
        within.spans_mut(f);
        ties.spans_mut(f);
        f(span);
    }
}

impl VisitSpans for LimitDecl {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let LimitDecl {
            grade,
            share,
            within,
            by,
            ties,
            span,
        } = self;
        grade.spans_mut(f);
        share.spans_mut(f);
        within.spans_mut(f);
        by.spans_mut(f);
        ties.spans_mut(f);
        f(span);
    }
}

impl VisitSpans for PartialDecl {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let PartialDecl {
            rule,
            minimum,
            span,
        } = self;
        rule.spans_mut(f);
        minimum.spans_mut(f);
        f(span);
    }
}
