//! Division by an input that may be 0: a warning unless the card says what
//! a zero means.
//!
//! A rate of two inputs (`参加培训 / 应参加培训`) fails its row with "division by
//! zero" when the denominator is 0: a row refused by accident. The card must
//! say what a zero means, in one of three ways, and this pass warns when it
//! does not:
//!
//! - choose before dividing: `if 应参加培训 = 0 then 100% else 参加培训 / 应参加培训`
//!   (or `if X > 0 then … / X else …`, `X != 0`, `X >= 1`);
//! - refuse the data: `require 应参加培训 >= 1 "…"` (or `> 0`), checked as each
//!   row is read;
//! - declare a range that leaves 0 out: `range 1..100`.
//!
//! Only a denominator that is an input is looked at; one that is a formula
//! (`a / (b + c)`) is the author's to reason about.

use super::model::{
    BaseRule, CheckedCard, Constraint, DerivedRule, Expr, ExprKind, Input, Item, Outcome,
};
use crate::diagnostic::{Code, Diagnostic};
use crate::source::Span;
use crate::syntax::ast::CmpOp;
use crate::t;
use crate::value::Value;
use rust_decimal::Decimal;

/// Every division of `card` by an input that may be 0, as a warning.
pub(super) fn unguarded_divisions(card: &CheckedCard) -> Vec<Diagnostic> {
    let never_zero: Vec<bool> = card
        .inputs
        .iter()
        .enumerate()
        .map(|(i, input)| excluded_by_range(input) || required_nonzero(&card.constraints, i))
        .collect();
    let mut found: Vec<(Span, usize)> = Vec::new();
    let mut walk = |expr: &Expr| divisions(expr, &never_zero, &mut Vec::new(), &mut found);
    for item in &card.items {
        item_exprs(item, &mut walk);
    }
    for derived in &card.derived {
        match &derived.rule {
            DerivedRule::Output(e) => walk(e),
            DerivedRule::Band(table) => {
                walk(&table.subject);
                table.rows.iter().for_each(|r| walk(&r.outcome));
            }
        }
    }
    if let Some(grade) = &card.grade {
        walk(&grade.subject);
    }
    for rank in &card.ranking.ranks {
        walk(&rank.by);
    }
    for limit in &card.ranking.limits {
        walk(&limit.by);
    }
    for constraint in &card.constraints {
        walk(&constraint.condition);
    }
    found.sort_by_key(|(span, _)| (span.start, span.end));
    found.dedup();
    found
        .into_iter()
        .map(|(span, i)| warning(&card.inputs[i].name, span))
        .collect()
}

fn item_exprs(item: &Item, walk: &mut impl FnMut(&Expr)) {
    match &item.base {
        Some(BaseRule::Tiers(table)) => {
            walk(&table.subject);
            for row in &table.rows {
                if let Outcome::Formula(e) = &row.outcome {
                    walk(e);
                }
            }
        }
        Some(BaseRule::PassFail { condition, .. }) => walk(condition),
        Some(BaseRule::Score { expr, .. }) => walk(expr),
        Some(BaseRule::Late { .. } | BaseRule::Rated(_)) | None => {}
    }
}

fn warning(name: &str, span: Span) -> Diagnostic {
    Diagnostic::warning(Code::ZeroDenominator, t!("zero-denominator", name = name))
        .label(span, t!("zero-denominator-label", name = name))
        .help(t!("zero-denominator-help", name = name))
}

/// A declared range whose low end is above 0.
fn excluded_by_range(input: &Input) -> bool {
    input.range.is_some_and(|(low, _)| low > Decimal::ZERO)
}

/// A `require` line that says, as a whole or in an `and`, that input `i` is above 0.
fn required_nonzero(constraints: &[Constraint], i: usize) -> bool {
    constraints
        .iter()
        .any(|c| conjuncts(&c.condition).any(|e| positive(e) == Some(i)))
}

/// The parts of an `and` (or the condition itself).
fn conjuncts(expr: &Expr) -> Box<dyn Iterator<Item = &Expr> + '_> {
    match &expr.kind {
        ExprKind::And(l, r) => Box::new(conjuncts(l).chain(conjuncts(r))),
        _ => Box::new(std::iter::once(expr)),
    }
}

/// The input a condition says is above 0: `X > c` (c >= 0), `X >= c` (c > 0),
/// `X != 0`, or the same written the other way round.
fn positive(expr: &Expr) -> Option<usize> {
    let ExprKind::Compare(op, l, r) = &expr.kind else {
        return None;
    };
    let (op, input, constant) = match (&l.kind, &r.kind) {
        (ExprKind::Input(i), ExprKind::Const(Value::Num(c))) => (*op, *i, *c),
        (ExprKind::Const(Value::Num(c)), ExprKind::Input(i)) => (flip(*op), *i, *c),
        _ => return None,
    };
    let holds = match op {
        CmpOp::Gt => constant >= Decimal::ZERO,
        CmpOp::Ge => constant > Decimal::ZERO,
        CmpOp::Ne => constant.is_zero(),
        _ => false,
    };
    holds.then_some(input)
}

/// `0 < X` is `X > 0`.
fn flip(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::Ge => CmpOp::Le,
        CmpOp::Le => CmpOp::Ge,
        other => other,
    }
}

/// The input a condition says is 0: `X = 0` (or `0 = X`).
fn zero(expr: &Expr) -> Option<usize> {
    match &expr.kind {
        ExprKind::Compare(CmpOp::Eq, l, r) => match (&l.kind, &r.kind) {
            (ExprKind::Input(i), ExprKind::Const(Value::Num(c)))
            | (ExprKind::Const(Value::Num(c)), ExprKind::Input(i))
                if c.is_zero() =>
            {
                Some(*i)
            }
            _ => None,
        },
        _ => None,
    }
}

/// Finds `… / X` with `X` an input that may be 0 and that no enclosing `if`
/// has ruled out (`safe`).
fn divisions(
    expr: &Expr,
    never_zero: &[bool],
    safe: &mut Vec<usize>,
    found: &mut Vec<(Span, usize)>,
) {
    match &expr.kind {
        ExprKind::If(condition, then, otherwise) => {
            divisions(condition, never_zero, safe, found);
            let depth = safe.len();
            // `if X > 0 then … / X …`: the `then` branch knows X is not 0.
            safe.extend(conjuncts(condition).filter_map(positive));
            divisions(then, never_zero, safe, found);
            safe.truncate(depth);
            // `if X = 0 then … else … / X`: the `else` branch knows it.
            safe.extend(zero(condition));
            divisions(otherwise, never_zero, safe, found);
            safe.truncate(depth);
        }
        ExprKind::Arith(super::model::Arith::Div, l, r) => {
            divisions(l, never_zero, safe, found);
            divisions(r, never_zero, safe, found);
            if let ExprKind::Input(i) = r.kind {
                if !never_zero[i] && !safe.contains(&i) {
                    found.push((expr.span, i));
                }
            }
        }
        _ => {
            for child in expr.children() {
                divisions(child, never_zero, safe, found);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Code;
    use crate::source::SourceFile;

    /// How many divisions the card with this output (and these extra lines) is warned about.
    fn warned(extra: &str, output: &str) -> usize {
        let text = format!(
            "scorecard t {{\n input a count\n input b count\n input c count range 1..10\n {extra}\n output o = {output}\n}}"
        );
        let checked = crate::compile(&SourceFile::new("t.card", text))
            .unwrap_or_else(|d| panic!("{output}: {:?}", d.iter().next().map(|d| &d.message)));
        checked
            .warnings
            .iter()
            .filter(|d| d.code == Code::ZeroDenominator)
            .count()
    }

    #[test]
    fn a_division_by_an_input_that_may_be_zero_is_warned_about() {
        assert_eq!(warned("", "a / b"), 1);
        assert_eq!(warned("", "a / b + a / b"), 2);
        assert_eq!(
            warned("", "if a > 0 then a / b else 0"),
            1,
            "a guard on another input"
        );
        assert_eq!(
            warned("", "if b = 0 then a / b else 1"),
            1,
            "divides in the wrong branch"
        );
        assert_eq!(warned("", "max(a / b, 1)"), 1, "inside a call");
    }

    #[test]
    fn a_stated_rule_for_zero_silences_it() {
        assert_eq!(warned("", "if b = 0 then 1 else a / b"), 0);
        assert_eq!(warned("", "if 0 = b then 1 else a / b"), 0);
        assert_eq!(warned("", "if b > 0 then a / b else 1"), 0);
        assert_eq!(warned("", "if 0 < b then a / b else 1"), 0);
        assert_eq!(warned("", "if b != 0 then a / b else 1"), 0);
        assert_eq!(warned("", "if b >= 1 and a > 0 then a / b else 1"), 0);
        assert_eq!(warned("", "a / c"), 0, "a range from 1");
        assert_eq!(warned("", "a / 2"), 0, "a constant");
        assert_eq!(warned("require b >= 1 \"b\"", "a / b"), 0);
        assert_eq!(warned("require a >= 0 and b > 0 \"b\"", "a / b"), 0);
        // `b >= 0` does not rule 0 out
        assert_eq!(warned("require b >= 0 \"b\"", "a / b"), 1);
    }
}
