//! Which reader a file needs, and opening it as a [`RecordSource`].

use super::csv::CsvSource;
use super::error::{DataProblem, DataProblemKind, Location};
use super::json::{read_json, read_json_lines};
use super::source::{read_all, RecordSource};
use super::toml::read_toml;
use super::xlsx::XlsxSource;
use crate::t;
use std::fmt;
use std::path::Path;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DataFormat {
    /// `.csv`
    Csv,
    /// `.json`: an array of objects (or JSON Lines, if the text starts with `{`).
    Json,
    /// `.jsonl`, `.ndjson`: one object per line.
    JsonLines,
    /// `.toml`: `[[row]]` tables.
    Toml,
    /// `.xlsx`, `.xlsm`, `.xlsb`, `.xls`, `.ods`: a workbook (Excel, WPS,
    /// LibreOffice), one worksheet of it; which kind is told by its bytes.
    Xlsx,
}

impl DataFormat {
    pub const ALL: [DataFormat; 5] = [
        DataFormat::Csv,
        DataFormat::Json,
        DataFormat::JsonLines,
        DataFormat::Toml,
        DataFormat::Xlsx,
    ];

    /// The format a file name's extension implies (any case), if any.
    pub fn from_path(path: &Path) -> Option<DataFormat> {
        DataFormat::from_name(path.extension()?.to_str()?)
    }

    /// A format by name or extension, any case: `csv`, `json`, `jsonl`,
    /// `ndjson`, `toml`, and for a workbook `xlsx`, `xlsm`, `xlsb`, `xls`, `ods`.
    pub fn from_name(name: &str) -> Option<DataFormat> {
        match name.to_ascii_lowercase().as_str() {
            "csv" => Some(DataFormat::Csv),
            "json" => Some(DataFormat::Json),
            "jsonl" | "ndjson" => Some(DataFormat::JsonLines),
            "toml" => Some(DataFormat::Toml),
            "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => Some(DataFormat::Xlsx),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            DataFormat::Csv => "csv",
            DataFormat::Json => "json",
            DataFormat::JsonLines => "jsonl",
            DataFormat::Toml => "toml",
            DataFormat::Xlsx => "xlsx",
        }
    }
}

impl fmt::Display for DataFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Choices some formats take when a file is opened.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct OpenOptions {
    /// A workbook's sheet to read; the first visible worksheet when `None`.
    pub sheet: Option<String>,
}

impl OpenOptions {
    pub fn with_sheet(mut self, sheet: Option<String>) -> OpenOptions {
        self.sheet = sheet;
        self
    }
}

/// Opens a file, choosing the format by its extension.
pub fn open_path(path: &Path) -> Result<Box<dyn RecordSource>, DataProblem> {
    open_path_with(path, &OpenOptions::default())
}

/// [`open_path`], with options (a workbook's sheet).
pub fn open_path_with(
    path: &Path,
    options: &OpenOptions,
) -> Result<Box<dyn RecordSource>, DataProblem> {
    open_path_as(path, None, options)
}

/// Opens a file in `format`, or by its extension when `None`.
pub fn open_path_as(
    path: &Path,
    format: Option<DataFormat>,
    options: &OpenOptions,
) -> Result<Box<dyn RecordSource>, DataProblem> {
    let name = path.display().to_string();
    let file: Arc<str> = Arc::from(name.as_str());
    let Some(format) = format.or_else(|| DataFormat::from_path(path)) else {
        return Err(unknown_format(path, &file));
    };
    let cannot_read = |e: std::io::Error| super::source::cannot_read(&file, &e);
    if format == DataFormat::Csv {
        // CSV streams: memory stays flat however many rows the file has.
        let input = std::fs::File::open(path).map_err(cannot_read)?;
        return Ok(Box::new(CsvSource::from_reader(input, &name)?));
    }
    let bytes = std::fs::read(path).map_err(cannot_read)?;
    open_bytes_with(bytes, format, &name, options)
}

/// Opens any reader (stdin, say) in a given format; `name` is used in messages.
pub fn open_reader(
    reader: impl std::io::Read,
    format: DataFormat,
    name: &str,
) -> Result<Box<dyn RecordSource>, DataProblem> {
    open_reader_with(reader, format, name, &OpenOptions::default())
}

/// [`open_reader`], with options (a workbook's sheet).
pub fn open_reader_with(
    reader: impl std::io::Read,
    format: DataFormat,
    name: &str,
    options: &OpenOptions,
) -> Result<Box<dyn RecordSource>, DataProblem> {
    let bytes = read_all(reader, &Arc::from(name))?;
    open_bytes_with(bytes, format, name, options)
}

/// Opens a file's contents, already in memory.
pub fn open_bytes(
    bytes: Vec<u8>,
    format: DataFormat,
    name: &str,
) -> Result<Box<dyn RecordSource>, DataProblem> {
    open_bytes_with(bytes, format, name, &OpenOptions::default())
}

/// [`open_bytes`], with options (a workbook's sheet).
pub fn open_bytes_with(
    bytes: Vec<u8>,
    format: DataFormat,
    name: &str,
    options: &OpenOptions,
) -> Result<Box<dyn RecordSource>, DataProblem> {
    Ok(match format {
        DataFormat::Csv => Box::new(CsvSource::from_bytes(bytes, name)?),
        DataFormat::Json => Box::new(read_json(bytes, name)?),
        DataFormat::JsonLines => Box::new(read_json_lines(bytes, name)?),
        DataFormat::Toml => Box::new(read_toml(bytes, name)?),
        DataFormat::Xlsx => Box::new(XlsxSource::from_bytes(
            bytes,
            name,
            options.sheet.as_deref(),
        )?),
    })
}

fn unknown_format(path: &Path, file: &Arc<str>) -> DataProblem {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let error = DataProblem::new(
        DataProblemKind::UnknownFormat,
        file,
        Location::File,
        t!("data-unknown-format"),
    );
    match extension.as_deref() {
        Some("et") => error.help(t!("data-unknown-format-et-help")),
        _ => error.help(t!("data-unknown-format-help")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_come_from_extensions_in_any_case() {
        let cases = [
            ("a.csv", Some(DataFormat::Csv)),
            ("dir/考核.CSV", Some(DataFormat::Csv)),
            ("a.json", Some(DataFormat::Json)),
            ("a.jsonl", Some(DataFormat::JsonLines)),
            ("a.ndjson", Some(DataFormat::JsonLines)),
            ("a.toml", Some(DataFormat::Toml)),
            ("五月.XLSX", Some(DataFormat::Xlsx)),
            ("a.xlsm", Some(DataFormat::Xlsx)),
            ("a.xls", Some(DataFormat::Xlsx)),
            ("a.XLSB", Some(DataFormat::Xlsx)),
            ("a.ods", Some(DataFormat::Xlsx)),
            ("a.et", None),
            ("csv", None),
        ];
        for (path, want) in cases {
            assert_eq!(DataFormat::from_path(Path::new(path)), want, "{path}");
        }
    }

    #[test]
    fn names_round_trip() {
        for format in DataFormat::ALL {
            assert_eq!(DataFormat::from_name(format.name()), Some(format));
        }
    }

    #[test]
    fn a_wps_workbook_gets_save_as_advice() {
        let error = open_path(Path::new("五月.et")).err().unwrap();
        assert_eq!(error.kind, DataProblemKind::UnknownFormat);
        assert_eq!(
            error.to_string(),
            "五月.et: cannot tell the file's format from its name\n  help: save the workbook as .xlsx (File → Save As → Excel Workbook) and read that"
        );
    }

    #[test]
    fn a_missing_file_is_an_error_not_a_panic() {
        let error = open_path(Path::new("/nonexistent/data.csv")).err().unwrap();
        assert_eq!(error.kind, DataProblemKind::Io);
        assert!(error.message.starts_with("cannot read the file"), "{error}");
    }
}
