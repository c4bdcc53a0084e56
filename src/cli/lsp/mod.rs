//! `scorecard lsp`: a language server on stdin/stdout, for any editor that
//! speaks the Language Server Protocol (`editors/vscode/` starts it in VS
//! Code).
//!
//! Everything goes through the library, as `scorecard check` and `fmt` do:
//! a card is parsed, resolved and checked on every change, its bases read
//! from the editor's unsaved text when open ([`analysis::OpenFirst`]), and
//! the diagnostics, the names it declares ([`symbols`]), references and a
//! rename across its family ([`rename`]) and its canonical layout
//! (`syntax::fmt`) come from that. This file holds the conversation and the
//! open documents; [`requests`] the answers. One thread; a request is
//! answered before the next is read.

mod analysis;
mod position;
mod rename;
mod requests;
mod symbols;
mod words;

use super::{tell, Exit};
use analysis::{Analysis, Doc, Docs};
use lsp_server::{Connection, ErrorCode, Message, Notification, Response};
use lsp_types::notification::{self as note, Notification as _};
use lsp_types::{
    CompletionOptions, HoverProviderCapability, OneOf, RenameOptions, ServerCapabilities,
    TextDocumentSyncCapability, TextDocumentSyncKind, Uri,
};
use position::{path_of, Encoding, Lines};
use scorecard::i18n::{self, Lang};
use scorecard::t;
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use symbols::Symbol;

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
}

/// The path an open document is known by: its file, or for an unsaved
/// buffer its URI as it is.
fn doc_path(uri: &Uri) -> PathBuf {
    path_of(uri).unwrap_or_else(|| PathBuf::from(uri.as_str()))
}
