//! What a hook costs: the S1 card scored on 100 000 generated rows, once as
//! shipped (every rule in the card language) and once with 客户信息及建议
//! scored by the hook 反馈评分 (tests/cards/valid/callback_specialist_hooked.card).
//!
//! Run with `cargo bench --bench hooks`. The rows are generated here, from a
//! fixed seed, so no large file is committed and every run scores the same data.

use criterion::{criterion_group, criterion_main, Criterion};
use rust_decimal::Decimal;
use scorecard::data::{Employee, Row};
use scorecard::value::{InputType, Value};
use scorecard::CheckedCard;
use std::hint::black_box;
use std::path::Path;

const ROWS: usize = 100_000;

fn card(path: &str) -> CheckedCard {
    match scorecard::load(Path::new(path)) {
        Ok(checked) => checked.into_card(),
        Err(d) => panic!(
            "{path}: {}",
            scorecard::diagnostic::render::human_all(&d, false)
        ),
    }
}

/// A small deterministic generator (xorshift): the same rows on every run.
struct Seed(u64);

impl Seed {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

/// Rows for `card`, with values a real month might have: most rules pass,
/// some fail, rates spread across every tier.
fn rows(card: &CheckedCard) -> Vec<Row> {
    let mut seed = Seed(0x5eed_2024);
    (0..ROWS)
        .map(|i| Row {
            line: i + 2,
            employee: Employee {
                id: format!("E{i:06}"),
                ..Employee::default()
            },
            values: card
                .inputs()
                .iter()
                .map(|input| match input.ty {
                    InputType::Bool => Value::Bool(seed.next(10) < 8),
                    InputType::Count | InputType::Days => Value::Num(seed.next(3).into()),
                    // 80.00% … 100.00%
                    InputType::Percent => {
                        Value::Num(Decimal::new(8000 + seed.next(2001) as i64, 4))
                    }
                    _ => {
                        let (low, high) =
                            input.range.unwrap_or((Decimal::ZERO, Decimal::ONE_HUNDRED));
                        let span = (high - low).trunc().try_into().unwrap_or(1u64) + 1;
                        Value::Num(low + Decimal::from(seed.next(span)))
                    }
                })
                .collect(),
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let plain = card("rules/callback_specialist.card");
    let hooked = card("tests/cards/valid/callback_specialist_hooked.card");
    let plain_rows = rows(&plain);
    let hooked_rows = rows(&hooked);
    // Same inputs in the same order, so both cards score the same month.
    assert_eq!(plain_rows, hooked_rows);
    let (a, failures_a) = scorecard::parallel::evaluate_all(&plain, &plain_rows);
    let (b, failures_b) = scorecard::parallel::evaluate_all(&hooked, &hooked_rows);
    assert!(failures_a.is_empty() && failures_b.is_empty());
    assert!(
        a.iter()
            .zip(&b)
            .all(|(x, y)| x.scores.total == y.scores.total),
        "the hook must give the same totals as the tier table"
    );

    let mut group = c.benchmark_group("S1, 100 000 rows");
    group.sample_size(10);
    group.bench_function("card language only", |bench| {
        bench.iter(|| scorecard::parallel::evaluate_all(black_box(&plain), black_box(&plain_rows)))
    });
    group.bench_function("one item scored by a hook", |bench| {
        bench
            .iter(|| scorecard::parallel::evaluate_all(black_box(&hooked), black_box(&hooked_rows)))
    });
    // The hook on its own: what one call costs, arguments in and value out.
    let hook = &hooked.hooks()[0];
    let rate = hooked
        .input_index("反馈及时率")
        .expect("S1 reads 反馈及时率");
    let rates: Vec<Value> = hooked_rows.iter().map(|r| r.values[rate].clone()).collect();
    group.bench_function("the hook alone, 100 000 calls", |bench| {
        bench.iter(|| {
            for value in &rates {
                black_box(
                    hook.call(std::slice::from_ref(value))
                        .expect("the hook scores"),
                );
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
