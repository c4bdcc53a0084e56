//! Raters and rated items, ranks, grade limits, and period roll-ups.

use super::words::{ident, text};
use super::{span, Children, Lower, Lowered, Pair};
use crate::diagnostic::{Code, Diagnostic};
use crate::source::Span;
use crate::syntax::ast;
use crate::syntax::parser::Rule;
use crate::t;

impl Lower {
    /// `rater = { kw_rater ~ ident ~ text? }`
    pub(super) fn rater(&mut self, pair: Pair) -> Lowered<ast::RaterDecl> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let name = ident(c.required(Rule::ident)?);
        let label = c.optional(Rule::text).map(text);
        Ok(ast::RaterDecl { name, label, span })
    }

    /// `rated = { kw_rated ~ kw_by ~ rated_by ~ (comma ~ rated_by)* ~ kw_combine ~ combine_rule }`
    pub(super) fn rated(&mut self, pair: Pair) -> Lowered<ast::RatedRule> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let raters = c.all(Rule::rated_by, |p| self.rated_by(p))?;
        let combine = ident(c.required(Rule::combine_rule)?);
        Ok(ast::RatedRule {
            raters,
            combine,
            span,
        })
    }

    /// `rated_by = { ident ~ number? }`
    fn rated_by(&mut self, pair: Pair) -> Lowered<ast::RatedBy> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let rater = ident(c.required(Rule::ident)?);
        let weight = c
            .optional(Rule::number)
            .map(|p| self.number(p))
            .transpose()?;
        Ok(ast::RatedBy {
            rater,
            weight,
            span,
        })
    }

    /// `rank = { kw_rank ~ ident ~ text? ~ kw_by ~ expr ~ rank_option* }`
    pub(super) fn rank(&mut self, pair: Pair) -> Lowered<ast::RankDecl> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let name = ident(c.required(Rule::ident)?);
        let label = c.optional(Rule::text).map(text);
        let by = self.expr(c.required(Rule::expr)?)?;
        let mut rank = ast::RankDecl {
            name,
            label,
            by,
            lowest_first: None,
            within: None,
            ties: None,
            span,
        };
        for option in c.all(Rule::rank_option, super::only_child)? {
            self.rank_option(&mut rank, option)?;
        }
        Ok(rank)
    }

    /// `rank_option = { lowest_first | within | ties }`
    fn rank_option(&mut self, rank: &mut ast::RankDecl, option: Pair) -> Lowered<()> {
        let at = span(&option);
        let name = rank.name.clone();
        match option.as_rule() {
            Rule::lowest_first => {
                self.rank_option_once(&mut rank.lowest_first, at, at, "lowest first", &name);
            }
            Rule::within => {
                let group = self.within(option)?;
                self.rank_option_once(&mut rank.within, group, at, "within", &name);
            }
            Rule::ties => {
                let rule = self.ties(option)?;
                self.rank_option_once(&mut rank.ties, rule, at, "ties", &name);
            }
            _ => return Err(super::unexpected(&option)),
        }
        Ok(())
    }

    /// Stores a rank option, or reports that it was already given.
    fn rank_option_once<T>(
        &mut self,
        slot: &mut Option<T>,
        value: T,
        at: Span,
        option: &str,
        rank: &ast::Ident,
    ) {
        if slot.is_some() {
            self.problems.push(
                Diagnostic::error(
                    Code::Syntax,
                    t!("option-twice-rank", option = option, name = &rank.name),
                )
                .label(at, t!("option-twice-label"))
                .help(t!("option-twice-help", option = option)),
            );
        } else {
            *slot = Some(value);
        }
    }

    /// `within = { kw_within ~ ident }`
    fn within(&mut self, pair: Pair) -> Lowered<ast::Ident> {
        Ok(ident(Children::of(pair).required(Rule::ident)?))
    }

    /// `ties = { kw_ties ~ (kw_push | ident) }`
    fn ties(&mut self, pair: Pair) -> Lowered<ast::Ident> {
        let mut c = Children::of(pair);
        match c.optional(Rule::kw_push) {
            Some(push) => Ok(ident(push)),
            None => Ok(ident(c.required(Rule::ident)?)),
        }
    }

    /// `limit = { kw_limit ~ grade_outcome ~ number ~ within? ~ kw_push ~ kw_down ~ kw_by ~ expr ~ ties? }`
    pub(super) fn limit(&mut self, pair: Pair) -> Lowered<ast::LimitDecl> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let grade =
            super::words::text_or_ident(super::only_child(c.required(Rule::grade_outcome)?)?)?;
        let share = self.number(c.required(Rule::number)?)?;
        let within = c
            .optional(Rule::within)
            .map(|p| self.within(p))
            .transpose()?;
        let by = self.expr(c.required(Rule::expr)?)?;
        let ties = c.optional(Rule::ties).map(|p| self.ties(p)).transpose()?;
        Ok(ast::LimitDecl {
            grade,
            share,
            within,
            by,
            ties,
            span,
        })
    }

    /// `input_rollup = { kw_rollup ~ ident ~ (lparen ~ ident ~ comma ~ ident ~ rparen)? }`
    pub(super) fn input_rollup(&mut self, pair: Pair) -> Lowered<ast::RollupSpec> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let rule = ident(c.required(Rule::ident)?);
        let args = match c.optional(Rule::ident) {
            Some(numerator) => Some((ident(numerator), ident(c.required(Rule::ident)?))),
            None => None,
        };
        Ok(ast::RollupSpec { rule, args, span })
    }

    /// `partial = { kw_partial ~ (kw_score | ident) ~ (kw_minimum ~ number ~ kw_months)? }`
    pub(super) fn partial(&mut self, pair: Pair) -> Lowered<ast::PartialDecl> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let rule = match c.optional(Rule::kw_score) {
            Some(score) => ident(score),
            None => ident(c.required(Rule::ident)?),
        };
        let minimum = c
            .optional(Rule::number)
            .map(|p| self.number(p))
            .transpose()?;
        Ok(ast::PartialDecl {
            rule,
            minimum,
            span,
        })
    }
}
