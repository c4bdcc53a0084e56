//! A bench binary: S1 on N generated rows (default 1 000 000), CSV in → CSV
//! out, stage by stage, against the hand-written baseline scorer.
//!
//!     cargo bench --bench throughput -- 1000000
//!
//! Prints rows per second for each stage and the evaluator/baseline ratio
//! (both on one thread, so the ratio compares like with like).
//! `-- N stream` runs only the streamed end to end, `-- N eval` only the
//! evaluation (for a profiler);
//! `-- N write=FILE` only writes the generated CSV, to time the CLI on it:
//!
//!     /usr/bin/time -v target/release/scorecard eval rules/callback_specialist.card FILE --format csv --output out.csv

mod support;

use rust_decimal::Decimal;
use scorecard::eval::Scores;
use std::hint::black_box;
use std::time::Instant;

fn main() {
    let rows: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let card = support::s1();
    let csv = support::s1_csv(&card, rows);
    // `-- N write=FILE`: only write the generated data (to time the CLI on it).
    if let Some(path) = std::env::args().find_map(|a| a.strip_prefix("write=").map(String::from)) {
        std::fs::write(&path, &csv).expect("write the data");
        println!("wrote {rows} rows to {path}");
        return;
    }
    let threads = rayon::current_num_threads();
    // `-- N stream`: only the streamed end to end (for a profiler).
    let only_stream = std::env::args().any(|a| a == "stream");
    println!(
        "S1, {rows} rows, {:.1} MB of CSV, {threads} threads",
        csv.len() as f64 / 1e6
    );

    if only_stream {
        stream(&card, &csv, rows, threads, None);
        return;
    }
    let start = Instant::now();
    let source = scorecard::data::CsvSource::from_bytes(csv.clone(), "bench.csv").expect("csv");
    let set = scorecard::data::read(&card, source);
    assert!(set.errors.is_empty(), "{:?}", &set.errors[..1]);
    report("read CSV into rows", rows, start);

    // `-- N eval`: only the evaluation and the baseline, ten times over,
    // timed by time on a core (steadier on a shared machine; for a profiler too).
    if std::env::args().any(|a| a == "eval") {
        let ix = support::Baseline::new(&card).indices();
        let mut every = support::S1Report::default();
        let mut scores = Scores::default();
        let hand = ten_times_on_a_core("baseline, total only", &set.rows, |values| {
            black_box(support::score_s1(&ix, values));
        });
        let full = ten_times_on_a_core("baseline, every score", &set.rows, |values| {
            support::score_s1_report(&ix, values, &mut every);
            black_box(&every);
        });
        let eval = ten_times_on_a_core("evaluate (no trace)", &set.rows, |values| {
            scorecard::eval::evaluate_scores(&card, values, &mut scores).expect("evaluates");
        });
        println!(
            "evaluate / baseline time ratio (time on a core): {:.2}× total only, {:.2}× every score",
            hand / eval,
            full / eval
        );
        return;
    }
    let baseline = support::Baseline::new(&card);
    let ix = baseline.indices();
    let start = Instant::now();
    let mut sum = Decimal::ZERO;
    for row in &set.rows {
        sum += support::score_s1(&ix, black_box(&row.values));
    }
    let hand = report("baseline, total only, 1 thread", rows, start);

    let start = Instant::now();
    let mut every = support::S1Report::default();
    for row in &set.rows {
        support::score_s1_report(&ix, black_box(&row.values), &mut every);
        black_box(&every);
    }
    let full = report("baseline, every score, 1 thread", rows, start);

    let start = Instant::now();
    let mut scores = Scores::default();
    let mut total = Decimal::ZERO;
    for row in &set.rows {
        scorecard::eval::evaluate_scores(&card, black_box(&row.values), &mut scores)
            .expect("evaluates");
        total += scores.total;
    }
    let eval = report("evaluate (no trace), 1 thread", rows, start);
    assert_eq!(total, sum, "the evaluator and the baseline disagree");
    for row in set.rows.iter().take(10_000) {
        scorecard::eval::evaluate_scores(&card, &row.values, &mut scores).expect("evaluates");
        support::score_s1_report(&ix, &row.values, &mut every);
        let line = row.line;
        assert_eq!(scores.items, every.items, "line {line}: items");
        assert_eq!(scores.sections, every.sections, "line {line}: sections");
        assert_eq!(
            scores.adjustments, every.penalties,
            "line {line}: penalties"
        );
        assert_eq!(scores.grade, Some(every.grade), "line {line}: grade");
    }

    let start = Instant::now();
    let (results, failures) = scorecard::parallel::evaluate_all(&card, &set.rows);
    assert!(failures.is_empty());
    report("evaluate with trace, all threads", rows, start);

    let start = Instant::now();
    let mut out = Vec::with_capacity(rows * 120);
    scorecard::report::write_csv(&card, &results, false, &mut out).expect("write");
    report("write CSV from results", rows, start);
    drop((results, set));

    stream(&card, &csv, rows, 1, Some(&out));
    stream(&card, &csv, rows, threads, Some(&out));

    println!(
        "evaluate / baseline time ratio (1 thread each): {:.2}× total only, {:.2}× every score",
        hand / eval,
        full / eval
    );
}

/// Prints and returns rows per second.
fn report(stage: &str, rows: usize, start: Instant) -> f64 {
    print_rate(stage, rows, start.elapsed().as_secs_f64())
}

/// Runs `score` on every row's values ten times over; prints and returns
/// rows per second of this thread's time on a core.
fn ten_times_on_a_core(
    stage: &str,
    rows: &[scorecard::data::Row],
    mut score: impl FnMut(&[scorecard::value::Value]),
) -> f64 {
    let since = support::on_cpu();
    for _ in 0..10 {
        for row in rows {
            score(black_box(&row.values));
        }
    }
    let secs = (support::on_cpu() - since).as_secs_f64();
    print_rate(&format!("{stage} ×10, on a core"), rows.len() * 10, secs)
}

fn print_rate(stage: &str, rows: usize, secs: f64) -> f64 {
    let per_sec = rows as f64 / secs;
    println!("{stage:>36}: {secs:8.3} s  {per_sec:>12.0} rows/s");
    per_sec
}

/// CSV in → CSV out through `scorecard::stream` on `threads` threads, file
/// to file as the CLI does (both files in the page cache, so the disk's
/// speed is not timed); the report must be `expected`'s bytes.
fn stream(
    card: &scorecard::CheckedCard,
    csv: &[u8],
    rows: usize,
    threads: usize,
    expected: Option<&Vec<u8>>,
) {
    use std::io::{Seek, Write};
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("pool");
    let mut data = tempfile::tempfile().expect("a temporary file");
    data.write_all(csv).expect("write the data");
    data.rewind().expect("rewind");
    let report_file = tempfile::tempfile().expect("a temporary file");
    let mut sink = std::io::BufWriter::with_capacity(1 << 16, report_file);
    let start = Instant::now();
    let found = pool.install(|| {
        scorecard::stream::score_csv(
            card,
            data,
            "bench.csv",
            &mut sink,
            &Default::default(),
            &mut |_| {},
        )
    });
    let mut report_file = sink.into_inner().expect("flushed");
    report(
        &format!("end to end (stream), {threads} threads"),
        rows,
        start,
    );
    let found = found.expect("streams");
    assert_eq!(found.scored, rows);
    if let Some(expected) = expected {
        let mut written = Vec::new();
        report_file.rewind().expect("rewind");
        std::io::Read::read_to_end(&mut report_file, &mut written).expect("read back");
        assert!(&written == expected, "the stream wrote a different report");
    }
}
