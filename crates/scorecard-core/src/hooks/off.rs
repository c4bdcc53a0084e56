//! A core built without the `hooks` feature: no rhai. A card that names a
//! hook file is refused when checked, with a sentence saying why; nothing
//! else changes.

use super::{HookError, HookErrorKind, HookFn};
use crate::diagnostic::{Code, Diagnostic};
use crate::source::SourceFile;
use crate::value::Value;
use std::sync::Arc;

/// A hook file this build cannot run: it is never compiled.
#[derive(Debug, Clone)]
pub struct HookScript {
    /// The script's text, as the card named it.
    pub source: Arc<SourceFile>,
}

/// What one call gave back, and what it printed (never made in this build).
#[derive(Debug, Clone, PartialEq)]
pub struct Called {
    /// The value the hook returned.
    pub value: Value,
    /// What the hook printed.
    pub output: Vec<String>,
}

impl HookScript {
    /// Always refuses: this build has no hooks.
    pub fn compile(source: &Arc<SourceFile>) -> Result<HookScript, Diagnostic> {
        Err(Diagnostic::error(
            Code::HookSignature,
            crate::t!("hooks-not-built", name = &source.name),
        ))
    }

    /// No functions: nothing was compiled.
    pub fn functions(&self) -> Vec<(String, usize)> {
        Vec::new()
    }

    /// Never: nothing was compiled.
    pub fn defines(&self, _name: &str, _arity: usize) -> bool {
        false
    }
}

impl HookFn {
    /// Never reached: a card with hooks does not check in this build.
    pub fn call(&self, _args: &[Value]) -> Result<Called, HookError> {
        Err(HookError::new(
            HookErrorKind::Failed,
            crate::t!("hooks-not-built", name = &self.script.source.name),
        ))
    }
}

#[cfg(test)]
mod tests {
    use crate::hooks::MemoryHookFiles;
    use crate::source::SourceFile;

    #[test]
    fn a_card_with_hooks_is_refused_with_a_sentence() {
        let card = "scorecard 钩子 {
            total 10
            hooks \"h.rhai\" { 提成(count) -> number }
            input 台次 count
            section 甲 weight 10 { item 完成 10 { score 提成(台次) } }
        }";
        let files = MemoryHookFiles::default().with("h.rhai", "fn 提成(n) { n }");
        let source = SourceFile::new("t.card", card);
        let errors = crate::compile_with(&source, &crate::resolve::NoLoader, &files)
            .expect_err("refused without hooks");
        assert!(
            errors
                .0
                .iter()
                .any(|d| d.message.contains("built without hooks")),
            "{:?}",
            errors.0.iter().map(|d| &d.message).collect::<Vec<_>>()
        );
    }
}
