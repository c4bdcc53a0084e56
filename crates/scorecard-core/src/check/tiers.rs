//! Tier tables: ordered thresholds, first match wins, `else` last.
//!
//! The checker rejects tables whose rows are out of order, share a
//! threshold, can never fire, or have no `else`; it warns when a lower row
//! pays more than the row above it, which is nearly always a typo.

use super::expr::{Context, Typed};
use super::kinds::Measure;
use super::model::{Expr, ExprKind, TierRow, TierTable};
use super::Checker;
use crate::diagnostic::{Code, Diagnostic};
use crate::source::Span;
use crate::syntax::ast::{self, CmpOp, Guard};
use crate::t;
use crate::value::{format_decimal, Type, Unit, Value};
use rust_decimal::Decimal;

/// Which way a table's thresholds run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    /// `>=` / `>` rows: highest threshold first.
    Down,
    /// `<=` / `<` rows: lowest threshold first (ranks, days late).
    Up,
}

impl Checker<'_> {
    pub(super) fn tier_table<A, O>(
        &mut self,
        table: &ast::TierTable<A>,
        context: Context,
        mut outcome: impl FnMut(&mut Self, &A) -> Option<O>,
        value_of: impl Fn(&O) -> Option<Decimal>,
    ) -> Option<TierTable<O>> {
        let subject = self.tier_subject(table, context)?;
        let mut subject = self.top_subject(table, subject)?;
        let mut rows: Vec<TierRow<O>> = Vec::new();
        let mut ok = true;
        let mut direction: Option<(Direction, Span)> = None;
        let mut else_span: Option<Span> = None;
        for row in &table.rows {
            if let Some(earlier) = else_span {
                let d = Diagnostic::error(Code::TierUnreachable, t!("tier-after-else"))
                    .label(row.span, t!("tier-after-else-label"))
                    .label(earlier, t!("tier-after-else-else"))
                    .help(t!("tier-after-else-help"));
                self.report(d);
                ok = false;
                continue;
            }
            let compare = match &row.guard {
                Guard::Else(span) => {
                    else_span = Some(*span);
                    None
                }
                Guard::Compare { op, threshold } => Some((*op, threshold)),
                // `top 10%` is `<= 10%` on the rank's share, `top 3` is `<= 3` on its place.
                Guard::Top { threshold, .. } => Some((CmpOp::Le, threshold)),
            };
            let guard = match compare {
                None => None,
                Some((op, threshold)) => {
                    match self.threshold(
                        op,
                        threshold,
                        &mut subject,
                        row.span,
                        &mut direction,
                        &rows,
                    ) {
                        Some(guard) => Some(guard),
                        None => {
                            ok = false;
                            continue;
                        }
                    }
                }
            };
            match outcome(self, &row.outcome) {
                Some(o) => rows.push(TierRow {
                    guard,
                    outcome: o,
                    span: row.span,
                }),
                None => ok = false,
            }
        }
        if else_span.is_none() {
            let d = Diagnostic::error(Code::TierMissingElse, t!("tier-missing-else"))
                .label(table.span, t!("tier-missing-else-label"))
                .help(t!("tier-missing-else-help"));
            self.report(d);
            ok = false;
        }
        if ok {
            self.warn_rising(&rows, value_of);
        }
        ok.then(|| TierTable {
            subject: subject.expr,
            subject_type: subject.ty,
            rows,
            span: table.span,
        })
    }

    /// A table with `top` rows looks up a rank: `top 10%` rows read its share
    /// of the group (`top(名次)`), `top 3` rows its place.
    fn top_subject<A>(&mut self, table: &ast::TierTable<A>, subject: Typed) -> Option<Typed> {
        let tops: Vec<&ast::Expr> = table
            .rows
            .iter()
            .filter_map(|row| match &row.guard {
                Guard::Top { threshold, .. } => Some(threshold),
                _ => None,
            })
            .collect();
        let Some(first) = tops.first() else {
            return Some(subject);
        };
        let rank = match subject.expr.kind {
            ExprKind::Rank(r) | ExprKind::Top(r) => r,
            _ => {
                let d = Diagnostic::error(Code::BadRank, t!("top-needs-rank"))
                    .label(first.span, t!("top-needs-rank-row"))
                    .label(subject.expr.span, t!("top-needs-rank-label"))
                    .help(t!("top-needs-rank-help"));
                self.report(d);
                return None;
            }
        };
        let is_share = |e: &&ast::Expr| matches!(&e.kind, ast::ExprKind::Number(n) if n.unit == ast::LitUnit::Percent);
        let shares = tops.iter().filter(|t| is_share(t)).count();
        let by_share = shares > 0 || matches!(subject.expr.kind, ExprKind::Top(_));
        if by_share && shares < tops.len() {
            let place = tops
                .iter()
                .find(|t| !is_share(t))
                .map_or(first.span, |t| t.span);
            let d = Diagnostic::error(Code::BadRank, t!("top-mixes-kinds"))
                .label(place, t!("top-mixes-kinds-label"))
                .help(t!("top-mixes-kinds-help"));
            self.report(d);
            return None;
        }
        if matches!(subject.expr.kind, ExprKind::Rank(_)) && shares > 0 {
            return Some(Typed {
                expr: Expr {
                    kind: ExprKind::Top(rank),
                    span: subject.expr.span,
                },
                ty: Type::Num(Unit::Percent),
                flex: false,
                measure: Measure::Number,
            });
        }
        Some(subject)
    }

    fn tier_subject<A>(&mut self, table: &ast::TierTable<A>, context: Context) -> Option<Typed> {
        let Some(subject) = &table.subject else {
            // Only a grade may leave out `by`: it grades the total.
            return Some(Typed {
                expr: Expr {
                    kind: ExprKind::Total,
                    span: table.span,
                },
                ty: Type::Num(Unit::Plain),
                flex: false,
                measure: Measure::Number,
            });
        };
        let typed = self.expr(subject, context)?;
        if !matches!(typed.ty, Type::Num(_)) {
            self.mismatch(
                subject.span,
                t!("tier-subject-not-number", ty = typed.ty.to_string()),
                None,
            );
            return None;
        }
        Some(typed)
    }

    /// Checks one `>= threshold` guard against the rows above it. A ratio
    /// compared with a percentage is a percentage from then on (so the
    /// table's other rows must be percentages too, and it prints as one).
    fn threshold<O>(
        &mut self,
        op: CmpOp,
        threshold: &ast::Expr,
        subject: &mut Typed,
        row_span: Span,
        direction: &mut Option<(Direction, Span)>,
        above: &[TierRow<O>],
    ) -> Option<(CmpOp, Decimal)> {
        let this = match op {
            CmpOp::Ge | CmpOp::Gt => Direction::Down,
            CmpOp::Le | CmpOp::Lt => Direction::Up,
            CmpOp::Eq | CmpOp::Ne => {
                let d =
                    Diagnostic::error(Code::TierOrder, t!("tier-bad-comparison", op = op.symbol()))
                        .label(row_span, t!("here"))
                        .help(t!("tier-bad-comparison-help"));
                self.report(d);
                return None;
            }
        };
        let typed = self.expr(threshold, Context::ItemRule)?;
        let Some(Value::Num(value)) = typed.constant().cloned() else {
            let d = Diagnostic::error(Code::TierOrder, t!("tier-threshold-not-constant"))
                .label(threshold.span, t!("tier-threshold-not-constant-label"))
                .help(t!("tier-threshold-not-constant-help"));
            self.report(d);
            return None;
        };
        let joined = self.unify(subject, &typed, &t!("what-tier-subject-threshold"))?;
        subject.ty = joined.ty;
        subject.measure = joined.measure;
        match direction {
            Some((first, first_span)) if *first != this => {
                let d = Diagnostic::error(Code::TierOrder, t!("tier-mixed-direction"))
                    .label(row_span, t!("tier-mixed-direction-here", op = op.symbol()))
                    .label(*first_span, t!("tier-mixed-direction-first"))
                    .help(t!("tier-mixed-direction-help"));
                self.report(d);
                return None;
            }
            Some(_) => {}
            None => *direction = Some((this, row_span)),
        }
        self.order_against(this, op, value, subject.ty, threshold.span, above)?;
        Some((op, value))
    }

    /// A row is reachable only if the rows above leave some values for it.
    fn order_against<O>(
        &mut self,
        direction: Direction,
        op: CmpOp,
        value: Decimal,
        ty: Type,
        span: Span,
        above: &[TierRow<O>],
    ) -> Option<()> {
        let Some(prev) = above.last() else {
            return Some(());
        };
        let Some((prev_op, prev_value)) = prev.guard else {
            return Some(());
        };
        let show = |d: Decimal| match ty {
            Type::Num(Unit::Percent) => format!("{}%", format_decimal(d * Decimal::ONE_HUNDRED)),
            _ => format_decimal(d),
        };
        let out_of_order = match direction {
            Direction::Down => value > prev_value,
            Direction::Up => value < prev_value,
        };
        if out_of_order {
            let help = if direction == Direction::Down {
                t!("tier-order-help-highest")
            } else {
                t!("tier-order-help-lowest")
            };
            let d = Diagnostic::error(
                Code::TierOrder,
                t!("tier-order", value = show(value), above = show(prev_value)),
            )
            .label(span, t!("tier-never-applies"))
            .label(prev.span, t!("tier-order-above"))
            .help(help);
            self.report(d);
            return None;
        }
        // Equal thresholds: reachable only for `> x` above `>= x` (the single value x).
        let strict = |o: CmpOp| matches!(o, CmpOp::Gt | CmpOp::Lt);
        let only_the_threshold_left = strict(prev_op) && !strict(op);
        if value == prev_value && !only_the_threshold_left {
            let d = Diagnostic::error(Code::TierOverlap, t!("tier-overlap", value = show(value)))
                .label(span, t!("tier-never-applies"))
                .label(prev.span, t!("tier-overlap-label"))
                .help(t!("tier-overlap-help"));
            self.report(d);
            return None;
        }
        Some(())
    }

    /// A lower row that gives more than the row above it is nearly always a slip.
    fn warn_rising<O>(&mut self, rows: &[TierRow<O>], value_of: impl Fn(&O) -> Option<Decimal>) {
        for pair in rows.windows(2) {
            let (Some(upper), Some(lower)) =
                (value_of(&pair[0].outcome), value_of(&pair[1].outcome))
            else {
                continue;
            };
            if lower > upper {
                let d = Diagnostic::warning(
                    Code::Suspicious,
                    t!(
                        "tier-rising",
                        lower = format_decimal(lower),
                        upper = format_decimal(upper)
                    ),
                )
                .label(pair[1].span, t!("tier-rising-label"))
                .label(pair[0].span, t!("tier-rising-above"))
                .help(t!("tier-rising-help"));
                self.report(d);
            }
        }
    }
}
