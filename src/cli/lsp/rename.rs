//! Renaming a name across a card family: the card that first declares it,
//! and every card in the rules directory that extends that card (directly
//! or through another), each place the name is written.

use super::analysis::{Analysis, Docs};
use super::position::{uri_of, Encoding, Lines};
use super::symbols::{self, Kind, Symbol};
use super::words::{is_name, words};
use lsp_types::{TextEdit, Uri, WorkspaceEdit};
use scorecard::confine;
use scorecard::resolve::card_name;
use scorecard::source::Span;
use scorecard::syntax;
use scorecard::{t, SourceFile};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The edits that rename `symbol` to `new`, and what the person renaming
/// should be told besides (data columns, the manifest).
pub struct Renamed {
    pub edit: WorkspaceEdit,
    pub notes: Vec<String>,
}

/// Whether `symbol` can be renamed here: `Err` says why not.
pub fn can_rename(symbol: &Symbol) -> Result<(), String> {
    if symbol.kind == Kind::Hook {
        let script = symbol
            .script
            .as_ref()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default();
        return Err(t!("lsp-rename-hook", file = script));
    }
    Ok(())
}

/// Where a name is written across its family: each card (by path) with its
/// text and the spans of the name in it, cards that do not write it left
/// out; and the rules root the family was looked for in.
pub struct Written {
    pub cards: Vec<(PathBuf, String, Vec<Span>)>,
    family: Vec<PathBuf>,
    root: PathBuf,
}

pub fn written(docs: &Docs, analysis: &Analysis, symbol: &Symbol) -> Written {
    let declaring = declaring_file(docs, analysis, symbol);
    let root = rules_root(&declaring);
    let mut texts = cards_under(docs, &root);
    let family = family(&texts, &declaring);
    let cards = family
        .iter()
        .filter_map(|path| {
            let text = texts.remove(path)?;
            let found: Vec<Span> = words(&text)
                .into_iter()
                .filter(|w| text[w.start..w.end] == symbol.name)
                .collect();
            Some((path.clone(), text, found))
        })
        .collect();
    Written {
        cards,
        family,
        root,
    }
}

/// The URI the client knows a file by: an open document's own, else its path's.
pub fn uri_for(docs: &Docs, path: &Path) -> Option<Uri> {
    match docs.0.get(path) {
        Some(doc) => Some(doc.uri.clone()),
        None => uri_of(path),
    }
}

// The protocol's `WorkspaceEdit` keys its changes by `Uri`, which caches its
// parts in cells; nothing here changes a key once it is in the map.
#[allow(clippy::mutable_key_type)]
pub fn rename(
    docs: &Docs,
    analysis: &Analysis,
    symbol: &Symbol,
    new: &str,
    encoding: Encoding,
) -> Result<Renamed, String> {
    can_rename(symbol)?;
    if !is_name(new) {
        return Err(t!("lsp-rename-bad-name", name = new));
    }
    let Written {
        cards,
        family,
        root,
    } = written(docs, analysis, symbol);
    let old = symbol.name.as_str();
    let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
    for (path, text, found) in &cards {
        if words(text).iter().any(|w| &text[w.start..w.end] == new) {
            return Err(t!("lsp-rename-taken", name = new, file = display(path)));
        }
        if found.is_empty() {
            continue;
        }
        let lines = Lines::new(text, encoding);
        let edits = found
            .iter()
            .map(|&w| TextEdit::new(lines.range(w), new.to_string()))
            .collect();
        if let Some(uri) = uri_for(docs, path) {
            changes.insert(uri, edits);
        }
    }
    let mut notes = Vec::new();
    if symbol.kind == Kind::Input {
        notes.push(t!("lsp-rename-data-columns", old = old, new = new));
    }
    // Files beside the cards that name inputs and items too: the manifest
    // (a step's `from`) and each card's cases. Told, not changed.
    let others = std::iter::once(root.join("scorecard.toml"))
        .chain(family.iter().map(|card| card.with_extension("cases.toml")));
    let mentioning: Vec<String> = others
        .filter(|file| {
            docs.read(file).is_some_and(|text| {
                text.contains(&format!("\"{old}\""))
                    || text.contains(&format!(".{old}\""))
                    || text.lines().any(|l| l.trim_start().starts_with(old))
            })
        })
        .map(|file| display(&file))
        .collect();
    if !mentioning.is_empty() {
        notes.push(t!(
            "lsp-rename-elsewhere",
            files = mentioning.join(", "),
            old = old
        ));
    }
    Ok(Renamed {
        edit: WorkspaceEdit::new(changes),
        notes,
    })
}

/// The file that first declares the name: the base furthest up the chain
/// whose own text declares it (an `override` in a brand's card declares
/// nothing new).
fn declaring_file(docs: &Docs, analysis: &Analysis, symbol: &Symbol) -> PathBuf {
    let Some(resolved) = &analysis.resolved else {
        return PathBuf::from(&symbol.file);
    };
    for file in resolved.chain.iter().rev() {
        let text = docs
            .text(&file.name)
            .map(str::to_string)
            .unwrap_or_else(|| file.text.to_string());
        let source = SourceFile::new(file.name.clone(), text);
        let Ok(card) = syntax::parse(&source) else {
            continue;
        };
        let declares = card.decls.iter().any(|d| {
            !matches!(d, syntax::ast::Decl::Override(_))
                && symbols::table(&source, &card_with(&card, d))
                    .iter()
                    .any(|s| s.name == symbol.name)
        });
        if declares {
            return PathBuf::from(&file.name);
        }
    }
    PathBuf::from(&symbol.file)
}

/// A card with only the declaration `decl` (and the card's notes), to list
/// what that one declaration names.
fn card_with(card: &syntax::ast::Card, decl: &syntax::ast::Decl) -> syntax::ast::Card {
    syntax::ast::Card {
        decls: vec![decl.clone()],
        ..card.clone()
    }
}

/// The rules root the family is looked for in: `--rules-root`, else the
/// nearest folder above the card holding a `scorecard.toml`, else its own.
fn rules_root(card: &Path) -> PathBuf {
    if let Some(root) = confine::rules_root() {
        return std::env::current_dir().unwrap_or_default().join(root);
    }
    let folder = card.parent().unwrap_or(Path::new(""));
    folder
        .ancestors()
        .find(|dir| dir.join("scorecard.toml").is_file())
        .unwrap_or(folder)
        .to_path_buf()
}

/// Every card under `root` with its text (the editor's, if open), and the
/// open cards wherever they are.
fn cards_under(docs: &Docs, root: &Path) -> HashMap<PathBuf, String> {
    let mut cards = HashMap::new();
    for entry in walkdir::WalkDir::new(root).into_iter().flatten() {
        let path = entry.path();
        if entry.file_type().is_file() && path.extension().is_some_and(|e| e == "card") {
            if let Some(text) = docs.read(path) {
                cards.insert(path.to_path_buf(), text);
            }
        }
    }
    for (path, doc) in &docs.0 {
        cards
            .entry(path.clone())
            .or_insert_with(|| doc.text.clone());
    }
    cards
}

/// The cards whose chain of `extends` reaches `declaring`, and it.
fn family(cards: &HashMap<PathBuf, String>, declaring: &Path) -> Vec<PathBuf> {
    let base: HashMap<&PathBuf, PathBuf> = cards
        .iter()
        .filter_map(|(path, text)| Some((path, extends(path, text)?)))
        .collect();
    let mut out: Vec<PathBuf> = cards
        .keys()
        .filter(|path| {
            let mut at = (*path).clone();
            for _ in 0..=scorecard::resolve::MAX_CHAIN {
                if at == declaring {
                    return true;
                }
                match base.get(&at) {
                    Some(next) => at = next.clone(),
                    None => return false,
                }
            }
            false
        })
        .cloned()
        .collect();
    out.sort();
    out
}

/// The card a card's `extends` names, as a path; read from the parsed card,
/// or, while it does not parse, from the words `extends "…"`.
fn extends(path: &Path, text: &str) -> Option<PathBuf> {
    let source = SourceFile::new(path.to_string_lossy().into_owned(), text);
    let written = match syntax::parse(&source) {
        Ok(card) => card.extends?.value,
        Err(_) => {
            let at = text.find("extends")? + "extends".len();
            let rest = text[at..].trim_start().strip_prefix('"')?;
            rest[..rest.find('"')?].to_string()
        }
    };
    Some(PathBuf::from(card_name(&source, &written)))
}

fn display(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}
