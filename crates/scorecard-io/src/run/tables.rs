//! The data a run reads: files (or stdin, or rows already in memory), each
//! opened as records; several files joined into one table by employee; a
//! workbook made by `template rules/` read a sheet per role.

use super::join;
use super::problems::{Note, Problem};
use super::rules::Scoring;
use crate::data::{
    self, DataFormat, DataProblem, DataProblemKind, Location, MemorySource, Numbering, OpenOptions,
    Record, RecordSource,
};
use crate::t;
use std::io::Read;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// One data file of a run.
#[derive(Clone)]
pub struct DataInput {
    /// As messages name it: the path as given, or `<stdin>`.
    pub name: String,
    pub source: DataSource,
    /// The format, when the name does not tell it.
    pub format: Option<DataFormat>,
    /// A workbook's sheet (the first visible one, or with a rules directory
    /// every sheet named after a role, when `None`).
    pub sheet: Option<String>,
}

impl std::fmt::Debug for DataInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DataInput({})", self.name)
    }
}

/// Where a data file's bytes come from.
#[derive(Clone)]
pub enum DataSource {
    Path(PathBuf),
    /// A reader that can be read once (stdin).
    Reader(Arc<Mutex<Option<Box<dyn Read + Send>>>>),
    Bytes(Arc<Vec<u8>>),
    /// Records already in memory (a case file's rows).
    Records {
        columns: Vec<String>,
        numbering: Numbering,
        records: Arc<Vec<Record>>,
    },
}

impl DataInput {
    /// A file, its format told by its name (or `format`).
    pub fn path(path: impl Into<PathBuf>) -> DataInput {
        let path = path.into();
        DataInput {
            name: path.display().to_string(),
            source: DataSource::Path(path),
            format: None,
            sheet: None,
        }
    }

    /// A reader read once, such as stdin, in `format`.
    pub fn reader(name: &str, reader: Box<dyn Read + Send>, format: DataFormat) -> DataInput {
        DataInput {
            name: name.to_string(),
            source: DataSource::Reader(Arc::new(Mutex::new(Some(reader)))),
            format: Some(format),
            sheet: None,
        }
    }

    /// Records already in memory.
    pub fn records(
        name: &str,
        columns: Vec<String>,
        numbering: Numbering,
        records: Vec<Record>,
    ) -> DataInput {
        DataInput {
            name: name.to_string(),
            source: DataSource::Records {
                columns,
                numbering,
                records: Arc::new(records),
            },
            format: None,
            sheet: None,
        }
    }

    /// The file's format: as given, else by its name.
    pub fn effective_format(&self) -> Option<DataFormat> {
        self.format.or(match &self.source {
            DataSource::Path(path) => DataFormat::from_path(path),
            _ => None,
        })
    }

    /// Takes the reader of a read-once source; `None` for other sources.
    pub(crate) fn take_reader(&self) -> Option<Result<Box<dyn Read + Send>, DataProblem>> {
        let DataSource::Reader(cell) = &self.source else {
            return None;
        };
        let taken = cell.lock().unwrap_or_else(|e| e.into_inner()).take();
        Some(taken.ok_or_else(|| {
            DataProblem::new(
                DataProblemKind::Io,
                &Arc::from(self.name.as_str()),
                Location::File,
                t!("run-read-once"),
            )
        }))
    }

    fn options(&self, sheet: Option<&str>) -> OpenOptions {
        OpenOptions::default().with_sheet(sheet.map(str::to_string).or(self.sheet.clone()))
    }

    /// Opens the file as records (`sheet`: one of a workbook's sheets).
    pub(crate) fn open(&self, sheet: Option<&str>) -> Result<Box<dyn RecordSource>, DataProblem> {
        let options = self.options(sheet);
        match &self.source {
            DataSource::Path(path) => data::open_path_as(path, self.format, &options),
            DataSource::Reader(_) => {
                let reader = self.take_reader().expect("a reader source")?;
                let format = self.format.unwrap_or(DataFormat::Csv);
                if format == DataFormat::Csv {
                    return Ok(Box::new(data::CsvSource::from_reader(reader, &self.name)?));
                }
                data::open_reader_with(reader, format, &self.name, &options)
            }
            DataSource::Bytes(bytes) => {
                let format = self.effective_format().unwrap_or(DataFormat::Csv);
                data::open_bytes_with(bytes.to_vec(), format, &self.name, &options)
            }
            DataSource::Records {
                columns,
                numbering,
                records,
            } => Ok(Box::new(MemorySource::new(
                &self.name,
                *numbering,
                columns.clone(),
                records.iter().cloned().map(Ok).collect(),
            ))),
        }
    }

    /// The file's bytes (for a workbook whose sheets are listed first).
    fn bytes(&self) -> Option<Vec<u8>> {
        match &self.source {
            DataSource::Path(path) => std::fs::read(path).ok(),
            DataSource::Bytes(bytes) => Some(bytes.to_vec()),
            _ => None,
        }
    }
}

/// One table of a run's data: a file, a workbook sheet, or files joined.
pub(crate) struct Table {
    pub source: Box<dyn RecordSource>,
    /// The role of its rows when they do not say (a sheet named after a role).
    pub role: Option<String>,
    /// For files joined: which file each column and cell came from.
    pub join: Option<Arc<join::Origins>>,
}

/// Opens the run's data as tables. A file that cannot be opened is a problem.
pub(crate) fn open(
    inputs: &[DataInput],
    scoring: &Scoring,
    problems: &mut Vec<Problem>,
    notes: &mut Vec<Note>,
) -> Vec<Table> {
    match inputs {
        [] => Vec::new(),
        [one] => match role_sheets(one, scoring, notes) {
            Some(sheets) => sheets
                .into_iter()
                .filter_map(|sheet| match one.open(Some(&sheet)) {
                    Ok(source) => Some(Table {
                        source,
                        role: Some(sheet),
                        join: None,
                    }),
                    // A role's sheet left blank: nobody of that role this month.
                    Err(e) if e.message == t!("data-sheet-empty") => None,
                    Err(e) => {
                        problems.push(Problem::Data(e));
                        None
                    }
                })
                .collect(),
            None => match one.open(None) {
                Ok(source) => {
                    notes.extend(Note::decoded(&one.name, source.decoded_from()));
                    vec![Table {
                        source,
                        role: None,
                        join: None,
                    }]
                }
                Err(e) => {
                    problems.push(Problem::Data(e));
                    Vec::new()
                }
            },
        },
        several => {
            let mut sources = Vec::new();
            for input in several {
                match input.open(None) {
                    Ok(source) => {
                        notes.extend(Note::decoded(&input.name, source.decoded_from()));
                        sources.push(source);
                    }
                    Err(e) => problems.push(Problem::Data(e)),
                }
            }
            if sources.len() < several.len() {
                return Vec::new();
            }
            let (source, origins, found) = join::join(sources);
            problems.extend(found.into_iter().map(Problem::Data));
            vec![Table {
                source: Box::new(source),
                role: None,
                join: Some(Arc::new(origins)),
            }]
        }
    }
}

/// With a rules directory, a workbook of several sheets named after roles
/// (what `template rules/` makes) is read a sheet per role; the other
/// sheets are noted, not read. `None`: read the file as usual.
fn role_sheets(input: &DataInput, scoring: &Scoring, notes: &mut Vec<Note>) -> Option<Vec<String>> {
    let directory = scoring.directory_ref()?;
    if input.sheet.is_some() || input.effective_format() != Some(DataFormat::Xlsx) {
        return None;
    }
    let bytes = input.bytes()?;
    let sheets = data::worksheet_names(&bytes, &input.name).ok()?;
    let roles = directory.manifest().roles();
    let (named, other): (Vec<String>, Vec<String>) =
        sheets.into_iter().partition(|s| roles.contains(&s.trim()));
    if named.is_empty() {
        return None;
    }
    if !other.is_empty() {
        notes.push(Note::SheetsNotRead {
            file: Arc::from(input.name.as_str()),
            sheets: other,
        });
    }
    Some(named)
}
