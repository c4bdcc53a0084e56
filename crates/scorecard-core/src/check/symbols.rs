//! The card's names: one namespace for inputs, parameters, items, sections,
//! bonus/penalty blocks, bands and outputs. Duplicates are reported here, and
//! unknown names get a "did you mean".

use super::Checker;
use crate::diagnostic::{Code, Diagnostic};
use crate::source::Span;
use crate::syntax::ast::{self, Decl, Ident};
use crate::t;
use rustc_hash::FxHashMap;

/// What a name refers to, by index into the checked card's lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Symbol {
    Input(usize),
    Param(usize),
    Item(usize),
    Section(usize),
    Adjustment(usize),
    /// A band or output, by source order (reordered after the dependency sort).
    Derived(usize),
    /// A rater (`rater 经理`), by source order.
    Rater(usize),
    /// A rank (`rank 名次 by total`), by source order.
    Rank(usize),
}

impl Symbol {
    /// What kind of thing it is, in the reader's language ("an input", "输入").
    pub fn describe(self) -> String {
        match self {
            Symbol::Input(_) => t!("symbol-input"),
            Symbol::Param(_) => t!("symbol-param"),
            Symbol::Item(_) => t!("symbol-item"),
            Symbol::Section(_) => t!("symbol-section"),
            Symbol::Adjustment(_) => t!("symbol-adjustment"),
            Symbol::Derived(_) => t!("symbol-derived"),
            Symbol::Rater(_) => t!("symbol-rater"),
            Symbol::Rank(_) => t!("symbol-rank"),
        }
    }
}

/// Names borrow from the card being checked: a 500-item card declares over a
/// thousand, and copying each name (and hashing it with SipHash) was a
/// noticeable part of checking one.
#[derive(Debug, Default)]
pub struct Symbols<'a> {
    map: FxHashMap<&'a str, (Symbol, Span)>,
    /// Labels of inputs, to suggest the id when an author writes the label.
    labels: FxHashMap<&'a str, &'a str>,
}

impl Symbols<'_> {
    pub fn get(&self, name: &str) -> Option<Symbol> {
        self.map.get(name).map(|(symbol, _)| *symbol)
    }

    /// The closest declared name, or the id of an input whose label was written.
    pub fn suggest(&self, name: &str) -> Option<String> {
        if let Some(id) = self.labels.get(name) {
            return Some(id.to_string());
        }
        let limit = (name.chars().count() / 3).max(1);
        self.map
            .keys()
            .copied()
            .chain(std::iter::once("total"))
            .map(|candidate| (strsim::levenshtein(name, candidate), candidate))
            .filter(|(distance, _)| *distance <= limit)
            .min()
            .map(|(_, candidate)| candidate.to_string())
    }
}

impl<'a> Checker<'a> {
    /// Registers every declared name in source order, reporting duplicates.
    pub(super) fn collect_symbols(&mut self, decls: &'a [Decl]) {
        let (mut inputs, mut params, mut items, mut sections, mut adjustments, mut derived) =
            (0, 0, 0, 0, 0, 0);
        let (mut raters, mut ranks) = (0, 0);
        // Each declaration and each item names at most one thing: room for all
        // at once, rather than growing the table a few times on a large card.
        let items_inside: usize = decls
            .iter()
            .map(|decl| match decl {
                Decl::Section(section) => section.items.len(),
                _ => 0,
            })
            .sum();
        self.symbols.map.reserve(decls.len() + items_inside);
        for decl in decls {
            match decl {
                Decl::Input(input) => {
                    self.declare(&input.name, Symbol::Input(inputs));
                    if let Some(label) = &input.label {
                        self.symbols.labels.insert(&label.value, &input.name.name);
                    }
                    inputs += 1;
                }
                Decl::Param(param) => {
                    self.declare(&param.name, Symbol::Param(params));
                    params += 1;
                }
                Decl::Section(section) => {
                    self.declare(&section.name, Symbol::Section(sections));
                    sections += 1;
                    for item in &section.items {
                        self.declare(&item.name, Symbol::Item(items));
                        items += 1;
                    }
                }
                Decl::Adjustment(block) => {
                    self.declare(&block.name, Symbol::Adjustment(adjustments));
                    adjustments += 1;
                }
                Decl::Band(band) => {
                    self.declare(&band.name, Symbol::Derived(derived));
                    derived += 1;
                }
                Decl::Output(output) => {
                    self.declare(&output.name, Symbol::Derived(derived));
                    derived += 1;
                }
                Decl::Rater(rater) => {
                    self.declare(&rater.name, Symbol::Rater(raters));
                    raters += 1;
                }
                Decl::Rank(rank) => {
                    self.declare(&rank.name, Symbol::Rank(ranks));
                    ranks += 1;
                }
                Decl::Role(_)
                | Decl::Period(_)
                | Decl::Total(_)
                | Decl::Version(_)
                | Decl::Effective(_)
                | Decl::Grade(_)
                | Decl::Limit(_)
                | Decl::Partial(_)
                | Decl::Require(_)
                | Decl::Ignore(_)
                | Decl::Round(_)
                | Decl::Main(_)
                | Decl::Hooks(_) => {}
                // `crate::resolve` applies these before checking; one that
                // reaches here belongs to a card that was never resolved.
                Decl::Override(ast::Override { span, .. })
                | Decl::Remove(ast::Remove { span, .. }) => {
                    let d = Diagnostic::error(Code::NoBase, t!("no-base"))
                        .label(*span, t!("no-base-label"))
                        .help(t!("no-base-help"));
                    self.report(d);
                }
            }
        }
    }

    fn declare(&mut self, name: &'a Ident, symbol: Symbol) {
        if name.name == "total" {
            let d = Diagnostic::error(Code::DuplicateName, t!("name-is-total"))
                .label(name.span, t!("name-is-total-label"))
                .help(t!("name-is-total-help"));
            self.report(d);
            return;
        }
        if let Some((earlier, earlier_span)) = self.symbols.map.get(name.name.as_str()) {
            let d = Diagnostic::error(Code::DuplicateName, t!("duplicate-name", name = &name.name))
                .label(name.span, t!("duplicate-name-again"))
                .label(
                    *earlier_span,
                    t!("duplicate-name-first", what = earlier.describe()),
                )
                .help(t!("duplicate-name-help"));
            self.report(d);
            return;
        }
        self.symbols.map.insert(&name.name, (symbol, name.span));
    }
}
