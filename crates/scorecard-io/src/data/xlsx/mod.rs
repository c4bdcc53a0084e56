//! Workbooks (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`, `.ods`): one worksheet read
//! as a table. The kind is told by the file's bytes; `.xlsx` is read cell
//! by cell with its styles, the others through calamine's ranges
//! ([`other`]: a percent-formatted cell there reads as its fraction, `0.98`,
//! which a percent input takes alike).
//!
//! * **Which sheet**: the one named (`--sheet 名单`), else the first visible
//!   worksheet, as Excel opens on it.
//! * **The header row** is the first row holding an employee id or name
//!   header (`工号`, `姓名`, `id`, …), so title rows above it ("2026年10月
//!   考核数据", a merged banner) are skipped; failing that, the first row
//!   with anything in it. Columns run from the leftmost to the rightmost
//!   column used from the header down; headers bind to inputs by label or name,
//!   as in CSV.
//! * **Cells** become text as [`cell_text`] describes (numbers exactly as
//!   Excel shows them, percent-formatted cells as `98%`, dates as ISO text,
//!   error values as `#DIV/0!`). A blank cell inside a merged region reads
//!   the region's value.
//! * **Where**: records are numbered by worksheet row and a bad cell is named
//!   as Excel names it. The source's name is `五月.xlsx: 名单`, the file and
//!   the sheet, so an error reads `五月.xlsx: 名单!C12: column …`.
//!
//! The whole sheet is read when it is opened (a workbook is a zip of XML and
//! cannot be streamed row by row from a reader); the cells are kept compactly
//! ([`grid`]) and turned into records one at a time.

mod cell_text;
mod grid;
mod other;

pub use self::cell_text::{float_decimal, is_percent_format};

use self::cell_text::cell_text;
use self::grid::{Grid, Merges};
use super::binding::Field;
use super::error::{DataProblem, DataProblemKind, Location, Numbering};
use super::source::{Record, RecordSource};
use crate::t;
use calamine::{Reader, Sheet, SheetType, SheetVisible, Xlsx, XlsxError};
use std::io::Cursor;
use std::sync::Arc;

/// How many rows from the top the header may be, below titles and notes.
const HEADER_SEARCH_ROWS: usize = 20;

/// A worksheet's rows as records.
pub struct XlsxSource {
    name: Arc<str>,
    columns: Vec<String>,
    /// 1-based worksheet row of the header.
    header_row: usize,
    /// The worksheet column of record column 0.
    first_column: u32,
    last_column: u32,
    grid: Grid,
    merges: Merges,
    /// The next grid row to hand out.
    next: usize,
}

impl XlsxSource {
    /// Opens a workbook's bytes and reads `sheet` (or the first visible
    /// worksheet). The kind of workbook is told by its bytes, not its name:
    /// `.xlsx`/`.xlsm`, `.xlsb`, `.ods` (zips) or `.xls` (Excel 97–2003).
    pub fn from_bytes(
        bytes: Vec<u8>,
        name: &str,
        sheet: Option<&str>,
    ) -> Result<XlsxSource, DataProblem> {
        let file: Arc<str> = Arc::from(name);
        let kind = Kind::of(&bytes);
        kind.check_size(&bytes, &file)?;
        let (sheet, grid, merges, sheets) = match kind {
            Kind::Xlsx => read_xlsx(bytes, &file, sheet)?,
            other => other::read(other, bytes, &file, sheet)?,
        };
        let name: Arc<str> = Arc::from(format!("{name}: {sheet}"));
        if grid.is_empty() {
            return Err(DataProblem::new(
                DataProblemKind::Malformed,
                &name,
                Location::File,
                t!("data-sheet-empty"),
            )
            .help(t!("data-sheet-list", sheets = sheet_list(&sheets))));
        }
        let header = header_index(&grid);
        // A non-blank row always has a column; (0, 0) only keeps this total.
        let (first_column, last_column) = grid.column_span(header).unwrap_or((0, 0));
        let columns = grid.row_texts(header, first_column, last_column, &merges);
        Ok(XlsxSource {
            name,
            columns,
            header_row: grid.row_number(header) as usize + 1,
            first_column,
            last_column,
            next: header + 1,
            grid,
            merges,
        })
    }
}

/// A sheet read: its name, its cells, its merged regions, and the
/// workbook's sheets (for messages).
type SheetRead = (String, Grid, Merges, Vec<Sheet>);

/// An `.xlsx` workbook's sheet, percent formats and merged cells included.
fn read_xlsx(
    bytes: Vec<u8>,
    file: &Arc<str>,
    sheet: Option<&str>,
) -> Result<SheetRead, DataProblem> {
    let mut workbook = Xlsx::new(Cursor::new(bytes)).map_err(|e| cannot_open(&e, file))?;
    let sheets = workbook.sheets_metadata().to_vec();
    let sheet = choose_sheet(&sheets, sheet, file)?;
    let failed = |e: XlsxError| {
        DataProblem::new(
            DataProblemKind::Malformed,
            file,
            Location::File,
            t!("data-sheet-unreadable", sheet = &sheet, why = e.to_string()),
        )
    };
    let grid = read_grid(&mut workbook, &sheet, file)?.map_err(failed)?;
    let merged = workbook.merge_cells_by_sheet_name(&sheet).map_err(failed)?;
    let merges = Merges::new(merged, &grid);
    Ok((sheet, grid, merges, sheets))
}

/// What kind of workbook bytes hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Xlsx,
    Xlsb,
    Ods,
    /// Excel 97–2003 (a compound file, not a zip).
    Xls,
}

impl Kind {
    /// Told by the bytes: a compound file is `.xls`; a zip holding
    /// `xl/workbook.bin` is `.xlsb`, one holding `content.xml` `.ods`;
    /// anything else is taken for `.xlsx` (whose reader says if it is not).
    pub(crate) fn of(bytes: &[u8]) -> Kind {
        if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return Kind::Xls;
        }
        let Ok(archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
            return Kind::Xlsx;
        };
        let has = |name: &str| archive.file_names().any(|n| n.is_ok_and(|n| n == name));
        if has("xl/workbook.bin") {
            Kind::Xlsb
        } else if has("content.xml") && !has("xl/workbook.xml") {
            Kind::Ods
        } else {
            Kind::Xlsx
        }
    }

    /// The zips' unpacked sizes ([`check_sizes`]); an `.xls` file's own
    /// size ([`MAX_XLS_BYTES`]).
    fn check_size(self, bytes: &[u8], file: &Arc<str>) -> Result<(), DataProblem> {
        if self != Kind::Xls {
            return check_sizes(bytes, file);
        }
        if bytes.len() as u64 <= MAX_XLS_BYTES {
            return Ok(());
        }
        Err(DataProblem::new(
            DataProblemKind::Malformed,
            file,
            Location::File,
            t!("data-xls-too-large", mb = MAX_XLS_BYTES >> 20),
        )
        .help(t!("data-workbook-too-large-help")))
    }
}

/// The names of a workbook's visible worksheets, in tab order.
pub fn worksheet_names(bytes: &[u8], name: &str) -> Result<Vec<String>, DataProblem> {
    let file: Arc<str> = Arc::from(name);
    let sheets = match Kind::of(bytes) {
        Kind::Xlsx => Xlsx::new(Cursor::new(bytes.to_vec()))
            .map_err(|e| cannot_open(&e, &file))?
            .sheets_metadata()
            .to_vec(),
        other => other::sheets(other, bytes.to_vec(), &file)?,
    };
    Ok(sheets
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet && s.visible == SheetVisible::Visible)
        .map(|s| s.name.clone())
        .collect())
}

impl RecordSource for XlsxSource {
    fn name(&self) -> &str {
        &self.name
    }

    fn numbering(&self) -> Numbering {
        Numbering::SheetRows
    }

    fn columns(&self) -> &[String] {
        &self.columns
    }

    fn header_location(&self) -> Location {
        Location::SheetRow(self.header_row)
    }

    fn next_record(&mut self) -> Option<Result<Record, DataProblem>> {
        if self.next >= self.grid.len() {
            return None;
        }
        let i = self.next;
        self.next += 1;
        let cells = self
            .grid
            .row_texts(i, self.first_column, self.last_column, &self.merges);
        Some(Ok(Record {
            number: self.grid.row_number(i) as usize + 1,
            cells,
        }))
    }

    fn cell_location(&self, number: usize, column: usize) -> Location {
        Location::Cell {
            row: number,
            column: self.first_column as usize + column,
        }
    }
}

/// Every non-blank cell of a sheet, as text, in one pass over its XML.
/// The sheet's cells; the outer error is a cell longer than
/// [`MAX_CELL_CHARS`], the inner one calamine's.
fn read_grid(
    workbook: &mut Xlsx<Cursor<Vec<u8>>>,
    sheet: &str,
    file: &Arc<str>,
) -> Result<Result<Grid, XlsxError>, DataProblem> {
    let mut reader = match workbook.worksheet_cells_reader(sheet) {
        Ok(reader) => reader,
        Err(e) => return Ok(Err(e)),
    };
    let percent: Vec<bool> = reader
        .styles()
        .iter()
        .map(|style| {
            style
                .number_format
                .as_ref()
                .is_some_and(|f| is_percent_format(&f.format_code))
        })
        .collect();
    let mut grid = Grid::new();
    loop {
        let (cell, style) = match reader.next_cell_with_style_id() {
            Ok(Some(next)) => next,
            Ok(None) => break,
            Err(e) => return Ok(Err(e)),
        };
        let is_percent = percent.get(style).copied().unwrap_or(false);
        let (row, column) = cell.get_position();
        let text = cell_text(cell.get_value(), is_percent);
        check_cell_length(file, sheet, row, column, &text)?;
        grid.push(row, column, &text);
    }
    Ok(Ok(grid.finish()))
}

/// Refuses a cell longer than [`MAX_CELL_CHARS`], where it is.
pub(super) fn check_cell_length(
    file: &str,
    sheet: &str,
    row: u32,
    column: u32,
    text: &str,
) -> Result<(), DataProblem> {
    if text.len() <= MAX_CELL_CHARS || text.chars().count() <= MAX_CELL_CHARS {
        return Ok(());
    }
    Err(DataProblem::new(
        DataProblemKind::Malformed,
        &Arc::from(format!("{file}: {sheet}")),
        Location::Cell {
            row: row as usize + 1,
            column: column as usize,
        },
        t!(
            "data-cell-too-long",
            count = text.chars().count(),
            most = MAX_CELL_CHARS
        ),
    ))
}

/// The most characters a cell may hold (Excel's own limit).
pub const MAX_CELL_CHARS: usize = 32_767;
/// The most bytes a workbook's parts may take once unpacked, together
/// (`.xlsx`, `.xlsb`, `.ods`: zips).
pub const MAX_INFLATED_BYTES: u64 = 256 << 20;
/// The largest `.xls` workbook read (it is not packed, so its size is what
/// reading it takes; 65,536 rows of 256 columns fit easily).
pub const MAX_XLS_BYTES: u64 = 64 << 20;

/// Refuses a workbook whose parts would inflate to more than
/// [`MAX_INFLATED_BYTES`] (a zip bomb: a megabyte that holds a gigabyte of
/// one cell), before anything is inflated, by the sizes the zip's directory
/// declares. A part that holds more than it declares stops with an error
/// when it is read (the zip reader checks), so the declared sizes are a bound.
fn check_sizes(bytes: &[u8], file: &Arc<str>) -> Result<(), DataProblem> {
    // Not a zip: calamine says so in its own words.
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        if let Ok(entry) = archive.by_index_raw(i) {
            total = total.saturating_add(entry.size());
        }
    }
    if total <= MAX_INFLATED_BYTES {
        return Ok(());
    }
    Err(DataProblem::new(
        DataProblemKind::Malformed,
        file,
        Location::File,
        t!("data-workbook-too-large", mb = MAX_INFLATED_BYTES >> 20),
    )
    .help(t!("data-workbook-too-large-help")))
}

/// The index (among non-blank rows) of the header row.
fn header_index(grid: &Grid) -> usize {
    let is_id_header = |text: &str| {
        let lower = text.trim().to_lowercase();
        [Field::Id, Field::Name]
            .iter()
            .any(|f| f.headers().contains(&lower.as_str()))
    };
    (0..grid.len().min(HEADER_SEARCH_ROWS))
        .find(|&i| grid.row_cells(i).any(|(_, text)| is_id_header(text)))
        .unwrap_or(0)
}

fn choose_sheet(
    sheets: &[Sheet],
    wanted: Option<&str>,
    file: &Arc<str>,
) -> Result<String, DataProblem> {
    let worksheets = || sheets.iter().filter(|s| s.typ == SheetType::WorkSheet);
    if let Some(wanted) = wanted {
        if let Some(sheet) = worksheets().find(|s| s.name == wanted) {
            return Ok(sheet.name.clone());
        }
        // A sheet named with stray spaces or in another case is still the one meant.
        let close =
            worksheets().find(|s| s.name.trim().to_lowercase() == wanted.trim().to_lowercase());
        let help = match close {
            Some(s) => t!("data-did-you-mean", name = &s.name),
            None => t!("data-sheet-list", sheets = sheet_list(sheets)),
        };
        return Err(DataProblem::new(
            DataProblemKind::Malformed,
            file,
            Location::File,
            t!("data-no-such-sheet", sheet = wanted),
        )
        .help(help));
    }
    worksheets()
        .find(|s| s.visible == SheetVisible::Visible)
        .or_else(|| worksheets().next())
        .map(|s| s.name.clone())
        .ok_or_else(|| {
            DataProblem::new(
                DataProblemKind::Malformed,
                file,
                Location::File,
                t!("data-no-worksheet"),
            )
        })
}

fn sheet_list(sheets: &[Sheet]) -> String {
    sheets
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| format!("`{}`", s.name))
        .collect::<Vec<_>>()
        .join(&t!("data-list-sep"))
}

/// The workbook cannot be opened at all: say what it probably is instead.
fn cannot_open(error: &XlsxError, file: &Arc<str>) -> DataProblem {
    let problem = |message: String| {
        DataProblem::new(DataProblemKind::Malformed, file, Location::File, message)
    };
    match error {
        XlsxError::Password => {
            problem(t!("data-workbook-password")).help(t!("data-workbook-password-help-excel"))
        }
        XlsxError::Zip(_) | XlsxError::Io(_) => {
            problem(t!("data-not-a-workbook")).help(t!("data-not-a-workbook-help"))
        }
        other => problem(t!("data-workbook-unreadable", why = other.to_string())),
    }
}

#[cfg(test)]
mod tests;
