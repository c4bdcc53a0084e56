//! Compiles (parses, resolves and checks) the generated 500-item card of
//! `benches/card_check.rs` N times and prints nothing else: a steady target
//! for counting instructions, e.g.
//! `valgrind --tool=callgrind target/release/examples/compile_big_card 20`.
//!
//! Usage: `compile_big_card [TIMES] [ITEMS]` (defaults 10 and 500).

#[path = "../benches/support/big_card.rs"]
mod big_card;

use std::hint::black_box;

fn main() {
    let mut args = std::env::args().skip(1);
    let times: usize = args
        .next()
        .map_or(10, |n| n.parse().expect("TIMES is a count"));
    let items: usize = args
        .next()
        .map_or(500, |n| n.parse().expect("ITEMS is a count"));
    let source = scorecard::SourceFile::new("big.card", big_card::big_card(items));
    for _ in 0..times {
        let checked = scorecard::compile(black_box(&source));
        assert!(checked.is_ok(), "the generated card checks");
        black_box(checked.ok());
    }
}
