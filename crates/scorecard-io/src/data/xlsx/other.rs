//! `.xls`, `.xlsb` and `.ods` workbooks, read through calamine's ranges.
//!
//! What `.xlsx` gives and these do not (calamine keeps no number formats
//! for them): a percent-formatted cell reads as the fraction it stores
//! (`0.98`, which a percent input takes as 98%), and an error quotes that.
//! Merged cells are filled in for `.xls`; in `.xlsb` and `.ods` only the
//! merged region's first cell holds its value.

use super::cell_text::cell_text;
use super::grid::{Grid, Merges};
use super::{check_cell_length, choose_sheet, Kind, SheetRead};
use crate::data::error::{DataProblem, DataProblemKind, Location};
use crate::t;
use calamine::{Data, DataRef, Ods, Reader, Sheet, Sheets, Xls, Xlsb};
use std::io::Cursor;
use std::sync::Arc;

type Book = Sheets<Cursor<Vec<u8>>>;

/// Opens a workbook of `kind` (not `.xlsx`).
fn open(kind: Kind, bytes: Vec<u8>, file: &Arc<str>) -> Result<Book, DataProblem> {
    let input = Cursor::new(bytes);
    let opened = match kind {
        Kind::Xls => Xls::new(input).map(Sheets::Xls).map_err(|e| e.to_string()),
        Kind::Xlsb => Xlsb::new(input)
            .map(Sheets::Xlsb)
            .map_err(|e| e.to_string()),
        Kind::Ods | Kind::Xlsx => Ods::new(input).map(Sheets::Ods).map_err(|e| e.to_string()),
    };
    opened.map_err(|e| {
        let error = DataProblem::new(
            DataProblemKind::Malformed,
            file,
            Location::File,
            t!("data-workbook-unreadable", why = &e),
        );
        match e.to_lowercase().contains("password") {
            true => error.help(t!("data-workbook-password-help")),
            false => error.help(t!("data-workbook-unreadable-help")),
        }
    })
}

/// The workbook's sheets.
pub(super) fn sheets(
    kind: Kind,
    bytes: Vec<u8>,
    file: &Arc<str>,
) -> Result<Vec<Sheet>, DataProblem> {
    Ok(open(kind, bytes, file)?.sheets_metadata().to_vec())
}

/// Reads `sheet` (or the first visible worksheet) of a workbook of `kind`.
pub(super) fn read(
    kind: Kind,
    bytes: Vec<u8>,
    file: &Arc<str>,
    sheet: Option<&str>,
) -> Result<SheetRead, DataProblem> {
    let mut book = open(kind, bytes, file)?;
    let sheets = book.sheets_metadata().to_vec();
    let sheet = choose_sheet(&sheets, sheet, file)?;
    let range = book.worksheet_range(&sheet).map_err(|e| {
        DataProblem::new(
            DataProblemKind::Malformed,
            file,
            Location::File,
            t!("data-sheet-unreadable", sheet = &sheet, why = e.to_string()),
        )
    })?;
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut grid = Grid::new();
    for (r, c, value) in range.used_cells() {
        let (row, column) = (top + r as u32, left + c as u32);
        let text = cell_text(&data_ref(value), false);
        check_cell_length(file, &sheet, row, column, &text)?;
        grid.push(row, column, &text);
    }
    let grid = grid.finish();
    let merged = match &book {
        Sheets::Xls(xls) => xls.merge_cells_by_sheet_name(&sheet).unwrap_or_default(),
        _ => Vec::new(),
    };
    let merges = Merges::new(merged, &grid);
    Ok((sheet, grid, merges, sheets))
}

/// A range's cell as the cell reader takes it.
fn data_ref(value: &Data) -> DataRef<'_> {
    match value {
        Data::Int(i) => DataRef::Int(*i),
        Data::Float(f) => DataRef::Float(*f),
        Data::String(s) => DataRef::SharedString(s),
        Data::Bool(b) => DataRef::Bool(*b),
        Data::DateTime(d) => DataRef::DateTime(*d),
        Data::DateTimeIso(s) => DataRef::DateTimeIso(s.clone()),
        Data::DurationIso(s) => DataRef::DurationIso(s.clone()),
        Data::Error(e) => DataRef::Error(e.clone()),
        Data::Empty => DataRef::Empty,
    }
}
