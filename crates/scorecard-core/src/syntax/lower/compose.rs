//! Composition: `extends`, `override_decl`, `override_section`,
//! `override_item`, `remove_decl`.

use super::words::{ident, text};
use super::{last_child, only_child, span, unexpected, Children, Lower, Lowered, Pair};
use crate::syntax::ast::{self, OverrideTarget, RemoveKind};
use crate::syntax::parser::Rule;

impl Lower {
    /// `extends = { kw_extends ~ text }`
    pub(super) fn extends(&mut self, pair: Pair) -> Lowered<ast::Text> {
        Ok(text(Children::of(pair).required(Rule::text)?))
    }

    /// `override_decl = { kw_override ~ (override_section | override_item | role | … | output) }`
    pub(super) fn override_decl(&mut self, pair: Pair) -> Lowered<ast::Override> {
        let span = span(&pair);
        let inner = last_child(pair)?;
        let target = match inner.as_rule() {
            Rule::override_section => OverrideTarget::Section(self.override_section(inner)?),
            Rule::override_item => OverrideTarget::Item(self.override_item(inner)?),
            _ => OverrideTarget::Decl(Box::new(self.declaration(inner)?)),
        };
        Ok(ast::Override { target, span })
    }

    /// `override_section = { kw_section ~ ident ~ text? ~ (kw_weight ~ number ~ kw_scaled?)? ~ (lbrace ~ (item | ";")* ~ section_end)? }`
    fn override_section(&mut self, pair: Pair) -> Lowered<ast::SectionPatch> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let name = ident(c.required(Rule::ident)?);
        let label = c.optional(Rule::text).map(text);
        let weight = c
            .optional(Rule::number)
            .map(|p| self.number(p))
            .transpose()?;
        let scaled = c.optional(Rule::kw_scaled).map(|p| self::span(&p));
        let items = c.all_noted(Rule::item, |notes, p| {
            let item = self.item(p)?;
            self.attach(notes, item.span);
            Ok(item)
        })?;
        Ok(ast::SectionPatch {
            name,
            label,
            weight,
            scaled,
            items,
            span,
        })
    }

    /// `override_item = { kw_item ~ ident ~ text? ~ number? ~ (lbrace ~ (item_rule | ";")* ~ item_end)? }`
    fn override_item(&mut self, pair: Pair) -> Lowered<ast::ItemPatch> {
        let span = span(&pair);
        // `{ }` with nothing inside still replaces the rules (the item then
        // scores full), so whether a block is written at all matters.
        let has_block = pair
            .clone()
            .into_inner()
            .any(|p| p.as_rule() == Rule::item_end);
        let mut c = Children::of(pair);
        let name = ident(c.required(Rule::ident)?);
        let label = c.optional(Rule::text).map(text);
        let points = c
            .optional(Rule::number)
            .map(|p| self.number(p))
            .transpose()?;
        let rules = c.all_noted(Rule::item_rule, |notes, p| {
            let rule = self.item_rule(p)?;
            self.attach(notes, rule.span());
            Ok(rule)
        })?;
        Ok(ast::ItemPatch {
            name,
            label,
            points,
            rules: has_block.then_some(rules),
            span,
        })
    }

    /// `remove_decl = { kw_remove ~ (kw_grade | remove_kind ~ ident) }`
    pub(super) fn remove_decl(&mut self, pair: Pair) -> Lowered<ast::Remove> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        if c.optional(Rule::kw_grade).is_some() {
            return Ok(ast::Remove {
                kind: RemoveKind::Grade,
                name: None,
                span,
            });
        }
        let kind = remove_kind(c.required(Rule::remove_kind)?)?;
        let name = ident(c.required(Rule::ident)?);
        Ok(ast::Remove {
            kind,
            name: Some(name),
            span,
        })
    }
}

/// `remove_kind = { kw_item | kw_section | kw_input | kw_param | kw_bonus | kw_penalty | kw_band | kw_output }`
fn remove_kind(pair: Pair) -> Lowered<RemoveKind> {
    let keyword = only_child(pair)?;
    Ok(match keyword.as_rule() {
        Rule::kw_item => RemoveKind::Item,
        Rule::kw_section => RemoveKind::Section,
        Rule::kw_input => RemoveKind::Input,
        Rule::kw_param => RemoveKind::Param,
        Rule::kw_bonus => RemoveKind::Bonus,
        Rule::kw_penalty => RemoveKind::Penalty,
        Rule::kw_band => RemoveKind::Band,
        Rule::kw_output => RemoveKind::Output,
        _ => return Err(unexpected(&keyword)),
    })
}
