//! A card as the editor holds it, checked: the open documents' unsaved text
//! comes first, the files on disk after, and the checker's diagnostics turned
//! into the protocol's, each in the file it is about.

use super::position::{uri_of, Encoding, Lines};
use lsp_types::{DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Uri};
use scorecard::diagnostic::{Diagnostic, Severity};
use scorecard::resolve::{self, card_name, LoadError, Resolved};
use scorecard::source::Span;
use scorecard::syntax::{self, ast};
use scorecard::HookDir;
use scorecard::{t, Diagnostics, FileLoader, Loader, SourceFile};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A document the editor has open.
pub struct Doc {
    /// As the client wrote it: diagnostics go back under the same URI.
    pub uri: Uri,
    pub text: String,
}

/// The open documents, by the path of their file.
#[derive(Default)]
pub struct Docs(pub HashMap<PathBuf, Doc>);

impl Docs {
    /// The text of the file named `name` (a path as the loader names it):
    /// the editor's if it is open, else `None`.
    pub fn text(&self, name: &str) -> Option<&str> {
        self.0.get(Path::new(name)).map(|d| d.text.as_str())
    }

    /// The file's text: the editor's if open, else what is on disk.
    pub fn read(&self, path: &Path) -> Option<String> {
        match self.0.get(path) {
            Some(doc) => Some(doc.text.clone()),
            None => std::fs::read_to_string(path).ok(),
        }
    }
}

/// Finds the cards an `extends` names: an open document's text if the
/// editor has the file open, else the file, read as `scorecard check`
/// reads it (inside the rules root, a `.card` file, not too large).
pub struct OpenFirst<'a> {
    docs: &'a Docs,
    files: FileLoader,
}

impl<'a> OpenFirst<'a> {
    pub fn new(docs: &'a Docs) -> Self {
        OpenFirst {
            docs,
            files: FileLoader::new(),
        }
    }
}

impl Loader for OpenFirst<'_> {
    fn load(&self, from: &SourceFile, path: &str) -> Result<Arc<SourceFile>, LoadError> {
        let name = card_name(from, path);
        let open = self.docs.text(&name);
        match (self.files.load(from, path), open) {
            // The file may be read; the editor's text stands for it.
            (Ok(file), Some(text)) => Ok(SourceFile::new(file.name.clone(), text)),
            (Ok(file), None) => Ok(file),
            // A new card not saved yet.
            (Err(_), Some(text)) if !Path::new(&name).exists() => Ok(SourceFile::new(name, text)),
            (Err(why), _) => Err(why),
        }
    }
}

/// One card checked as the editor holds it.
pub struct Analysis {
    /// The card's own file (its name is its path).
    pub source: Arc<SourceFile>,
    /// The card as parsed, if it parses.
    pub own: Option<ast::Card>,
    /// The card with its bases applied, if they could all be read and applied.
    pub resolved: Option<Resolved>,
    /// Errors, or the warnings of a card that checks.
    pub diagnostics: Diagnostics,
}

impl Analysis {
    /// Parses, resolves and checks the card at `path` with the text `text`.
    pub fn new(docs: &Docs, path: &Path, text: &str) -> Analysis {
        let source = SourceFile::new(path.to_string_lossy().into_owned(), text);
        let own = syntax::parse(&source);
        let loader = OpenFirst::new(docs);
        let (resolved, diagnostics) = match resolve::resolve(&source, &loader) {
            Ok(resolved) => {
                let checked = resolve::check_with(&resolved, &HookDir::beside(path));
                let diagnostics = match checked {
                    Ok(checked) => checked.warnings().clone(),
                    Err(errors) => errors,
                };
                (Some(resolved), diagnostics)
            }
            Err(errors) => (None, errors),
        };
        Analysis {
            source,
            own: own.ok(),
            resolved,
            diagnostics,
        }
    }

    /// The diagnostics that belong in this card's file, as the protocol's.
    /// A problem that lies wholly in another file (a base card) is shown at
    /// this card's `extends`, saying where it is.
    pub fn lsp_diagnostics(&self, encoding: Encoding) -> Vec<lsp_types::Diagnostic> {
        let lines = Lines::new(&self.source.text, encoding);
        let extends = self
            .own
            .as_ref()
            .and_then(|c| c.extends.as_ref())
            .map_or(Span::new(0, 0), |e| e.span);
        let mut out = Vec::new();
        for diagnostic in &self.diagnostics.0 {
            let pieces = diagnostic.split_by_file();
            let mut related = Vec::new();
            let mut here: Option<(Span, Option<String>)> = None;
            let mut elsewhere: Option<(String, usize)> = None;
            for piece in &pieces {
                let Some(file) = &piece.source else { continue };
                let ours = file.name == self.source.name;
                for (i, label) in piece.labels.iter().enumerate() {
                    if ours && here.is_none() {
                        here = Some((label.span, piece.help.clone()));
                        continue;
                    }
                    if !ours && elsewhere.is_none() && i == 0 {
                        elsewhere = Some((file.name.clone(), file.line_col(label.span.start).0));
                    }
                    if let Some(location) = location_in(file, label.span, encoding) {
                        related.push(DiagnosticRelatedInformation {
                            location,
                            message: label.text.clone(),
                        });
                    }
                }
            }
            let help = pieces.iter().find_map(|p| p.help.clone());
            let fix = here.as_ref().and_then(|_| suggestion(diagnostic));
            let (span, message) = match (here, elsewhere) {
                (Some((span, _)), _) => (span, diagnostic.message.clone()),
                (None, Some((file, line))) => (
                    extends,
                    t!(
                        "lsp-elsewhere",
                        message = diagnostic.message.as_str(),
                        file = short_name(&file, &self.source.name),
                        line = line
                    ),
                ),
                (None, None) => (extends, diagnostic.message.clone()),
            };
            let message = match help {
                Some(help) => format!("{message}\n{}: {help}", t!("diag-help")),
                None => message,
            };
            out.push(lsp_types::Diagnostic {
                range: lines.range(span),
                severity: Some(severity(diagnostic)),
                code: Some(NumberOrString::String(diagnostic.code.as_str().into())),
                source: Some("scorecard".into()),
                message,
                related_information: (!related.is_empty()).then_some(related),
                data: fix.map(|name| serde_json::json!({ "replace": name })),
                ..Default::default()
            });
        }
        out
    }
}

/// The name a diagnostic suggests instead of what is written (its help is
/// exactly "did you mean `NAME`?"), for a quick fix.
fn suggestion(d: &Diagnostic) -> Option<String> {
    let help = d.help.as_deref()?;
    let (_, rest) = help.split_once('`')?;
    let (name, _) = rest.split_once('`')?;
    (help == t!("did-you-mean", name = name)).then(|| name.to_string())
}

fn severity(d: &Diagnostic) -> DiagnosticSeverity {
    match d.severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
    }
}

/// Where `span` of the plain file `file` is, for the client.
pub fn location_in(file: &SourceFile, span: Span, encoding: Encoding) -> Option<Location> {
    let uri = uri_of(Path::new(&file.name))?;
    let range = Lines::new(&file.text, encoding).range(span);
    Some(Location::new(uri, range))
}

/// The file `other` as written from the folder of the file `from`
/// (`../../callback_specialist.card`).
pub fn short_name(other: &str, from: &str) -> String {
    let folder: Vec<_> = Path::new(from)
        .parent()
        .unwrap_or(Path::new(""))
        .components()
        .collect();
    let target: Vec<_> = Path::new(other).components().collect();
    let common = folder
        .iter()
        .zip(&target)
        .take_while(|(a, b)| a == b)
        .count();
    if common == 0 {
        return other.to_string();
    }
    let mut out = PathBuf::new();
    for _ in common..folder.len() {
        out.push("..");
    }
    for part in &target[common..] {
        out.push(part);
    }
    out.to_string_lossy().replace('\\', "/")
}
