//! The rules manifest: which card scores whom.
//!
//! A dealership group keeps one card per role, and a brand or a store may
//! have its own version. `rules/scorecard.toml` lists them:
//!
//! ```toml
//! [[card]]
//! role = "回访专员"                              # the data's 岗位 column
//! file = "callback_specialist.card"             # relative to this file
//!
//! [[card]]
//! role  = "回访专员"
//! brand = "君威"                                 # the data's 品牌 column
//! file  = "brands/君威/callback_specialist.card"
//!
//! [[card]]
//! role  = "回访专员"
//! brand = "君威"
//! store = "一店"                                 # the data's 门店 column
//! file  = "brands/君威/一店/callback_specialist.card"
//! ```
//!
//! A row is scored with the most specific entry that matches it: role, brand
//! and store; else role and brand; else the role alone. A store entry names
//! its brand too (stores sit inside a brand, as the folders do), so there is
//! never a tie. Entries may be in steps (`step = "绩效工资"`), a later step's
//! card fed by an earlier one's results (`from`); `[group]` lists the
//! group's brands and stores. Sending rows to their cards is the run's
//! business ([`crate::run`]); a row that matches no entry is an error for
//! that row, never dropped.

use crate::check::Checked;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::resolve::Loader;
use crate::source::{SourceFile, Span};
use crate::t;
use std::sync::Arc;
use toml::Spanned;

/// The file a rules directory keeps its manifest in.
pub const MANIFEST_FILE: &str = "scorecard.toml";

/// A parsed manifest: its entries in the order written.
#[derive(Debug, Clone)]
pub struct Manifest {
    pub source: Arc<SourceFile>,
    pub entries: Vec<Entry>,
    /// The steps of a month's run, each after every step it reads from
    /// (the first step, [`FIRST_STEP`] by default, first).
    pub steps: Vec<String>,
    pub group: DealerGroup,
    /// Columns a data file may have that no card reads, without a warning
    /// (`[data] ignore = ["备注"]`).
    pub ignore: Vec<String>,
}

/// One `[[card]]`: who it is for, in which step, and the card file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub role: String,
    pub brand: Option<String>,
    pub store: Option<String>,
    /// The step of the month's run this card takes part in (`step = "绩效工资"`);
    /// [`FIRST_STEP`] when the entry names none.
    pub step: String,
    /// As written: relative to the manifest's folder.
    pub file: String,
    /// Inputs of this card fed by an earlier step's result for the same
    /// employee (`from = { 月度考核分数 = "考核.total" }`).
    pub feeds: Vec<EntryFeed>,
    /// Where `file = "…"`'s value is, for messages about the card.
    pub file_span: Span,
    /// The whole `[[card]]` table's first key, for messages about the entry.
    pub span: Span,
}

/// `月度考核分数 = "考核.total"`: an input fed by another step's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryFeed {
    /// The input of this entry's card.
    pub input: String,
    /// The step whose card scored the same employee.
    pub step: String,
    /// `total`, or an item, section, block, band or output of that card.
    pub key: String,
    /// Where the value (`"考核.total"`) is written.
    pub span: Span,
}

/// The step an entry is in when it names none: the appraisal.
pub const FIRST_STEP: &str = "考核";

impl Entry {
    /// `回访专员 · 君威 · 一店`, and the step when it is not the first
    /// (`回访专员 · 绩效工资`).
    pub fn describe(&self) -> String {
        let mut parts = vec![self.role.as_str()];
        parts.extend(self.brand.as_deref());
        parts.extend(self.store.as_deref());
        if self.step != FIRST_STEP {
            parts.push(&self.step);
        }
        parts.join(" · ")
    }

    /// How many of brand and store it names: a more specific entry wins.
    fn specificity(&self) -> usize {
        usize::from(self.brand.is_some()) + usize::from(self.store.is_some())
    }
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ManifestToml {
    #[serde(default)]
    card: Vec<Spanned<EntryToml>>,
    group: Option<Spanned<DealerGroupToml>>,
    data: Option<DataToml>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryToml {
    role: Spanned<String>,
    brand: Option<Spanned<String>>,
    store: Option<Spanned<String>>,
    step: Option<Spanned<String>>,
    file: Spanned<String>,
    #[serde(default)]
    from: std::collections::BTreeMap<String, Spanned<String>>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct DealerGroupToml {
    #[serde(default)]
    brands: Vec<Spanned<String>>,
    #[serde(default)]
    stores: Vec<Spanned<String>>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct DataToml {
    #[serde(default)]
    ignore: Vec<String>,
}

/// The group's brands and stores, as the manifest declares them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DealerGroup {
    /// Every brand of the group (`[group] brands = […]`): a row's brand must
    /// be one of these or one an entry names. Empty when not declared.
    pub brands: Vec<String>,
    /// Every store, likewise.
    pub stores: Vec<String>,
    /// Where `[group]` is, when declared.
    pub span: Option<Span>,
}

fn span(range: std::ops::Range<usize>) -> Span {
    Span::new(range.start, range.end)
}

impl Manifest {
    /// Parses a manifest's text. Every problem comes back at once, located.
    pub fn parse(source: &Arc<SourceFile>) -> Result<Manifest, Diagnostics> {
        let problem = |message: String, at: Span, label: String| {
            Diagnostic::error(Code::BadManifest, message)
                .in_file(source)
                .label(at, label)
        };
        let parsed: ManifestToml = toml::from_str(&source.text).map_err(|e| {
            let at = e.span().map_or(Span::new(0, 0), span);
            let message = e.message().trim_end_matches('\n').to_string();
            Diagnostics(vec![
                problem(message, at, t!("here")).help(t!("manifest-shape-help"))
            ])
        })?;
        let mut diagnostics = Diagnostics::default();
        let mut entries: Vec<Entry> = Vec::new();
        for table in parsed.card {
            let table_span = span(table.span());
            let e = table.into_inner();
            let clean = |s: &Spanned<String>| s.get_ref().trim().to_string();
            let mut feeds = Vec::new();
            for (input, value) in &e.from {
                let at = span(value.span());
                match value.get_ref().trim().split_once('.') {
                    Some((step, key)) if !step.trim().is_empty() && !key.trim().is_empty() => feeds
                        .push(EntryFeed {
                            input: input.trim().to_string(),
                            step: step.trim().to_string(),
                            key: key.trim().to_string(),
                            span: at,
                        }),
                    _ => diagnostics.push(
                        problem(
                            t!("feed-without-step", value = value.get_ref(), input = input),
                            at,
                            t!("feed-without-step-label"),
                        )
                        .help(t!(
                            "feed-without-step-help",
                            input = input,
                            step = FIRST_STEP
                        )),
                    ),
                }
            }
            let entry = Entry {
                role: clean(&e.role),
                brand: e.brand.as_ref().map(clean),
                store: e.store.as_ref().map(clean),
                step: e.step.as_ref().map_or(FIRST_STEP.to_string(), clean),
                file: clean(&e.file),
                feeds,
                file_span: span(e.file.span()),
                span: span(e.role.span()),
            };
            for (value, what) in [
                (Some(&e.role), "role"),
                (e.brand.as_ref(), "brand"),
                (e.store.as_ref(), "store"),
                (e.step.as_ref(), "step"),
                (Some(&e.file), "file"),
            ] {
                if value.is_some_and(|v| v.get_ref().trim().is_empty()) {
                    let at = value.map_or(table_span, |v| span(v.span()));
                    diagnostics.push(problem(t!("key-empty", key = what), at, t!("empty")));
                }
            }
            if let (Some(store), None) = (&e.store, &e.brand) {
                diagnostics.push(
                    problem(
                        t!("store-needs-brand"),
                        span(store.span()),
                        t!("store-needs-brand-label"),
                    )
                    .help(t!("store-needs-brand-help")),
                );
            }
            let same = entries.iter().find(|other| {
                (&other.role, &other.brand, &other.store, &other.step)
                    == (&entry.role, &entry.brand, &entry.store, &entry.step)
            });
            if let Some(first) = same {
                diagnostics.push(
                    problem(
                        t!("entry-twice", entry = entry.describe()),
                        entry.span,
                        t!("entry-twice-again"),
                    )
                    .label(first.span, t!("entry-twice-first"))
                    .help(t!("entry-twice-help")),
                );
                continue;
            }
            entries.push(entry);
        }
        if entries.is_empty() && !diagnostics.has_errors() {
            diagnostics.push(
                Diagnostic::error(Code::BadManifest, t!("manifest-no-cards"))
                    .in_file(source)
                    .help(t!("manifest-no-cards-help")),
            );
        }
        let group = dealer_group(parsed.group, &entries, source, &mut diagnostics);
        let steps = steps(&entries, source, &mut diagnostics);
        if diagnostics.has_errors() {
            return Err(diagnostics);
        }
        Ok(Manifest {
            source: source.clone(),
            entries,
            steps,
            group,
            ignore: parsed.data.map(|d| d.ignore).unwrap_or_default(),
        })
    }

    /// The entry for a row with this role, brand and store in the first step.
    pub fn pick(&self, role: &str, brand: Option<&str>, store: Option<&str>) -> Option<usize> {
        self.pick_in(FIRST_STEP, role, brand, store)
    }

    /// The entry for a row with this role, brand and store in `step`: the most specific match.
    pub fn pick_in(
        &self,
        step: &str,
        role: &str,
        brand: Option<&str>,
        store: Option<&str>,
    ) -> Option<usize> {
        // An entry that names no brand (or store) fits any.
        let fits = |want: &Option<String>, have: Option<&str>| match want {
            Some(want) => Some(want.as_str()) == have,
            None => true,
        };
        self.entries
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                e.step == step && e.role == role && fits(&e.brand, brand) && fits(&e.store, store)
            })
            .max_by_key(|(_, e)| e.specificity())
            .map(|(i, _)| i)
    }

    /// The steps `role` takes part in, in run order.
    pub fn steps_of(&self, role: &str) -> Vec<&str> {
        self.steps
            .iter()
            .filter(|step| {
                self.entries
                    .iter()
                    .any(|e| e.role == role && e.step == **step)
            })
            .map(String::as_str)
            .collect()
    }

    /// Every brand a row may name: the declared ones and those entries name.
    pub fn brands(&self) -> Vec<&str> {
        known(
            &self.group.brands,
            self.entries.iter().filter_map(|e| e.brand.as_deref()),
        )
    }

    /// Every store a row may name: the declared ones and those entries name.
    pub fn stores(&self) -> Vec<&str> {
        known(
            &self.group.stores,
            self.entries.iter().filter_map(|e| e.store.as_deref()),
        )
    }

    /// The roles listed, in order, each once (for "did you mean" and help).
    pub fn roles(&self) -> Vec<&str> {
        let mut roles: Vec<&str> = Vec::new();
        for e in &self.entries {
            if !roles.contains(&e.role.as_str()) {
                roles.push(&e.role);
            }
        }
        roles
    }
}

/// Declared names first, then any other an entry names, each once.
fn known<'a>(declared: &'a [String], named: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut all: Vec<&str> = declared.iter().map(String::as_str).collect();
    for name in named {
        if !all.contains(&name) {
            all.push(name);
        }
    }
    all
}

/// The `[group]` table, checked: an entry's brand or store must be declared
/// when the group declares its brands or stores (a typo there would route
/// nobody).
fn dealer_group(
    table: Option<Spanned<DealerGroupToml>>,
    entries: &[Entry],
    source: &Arc<SourceFile>,
    diagnostics: &mut Diagnostics,
) -> DealerGroup {
    let Some(table) = table else {
        return DealerGroup::default();
    };
    let at = span(table.span());
    let table = table.into_inner();
    let list = |values: &[Spanned<String>], what: String, diagnostics: &mut Diagnostics| {
        let mut names: Vec<String> = Vec::new();
        for value in values {
            let name = value.get_ref().trim().to_string();
            if name.is_empty() {
                diagnostics.push(
                    Diagnostic::error(Code::BadManifest, t!("group-name-empty", what = &what))
                        .in_file(source)
                        .label(span(value.span()), t!("empty")),
                );
            } else if names.contains(&name) {
                diagnostics.push(
                    Diagnostic::error(
                        Code::BadManifest,
                        t!("group-name-twice", what = &what, name = &name),
                    )
                    .in_file(source)
                    .label(span(value.span()), t!("again-here")),
                );
            } else {
                names.push(name);
            }
        }
        names
    };
    let group = DealerGroup {
        brands: list(&table.brands, t!("group-brand"), diagnostics),
        stores: list(&table.stores, t!("group-store"), diagnostics),
        span: Some(at),
    };
    for entry in entries {
        for (value, declared, what) in [
            (&entry.brand, &group.brands, t!("group-brand")),
            (&entry.store, &group.stores, t!("group-store")),
        ] {
            let Some(value) = value else { continue };
            if declared.is_empty() || declared.contains(value) {
                continue;
            }
            let mut d = Diagnostic::error(
                Code::BadManifest,
                t!("not-in-group", what = &what, value = value),
            )
            .in_file(source)
            .label(
                entry.span,
                t!("not-in-group-entry", what = &what, value = value),
            )
            .label(at, t!("not-in-group-list", what = &what));
            if let Some(close) = crate::suggest::closest(value, declared.iter().map(String::as_str))
            {
                d = d.help(t!("did-you-mean", name = close));
            } else {
                d = d.help(t!("not-in-group-help", what = &what, value = value));
            }
            diagnostics.push(d);
        }
    }
    group
}

/// The steps in run order: each after the steps its entries read from.
/// A step no entry is in, or steps that read each other, are errors.
fn steps(
    entries: &[Entry],
    source: &Arc<SourceFile>,
    diagnostics: &mut Diagnostics,
) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for entry in entries {
        if !names.contains(&entry.step) {
            names.push(entry.step.clone());
        }
    }
    // What each step reads, checked as we go.
    let mut reads: Vec<Vec<usize>> = vec![Vec::new(); names.len()];
    for entry in entries {
        let me = names
            .iter()
            .position(|n| *n == entry.step)
            .unwrap_or_default();
        for feed in &entry.feeds {
            let has_role = entries
                .iter()
                .any(|e| e.step == feed.step && e.role == entry.role);
            match names.iter().position(|n| *n == feed.step) {
                Some(step) if step == me => diagnostics.push(
                    Diagnostic::error(
                        Code::BadManifest,
                        t!("feed-same-step", input = &feed.input, step = &feed.step),
                    )
                    .in_file(source)
                    .label(feed.span, t!("feed-same-step-label"))
                    .help(t!("feed-same-step-help")),
                ),
                Some(_) if !has_role => diagnostics.push(
                    Diagnostic::error(
                        Code::BadManifest,
                        t!(
                            "step-lacks-role",
                            step = &feed.step,
                            role = &entry.role,
                            input = &feed.input
                        ),
                    )
                    .in_file(source)
                    .label(feed.span, t!("step-lacks-role-label"))
                    .help(t!(
                        "step-lacks-role-help",
                        role = &entry.role,
                        step = &feed.step
                    )),
                ),
                Some(step) => {
                    if !reads[me].contains(&step) {
                        reads[me].push(step);
                    }
                }
                None => {
                    let mut d =
                        Diagnostic::error(Code::BadManifest, t!("no-such-step", step = &feed.step))
                            .in_file(source)
                            .label(feed.span, t!("no-such-step-label"));
                    let steps = names.iter().map(String::as_str);
                    d = match crate::suggest::closest(&feed.step, steps) {
                        Some(close) => d.help(t!("did-you-mean", name = close)),
                        None => d.help(t!(
                            "no-such-step-help",
                            steps = names
                                .iter()
                                .map(|n| format!("`{n}`"))
                                .collect::<Vec<_>>()
                                .join(", "),
                            first = FIRST_STEP
                        )),
                    };
                    diagnostics.push(d);
                }
            }
        }
    }
    // Run order: a step once every step it reads has run (first-written first).
    let mut order: Vec<usize> = Vec::new();
    while order.len() < names.len() {
        let next = (0..names.len())
            .find(|&s| !order.contains(&s) && reads[s].iter().all(|r| order.contains(r)));
        match next {
            Some(s) => order.push(s),
            None => {
                let stuck: Vec<String> = (0..names.len())
                    .filter(|s| !order.contains(s))
                    .map(|s| format!("`{}`", names[s]))
                    .collect();
                diagnostics.push(
                    Diagnostic::error(
                        Code::BadManifest,
                        t!("steps-loop", steps = stuck.join(", ")),
                    )
                    .in_file(source)
                    .help(t!("steps-loop-help")),
                );
                return names;
            }
        }
    }
    order.into_iter().map(|s| names[s].clone()).collect()
}

/// A manifest and the cards it names, each compiled once.
#[derive(Debug, Clone)]
pub struct Rules {
    pub manifest: Manifest,
    /// Every distinct card file, compiled, with its name.
    pub cards: Vec<Checked>,
    /// For each entry, its card in `cards`.
    pub card_of_entry: Vec<usize>,
}

impl Rules {
    /// Compiles every card the manifest names (files relative to the
    /// manifest). A card that cannot be read is reported at its `file = "…"`;
    /// a card with errors, in its own file. All at once.
    pub fn compile(manifest: Manifest, loader: &dyn Loader) -> Result<Rules, Diagnostics> {
        let mut diagnostics = Diagnostics::default();
        let mut cards: Vec<Checked> = Vec::new();
        let mut names: Vec<String> = Vec::new();
        let mut card_of_entry = Vec::new();
        for entry in &manifest.entries {
            let source = match loader.load(&manifest.source, &entry.file) {
                Ok(source) => source,
                Err(why) => {
                    diagnostics.push(
                        Diagnostic::error(
                            Code::MissingCard,
                            t!("manifest-card-unreadable", why = why.message()),
                        )
                        .in_file(&manifest.source)
                        .label(entry.file_span, t!("listed-here"))
                        .help(t!("manifest-card-unreadable-help")),
                    );
                    card_of_entry.push(usize::MAX);
                    continue;
                }
            };
            if let Some(i) = names.iter().position(|n| *n == source.name) {
                card_of_entry.push(i);
                continue;
            }
            match crate::compile_with(
                &source,
                loader,
                &crate::files::HookDir::beside(std::path::Path::new(&*source.name)),
            ) {
                Ok(checked) => {
                    names.push(source.name.clone());
                    card_of_entry.push(cards.len());
                    cards.push(checked);
                }
                Err(d) => {
                    diagnostics.extend(d);
                    card_of_entry.push(usize::MAX);
                }
            }
        }
        if diagnostics.has_errors() {
            return Err(diagnostics);
        }
        let rules = Rules {
            manifest,
            cards,
            card_of_entry,
        };
        rules.check_feeds(&mut diagnostics);
        if diagnostics.has_errors() {
            return Err(diagnostics);
        }
        Ok(rules)
    }

    /// The card of entry `entry`.
    pub fn card_of(&self, entry: usize) -> &Checked {
        &self.cards[self.card_of_entry[entry]]
    }

    /// Each `from` of each entry: the input is its card's, and every card of
    /// the step it reads (for the role, whatever the brand or store) gives
    /// the key, of the input's kind.
    fn check_feeds(&self, diagnostics: &mut Diagnostics) {
        let source = &self.manifest.source;
        for (e, entry) in self.manifest.entries.iter().enumerate() {
            let card = &self.card_of(e).card();
            for feed in &entry.feeds {
                let problem = |message: String, label: String| {
                    Diagnostic::error(Code::BadManifest, message)
                        .in_file(source)
                        .label(feed.span, label)
                };
                let Some(input) = card.input_index(&feed.input) else {
                    let names = card.inputs().iter().map(|i| i.name.as_str());
                    let mut d = problem(
                        t!("feed-not-an-input", input = &feed.input, file = &entry.file),
                        t!("fed-here"),
                    );
                    if let Some(close) = crate::suggest::closest(&feed.input, names) {
                        d = d.help(t!("did-you-mean", name = close));
                    }
                    diagnostics.push(d);
                    continue;
                };
                let want = card.inputs()[input].ty.value_type();
                let upstream = self
                    .manifest
                    .entries
                    .iter()
                    .enumerate()
                    .filter(|(_, u)| u.step == feed.step && u.role == entry.role);
                for (u, up) in upstream {
                    let giver = &self.card_of(u).card();
                    match giver.key_type(&feed.key) {
                        None => diagnostics.push(
                            problem(
                                t!(
                                    "feed-no-key",
                                    file = &up.file,
                                    entry = up.describe(),
                                    key = &feed.key
                                ),
                                t!("read-here"),
                            )
                            .help(t!("feed-no-key-help")),
                        ),
                        Some(have) if have != want => diagnostics.push(problem(
                            t!(
                                "feed-wrong-type",
                                key = &feed.key,
                                from = &up.file,
                                have = have.to_string(),
                                input = &feed.input,
                                file = &entry.file,
                                want = want.to_string()
                            ),
                            t!("read-here"),
                        )),
                        Some(_) => {}
                    }
                }
            }
        }
    }

    /// Warnings about the cards (each card's own), to show beside the results.
    pub fn warnings(&self) -> Diagnostics {
        let mut all = Diagnostics::default();
        for card in &self.cards {
            all.extend(card.warnings().clone());
        }
        all
    }
}

#[cfg(test)]
mod tests;
