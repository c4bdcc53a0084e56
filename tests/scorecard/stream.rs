//! Streaming (`scorecard::stream`) against the general way (read every row,
//! `evaluate_all`, `write_csv`): the same report byte for byte, the same
//! problems, on every scenario whose card streams, on one thread and two,
//! with batches so small that rows cross many batch and piece boundaries.

use scorecard::data::{self, DataError};
use scorecard::eval::{self, RowFailure};
use scorecard::stream::{score_csv, StreamOptions, Streamed};
use scorecard::CheckedCard;
use std::path::Path;

/// What the general way gives: the CSV report of the good rows, every data
/// problem and every failed row, as text.
fn general(card: &CheckedCard, name: &str, bytes: &[u8]) -> (String, Vec<String>, Vec<String>) {
    let set = match data::CsvSource::from_bytes(bytes.to_vec(), name) {
        Ok(source) => data::read(card, source),
        Err(error) => data::DataSet::failed(error),
    };
    let (results, failures) = eval::evaluate_all(card, &set.rows);
    let mut errors = set.errors;
    errors.sort_by_key(|e| e.location.number());
    (
        scorecard::report::csv_string(card, &results, false),
        texts(&errors),
        failed(&failures),
    )
}

fn streamed(
    card: &CheckedCard,
    name: &str,
    bytes: &[u8],
    threads: usize,
    batch_rows: usize,
) -> (String, Vec<String>, Vec<String>) {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool");
    let mut out = Vec::new();
    let options = StreamOptions {
        batch_rows,
        ..StreamOptions::default()
    };
    let input = std::io::Cursor::new(bytes.to_vec());
    let found: Streamed = pool
        .install(|| score_csv(card, input, name, &mut out, &options, &mut |_| {}))
        .unwrap_or_else(|e| panic!("{name}: the stream stopped: {e:?}"));
    (
        String::from_utf8(out).expect("UTF-8 report"),
        texts(&found.errors),
        failed(&found.failures),
    )
}

fn texts(errors: &[DataError]) -> Vec<String> {
    errors.iter().map(|e| e.to_string()).collect()
}

fn failed(failures: &[RowFailure]) -> Vec<String> {
    failures
        .iter()
        .map(|f| format!("{} {}: {}", f.line, f.employee.id, f.error))
        .collect()
}

/// Streams `bytes` every way and compares each with the general way.
fn agree(card: &CheckedCard, name: &str, bytes: &[u8]) {
    let want = general(card, name, bytes);
    for threads in [1, 2] {
        for batch_rows in [1, 3, 0] {
            let got = streamed(card, name, bytes, threads, batch_rows);
            assert_eq!(
                got.0, want.0,
                "{name}: the streamed report differs ({threads} threads, batches of {batch_rows})"
            );
            assert_eq!(got.1, want.1, "{name}: the streamed data errors differ");
            assert_eq!(got.2, want.2, "{name}: the streamed failures differ");
        }
    }
}

fn card_of(data: &Path) -> Option<CheckedCard> {
    let text = std::fs::read_to_string(data).ok()?;
    if text
        .lines()
        .any(|l| l.starts_with("# from:") || l.starts_with("# rules:"))
    {
        return None;
    }
    let card = text.lines().find_map(|l| l.strip_prefix("# card:"))?.trim();
    let checked = scorecard::compile_file(Path::new(card)).ok()?.card;
    scorecard::stream::streamable(&checked)
        .is_none()
        .then_some(checked)
}

#[test]
fn every_streamable_scenario_streams_to_the_same_report() {
    let mut compared = 0;
    for entry in std::fs::read_dir("tests/data").expect("tests/data") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "csv") {
            continue;
        }
        let Some(card) = card_of(&path) else { continue };
        let bytes = std::fs::read(&path).expect("read");
        agree(&card, &path.display().to_string(), &bytes);
        compared += 1;
    }
    assert!(compared >= 20, "only {compared} scenarios streamed");
}

#[test]
fn bad_rows_are_reported_alike_and_left_out_alike() {
    let card = scorecard::compile_file(Path::new("rules/callback_specialist.card"))
        .expect("S1 checks")
        .card;
    let example = std::fs::read_to_string("examples/callback_specialists.csv").expect("example");
    let mut lines: Vec<String> = example.lines().map(str::to_string).collect();
    let header = lines
        .iter()
        .position(|l| !l.starts_with('#'))
        .expect("header");
    let first = lines[header + 1].clone();
    let second = lines[header + 2].clone();
    // A repeated id, a bad cell, a blank id, a short row, blank and comment
    // lines, and a row of empty cells, among good rows.
    lines.insert(header + 3, first.clone());
    lines.insert(header + 4, second.replacen(",是,", ",maybe,", 1));
    lines.insert(header + 5, String::new());
    lines.insert(header + 6, "# a comment".into());
    let blank_id = first
        .split_once(',')
        .map(|(_, rest)| format!(",{rest}"))
        .expect("cells");
    lines.insert(header + 7, blank_id);
    lines.insert(header + 8, "E999,张三".into());
    lines.insert(header + 9, ",,,".into());
    lines.push(first);
    let bytes = (lines.join("\n") + "\n").into_bytes();
    let (_, errors, _) = general(&card, "mixed.csv", &bytes);
    assert!(errors.len() >= 5, "{errors:#?}");
    agree(&card, "mixed.csv", &bytes);
}

#[test]
fn a_header_that_does_not_bind_reports_every_row_alike() {
    let card = scorecard::compile_file(Path::new("rules/callback_specialist.card"))
        .expect("S1 checks")
        .card;
    let bytes = b"\xEF\xBB\xBF# note\nname,\xE5\x8F\x8D\xE9\xA6\x88\xE5\x8F\x8A\xE6\x97\xB6\xE7\x8E\x87\n\xE5\xBC\xA0\xE4\xB8\x89,98%\n\xE6\x9D\x8E\xE5\x9B\x9B,abc\n";
    agree(&card, "partial.csv", bytes);
}

#[test]
fn text_that_is_not_utf8_stops_at_its_line_alike() {
    let card = scorecard::compile_file(Path::new("rules/callback_specialist.card"))
        .expect("S1 checks")
        .card;
    let mut bytes = std::fs::read("examples/callback_specialists.csv").expect("example");
    let cut = bytes.len() / 2;
    bytes.insert(cut, 0xB9);
    agree(&card, "gbk.csv", &bytes);
}
