//! Tests for the syntax stage: the grammar, the lowering and the error messages.
//!
//! This file holds the helpers; each submodule tests one part of the language.

mod compose;
mod declarations;
mod errors;
mod expressions;
mod fmt;
mod group;
mod notes;
mod print;
mod s1;
mod words;

use super::ast::*;
use super::parse;
use crate::diagnostic::{Code, Diagnostic};
use crate::source::SourceFile;
use crate::value::InputType;
use rust_decimal::Decimal;
use std::str::FromStr;

fn parse_ok(text: &str) -> Card {
    let source = SourceFile::new("test.card", text);
    match parse(&source) {
        Ok(card) => card,
        Err(diagnostics) => panic!("expected {text:?} to parse, got {diagnostics:#?}"),
    }
}

/// The single diagnostic a bad card produces.
fn parse_err(text: &str) -> Diagnostic {
    let source = SourceFile::new("test.card", text);
    match parse(&source) {
        Ok(card) => panic!("expected {text:?} to fail, got {card:#?}"),
        Err(diagnostics) => {
            assert_eq!(diagnostics.0.len(), 1, "{diagnostics:#?}");
            let diagnostic = diagnostics.0.into_iter().next().unwrap();
            assert!(diagnostic.source.is_some(), "diagnostic without a file");
            assert_eq!(diagnostic.labels.len(), 1, "{diagnostic:#?}");
            diagnostic
        }
    }
}

/// Asserts the diagnostic's code, message, and the 1-based line and column of its label.
fn assert_error(d: &Diagnostic, code: Code, message: &str, line_col: (usize, usize)) {
    assert_eq!(d.code, code, "{d:#?}");
    assert_eq!(d.message, message, "{d:#?}");
    assert_eq!(d.position(), Some(line_col), "{d:#?}");
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// A card holding only `decls`.
fn card_with(decls: &str) -> Card {
    parse_ok(&format!("scorecard t {{\n{decls}\n}}"))
}

/// The expression of `output x = EXPR`.
fn expr(text: &str) -> Expr {
    match card_with(&format!("output x = {text}")).decls.pop() {
        Some(Decl::Output(output)) => output.expr,
        other => panic!("expected an output, got {other:?}"),
    }
}

/// An expression as a compact S-expression: `(+ a (* b c))`.
fn sexpr(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Number(n) => match n.unit {
            LitUnit::None => n.value.to_string(),
            LitUnit::Percent => format!("{}:%", n.value),
            LitUnit::Money => format!("{}:元", n.value),
        },
        ExprKind::Bool(b) => b.to_string(),
        ExprKind::Name(name) => name.name.clone(),
        ExprKind::Unary { op, operand } => {
            let op = match op {
                UnaryOp::Neg => "neg",
                UnaryOp::Not => "not",
            };
            format!("({op} {})", sexpr(operand))
        }
        ExprKind::Binary { op, lhs, rhs } => {
            let op = match op {
                BinaryOp::Add => "+",
                BinaryOp::Sub => "-",
                BinaryOp::Mul => "*",
                BinaryOp::Div => "/",
                BinaryOp::And => "and",
                BinaryOp::Or => "or",
                BinaryOp::Cmp(c) => c.symbol(),
            };
            format!("({op} {} {})", sexpr(lhs), sexpr(rhs))
        }
        ExprKind::If {
            condition,
            then,
            otherwise,
        } => format!(
            "(if {} {} {})",
            sexpr(condition),
            sexpr(then),
            sexpr(otherwise)
        ),
        ExprKind::Call { function, args } => {
            let args: Vec<String> = args.iter().map(sexpr).collect();
            format!("({} {})", function.name, args.join(" "))
        }
    }
}

fn s1_text() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../rules/callback_specialist.card"
    ))
    .expect("the S1 card is in the repository")
}

fn inputs(card: &Card) -> Vec<&InputDecl> {
    card.decls
        .iter()
        .filter_map(|d| match d {
            Decl::Input(i) => Some(i),
            _ => None,
        })
        .collect()
}

fn sections(card: &Card) -> Vec<&Section> {
    card.decls
        .iter()
        .filter_map(|d| match d {
            Decl::Section(s) => Some(s),
            _ => None,
        })
        .collect()
}

fn item<'c>(card: &'c Card, name: &str) -> &'c Item {
    sections(card)
        .into_iter()
        .flat_map(|s| &s.items)
        .find(|i| i.name.name == name)
        .unwrap_or_else(|| panic!("no item {name}"))
}
