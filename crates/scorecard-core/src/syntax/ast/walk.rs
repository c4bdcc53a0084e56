//! The one walk of a written expression's children (the compiled form has
//! its own, `check::model::Expr::children`).

use super::{Expr, ExprKind};

impl Expr {
    /// The expressions directly inside this one, left to right.
    pub fn children(&self) -> Vec<&Expr> {
        match &self.kind {
            ExprKind::Number(_) | ExprKind::Bool(_) | ExprKind::Name(_) => Vec::new(),
            ExprKind::Unary { op: _, operand } => vec![operand],
            ExprKind::Binary { op: _, lhs, rhs } => vec![lhs, rhs],
            ExprKind::If {
                condition,
                then,
                otherwise,
            } => vec![condition, then, otherwise],
            ExprKind::Call { function: _, args } => args.iter().collect(),
        }
    }

    /// Calls `f` on this expression and on every one inside it, outer
    /// first, left to right.
    pub fn walk<'e>(&'e self, f: &mut impl FnMut(&'e Expr)) {
        f(self);
        for child in self.children() {
            child.walk(f);
        }
    }
}
