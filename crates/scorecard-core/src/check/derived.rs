//! Bands, outputs and the grade: values computed after the total.
//!
//! Bands and outputs may read each other in any order of declaration; they
//! are compiled depth-first, so `CheckedCard::derived` ends up in an order
//! where each reads only what comes before it, and a loop is an error.

use super::expr::{Context, Typed};
use super::kinds::Measure;
use super::model::{Derived, DerivedRule, Expr, TierTable};
use super::Checker;
use crate::diagnostic::{Code, Diagnostic};
use crate::source::Span;
use crate::syntax::ast::{self, Decl};
use crate::t;
use crate::value::{InputType, Type, Unit};
use rust_decimal::Decimal;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum State {
    NotStarted,
    InProgress,
    /// Compiled, at this index of `CheckedCard::derived`, with this type and measure.
    Done(usize, Type, Measure),
    Failed,
}

impl<'a> Checker<'a> {
    fn derived_decls(&self) -> Vec<&'a Decl> {
        let decls: &'a [Decl] = self.decls;
        decls
            .iter()
            .filter(|d| matches!(d, Decl::Band(_) | Decl::Output(_)))
            .collect()
    }

    pub(super) fn derive_all(&mut self) {
        let count = self.derived_decls().len();
        self.derived_state = vec![State::NotStarted; count];
        for i in 0..count {
            self.derive(i, None);
        }
    }

    /// The compiled index and type of band/output `i` (source order), compiling it first if needed.
    pub(super) fn derived_ref(
        &mut self,
        i: usize,
        used_at: Span,
    ) -> Option<(usize, Type, Measure)> {
        match self.derived_state.get(i).copied() {
            Some(State::Done(index, ty, measure)) => Some((index, ty, measure)),
            _ => self.derive(i, Some(used_at)),
        }
    }

    fn derive(&mut self, i: usize, used_at: Option<Span>) -> Option<(usize, Type, Measure)> {
        match self.derived_state.get(i).copied()? {
            State::Done(index, ty, measure) => return Some((index, ty, measure)),
            State::Failed => return None,
            State::InProgress => {
                let decl = self.derived_decls()[i];
                let (name, span) = name_of(decl);
                let mut d = Diagnostic::error(Code::Cycle, t!("cycle", name = name))
                    .label(span, t!("declared-here"))
                    .help(t!("cycle-help"));
                if let Some(at) = used_at {
                    d = d.label(at, t!("cycle-used-here"));
                }
                self.report(d);
                return None;
            }
            State::NotStarted => {}
        }
        self.derived_state[i] = State::InProgress;
        let decl = self.derived_decls()[i];
        let compiled = match decl {
            Decl::Band(band) => self.band(band),
            Decl::Output(output) => self.output(output),
            _ => None,
        };
        let Some((derived, measure)) = compiled else {
            self.derived_state[i] = State::Failed;
            return None;
        };
        let index = self.derived.len();
        let ty = derived.ty;
        self.derived.push(derived);
        self.derived_state[i] = State::Done(index, ty, measure);
        Some((index, ty, measure))
    }

    fn band(&mut self, band: &ast::Band) -> Option<(Derived, Measure)> {
        let mut outcomes: Vec<Typed> = Vec::new();
        let table = self.tier_table(
            &band.table,
            Context::Derived,
            |checker, expr: &ast::Expr| {
                let typed = checker.expr(expr, Context::Derived)?;
                outcomes.push(typed.clone());
                Some(typed.expr)
            },
            |expr: &Expr| match &expr.kind {
                super::model::ExprKind::Const(v) => v.as_num(),
                _ => None,
            },
        )?;
        let common = self.common_type(&outcomes, &t!("what-band-rows"))?;
        let derived = Derived {
            name: band.name.name.clone(),
            label: band.label.as_ref().map(|l| l.value.clone()),
            ty: common.ty,
            rule: DerivedRule::Band(table),
            after_ranks: false,
            span: band.span,
        };
        Some((derived, common.measure))
    }

    fn output(&mut self, output: &ast::Output) -> Option<(Derived, Measure)> {
        let typed = self.expr(&output.expr, Context::Derived)?;
        let (ty, measure) = match output.ty {
            Some((declared, span)) => {
                let ty = self.declared_type(declared, span, &typed)?;
                // Declared, it is what the card says: a ratio declared
                // `percent` is a percentage, one declared `number` a number.
                let measure = match declared {
                    InputType::Count | InputType::Days => Measure::Count,
                    _ => Measure::Number,
                };
                (ty, measure)
            }
            // An untyped ratio prints as a plain number, and stays a ratio
            // for whatever reads it (a band may compare it with a percentage).
            None => (typed.ty, typed.measure),
        };
        let derived = Derived {
            name: output.name.name.clone(),
            label: output.label.as_ref().map(|l| l.value.clone()),
            ty,
            rule: DerivedRule::Output(typed.expr),
            after_ranks: false,
            span: output.span,
        };
        Some((derived, measure))
    }

    /// An output's declared type must match its formula (a plain constant
    /// may be money; a ratio may be a percentage).
    fn declared_type(&mut self, declared: InputType, span: Span, typed: &Typed) -> Option<Type> {
        let want = declared.value_type();
        let plain = Type::Num(Unit::Plain);
        let fits = typed.ty == want
            || (want == Type::Num(Unit::Money) && typed.flex && typed.ty == plain)
            || (want == Type::Num(Unit::Percent)
                && typed.ty == plain
                && typed.measure == Measure::Ratio);
        if fits {
            return Some(want);
        }
        let help = (want == Type::Num(Unit::Money)).then(|| t!("output-money-help"));
        let d = Diagnostic::error(
            Code::TypeMismatch,
            t!(
                "output-type",
                declared = declared.to_string(),
                ty = typed.ty.to_string()
            ),
        )
        .label(typed.expr.span, t!("output-type-formula"))
        .label(span, t!("output-type-declared"));
        self.report(match help {
            Some(help) => d.help(help),
            None => d,
        });
        None
    }

    fn common_type(&mut self, typed: &[Typed], what: &str) -> Option<Typed> {
        let mut common = typed.first()?.clone();
        for t in &typed[1..] {
            common = self.unify(&common, t, what)?;
        }
        Some(common)
    }

    pub(super) fn grade(&mut self, decls: &[Decl]) -> Option<TierTable<Arc<str>>> {
        let grade = decls.iter().find_map(|d| match d {
            Decl::Grade(g) => Some(g),
            _ => None,
        })?;
        self.tier_table(
            &grade.table,
            Context::Derived,
            |_, label: &ast::Text| Some(Arc::from(label.value.as_str())),
            |_| None::<Decimal>,
        )
    }
}

fn name_of(decl: &Decl) -> (&str, Span) {
    match decl {
        Decl::Band(b) => (&b.name.name, b.name.span),
        Decl::Output(o) => (&o.name.name, o.name.span),
        _ => ("?", Span::default()),
    }
}
