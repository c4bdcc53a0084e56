//! Streaming in chunks (`scorecard::stream::ChunkedFile`) against the
//! all-at-once way (`general` here: read every row, roll up, `evaluate_all`, `csv_string`): the
//! same report byte for byte and the same problems, for every scenario whose
//! card ranks rows or rolls months up, with its rows as written, reversed,
//! shuffled and sorted by store, on one thread and two, with chunks cut
//! after every group and with the default size.

use crate::support::store_rows::store_rows;
use scorecard::data;
use scorecard::period::{CannotRollUp, RollUp};
use scorecard::report::Format;
use scorecard::run::{
    DataInput, DataSource, Note, Options, Output, Plan, Problem, Request, RulesSpec, Warning, Way,
};
use scorecard::stream::{streamable, ChunkOptions, ChunkedFile, StreamError};
use scorecard::{eval, CheckedCard};
use std::path::Path;
use std::sync::Arc;

/// The report, every data problem, every row that failed to score, and the
/// roll-up's findings, as text (failures and roll-up errors sorted: the CLI
/// prints them by line).
#[derive(Debug, PartialEq)]
struct Found {
    report: String,
    errors: Vec<String>,
    failures: Vec<String>,
    rolled: Vec<String>,
}

/// The run's all-at-once way (`run::ways::all_at_once`): the planner with every row at once (the data in
/// memory, so it neither streams nor goes in chunks), its CSV report.
fn general(card: &CheckedCard, rollup: bool, name: &str, bytes: &[u8]) -> Found {
    let mut input = DataInput::records(name, vec![], data::Numbering::Lines, vec![]);
    input.source = DataSource::Bytes(Arc::new(bytes.to_vec()));
    input.format = Some(data::DataFormat::Csv);
    let request = Request {
        rules: RulesSpec::Checked(vec![Arc::new(card.clone())]),
        data: vec![input],
        from: vec![],
        options: Options {
            rollup,
            keep_going: true,
            ..Options::default()
        },
    };
    let plan = Plan::load(request).expect("a plan");
    let mut report = Vec::new();
    let outcome = plan.run(
        Output::Report {
            format: Format::Csv,
            options: scorecard::report::Options::default(),
            to: &mut report,
        },
        &mut |_| {},
    );
    assert_eq!(outcome.way, Way::AllAtOnce);
    // The run's notes close its report (`#` lines); the stream's own
    // report is the rows.
    let report = String::from_utf8(report).expect("a UTF-8 report");
    let rows: String = report
        .split_inclusive('\n')
        .filter(|line| !line.starts_with("# "))
        .collect();
    let mut found = Found {
        report: rows,
        errors: Vec::new(),
        failures: Vec::new(),
        rolled: Vec::new(),
    };
    let mut rolled_errors = Vec::new();
    for problem in &outcome.problems {
        match problem {
            Problem::Data(e) => found.errors.push(e.to_string()),
            Problem::Failed { failure, .. } => found.failures.push(failure_text(failure)),
            Problem::RollUp {
                lines, id, message, ..
            } => rolled_errors.push(format!("{lines:?} {id}: {message}")),
            other => panic!("{name}: unexpected {other}"),
        }
    }
    found.failures.sort();
    rolled_errors.sort();
    for note in &outcome.notes {
        if let Note::Skipped { skipped, .. } = note {
            found.rolled.push(format!("{skipped:?}"));
        }
    }
    found.rolled.extend(rolled_errors);
    // The roll-up's own warnings (`FILE: …`), not the run's.
    for warning in &outcome.warnings {
        if let Warning::Text(text) = warning {
            if text.starts_with(&format!("{name}: ")) {
                found.rolled.push(text.clone());
            }
        }
    }
    found
}

fn failure_text(f: &eval::RowFailure) -> String {
    format!("{} {:?}: {}", f.line, f.employee, f.error)
}

/// In chunks on `pool`, chunks of at least `chunk_rows` rows (0: the
/// default); also the most rows a chunk held.
fn in_chunks(
    card: &CheckedCard,
    rollup: bool,
    name: &str,
    bytes: &[u8],
    pool: &rayon::ThreadPool,
    chunk_rows: usize,
) -> (Found, usize) {
    let options = ChunkOptions {
        bom: false,
        rollup,
        chunk_rows,
        ..Default::default()
    };
    let open = || std::io::Cursor::new(bytes.to_vec());
    let grouped = match ChunkedFile::scan(card, open(), name, options) {
        Ok(grouped) => grouped,
        Err(error) => return (unreadable(&error), 0),
    };
    let mut out = Vec::new();
    let scored = pool.install(|| grouped.score(name, &mut || Ok(open()), &mut out, &mut |_| {}));
    let found = match scored {
        Ok(scored) => scored,
        Err(StreamError::Data(error)) => return (unreadable(&error), 0),
        Err(StreamError::Write(error)) => panic!("{name}: writing to memory failed: {error}"),
    };
    if let Some(Err(e)) = &found.rolled {
        return (cannot(name, e), found.largest_chunk);
    }
    let rows = found.found;
    let found_text = Found {
        report: String::from_utf8(out).expect("a UTF-8 report"),
        errors: rows.errors.iter().map(|e| e.to_string()).collect(),
        failures: failed(&rows.failures),
        rolled: found
            .rolled
            .map(|r| rolled_text(name, &r))
            .unwrap_or_default(),
    };
    (found_text, found.largest_chunk)
}

fn unreadable(error: &data::DataProblem) -> Found {
    Found {
        report: String::new(),
        errors: vec![error.to_string()],
        failures: Vec::new(),
        rolled: Vec::new(),
    }
}

/// Nothing rolls up: only the reason counts, as a problem with the file.
fn cannot(name: &str, e: &CannotRollUp) -> Found {
    Found {
        report: String::new(),
        errors: vec![format!("{name}: {e}")],
        failures: Vec::new(),
        rolled: Vec::new(),
    }
}

fn failed(failures: &[eval::RowFailure]) -> Vec<String> {
    let mut texts: Vec<String> = failures.iter().map(failure_text).collect();
    texts.sort();
    texts
}

/// The roll-up's findings as the planner tells them: periods left out, rows
/// that could not be rolled up (sorted), its warnings.
fn rolled_text(name: &str, rolled: &Result<RollUp, CannotRollUp>) -> Vec<String> {
    let Ok(rolled) = rolled else {
        return Vec::new();
    };
    let mut errors: Vec<String> = rolled
        .errors
        .iter()
        .map(|e| format!("{:?} {}: {}", e.lines, e.employee.id, e.message))
        .collect();
    errors.sort();
    let skipped = rolled.skipped.iter().map(|s| format!("{s:?}"));
    skipped
        .chain(errors)
        .chain(rolled.warnings.iter().map(|w| format!("{name}: {w}")))
        .collect()
}

/// Compares the two ways on `bytes` every way; the most rows a chunk held
/// when cut after every group.
fn agree(card: &CheckedCard, rollup: bool, name: &str, bytes: &[u8]) -> usize {
    let want = general(card, rollup, name, bytes);
    let mut largest = 0;
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a thread pool");
        for chunk_rows in [1, 2, 0] {
            let (got, chunk) = in_chunks(card, rollup, name, bytes, &pool, chunk_rows);
            assert_eq!(
                got, want,
                "{name}: in chunks differs ({threads} threads, chunks of {chunk_rows})"
            );
            if chunk_rows == 1 {
                largest = chunk;
            }
        }
    }
    largest
}

/// The file's rows as written, reversed, shuffled and sorted by store
/// (comments and the header stay first).
fn orders(text: &str) -> Vec<(&'static str, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let header = lines
        .iter()
        .position(|l| !l.starts_with('#'))
        .unwrap_or(lines.len());
    let (head, rows) = lines.split_at((header + 1).min(lines.len()));
    let store = head
        .last()
        .and_then(|h| h.split(',').position(|c| c == "门店"));
    let mut reversed = rows.to_vec();
    reversed.reverse();
    let mut shuffled = rows.to_vec();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in (1..shuffled.len()).rev() {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        shuffled.swap(i, (seed >> 33) as usize % (i + 1));
    }
    let mut sorted = rows.to_vec();
    sorted.sort_by_key(|l| store.map(|c| l.split(',').nth(c).unwrap_or("").to_string()));
    let join = |rows: &[&str]| format!("{}\n{}\n", head.join("\n"), rows.join("\n"));
    vec![
        ("as written", join(rows)),
        ("reversed", join(&reversed)),
        ("shuffled", join(&shuffled)),
        ("by store", join(&sorted)),
    ]
}

fn shipped_card(path: &str) -> CheckedCard {
    scorecard::compile_file(Path::new(path))
        .unwrap_or_else(|e| panic!("{path}: {e:?}"))
        .into_card()
}

/// The card a scenario names, when it ranks rows or rolls months up.
fn grouped_card_of(text: &str) -> Option<CheckedCard> {
    crate::common::scenario_card(text).filter(|card| streamable(card).is_some())
}

#[test]
fn every_ranked_or_rolled_up_scenario_streams_to_the_same_report_in_any_order() {
    let mut compared = Vec::new();
    for entry in std::fs::read_dir("tests/data").expect("tests/data") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "csv") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("read");
        let Some(card) = grouped_card_of(&text) else {
            continue;
        };
        let rollup = card.rollup().is_some();
        for (order, text) in orders(&text) {
            let name = format!("{} ({order})", path.display());
            agree(&card, rollup, &name, text.as_bytes());
        }
        compared.push(path);
    }
    assert!(compared.len() >= 3, "only {compared:?} compared");
}

#[test]
fn rows_sorted_by_store_are_scored_a_store_at_a_time() {
    let card = shipped_card("tests/cards/valid/store_ranks.card");
    let text = store_rows(300, 7);
    for (order, text) in orders(&text) {
        let largest = agree(&card, false, order, text.as_bytes());
        if order == "as written" || order == "by store" {
            assert_eq!(largest, 7, "{order}: a chunk per store");
        }
    }
}

#[test]
fn a_rank_over_every_row_is_one_chunk() {
    let card = shipped_card("tests/cards/valid/ranks.card");
    let text = store_rows(50, 5);
    assert_eq!(agree(&card, false, "all.csv", text.as_bytes()), 50);
}

#[test]
fn bad_rows_and_repeated_ids_are_reported_alike_across_chunks() {
    let card = shipped_card("tests/cards/valid/store_ranks.card");
    let mut text = store_rows(40, 4);
    // A repeated id in a later store, a bad score, a blank id, a short row,
    // a row with no store (it fails in the ranking stage), a bad month, and a
    // blank line and a comment.
    text += "E3,又一个,店8,君威,90,0\n";
    text += "E100,坏,店9,GL8,abc,0\n";
    text += ",无号,店9,GL8,80,0\n";
    text += "E101,短\n";
    text += "E102,无店,,GL8,80,0\n";
    text += "\n# a comment\n";
    text += "E103,末,店9,GL8,85,1\n";
    for (order, text) in orders(&text) {
        let (_, errors, failures) = {
            let f = general(&card, false, order, text.as_bytes());
            (f.report, f.errors, f.failures)
        };
        assert!(errors.len() >= 4, "{errors:#?}");
        assert_eq!(failures.len(), 1, "{failures:#?}");
        agree(&card, false, order, text.as_bytes());
    }
}

/// `区域` and `月份` columns filled only in rows the report leaves out (a bad
/// row, a repeated id): the scan guesses the columns are shown, and the
/// report is made again without them.
#[test]
fn region_and_period_columns_follow_the_scored_rows() {
    let card = shipped_card("tests/cards/valid/store_ranks.card");
    let cases = [
        ("bad_row_region", "东区", "", Some(5)),
        ("bad_row_period", "", "2026-10", Some(5)),
        ("duplicate_region", "东区", "", None),
        ("everywhere", "西区", "2026-10", None),
    ];
    for (name, region, month, bad) in cases {
        let mut text = String::from("工号,姓名,门店,品牌,月度得分,客户投诉次数,区域,月份\n");
        for i in 0..12 {
            let score = match bad == Some(i) {
                true => "abc".to_string(),
                false => (70 + i).to_string(),
            };
            let (r, m) = match bad == Some(i) || name == "everywhere" {
                true => (region, month),
                false => ("", ""),
            };
            text += &format!("E{i},员工,店{},君威,{score},0,{r},{m}\n", i / 3);
        }
        if name == "duplicate_region" {
            text += &format!("E0,又一个,店9,君威,80,0,{region},{month}\n");
        }
        agree(&card, false, name, text.as_bytes());
    }
}

#[test]
fn files_with_no_rows_or_no_header_are_reported_alike() {
    let card = shipped_card("tests/cards/valid/store_ranks.card");
    for text in [
        "",
        "# only a comment\n",
        "工号,门店,月度得分\n",
        "工号,门店\nE1,店1\n",
    ] {
        agree(&card, false, "empty.csv", text.as_bytes());
    }
}

#[test]
fn text_that_is_not_utf8_stops_at_its_line_alike() {
    let card = shipped_card("tests/cards/valid/store_ranks.card");
    let mut bytes = store_rows(30, 3).into_bytes();
    let cut = bytes.len() / 2;
    bytes.insert(cut, 0xB9);
    agree(&card, false, "gbk.csv", &bytes);
}

/// The file saved again between the two passes with a row added to a store
/// after the line where the scan saw that store end: store 1 would be cut
/// after its first two rows and the new row ranked alone (first of one,
/// instead of first of three), so the run stops with an error and writes
/// nothing. A change that keeps every store where it was is scored as read.
#[test]
fn a_file_whose_rows_moved_between_the_passes_is_an_error_not_a_wrong_rank() {
    let card = shipped_card("tests/cards/valid/store_ranks.card");
    let header = "工号,姓名,门店,品牌,月度得分,客户投诉次数\n";
    let scanned = format!("{header}E1,甲,店1,君威,90,0\nE2,乙,店1,君威,80,0\nE3,丙,店2,君威,70,0\nE4,丁,店2,君威,60,0\n");
    let moved = format!("{scanned}E5,戊,店1,君威,99,0\n");
    let rescored = scanned.replace("E2,乙,店1,君威,80", "E2,乙,店1,君威,95");
    let options = ChunkOptions {
        bom: false,
        rollup: false,
        chunk_rows: 1,
        ..Default::default()
    };
    let run = |second: &str| {
        let grouped = ChunkedFile::scan(
            &card,
            std::io::Cursor::new(scanned.clone().into_bytes()),
            "data.csv",
            options.clone(),
        )
        .expect("the scan reads the file");
        let second = second.to_string();
        let mut report = Vec::new();
        grouped
            .score(
                "data.csv",
                &mut || Ok(std::io::Cursor::new(second.clone().into_bytes())),
                &mut report,
                &mut |_| {},
            )
            .map(|found| (found.found.scored, String::from_utf8(report).unwrap()))
    };
    match run(&moved) {
        Err(StreamError::Data(error)) => {
            let message = error.to_string();
            assert!(
                message.contains("changed while it was being read"),
                "{message}"
            );
            assert!(message.contains("line 6"), "{message}");
        }
        other => panic!("a store's row moved past its end must stop the run, got {other:?}"),
    }
    let (scored, report) = run(&rescored).expect("groups in place: scored as read");
    assert_eq!(scored, 4);
    assert_eq!(
        report,
        general(&card, false, "data.csv", rescored.as_bytes()).report,
        "the second pass's cells are the ones scored"
    );
}

/// Monthly rows of many people, clustered by person, in and out of order:
/// rolled up and ranked within store a person at a time; with the months
/// of a rate given (not used, a warning), missing months (skipped), a
/// month that is a quarter (an error) and no month at all.
#[test]
fn monthly_rows_roll_up_alike_in_any_order() {
    crate::common::english();
    let card = shipped_card("tests/cards/valid/quarterly.card");
    let header = "工号,姓名,门店,月份,受理问题数,解决问题数,回访客户数,满意客户数,有效投诉次数,按时参加培训,业务考试成绩,服务态度.经理,服务态度.公司审核,问题解决率";
    let mut text = format!("{header}\n");
    for person in 0..12 {
        for month in ["2026-10", "2026-11", "2026-12", "2027-01"] {
            if (person + month.len()) % 5 == 0 && month == "2026-11" {
                continue;
            }
            let rate = if person == 7 { "90%" } else { "" };
            text += &format!(
                "P{person},人{person},店{},{month},{},{},50,{},0,是,{},{},,{rate}\n",
                person / 4,
                80 + person * 3,
                70 + person * 2,
                44 + person % 6,
                80 + person,
                20 + person % 9
            );
        }
    }
    text += "P99,怪,店0,2026-Q4,100,90,50,49,0,是,85,25,,\n";
    text += "P98,空,店0,,100,90,50,49,0,是,85,25,,\n";
    for (order, text) in orders(&text) {
        let want = general(&card, true, order, text.as_bytes());
        assert!(!want.rolled.is_empty(), "{want:#?}");
        let largest = agree(&card, true, order, text.as_bytes());
        if order == "as written" {
            assert!(largest <= 16, "{order}: chunks of {largest} rows");
        }
    }
    let no_month = format!(
        "{}\nP1,人,店0,100,90,50,49,0,是,85,25,,\n",
        header.replace("月份,", "")
    );
    let found = general(&card, true, "no_month.csv", no_month.as_bytes());
    assert_eq!(found.errors.len(), 1, "{found:#?}");
    assert!(found.errors[0].contains("no month column"), "{found:#?}");
    agree(&card, true, "no_month.csv", no_month.as_bytes());
}

/// The CLI in chunks (a file) and all at once (the same text on stdin,
/// which cannot be read twice): the same report, messages and exit code,
/// with bad rows and `--keep-going`, and without.
#[test]
fn the_cli_by_groups_says_what_the_general_way_says() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut ranked = store_rows(30, 4);
    ranked += "E3,又一个,店8,君威,90,0\nE100,坏,店9,GL8,abc,0\nE102,无店,,GL8,80,0\n";
    let quarterly = std::fs::read_to_string("tests/data/quarterly.csv").expect("quarterly");
    let quarterly = quarterly.replace("Q2,钱坤,一店,2026-10,", "Q2,钱坤,一店,2026-Q4,");
    let cases = [
        (
            "tests/cards/valid/store_ranks.card",
            ranked.as_str(),
            &[][..],
        ),
        (
            "tests/cards/valid/quarterly.card",
            &quarterly,
            &["--rollup"][..],
        ),
    ];
    for (card, text, extra) in cases {
        let path = dir.path().join("data.csv");
        std::fs::write(&path, text).expect("write the data");
        let file = path.to_str().expect("a UTF-8 path");
        for keep_going in [&[][..], &["--keep-going", "--bom"][..]] {
            let options: Vec<&str> = extra.iter().chain(keep_going).copied().collect();
            let streamed = crate::cli::run(&eval_args(card, file, &options), None);
            let general = crate::cli::run(&eval_args(card, "-", &options), Some(text));
            let named = |bytes: &[u8]| {
                crate::cli::text(bytes)
                    .replace("<stdin>", file)
                    .replace(" in -;", &format!(" in {file};"))
                    .replace("error: -:", &format!("error: {file}:"))
            };
            assert_eq!(named(&streamed.stderr), named(&general.stderr), "{card}");
            // The report's notes name the file too.
            assert_eq!(
                named(&streamed.stdout),
                named(&general.stdout),
                "{card} {keep_going:?}"
            );
            assert_eq!(streamed.status.code(), general.status.code(), "{card}");
        }
    }
}

/// `eval CARD DATA --format csv OPTIONS`, stdin read as CSV.
fn eval_args<'a>(card: &'a str, data: &'a str, options: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["eval", card, data, "--format", "csv"];
    args.extend(options);
    if data == "-" {
        args.extend(["--input-format", "csv"]);
    }
    args
}
