//! Resolve and validate a card; build its compiled form.
//!
//! `check` collects every problem before anything is evaluated: unknown and
//! duplicate names, kind mismatches, weights and totals that don't add up,
//! tier tables out of order. Only a card with no errors becomes a
//! [`CheckedCard`]; warnings travel beside it.

mod decls;
mod derived;
mod expr;
mod hooks;
mod items;
pub(crate) mod kinds;
pub mod model;
mod points;
mod ranks;
mod raters;
mod require;
mod rollup;
mod shape;
mod symbols;
mod tiers;
mod zero;

pub use hooks::BUILT_INS;
pub use model::CheckedCard;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::hooks::{HookFiles, HookFn, NoHookFiles};
use crate::source::SourceFile;
use crate::stamp::{content_hash, HookSource, Stamp};
use crate::syntax::ast;
use model::{Derived, Input, Param};
use std::sync::Arc;
use symbols::Symbols;

/// A card that passed, with any warnings about it.
#[derive(Debug, Clone)]
pub struct Checked {
    pub(crate) card: CheckedCard,
    pub(crate) warnings: Diagnostics,
}

impl Checked {
    /// The checked card, ready to evaluate.
    pub fn card(&self) -> &CheckedCard {
        &self.card
    }

    /// What the check found worth telling but not refusing, sorted by position.
    pub fn warnings(&self) -> &Diagnostics {
        &self.warnings
    }

    /// The card alone, its warnings dropped (read them first).
    pub fn into_card(self) -> CheckedCard {
        self.card
    }

    /// The card and its warnings, apart.
    pub fn into_parts(self) -> (CheckedCard, Diagnostics) {
        (self.card, self.warnings)
    }
}

/// Checks a parsed card. Errors come back all together, sorted by position.
/// A card that imports hooks needs [`check_with`] and its hook files.
pub fn check(source: &Arc<SourceFile>, card: &ast::Card) -> Result<Checked, Diagnostics> {
    check_with(source, card, &NoHookFiles)
}

/// Checks a parsed card, reading and compiling its hook files from `files`.
pub fn check_with(
    source: &Arc<SourceFile>,
    card: &ast::Card,
    files: &dyn HookFiles,
) -> Result<Checked, Diagnostics> {
    let mut checker = Checker::new(source, card);
    checker.collect_symbols(&card.decls);
    checker.load_hooks(&card.decls, files);
    let header = checker.header(card);
    checker.inputs = checker.inputs_of(&card.decls);
    checker.params = checker.params_of(&card.decls);
    let (sections, items) = checker.sections(&card.decls, header.total);
    let adjustments = checker.adjustments(&card.decls);
    checker.derive_all();
    let grade = checker.grade(&card.decls);
    checker.check_points(card, header.total_decl.as_ref(), &sections);
    let ranking = checker.rank_stage(grade.as_ref());
    let rollup = checker.rollup_plan(card, header.period.as_deref());
    let constraints = checker.constraints(&card.decls);
    let main = checker.main_output(header.main);

    let diagnostics = checker.diagnostics.sorted();
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    // The hash covers the card as checked (after any `extends` is resolved)
    // and the hook files it read, in declaration order.
    let hook_sources: Vec<HookSource> = checker
        .hook_files
        .iter()
        .map(|(name, file)| HookSource {
            name,
            bytes: file.text.as_bytes(),
        })
        .collect();
    let stamp = Stamp {
        card: card.name.name.clone(),
        version: header.version,
        effective: header.effective,
        hash: content_hash(&crate::syntax::print::print(card), &hook_sources),
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
        hooks: checker.hooks,
        ranking,
        rollup,
        constraints,
        ignore: card
            .decls
            .iter()
            .filter_map(|d| match d {
                crate::syntax::ast::Decl::Ignore(i) => Some(&i.columns),
                _ => None,
            })
            .flatten()
            .map(|c| c.value.trim().to_string())
            .collect(),
        money: header.money,
        main,
    };
    // Checked as a whole: a division by an input that may be 0 and that no
    // `if`, `require` or range rules out.
    let mut warnings = diagnostics;
    for d in zero::unguarded_divisions(&checked) {
        warnings.push(d.in_file(source));
    }
    Ok(Checked {
        card: checked,
        warnings: warnings.sorted(),
    })
}

/// Working state while one card is checked.
pub(crate) struct Checker<'a> {
    source: &'a Arc<SourceFile>,
    decls: &'a [ast::Decl],
    diagnostics: Diagnostics,
    symbols: Symbols<'a>,
    inputs: Vec<Input>,
    params: Vec<Param>,
    /// Whether each parameter was written without a unit (may stand for money).
    param_flex: Vec<bool>,
    /// Bands and outputs compiled so far, in dependency order.
    derived: Vec<Derived>,
    /// Per band/output in source order: where its dependency sort stands.
    derived_state: Vec<derived::State>,
    /// Hook functions the card declares, callable by name in expressions.
    hooks: Vec<HookFn>,
    /// Declared hooks that failed (file, script or signature): already
    /// reported, so calls to them draw no second error.
    failed_hooks: Vec<String>,
    /// Each hook file read, by the path the card gives, for the content hash.
    hook_files: Vec<(String, Arc<SourceFile>)>,
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
            hooks: Vec::new(),
            failed_hooks: Vec::new(),
            hook_files: Vec::new(),
        }
    }

    fn report(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic.in_file(self.source));
    }
}
