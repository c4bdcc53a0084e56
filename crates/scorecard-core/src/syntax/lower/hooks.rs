//! Hook imports: `hooks`, `hook_sig`.

use super::words::{ident, text, type_name};
use super::{span, Children, Lower, Lowered, Pair};
use crate::syntax::ast;
use crate::syntax::parser::Rule;

impl Lower {
    /// `hooks = { kw_hooks ~ text ~ (lbrace ~ (hook_sig | ";")* ~ block_end)? }`
    pub(super) fn hooks(&mut self, pair: Pair) -> Lowered<ast::HooksDecl> {
        let span = span(&pair);
        let has_block = pair
            .clone()
            .into_inner()
            .any(|p| p.as_rule() == Rule::lbrace);
        let mut c = Children::of(pair);
        let path = text(c.required(Rule::text)?);
        let functions = c.all(Rule::hook_sig, |p| self.hook_sig(p))?;
        Ok(ast::HooksDecl {
            path,
            functions: has_block.then_some(functions),
            span,
        })
    }

    /// `hook_sig = { ident ~ lparen ~ (type_name ~ (comma ~ type_name)*)? ~ rparen ~ arrow ~ type_name ~ text? }`
    fn hook_sig(&mut self, pair: Pair) -> Lowered<ast::HookSig> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let name = ident(c.required(Rule::ident)?);
        let mut types = c.all(Rule::type_name, type_name)?;
        let label = c.optional(Rule::text).map(text);
        // The grammar puts at least the result type here.
        let result = types.pop().ok_or_else(|| {
            crate::diagnostic::Diagnostic::error(
                crate::diagnostic::Code::Syntax,
                crate::t!("internal-hook-signature"),
            )
            .label(span, crate::t!("here"))
        })?;
        Ok(ast::HookSig {
            name,
            params: types,
            result,
            label,
            span,
        })
    }
}
