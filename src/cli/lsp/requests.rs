//! The requests an editor asks and their answers: hover, completion,
//! definition, references, the outline, quick fixes, rename and formatting.
//! Each reads the open card as last checked (`Card`), never the disk but
//! for files the editor does not have open.

use super::analysis::{short_name, Doc};
use super::position::{uri_of, Lines};
use super::symbols::{Kind, Symbol};
use super::{doc_path, failed, json, rename, words, Answer, Card, Server};
use lsp_server::{ErrorCode, Request};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    CompletionItem, Documentation, GotoDefinitionResponse, Hover, HoverContents, Location,
    MarkupContent, MarkupKind, PrepareRenameResponse, Range, TextEdit,
};
use scorecard::source::Span;
use scorecard::{t, SourceFile};
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A request's parameters, or the protocol's error for them.
fn read<P: serde::de::DeserializeOwned>(value: Value) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(value).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))
}

impl Server<'_> {
    pub(super) fn request(&mut self, request: Request) -> Answer {
        let Request { method, params, .. } = request;
        match method.as_str() {
            req::HoverRequest::METHOD => self.hover(read(params)?),
            req::Completion::METHOD => self.completion(read(params)?),
            req::GotoDefinition::METHOD => self.definition(read(params)?),
            req::References::METHOD => self.references(read(params)?),
            req::DocumentSymbolRequest::METHOD => self.outline(read(params)?),
            req::CodeActionRequest::METHOD => self.quick_fixes(read(params)?),
            req::PrepareRenameRequest::METHOD => self.prepare_rename(read(params)?),
            req::Rename::METHOD => self.rename(read(params)?),
            req::Formatting::METHOD => self.format(read(params)?),
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
        let word = words::word_at(&doc.text, offset)?;
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
            let file = short_name(&symbol.file, &path.to_string_lossy());
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
            words::FUNCTIONS
                .iter()
                .map(|f| word(f, C::FUNCTION, t!("lsp-builtin-function"), 2)),
        );
        items.extend(
            words::KEYWORDS
                .iter()
                .chain(words::OTHER_WORDS)
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
            self.notify::<lsp_types::notification::ShowMessage>(lsp_types::ShowMessageParams {
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
