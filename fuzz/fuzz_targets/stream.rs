//! Differential: any bytes as a CSV file, scored by the stream
//! (`scorecard::stream::score_csv`, in batches on a two-thread pool) and
//! the general way (`data::read` of a `CsvSource`, `eval::evaluate_all`,
//! `report::csv_string`), must give the same report byte for byte, the
//! same data errors and the same failed rows.
//!
//! The first byte picks the card; the rest is the CSV file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scorecard::{CheckedCard, SourceFile};
use std::sync::OnceLock;

// The two ways, as the tests run them.
#[path = "../../tests/scorecard/stream/two_ways.rs"]
mod two_ways;

/// Shipped cards that stream, between them every input type, defaults,
/// raters, a hook, and sums that can overflow (so rows can fail).
fn cards() -> &'static [CheckedCard] {
    static CARDS: OnceLock<Vec<CheckedCard>> = OnceLock::new();
    CARDS.get_or_init(|| {
        let hooks = scorecard::hooks::MemoryHookFiles::default().with(
            "hooks/sales_pay.rhai",
            include_str!("../../rules/hooks/sales_pay.rhai"),
        );
        let texts = [
            (
                "callback_specialist.card",
                include_str!("../../rules/callback_specialist.card"),
            ),
            ("crm_team.card", include_str!("../../rules/crm_team.card")),
            ("sales_pay.card", include_str!("../../rules/sales_pay.card")),
            // (administration.card ranks within a store: it needs every row.)
            ("service_wage.card", include_str!("../../rules/service_wage.card")),
        ];
        texts
            .iter()
            .map(|(name, text)| {
                let source = SourceFile::new(*name, *text);
                let card = scorecard::compile_with(&source, &scorecard::resolve::NoLoader, &hooks)
                    .unwrap_or_else(|e| panic!("{name} checks: {e:?}"))
                    .into_card();
                assert!(
                    scorecard::stream::streamable(&card).is_none(),
                    "{name} streams"
                );
                card
            })
            .collect()
    })
}

fn pool() -> &'static rayon::ThreadPool {
    static POOL: OnceLock<rayon::ThreadPool> = OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .expect("a thread pool")
    })
}

fuzz_target!(|bytes: &[u8]| {
    let Some((&pick, csv)) = bytes.split_first() else {
        return;
    };
    let cards = cards();
    let card = &cards[usize::from(pick) % cards.len()];
    let want = two_ways::general(card, "fuzz.csv", csv);
    for batch_rows in [2, 0] {
        let got = two_ways::streamed(card, "fuzz.csv", csv, pool(), batch_rows);
        assert_eq!(
            got.1, want.1,
            "data errors differ (batches of {batch_rows})"
        );
        assert_eq!(
            got.2, want.2,
            "failed rows differ (batches of {batch_rows})"
        );
        assert_eq!(got.0, want.0, "reports differ (batches of {batch_rows})");
    }
});
