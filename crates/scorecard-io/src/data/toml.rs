//! TOML: one `[[row]]` table per row, each key a column.
//!
//! ```toml
//! [[row]]
//! "工号" = "E001"
//! "反馈及时率" = "98%"
//! "日报迟报次数" = 2
//! ```
//!
//! TOML only allows ASCII letters, digits, `_` and `-` in bare keys, so
//! Chinese headers must be quoted, as above.
//!
//! Strings and integers arrive exactly as written. **TOML floats pass through
//! f64**: `0.1` is stored as the nearest binary fraction, so write exact
//! figures (money, rates) as strings (`"0.1"`, `"98%"`) or integers. A float
//! is turned into text by its shortest round-trip form (`0.1` → `"0.1"`),
//! never by arithmetic, which recovers what was written for any figure of up
//! to 15 significant digits. Booleans read as `true`/`false`; dates and nested
//! arrays or tables become their TOML text, which no input accepts.
//!
//! Numbering: records are numbered by their position among the `[[row]]`
//! tables (record 1, 2, …), not by line; a syntax error gives its line.

use super::error::{DataProblem, DataProblemKind, Location, Numbering};
use super::source::{decode_text, empty_file, place_cells, ColumnSet, MemorySource, Record};
use crate::t;
use std::sync::Arc;

/// The top-level key that holds the rows.
const ROWS_KEY: &str = "row";

pub fn read_toml(bytes: Vec<u8>, name: &str) -> Result<MemorySource, DataProblem> {
    let file: Arc<str> = Arc::from(name);
    let text = decode_text(bytes, &file)?;
    if text.trim().is_empty() {
        return Err(empty_file(&file));
    }
    let mut document: ::toml::Table = text
        .parse()
        .map_err(|e: ::toml::de::Error| syntax_error(&e, &text, &file))?;
    let rows = document.remove(ROWS_KEY);
    if let Some(key) = document.keys().next() {
        return Err(DataProblem::new(
            DataProblemKind::Malformed,
            &file,
            Location::File,
            t!("data-toml-top-key", key = key),
        )
        .help(t!("data-toml-top-key-help")));
    }
    let rows = match rows {
        None => Vec::new(),
        Some(::toml::Value::Array(rows)) => rows,
        Some(other) => {
            return Err(DataProblem::new(
                DataProblemKind::Malformed,
                &file,
                Location::File,
                t!("data-toml-row-not-list", what = describe(&other)),
            )
            .help(t!("data-toml-row-not-list-help")))
        }
    };
    let mut columns = ColumnSet::default();
    let records = rows
        .into_iter()
        .enumerate()
        .map(|(i, row)| to_record(row, i + 1, &mut columns, &file))
        .collect();
    Ok(MemorySource::new(
        &file,
        Numbering::Records,
        columns.names,
        records,
    ))
}

fn syntax_error(error: &::toml::de::Error, text: &str, file: &Arc<str>) -> DataProblem {
    let start = error.span().map_or(0, |span| span.start.min(text.len()));
    let before = text.get(..start).unwrap_or("");
    let line = 1 + before.matches('\n').count();
    let line_text = text.lines().nth(line - 1).unwrap_or("");
    let key = line_text.split('=').next().unwrap_or("").trim();
    let help = (!key.is_ascii() && !key.starts_with(['"', '\'', '[']))
        .then(|| t!("data-toml-quote-key", key = key));
    DataProblem::new(
        DataProblemKind::Malformed,
        file,
        Location::Line(line),
        t!("data-toml-malformed", detail = error.message().trim_end()),
    )
    .with_help(help)
}

fn to_record(
    row: ::toml::Value,
    number: usize,
    columns: &mut ColumnSet,
    file: &Arc<str>,
) -> Result<Record, DataProblem> {
    let ::toml::Value::Table(table) = row else {
        return Err(DataProblem::new(
            DataProblemKind::Malformed,
            file,
            Location::Record(number),
            t!("data-toml-not-table", what = describe(&row)),
        ));
    };
    let cells = table
        .into_iter()
        .map(|(key, value)| (columns.index_of(&key), cell_text(value)))
        .collect();
    Ok(Record {
        number,
        cells: place_cells(cells),
    })
}

pub(crate) fn cell_text(value: ::toml::Value) -> String {
    match value {
        ::toml::Value::String(s) => s,
        ::toml::Value::Integer(i) => i.to_string(),
        // Rust prints an f64 as the shortest text that reads back to the same
        // f64, in plain digits (no exponent); NaN and inf print as words that
        // the cell parser rejects.
        ::toml::Value::Float(f) => f.to_string(),
        ::toml::Value::Boolean(b) => b.to_string(),
        ::toml::Value::Datetime(d) => d.to_string(),
        nested @ (::toml::Value::Array(_) | ::toml::Value::Table(_)) => nested.to_string(),
    }
}

fn describe(value: &::toml::Value) -> String {
    match value {
        ::toml::Value::String(_) => t!("data-json-string"),
        ::toml::Value::Integer(_) | ::toml::Value::Float(_) => t!("data-json-number"),
        ::toml::Value::Boolean(_) => t!("data-json-bool"),
        ::toml::Value::Datetime(_) => t!("data-toml-date"),
        ::toml::Value::Array(_) => t!("data-toml-list"),
        ::toml::Value::Table(_) => t!("data-toml-table"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::source::RecordSource;

    fn all(mut source: MemorySource) -> Vec<Result<Record, DataProblem>> {
        std::iter::from_fn(|| source.next_record()).collect()
    }

    fn read(text: &str) -> Result<MemorySource, DataProblem> {
        read_toml(text.into(), "data.toml")
    }

    #[test]
    fn rows_are_array_tables_numbered_by_record() {
        let text = "[[row]]\n\"工号\" = \"E1\"\n\"反馈及时率\" = \"98%\"\n\"日报迟报次数\" = 2\n\n[[row]]\n\"工号\" = \"E2\"\n\"反馈及时率\" = 0.975\n";
        let source = read(text).unwrap();
        assert_eq!(source.numbering(), Numbering::Records);
        let columns = source.columns().to_vec();
        let records: Vec<Record> = all(source).into_iter().map(Result::unwrap).collect();
        let cell = |record: &Record, name: &str| {
            let i = columns.iter().position(|c| c == name).unwrap();
            (record.number, record.cell(i).to_string())
        };
        assert_eq!(cell(&records[0], "工号"), (1, "E1".to_string()));
        assert_eq!(cell(&records[0], "反馈及时率"), (1, "98%".to_string()));
        assert_eq!(cell(&records[0], "日报迟报次数"), (1, "2".to_string()));
        assert_eq!(cell(&records[1], "反馈及时率"), (2, "0.975".to_string()));
        assert_eq!(cell(&records[1], "日报迟报次数"), (2, String::new()));
    }

    #[test]
    fn an_unquoted_chinese_key_gets_quoting_advice() {
        let error = read("[[row]]\nid = \"E1\"\n反馈及时率 = \"98%\"\n")
            .err()
            .unwrap();
        assert_eq!(error.location, Location::Line(3));
        assert_eq!(
            error.help.as_deref(),
            Some("a key that is not plain ASCII must be quoted: \"反馈及时率\" = …")
        );
    }

    #[test]
    fn floats_become_their_shortest_round_trip_text() {
        let text =
            "[[row]]\na = 0.1\nb = 98.5\nc = 0.30000000000000004\nd = 1e3\ne = nan\nf = -0.0\n";
        let records = all(read(text).unwrap());
        let record = records[0].as_ref().unwrap();
        assert_eq!(
            record.cells,
            vec!["0.1", "98.5", "0.30000000000000004", "1000", "NaN", "-0"]
        );
    }

    #[test]
    fn dates_and_lists_become_their_toml_text() {
        let records = all(read("[[row]]\na = 2024-05-01\nb = [1, 2]\n").unwrap());
        assert_eq!(
            records[0].as_ref().unwrap().cells,
            vec!["2024-05-01", "[1, 2]"]
        );
    }

    #[test]
    fn a_syntax_error_gives_its_line() {
        let error = read("[[row]]\nid = \"E1\"\nx = \n").err().unwrap();
        assert_eq!(error.kind, DataProblemKind::Malformed);
        assert_eq!(error.location, Location::Line(3));
        assert!(error.message.starts_with("malformed TOML"), "{error}");
    }

    #[test]
    fn a_truncated_file_is_an_error_not_a_panic() {
        let error = read("[[row]]\nid = \"E1").err().unwrap();
        assert_eq!(error.kind, DataProblemKind::Malformed);
    }

    #[test]
    fn other_top_level_keys_are_errors() {
        let error = read("[[rows]]\nid = \"E1\"\n").err().unwrap();
        assert_eq!(
            error.to_string(),
            "data.toml: unexpected top-level key `rows`\n  help: each row goes in its own [[row]] table"
        );
        let error = read("row = 3\n").err().unwrap();
        assert_eq!(error.message, "`row` is a number, not a list of tables");
    }

    #[test]
    fn a_row_that_is_not_a_table_is_reported_by_record() {
        let records = all(read("row = [{ id = \"E1\" }, 5]\n").unwrap());
        assert!(records[0].is_ok());
        assert_eq!(
            records[1].as_ref().unwrap_err().to_string(),
            "data.toml: record 2: expected a table of columns, found a number"
        );
    }

    #[test]
    fn invalid_utf8_and_empty_files_are_errors() {
        let error = read_toml(b"[[row]]\nid = \"\xff\"\n".to_vec(), "data.toml")
            .err()
            .unwrap();
        assert_eq!(error.kind, DataProblemKind::NotUtf8);
        assert_eq!(read("\n").err().unwrap().message, "the file is empty");
    }
}
