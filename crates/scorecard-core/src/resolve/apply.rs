//! Applying a card's declarations onto the declarations of its base.
//!
//! In a card that extends another, a plain declaration adds something new
//! (declaring again what the base has is an error: the author meant
//! `override`); `override` replaces or patches what the base declares, and
//! `remove` takes it out. Whatever an override or remove names must exist in
//! the base, else the error points at the name with a "did you mean".

use super::provenance::Changes;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::source::{SourceFile, Span};
use crate::syntax::ast::*;
use crate::t;
use std::sync::Arc;

/// The declarations resolved so far, and what was said about them.
pub(super) struct Applier<'a> {
    pub source: &'a Arc<SourceFile>,
    pub decls: Vec<Decl>,
    pub diagnostics: Diagnostics,
    pub changes: Changes,
}

/// What kind of thing a declaration (or an item) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Role,
    Period,
    Total,
    Version,
    Effective,
    Input,
    Param,
    Section,
    Item,
    Bonus,
    Penalty,
    Grade,
    Band,
    Output,
    Hooks,
    Rater,
    Rank,
    Limit,
    Partial,
    Require,
    Ignore,
    Round,
    Main,
}

impl Kind {
    fn of(decl: &Decl) -> Option<Kind> {
        Some(match decl {
            Decl::Role(_) => Kind::Role,
            Decl::Period(_) => Kind::Period,
            Decl::Total(_) => Kind::Total,
            Decl::Version(_) => Kind::Version,
            Decl::Effective(_) => Kind::Effective,
            Decl::Input(_) => Kind::Input,
            Decl::Param(_) => Kind::Param,
            Decl::Section(_) => Kind::Section,
            Decl::Adjustment(a) if a.kind == AdjustmentKind::Bonus => Kind::Bonus,
            Decl::Adjustment(_) => Kind::Penalty,
            Decl::Grade(_) => Kind::Grade,
            Decl::Band(_) => Kind::Band,
            Decl::Output(_) => Kind::Output,
            Decl::Hooks(_) => Kind::Hooks,
            Decl::Rater(_) => Kind::Rater,
            Decl::Rank(_) => Kind::Rank,
            Decl::Limit(_) => Kind::Limit,
            Decl::Partial(_) => Kind::Partial,
            Decl::Require(_) => Kind::Require,
            Decl::Ignore(_) => Kind::Ignore,
            Decl::Round(_) => Kind::Round,
            Decl::Main(_) => Kind::Main,
            Decl::Override(_) | Decl::Remove(_) => return None,
        })
    }

    fn of_remove(kind: RemoveKind) -> Kind {
        match kind {
            RemoveKind::Item => Kind::Item,
            RemoveKind::Section => Kind::Section,
            RemoveKind::Input => Kind::Input,
            RemoveKind::Param => Kind::Param,
            RemoveKind::Bonus => Kind::Bonus,
            RemoveKind::Penalty => Kind::Penalty,
            RemoveKind::Band => Kind::Band,
            RemoveKind::Output => Kind::Output,
            RemoveKind::Grade => Kind::Grade,
        }
    }

    /// The keyword that declares it.
    fn word(self) -> &'static str {
        match self {
            Kind::Role => "role",
            Kind::Period => "period",
            Kind::Total => "total",
            Kind::Version => "version",
            Kind::Effective => "effective",
            Kind::Input => "input",
            Kind::Param => "param",
            Kind::Section => "section",
            Kind::Item => "item",
            Kind::Bonus => "bonus",
            Kind::Penalty => "penalty",
            Kind::Grade => "grade",
            Kind::Band => "band",
            Kind::Output => "output",
            Kind::Hooks => "hooks",
            Kind::Rater => "rater",
            Kind::Rank => "rank",
            Kind::Limit => "limit",
            Kind::Partial => "partial",
            Kind::Require => "require",
            Kind::Ignore => "ignore",
            Kind::Round => "round",
            Kind::Main => "main",
        }
    }

    /// In plain words: "input", "bonus block" (English's article left off;
    /// Chinese has none).
    fn noun(self) -> String {
        let described = self.described();
        match described.split_once(' ') {
            Some(("a" | "an", noun)) => noun.to_string(),
            _ => described,
        }
    }

    /// In plain words, with an article: "an input", "a bonus block" ("输入").
    fn described(self) -> String {
        match self {
            Kind::Role => t!("kind-role"),
            Kind::Period => t!("kind-period"),
            Kind::Total => t!("kind-total"),
            Kind::Version => t!("kind-version"),
            Kind::Effective => t!("kind-effective"),
            Kind::Input => t!("kind-input"),
            Kind::Param => t!("kind-param"),
            Kind::Section => t!("kind-section"),
            Kind::Item => t!("kind-item"),
            Kind::Bonus => t!("kind-bonus"),
            Kind::Penalty => t!("kind-penalty"),
            Kind::Grade => t!("kind-grade"),
            Kind::Band => t!("kind-band"),
            Kind::Output => t!("kind-output"),
            Kind::Hooks => t!("kind-hooks"),
            Kind::Rater => t!("kind-rater"),
            Kind::Rank => t!("kind-rank"),
            Kind::Limit => t!("kind-limit"),
            Kind::Partial => t!("kind-partial"),
            Kind::Require => t!("kind-require"),
            Kind::Ignore => t!("kind-ignore"),
            Kind::Round => t!("kind-round"),
            Kind::Main => t!("kind-main"),
        }
    }

    /// A card has at most one of these, so they go by kind, not by name.
    fn is_single(self) -> bool {
        matches!(
            self,
            Kind::Role
                | Kind::Period
                | Kind::Total
                | Kind::Version
                | Kind::Effective
                | Kind::Grade
                | Kind::Partial
                | Kind::Round
                | Kind::Main
        )
    }

    /// Where a new declaration of this kind goes: after the last one of a
    /// rank no higher, so an added input joins the inputs.
    fn rank(self) -> u8 {
        match self {
            Kind::Role
            | Kind::Period
            | Kind::Total
            | Kind::Version
            | Kind::Effective
            | Kind::Hooks
            | Kind::Partial
            | Kind::Round
            | Kind::Main => 0,
            Kind::Input | Kind::Rater => 1,
            Kind::Param | Kind::Require | Kind::Ignore => 2,
            Kind::Section | Kind::Item => 3,
            Kind::Bonus | Kind::Penalty => 4,
            Kind::Grade | Kind::Rank | Kind::Limit => 5,
            Kind::Band => 6,
            Kind::Output => 7,
        }
    }
}

/// Where a named thing is among the declarations.
#[derive(Debug, Clone, Copy)]
enum Place {
    Decl(usize),
    Item(usize, usize),
}

/// A named thing found in the base.
#[derive(Debug, Clone, Copy)]
struct Found {
    kind: Kind,
    /// Where its name is written.
    span: Span,
}

impl Applier<'_> {
    /// The root card: its declarations as they are. It extends nothing, so
    /// it has nothing to override.
    pub fn root(&mut self, card: Card) {
        for decl in card.decls {
            match decl {
                Decl::Override(Override { span, .. }) | Decl::Remove(Remove { span, .. }) => {
                    self.no_base(span)
                }
                other => self.decls.push(other),
            }
        }
    }

    /// A card that extends what is resolved so far.
    pub fn child(&mut self, card: Card) {
        for decl in card.decls {
            match decl {
                Decl::Override(change) => self.override_(change),
                Decl::Remove(remove) => self.remove(remove),
                other => self.add(other),
            }
        }
    }

    fn report(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic.in_file(self.source));
    }

    fn no_base(&mut self, span: Span) {
        let d = Diagnostic::error(Code::NoBase, t!("no-base-extends"))
            .label(span, t!("no-base-label"))
            .help(t!("no-base-help"));
        self.report(d);
    }

    // ─── Adding ──────────────────────────────────────────────────────────────

    fn add(&mut self, decl: Decl) {
        let Some(kind) = Kind::of(&decl) else { return };
        if kind.is_single() {
            if let Some(i) = self.single(kind) {
                let d = Diagnostic::error(
                    Code::AlreadyInBase,
                    t!("base-already-has", what = kind.described()),
                )
                .label(decl.span(), t!("duplicate-name-again"))
                .label(self.decls[i].span(), t!("the-base-cards"))
                .help(t!("base-already-has-help", kind = kind.word()));
                self.report(d);
                return;
            }
        } else {
            let mut names: Vec<&Ident> = name_of(&decl).into_iter().collect();
            if let Decl::Section(section) = &decl {
                names.extend(section.items.iter().map(|i| &i.name));
            }
            let clashes: Vec<(Ident, Found)> = names
                .into_iter()
                .filter_map(|n| Some((n.clone(), self.lookup(&n.name)?)))
                .collect();
            if !clashes.is_empty() {
                for (name, found) in clashes {
                    self.already_declared(&name, found);
                }
                return;
            }
        }
        let span = decl.span();
        let at = self.insert_position(kind);
        self.decls.insert(at, decl);
        self.changes.note(span, t!("change-added"), span);
    }

    fn already_declared(&mut self, name: &Ident, found: Found) {
        let d = Diagnostic::error(
            Code::AlreadyInBase,
            t!(
                "already-in-base",
                name = &name.name,
                what = found.kind.described()
            ),
        )
        .label(name.span, t!("duplicate-name-again"))
        .label(found.span, t!("the-base-cards"))
        .help(t!(
            "already-in-base-help",
            kind = found.kind.word(),
            name = &name.name
        ));
        self.report(d);
    }

    /// Just after the last declaration of the same or an earlier rank.
    fn insert_position(&self, kind: Kind) -> usize {
        self.decls
            .iter()
            .rposition(|d| Kind::of(d).is_some_and(|k| k.rank() <= kind.rank()))
            .map_or(0, |i| i + 1)
    }

    // ─── Overriding ──────────────────────────────────────────────────────────

    fn override_(&mut self, change: Override) {
        match change.target {
            OverrideTarget::Decl(decl) => self.replace(*decl, change.span),
            OverrideTarget::Section(patch) => self.patch_section(patch, change.span),
            OverrideTarget::Item(patch) => self.patch_item(patch, change.span),
        }
    }

    /// `override param …`: the base's declaration gives way to this one.
    fn replace(&mut self, mut decl: Decl, at: Span) {
        let Some(kind) = Kind::of(&decl) else { return };
        let index = if kind.is_single() {
            self.single(kind)
        } else {
            name_of(&decl).and_then(|name| self.named(kind, &name.name))
        };
        let Some(index) = index else {
            let name = name_of(&decl).cloned();
            self.unknown("override", kind, name.as_ref(), at);
            return;
        };
        inherit_label(&mut decl, &self.decls[index]);
        self.changes.forget(self.decls[index].span());
        self.changes.note(decl.span(), t!("change-overridden"), at);
        let monthly = matches!(&decl, Decl::Period(p) if p.name == "monthly");
        self.decls[index] = decl;
        if monthly {
            self.drop_rollups(at);
        }
    }

    /// A card whose period is overridden to `monthly` adds no months up:
    /// the base's `rollup` rules and its `partial` rule go (a quarterly card
    /// scored a month at a time, for a store that reviews monthly too).
    fn drop_rollups(&mut self, at: Span) {
        for decl in &mut self.decls {
            if let Decl::Input(input) = decl {
                if input.rollup.take().is_some() {
                    self.changes
                        .note(input.span, t!("change-rollup-dropped"), at);
                }
            }
        }
        if let Some(i) = self.single(Kind::Partial) {
            let gone = self.decls.remove(i);
            self.changes.forget(gone.span());
            self.changes.removed("partial", None, at);
        }
    }

    fn patch_section(&mut self, patch: SectionPatch, at: Span) {
        let Some(index) = self.named(Kind::Section, &patch.name.name) else {
            self.unknown("override", Kind::Section, Some(&patch.name), at);
            return;
        };
        let mut changed = Vec::new();
        let mut added = Vec::new();
        for item in patch.items {
            match self.lookup(&item.name.name) {
                Some(found) => self.already_declared(&item.name, found),
                None => added.push(item),
            }
        }
        let Decl::Section(section) = &mut self.decls[index] else {
            return;
        };
        if let Some(label) = patch.label {
            section.label = Some(label);
            changed.push(t!("change-label"));
        }
        if let Some(weight) = patch.weight {
            section.weight = weight;
            section.scaled = patch.scaled;
            changed.push(t!("change-weight"));
        }
        let span = section.span;
        for item in added {
            self.changes.note(item.span, t!("change-added"), item.span);
            section.items.push(item);
        }
        if !changed.is_empty() {
            self.changes
                .note(span, t!("change-changed", what = and_list(&changed)), at);
        }
    }

    fn patch_item(&mut self, patch: ItemPatch, at: Span) {
        let Some((s, i)) = self.item(&patch.name.name) else {
            self.unknown("override", Kind::Item, Some(&patch.name), at);
            return;
        };
        let Decl::Section(section) = &mut self.decls[s] else {
            return;
        };
        let item = &mut section.items[i];
        let mut changed = Vec::new();
        if let Some(label) = patch.label {
            item.label = Some(label);
            changed.push(t!("change-label"));
        }
        if let Some(points) = patch.points {
            item.points = points;
            changed.push(t!("change-points"));
        }
        if let Some(rules) = patch.rules {
            item.rules = rules;
            changed.push(t!("change-rules"));
        }
        let span = item.span;
        if !changed.is_empty() {
            self.changes
                .note(span, t!("change-changed", what = and_list(&changed)), at);
        }
    }

    // ─── Removing ────────────────────────────────────────────────────────────

    fn remove(&mut self, remove: Remove) {
        let kind = Kind::of_remove(remove.kind);
        let found = match (&remove.name, kind) {
            (None, _) => self.single(kind).map(Place::Decl),
            (Some(name), Kind::Item) => self.item(&name.name).map(|(s, i)| Place::Item(s, i)),
            (Some(name), _) => self.named(kind, &name.name).map(Place::Decl),
        };
        let Some(place) = found else {
            self.unknown("remove", kind, remove.name.as_ref(), remove.span);
            return;
        };
        match place {
            Place::Decl(i) => {
                let gone = self.decls.remove(i);
                self.changes.forget(gone.span());
            }
            Place::Item(s, i) => {
                if let Decl::Section(section) = &mut self.decls[s] {
                    let gone = section.items.remove(i);
                    self.changes.forget(gone.span);
                }
            }
        }
        let name = remove.name.as_ref().map(|n| n.name.clone());
        self.changes.removed(kind.word(), name, remove.span);
    }

    // ─── Finding things in the base ──────────────────────────────────────────

    /// The one declaration of a kind a card has at most one of.
    fn single(&self, kind: Kind) -> Option<usize> {
        self.decls.iter().position(|d| Kind::of(d) == Some(kind))
    }

    /// The declaration of `kind` named `name`.
    fn named(&self, kind: Kind, name: &str) -> Option<usize> {
        self.decls
            .iter()
            .position(|d| Kind::of(d) == Some(kind) && name_of(d).is_some_and(|n| n.name == name))
    }

    /// The section and position of the item named `name`.
    fn item(&self, name: &str) -> Option<(usize, usize)> {
        self.decls.iter().enumerate().find_map(|(s, d)| match d {
            Decl::Section(section) => section
                .items
                .iter()
                .position(|i| i.name.name == name)
                .map(|i| (s, i)),
            _ => None,
        })
    }

    /// Whatever is named `name`, of any kind (names are one namespace).
    fn lookup(&self, name: &str) -> Option<Found> {
        if let Some((s, i)) = self.item(name) {
            if let Decl::Section(section) = &self.decls[s] {
                return Some(Found {
                    kind: Kind::Item,
                    span: section.items[i].name.span,
                });
            }
        }
        self.decls.iter().find_map(|d| {
            let n = name_of(d).filter(|n| n.name == name)?;
            Some(Found {
                kind: Kind::of(d)?,
                span: n.span,
            })
        })
    }

    /// Every name of `kind` in the base, for "did you mean".
    fn names_of(&self, kind: Kind) -> Vec<String> {
        let mut names = Vec::new();
        for d in &self.decls {
            if kind == Kind::Item {
                if let Decl::Section(section) = d {
                    names.extend(section.items.iter().map(|i| i.name.name.clone()));
                }
            } else if Kind::of(d) == Some(kind) {
                names.extend(name_of(d).map(|n| n.name.clone()));
            }
        }
        names
    }

    /// `override`/`remove` named something the base does not have.
    fn unknown(&mut self, verb: &str, kind: Kind, name: Option<&Ident>, at: Span) {
        let Some(name) = name else {
            let d = Diagnostic::error(
                Code::UnknownOverride,
                t!("base-has-no", what = kind.noun(), verb = verb),
            )
            .label(at, t!("not-in-base"));
            let d = if verb == "override" {
                d.help(t!("base-has-no-help-override", kind = kind.word()))
            } else {
                d.help(t!("nothing-to-remove"))
            };
            self.report(d);
            return;
        };
        if let Some(found) = self.lookup(&name.name) {
            let d = Diagnostic::error(
                Code::UnknownOverride,
                t!(
                    "wrong-kind-in-base",
                    name = &name.name,
                    found = found.kind.described(),
                    what = kind.described()
                ),
            )
            .label(name.span, t!("wrong-kind-not", what = kind.described()))
            .label(
                found.span,
                t!("wrong-kind-here", what = found.kind.described()),
            )
            .help(match verb {
                "remove" => t!("write-remove", kind = found.kind.word(), name = &name.name),
                _ => t!(
                    "write-verb",
                    verb = verb,
                    kind = found.kind.word(),
                    name = &name.name
                ),
            });
            self.report(d);
            return;
        }
        let mut d = Diagnostic::error(
            Code::UnknownOverride,
            t!(
                "base-has-no-named",
                what = kind.noun(),
                name = &name.name,
                verb = verb
            ),
        )
        .label(name.span, t!("not-in-base"));
        d = match suggest(&name.name, &self.names_of(kind)) {
            Some(close) => d.help(t!("did-you-mean", name = close)),
            None if verb == "override" => d.help(t!(
                "override-adds-nothing",
                kind = kind.word(),
                name = &name.name
            )),
            None => d.help(t!("nothing-to-remove")),
        };
        self.report(d);
    }
}

/// The name a declaration declares, if it is a named one.
fn name_of(decl: &Decl) -> Option<&Ident> {
    match decl {
        Decl::Input(i) => Some(&i.name),
        Decl::Param(p) => Some(&p.name),
        Decl::Section(s) => Some(&s.name),
        Decl::Adjustment(a) => Some(&a.name),
        Decl::Band(b) => Some(&b.name),
        Decl::Output(o) => Some(&o.name),
        Decl::Rater(r) => Some(&r.name),
        Decl::Rank(r) => Some(&r.name),
        _ => None,
    }
}

/// A replacement that leaves out the label keeps the base's.
fn inherit_label(new: &mut Decl, old: &Decl) {
    let slot = match new {
        Decl::Input(i) => &mut i.label,
        Decl::Param(p) => &mut p.label,
        Decl::Adjustment(a) => &mut a.label,
        Decl::Band(b) => &mut b.label,
        Decl::Output(o) => &mut o.label,
        _ => return,
    };
    let old_label = match old {
        Decl::Input(i) => &i.label,
        Decl::Param(p) => &p.label,
        Decl::Adjustment(a) => &a.label,
        Decl::Band(b) => &b.label,
        Decl::Output(o) => &o.label,
        _ => return,
    };
    if slot.is_none() {
        slot.clone_from(old_label);
    }
}

/// "label", "label and points", "label, points and rules"
fn and_list(words: &[String]) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => t!(
            "change-and",
            init = init.join(&t!("data-list-sep")),
            last = last
        ),
    }
}

/// The closest of `names` to `name`, if it is close enough to be a typo.
fn suggest(name: &str, names: &[String]) -> Option<String> {
    let limit = (name.chars().count() / 3).max(1);
    names
        .iter()
        .map(|candidate| (strsim::levenshtein(name, candidate), candidate))
        .filter(|(distance, _)| *distance <= limit)
        .min()
        .map(|(_, candidate)| candidate.clone())
}
