//! Composition: a card that `extends` another, resolved into one card.
//!
//! ```text
//! brand card ──parse──▶ ast::Card (extends "../base.card")
//!                           │ Loader finds the base, which may extend another …
//!                           ▼
//! every file parsed, laid end to end in one composite SourceFile,
//! spans moved there, overrides applied root first ──▶ Resolved ──check──▶ CheckedCard
//! ```
//!
//! The resolved card is an ordinary `ast::Card` (no `extends`, no `override`),
//! so the checker, the evaluator and the reports need nothing new. Its spans
//! point into a composite [`SourceFile`] in which each file keeps its own
//! byte range: a span names its file by where it falls, so a diagnostic about
//! a resolved card points into the base card or the brand's card, whichever
//! holds the text it is about, and a label of one diagnostic may lie in
//! either (see [`crate::Diagnostic::split_by_file`]). A card that extends
//! nothing is left exactly as parsed, with its plain source.
//!
//! Files are found by a [`Loader`]; loops (`a` extends `b` extends `a`) are
//! found by name and reported at the `extends` that closes them.

mod apply;
mod assumptions;
mod loader;
mod provenance;
mod shift;
#[cfg(test)]
mod tests;

pub use assumptions::Assumptions;
pub use loader::{
    card_name, display, tidy, tidy_name, LoadError, LoadErrorKind, Loader, MemoryLoader, NoLoader,
};
pub use provenance::{Changes, Note, Removal};

use crate::check::{self, Checked};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::source::SourceFile;
use crate::syntax::{self, ast, print::Annotate};
use crate::t;
use apply::Applier;
use std::sync::Arc;

/// How many cards a chain may hold (group → brand → store is three); more is
/// nearly always a loop the names did not reveal (a link to a link).
pub const MAX_CHAIN: usize = 16;

/// A card with everything it extends applied.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// The card's own file, or for a card that extends others a composite of
    /// every file in the chain, the root base first.
    pub source: Arc<SourceFile>,
    /// The card with no `extends`, `override` or `remove` left; its spans point into `source`.
    pub card: ast::Card,
    /// The files of the chain, the card's own first, then its base, its base's base …
    pub chain: Vec<Arc<SourceFile>>,
    /// What each override added, changed and removed.
    pub changes: Changes,
}

/// Parses `source` and every card it extends, and applies the overrides.
/// Reading the chain stops at the first file with syntax errors, a base that
/// cannot be found, or a loop; once every file is read, every override that
/// names nothing (and every other composition error) comes back at once.
pub fn resolve(source: &Arc<SourceFile>, loader: &dyn Loader) -> Result<Resolved, Diagnostics> {
    let mut chain = load_chain(source, loader)?;
    // Root first: each card applies onto everything it extends.
    chain.reverse();
    let files: Vec<Arc<SourceFile>> = chain.iter().map(|(file, _)| file.clone()).collect();
    let whole = if files.len() == 1 {
        source.clone()
    } else {
        let (whole, starts) = SourceFile::composite(source.name.clone(), &files);
        for ((_, card), start) in chain.iter_mut().zip(starts) {
            shift::card(card, start);
        }
        whole
    };
    // Every file's notes are kept; a note on something a later card replaces
    // or removes no longer precedes a node, so it neither prints nor covers
    // a number.
    let notes: Vec<ast::Note> = chain
        .iter_mut()
        .flat_map(|(_, card)| std::mem::take(&mut card.notes))
        .collect();
    let mut cards = chain.into_iter().map(|(_, card)| card);
    let root = cards
        .next()
        .expect("the chain holds at least the card itself");
    let mut applier = Applier {
        source: &whole,
        decls: Vec::new(),
        diagnostics: Diagnostics::default(),
        changes: Changes::default(),
    };
    let mut label = root.label.clone();
    let mut top = (root.name.clone(), root.span);
    applier.root(root);
    for card in cards {
        // The card is named by its own name; a label left out is inherited.
        label = card.label.clone().or(label);
        top = (card.name.clone(), card.span);
        applier.child(card);
    }
    let (decls, changes, diagnostics) = (applier.decls, applier.changes, applier.diagnostics);
    if diagnostics.has_errors() {
        return Err(diagnostics.sorted());
    }
    let mut chain = files;
    chain.reverse();
    Ok(Resolved {
        source: whole,
        card: ast::Card {
            name: top.0,
            label,
            extends: None,
            decls,
            notes,
            span: top.1,
        },
        chain,
        changes,
    })
}

/// The card and every card it extends, the card first.
fn load_chain(
    source: &Arc<SourceFile>,
    loader: &dyn Loader,
) -> Result<Vec<(Arc<SourceFile>, ast::Card)>, Diagnostics> {
    let mut chain = vec![(source.clone(), syntax::parse(source)?)];
    loop {
        let (file, card) = chain.last().expect("the chain starts with the card itself");
        let Some(base) = &card.extends else {
            return Ok(chain);
        };
        let problem = |code, message: String, help: String| {
            Diagnostics(vec![Diagnostic::error(code, message)
                .in_file(file)
                .label(base.span, t!("extended-here"))
                .help(help)])
        };
        let loaded = loader.load(file, &base.value).map_err(|why| {
            problem(
                Code::MissingCard,
                t!("missing-base", why = why.message()),
                t!("missing-base-help"),
            )
        })?;
        if let Some(at) = chain.iter().position(|(f, _)| f.name == loaded.name) {
            let names: Vec<&str> = chain[at..]
                .iter()
                .map(|(f, _)| f.name.as_str())
                .chain([loaded.name.as_str()])
                .collect();
            return Err(problem(
                Code::ExtendsCycle,
                t!("extends-cycle", name = &loaded.name),
                t!("extends-cycle-help", chain = names.join(" → ")),
            ));
        }
        if chain.len() >= MAX_CHAIN {
            return Err(problem(
                Code::ExtendsCycle,
                t!("extends-too-deep", most = MAX_CHAIN),
                t!("extends-too-deep-help"),
            ));
        }
        let card = syntax::parse(&loaded)?;
        chain.push((loaded, card));
    }
}

/// Checks a resolved card. A name the checker cannot find because an
/// override removed it gets a second label, at the `remove`.
pub fn check(resolved: &Resolved) -> Result<Checked, Diagnostics> {
    check_with(resolved, &crate::hooks::NoHookFiles)
}

/// Checks the resolved card, reading its hook scripts from `hooks`.
pub fn check_with(
    resolved: &Resolved,
    hooks: &dyn crate::hooks::HookFiles,
) -> Result<Checked, Diagnostics> {
    check::check_with(&resolved.source, &resolved.card, hooks)
        .map_err(|d| blame_removals(resolved, d))
}

fn blame_removals(resolved: &Resolved, diagnostics: Diagnostics) -> Diagnostics {
    let removals = resolved.changes.removals();
    if removals.is_empty() {
        return diagnostics;
    }
    let blamed = diagnostics.0.into_iter().map(|mut d| {
        if d.code != Code::UnknownName {
            return d;
        }
        let Some(used) = d.labels.first().map(|l| resolved.source.slice(l.span)) else {
            return d;
        };
        let removal = removals.iter().find(|r| r.name.as_deref() == Some(used));
        if let Some(removal) = removal {
            d = d
                .label(removal.at, t!("removed-here"))
                .help(t!("removed-still-used", name = used));
        }
        d
    });
    Diagnostics(blamed.collect())
}

/// The notes `show` prints: each line that an override added or changed
/// says so, and where.
impl Annotate for Resolved {
    fn after(&self, span: crate::source::Span) -> Option<String> {
        provenance::describe(&self.source, self.changes.notes_on(span))
    }
}

impl Resolved {
    /// The resolved card as card text, each changed line annotated, headed by
    /// comments naming the chain of files and what was removed.
    pub fn show(&self) -> String {
        let mut out = String::new();
        if self.chain.len() > 1 {
            out.push_str(&format!(
                "// `{}` resolved from {} (each card extends the next):\n",
                self.card.name.name,
                if self.chain.len() == 2 {
                    "two files"
                } else {
                    "these files"
                }
            ));
            for file in &self.chain {
                out.push_str(&format!("//   {}\n", file.name));
            }
            for removal in self.changes.removals() {
                out.push_str(&format!(
                    "// removed in {}: {removal}\n",
                    provenance::place(&self.source, removal.at),
                ));
            }
            out.push('\n');
        }
        out.push_str(&syntax::print::print_annotated(&self.card, self));
        out
    }
}
