//! Streaming (`scorecard::stream`) against the all-at-once way (`two_ways::general`: read every row,
//! `evaluate_all`, `write_csv`): the same report byte for byte, the same
//! problems, on every scenario whose card streams, on one thread and two,
//! with batches so small that rows cross many batch and piece boundaries.

mod two_ways;

use scorecard::CheckedCard;
use std::path::Path;
use two_ways::{general, streamed};

/// Streams `bytes` every way and compares each with `general`'s.
fn agree(card: &CheckedCard, name: &str, bytes: &[u8]) {
    let want = general(card, name, bytes);
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a thread pool");
        for batch_rows in [1, 3, 0] {
            let got = streamed(card, name, bytes, &pool, batch_rows);
            assert_eq!(
                got.0, want.0,
                "{name}: the streamed report differs ({threads} threads, batches of {batch_rows})"
            );
            assert_eq!(got.1, want.1, "{name}: the streamed data errors differ");
            assert_eq!(got.2, want.2, "{name}: the streamed failures differ");
        }
    }
}

/// A shipped card that must check.
fn shipped_card(path: &str) -> CheckedCard {
    scorecard::compile_file(Path::new(path))
        .unwrap_or_else(|e| panic!("{path}: {e:?}"))
        .into_card()
}

fn card_of(data: &Path) -> Option<CheckedCard> {
    let text = std::fs::read_to_string(data).ok()?;
    crate::common::scenario_card(&text).filter(|card| scorecard::stream::streamable(card).is_none())
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
    let card = shipped_card("rules/callback_specialist.card");
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
    let card = shipped_card("rules/callback_specialist.card");
    let bytes = b"\xEF\xBB\xBF# note\nname,\xE5\x8F\x8D\xE9\xA6\x88\xE5\x8F\x8A\xE6\x97\xB6\xE7\x8E\x87\n\xE5\xBC\xA0\xE4\xB8\x89,98%\n\xE6\x9D\x8E\xE5\x9B\x9B,abc\n";
    agree(&card, "partial.csv", bytes);
}

#[test]
fn text_that_is_not_utf8_stops_at_its_line_alike() {
    let card = shipped_card("rules/callback_specialist.card");
    let mut bytes = std::fs::read("examples/callback_specialists.csv").expect("example");
    let cut = bytes.len() / 2;
    bytes.insert(cut, 0xB9);
    agree(&card, "gbk.csv", &bytes);
}

/// The workers check UTF-8 a piece at a time, so a bad byte anywhere (the
/// first row, the last, inside a quoted cell that runs over lines, before a
/// repeated id) ends the report where `data::read` stops; a
/// bad byte in a comment line is no problem for either.
#[test]
fn text_that_is_not_utf8_anywhere_stops_alike() {
    let card = shipped_card("rules/callback_specialist.card");
    let example = std::fs::read_to_string("examples/callback_specialists.csv").expect("example");
    let mut lines: Vec<Vec<u8>> = example.lines().map(|l| l.as_bytes().to_vec()).collect();
    let header = lines
        .iter()
        .position(|l| !l.starts_with(b"#"))
        .expect("header");
    let first = lines[header + 1].clone();
    lines.push(first); // a repeated id, after every bad byte below
    let rows = lines.len() - header - 1;
    let join = |lines: &[Vec<u8>]| -> Vec<u8> {
        let mut bytes = lines.join(&b'\n');
        bytes.push(b'\n');
        bytes
    };
    for row in [0, 1, rows / 2, rows - 1] {
        let mut bad = lines.clone();
        bad[header + 1 + row].insert(4, 0xFF);
        let bytes = join(&bad);
        let errors = general(&card, "bad_row.csv", &bytes).1;
        assert!(
            errors.last().is_some_and(|e| e.contains("not UTF-8")),
            "{errors:?}"
        );
        agree(&card, "bad_row.csv", &bytes);
    }
    let mut comment = lines.clone();
    comment.insert(header + 2, b"# \xFF not text".to_vec());
    let bytes = join(&comment);
    let errors = general(&card, "comment.csv", &bytes).1;
    assert_eq!(errors.len(), 1, "only the repeated id: {errors:?}");
    assert!(errors[0].contains("appears twice"), "{errors:?}");
    agree(&card, "comment.csv", &bytes);
    // A quoted name over two lines, the second holding the bad byte.
    let mut quoted = lines.clone();
    let second = &mut quoted[header + 2];
    let comma = second.iter().position(|&b| b == b',').expect("cells") + 1;
    second.splice(comma..comma, b"\"a\n\xFFb\"".iter().copied());
    agree(&card, "quoted.csv", &join(&quoted));
}

/// The `stream` fuzz target's first find: a file whose header has a
/// `月份` (period) column that no scored row fills. The stream's report has
/// a `period` (or `region`) column whenever the file has one, since it is
/// written before every row is seen; `write_csv` shows one only when a row
/// fills it (a documented difference, see `scorecard::stream`; the two ways
/// are compared by the stream's rule). Here the header is the lone column
/// `月份`, so no row can score at all.
#[test]
fn a_period_column_that_no_row_fills_is_in_the_streamed_header() {
    let card = shipped_card("rules/crm_team.card");
    agree(&card, "period_only.csv", b"\xe6\x9c\x88\xe4\xbb\xbd");
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a pool");
    let (report, _, _) = streamed(
        &card,
        "period_only.csv",
        b"\xe6\x9c\x88\xe4\xbb\xbd",
        &pool,
        0,
    );
    assert!(
        report.starts_with("id,name,brand,store,period,"),
        "{report}"
    );
}

/// The same on real rows: `区域` and `月份` columns blank throughout, filled
/// only in a bad row or a repeated id's row (neither in the report), filled
/// late (after many batches) or early, holding a comma.
#[test]
fn region_and_period_columns_are_reported_alike_however_they_are_filled() {
    let card = shipped_card("rules/callback_specialist.card");
    let example = std::fs::read_to_string("examples/callback_specialists.csv").expect("example");
    let rows: Vec<&str> = example.lines().filter(|l| !l.starts_with('#')).collect();
    let (header, rows) = rows.split_first().expect("header");
    let last = rows.len() - 1;
    // Each case: the region and period of row `i`.
    type Fill = fn(usize, usize) -> (&'static str, &'static str);
    let cases: [(&str, Fill); 7] = [
        ("blank", |_, _| ("", "")),
        ("period_last", |i, last| {
            ("", if i == last { "2026-10" } else { "" })
        }),
        ("region_first", |i, _| {
            (if i == 0 { "东区" } else { "" }, "")
        }),
        ("both_late", |i, last| {
            if i + 3 == last {
                ("\"东,区\"", "")
            } else if i == last {
                ("", "2026-10")
            } else {
                ("", "")
            }
        }),
        ("bad_row_only", |i, _| {
            if i == 4 {
                ("东区", "not a month")
            } else {
                ("", "")
            }
        }),
        ("everywhere", |_, _| (" 西区 ", "2026-10")),
        ("duplicate_only", |i, last| {
            if i == last + 1 {
                ("东区", "")
            } else {
                ("", "")
            }
        }),
    ];
    for (name, fill) in cases {
        let mut text = format!("{header},区域,月份\n");
        for (i, row) in rows.iter().enumerate() {
            let (region, period) = fill(i, last);
            text.push_str(&format!("{row},{region},{period}\n"));
        }
        // The first row again: its id repeats (its region counts for nothing).
        let (region, period) = fill(last + 1, last);
        text.push_str(&format!("{},{region},{period}\n", rows[0]));
        agree(&card, &format!("{name}.csv"), text.as_bytes());
    }
}

/// The `stream` fuzz target's second find: a row whose id repeats and whose
/// sums overflow. `general` (`data::read`) reports the duplicate and never scores
/// the row; the stream scored it on a worker, and reported its failure as
/// well as the duplicate.
#[test]
fn a_repeated_id_whose_row_would_fail_is_a_duplicate_only() {
    let card = shipped_card("rules/sales_pay.card");
    let bytes = "工号,姓名,月工资(岗位+职务+工龄+福利),实际出勤天数,应出勤天数,月销售目标完成率,管理绩效达标率,本月销售台数\n\
                 C1,甲,1200,22,22,100%,100%,0\n\
                 C1,乙,79228162514264337593543950335,22,22,300%,100%,0\n";
    let (_, errors, failures) = general(&card, "failed_duplicate.csv", bytes.as_bytes());
    assert_eq!(
        (errors.len(), failures.len()),
        (1, 0),
        "{errors:?} {failures:?}"
    );
    agree(&card, "failed_duplicate.csv", bytes.as_bytes());
}
