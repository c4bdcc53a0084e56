//! Reading a case file (TOML) into [`CaseFile`].

use crate::t;
use std::path::{Path, PathBuf};

/// A case file, read and checked for shape (not yet run).
#[derive(Debug, Clone)]
pub struct CaseFile {
    /// The case file, as named.
    pub path: PathBuf,
    /// The card it tests.
    pub card: PathBuf,
    pub cases: Vec<CaseSpec>,
}

/// One case: its rows and what each should score.
#[derive(Debug, Clone)]
pub struct CaseSpec {
    pub name: String,
    pub rows: Vec<RowSpec>,
}

/// A row: its cells as column → text (defaults first), and its expectations.
#[derive(Debug, Clone)]
pub struct RowSpec {
    pub cells: Vec<(String, String)>,
    /// The employee id, to match the row's result.
    pub id: String,
    pub expect: Vec<Expect>,
}

/// `key = value` from an `expect` table, the value as text (`4`, `称职`, `96%`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expect {
    pub key: String,
    pub value: String,
}

/// Why a case file cannot be used: every problem found, each a sentence
/// that starts with its place (`x.cases.toml: case 2 needs a `name``).
/// `Display` gives them one per line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .problems.join("\n"))]
pub struct CaseFileError {
    kind: CaseFileErrorKind,
    problems: Vec<String>,
}

/// What kept a case file from being used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum CaseFileErrorKind {
    /// The file cannot be read.
    Unreadable,
    /// It is not TOML.
    NotToml,
    /// It is TOML, but not laid out as a case file (a case with no name, no
    /// `expect`, an unknown key …).
    BadShape,
}

impl CaseFileError {
    #[cold]
    fn new(kind: CaseFileErrorKind, problems: Vec<String>) -> CaseFileError {
        CaseFileError { kind, problems }
    }

    #[cold]
    fn shape(problem: String) -> CaseFileError {
        CaseFileError::new(CaseFileErrorKind::BadShape, vec![problem])
    }

    /// What kept the file from being used.
    pub fn kind(&self) -> CaseFileErrorKind {
        self.kind
    }

    /// Every problem, each a sentence with its place.
    pub fn problems(&self) -> &[String] {
        &self.problems
    }
}

/// Headers that give a row its employee id (as in the data readers).
const ID_HEADERS: [&str; 6] = ["工号", "员工编号", "id", "employee_id", "姓名", "name"];

/// The card a case file tests when it does not say: `x.cases.toml` → `x.card`.
pub fn card_for(case_file: &Path) -> PathBuf {
    let name = case_file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name.strip_suffix(".cases.toml").unwrap_or(&name);
    case_file.with_file_name(format!("{stem}.card"))
}

impl CaseFile {
    /// Reads and checks a case file; the error holds every problem found.
    pub fn load(path: &Path) -> Result<CaseFile, CaseFileError> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            CaseFileError::new(
                CaseFileErrorKind::Unreadable,
                vec![in_file(
                    &path.display().to_string(),
                    t!("data-cannot-read-data", why = crate::data::io_reason(&e)),
                )],
            )
        })?;
        CaseFile::parse(path, &text)
    }

    /// Checks the text of the case file at `path`; the error holds every problem found.
    pub fn parse(path: &Path, text: &str) -> Result<CaseFile, CaseFileError> {
        let at = path.display().to_string();
        let at = at.as_str();
        let mut doc: toml::Table = text.parse().map_err(|e: toml::de::Error| {
            let line = e.span().map_or(1, |s| {
                1 + text[..s.start.min(text.len())].matches('\n').count()
            });
            let mut message = format!(
                "{}{}{}",
                t!("data-place-line", file = at, n = line),
                t!("data-place-sep"),
                t!("cases-not-toml", detail = e.message().trim_end())
            );
            if e.message().contains("key") {
                message += &format!(
                    "\n  {}",
                    t!("data-place-help", help = t!("cases-quote-keys-help"))
                );
            }
            CaseFileError::new(CaseFileErrorKind::NotToml, vec![message])
        })?;
        let card = match doc.remove("card") {
            None => card_for(path),
            Some(toml::Value::String(card)) => tidy(&path.with_file_name(card)),
            Some(_) => return Err(CaseFileError::shape(in_file(at, t!("cases-card-not-text")))),
        };
        let defaults = match doc.remove("defaults") {
            None => Vec::new(),
            Some(toml::Value::Table(t)) => cells(t),
            Some(_) => {
                return Err(CaseFileError::shape(in_file(
                    at,
                    t!("cases-defaults-not-table"),
                )))
            }
        };
        let cases = match doc.remove("case") {
            Some(toml::Value::Array(cases)) => cases,
            None => Vec::new(),
            Some(_) => {
                return Err(CaseFileError::shape(in_file(
                    at,
                    t!("cases-case-not-tables"),
                )))
            }
        };
        if let Some(key) = doc.keys().next() {
            return Err(CaseFileError::shape(in_file(
                at,
                t!("cases-unknown-top-key", key = key),
            )));
        }
        let mut problems = Vec::new();
        let mut specs = Vec::new();
        for (i, case) in cases.into_iter().enumerate() {
            match case_spec(case, i + 1, &defaults) {
                Ok(spec) => specs.push(spec),
                Err(problem) => problems.push(in_file(at, problem)),
            }
        }
        for (i, spec) in specs.iter().enumerate() {
            if specs[..i].iter().any(|s| s.name == spec.name) {
                problems.push(in_file(at, t!("cases-name-twice", name = &spec.name)));
            }
        }
        if specs.is_empty() && problems.is_empty() {
            problems.push(in_file(at, t!("cases-none")));
        }
        if problems.is_empty() {
            Ok(CaseFile {
                path: path.to_path_buf(),
                card,
                cases: specs,
            })
        } else {
            Err(CaseFileError::new(CaseFileErrorKind::BadShape, problems))
        }
    }
}

/// `file: message` (`file：message` in Chinese).
fn in_file(file: &str, message: String) -> String {
    format!(
        "{}{}{message}",
        t!("data-place-file", file = file),
        t!("data-place-sep")
    )
}

/// `tests/cases/../cards/a.card` → `tests/cards/a.card`, without touching the disk.
fn tidy(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

fn cells(table: toml::Table) -> Vec<(String, String)> {
    table
        .into_iter()
        .map(|(k, v)| (k, crate::data::cell_text(v)))
        .collect()
}

fn case_spec(
    case: toml::Value,
    number: usize,
    defaults: &[(String, String)],
) -> Result<CaseSpec, String> {
    let toml::Value::Table(mut case) = case else {
        return Err(t!("cases-case-not-table", number = number));
    };
    let name = match case.remove("name") {
        Some(toml::Value::String(name)) if !name.trim().is_empty() => name.trim().to_string(),
        _ => return Err(t!("cases-case-no-name", number = number)),
    };
    let label = t!("cases-label", name = &name);
    let expect = case.remove("expect");
    let rows = match (case.remove("row"), case.remove("rows")) {
        (Some(toml::Value::Table(row)), None) => {
            let expect = match expect {
                Some(toml::Value::Table(t)) => t,
                _ => return Err(t!("cases-no-expect", label = &label)),
            };
            vec![row_spec(row, defaults, &name, expect, &label)?]
        }
        (None, Some(toml::Value::Array(rows))) => {
            let mut expect = match expect {
                Some(toml::Value::Table(t)) => t,
                _ => return Err(t!("cases-no-expect-rows", label = &label)),
            };
            let mut specs = Vec::new();
            for (i, row) in rows.into_iter().enumerate() {
                let toml::Value::Table(row) = row else {
                    return Err(t!("cases-row-not-table", label = &label, number = i + 1));
                };
                let fallback = format!("{name} #{}", i + 1);
                let id = id_of(&row, defaults).unwrap_or(fallback.clone());
                let own = match expect.remove(&id) {
                    Some(toml::Value::Table(t)) => t,
                    _ => {
                        return Err(t!(
                            "cases-no-expect-for-row",
                            label = &label,
                            id = &id,
                            number = i + 1
                        ))
                    }
                };
                specs.push(row_spec(row, defaults, &fallback, own, &label)?);
            }
            if let Some(id) = expect.keys().next() {
                return Err(t!("cases-expect-no-row", label = &label, id = id));
            }
            specs
        }
        (Some(_), Some(_)) => return Err(t!("cases-row-and-rows", label = &label)),
        _ => return Err(t!("cases-no-row", label = &label)),
    };
    if let Some(key) = case.keys().next() {
        return Err(t!("cases-unknown-key", label = &label, key = key));
    }
    Ok(CaseSpec { name, rows })
}

fn id_of(row: &toml::Table, defaults: &[(String, String)]) -> Option<String> {
    let from_row = row
        .iter()
        .find(|(k, _)| is_id(k))
        .map(|(_, v)| crate::data::cell_text(v.clone()));
    from_row.or_else(|| {
        defaults
            .iter()
            .find(|(k, _)| is_id(k))
            .map(|(_, v)| v.clone())
    })
}

fn is_id(header: &str) -> bool {
    ID_HEADERS.contains(&header.trim().to_lowercase().as_str())
}

fn row_spec(
    row: toml::Table,
    defaults: &[(String, String)],
    fallback_id: &str,
    expect: toml::Table,
    label: &str,
) -> Result<RowSpec, String> {
    let own = cells(row);
    let mut cells: Vec<(String, String)> = defaults
        .iter()
        .filter(|(k, _)| !own.iter().any(|(o, _)| o == k))
        .cloned()
        .collect();
    cells.extend(own);
    let id = match cells.iter().find(|(k, _)| is_id(k)) {
        Some((_, id)) => id.clone(),
        None => {
            cells.insert(0, ("id".to_string(), fallback_id.to_string()));
            fallback_id.to_string()
        }
    };
    if !expect.contains_key("total") {
        return Err(t!("cases-expect-no-total", label = label));
    }
    let expect = expect
        .into_iter()
        .map(|(key, value)| match value {
            toml::Value::Table(_) | toml::Value::Array(_) => {
                Err(t!("cases-expect-not-value", label = label, key = &key))
            }
            value => Ok(Expect {
                key,
                value: crate::data::cell_text(value),
            }),
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(RowSpec { cells, id, expect })
}
