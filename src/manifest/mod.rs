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
//! never a tie. [`route`] reads a data file and sends each row to its card;
//! a row that matches no entry is an error for that row, never dropped.

mod route;

pub use route::{route, CardRows, Routed, ROLE_HEADERS};

use crate::check::Checked;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::resolve::Loader;
use crate::source::{SourceFile, Span};
use std::sync::Arc;
use toml::Spanned;

/// The file a rules directory keeps its manifest in.
pub const MANIFEST_FILE: &str = "scorecard.toml";

/// A parsed manifest: its entries in the order written.
#[derive(Debug, Clone)]
pub struct Manifest {
    pub source: Arc<SourceFile>,
    pub entries: Vec<Entry>,
}

/// One `[[card]]`: who it is for, and the card file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub role: String,
    pub brand: Option<String>,
    pub store: Option<String>,
    /// As written: relative to the manifest's folder.
    pub file: String,
    /// Where `file = "…"`'s value is, for messages about the card.
    pub file_span: Span,
    /// The whole `[[card]]` table's first key, for messages about the entry.
    pub span: Span,
}

impl Entry {
    /// `回访专员 · 君威 · 一店`
    pub fn describe(&self) -> String {
        let mut parts = vec![self.role.as_str()];
        parts.extend(self.brand.as_deref());
        parts.extend(self.store.as_deref());
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
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryToml {
    role: Spanned<String>,
    brand: Option<Spanned<String>>,
    store: Option<Spanned<String>>,
    file: Spanned<String>,
}

fn span(range: std::ops::Range<usize>) -> Span {
    Span::new(range.start, range.end)
}

impl Manifest {
    /// Parses a manifest's text. Every problem comes back at once, located.
    pub fn parse(source: &Arc<SourceFile>) -> Result<Manifest, Diagnostics> {
        let problem = |message: String, at: Span, label: &str| {
            Diagnostic::error(Code::BadManifest, message)
                .in_file(source)
                .label(at, label)
        };
        let parsed: ManifestToml = toml::from_str(&source.text).map_err(|e| {
            let at = e.span().map_or(Span::new(0, 0), span);
            let message = e.message().trim_end_matches('\n').to_string();
            Diagnostics(vec![problem(message, at, "here").help(
                "each card is a `[[card]]` table with `role`, `file` and optionally `brand` and `store`",
            )])
        })?;
        let mut diagnostics = Diagnostics::default();
        let mut entries: Vec<Entry> = Vec::new();
        for table in parsed.card {
            let table_span = span(table.span());
            let e = table.into_inner();
            let clean = |s: &Spanned<String>| s.get_ref().trim().to_string();
            let entry = Entry {
                role: clean(&e.role),
                brand: e.brand.as_ref().map(clean),
                store: e.store.as_ref().map(clean),
                file: clean(&e.file),
                file_span: span(e.file.span()),
                span: span(e.role.span()),
            };
            for (value, what) in [
                (Some(&e.role), "role"),
                (e.brand.as_ref(), "brand"),
                (e.store.as_ref(), "store"),
                (Some(&e.file), "file"),
            ] {
                if value.is_some_and(|v| v.get_ref().trim().is_empty()) {
                    let at = value.map_or(table_span, |v| span(v.span()));
                    diagnostics.push(problem(format!("`{what}` is empty"), at, "empty"));
                }
            }
            if let (Some(store), None) = (&e.store, &e.brand) {
                diagnostics.push(
                    problem(
                        "a store entry needs its brand".into(),
                        span(store.span()),
                        "store without a brand",
                    )
                    .help("add `brand = \"…\"`: a store's card is chosen within its brand"),
                );
            }
            let same = entries.iter().find(|other| {
                (&other.role, &other.brand, &other.store)
                    == (&entry.role, &entry.brand, &entry.store)
            });
            if let Some(first) = same {
                diagnostics.push(
                    problem(
                        format!("two cards are listed for {}", entry.describe()),
                        entry.span,
                        "listed again here",
                    )
                    .label(first.span, "first listed here")
                    .help("keep one of the two entries"),
                );
                continue;
            }
            entries.push(entry);
        }
        if entries.is_empty() && !diagnostics.has_errors() {
            diagnostics.push(
                Diagnostic::error(Code::BadManifest, "the manifest lists no cards")
                    .in_file(source)
                    .help("add a `[[card]]` table with `role` and `file`"),
            );
        }
        if diagnostics.has_errors() {
            return Err(diagnostics);
        }
        Ok(Manifest {
            source: source.clone(),
            entries,
        })
    }

    /// The entry for a row with this role, brand and store: the most specific match.
    pub fn pick(&self, role: &str, brand: Option<&str>, store: Option<&str>) -> Option<usize> {
        // An entry that names no brand (or store) fits any.
        let fits = |want: &Option<String>, have: Option<&str>| match want {
            Some(want) => Some(want.as_str()) == have,
            None => true,
        };
        self.entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.role == role && fits(&e.brand, brand) && fits(&e.store, store))
            .max_by_key(|(_, e)| e.specificity())
            .map(|(i, _)| i)
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
                            format!("cannot read the card: {why}"),
                        )
                        .in_file(&manifest.source)
                        .label(entry.file_span, "listed here")
                        .help("`file` is relative to the manifest's folder"),
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
                &crate::hooks::HookDir::beside(std::path::Path::new(&*source.name)),
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
        Ok(Rules {
            manifest,
            cards,
            card_of_entry,
        })
    }

    /// Warnings about the cards (each card's own), to show beside the results.
    pub fn warnings(&self) -> Diagnostics {
        let mut all = Diagnostics::default();
        for card in &self.cards {
            all.extend(card.warnings.clone());
        }
        all
    }
}

#[cfg(test)]
mod tests;
