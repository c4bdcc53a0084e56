//! `require` lines: what a row of data must meet before it is scored.
//!
//! A condition is compiled like any expression, must be yes or no, and reads
//! only what a row holds when it is read: inputs, parameters, hooks and
//! `days_in_period()` (never a score). The data layer checks every row
//! against it (`data::RowReader`); see [`super::model::Constraint`].

use super::expr::Context;
use super::model::{Constraint, ExprKind};
use super::Checker;
use crate::syntax::ast::{self, Decl};

impl Checker<'_> {
    pub(super) fn constraints(&mut self, decls: &[Decl]) -> Vec<Constraint> {
        decls
            .iter()
            .filter_map(|d| match d {
                Decl::Require(r) => self.constraint(r),
                _ => None,
            })
            .collect()
    }

    fn constraint(&mut self, decl: &ast::RequireDecl) -> Option<Constraint> {
        let typed = self.expr(&decl.condition, Context::Require)?;
        let typed = self.expect_bool(typed, "`require`")?;
        let mut reads: Vec<usize> = Vec::new();
        typed.expr.walk(&mut |e| {
            if let ExprKind::Input(i) = &e.kind {
                if !reads.contains(i) {
                    reads.push(*i);
                }
            }
        });
        reads.sort_unstable();
        Some(Constraint {
            condition: typed.expr,
            message: decl.message.value.clone(),
            reads,
            span: decl.span,
        })
    }
}
