//! Roll-ups: how a quarterly (half-yearly, yearly) card's inputs add up
//! from monthly rows, and what happens to a period with months missing.
//!
//! A card rolls up when it declares `partial` or any input's `rollup`. Then
//! every input needs a rule: counts, days and money add up by default
//! (`sum`) and ratings average (`mean`); a percentage, a yes/no and a plain
//! number must say how, because the wrong default (averaging monthly rates,
//! summing training scores) is the classic spreadsheet slip. A rate is best
//! recomputed from its summed parts: `rollup ratio(解决数, 受理数)`.

use super::model::{InputRollup, Partial, PartialRule, RollupPlan, RollupRule};
use super::symbols::Symbol;
use super::Checker;
use crate::diagnostic::{Code, Diagnostic};
use crate::period::PeriodKind;
use crate::source::Span;
use crate::syntax::ast::{self, Decl, LitUnit};
use crate::t;
use crate::value::{InputType, Type};
use rust_decimal::prelude::ToPrimitive;

impl Checker<'_> {
    pub(super) fn rollup_plan(
        &mut self,
        card: &ast::Card,
        period: Option<&str>,
    ) -> Option<RollupPlan> {
        let input_decls: Vec<&ast::InputDecl> = card
            .decls
            .iter()
            .filter_map(|d| match d {
                Decl::Input(i) => Some(i),
                _ => None,
            })
            .collect();
        let partial_decl = card.decls.iter().find_map(|d| match d {
            Decl::Partial(p) => Some(p),
            _ => None,
        });
        let first_rollup = input_decls.iter().find_map(|i| i.rollup.as_ref());
        let rolls_up_at = partial_decl
            .map(|p| p.span)
            .or(first_rollup.map(|r| r.span))?;

        let kind = period.and_then(PeriodKind::from_card);
        let kind = match kind {
            Some(kind) if kind != PeriodKind::Month => Some(kind),
            _ => {
                let d = Diagnostic::error(Code::BadRollup, t!("rollup-needs-period"))
                    .label(rolls_up_at, t!("rollup-needs-period-label"))
                    .help(t!("rollup-needs-period-help"));
                self.report(d);
                None
            }
        };
        let partial = match partial_decl {
            Some(p) => self.partial(p, kind),
            None => {
                let d = Diagnostic::error(Code::BadRollup, t!("rollup-no-partial"))
                    .label(card.name.span, t!("no-total-label"))
                    .help(t!("rollup-no-partial-help"));
                self.report(d);
                None
            }
        };

        let mut rules = Vec::with_capacity(self.inputs.len());
        for (i, input) in self.inputs.clone().iter().enumerate() {
            let spec = input_decls.get(i).and_then(|d| d.rollup.as_ref());
            let rule = match spec {
                Some(spec) => self.rollup_rule(input.ty, &input.name, spec),
                None => self.default_rollup(input.ty, &input.name, input.span),
            };
            rules.push(rule);
        }
        // `ratio` reads its parts' sums, so the parts must add up.
        for (i, rule) in rules.iter().enumerate() {
            let Some(InputRollup {
                rule:
                    RollupRule::Ratio {
                        numerator,
                        denominator,
                    },
                span: Some(span),
            }) = rule
            else {
                continue;
            };
            for part in [*numerator, *denominator] {
                if let Some(Some(InputRollup { rule: other, .. })) = rules.get(part) {
                    if *other != RollupRule::Sum {
                        let d = Diagnostic::error(
                            Code::BadRollup,
                            t!(
                                "ratio-part-not-sum",
                                name = &self.inputs[i].name,
                                part = &self.inputs[part].name,
                                rule = other.keyword()
                            ),
                        )
                        .label(*span, t!("ratio-part-not-sum-label"))
                        .label(self.inputs[part].span, t!("declared-here"));
                        self.report(d);
                    }
                }
            }
        }
        let rules: Option<Vec<InputRollup>> = rules.into_iter().collect();
        Some(RollupPlan {
            period: kind?,
            inputs: rules?,
            partial: partial?,
        })
    }

    fn partial(&mut self, decl: &ast::PartialDecl, kind: Option<PeriodKind>) -> Option<Partial> {
        let rule = match decl.rule.name.as_str() {
            "skip" => PartialRule::Skip,
            "score" => PartialRule::Score,
            "prorate" => PartialRule::Prorate,
            other => {
                let d = Diagnostic::error(Code::BadRollup, t!("unknown-partial", name = other))
                    .label(decl.rule.span, t!("unknown-rule"))
                    .help(t!("unknown-partial-help"));
                self.report(d);
                return None;
            }
        };
        let months = kind?.months();
        let minimum = match (&decl.minimum, rule) {
            (None, PartialRule::Skip) => months,
            (None, _) => 1,
            (Some(n), PartialRule::Skip) => {
                let d = Diagnostic::error(Code::BadRollup, t!("skip-no-minimum"))
                    .label(n.span, t!("skip-no-minimum-label"))
                    .help(t!("skip-no-minimum-help"));
                self.report(d);
                return None;
            }
            (Some(n), _) => {
                let whole = n.unit == LitUnit::None && n.value.fract().is_zero();
                let value = whole.then(|| n.value.to_u32()).flatten();
                match value.filter(|m| (1..=months).contains(m)) {
                    Some(m) => m,
                    None => {
                        let d = Diagnostic::error(
                            Code::BadRollup,
                            t!("minimum-months", months = months),
                        )
                        .label(n.span, t!("minimum-months-label"));
                        self.report(d);
                        return None;
                    }
                }
            }
        };
        Some(Partial {
            rule,
            minimum,
            span: decl.span,
        })
    }

    fn rollup_rule(
        &mut self,
        ty: InputType,
        name: &str,
        spec: &ast::RollupSpec,
    ) -> Option<InputRollup> {
        let word = spec.rule.name.as_str();
        let rule = match (word, &spec.args) {
            ("ratio", Some((n, d))) => {
                let numerator = self.ratio_part(n)?;
                let denominator = self.ratio_part(d)?;
                if numerator == denominator {
                    self.rollup_problem(spec.span, t!("ratio-same-parts"), None);
                    return None;
                }
                let (tn, td) = (self.inputs[numerator].ty, self.inputs[denominator].ty);
                if tn.value_type() != td.value_type() {
                    self.rollup_problem(
                        spec.span,
                        t!(
                            "ratio-unlike-parts",
                            numerator = &n.name,
                            tn = tn.keyword(),
                            denominator = &d.name,
                            td = td.keyword()
                        ),
                        None,
                    );
                    return None;
                }
                RollupRule::Ratio {
                    numerator,
                    denominator,
                }
            }
            ("ratio", None) => {
                self.rollup_problem(
                    spec.span,
                    t!("ratio-needs-parts"),
                    Some(t!("ratio-needs-parts-help")),
                );
                return None;
            }
            (_, Some(_)) => {
                self.rollup_problem(spec.span, t!("rollup-takes-no-parts", rule = word), None);
                return None;
            }
            ("sum", None) => RollupRule::Sum,
            ("mean", None) => RollupRule::Mean,
            ("last", None) => RollupRule::Last,
            ("all", None) => RollupRule::All,
            ("any", None) => RollupRule::Any,
            (other, None) => {
                self.rollup_problem(
                    spec.rule.span,
                    t!("unknown-rollup", name = other),
                    Some(t!("unknown-rollup-help")),
                );
                return None;
            }
        };
        if let Some((problem, help)) = misfit(rule, ty) {
            self.rollup_problem(
                spec.span,
                t!(
                    "rollup-misfit",
                    name = name,
                    kind = article(ty),
                    problem = problem
                ),
                Some(help),
            );
            return None;
        }
        Some(InputRollup {
            rule,
            span: Some(spec.span),
        })
    }

    /// Counts, days and money add up; ratings average. Others must be declared.
    fn default_rollup(&mut self, ty: InputType, name: &str, span: Span) -> Option<InputRollup> {
        let rule = match ty {
            InputType::Count | InputType::Days | InputType::Money => RollupRule::Sum,
            InputType::Rating => RollupRule::Mean,
            InputType::Percent | InputType::Bool | InputType::Number => {
                let help = match ty {
                    InputType::Percent => t!("no-rollup-help-percent"),
                    InputType::Bool => t!("no-rollup-help-bool"),
                    _ => t!("no-rollup-help-number"),
                };
                let d = Diagnostic::error(Code::BadRollup, t!("no-rollup", name = name))
                    .label(span, t!("no-rollup-label", kind = article(ty)))
                    .help(help);
                self.report(d);
                return None;
            }
        };
        Some(InputRollup { rule, span: None })
    }

    fn ratio_part(&mut self, name: &ast::Ident) -> Option<usize> {
        let index = match self.symbols.get(&name.name) {
            Some(Symbol::Input(i)) => i,
            _ => {
                self.input_named(name)?;
                return None;
            }
        };
        let ty = self.inputs[index].ty;
        if !matches!(ty.value_type(), Type::Num(_))
            || ty == InputType::Percent
            || ty == InputType::Rating
        {
            self.rollup_problem(
                name.span,
                t!("ratio-part-kind", name = &name.name, kind = article(ty)),
                Some(t!("ratio-part-kind-help")),
            );
            return None;
        }
        Some(index)
    }

    fn rollup_problem(&mut self, span: Span, message: String, help: Option<String>) {
        let mut d = Diagnostic::error(Code::BadRollup, message).label(span, t!("here"));
        if let Some(help) = help {
            d = d.help(help);
        }
        self.report(d);
    }
}

/// Why `rule` cannot roll up an input of type `ty`, if it cannot, and what to write instead.
fn misfit(rule: RollupRule, ty: InputType) -> Option<(String, String)> {
    Some(match (rule, ty) {
        (RollupRule::Last, _) | (RollupRule::All | RollupRule::Any, InputType::Bool) => {
            return None
        }
        (RollupRule::All | RollupRule::Any, _) => (t!("misfit-all-any"), t!("misfit-all-any-help")),
        (_, InputType::Bool) => (t!("misfit-bool"), t!("misfit-bool-help")),
        (RollupRule::Sum, InputType::Percent) => {
            (t!("misfit-sum-percent"), t!("misfit-sum-percent-help"))
        }
        (RollupRule::Sum, InputType::Rating) => {
            (t!("misfit-sum-rating"), t!("misfit-sum-rating-help"))
        }
        (RollupRule::Mean, InputType::Count | InputType::Days) => {
            (t!("misfit-mean-count"), t!("misfit-mean-count-help"))
        }
        (RollupRule::Ratio { .. }, other) if other != InputType::Percent => {
            (t!("misfit-ratio"), t!("misfit-ratio-help"))
        }
        _ => return None,
    })
}

/// An input type as a noun: "a percent", "a yes/no" (`percent` 类型).
fn article(ty: InputType) -> String {
    t!(
        "input-of-kind",
        kind = kind_word(ty),
        keyword = ty.keyword()
    )
}

/// An input type in English prose ("a yes/no input"); Chinese quotes the keyword.
pub(super) fn kind_word(ty: InputType) -> &'static str {
    match ty {
        InputType::Bool => "yes/no",
        other => other.keyword(),
    }
}
