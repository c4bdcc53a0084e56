//! How long the ranking stage (ranks, rank bands, grade limits) and the
//! monthly roll-up take at payroll scale. Run with `cargo bench`; it prints
//! the best of three runs for each size. No test asserts a time.
//!
//! `-- N write=FILE` only writes N rows for `tests/cards/valid/store_ranks.card`,
//! sorted by store (20 to a store), to measure the CLI on, streamed a store
//! at a time:
//!
//!     /usr/bin/time -v target/release/scorecard eval tests/cards/valid/store_ranks.card FILE --format csv --output out.csv

mod support;

use scorecard::data::{self, DataFormat, Row};
use scorecard::{CheckedCard, SourceFile};
use std::time::{Duration, Instant};

fn card(path: &str) -> CheckedCard {
    let text = std::fs::read_to_string(path).expect("card");
    scorecard::compile(&SourceFile::new(path, text))
        .expect("card checks")
        .into_card()
}

fn read(card: &CheckedCard, csv: String) -> Vec<Row> {
    read_with(card, csv, &data::ReadOptions::default())
}

fn read_with(card: &CheckedCard, csv: String, options: &data::ReadOptions) -> Vec<Row> {
    let source = data::open_bytes(csv.into_bytes(), DataFormat::Csv, "bench.csv").expect("csv");
    let set = data::read_with(card, source, options);
    assert!(set.errors.is_empty(), "{:?}", set.errors.first());
    set.rows
}

/// `n` sales consultants in 50 stores and 4 brands, scores spread with ties.
fn ranked_rows(n: usize) -> String {
    let brands = ["君威", "GL8", "凯越", "赛欧"];
    let mut csv = String::from("工号,门店,品牌,月度得分,客户投诉次数\n");
    for i in 0..n {
        let score = 60 + (i * 7919) % 41;
        csv += &format!(
            "E{i},店{},{},{score},{}\n",
            i % 50,
            brands[i % 4],
            (i * 31) % 5
        );
    }
    csv
}

/// `n` customer-service staff, three months each.
fn monthly_rows(n: usize) -> String {
    let mut csv = String::from(
        "工号,门店,月份,受理问题数,解决问题数,回访客户数,满意客户数,有效投诉次数,按时参加培训,业务考试成绩,服务态度.经理\n",
    );
    for month in ["2026-10", "2026-11", "2026-12"] {
        for i in 0..n {
            let handled = 80 + i % 40;
            csv += &format!(
                "Q{i},店{},{month},{handled},{},50,{},{},是,{},{}\n",
                i % 50,
                handled - i % 9,
                45 + i % 6,
                i % 2,
                80 + i % 20,
                20 + i % 11
            );
        }
    }
    csv
}

fn best_of_three(mut run: impl FnMut()) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    if let Some(path) = std::env::args().find_map(|a| a.strip_prefix("write=").map(String::from)) {
        let rows: usize = std::env::args()
            .skip(1)
            .find_map(|a| a.parse().ok())
            .unwrap_or(1_000_000);
        std::fs::write(&path, support::store_rows::store_rows(rows, 20)).expect("write the data");
        println!("wrote {rows} rows to {path}");
        return;
    }
    let ranks = card("tests/cards/valid/ranks.card");
    for n in [1_000, 10_000, 100_000] {
        let rows = read(&ranks, ranked_rows(n));
        let row_stage = best_of_three(|| {
            for row in &rows {
                let _ = scorecard::evaluate(&ranks, row);
            }
        });
        let both = best_of_three(|| {
            let (results, failures) = scorecard::parallel::evaluate_all(&ranks, &rows);
            assert_eq!(results.len() + failures.len(), n);
        });
        println!(
            "ranks card, {n:>7} rows: row stage {:>8.1} ms, with ranks and limits {:>8.1} ms",
            row_stage.as_secs_f64() * 1e3,
            both.as_secs_f64() * 1e3
        );
    }

    let quarterly = card("tests/cards/valid/quarterly.card");
    let monthly = scorecard::period::monthly_options(&quarterly);
    for n in [1_000, 10_000, 100_000] {
        let rows = read_with(&quarterly, monthly_rows(n), &monthly);
        let mut rolled = None;
        let roll = best_of_three(|| {
            rolled = Some(scorecard::period::roll_up(&quarterly, &rows).expect("rolls up"));
        });
        let rolled = rolled.expect("rolled");
        assert_eq!(rolled.rows.len(), n);
        let score = best_of_three(|| {
            let _ = scorecard::parallel::evaluate_all(&quarterly, &rolled.rows);
        });
        println!(
            "quarterly card, {n:>7} people x 3 months: roll-up {:>8.1} ms, scoring {:>8.1} ms",
            roll.as_secs_f64() * 1e3,
            score.as_secs_f64() * 1e3
        );
    }
}
