//! Ranks and grade limits, and the order they impose on evaluation.
//!
//! A row is first scored on its own: items, sections, the total, and every
//! band and output that reads no rank. Then, across all rows, ranks are
//! worked out; then the bands and outputs that read a rank (directly or
//! through another band or output); then the grade, and last the grade
//! limits (forced distribution). The checker marks what waits for ranks and
//! refuses a rank that would have to know itself: what is ranked may not
//! read any rank.

use super::expr::Context;
use super::model::{
    Derived, DerivedRule, Expr, ExprKind, GradeLimit, Grouping, LimitTies, Rank, RankStage,
    TieRule, TierTable,
};
use super::Checker;
use crate::diagnostic::{Code, Diagnostic};
use crate::source::Span;
use crate::syntax::ast::{self, Decl, LitUnit};
use crate::t;
use crate::value::Type;
use rust_decimal::Decimal;
use std::sync::Arc;

impl Checker<'_> {
    pub(super) fn rank_stage(&mut self, grade: Option<&TierTable<Arc<str>>>) -> RankStage {
        mark_after_ranks(&mut self.derived);
        let decls: Vec<&ast::Decl> = self.decls.iter().collect();
        let mut ranks = Vec::new();
        for decl in &decls {
            if let Decl::Rank(rank) = decl {
                if let Some(rank) = self.rank(rank) {
                    ranks.push(rank);
                }
            }
        }
        let mut limits: Vec<GradeLimit> = Vec::new();
        for decl in &decls {
            if let Decl::Limit(limit) = decl {
                if let Some(limit) = self.limit(limit, grade) {
                    if let Some(earlier) = limits.iter().find(|l| l.grade_row == limit.grade_row) {
                        let d = Diagnostic::error(Code::BadRank, t!("limit-twice"))
                            .label(limit.span, t!("limit-twice-second"))
                            .label(earlier.span, t!("limit-twice-first"))
                            .help(t!("limit-twice-help"));
                        self.report(d);
                        continue;
                    }
                    limits.push(limit);
                }
            }
        }
        limits.sort_by_key(|l| l.grade_row);
        let grade_after_ranks = grade.is_some_and(|g| reads_ranks(&g.subject, &self.derived));
        RankStage {
            ranks,
            limits,
            grade_after_ranks,
        }
    }

    fn rank(&mut self, decl: &ast::RankDecl) -> Option<Rank> {
        let by = self.ranked_value(&decl.by, &t!("what-rank-noun"));
        let within = self.grouping(decl.within.as_ref());
        let ties = match &decl.ties {
            Some(ties) => match ties.name.as_str() {
                "shared" => Some(TieRule::Shared),
                "dense" => Some(TieRule::Dense),
                other => {
                    self.tie_rule_problem(
                        ties.span,
                        t!("rank-unknown-ties", name = other),
                        t!("rank-ties-help"),
                    );
                    None
                }
            },
            None => {
                self.tie_rule_problem(
                    decl.name.span,
                    t!("rank-no-ties", name = &decl.name.name),
                    t!("rank-ties-help"),
                );
                None
            }
        };
        let (by, by_type) = by?;
        if reads_ranks(&by, &self.derived) {
            let d = Diagnostic::error(
                Code::OutOfOrder,
                t!("rank-reads-rank", name = &decl.name.name),
            )
            .label(decl.by.span, t!("rank-reads-rank-label"))
            .help(t!("rank-reads-rank-help"));
            self.report(d);
            return None;
        }
        Some(Rank {
            name: decl.name.name.clone(),
            label: decl.label.as_ref().map(|l| l.value.clone()),
            by,
            by_type,
            lowest_first: decl.lowest_first.is_some(),
            within: within?,
            ties: ties?,
            span: decl.span,
        })
    }

    fn limit(
        &mut self,
        decl: &ast::LimitDecl,
        grade: Option<&TierTable<Arc<str>>>,
    ) -> Option<GradeLimit> {
        let by = self.ranked_value(&decl.by, &t!("what-grade-limit"));
        let within = self.grouping(decl.within.as_ref());
        let ties = match &decl.ties {
            Some(ties) => match ties.name.as_str() {
                "keep" => Some(LimitTies::Keep),
                "push" => Some(LimitTies::Push),
                other => {
                    self.tie_rule_problem(
                        ties.span,
                        t!("limit-unknown-ties", name = other),
                        t!("limit-ties-help"),
                    );
                    None
                }
            },
            None => {
                self.tie_rule_problem(decl.grade.span, t!("limit-no-ties"), t!("limit-ties-help"));
                None
            }
        };
        let share = decl.share.value;
        let share_ok =
            decl.share.unit == LitUnit::Percent && share > Decimal::ZERO && share < Decimal::ONE;
        if !share_ok {
            let d = Diagnostic::error(Code::BadRank, t!("limit-share"))
                .label(decl.share.span, t!("limit-share-label"));
            self.report(d);
        }
        let grade_row = self.limited_grade(decl, grade);
        let (by, by_type) = by?;
        Some(GradeLimit {
            grade_row: grade_row?,
            share,
            within: within?,
            by,
            by_type,
            ties: ties?,
            span: decl.span,
        })
        .filter(|_| share_ok)
    }

    /// The row of the grade table a limit applies to; not the last (there is
    /// nowhere to push down to).
    fn limited_grade(
        &mut self,
        decl: &ast::LimitDecl,
        grade: Option<&TierTable<Arc<str>>>,
    ) -> Option<usize> {
        let Some(table) = grade else {
            let has_grade = self.decls.iter().any(|d| matches!(d, Decl::Grade(_)));
            if !has_grade {
                let d = Diagnostic::error(Code::BadRank, t!("limit-needs-grade"))
                    .label(decl.grade.span, t!("limit-needs-grade-label"))
                    .help(t!("limit-needs-grade-help"));
                self.report(d);
            }
            return None;
        };
        let label = decl.grade.value.as_str();
        let Some(row) = table.rows.iter().position(|r| &*r.outcome == label) else {
            let labels: Vec<&str> = table.rows.iter().map(|r| &*r.outcome).collect();
            let d = Diagnostic::error(Code::BadRank, t!("unknown-grade", grade = label))
                .label(decl.grade.span, t!("unknown-grade-label"))
                .help(t!("unknown-grade-help", grades = labels.join(", ")));
            self.report(d);
            return None;
        };
        if row + 1 == table.rows.len() {
            let d = Diagnostic::error(Code::BadRank, t!("limit-lowest-grade", grade = label))
                .label(decl.grade.span, t!("limit-lowest-grade-label"))
                .label(table.rows[row].span, t!("limit-lowest-grade-row"));
            self.report(d);
            return None;
        }
        Some(row)
    }

    /// What a rank or limit orders rows by: a number, known from the row's own scores.
    fn ranked_value(&mut self, expr: &ast::Expr, what: &str) -> Option<(Expr, Type)> {
        let typed = self.expr(expr, Context::Derived)?;
        if !matches!(typed.ty, Type::Num(_)) {
            self.mismatch(
                expr.span,
                t!("ranked-not-number", what = what, ty = typed.ty.to_string()),
                None,
            );
            return None;
        }
        Some((typed.expr, typed.ty))
    }

    fn grouping(&mut self, within: Option<&ast::Ident>) -> Option<Grouping> {
        let Some(within) = within else {
            return Some(Grouping::All);
        };
        Some(match within.name.as_str() {
            "all" | "全部" => Grouping::All,
            "store" | "门店" => Grouping::Store,
            "brand" | "品牌" => Grouping::Brand,
            "region" | "区域" => Grouping::Region,
            other => {
                let d = Diagnostic::error(Code::BadRank, t!("unknown-grouping", name = other))
                    .label(within.span, t!("unknown-grouping-label"))
                    .help(t!("unknown-grouping-help"));
                self.report(d);
                return None;
            }
        })
    }

    fn tie_rule_problem(&mut self, span: Span, message: String, help: String) {
        let d = Diagnostic::error(Code::BadRank, message)
            .label(span, t!("here"))
            .help(help);
        self.report(d);
    }
}

/// Marks each band and output that reads a rank, directly or through
/// another one. `derived` is in dependency order, so one pass suffices.
fn mark_after_ranks(derived: &mut [Derived]) {
    for i in 0..derived.len() {
        let (before, rest) = derived.split_at_mut(i);
        let this = &mut rest[0];
        this.after_ranks = match &this.rule {
            DerivedRule::Output(expr) => reads_ranks(expr, before),
            DerivedRule::Band(table) => {
                reads_ranks(&table.subject, before)
                    || table.rows.iter().any(|r| reads_ranks(&r.outcome, before))
            }
        };
    }
}

/// Whether `expr` reads a rank, directly or through a band or output in `derived`.
pub(super) fn reads_ranks(expr: &Expr, derived: &[Derived]) -> bool {
    let mut found = false;
    expr.walk(&mut |e| {
        found |= match &e.kind {
            ExprKind::Rank(_) | ExprKind::GroupSize(_) | ExprKind::Top(_) => true,
            ExprKind::Derived(i) => derived.get(*i).is_some_and(|d| d.after_ranks),
            _ => false,
        };
    });
    found
}
