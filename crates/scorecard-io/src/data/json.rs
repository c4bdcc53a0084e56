//! JSON: a top-level array of objects, or JSON Lines (one object per line).
//!
//! Each key is a column. Strings are cells as written; numbers are taken from
//! their decimal text in the file (`0.1` stays 0.1; never through f64; only an
//! exponent is respelt, `1e5` as `1e+5`, and the cell parser refuses it); `true`
//! and `false` read as those words; `null` is a blank cell. A nested array or
//! object becomes its JSON text, which no input type accepts, so it is
//! reported against its column rather than silently dropped.
//!
//! Numbering: for an array, records are numbered by their position in it
//! (record 1, 2, …); JSON Lines are numbered by physical line. A syntax
//! error in an array spoils the whole document; one in JSON Lines spoils
//! only its line.

use super::error::{DataProblem, DataProblemKind, Location, Numbering};
use super::source::{decode_text, empty_file, place_cells, ColumnSet, MemorySource, Record};
use crate::t;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::sync::Arc;

/// Reads a `.json` file: an array of objects, or (if it starts with `{`) JSON Lines.
pub fn read_json(bytes: Vec<u8>, name: &str) -> Result<MemorySource, DataProblem> {
    let file: Arc<str> = Arc::from(name);
    let text = decode_text(bytes, &file)?;
    match text.trim_start().chars().next() {
        None => Err(empty_file(&file)),
        Some('[') => read_array(&text, &file),
        Some('{') => Ok(read_lines_text(&text, &file)),
        Some(_) => Err(DataProblem::new(
            DataProblemKind::Malformed,
            &file,
            Location::Line(1),
            t!("data-json-not-rows"),
        )
        .help(t!("data-json-not-rows-help"))),
    }
}

/// Reads a `.jsonl` / `.ndjson` file: one JSON object per line.
pub fn read_json_lines(bytes: Vec<u8>, name: &str) -> Result<MemorySource, DataProblem> {
    let file: Arc<str> = Arc::from(name);
    let text = decode_text(bytes, &file)?;
    if text.trim().is_empty() {
        return Err(empty_file(&file));
    }
    Ok(read_lines_text(&text, &file))
}

fn read_array(text: &str, file: &Arc<str>) -> Result<MemorySource, DataProblem> {
    let elements: Vec<Element> =
        serde_json::from_str(text).map_err(|e| syntax_error(&e, text, file, None))?;
    let mut columns = ColumnSet::default();
    let records = elements
        .into_iter()
        .enumerate()
        .map(|(i, element)| to_record(element, i + 1, Location::Record(i + 1), &mut columns, file))
        .collect();
    Ok(MemorySource::new(
        file,
        Numbering::Records,
        columns.names,
        records,
    ))
}

fn read_lines_text(text: &str, file: &Arc<str>) -> MemorySource {
    let mut columns = ColumnSet::default();
    let mut records = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let number = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let record = match serde_json::from_str::<Element>(line) {
            Ok(element) => to_record(element, number, Location::Line(number), &mut columns, file),
            Err(e) => Err(syntax_error(&e, line, file, Some(number))),
        };
        records.push(record);
    }
    MemorySource::new(file, Numbering::Lines, columns.names, records)
}

fn to_record(
    element: Element,
    number: usize,
    location: Location,
    columns: &mut ColumnSet,
    file: &Arc<str>,
) -> Result<Record, DataProblem> {
    let pairs = match element {
        Element::Object(pairs) => pairs,
        Element::Other(what) => {
            return Err(DataProblem::new(
                DataProblemKind::Malformed,
                file,
                location,
                t!("data-json-not-object", what = shape_name(what)),
            ))
        }
    };
    let mut cells: Vec<(usize, String)> = Vec::with_capacity(pairs.len());
    for (key, value) in pairs {
        let column = columns.index_of(&key);
        if cells.iter().any(|(c, _)| *c == column) {
            return Err(DataProblem::new(
                DataProblemKind::Malformed,
                file,
                location,
                t!("data-json-key-twice", key = &key),
            ));
        }
        cells.push((column, cell_text(value)));
    }
    Ok(Record {
        number,
        cells: place_cells(cells),
    })
}

/// A JSON value as cell text; numbers keep their exact written form.
fn cell_text(value: serde_json::Value) -> String {
    match value {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s,
        serde_json::Value::Bool(b) => b.to_string(),
        // With `arbitrary_precision`, this is the number's text from the file.
        serde_json::Value::Number(n) => n.to_string(),
        nested @ (serde_json::Value::Array(_) | serde_json::Value::Object(_)) => nested.to_string(),
    }
}

/// A serde_json syntax error as a data error. `text` is what was parsed: the
/// whole array, or the one JSON Lines line whose number is `line`.
fn syntax_error(
    error: &serde_json::Error,
    text: &str,
    file: &Arc<str>,
    line: Option<usize>,
) -> DataProblem {
    let mut detail = error.to_string();
    if let Some(cut) = detail.rfind(" at line ") {
        detail.truncate(cut);
    }
    // serde_json counts columns in bytes; an editor counts characters.
    let error_line = text
        .lines()
        .nth(error.line().saturating_sub(1))
        .unwrap_or("");
    let byte_column = error.column().saturating_sub(1);
    let column = 1 + error_line
        .char_indices()
        .take_while(|(i, _)| *i < byte_column)
        .count();
    match line {
        None if error.is_eof() => DataProblem::new(
            DataProblemKind::Malformed,
            file,
            Location::Line(error.line()),
            t!("data-json-eof"),
        )
        .help(t!("data-json-eof-help")),
        None => DataProblem::new(
            DataProblemKind::Malformed,
            file,
            Location::Line(error.line()),
            t!("data-json-malformed", column = column, detail = &detail),
        ),
        Some(line) => {
            let message = if error.is_eof() {
                t!("data-json-line-eof")
            } else {
                t!("data-json-malformed", column = column, detail = &detail)
            };
            DataProblem::new(
                DataProblemKind::Malformed,
                file,
                Location::Line(line),
                message,
            )
            .help(t!("data-json-lines-help"))
        }
    }
}

/// What a JSON value that is not an object is called, in messages.
fn shape_name(what: &str) -> String {
    match what {
        "bool" => t!("data-json-bool"),
        "number" => t!("data-json-number"),
        "string" => t!("data-json-string"),
        "array" => t!("data-json-array"),
        _ => t!("data-json-null"),
    }
}

/// One element of the top-level array or one line: an object's key–value
/// pairs in order, duplicates kept so they can be reported.
enum Element {
    Object(Vec<(String, serde_json::Value)>),
    /// Not an object: what it was (`bool`, `number`, `string`, `array`, `null`), for the message.
    Other(&'static str),
}

impl<'de> de::Deserialize<'de> for Element {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ElementVisitor)
    }
}

/// serde_json's `arbitrary_precision` hands a number to visitors as a map
/// with this one key (see serde_json's `number` module).
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

struct ElementVisitor;

impl<'de> Visitor<'de> for ElementVisitor {
    type Value = Element;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Element, E> {
        Ok(Element::Other("bool"))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Element, E> {
        Ok(Element::Other("number"))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Element, E> {
        Ok(Element::Other("number"))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Element, E> {
        Ok(Element::Other("number"))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Element, E> {
        Ok(Element::Other("string"))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Element, E> {
        Ok(Element::Other("null"))
    }
    fn visit_none<E: de::Error>(self) -> Result<Element, E> {
        Ok(Element::Other("null"))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Element, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Element::Other("array"))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Element, A::Error> {
        let mut pairs = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if pairs.is_empty() && key == NUMBER_TOKEN {
                map.next_value::<IgnoredAny>()?;
                return Ok(Element::Other("number"));
            }
            let value: serde_json::Value = map.next_value()?;
            pairs.push((key, value));
        }
        Ok(Element::Object(pairs))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::source::RecordSource;

    fn all(mut source: MemorySource) -> Vec<Result<Record, DataProblem>> {
        std::iter::from_fn(|| source.next_record()).collect()
    }

    fn cells(source: MemorySource) -> Vec<(usize, Vec<String>)> {
        all(source)
            .into_iter()
            .map(|r| r.map(|r| (r.number, r.cells)).unwrap())
            .collect()
    }

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn an_array_of_objects_numbers_records_by_position() {
        let text = r#"[
            {"工号": "E1", "反馈及时率": "98%", "日报迟报次数": 2},
            {"工号": "E2", "反馈及时率": 0.975, "日报迟报次数": null}
        ]"#;
        let source = read_json(text.into(), "data.json").unwrap();
        assert_eq!(source.numbering(), Numbering::Records);
        assert_eq!(source.columns(), s(&["工号", "反馈及时率", "日报迟报次数"]));
        assert_eq!(
            cells(source),
            vec![(1, s(&["E1", "98%", "2"])), (2, s(&["E2", "0.975", ""])),]
        );
    }

    #[test]
    fn numbers_keep_their_exact_text() {
        let text = r#"[{"a": 0.1, "b": 12345678901234567890.123456789, "c": -0, "d": 1e5, "e": 0.30000000000000004}]"#;
        let got = cells(read_json(text.into(), "data.json").unwrap());
        assert_eq!(
            got[0].1,
            s(&[
                "0.1",
                "12345678901234567890.123456789",
                "-0",
                "1e+5",
                "0.30000000000000004"
            ])
        );
    }

    #[test]
    fn booleans_read_as_words_and_nested_values_as_json_text() {
        let text = r#"[{"a": true, "b": false, "c": [1, 2], "d": {"x": 1}}]"#;
        let got = cells(read_json(text.into(), "data.json").unwrap());
        assert_eq!(got[0].1, s(&["true", "false", "[1,2]", r#"{"x":1}"#]));
    }

    #[test]
    fn keys_missing_from_some_objects_are_blank_columns() {
        let text = r#"[{"id": "E1"}, {"id": "E2", "x": "1"}]"#;
        let source = read_json(text.into(), "data.json").unwrap();
        assert_eq!(source.columns(), s(&["id", "x"]));
        let got = cells(source);
        assert_eq!(got[0].1, s(&["E1"]));
        assert_eq!(got[1].1, s(&["E2", "1"]));
    }

    #[test]
    fn json_lines_number_by_physical_line_and_skip_blank_lines() {
        let text = "{\"id\": \"E1\", \"x\": 1}\n\n{\"id\": \"E2\", \"x\": 2}\r\n";
        let source = read_json_lines(text.into(), "data.jsonl").unwrap();
        assert_eq!(source.numbering(), Numbering::Lines);
        let got = cells(source);
        assert_eq!(got, vec![(1, s(&["E1", "1"])), (3, s(&["E2", "2"]))]);
    }

    #[test]
    fn a_json_file_starting_with_an_object_is_read_as_json_lines() {
        let text = "{\"id\": \"E1\"}\n{\"id\": \"E2\"}\n";
        let got = cells(read_json(text.into(), "data.json").unwrap());
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].0, 2);
    }

    #[test]
    fn a_bad_json_line_is_one_error_and_the_other_lines_are_read() {
        let text = "{\"id\": \"E1\"}\n{\"id\": \"E2\",}\n[1]\n{\"id\": \"E4\"}\n";
        let got = all(read_json_lines(text.into(), "data.jsonl").unwrap());
        assert_eq!(got.len(), 4);
        let bad = got[1].as_ref().unwrap_err();
        assert_eq!(bad.location, Location::Line(2));
        assert!(bad.message.starts_with("malformed JSON at column"), "{bad}");
        assert!(bad.help.as_deref().unwrap().contains("JSON Lines"));
        assert_eq!(
            got[2].as_ref().unwrap_err().to_string(),
            "data.jsonl:3: expected an object with one key per column, found an array"
        );
        assert_eq!(got[3].as_ref().unwrap().number, 4);
    }

    #[test]
    fn a_syntax_error_gives_its_line_and_column_in_characters() {
        let text = "[\n {\"工号\": \"E1\" \"x\": 1}\n]";
        let error = read_json(text.into(), "data.json").err().unwrap();
        assert_eq!(
            error.to_string(),
            "data.json:2: malformed JSON at column 14: expected `,` or `}`"
        );
    }

    #[test]
    fn a_json_line_cut_short_says_so() {
        let text = "{\"id\": \"E1\"}\n{\"id\": \"E2\", \n";
        let got = all(read_json_lines(text.into(), "data.jsonl").unwrap());
        let error = got[1].as_ref().unwrap_err();
        assert_eq!(error.location, Location::Line(2));
        assert_eq!(
            error.message,
            "this line ends in the middle of a JSON value"
        );
    }

    #[test]
    fn a_truncated_array_is_one_error_not_a_panic() {
        let text = "[\n {\"id\": \"E1\", \"x\": 1},\n {\"id\": \"E2\", \"x\": ";
        let error = read_json(text.into(), "data.json").err().unwrap();
        assert_eq!(error.kind, DataProblemKind::Malformed);
        assert_eq!(
            error.to_string(),
            "data.json:3: the JSON ends in the middle of a value\n  help: the file may be cut short"
        );
    }

    #[test]
    fn array_elements_that_are_not_objects_are_reported_by_record() {
        let text = r#"[{"id": "E1"}, 42, "E3", null]"#;
        let got = all(read_json(text.into(), "data.json").unwrap());
        assert!(got[0].is_ok());
        let messages: Vec<String> = got[1..]
            .iter()
            .map(|r| r.as_ref().unwrap_err().to_string())
            .collect();
        assert_eq!(
            messages,
            [
                "data.json: record 2: expected an object with one key per column, found a number",
                "data.json: record 3: expected an object with one key per column, found a string",
                "data.json: record 4: expected an object with one key per column, found null",
            ]
        );
    }

    #[test]
    fn a_key_given_twice_is_an_error_not_a_silent_overwrite() {
        let text = r#"[{"id": "E1", "x": 1, "x": 2}]"#;
        let got = all(read_json(text.into(), "data.json").unwrap());
        assert_eq!(
            got[0].as_ref().unwrap_err().message,
            "the key `x` appears twice in one object"
        );
    }

    #[test]
    fn a_top_level_scalar_or_empty_file_is_an_error() {
        let error = read_json("42".into(), "data.json").err().unwrap();
        assert!(
            error.message.starts_with("expected a JSON array"),
            "{error}"
        );
        let empty = read_json("  \n".into(), "data.json").err().unwrap();
        assert_eq!(empty.message, "the file is empty");
    }

    #[test]
    fn invalid_utf8_is_an_error() {
        let error = read_json(b"[{\"id\": \"\xff\"}]".to_vec(), "data.json")
            .err()
            .unwrap();
        assert_eq!(error.kind, DataProblemKind::NotUtf8);
    }
}
