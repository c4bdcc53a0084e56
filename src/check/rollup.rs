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
                let d = Diagnostic::error(
                    Code::BadRollup,
                    "only a quarterly, half-yearly or yearly card rolls months up",
                )
                .label(rolls_up_at, "a roll-up rule")
                .help("declare the card's period: `period quarterly`");
                self.report(d);
                None
            }
        };
        let partial = match partial_decl {
            Some(p) => self.partial(p, kind),
            None => {
                let d = Diagnostic::error(
                    Code::BadRollup,
                    "this card rolls months up but does not say what happens when months are missing",
                )
                .label(card.name.span, "this card")
                .help("add `partial skip` (only complete periods are scored), `partial score minimum 2 months` (scored on the months there are) or `partial prorate minimum 2 months` (sums scaled up to the whole period)");
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
                            format!(
                                "`{}` is recomputed from `{}`, which rolls up by `{}`, not `sum`",
                                self.inputs[i].name,
                                self.inputs[part].name,
                                other.keyword()
                            ),
                        )
                        .label(*span, "a ratio of sums")
                        .label(self.inputs[part].span, "declared here");
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
                let d = Diagnostic::error(
                    Code::BadRollup,
                    format!("`{other}` is not a rule for partial periods"),
                )
                .label(decl.rule.span, "unknown rule")
                .help("write `partial skip`, `partial score` or `partial prorate`, with `minimum N months` for the last two");
                self.report(d);
                return None;
            }
        };
        let months = kind?.months();
        let minimum = match (&decl.minimum, rule) {
            (None, PartialRule::Skip) => months,
            (None, _) => 1,
            (Some(n), PartialRule::Skip) => {
                let d = Diagnostic::error(Code::BadRollup, "`partial skip` takes no minimum")
                    .label(n.span, "a minimum")
                    .help("`skip` scores complete periods only; to score periods with some months, write `partial score minimum N months`");
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
                            format!("the minimum is a whole number of months from 1 to {months}"),
                        )
                        .label(n.span, "not a number of months in the period");
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
                    self.rollup_problem(
                        spec.span,
                        "a ratio's two parts must be different inputs".into(),
                        None,
                    );
                    return None;
                }
                let (tn, td) = (self.inputs[numerator].ty, self.inputs[denominator].ty);
                if tn.value_type() != td.value_type() {
                    self.rollup_problem(
                        spec.span,
                        format!(
                            "`{}` is {tn} but `{}` is {td}; a rate divides like by like",
                            n.name, d.name
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
                self.rollup_problem(spec.span, "`ratio` names its two parts".into(), Some("write `rollup ratio(解决数, 受理数)`: the sum of the first over the sum of the second"));
                return None;
            }
            (_, Some(_)) => {
                self.rollup_problem(
                    spec.span,
                    format!("`{word}` takes no parts; only `ratio(…, …)` does"),
                    None,
                );
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
                    format!("`{other}` is not a roll-up rule"),
                    Some(
                        "the rules are sum, mean, last, all, any and ratio(numerator, denominator)",
                    ),
                );
                return None;
            }
        };
        if let Some((problem, help)) = misfit(rule, ty) {
            self.rollup_problem(
                spec.span,
                format!("`{name}` is {}, and {problem}", article(ty)),
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
                    InputType::Percent => "recompute the rate from summed counts: `rollup ratio(解决数, 受理数)`; or `rollup mean` to average the months",
                    InputType::Bool => "`rollup all` (yes only if yes every month), `rollup any` (yes if yes in any month) or `rollup last`",
                    _ => "`rollup sum` for an amount (units sold), `rollup mean` for a score (a training score), `rollup last` for a level",
                };
                let d = Diagnostic::error(
                    Code::BadRollup,
                    format!("how does `{name}` add up from months to the card's period?"),
                )
                .label(span, format!("{} input with no `rollup`", article(ty)))
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
                format!(
                    "`{}` is {}, not a count, number or amount to add up",
                    name.name,
                    article(ty)
                ),
                Some("a rate is recomputed from two summed parts, such as `ratio(解决数, 受理数)`"),
            );
            return None;
        }
        Some(index)
    }

    fn rollup_problem(&mut self, span: Span, message: String, help: Option<&str>) {
        let mut d = Diagnostic::error(Code::BadRollup, message).label(span, "here");
        if let Some(help) = help {
            d = d.help(help);
        }
        self.report(d);
    }
}

/// Why `rule` cannot roll up an input of type `ty`, if it cannot, and what to write instead.
fn misfit(rule: RollupRule, ty: InputType) -> Option<(&'static str, &'static str)> {
    Some(match (rule, ty) {
        (RollupRule::Last, _) | (RollupRule::All | RollupRule::Any, InputType::Bool) => return None,
        (RollupRule::All | RollupRule::Any, _) => (
            "`all` and `any` roll up yes/no inputs",
            "use `rollup sum`, `mean` or `last`",
        ),
        (_, InputType::Bool) => (
            "a yes/no does not add up or average",
            "use `rollup all` (yes every month), `any` (yes in some month) or `last`",
        ),
        (RollupRule::Sum, InputType::Percent) => (
            "rates do not add up",
            "recompute it from summed counts with `rollup ratio(解决数, 受理数)`, or average the months with `rollup mean`",
        ),
        (RollupRule::Sum, InputType::Rating) => (
            "ratings do not add up",
            "average them with `rollup mean`",
        ),
        (RollupRule::Mean, InputType::Count | InputType::Days) => (
            "an average of counts is not a count",
            "counts add up: `rollup sum`",
        ),
        (RollupRule::Ratio { .. }, t) if t != InputType::Percent => (
            "only a percentage is recomputed as a ratio",
            "use `rollup sum` or `rollup mean`",
        ),
        _ => return None,
    })
}

fn article(ty: InputType) -> String {
    match ty {
        InputType::Percent => "a percent".into(),
        InputType::Money => "a money".into(),
        InputType::Bool => "a yes/no".into(),
        other => format!("a {other}"),
    }
}
