//! The generated 500-item card that `benches/card_check.rs` times: it must
//! parse, check with no problem at all, format, and hold 500 items,
//! so the bench measures the real work and not an error path.

use crate::support::big_card::big_card;
use scorecard::check::model::BaseRule;
use scorecard::SourceFile;

#[test]
fn the_generated_500_item_card_checks_cleanly() {
    let source = SourceFile::new("big.card", big_card(500));
    let checked = match scorecard::compile(&source) {
        Ok(checked) => checked,
        Err(d) => panic!(
            "the generated card should check, but:\n{}",
            scorecard::diagnostic::render::human_all(&d, false)
        ),
    };
    assert!(
        checked.warnings().0.is_empty(),
        "{}",
        scorecard::diagnostic::render::human_all(checked.warnings(), false)
    );
    let card = &checked.card();
    assert_eq!(card.items().len(), 500);
    assert!(
        card.sections().len() > 40,
        "{} sections",
        card.sections().len()
    );
    assert!(card.inputs().len() > 500, "{} inputs", card.inputs().len());
    assert_eq!(card.adjustments().len(), 10);
    assert_eq!(card.derived().len(), 4);
    assert!(card.grade().is_some());
    let rules = |kind: fn(&BaseRule) -> bool| {
        card.items()
            .iter()
            .filter(|i| i.base.as_ref().is_some_and(kind))
            .count()
    };
    assert!(rules(|r| matches!(r, BaseRule::Tiers(_))) >= 150);
    assert!(rules(|r| matches!(r, BaseRule::Rated(_))) >= 20);
    let deductions = card
        .items()
        .iter()
        .filter(|i| !i.deductions.is_empty())
        .count();
    assert!(deductions >= 50);
}

#[test]
fn the_generated_card_formats() {
    let source = SourceFile::new("big.card", big_card(500));
    scorecard::syntax::fmt::format(&source).expect("formats");
}

#[test]
fn the_generated_card_has_as_many_items_as_asked() {
    for items in [10, 137] {
        let source = SourceFile::new("big.card", big_card(items));
        let checked = scorecard::compile(&source).expect("checks");
        assert_eq!(checked.card().items().len(), items);
    }
}
