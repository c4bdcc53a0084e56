//! Sections, items and the rules that score an item.

use super::words::{ident, text};
use super::{only_child, span, unexpected, Children, Lower, Lowered, Pair};
use crate::syntax::ast::{self, Expr};
use crate::syntax::parser::Rule;

impl Lower {
    /// `section = { kw_section ~ ident ~ text? ~ kw_weight ~ number ~ kw_scaled? ~ lbrace ~ (item | ";")* ~ section_end }`
    pub(super) fn section(&mut self, pair: Pair) -> Lowered<ast::Section> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let name = ident(c.required(Rule::ident)?);
        let label = c.optional(Rule::text).map(text);
        let weight = self.number(c.required(Rule::number)?)?;
        let scaled = c.optional(Rule::kw_scaled).map(|p| self::span(&p));
        let items = c.all_noted(Rule::item, |notes, p| {
            let item = self.item(p)?;
            self.attach(notes, item.span);
            Ok(item)
        })?;
        Ok(ast::Section {
            name,
            label,
            weight,
            scaled,
            items,
            span,
        })
    }

    /// `item = { kw_item ~ ident ~ text? ~ number ~ (lbrace ~ (item_rule | ";")* ~ item_end)? }`
    pub(super) fn item(&mut self, pair: Pair) -> Lowered<ast::Item> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let name = ident(c.required(Rule::ident)?);
        let label = c.optional(Rule::text).map(text);
        let points = self.number(c.required(Rule::number)?)?;
        let rules = c.all_noted(Rule::item_rule, |notes, p| {
            let rule = self.item_rule(p)?;
            self.attach(notes, rule.span());
            Ok(rule)
        })?;
        Ok(ast::Item {
            name,
            label,
            points,
            rules,
            span,
        })
    }

    /// `item_rule = { deduction | item_tiers | full_if | zero_if | late | score | rated }`
    pub(super) fn item_rule(&mut self, pair: Pair) -> Lowered<ast::Rule> {
        let inner = only_child(pair)?;
        Ok(match inner.as_rule() {
            Rule::deduction => ast::Rule::Deduction(self.deduction(inner)?),
            Rule::item_tiers => ast::Rule::Tiers(self.item_tiers(inner)?),
            Rule::full_if => ast::Rule::PassFail(self.full_if(inner)?),
            Rule::zero_if => ast::Rule::PassFail(self.zero_if(inner)?),
            Rule::late => ast::Rule::Late(self.late(inner)?),
            Rule::score => ast::Rule::Score(self.score(inner)?),
            Rule::rated => ast::Rule::Rated(self.rated(inner)?),
            _ => return Err(unexpected(&inner)),
        })
    }

    /// `deduction = { kw_minus ~ number ~ kw_per ~ ident ~ text? }`, and
    /// `bonus_line = { kw_plus ~ number ~ kw_per ~ ident ~ text? }` which reads the same.
    pub(super) fn deduction(&mut self, pair: Pair) -> Lowered<ast::Deduction> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let amount = self.number(c.required(Rule::number)?)?;
        let per = ident(c.required(Rule::ident)?);
        let label = c.optional(Rule::text).map(text);
        Ok(ast::Deduction {
            amount,
            per,
            label,
            span,
        })
    }

    /// `item_tiers = { kw_by ~ expr ~ lbrace ~ ";"* ~ (item_tier ~ ";"*)+ ~ table_end }`
    fn item_tiers(&mut self, pair: Pair) -> Lowered<ast::TierTable<ast::ItemOutcome>> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let subject = Some(self.expr(c.required(Rule::expr)?)?);
        let rows = c.all_noted(Rule::item_tier, |notes, p| {
            let row = self.item_tier(p)?;
            self.attach(notes, row.span);
            Ok(row)
        })?;
        Ok(ast::TierTable {
            subject,
            rows,
            span,
        })
    }

    /// `full_if = { kw_full ~ kw_if ~ expr ~ (kw_else ~ number)? }`
    fn full_if(&mut self, pair: Pair) -> Lowered<ast::PassFail> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let condition = self.expr(c.required(Rule::expr)?)?;
        let otherwise = c
            .optional(Rule::number)
            .map(|p| self.number(p))
            .transpose()?;
        Ok(ast::PassFail {
            kind: ast::PassFailKind::FullIf,
            condition,
            otherwise,
            span,
        })
    }

    /// `zero_if = { kw_zero ~ kw_if ~ expr }`
    fn zero_if(&mut self, pair: Pair) -> Lowered<ast::PassFail> {
        let span = span(&pair);
        let condition = self.expr(Children::of(pair).required(Rule::expr)?)?;
        Ok(ast::PassFail {
            kind: ast::PassFailKind::ZeroIf,
            condition,
            otherwise: None,
            span,
        })
    }

    /// `late = { kw_late ~ ident ~ lbrace ~ kw_missing ~ colon ~ number ~ ";"* ~ kw_minus ~ number ~ kw_per ~ kw_day ~ ";"* ~ block_end }`
    fn late(&mut self, pair: Pair) -> Lowered<ast::LateRule> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let input = ident(c.required(Rule::ident)?);
        let missing = self.number(c.required(Rule::number)?)?;
        let per_day = self.number(c.required(Rule::number)?)?;
        Ok(ast::LateRule {
            input,
            missing,
            per_day,
            span,
        })
    }

    /// `score = { kw_score ~ expr }`
    fn score(&mut self, pair: Pair) -> Lowered<Expr> {
        self.expr(Children::of(pair).required(Rule::expr)?)
    }

    /// `item_tier = { guard ~ colon ~ item_outcome }`
    fn item_tier(&mut self, pair: Pair) -> Lowered<ast::Tier<ast::ItemOutcome>> {
        self.tier(pair, Rule::item_outcome, Self::item_outcome)
    }

    /// `item_outcome = { kw_full | item_minus | number | group }`
    fn item_outcome(&mut self, pair: Pair) -> Lowered<ast::ItemOutcome> {
        use ast::ItemOutcome;
        let inner = only_child(pair)?;
        Ok(match inner.as_rule() {
            Rule::kw_full => ItemOutcome::Full(span(&inner)),
            Rule::item_minus => ItemOutcome::Minus(self.item_minus(inner)?),
            Rule::number => ItemOutcome::Fixed(self.number(inner)?),
            Rule::group => ItemOutcome::Formula(self.group(inner)?),
            _ => return Err(unexpected(&inner)),
        })
    }

    /// `item_minus = { kw_minus ~ number }`
    fn item_minus(&mut self, pair: Pair) -> Lowered<ast::Number> {
        self.number(Children::of(pair).required(Rule::number)?)
    }
}
