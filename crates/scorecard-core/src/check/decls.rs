//! The card's header (role, period, total), its inputs and its parameters.

use super::model::{Input, Param};
use super::Checker;
use crate::diagnostic::{Code, Diagnostic};
use crate::source::Span;
use crate::syntax::ast::{self, Decl, LitUnit, Literal};
use crate::t;
use crate::value::{format_decimal, InputType, Type, Unit, Value};
use rust_decimal::Decimal;

pub(super) struct Header<'a> {
    pub role: Option<String>,
    pub period: Option<String>,
    pub total: Decimal,
    pub total_decl: Option<ast::Number>,
    pub version: Option<String>,
    pub effective: Option<crate::stamp::Effective>,
    pub money: super::model::MoneyRounding,
    /// `main NAME`, resolved once the outputs are (see [`Checker::main_output`]).
    pub main: Option<&'a ast::Ident>,
}

const PERIODS: [&str; 4] = ["monthly", "quarterly", "half-yearly", "yearly"];

impl Checker<'_> {
    pub(super) fn header<'c>(&mut self, card: &'c ast::Card) -> Header<'c> {
        let mut header = Header {
            role: None,
            period: None,
            total: Decimal::ZERO,
            total_decl: None,
            version: None,
            effective: None,
            money: Default::default(),
            main: None,
        };
        let mut seen: Vec<(&str, Span)> = Vec::new();
        for decl in &card.decls {
            let (field, span) = match decl {
                Decl::Role(text) => {
                    header.role = Some(text.value.clone());
                    ("role", text.span)
                }
                Decl::Period(period) => {
                    self.period(&period.name, period.span);
                    header.period = Some(period.name.clone());
                    ("period", period.span)
                }
                Decl::Total(total) => {
                    self.positive(total, &t!("what-total"));
                    header.total = total.value;
                    header.total_decl = Some(total.clone());
                    ("total", total.span)
                }
                Decl::Version(version) => {
                    header.version = Some(version.value.clone());
                    ("version", version.span)
                }
                Decl::Effective(effective) => {
                    header.effective = self.effective(effective);
                    ("effective", effective.span)
                }
                Decl::Grade(grade) => ("grade", grade.span),
                Decl::Round(round) => {
                    header.money = self.money_rounding(round);
                    ("round", round.span)
                }
                Decl::Main(main) => {
                    header.main = Some(main);
                    ("main", main.span)
                }
                _ => continue,
            };
            if let Some((_, first)) = seen.iter().find(|(f, _)| *f == field) {
                let d = Diagnostic::error(Code::CardField, t!("field-twice", field = field))
                    .label(span, t!("duplicate-name-again"))
                    .label(*first, t!("field-twice-first"));
                self.report(d);
            }
            seen.push((field, span));
        }
        let has_sections = card.decls.iter().any(|d| matches!(d, Decl::Section(_)));
        if has_sections && header.total_decl.is_none() {
            let d = Diagnostic::error(Code::CardField, t!("no-total"))
                .label(card.name.span, t!("no-total-label"))
                .help(t!("no-total-help"));
            self.report(d);
        }
        header
    }

    /// `round money to STEP …`: the fen, the jiao or the yuan, in yuan.
    fn money_rounding(&mut self, decl: &ast::RoundDecl) -> super::model::MoneyRounding {
        use super::model::MoneyRounding;
        let step = decl.step.value.normalize();
        let known = MoneyRounding::STEPS.contains(&step);
        if !known || decl.step.unit == LitUnit::Percent {
            let d = Diagnostic::error(
                Code::BadNumber,
                t!("round-step", step = format_decimal(decl.step.value)),
            )
            .label(decl.step.span, t!("round-step-label"))
            .help(t!("round-step-help"));
            self.report(d);
        }
        MoneyRounding {
            step: if known { step } else { Decimal::new(1, 2) },
            when: decl.when,
            declared: Some(decl.span),
        }
    }

    /// `main NAME` names one of the card's outputs (or bands): its index
    /// into the checked outputs.
    pub(super) fn main_output(&mut self, main: Option<&ast::Ident>) -> Option<usize> {
        let main = main?;
        let found = self.derived.iter().position(|d| d.name == main.name);
        if found.is_none() {
            let d = Diagnostic::error(Code::UnknownName, t!("main-not-output", name = &main.name))
                .label(main.span, t!("main-not-output-label"))
                .help(t!("main-not-output-help"));
            self.report(d);
        }
        found
    }

    /// `effective FROM..UNTIL` must not end before it starts.
    fn effective(&mut self, decl: &ast::Effective) -> Option<crate::stamp::Effective> {
        if let Some(until) = decl.until {
            if until.value < decl.from.value {
                let d = Diagnostic::error(
                    Code::BadDate,
                    t!(
                        "effective-backwards",
                        until = until.value.to_string(),
                        from = decl.from.value.to_string()
                    ),
                )
                .label(until.span, t!("effective-backwards-label"))
                .help(t!("effective-backwards-help"));
                self.report(d);
                return None;
            }
        }
        Some(crate::stamp::Effective {
            from: decl.from.value,
            until: decl.until.map(|d| d.value),
            span: decl.span,
        })
    }

    fn period(&mut self, name: &str, span: Span) {
        if !PERIODS.contains(&name) {
            let d = Diagnostic::error(Code::CardField, t!("unknown-period", name = name))
                .label(span, t!("unknown-period-label"))
                .help(t!("unknown-period-help"));
            self.report(d);
        }
    }

    pub(super) fn positive(&mut self, number: &ast::Number, what: &str) {
        if number.value <= Decimal::ZERO {
            let d = Diagnostic::error(Code::BadNumber, t!("not-positive", what = what))
                .label(number.span, t!("not-positive-label"));
            self.report(d);
        }
    }

    pub(super) fn inputs_of(&mut self, decls: &[Decl]) -> Vec<Input> {
        decls
            .iter()
            .filter_map(|d| match d {
                Decl::Input(input) => Some(self.input(input)),
                _ => None,
            })
            .collect()
    }

    fn input(&mut self, decl: &ast::InputDecl) -> Input {
        let range = match &decl.range {
            Some(range) => self.range(decl, range),
            // A rate above 100% must be declared, so a `98` typed for 98% is caught.
            None if decl.ty == InputType::Percent => Some((Decimal::ZERO, Decimal::ONE)),
            None => None,
        };
        let default = decl
            .default
            .as_ref()
            .and_then(|lit| self.default(decl, lit, range));
        if let (Some(optional), Some(default)) = (decl.optional, &decl.default) {
            let d = Diagnostic::error(
                Code::BadInput,
                t!("optional-and-default", name = &decl.name.name),
            )
            .label(optional, t!("optional-and-default-optional"))
            .label(default.span(), t!("optional-and-default-default"))
            .help(t!("optional-and-default-help"));
            self.report(d);
        }
        Input {
            name: decl.name.name.clone(),
            label: decl.label.as_ref().map(|l| l.value.clone()),
            ty: decl.ty,
            range,
            default,
            optional: decl.optional.is_some(),
            span: decl.span,
        }
    }

    fn range(
        &mut self,
        decl: &ast::InputDecl,
        range: &ast::RangeSpec,
    ) -> Option<(Decimal, Decimal)> {
        if decl.ty == InputType::Bool {
            self.bad_input(range.span, &t!("bool-has-no-range"), None);
            return None;
        }
        let (low, high) = (&range.low, &range.high);
        let fits = self.literal_fits(decl.ty, low) & self.literal_fits(decl.ty, high);
        if !fits {
            return None;
        }
        if low.value > high.value {
            self.bad_input(
                range.span,
                &t!("range-backwards"),
                Some(&t!("range-backwards-help")),
            );
            return None;
        }
        Some((low.value, high.value))
    }

    /// A literal's unit must suit the input: `98%` for a percent input, whole numbers for counts.
    fn literal_fits(&mut self, ty: InputType, n: &ast::Number) -> bool {
        let problem = match (ty, n.unit) {
            (InputType::Percent, LitUnit::Percent) => None,
            (InputType::Percent, _) => Some(t!("percent-bounds", value = format_decimal(n.value))),
            (_, LitUnit::Percent) => Some(t!("bounds-not-percent", ty = ty.keyword())),
            (InputType::Money, _) => None,
            (_, LitUnit::Money) => Some(t!("bounds-not-money", ty = ty.keyword())),
            (InputType::Count | InputType::Days, _) if !n.value.fract().is_zero() => {
                Some(t!("whole-numbers", ty = ty.keyword()))
            }
            _ => None,
        };
        match problem {
            Some(message) => {
                self.bad_input(n.span, &message, None);
                false
            }
            None => true,
        }
    }

    fn default(
        &mut self,
        decl: &ast::InputDecl,
        lit: &Literal,
        range: Option<(Decimal, Decimal)>,
    ) -> Option<Value> {
        match (decl.ty, lit) {
            (InputType::Bool, Literal::Bool { value, .. }) => Some(Value::Bool(*value)),
            (InputType::Bool, Literal::Number(n)) => {
                self.bad_input(n.span, &t!("bool-default"), None);
                None
            }
            (_, Literal::Bool { span, .. }) => {
                self.bad_input(
                    *span,
                    &t!("default-is-number", ty = decl.ty.keyword()),
                    None,
                );
                None
            }
            (ty, Literal::Number(n)) => {
                if !self.literal_fits(ty, n) {
                    return None;
                }
                if let Some((low, high)) = range {
                    if n.value < low || n.value > high {
                        self.bad_input(n.span, &t!("default-outside-range"), None);
                        return None;
                    }
                }
                if ty.is_countable() && n.value < Decimal::ZERO {
                    self.bad_input(n.span, &t!("count-negative"), None);
                    return None;
                }
                Some(Value::Num(n.value))
            }
        }
    }

    fn bad_input(&mut self, span: Span, message: &str, help: Option<&str>) {
        let mut d = Diagnostic::error(Code::BadInput, message.to_string()).label(span, t!("here"));
        if let Some(help) = help {
            d = d.help(help);
        }
        self.report(d);
    }

    pub(super) fn params_of(&mut self, decls: &[Decl]) -> Vec<Param> {
        let mut params = Vec::new();
        for decl in decls {
            let Decl::Param(param) = decl else { continue };
            let (value, ty, flex) = match &param.value {
                Literal::Bool { value, .. } => (Value::Bool(*value), Type::Bool, false),
                Literal::Number(n) => {
                    let (unit, flex) = match n.unit {
                        LitUnit::None => (Unit::Plain, true),
                        LitUnit::Percent => (Unit::Percent, false),
                        LitUnit::Money => (Unit::Money, false),
                    };
                    (Value::Num(n.value), Type::Num(unit), flex)
                }
            };
            self.param_flex.push(flex);
            params.push(Param {
                name: param.name.name.clone(),
                label: param.label.as_ref().map(|l| l.value.clone()),
                value,
                ty,
                span: param.span,
            });
        }
        params
    }
}
