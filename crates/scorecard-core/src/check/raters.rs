//! Rated items: `rated by 自评, 经理, 审核 combine override`.
//!
//! Each rater's rating of an item is an optional `rating` input named
//! `ITEM.RATER` (`工作类.经理`, or by the rater's label, `工作类.部门经理评分`),
//! bounded by the item's points, so a rating above the item's points is a bad
//! cell reported by row and column, and a blank cell means "did not rate".

use super::model::{BaseRule, Combine, Input, Rated, RaterSlot};
use super::symbols::Symbol;
use super::Checker;
use crate::diagnostic::{Code, Diagnostic};
use crate::syntax::ast::{self, Decl, LitUnit};
use crate::t;
use crate::value::{format_decimal, InputType};
use rust_decimal::Decimal;

impl Checker<'_> {
    pub(super) fn rated(&mut self, item: &ast::Item, rule: &ast::RatedRule) -> Option<BaseRule> {
        let combine = match rule.combine.name.as_str() {
            "override" => Some(Combine::Override),
            "mean" => Some(Combine::Mean),
            "weighted" => Some(Combine::Weighted),
            other => {
                let d = Diagnostic::error(Code::BadRating, t!("unknown-combine", name = other))
                    .label(rule.combine.span, t!("unknown-rule"))
                    .help(t!("unknown-combine-help"));
                self.report(d);
                None
            }
        };
        let mut ok = combine.is_some();
        let mut raters: Vec<(usize, &ast::RatedBy)> = Vec::new();
        for by in &rule.raters {
            match self.rater_named(&by.rater) {
                Some(index) => {
                    if let Some((_, first)) = raters.iter().find(|(i, _)| *i == index) {
                        let d = Diagnostic::error(
                            Code::BadRating,
                            t!("rates-twice", name = &by.rater.name),
                        )
                        .label(by.rater.span, t!("again-here"))
                        .label(first.rater.span, t!("field-twice-first"));
                        self.report(d);
                        ok = false;
                    } else {
                        raters.push((index, by));
                    }
                }
                None => ok = false,
            }
        }
        if let Some(combine) = combine {
            ok &= self.rater_weights(combine, rule);
        }
        let combine = combine.filter(|_| ok)?;

        let points = item.points.value;
        let slots = raters
            .into_iter()
            .map(|(index, by)| {
                let (name, label) = self.rater_decl(index);
                let input = self.inputs.len();
                self.inputs.push(Input {
                    name: format!("{}.{name}", item.name.name),
                    label: label
                        .as_ref()
                        .filter(|l| **l != name)
                        .map(|l| format!("{}.{l}", item.name.name)),
                    ty: InputType::Rating,
                    range: Some((Decimal::ZERO, points)),
                    default: None,
                    optional: true,
                    span: by.span,
                });
                RaterSlot {
                    name,
                    label,
                    input,
                    weight: by.weight.as_ref().map(|w| w.value),
                }
            })
            .collect();
        Some(BaseRule::Rated(Rated {
            raters: slots,
            combine,
            span: rule.span,
        }))
    }

    fn rater_named(&mut self, name: &ast::Ident) -> Option<usize> {
        match self.symbols.get(&name.name) {
            Some(Symbol::Rater(i)) => Some(i),
            None => {
                let mut d =
                    Diagnostic::error(Code::UnknownName, t!("unknown-rater", name = &name.name))
                        .label(name.span, t!("unknown-rater-label"));
                d = match self.symbols.suggest(&name.name) {
                    Some(s) => d.help(t!("did-you-mean", name = s)),
                    None => d.help(t!("unknown-rater-help", name = &name.name)),
                };
                self.report(d);
                None
            }
            Some(other) => {
                let d = Diagnostic::error(
                    Code::BadRating,
                    t!("not-a-rater", name = &name.name, what = other.describe()),
                )
                .label(name.span, t!("not-a-rater-label"))
                .help(t!("not-a-rater-help"));
                self.report(d);
                None
            }
        }
    }

    /// The name and label of the `index`th `rater` declaration.
    fn rater_decl(&self, index: usize) -> (String, Option<String>) {
        self.decls
            .iter()
            .filter_map(|d| match d {
                Decl::Rater(r) => Some(r),
                _ => None,
            })
            .nth(index)
            .map(|r| {
                (
                    r.name.name.clone(),
                    r.label.as_ref().map(|l| l.value.clone()),
                )
            })
            .unwrap_or_default()
    }

    /// Weights belong to `combine weighted` only, one per rater, as shares
    /// adding up to 100%.
    fn rater_weights(&mut self, combine: Combine, rule: &ast::RatedRule) -> bool {
        if combine != Combine::Weighted {
            let weighted: Vec<_> = rule
                .raters
                .iter()
                .filter_map(|r| r.weight.as_ref())
                .collect();
            if let Some(first) = weighted.first() {
                let d = Diagnostic::error(
                    Code::BadRating,
                    t!("combine-no-weights", combine = combine.keyword()),
                )
                .label(first.span, t!("combine-no-weights-weight"))
                .label(rule.combine.span, t!("combine-no-weights-label"))
                .help(t!("combine-no-weights-help"));
                self.report(d);
                return false;
            }
            return true;
        }
        let mut ok = true;
        let mut sum = Decimal::ZERO;
        for by in &rule.raters {
            match &by.weight {
                None => {
                    let d = Diagnostic::error(
                        Code::BadRating,
                        t!("rater-no-weight", name = &by.rater.name),
                    )
                    .label(by.rater.span, t!("rater-no-weight-label"))
                    .help(t!("rater-no-weight-help"));
                    self.report(d);
                    ok = false;
                }
                Some(w) if w.unit != LitUnit::Percent || w.value <= Decimal::ZERO => {
                    let d = Diagnostic::error(Code::BadRating, t!("rater-weight-share"))
                        .label(w.span, t!("rater-weight-share-label"));
                    self.report(d);
                    ok = false;
                }
                Some(w) => sum += w.value,
            }
        }
        if ok && sum != Decimal::ONE {
            let d = Diagnostic::error(
                Code::BadRating,
                t!(
                    "rater-weights-sum",
                    sum = format_decimal(sum * Decimal::ONE_HUNDRED)
                ),
            )
            .label(rule.span, t!("rater-weights-sum-label"))
            .help(t!("rater-weights-sum-help"));
            self.report(d);
            ok = false;
        }
        ok
    }
}
