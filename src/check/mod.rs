//! Resolve and validate a card; build its compiled form.
//!
//! `check` collects every problem before anything is evaluated: unknown and
//! duplicate names, kind mismatches, weights and totals that don't add up,
//! tier tables out of order. Only a card with no errors becomes a
//! [`CheckedCard`]; warnings travel beside it.

mod decls;
mod derived;
mod expr;
mod items;
pub mod model;
mod points;
mod symbols;
mod tiers;

pub use model::CheckedCard;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::source::SourceFile;
use crate::syntax::ast;
use crate::version::{content_hash, Stamp};
use model::{Derived, Input, Param};
use std::sync::Arc;
use symbols::Symbols;

/// A card that passed, with any warnings about it.
#[derive(Debug, Clone)]
pub struct Checked {
    pub card: CheckedCard,
    pub warnings: Diagnostics,
}

/// Checks a parsed card. Errors come back all together, sorted by position.
pub fn check(source: &Arc<SourceFile>, card: &ast::Card) -> Result<Checked, Diagnostics> {
    let mut checker = Checker::new(source, card);
    checker.collect_symbols(&card.decls);
    let header = checker.header(card);
    checker.inputs = checker.inputs_of(&card.decls);
    checker.params = checker.params_of(&card.decls);
    let (sections, items) = checker.sections(&card.decls, header.total);
    let adjustments = checker.adjustments(&card.decls);
    checker.derive_all();
    let grade = checker.grade(&card.decls);
    checker.check_points(card, header.total_decl.as_ref(), &sections);

    let diagnostics = checker.diagnostics.sorted();
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    // The hash covers the card as checked (after any `extends` is resolved).
    // Hooks: once cards declare hook files, pass each one's name and bytes
    // here as `version::HookSource`s, in declaration order, instead of `&[]`.
    let stamp = Stamp {
        card: card.name.name.clone(),
        version: header.version,
        effective: header.effective,
        hash: content_hash(&crate::syntax::print::print(card), &[]),
    };
    let checked = CheckedCard {
        stamp: Arc::new(stamp),
        source: source.clone(),
        name: card.name.name.clone(),
        label: card.label.as_ref().map(|l| l.value.clone()),
        role: header.role,
        period: header.period,
        total: header.total,
        inputs: checker.inputs,
        params: checker.params,
        sections,
        items,
        adjustments,
        grade,
        derived: checker.derived,
    };
    Ok(Checked {
        card: checked,
        warnings: diagnostics,
    })
}

/// Working state while one card is checked.
pub(crate) struct Checker<'a> {
    source: &'a Arc<SourceFile>,
    decls: &'a [ast::Decl],
    diagnostics: Diagnostics,
    symbols: Symbols,
    inputs: Vec<Input>,
    params: Vec<Param>,
    /// Whether each parameter was written without a unit (may stand for money).
    param_flex: Vec<bool>,
    /// Bands and outputs compiled so far, in dependency order.
    derived: Vec<Derived>,
    /// Per band/output in source order: where its dependency sort stands.
    derived_state: Vec<derived::State>,
}

impl<'a> Checker<'a> {
    fn new(source: &'a Arc<SourceFile>, card: &'a ast::Card) -> Self {
        Checker {
            source,
            decls: &card.decls,
            diagnostics: Diagnostics::default(),
            symbols: Symbols::default(),
            inputs: Vec::new(),
            params: Vec::new(),
            param_flex: Vec::new(),
            derived: Vec::new(),
            derived_state: Vec::new(),
        }
    }

    fn report(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic.in_file(self.source));
    }
}
