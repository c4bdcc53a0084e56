//! Problems found while reading a data file, as data.
//!
//! The library never prints. Every problem carries the file, where in it
//! ([`Location`]), the column and the offending value when there is one, a
//! plain sentence and optional help. `Display` gives the one-line form
//! `data.csv:5: column `反馈及时率`: `abc` is not a percentage`, with any help
//! on a second line.

use crate::t;
use std::fmt;
use std::sync::Arc;

/// How a format numbers its records, and so what [`Location`] a record gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numbering {
    /// Physical 1-based lines, counting the header, comments and blank lines,
    /// as an editor shows them (CSV, JSON Lines).
    Lines,
    /// 1-based position among the records (JSON array, TOML `[[row]]`).
    Records,
    /// 1-based worksheet rows, as Excel numbers them (xlsx).
    SheetRows,
}

impl Numbering {
    pub fn at(self, number: usize) -> Location {
        match self {
            Numbering::Lines => Location::Line(number),
            Numbering::Records => Location::Record(number),
            Numbering::SheetRows => Location::SheetRow(number),
        }
    }
}

/// Where in a data file a problem is.
///
/// For a workbook the sheet is part of the file's name (`五月.xlsx: 名单`), so
/// a cell prints the way Excel names it: `五月.xlsx: 名单!C12`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Location {
    /// The file as a whole (it cannot be opened, an input has no column …).
    File,
    /// A 1-based physical line.
    Line(usize),
    /// A 1-based record number (JSON array element, TOML `[[row]]` table).
    Record(usize),
    /// A 1-based worksheet row.
    SheetRow(usize),
    /// A worksheet cell: its 1-based row and 0-based column (`C12` is row 12, column 2).
    Cell { row: usize, column: usize },
}

impl Location {
    /// The line or record number, if there is one.
    pub fn number(self) -> Option<usize> {
        match self {
            Location::File => None,
            Location::Line(n)
            | Location::Record(n)
            | Location::SheetRow(n)
            | Location::Cell { row: n, .. } => Some(n),
        }
    }

    /// The same place narrowed to one column, where the format can say so:
    /// a worksheet row becomes a cell; lines and records stay as they are.
    pub fn in_column(self, column: usize) -> Location {
        match self {
            Location::SheetRow(row) => Location::Cell { row, column },
            other => other,
        }
    }

    /// "line 5" / "record 5" (第5行, 第5条记录), for sentences that name two places.
    pub fn describe(self) -> String {
        match self {
            Location::File => t!("data-at-file"),
            Location::Line(n) => t!("data-at-line", n = n),
            Location::Record(n) => t!("data-at-record", n = n),
            Location::SheetRow(n) => t!("data-at-row", n = n),
            Location::Cell { row, column } => format!("{}{row}", column_letters(column)),
        }
    }
}

/// Excel's name for a 0-based column: 0 → `A`, 25 → `Z`, 26 → `AA`.
pub fn column_letters(column: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// Whether a problem keeps rows from being used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Severity {
    /// The row (or the whole file) cannot be used.
    Error,
    /// The user should see it, but the rows are used.
    Warning,
}

/// What went wrong, for callers that branch on it (tests, the CLI's exit
/// codes). Each kind is an error or a warning ([`DataProblemKind::severity`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DataProblemKind {
    // Errors.
    /// The file cannot be opened or read.
    Io,
    /// The format cannot be told from the file name.
    UnknownFormat,
    /// The bytes are not UTF-8 text.
    NotUtf8,
    /// The file is not well-formed CSV/JSON/TOML, or a record has the wrong shape.
    Malformed,
    /// Neither an id nor a name column.
    NoIdColumn,
    /// A required input has no column.
    MissingColumn,
    /// Two columns bind to the same input or employee field.
    DuplicateColumn,
    /// A cell's value does not fit its input (including blank where required, out of range).
    BadCell,
    /// A row has no employee id.
    MissingId,
    /// Two rows share an employee id.
    DuplicateId,
    /// A row's period cannot be read, or the data has no period column where one is needed.
    BadPeriod,
    /// No version of the card is in force for the whole of a row's period.
    NoVersion,
    /// No card in the rules' manifest scores this row (its role, brand and store match no entry).
    NoCard,
    /// A column reads nothing but its header resembles an input or employee
    /// column: a misspelt header would leave that input to its default.
    NearMissColumn,
    /// A row's brand, store or role is none the rules name.
    UnknownValue,
    /// Several data files are joined by employee: an employee missing from a
    /// file the row's card reads, or two files disagreeing on a cell.
    Join,
    /// A row does not meet what its card requires of the data (`require`).
    Constraint,
    // Warnings.
    /// A column binds to no input and no employee field: its cells are ignored.
    UnknownColumn,
    /// The file holds no rows at all.
    NoRows,
    /// The card is in force for some dates only, but the data has no period column to check.
    PeriodNotChecked,
    /// An input with a default has no column: every row takes the default.
    DefaultUsed,
}

impl DataProblemKind {
    /// An error keeps its row (or the file) from being used; a warning does not.
    pub fn severity(self) -> Severity {
        match self {
            DataProblemKind::UnknownColumn
            | DataProblemKind::NoRows
            | DataProblemKind::PeriodNotChecked
            | DataProblemKind::DefaultUsed => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// A problem found reading a data file: an error that keeps a row (or the
/// whole file) from being used, or a warning the user should see that does
/// not (its kind's [`severity`](DataProblemKind::severity)). A
/// [`DataSet`](super::DataSet) keeps the two in separate lists.
///
/// Kept under 128 bytes (boxed strings) so `Result<_, DataProblem>` stays cheap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataProblem {
    pub kind: DataProblemKind,
    /// The file's name as given (a path, or `<stdin>`).
    pub file: Arc<str>,
    pub location: Location,
    /// The column's header, trimmed.
    pub column: Option<Box<str>>,
    /// The offending cell text or id, trimmed.
    pub value: Option<Box<str>>,
    /// One plain sentence, lowercase start, no final period; names in backticks.
    pub message: String,
    pub help: Option<Box<str>>,
}

impl DataProblem {
    pub fn new(
        kind: DataProblemKind,
        file: &Arc<str>,
        location: Location,
        message: impl Into<String>,
    ) -> Self {
        DataProblem {
            kind,
            file: file.clone(),
            location,
            column: None,
            value: None,
            message: message.into(),
            help: None,
        }
    }

    /// Whether it keeps its row from being used.
    pub fn severity(&self) -> Severity {
        self.kind.severity()
    }

    pub fn column(mut self, column: impl Into<String>) -> Self {
        self.column = Some(column.into().into_boxed_str());
        self
    }

    pub fn value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(value.into().into_boxed_str());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into().into_boxed_str());
        self
    }

    pub fn with_help(mut self, help: Option<String>) -> Self {
        self.help = help.map(String::into_boxed_str);
        self
    }
}

/// `data.csv:5: column `反馈及时率`: `abc` is not a percentage`, with any
/// help on a second line.
impl fmt::Display for DataProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (file, location, message) = (&*self.file, self.location, &self.message);
        let place = match location {
            Location::File => t!("data-place-file", file = file),
            Location::Line(n) => t!("data-place-line", file = file, n = n),
            Location::Record(n) => t!("data-place-record", file = file, n = n),
            Location::SheetRow(n) => t!("data-place-row", file = file, n = n),
            Location::Cell { .. } => {
                t!("data-place-cell", file = file, cell = location.describe())
            }
        };
        let sep = t!("data-place-sep");
        write!(f, "{place}{sep}")?;
        if let Some(column) = &self.column {
            write!(f, "{}{sep}", t!("data-place-column", column = &**column))?;
        }
        f.write_str(message)?;
        if let Some(help) = &self.help {
            write!(f, "\n  {}", t!("data-place-help", help = &**help))?;
        }
        Ok(())
    }
}

impl std::error::Error for DataProblem {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_prints_file_line_column_and_help() {
        let file: Arc<str> = Arc::from("data.csv");
        let error = DataProblem::new(
            DataProblemKind::BadCell,
            &file,
            Location::Line(5),
            "`abc` is not a percentage",
        )
        .column("反馈及时率")
        .help("percentages are written as 98% or 0.98");
        assert_eq!(
            error.to_string(),
            "data.csv:5: column `反馈及时率`: `abc` is not a percentage\n  help: percentages are written as 98% or 0.98"
        );
    }

    #[test]
    fn record_numbers_and_whole_file_problems_say_so() {
        let file: Arc<str> = Arc::from("data.json");
        let record = DataProblem::new(DataProblemKind::MissingId, &file, Location::Record(3), "x");
        assert_eq!(record.to_string(), "data.json: record 3: x");
        let whole = DataProblem::new(DataProblemKind::Io, &file, Location::File, "y");
        assert_eq!(whole.to_string(), "data.json: y");
    }

    #[test]
    fn a_worksheet_cell_prints_the_way_excel_names_it() {
        let sheet: Arc<str> = Arc::from("五月.xlsx: 名单");
        let at = Numbering::SheetRows.at(12);
        let row = DataProblem::new(DataProblemKind::Malformed, &sheet, at, "x");
        assert_eq!(row.to_string(), "五月.xlsx: 名单 row 12: x");
        let cell = DataProblem::new(
            DataProblemKind::BadCell,
            &sheet,
            at.in_column(2),
            "`abc` is not a percentage",
        )
        .column("反馈及时率");
        assert_eq!(
            cell.to_string(),
            "五月.xlsx: 名单!C12: column `反馈及时率`: `abc` is not a percentage"
        );
        assert_eq!(cell.location.number(), Some(12));
        assert_eq!(Location::Line(3).in_column(2), Location::Line(3));
    }

    #[test]
    fn a_warning_kind_is_a_warning_and_prints_like_an_error() {
        let file: Arc<str> = Arc::from("data.csv");
        let warning = DataProblem::new(
            DataProblemKind::UnknownColumn,
            &file,
            Location::File,
            "column `备注` is not an input of this card; it is ignored",
        )
        .column("备注");
        assert_eq!(warning.severity(), Severity::Warning);
        assert_eq!(
            warning.to_string(),
            "data.csv: column `备注`: column `备注` is not an input of this card; it is ignored"
        );
        for kind in [
            DataProblemKind::NoRows,
            DataProblemKind::PeriodNotChecked,
            DataProblemKind::DefaultUsed,
        ] {
            assert_eq!(kind.severity(), Severity::Warning, "{kind:?}");
        }
        for kind in [DataProblemKind::BadCell, DataProblemKind::NearMissColumn] {
            assert_eq!(kind.severity(), Severity::Error, "{kind:?}");
        }
    }

    #[test]
    fn columns_are_lettered_as_in_excel() {
        let cases = [
            (0, "A"),
            (2, "C"),
            (25, "Z"),
            (26, "AA"),
            (51, "AZ"),
            (52, "BA"),
            (701, "ZZ"),
            (702, "AAA"),
        ];
        for (column, want) in cases {
            assert_eq!(column_letters(column), want, "column {column}");
        }
    }
}
