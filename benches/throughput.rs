//! A bench binary: S1 on N generated rows (default 1 000 000), CSV in → CSV
//! out, stage by stage, against the hand-written baseline scorer.
//!
//!     cargo bench --bench throughput -- 1000000
//!
//! Prints rows per second for each stage and the evaluator/baseline ratio.

mod support;

use std::hint::black_box;
use std::time::Instant;

fn main() {
    let rows: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let card = support::s1();
    let csv = support::s1_csv(&card, rows);
    println!("S1, {rows} rows, {:.1} MB of CSV", csv.len() as f64 / 1e6);

    let start = Instant::now();
    let source = scorecard::data::CsvSource::from_bytes(csv.clone(), "bench.csv").expect("csv");
    let set = scorecard::data::read(&card, source);
    assert!(set.errors.is_empty(), "{:?}", &set.errors[..1]);
    let read = report("read CSV", rows, start);

    let baseline = support::Baseline::new(&card);
    let ix = baseline.indices();
    let start = Instant::now();
    let mut sum = rust_decimal::Decimal::ZERO;
    for row in &set.rows {
        sum += support::score_s1(&ix, black_box(&row.values));
    }
    let hand = report("hand-written baseline", rows, start);

    let start = Instant::now();
    let (results, failures) = scorecard::eval::evaluate_all(&card, &set.rows);
    assert!(failures.is_empty());
    let eval = report("evaluate", rows, start);
    let total: rust_decimal::Decimal = results.iter().map(|r| r.total).sum();
    assert_eq!(total, sum, "the evaluator and the baseline disagree");

    let start = Instant::now();
    let mut out = Vec::with_capacity(rows * 120);
    scorecard::report::write_csv(&card, &results, false, &mut out).expect("write");
    let write = report("write CSV", rows, start);

    let start = Instant::now();
    let source = scorecard::data::CsvSource::from_bytes(csv, "bench.csv").expect("csv");
    let set = scorecard::data::read(&card, source);
    let (results, _) = scorecard::eval::evaluate_all(&card, &set.rows);
    let mut out = Vec::with_capacity(rows * 120);
    scorecard::report::write_csv(&card, &results, false, &mut out).expect("write");
    let end_to_end = report("end to end", rows, start);

    println!("evaluate / baseline time ratio: {:.2}×", hand / eval);
    let _ = (read, write, end_to_end);
}

/// Prints and returns rows per second.
fn report(stage: &str, rows: usize, start: Instant) -> f64 {
    let secs = start.elapsed().as_secs_f64();
    let per_sec = rows as f64 / secs;
    println!("{stage:>24}: {secs:8.3} s  {per_sec:>12.0} rows/s");
    per_sec
}
