//! Tier tables: the `guard : outcome` rows of item tiers, grades and bands.

use super::expr::cmp_op;
use super::words::{ident, text, text_or_ident};
use super::{next, only_child, span, unexpected, Children, Lower, Lowered, Pair};
use crate::source::Span;
use crate::syntax::ast::{self, Expr, ExprKind};
use crate::syntax::parser::Rule;

impl Lower {
    /// `guard = { cmp_op ~ arithmetic | top_guard | kw_else }`
    fn guard(&mut self, pair: Pair) -> Lowered<ast::Guard> {
        let mut children = pair.into_inner();
        let first = next(&mut children)?;
        match first.as_rule() {
            Rule::kw_else => Ok(ast::Guard::Else(span(&first))),
            Rule::top_guard => self.top_guard(first),
            Rule::cmp_op => Ok(ast::Guard::Compare {
                op: cmp_op(&first)?,
                threshold: self.threshold(next(&mut children)?)?,
            }),
            _ => Err(unexpected(&first)),
        }
    }

    /// `top_guard = { kw_top ~ arithmetic }`
    fn top_guard(&mut self, pair: Pair) -> Lowered<ast::Guard> {
        let span = span(&pair);
        let threshold = self.threshold(Children::of(pair).required(Rule::arithmetic)?)?;
        Ok(ast::Guard::Top { threshold, span })
    }

    /// A row of any tier table: `guard ~ colon ~ <outcome>`.
    pub(super) fn tier<O>(
        &mut self,
        pair: Pair,
        outcome_rule: Rule,
        outcome: fn(&mut Self, Pair) -> Lowered<O>,
    ) -> Lowered<ast::Tier<O>> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let guard = self.guard(c.required(Rule::guard)?)?;
        let outcome = outcome(self, c.required(outcome_rule)?)?;
        Ok(ast::Tier {
            guard,
            outcome,
            span,
        })
    }

    /// `grade = { kw_grade ~ (kw_by ~ expr)? ~ lbrace ~ ";"* ~ (grade_tier ~ ";"*)+ ~ table_end }`
    pub(super) fn grade(&mut self, pair: Pair) -> Lowered<ast::Grade> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let subject = c.optional(Rule::expr).map(|p| self.expr(p)).transpose()?;
        let rows = c.all_noted(Rule::grade_tier, |notes, p| {
            let row = self.grade_tier(p)?;
            self.attach(notes, row.span);
            Ok(row)
        })?;
        let table = ast::TierTable {
            subject,
            rows,
            span,
        };
        Ok(ast::Grade { table, span })
    }

    /// `grade_tier = { guard ~ colon ~ grade_outcome }`
    fn grade_tier(&mut self, pair: Pair) -> Lowered<ast::Tier<ast::GradeOutcome>> {
        self.tier(pair, Rule::grade_outcome, Self::grade_outcome)
    }

    /// `grade_outcome = { text | ident }`
    fn grade_outcome(&mut self, pair: Pair) -> Lowered<ast::GradeOutcome> {
        text_or_ident(only_child(pair)?)
    }

    /// `band = { kw_band ~ ident ~ text? ~ kw_by ~ expr ~ lbrace ~ ";"* ~ (band_tier ~ ";"*)+ ~ table_end }`
    pub(super) fn band(&mut self, pair: Pair) -> Lowered<ast::Band> {
        let span = span(&pair);
        // The table is everything from `by` to the closing `}`. (Found before
        // walking the children: looking for an optional label skips `by`.)
        let by = pair
            .clone()
            .into_inner()
            .find(|p| p.as_rule() == Rule::kw_by);
        let table_span = Span::new(by.map_or(span.start, |by| self::span(&by).start), span.end);
        let mut c = Children::of(pair);
        let name = ident(c.required(Rule::ident)?);
        let label = c.optional(Rule::text).map(text);
        let subject = Some(self.expr(c.required(Rule::expr)?)?);
        let rows = c.all_noted(Rule::band_tier, |notes, p| {
            let row = self.band_tier(p)?;
            self.attach(notes, row.span);
            Ok(row)
        })?;
        Ok(ast::Band {
            name,
            label,
            table: ast::TierTable {
                subject,
                rows,
                span: table_span,
            },
            span,
        })
    }

    /// `band_tier = { guard ~ colon ~ band_outcome }`
    fn band_tier(&mut self, pair: Pair) -> Lowered<ast::Tier<Expr>> {
        self.tier(pair, Rule::band_outcome, Self::band_outcome)
    }

    /// `band_outcome = { signed_number | group }`
    fn band_outcome(&mut self, pair: Pair) -> Lowered<Expr> {
        let inner = only_child(pair)?;
        match inner.as_rule() {
            Rule::signed_number => {
                let number = self.signed_number(inner)?;
                Ok(Expr {
                    span: number.span,
                    kind: ExprKind::Number(number),
                })
            }
            Rule::group => self.group(inner),
            _ => Err(unexpected(&inner)),
        }
    }
}
