//! How long a card takes to parse, to parse and check, and to format: a
//! generated card of 500 items (`support::big_card`; the requirement is parse
//! and check under 10 ms) and, for comparison, the S1 card as shipped.
//!
//! Run with `cargo bench --bench card_check`. No test asserts a time;
//! `tests/scorecard/big_card.rs` checks that the generated card is valid, so
//! the figures are never those of an error path.

mod support;

use criterion::{criterion_group, criterion_main, Criterion};
use scorecard::SourceFile;
use std::hint::black_box;
use std::sync::Arc;

const ITEMS: usize = 500;

fn bench_card(c: &mut Criterion, group: &str, source: &Arc<SourceFile>) {
    if let Err(d) = scorecard::compile(source) {
        panic!(
            "{}: {}",
            source.name,
            scorecard::diagnostic::render::human_all(&d, false)
        );
    }
    let mut group = c.benchmark_group(group);
    group.bench_function("parse", |b| {
        b.iter(|| scorecard::syntax::parse(black_box(source)).expect("parses"))
    });
    group.bench_function("parse + check", |b| {
        b.iter(|| scorecard::compile(black_box(source)).expect("checks"))
    });
    group.bench_function("fmt", |b| {
        b.iter(|| scorecard::syntax::fmt::format(black_box(source)).expect("formats"))
    });
    group.finish();
}

fn bench(c: &mut Criterion) {
    let big = SourceFile::new("big.card", support::big_card::big_card(ITEMS));
    bench_card(c, &format!("{ITEMS} items"), &big);
    let s1 = SourceFile::new("rules/callback_specialist.card", support::S1_CARD);
    bench_card(c, "S1", &s1);
}

criterion_group!(benches, bench);
criterion_main!(benches);
