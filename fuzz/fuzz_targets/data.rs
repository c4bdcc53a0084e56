//! Any bytes as a data file for the S1 card, in every format: reading must
//! return rows or errors, never panic; every row read must evaluate to a
//! result or an error (an item no rater rated, a sum too large), never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn card() -> &'static scorecard::CheckedCard {
    static CARD: OnceLock<scorecard::CheckedCard> = OnceLock::new();
    CARD.get_or_init(|| {
        let text = include_str!("../../rules/callback_specialist.card");
        let source = scorecard::SourceFile::new("callback_specialist.card", text);
        scorecard::compile(&source).expect("S1 checks").into_card()
    })
}

fuzz_target!(|bytes: &[u8]| {
    let card = card();
    for format in scorecard::data::DataFormat::ALL {
        let set = scorecard::data::read_from(card, bytes, format, "fuzz");
        for row in &set.rows {
            if let Ok(result) = scorecard::evaluate(card, row) {
                assert!(result.scores.total >= rust_decimal::Decimal::ZERO);
            }
        }
    }
});
