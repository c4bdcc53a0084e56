//! Composition: cards that extend others. Each card under
//! `tests/cards/compose/errors/` is one mistake in a brand's card; its
//! snapshot is what the author is told, in whichever files it concerns.
//! The shipped brand cards are shown resolved, and the shown text must be a
//! card that scores every scenario row exactly as the composed card does.

use crate::common;
use scorecard::diagnostic::render;
use scorecard::resolve;
use scorecard::FileLoader;
use std::path::Path;

fn resolved(path: &Path) -> resolve::Resolved {
    let source = common::source(path);
    resolve::resolve(&source, &FileLoader::rooted(common::root())).unwrap_or_else(|d| {
        panic!(
            "{} should resolve, but:\n{}",
            common::relative(path),
            render::human_all(&d, false)
        )
    })
}

#[test]
fn composition_errors() {
    insta::glob!(common::cards_dir(), "compose/errors/*.card", |path| {
        let out = match common::compile(path) {
            Ok(_) => "(card is valid)\n".to_string(),
            Err(diagnostics) => render::human_all(&diagnostics, false),
        };
        assert!(
            out.contains("error["),
            "{} should not check, but got:\n{out}",
            common::relative(path)
        );
        insta::assert_snapshot!(out);
    });
}

/// Labels in two files: the JSON names the second file on its label.
#[test]
fn composition_errors_as_json() {
    let path = common::root().join("tests/cards/compose/errors/weights_after_override.card");
    let diagnostics = common::compile(&path).expect_err("the weights do not add up");
    let json = serde_json::to_string_pretty(&render::json(&diagnostics)).expect("JSON");
    insta::assert_snapshot!(json);
}

/// Every brand or store card under `rules/brands/`, as `scorecard show` prints it.
#[test]
fn shipped_brand_cards_shown_resolved() {
    let mut count = 0;
    insta::glob!(common::root().join("rules"), "brands/**/*.card", |path| {
        let shown = resolved(path).show();
        insta::assert_snapshot!(shown);
        count += 1;
    });
    assert!(count >= 5, "four brands and a store, found {count}");
}

/// What `show` prints is a card that scores like the composed card, row by row.
#[test]
fn shown_cards_score_like_the_composed_cards() {
    let mut compared = 0;
    for entry in std::fs::read_dir(common::data_dir()).expect("tests/data") {
        let data = entry.expect("entry").path();
        let text = std::fs::read_to_string(&data).expect("data file");
        let Some(card_path) = text
            .lines()
            .find_map(|l| l.strip_prefix("# card:").map(str::trim))
        else {
            continue;
        };
        if !card_path.starts_with("rules/brands/") {
            continue;
        }
        let card_path = common::root().join(card_path);
        let composed = common::checked(&card_path).into_card();
        let shown = scorecard::SourceFile::new("shown.card", resolved(&card_path).show());
        let reprinted = scorecard::compile(&shown)
            .unwrap_or_else(|d| panic!("{}", render::human_all(&d, false)))
            .into_card();
        let rows = scorecard::data::read_path(&composed, &data).rows;
        assert!(!rows.is_empty(), "{} has no rows", data.display());
        for row in &rows {
            let a = scorecard::evaluate(&composed, row).expect("evaluates");
            let b = scorecard::evaluate(&reprinted, row).expect("evaluates");
            assert_eq!(a.scores, b.scores);
            compared += 1;
        }
    }
    assert!(compared >= 10, "only {compared} brand rows compared");
}
