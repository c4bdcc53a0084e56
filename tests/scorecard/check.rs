//! `check` scenarios: each card under `tests/cards/{parse,check}/` is one
//! mistake an HR officer might make; its snapshot is what she is told.

use crate::common;
use scorecard::diagnostic::render;

fn diagnostics_of(path: &std::path::Path) -> String {
    match common::compile(path) {
        Ok(checked) => format!(
            "{}(card is valid)\n",
            render::human_all(checked.warnings(), false)
        ),
        Err(diagnostics) => render::human_all(&diagnostics, false),
    }
}

#[test]
fn parse_errors() {
    insta::glob!(common::cards_dir(), "parse/*.card", |path| {
        let out = diagnostics_of(path);
        assert!(
            out.contains("error["),
            "{} should not parse, but got:\n{out}",
            common::relative(path)
        );
        insta::assert_snapshot!(out);
    });
}

#[test]
fn check_diagnostics() {
    insta::glob!(common::cards_dir(), "check/*.card", |path| {
        let out = diagnostics_of(path);
        assert!(
            out.contains("error[") || out.contains("warning["),
            "{} should draw a diagnostic, but got:\n{out}",
            common::relative(path)
        );
        insta::assert_snapshot!(out);
    });
}

/// Mistakes with hooks: each card under `tests/cards/hooks/` reads its
/// scripts from `tests/cards/hooks/hooks/`.
#[test]
fn hook_diagnostics() {
    insta::glob!(common::cards_dir(), "hooks/*.card", |path| {
        let out = match common::compile(path) {
            Ok(_) => "(card is valid)\n".to_string(),
            Err(diagnostics) => render::human_all(&diagnostics, false),
        };
        assert!(
            out.contains("error["),
            "{} should draw an error, but got:\n{out}",
            common::relative(path)
        );
        insta::assert_snapshot!(out);
    });
}

#[test]
fn check_diagnostics_as_json() {
    let path = common::root().join("tests/cards/check/many_problems.card");
    let source = common::source(&path);
    let Err(diagnostics) = scorecard::compile(&source) else {
        panic!("many_problems.card should not check");
    };
    insta::assert_json_snapshot!(render::json(&diagnostics));
}

/// Every shipped card and every valid test card checks with no errors and no warnings.
#[test]
fn shipped_cards_are_clean() {
    let mut paths = Vec::new();
    for dir in ["rules", "tests/cards/valid"] {
        collect_cards(&common::root().join(dir), &mut paths);
    }
    assert!(!paths.is_empty(), "no cards found under rules/");
    for path in paths {
        let checked = common::checked(&path);
        assert!(
            checked.warnings().is_empty(),
            "{} has warnings:\n{}",
            common::relative(&path),
            render::human_all(checked.warnings(), false)
        );
    }
}

fn collect_cards(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_cards(&path, out);
        } else if path.extension().is_some_and(|e| e == "card") {
            out.push(path);
        }
    }
}
