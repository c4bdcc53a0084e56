//! A hook file, compiled once when the card is checked.

use super::engine::engine;
use crate::diagnostic::{Code, Diagnostic};
use crate::source::{SourceFile, Span};
use std::fmt;
use std::sync::Arc;

/// A compiled `.rhai` file: its text (for diagnostics and traces) and the
/// functions it defines. Cloning is cheap; the compiled form is shared.
#[derive(Clone)]
pub struct HookScript {
    /// The script's text and path, for diagnostics and traces.
    pub source: Arc<SourceFile>,
    pub(super) ast: Arc<rhai::AST>,
}

impl fmt::Debug for HookScript {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HookScript")
            .field("source", &self.source.name)
            .field("functions", &self.functions())
            .finish()
    }
}

impl HookScript {
    /// Compiles a script. A syntax error (or a name no function declares)
    /// becomes a diagnostic pointing into the script, at its line and column.
    pub fn compile(source: &Arc<SourceFile>) -> Result<HookScript, Diagnostic> {
        let ast = engine()
            .compile(&*source.text)
            .map_err(|e| syntax_error(source, &e))?;
        // Only the functions matter: top-level statements are never run, so
        // a call depends on its arguments alone.
        Ok(HookScript {
            source: source.clone(),
            ast: Arc::new(ast.clone_functions_only()),
        })
    }

    /// Every function the script defines, as (name, number of parameters), sorted.
    pub fn functions(&self) -> Vec<(String, usize)> {
        let mut functions: Vec<(String, usize)> = self
            .ast
            .iter_functions()
            .map(|f| (f.name.to_string(), f.params.len()))
            .collect();
        functions.sort();
        functions
    }

    /// Whether the script defines `name` with `arity` parameters.
    pub fn defines(&self, name: &str, arity: usize) -> bool {
        self.ast
            .iter_functions()
            .any(|f| f.name == name && f.params.len() == arity)
    }

    /// The byte span of a rhai position (1-based line, 1-based column in characters).
    pub(crate) fn span_at(&self, position: rhai::Position) -> Option<Span> {
        span_at(&self.source, position)
    }
}

fn syntax_error(source: &Arc<SourceFile>, error: &rhai::ParseError) -> Diagnostic {
    let what = error.err_type().to_string();
    let d = Diagnostic::error(
        Code::Syntax,
        crate::t!("hook-script-does-not-compile", name = &source.name),
    )
    .in_file(source)
    .help(crate::t!("hook-script-does-not-compile-help"));
    match span_at(source, error.position()) {
        Some(span) => d.label(span, lowercase_first(&what)),
        None => Diagnostic {
            message: format!("{}: {}", d.message, lowercase_first(&what)),
            ..d
        },
    }
}

/// rhai counts lines from 1 and columns in characters from 1.
pub(super) fn span_at(source: &SourceFile, position: rhai::Position) -> Option<Span> {
    let line = position.line()?;
    let column = position.position().unwrap_or(1);
    let text = &source.text;
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2).map(|(i, _)| i + 1)?
    };
    let rest = &text[line_start..];
    let start = rest
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(rest.len(), |(i, _)| i);
    let width = rest[start..].chars().next().map_or(0, char::len_utf8);
    Some(Span::new(line_start + start, line_start + start + width))
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
