//! `scorecard lsp`: a language server on stdin/stdout, for any editor that
//! speaks the Language Server Protocol (`editors/vscode/` starts it in VS
//! Code).
//!
//! Everything goes through the library, as `scorecard check` and `fmt` do:
//! a card is parsed, resolved and checked on every change, its bases read
//! from the editor's unsaved text when open ([`analysis::OpenFirst`]), and
//! the diagnostics, the names it declares ([`symbols`]), references and a
//! rename across its family ([`rename`]) and its canonical layout
//! (`syntax::fmt`) come from that. One thread; a request is answered before
//! the next is read.

mod analysis;
mod position;
mod rename;
mod symbols;

use super::{tell, Exit};
use analysis::{Analysis, Doc, Docs};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{self as note, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    CompletionItem, CompletionOptions, Documentation, GotoDefinitionResponse, Hover, HoverContents,
    HoverProviderCapability, Location, MarkupContent, MarkupKind, OneOf, PrepareRenameResponse,
    Range, RenameOptions, ServerCapabilities, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextEdit, Uri,
};
use position::{path_of, uri_of, Encoding, Lines};
use scorecard::i18n::{self, Lang};
use scorecard::source::Span;
use scorecard::{t, SourceFile};
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use symbols::{Kind, Symbol};

#[derive(Debug, clap::Args)]
/// Start the language server (texts: `help-lsp-*` in locales/*/help.ftl)
pub struct LspArgs {
    /// Talk over stdin and stdout (the only way; accepted for editors that pass it)
    #[arg(long)]
    pub stdio: bool,
}

/// Serves one editor until it says `exit`. `lang` is the `--lang` given on
/// the command line, which wins over the editor's `initializationOptions`.
pub fn run(_args: LspArgs, lang: Option<Lang>) -> Exit {
    eprintln!("{}", t!("lsp-started"));
    let (connection, io) = Connection::stdio();
    let result = serve(&connection, lang);
    drop(connection);
    match result {
        Ok(shut_down) => {
            // The reader has stopped (at `exit`, or at the end of stdin);
            // the writer stops once every reply is written.
            let _ = io.join();
            if shut_down {
                Exit::Ok
            } else {
                // Gone without `shutdown`: 1, as the protocol asks.
                Exit::DataError
            }
        }
        // The reader may still be waiting on stdin: no join, the process ends.
        Err(error) => {
            tell::error(t!("lsp-protocol-error", error = error));
            Exit::Usage
        }
    }
}

/// The whole conversation; `Ok(true)` after `shutdown` and `exit`.
fn serve(connection: &Connection, lang: Option<Lang>) -> Result<bool, String> {
    let (id, params) = connection.initialize_start().map_err(|e| e.to_string())?;
    let params: lsp_types::InitializeParams =
        serde_json::from_value(params).map_err(|e| e.to_string())?;
    if lang.is_none() {
        let asked = params
            .initialization_options
            .as_ref()
            .and_then(|o| o.get("lang"))
            .and_then(Value::as_str)
            .and_then(Lang::parse);
        if let Some(asked) = asked {
            i18n::set_lang(asked);
        }
    }
    let offered = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_deref());
    let encoding = Encoding::negotiate(offered);
    let capabilities = ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions::default()),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(lsp_types::CodeActionProviderCapability::Simple(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        document_formatting_provider: Some(OneOf::Left(true)),
        ..Default::default()
    };
    let result = serde_json::json!({
        "capabilities": capabilities,
        "serverInfo": { "name": "scorecard", "version": env!("CARGO_PKG_VERSION") },
    });
    connection
        .initialize_finish(id, result)
        .map_err(|e| e.to_string())?;
    let mut server = Server {
        connection,
        encoding,
        docs: Docs::default(),
        cards: HashMap::new(),
    };
    for message in &connection.receiver {
        match message {
            Message::Request(request) => {
                if connection
                    .handle_shutdown(&request)
                    .map_err(|e| e.to_string())?
                {
                    return Ok(true);
                }
                let id = request.id.clone();
                let answer = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    server.request(request)
                }))
                .unwrap_or_else(|_| Err(failed(t!("lsp-internal-error"))));
                server.send(match answer {
                    Ok(value) => Response::new_ok(id, value),
                    Err((code, message)) => Response::new_err(id, code as i32, message),
                });
            }
            Message::Notification(notification) => {
                if notification.method == note::Exit::METHOD {
                    return Ok(false);
                }
                let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    server.notification(notification)
                }));
            }
            Message::Response(_) => {}
        }
    }
    Ok(false)
}

type Answer = Result<Value, (ErrorCode, String)>;

fn failed(message: String) -> (ErrorCode, String) {
    (ErrorCode::RequestFailed, message)
}

fn params<P: serde::de::DeserializeOwned>(value: Value) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(value).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))
}

/// A notification's parameters; what cannot be read is told on stderr
/// (the editor's log of the server) and otherwise ignored, as the protocol asks.
fn parsed<P: serde::de::DeserializeOwned>(notification: Notification) -> Option<P> {
    match serde_json::from_value(notification.params) {
        Ok(p) => Some(p),
        Err(e) => {
            tell::error(t!(
                "lsp-bad-notification",
                method = notification.method,
                error = e.to_string()
            ));
            None
        }
    }
}

fn json(value: impl serde::Serialize) -> Answer {
    serde_json::to_value(value).map_err(|e| failed(e.to_string()))
}

/// An open card, checked as last changed, and the names it declares.
struct Card {
    analysis: Analysis,
    /// The names of the card as it last parsed, kept while it does not
    /// (completion goes on while a line is half typed).
    symbols: Vec<Symbol>,
    /// What the card's own file declares, as it last parsed: its outline.
    outline: Vec<Symbol>,
}

struct Server<'a> {
    connection: &'a Connection,
    encoding: Encoding,
    docs: Docs,
    cards: HashMap<PathBuf, Card>,
}

impl Server<'_> {
    fn send(&self, message: impl Into<Message>) {
        let _ = self.connection.sender.send(message.into());
    }

    fn notify<N: lsp_types::notification::Notification>(&self, params: N::Params) {
        self.send(Notification::new(N::METHOD.to_string(), params));
    }

    fn notification(&mut self, notification: Notification) {
        match notification.method.as_str() {
            note::DidOpenTextDocument::METHOD => {
                let Some(p) = parsed::<lsp_types::DidOpenTextDocumentParams>(notification) else {
                    return;
                };
                let path = doc_path(&p.text_document.uri);
                self.docs.0.insert(
                    path.clone(),
                    Doc {
                        uri: p.text_document.uri,
                        text: p.text_document.text,
                    },
                );
                self.check(Some(&path));
            }
            note::DidChangeTextDocument::METHOD => {
                let Some(p) = parsed::<lsp_types::DidChangeTextDocumentParams>(notification) else {
                    return;
                };
                let path = doc_path(&p.text_document.uri);
                let encoding = self.encoding;
                let Some(doc) = self.docs.0.get_mut(&path) else {
                    return;
                };
                for change in p.content_changes {
                    match change.range {
                        Some(range) => {
                            let lines = Lines::new(&doc.text, encoding);
                            let (start, end) = (lines.offset(range.start), lines.offset(range.end));
                            if start <= end {
                                doc.text.replace_range(start..end, &change.text);
                            }
                        }
                        None => doc.text = change.text,
                    }
                }
                self.check(Some(&path));
            }
            note::DidCloseTextDocument::METHOD => {
                let Some(p) = parsed::<lsp_types::DidCloseTextDocumentParams>(notification) else {
                    return;
                };
                let path = doc_path(&p.text_document.uri);
                self.docs.0.remove(&path);
                self.cards.remove(&path);
                self.notify::<note::PublishDiagnostics>(lsp_types::PublishDiagnosticsParams::new(
                    p.text_document.uri,
                    Vec::new(),
                    None,
                ));
                // A card that extends it reads the file on disk again.
                self.check(Some(&path));
            }
            // A base card, a hook script or the manifest changed on disk.
            note::DidSaveTextDocument::METHOD | note::DidChangeWatchedFiles::METHOD => {
                self.check(None)
            }
            _ => {}
        }
    }

    /// Checks again, and publishes the diagnostics of, the open card that
    /// `changed` and every open card that may read it (its chain holds it,
    /// or it did not resolve); every open card when `None` (a file changed
    /// on disk).
    fn check(&mut self, changed: Option<&Path>) {
        let reads = |card: Option<&Card>, changed: &Path| match card {
            Some(card) => match &card.analysis.resolved {
                Some(resolved) => resolved.chain.iter().any(|f| Path::new(&f.name) == changed),
                None => true,
            },
            None => true,
        };
        let paths: Vec<PathBuf> = self
            .docs
            .0
            .keys()
            .filter(|p| changed.is_none_or(|c| reads(self.cards.get(*p), c)))
            .cloned()
            .collect();
        for path in paths {
            let Some(doc) = self.docs.0.get(&path) else {
                continue;
            };
            let analysis = Analysis::new(&self.docs, &path, &doc.text);
            let diagnostics = analysis.lsp_diagnostics(self.encoding);
            let uri = doc.uri.clone();
            let fresh = match (&analysis.resolved, &analysis.own) {
                (Some(resolved), _) => Some(symbols::table(&resolved.source, &resolved.card)),
                (None, Some(own)) => Some(symbols::table(&analysis.source, own)),
                (None, None) => None,
            };
            let own = analysis
                .own
                .as_ref()
                .map(|own| symbols::table(&analysis.source, own));
            let old = self.cards.remove(&path);
            let (symbols, outline) = match old {
                Some(old) => (fresh.unwrap_or(old.symbols), own.unwrap_or(old.outline)),
                None => (fresh.unwrap_or_default(), own.unwrap_or_default()),
            };
            self.cards.insert(
                path,
                Card {
                    analysis,
                    symbols,
                    outline,
                },
            );
            self.notify::<note::PublishDiagnostics>(lsp_types::PublishDiagnosticsParams::new(
                uri,
                diagnostics,
                None,
            ));
        }
    }

    fn request(&mut self, request: Request) -> Answer {
        let Request { method, params, .. } = request;
        match method.as_str() {
            req::HoverRequest::METHOD => self.hover(self::params(params)?),
            req::Completion::METHOD => self.completion(self::params(params)?),
            req::GotoDefinition::METHOD => self.definition(self::params(params)?),
            req::References::METHOD => self.references(self::params(params)?),
            req::DocumentSymbolRequest::METHOD => self.outline(self::params(params)?),
            req::CodeActionRequest::METHOD => self.quick_fixes(self::params(params)?),
            req::PrepareRenameRequest::METHOD => self.prepare_rename(self::params(params)?),
            req::Rename::METHOD => self.rename(self::params(params)?),
            req::Formatting::METHOD => self.format(self::params(params)?),
            _ => Err((
                ErrorCode::MethodNotFound,
                t!("lsp-unknown-method", method = method),
            )),
        }
    }

    /// The open card at `uri`, its text, and the byte offset of `position` in it.
    fn at(
        &self,
        at: &lsp_types::TextDocumentPositionParams,
    ) -> Option<(PathBuf, &Doc, &Card, usize)> {
        let path = doc_path(&at.text_document.uri);
        let doc = self.docs.0.get(&path)?;
        let card = self.cards.get(&path)?;
        let offset = Lines::new(&doc.text, self.encoding).offset(at.position);
        Some((path, doc, card, offset))
    }

    /// The declared name written at `offset`, and where it is written.
    fn symbol_at<'c>(doc: &Doc, card: &'c Card, offset: usize) -> Option<(&'c Symbol, Span)> {
        let word = symbols::word_at(&doc.text, offset)?;
        let name = &doc.text[word.start..word.end];
        let symbol = card.symbols.iter().find(|s| s.name == name)?;
        Some((symbol, word))
    }

    fn hover(&self, p: lsp_types::HoverParams) -> Answer {
        let Some((path, doc, card, offset)) = self.at(&p.text_document_position_params) else {
            return Ok(Value::Null);
        };
        let Some((symbol, word)) = Self::symbol_at(doc, card, offset) else {
            return Ok(Value::Null);
        };
        let mut text = symbol.hover.clone();
        if Path::new(&symbol.file) != path {
            let line = SourceFile::new("", symbol.file_text.clone())
                .line_col(symbol.span.start)
                .0;
            let file = analysis::short_name(&symbol.file, &path.to_string_lossy());
            text += &format!(
                "\n\n{}",
                t!("lsp-hover-declared-in", file = file, line = line)
            );
        }
        json(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: text,
            }),
            range: Some(Lines::new(&doc.text, self.encoding).range(word)),
        })
    }

    fn completion(&self, p: lsp_types::CompletionParams) -> Answer {
        let Some((_, _, card, _)) = self.at(&p.text_document_position) else {
            return Ok(Value::Null);
        };
        let mut items: Vec<CompletionItem> = card
            .symbols
            .iter()
            .map(|s| CompletionItem {
                label: s.name.clone(),
                kind: Some(s.kind.completion()),
                detail: Some(s.detail.clone()),
                documentation: Some(Documentation::MarkupContent(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value: s.hover.clone(),
                })),
                sort_text: Some(format!("{}{}", u8::from(s.kind != Kind::Input), s.name)),
                ..Default::default()
            })
            .collect();
        let word = |label: &str, kind, detail: String, rank: u8| CompletionItem {
            label: label.to_string(),
            kind: Some(kind),
            detail: Some(detail),
            sort_text: Some(format!("{rank}{label}")),
            ..Default::default()
        };
        use lsp_types::CompletionItemKind as C;
        items.extend(
            symbols::FUNCTIONS
                .iter()
                .map(|f| word(f, C::FUNCTION, t!("lsp-builtin-function"), 2)),
        );
        items.extend(
            symbols::KEYWORDS
                .iter()
                .chain(symbols::OTHER_WORDS)
                .map(|k| word(k, C::KEYWORD, t!("lsp-keyword"), 3)),
        );
        json(items)
    }

    fn definition(&self, p: lsp_types::GotoDefinitionParams) -> Answer {
        let Some((path, doc, card, offset)) = self.at(&p.text_document_position_params) else {
            return Ok(Value::Null);
        };
        // On the text of `extends "…"` or `hooks "…"`: that file.
        if let Some(own) = &card.analysis.own {
            let inside = |span: Span| span.start <= offset && offset <= span.end;
            let mut file = None;
            if let Some(base) = own.extends.as_ref().filter(|e| inside(e.span)) {
                let name = scorecard::resolve::card_name(&card.analysis.source, &base.value);
                file = Some(PathBuf::from(name));
            }
            for decl in &own.decls {
                if let scorecard::syntax::ast::Decl::Hooks(h) = decl {
                    if inside(h.path.span) {
                        let folder = path.parent().unwrap_or(Path::new(""));
                        file = Some(folder.join(&h.path.value));
                    }
                }
            }
            if let Some(file) = file {
                return json(self.location(&file, None));
            }
        }
        let Some((symbol, _)) = Self::symbol_at(doc, card, offset) else {
            return Ok(Value::Null);
        };
        let location = match &symbol.script {
            Some(script) => {
                let text = self.docs.read(script).unwrap_or_default();
                let at = hook_function(&text, &symbol.name);
                self.location(script, at.map(|s| (text.as_str(), s)))
            }
            None => self.location(
                Path::new(&symbol.file),
                Some((&symbol.file_text, symbol.span)),
            ),
        };
        json(location.map(GotoDefinitionResponse::Scalar))
    }

    /// Where `span` of `file` (whose text is given) is; the file's start without a span.
    fn location(&self, file: &Path, span: Option<(&str, Span)>) -> Option<Location> {
        let uri = match self.docs.0.get(file) {
            Some(doc) => doc.uri.clone(),
            None => uri_of(file)?,
        };
        let range = match span {
            Some((text, span)) => Lines::new(text, self.encoding).range(span),
            None => Range::default(),
        };
        Some(Location::new(uri, range))
    }

    /// Every place the name is written in its family (the declaration
    /// included only when asked for).
    fn references(&self, p: lsp_types::ReferenceParams) -> Answer {
        let Some((_, doc, card, offset)) = self.at(&p.text_document_position) else {
            return Ok(Value::Null);
        };
        let Some((symbol, _)) = Self::symbol_at(doc, card, offset) else {
            return Ok(Value::Null);
        };
        let declared = (Path::new(&symbol.file), symbol.span);
        let mut locations = Vec::new();
        for (path, text, found) in rename::written(&self.docs, &card.analysis, symbol).cards {
            let Some(uri) = rename::uri_for(&self.docs, &path) else {
                continue;
            };
            let lines = Lines::new(&text, self.encoding);
            for span in found {
                if !p.context.include_declaration && declared == (path.as_path(), span) {
                    continue;
                }
                locations.push(Location::new(uri.clone(), lines.range(span)));
            }
        }
        json(locations)
    }

    /// The card's outline: its declarations in order, each section's items
    /// inside it.
    fn outline(&self, p: lsp_types::DocumentSymbolParams) -> Answer {
        let path = doc_path(&p.text_document.uri);
        let (Some(doc), Some(card)) = (self.docs.0.get(&path), self.cards.get(&path)) else {
            return Ok(Value::Null);
        };
        let lines = Lines::new(&doc.text, self.encoding);
        let mut out: Vec<lsp_types::DocumentSymbol> = Vec::new();
        let mut section: Option<Span> = None;
        for symbol in &card.outline {
            #[allow(deprecated)] // `deprecated` is a field the protocol keeps
            let entry = lsp_types::DocumentSymbol {
                name: symbol.name.clone(),
                detail: Some(symbol.detail.clone()),
                kind: symbol.kind.outline(),
                tags: None,
                deprecated: None,
                range: lines.range(symbol.extent),
                selection_range: lines.range(symbol.span),
                children: None,
            };
            let inside = section
                .is_some_and(|s| s.start <= symbol.extent.start && symbol.extent.end <= s.end);
            match out.last_mut() {
                Some(parent) if inside && symbol.kind != Kind::Section => {
                    parent.children.get_or_insert_with(Vec::new).push(entry)
                }
                _ => {
                    section = (symbol.kind == Kind::Section).then_some(symbol.extent);
                    out.push(entry);
                }
            }
        }
        json(out)
    }

    /// A misspelt name replaced by the one the checker suggests.
    // `WorkspaceEdit` keys its changes by `Uri` (see `rename::rename`).
    #[allow(clippy::mutable_key_type)]
    fn quick_fixes(&self, p: lsp_types::CodeActionParams) -> Answer {
        let mut actions = Vec::new();
        for diagnostic in &p.context.diagnostics {
            let replace = diagnostic.data.as_ref().and_then(|d| d.get("replace"));
            let Some(name) = replace.and_then(Value::as_str) else {
                continue;
            };
            let edit = TextEdit::new(diagnostic.range, name.to_string());
            let changes = HashMap::from([(p.text_document.uri.clone(), vec![edit])]);
            actions.push(lsp_types::CodeActionOrCommand::CodeAction(
                lsp_types::CodeAction {
                    title: t!("lsp-fix-replace", name = name),
                    kind: Some(lsp_types::CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic.clone()]),
                    edit: Some(lsp_types::WorkspaceEdit::new(changes)),
                    is_preferred: Some(true),
                    ..Default::default()
                },
            ));
        }
        json(actions)
    }

    fn prepare_rename(&self, p: lsp_types::TextDocumentPositionParams) -> Answer {
        let Some((_, doc, card, offset)) = self.at(&p) else {
            return Ok(Value::Null);
        };
        let Some((symbol, word)) = Self::symbol_at(doc, card, offset) else {
            return Err(failed(t!("lsp-rename-not-a-name")));
        };
        rename::can_rename(symbol).map_err(failed)?;
        let range = Lines::new(&doc.text, self.encoding).range(word);
        json(PrepareRenameResponse::Range(range))
    }

    fn rename(&self, p: lsp_types::RenameParams) -> Answer {
        let Some((_, doc, card, offset)) = self.at(&p.text_document_position) else {
            return Ok(Value::Null);
        };
        let Some((symbol, _)) = Self::symbol_at(doc, card, offset) else {
            return Err(failed(t!("lsp-rename-not-a-name")));
        };
        let renamed = rename::rename(
            &self.docs,
            &card.analysis,
            symbol,
            &p.new_name,
            self.encoding,
        )
        .map_err(failed)?;
        for text in renamed.notes {
            self.notify::<note::ShowMessage>(lsp_types::ShowMessageParams {
                typ: lsp_types::MessageType::INFO,
                message: text,
            });
        }
        json(renamed.edit)
    }

    fn format(&self, p: lsp_types::DocumentFormattingParams) -> Answer {
        let path = doc_path(&p.text_document.uri);
        let Some(doc) = self.docs.0.get(&path) else {
            return Ok(Value::Null);
        };
        let source = SourceFile::new(path.to_string_lossy().into_owned(), doc.text.as_str());
        // A card that does not parse is left as it is; its diagnostics say why.
        let Ok(formatted) = scorecard::syntax::fmt::format(&source) else {
            return Ok(Value::Null);
        };
        let edits = if formatted == doc.text {
            Vec::new()
        } else {
            let whole = Lines::new(&doc.text, self.encoding).whole();
            vec![TextEdit::new(whole, formatted)]
        };
        json(edits)
    }
}

/// The path an open document is known by: its file, or for an unsaved
/// buffer its URI as it is.
fn doc_path(uri: &Uri) -> PathBuf {
    path_of(uri).unwrap_or_else(|| PathBuf::from(uri.as_str()))
}

/// Where `fn name(` is in a rhai script.
fn hook_function(script: &str, name: &str) -> Option<Span> {
    let mut from = 0;
    while let Some(at) = script[from..].find("fn ") {
        let start = from + at;
        let after = &script[start + 3..];
        let trimmed = after.trim_start();
        let name_at = start + 3 + (after.len() - trimmed.len());
        if trimmed.starts_with(name) && trimmed[name.len()..].trim_start().starts_with('(') {
            return Some(Span::new(name_at, name_at + name.len()));
        }
        from = start + 3;
    }
    None
}
