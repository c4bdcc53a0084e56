//! End-to-end: file text in, rows and problems out, for every format.
use crate::value::Value;

use super::testing::{card, dec, input, num, service_card};
use super::*;
use crate::value::InputType;

fn read_text(text: &str, format: DataFormat) -> DataSet {
    let name = format!("data.{}", format.name());
    read_from(&service_card(), text.as_bytes(), format, &name)
}

fn messages(set: &DataSet) -> Vec<String> {
    set.errors.iter().map(ToString::to_string).collect()
}

/// The warnings about the file and its columns (not the defaults used).
fn warning_messages(set: &DataSet) -> Vec<String> {
    set.warnings
        .iter()
        .filter(|w| w.kind != DataProblemKind::DefaultUsed)
        .map(ToString::to_string)
        .collect()
}

/// `(line, id, values)` of each good row.
fn rows(set: &DataSet) -> Vec<(usize, String, Vec<Value>)> {
    set.rows
        .iter()
        .map(|r| (r.line, r.employee.id.clone(), r.values.clone()))
        .collect()
}

const CSV: &str = "\
# 回访专员 2024-05: expected E001 → 100, E002 → 95
工号,姓名,门店,反馈及时率,日报迟报次数,迟交天数,奖金,参加培训
E001,张三,一店,98%,0,,\"¥1,200\",是
# E002 was late twice
E002,李四,二店,0.955,2,3,800元,否
";

fn expected_values() -> [Vec<Value>; 2] {
    [
        vec![
            num("0.98"),
            num("0"),
            Value::Missing,
            num("1200"),
            Value::Bool(true),
        ],
        vec![
            num("0.955"),
            num("2"),
            num("3"),
            num("800"),
            Value::Bool(false),
        ],
    ]
}

#[test]
fn csv_with_comments_and_chinese_headers() {
    let set = read_text(CSV, DataFormat::Csv);
    assert_eq!(messages(&set), Vec::<String>::new());
    assert_eq!(warning_messages(&set), Vec::<String>::new());
    let [first, second] = expected_values();
    assert_eq!(
        rows(&set),
        vec![(3, "E001".into(), first), (5, "E002".into(), second)]
    );
    let employee = &set.rows[0].employee;
    assert_eq!(employee.name.as_deref(), Some("张三"));
    assert_eq!(employee.store.as_deref(), Some("一店"));
    assert_eq!(employee.brand, None);
}

#[test]
fn csv_with_bom_and_crlf_reads_the_same() {
    let text = format!("\u{feff}{}", CSV.replace('\n', "\r\n"));
    let set = read_text(&text, DataFormat::Csv);
    assert_eq!(messages(&set), Vec::<String>::new());
    let [first, second] = expected_values();
    assert_eq!(
        rows(&set),
        vec![(3, "E001".into(), first), (5, "E002".into(), second)]
    );
}

#[test]
fn json_array_reads_the_same_rows_numbered_by_record() {
    let text = r#"[
      {"工号": "E001", "姓名": "张三", "门店": "一店", "反馈及时率": "98%", "日报迟报次数": 0,
       "迟交天数": null, "奖金": "¥1,200", "参加培训": "是"},
      {"工号": "E002", "姓名": "李四", "门店": "二店", "反馈及时率": 0.955, "日报迟报次数": 2,
       "迟交天数": 3, "奖金": 800, "参加培训": false}
    ]"#;
    let set = read_text(text, DataFormat::Json);
    assert_eq!(messages(&set), Vec::<String>::new());
    let [first, second] = expected_values();
    assert_eq!(
        rows(&set),
        vec![(1, "E001".into(), first), (2, "E002".into(), second)]
    );
}

#[test]
fn json_lines_read_the_same_rows_numbered_by_line() {
    let text = "{\"工号\": \"E001\", \"反馈及时率\": \"98%\", \"日报迟报次数\": 0, \"奖金\": \"¥1,200\", \"参加培训\": \"是\"}\n\n{\"工号\": \"E002\", \"反馈及时率\": 0.955, \"日报迟报次数\": 2, \"迟交天数\": 3, \"奖金\": \"800元\", \"参加培训\": \"否\"}\n";
    let set = read_text(text, DataFormat::JsonLines);
    assert_eq!(messages(&set), Vec::<String>::new());
    let [first, second] = expected_values();
    assert_eq!(
        rows(&set),
        vec![(1, "E001".into(), first), (3, "E002".into(), second)]
    );
}

#[test]
fn toml_reads_the_same_rows_numbered_by_record() {
    let text = r#"
[[row]]
"工号" = "E001"
"反馈及时率" = "98%"
"日报迟报次数" = 0
"奖金" = "¥1,200"
"参加培训" = "是"

[[row]]
"工号" = "E002"
"反馈及时率" = 0.955
"日报迟报次数" = 2
"迟交天数" = 3
"奖金" = 800
"参加培训" = false
"#;
    let set = read_text(text, DataFormat::Toml);
    assert_eq!(messages(&set), Vec::<String>::new());
    let [first, second] = expected_values();
    assert_eq!(
        rows(&set),
        vec![(1, "E001".into(), first), (2, "E002".into(), second)]
    );
}

#[test]
fn json_numbers_stay_exact() {
    let card = card(vec![
        input("a", InputType::Money),
        input("b", InputType::Number),
        input("c", InputType::Percent),
    ]);
    let text = r#"[{"id": "E1", "a": 0.1, "b": 1234567890.123456789012345678, "c": 0.955}]"#;
    let set = read_from(&card, text.as_bytes(), DataFormat::Json, "data.json");
    assert_eq!(messages(&set), Vec::<String>::new());
    let values = &set.rows[0].values;
    assert_eq!(values[0], num("0.1"));
    assert_eq!(
        values[0].as_num().map(|d| d.to_string()).as_deref(),
        Some("0.1")
    );
    assert_eq!(values[1], num("1234567890.123456789012345678"));
    assert_eq!(values[2], num("0.955"));
    // Three times 0.1 is exactly 0.3, as it would not be through f64.
    let sum = dec("0.1") + values[0].as_num().unwrap_or_default() + dec("0.1");
    assert_eq!(sum, dec("0.3"));
}

#[test]
fn toml_floats_come_through_as_written() {
    let card = card(vec![input("a", InputType::Money)]);
    let text = "[[row]]\nid = \"E1\"\na = 0.1\n[[row]]\nid = \"E2\"\na = 1234.56\n";
    let set = read_from(&card, text.as_bytes(), DataFormat::Toml, "data.toml");
    assert_eq!(messages(&set), Vec::<String>::new());
    assert_eq!(set.rows[0].values[0], num("0.1"));
    assert_eq!(set.rows[1].values[0], num("1234.56"));
}

#[test]
fn every_bad_cell_of_every_row_is_reported_and_good_rows_kept() {
    let text = "\
工号,反馈及时率,日报迟报次数,迟交天数,奖金,参加培训
E001,abc,2.5,,100,是
E002,98%,0,,100,是
E003,120%,-1,1,1.2万,maybe
";
    let set = read_text(text, DataFormat::Csv);
    assert_eq!(
        messages(&set),
        [
            "data.csv:2: column `反馈及时率`: `abc` is not a percentage\n  help: percentages are written as 98% or 0.98",
            "data.csv:2: column `日报迟报次数`: `2.5` is not a whole number\n  help: a count is a whole number, 0 or more",
            "data.csv:4: column `反馈及时率`: `120%` is outside the range 0% to 100%",
            "data.csv:4: column `日报迟报次数`: `-1` is negative\n  help: a count is a whole number, 0 or more",
            "data.csv:4: column `奖金`: `1.2万` is in 万, not yuan\n  help: write the amount in yuan: 12000",
            "data.csv:4: column `参加培训`: `maybe` is not yes or no\n  help: write one of 是/否, yes/no, true/false, y/n, 1/0, 对/错, √/×",
        ]
    );
    assert_eq!(set.rows.len(), 1);
    assert_eq!(set.rows[0].employee.id, "E002");
    let bad = &set.errors[0];
    assert_eq!(bad.kind, DataProblemKind::BadCell);
    assert_eq!(bad.column.as_deref(), Some("反馈及时率"));
    assert_eq!(bad.value.as_deref(), Some("abc"));
}

#[test]
fn a_bare_whole_percentage_out_of_range_gets_help() {
    let text = "工号,反馈及时率,奖金,参加培训\nE001,98,0,否\n";
    let set = read_text(text, DataFormat::Csv);
    assert_eq!(
        messages(&set),
        ["data.csv:2: column `反馈及时率`: `98` is outside the range 0% to 100%\n  help: percentages are written as 98% or 0.98; `98` reads as 9800%"]
    );
}

#[test]
fn blank_cells_take_defaults_or_are_missing_or_are_errors() {
    let text = "工号,反馈及时率,日报迟报次数,迟交天数,奖金,参加培训\nE001,,,,100,是\n";
    let set = read_text(text, DataFormat::Csv);
    assert_eq!(
        messages(&set),
        ["data.csv:2: column `反馈及时率`: missing a value for required input `反馈及时率` (`feedback_rate`)"]
    );
    let text = "工号,反馈及时率,日报迟报次数,迟交天数,奖金,参加培训\nE001,99%,,,100,是\n";
    let set = read_text(text, DataFormat::Csv);
    assert_eq!(set.rows[0].values[1], num("0"), "the count's default");
    assert_eq!(set.rows[0].values[2], Value::Missing, "the optional days");
}

#[test]
fn inputs_with_no_column_take_their_default_or_are_missing() {
    let text = "工号,反馈及时率,奖金,参加培训\nE001,99%,100,是\n";
    let set = read_text(text, DataFormat::Csv);
    assert_eq!(messages(&set), Vec::<String>::new());
    assert_eq!(set.rows[0].values[1], num("0"));
    assert_eq!(set.rows[0].values[2], Value::Missing);
}

#[test]
fn a_missing_required_column_is_one_error_and_rows_are_still_checked() {
    let text = "工号,反馈及时律,奖金,参加培训\nE001,98%,100,是\nE002,97%,abc,是\nE003,96%,100,是\n";
    let set = read_text(text, DataFormat::Csv);
    assert_eq!(
        messages(&set),
        [
            "data.csv:1: no column for required input `反馈及时率` (`feedback_rate`)\n  help: did you mean the column `反馈及时律`? A header must match the input's label or name exactly",
            "data.csv:3: column `奖金`: `abc` is not an amount of money",
        ]
    );
    assert!(set.rows.is_empty(), "no row is complete without the column");
    assert_eq!(
        warning_messages(&set),
        ["data.csv:1: column `反馈及时律`: matches no input on the card; its cells are ignored\n  help: did you mean `反馈及时率`?"]
    );
}

#[test]
fn an_unknown_column_is_a_warning_and_rows_are_kept() {
    let text = "工号,反馈及时率,奖金,参加培训,备注\nE001,98%,100,是,fine\n";
    let set = read_text(text, DataFormat::Csv);
    assert!(set.is_ok());
    assert_eq!(set.rows.len(), 1);
    assert!(set
        .warnings
        .iter()
        .any(|w| w.kind == DataProblemKind::UnknownColumn));
    assert_eq!(
        warning_messages(&set),
        ["data.csv:1: column `备注`: matches no input on the card; its cells are ignored"]
    );
}

#[test]
fn a_duplicate_id_names_both_lines() {
    let text = "工号,反馈及时率,奖金,参加培训\nE001,98%,100,是\n# again\nE001,97%,100,是\n";
    let set = read_text(text, DataFormat::Csv);
    assert_eq!(
        messages(&set),
        ["data.csv:4: column `工号`: employee `E001` appears twice, at line 2 and line 4"]
    );
    assert_eq!(set.errors[0].kind, DataProblemKind::DuplicateId);
    assert_eq!(rows(&set)[0].0, 2, "the first row is kept");
}

#[test]
fn a_duplicate_id_in_json_names_both_records() {
    let text = r#"[{"工号": "E1", "反馈及时率": "98%", "奖金": 1, "参加培训": "是"},
                   {"工号": "E1", "反馈及时率": "98%", "奖金": 1, "参加培训": "是"}]"#;
    let set = read_text(text, DataFormat::Json);
    assert_eq!(
        messages(&set),
        ["data.json: record 2: column `工号`: employee `E1` appears twice, at record 1 and record 2"]
    );
}

#[test]
fn the_name_serves_as_id_when_there_is_no_id_column() {
    let text = "姓名,反馈及时率,奖金,参加培训\n张三,98%,100,是\n李四,97%,100,是\n张三,96%,100,是\n";
    let set = read_text(text, DataFormat::Csv);
    assert_eq!(set.rows[0].employee.id, "张三");
    assert_eq!(set.rows[0].employee.name.as_deref(), Some("张三"));
    assert_eq!(
        messages(&set),
        ["data.csv:4: column `姓名`: employee `张三` appears twice, at line 2 and line 4\n  help: names serve as ids because there is no id column; add a 工号 column to tell apart two people with one name"]
    );
}

#[test]
fn a_blank_id_is_an_error() {
    let text = "工号,反馈及时率,奖金,参加培训\n ,98%,100,是\n";
    let set = read_text(text, DataFormat::Csv);
    assert_eq!(
        messages(&set),
        ["data.csv:2: column `工号`: missing the employee id"]
    );
    assert_eq!(set.errors[0].kind, DataProblemKind::MissingId);
}

#[test]
fn no_id_column_is_an_error() {
    let text = "反馈及时率,奖金,参加培训\n98%,100,是\n";
    let set = read_text(text, DataFormat::Csv);
    assert_eq!(set.errors.len(), 1);
    assert_eq!(set.errors[0].kind, DataProblemKind::NoIdColumn);
    assert!(set.rows.is_empty());
}

#[test]
fn gbk_is_read_as_excel_saves_it_on_a_chinese_windows() {
    // 工号 in GBK, as Excel's plain "CSV" writes on a Chinese Windows.
    let bytes: &[u8] = b"\xB9\xA4\xBA\xC5,x\nE1,1\n";
    let set = read_from(&service_card(), bytes, DataFormat::Csv, "五月.csv");
    assert!(
        set.errors
            .iter()
            .all(|e| e.kind != DataProblemKind::NotUtf8),
        "{:?}",
        messages(&set)
    );
    let garbage: &[u8] = b"\xB9\xA4,x\n\xFF\xFF,1\n";
    let set = read_from(&service_card(), garbage, DataFormat::Csv, "五月.csv");
    assert_eq!(
        messages(&set),
        ["五月.csv:2: the file is not text: neither UTF-8 nor GB18030 (GBK)\n  help: is this a CSV file? Open it in Excel or WPS and save it as CSV (File → Save As → \"CSV UTF-8\" or \"CSV\")"]
    );
}

#[test]
fn truncated_files_are_errors_never_panics() {
    let cases = [
        (
            DataFormat::Csv,
            "工号,反馈及时率,奖金,参加培训\nE001,98%,100,是\nE002,9",
        ),
        (DataFormat::Csv, "工号,反馈及时率,奖金,参加培训\nE001,\"98%"),
        (
            DataFormat::Json,
            "[{\"工号\": \"E001\", \"反馈及时率\": \"98%\"}, {\"工号\": ",
        ),
        (DataFormat::JsonLines, "{\"工号\": \"E001\", \"反馈及"),
        (DataFormat::Toml, "[[row]]\n\"工号\" = \"E0"),
        (DataFormat::Csv, "\u{feff}"),
    ];
    for (format, text) in cases {
        let set = read_text(text, format);
        assert!(!set.errors.is_empty(), "{format}: {text:?} gave no error");
    }
    // Cut in the middle of a multi-byte character.
    let bytes = &"工号,反馈及时率\nE001,张三".as_bytes()[..30];
    let set = read_from(&service_card(), bytes, DataFormat::Csv, "data.csv");
    assert!(
        set.errors
            .iter()
            .any(|e| e.kind == DataProblemKind::NotUtf8),
        "{:?}",
        set.errors
    );
}

#[test]
fn arbitrary_bytes_never_panic() {
    let samples: [&[u8]; 6] = [
        b"\x00\x01\x02",
        b"\"\"\"\n\"",
        b",,,\n,,,",
        b"[[[[",
        b"{\"a\":{\"b\":[1,{\"c\":null}]}}",
        b"[row]\n[[row]]",
    ];
    for bytes in samples {
        for format in DataFormat::ALL {
            let _ = read_from(&service_card(), bytes, format, "x");
        }
    }
}

#[test]
fn streaming_yields_header_errors_first_then_each_row() {
    let source = open_bytes(b"id,x\nE1,1\nE2,2\n".to_vec(), DataFormat::Csv, "data.csv").unwrap();
    let card = service_card();
    let mut rows = Rows::new(&card, source);
    let unknown = rows
        .warnings()
        .iter()
        .filter(|w| w.kind == DataProblemKind::UnknownColumn)
        .count();
    assert_eq!(unknown, 1, "x matches nothing");
    let first = rows.next().unwrap().unwrap_err();
    assert!(first
        .iter()
        .all(|e| e.kind == DataProblemKind::MissingColumn));
    assert_eq!(first.len(), 3);
    assert!(
        rows.next().is_none(),
        "rows with no cell problems are not yielded"
    );
}

#[test]
fn streaming_good_file_yields_rows_in_order() {
    let card = service_card();
    let source = open_bytes(CSV.as_bytes().to_vec(), DataFormat::Csv, "data.csv").unwrap();
    let lines: Vec<usize> = Rows::new(&card, source)
        .map(|r| r.map(|row| row.line).unwrap_or(0))
        .collect();
    assert_eq!(lines, [3, 5]);
}

#[test]
fn a_file_with_a_header_and_no_rows_warns() {
    let set = read_text(
        "工号,反馈及时率,奖金,参加培训\n# nothing yet\n",
        DataFormat::Csv,
    );
    assert!(set.is_ok());
    assert_eq!(warning_messages(&set), ["data.csv: the file has no rows"]);
    let set = read_text("[]", DataFormat::Json);
    assert!(set.is_ok(), "{:?}", messages(&set));
    assert_eq!(warning_messages(&set), ["data.json: the file has no rows"]);
}

#[test]
fn a_nested_json_value_is_reported_against_its_column() {
    let text = r#"[{"工号": "E1", "反馈及时率": [0.98], "奖金": 1, "参加培训": "是"}]"#;
    let set = read_text(text, DataFormat::Json);
    assert_eq!(
        messages(&set),
        ["data.json: record 1: column `反馈及时率`: `[0.98]` is not a percentage\n  help: percentages are written as 98% or 0.98"]
    );
}

#[test]
fn read_path_reads_a_file_by_its_extension() {
    let dir = std::env::temp_dir().join(format!("scorecard-data-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("五月.CSV");
    std::fs::write(&path, CSV).unwrap();
    let set = read_path(&service_card(), &path);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(messages(&set), Vec::<String>::new());
    assert_eq!(set.rows.len(), 2);
}
