//! The two ways to score a CSV file, each giving what it found as text to
//! compare: `general` (`data::read` of a `CsvSource`, `evaluate_all`,
//! `csv_string`) and the stream (`scorecard::stream::score_csv`). Shared by
//! the tests beside it and the `stream` fuzz target, which includes this file.

use scorecard::data::{self, DataProblem};
use scorecard::eval::{self, RowFailure};
use scorecard::stream::{score_csv, StreamError, StreamOptions};
use scorecard::CheckedCard;

/// The CSV report of the good rows, every data problem (in line order) and
/// every row that failed to score. A file that cannot be read at all gives
/// its one error and no report: the stream says so by `Err`.
pub type Found = (String, Vec<String>, Vec<String>);

pub fn general(card: &CheckedCard, name: &str, bytes: &[u8]) -> Found {
    let source = match data::CsvSource::from_bytes(bytes.to_vec(), name) {
        Ok(source) => source,
        Err(error) => return (String::new(), texts(&[error]), Vec::new()),
    };
    let (region, period) = employee_columns(card, data::RecordSource::columns(&source));
    let set = data::read(card, source);
    let (results, failures) = eval::evaluate_all(card, &set.rows);
    let mut errors = set.errors;
    errors.sort_by_key(|e| e.location.number());
    // The stream's report has `region` and `period` columns when the file
    // has them (it is written before every row is seen); `write_csv` shows
    // them when some row fills them in. The report is made here by the
    // stream's rule, with the same row writer `write_csv` uses.
    let mut report = scorecard::report::CsvRows::new(card, region, period);
    report.header();
    for r in &results {
        report.row(
            &scorecard::report::Who::of(&r.employee),
            &r.scores,
            &r.ranks,
        );
    }
    (
        String::from_utf8(report.take()).expect("a UTF-8 report"),
        texts(&errors),
        failed(&failures),
    )
}

/// Whether the header has a region column and a period column, as the
/// binding reads headers (an input of that name or label takes the column).
fn employee_columns(card: &CheckedCard, columns: &[String]) -> (bool, bool) {
    let is_input = |h: &str| {
        card.inputs()
            .iter()
            .any(|i| i.name == h || i.label.as_deref() == Some(h))
    };
    let has = |names: &[&str]| {
        columns.iter().any(|c| {
            let h = c.trim();
            !is_input(h) && names.contains(&h.to_lowercase().as_str())
        })
    };
    (
        has(&["region", "区域", "大区"]),
        has(&["month", "月份", "period", "期间", "考核期间"]),
    )
}

/// Streamed on `pool`, `batch_rows` records a batch (0: the default).
pub fn streamed(
    card: &CheckedCard,
    name: &str,
    bytes: &[u8],
    pool: &rayon::ThreadPool,
    batch_rows: usize,
) -> Found {
    let mut out = Vec::new();
    let options = StreamOptions {
        batch_rows,
        ..StreamOptions::default()
    };
    let input = std::io::Cursor::new(bytes.to_vec());
    match pool.install(|| score_csv(card, input, name, &mut out, &options, &mut |_| {})) {
        Ok(found) => (
            String::from_utf8(out).expect("a UTF-8 report"),
            texts(&found.errors),
            failed(&found.failures),
        ),
        Err(StreamError::Data(error)) => (String::new(), texts(&[error]), Vec::new()),
        Err(StreamError::Write(error)) => panic!("{name}: writing to memory failed: {error}"),
    }
}

fn texts(errors: &[DataProblem]) -> Vec<String> {
    errors.iter().map(|e| e.to_string()).collect()
}

fn failed(failures: &[RowFailure]) -> Vec<String> {
    failures
        .iter()
        .map(|f| format!("{} {:?}: {}", f.line, f.employee, f.error))
        .collect()
}
