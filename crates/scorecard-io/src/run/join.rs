//! Several data files for one month, joined by employee: the appraisal
//! sheet, the booking system's export, finance's report.
//!
//! The first file is the list of people: its rows are the rows of the run,
//! numbered by its lines. Every other file's rows are matched to them by
//! employee id (and period, when both have one) and their columns added.
//! Nothing is guessed:
//!
//! * an employee in another file but not in the first is an error at that
//!   file's line;
//! * an employee missing from another file is an error only for a card
//!   that reads one of that file's columns (checked when rows are sent to
//!   their cards, [`Origins::missing`]): never a blank read as zero or a
//!   default;
//! * a column two files share (`姓名`, `品牌`) must agree where both fill it;
//! * an id twice in one file is an error there.
//!
//! A problem in a cell that came from another file is told at that file's
//! line and cell ([`Origins::relocate`]).

use crate::data::{
    id_column, period_column, DataProblem, DataProblemKind, Location, MemorySource, Numbering,
    Record, RecordSource,
};
use crate::t;
use std::collections::HashMap;
use std::sync::Arc;

/// Where each column and each row's cells of a joined table came from.
#[derive(Debug)]
pub(crate) struct Origins {
    files: Vec<Arc<str>>,
    numberings: Vec<Numbering>,
    columns: Vec<Vec<String>>,
    /// For each joined column: its file, and its index there.
    column_of: Vec<(usize, usize)>,
    /// For each row (by the first file's record number): for every other
    /// file, the record it was matched with there (`None`: not there).
    matched: HashMap<usize, Vec<Option<usize>>>,
}

impl Origins {
    /// The joined columns each file gives, by index into the joined table.
    fn columns_of(&self, file: usize) -> impl Iterator<Item = usize> + '_ {
        self.column_of
            .iter()
            .enumerate()
            .filter(move |(_, (f, _))| *f == file)
            .map(|(c, _)| c)
    }

    /// For row `number`, the first file it is missing from among those
    /// giving a column in `read` (the joined columns a card reads), with
    /// those columns' headers.
    pub fn missing(&self, number: usize, read: &[usize]) -> Option<(Arc<str>, Vec<String>)> {
        let matched = self.matched.get(&number)?;
        for (f, found) in matched.iter().enumerate() {
            if found.is_some() {
                continue;
            }
            let file = f + 1;
            let columns: Vec<String> = self
                .columns_of(file)
                .filter(|c| read.contains(c))
                .map(|c| self.header(c).to_string())
                .collect();
            if !columns.is_empty() {
                return Some((self.files[file].clone(), columns));
            }
        }
        None
    }

    fn header(&self, column: usize) -> &str {
        let (file, at) = self.column_of[column];
        &self.columns[file][at]
    }

    /// A problem about a cell, told where the cell is: in the file it came from.
    pub fn relocate(&self, error: DataProblem) -> DataProblem {
        let (Some(column), Some(number)) = (error.column.as_deref(), error.location.number())
        else {
            return error;
        };
        let Some(joined) = (0..self.column_of.len()).find(|&c| self.header(c).trim() == column)
        else {
            return error;
        };
        let (file, at) = self.column_of[joined];
        if file == 0 {
            return error;
        }
        let Some(Some(there)) = self.matched.get(&number).map(|m| m[file - 1]) else {
            return error;
        };
        DataProblem {
            file: self.files[file].clone(),
            location: self.numberings[file].at(there).in_column(at),
            ..error
        }
    }
}

/// One file read whole: its records by employee.
struct Side {
    name: Arc<str>,
    numbering: Numbering,
    columns: Vec<String>,
    id: Option<usize>,
    period: Option<usize>,
    records: Vec<Record>,
}

impl Side {
    fn read(mut source: Box<dyn RecordSource>, errors: &mut Vec<DataProblem>) -> Side {
        let columns = source.columns().to_vec();
        let mut records = Vec::new();
        while let Some(next) = source.next_record() {
            match next {
                Ok(record) if !record.is_blank() => records.push(record),
                Ok(_) => {}
                Err(e) => errors.push(e),
            }
        }
        Side {
            name: Arc::from(source.name()),
            numbering: source.numbering(),
            id: id_column(&columns),
            period: period_column(&columns),
            columns,
            records,
        }
    }

    fn key(&self, record: &Record) -> Option<(String, String)> {
        let cell = |c: Option<usize>| c.map(|c| record.cell(c).trim().to_string());
        let id = cell(self.id).filter(|id| !id.is_empty())?;
        Some((id, cell(self.period).unwrap_or_default()))
    }
}

/// Joins `sources` (the first is the list of people) into one table.
pub(crate) fn join(
    sources: Vec<Box<dyn RecordSource>>,
) -> (MemorySource, Origins, Vec<DataProblem>) {
    let mut errors = Vec::new();
    let sides: Vec<Side> = sources
        .into_iter()
        .map(|s| Side::read(s, &mut errors))
        .collect();
    let first = &sides[0];

    // The joined columns: the first file's, then each other file's new ones.
    let mut headers: Vec<String> = first.columns.clone();
    let mut column_of: Vec<(usize, usize)> = (0..first.columns.len()).map(|c| (0, c)).collect();
    // For each other file: its column → the joined column it fills.
    let mut fills: Vec<Vec<Option<usize>>> = Vec::new();
    for (f, side) in sides.iter().enumerate().skip(1) {
        if side.id.is_none() {
            errors.push(
                DataProblem::new(
                    DataProblemKind::NoIdColumn,
                    &side.name,
                    Location::File,
                    t!("run-join-no-id-column"),
                )
                .help(t!("run-join-no-id-column-help")),
            );
        }
        let mut fill = Vec::new();
        for (c, header) in side.columns.iter().enumerate() {
            let trimmed = header.trim();
            if Some(c) == side.id || Some(c) == side.period || trimmed.is_empty() {
                fill.push(None);
                continue;
            }
            match headers.iter().position(|h| h.trim() == trimmed) {
                Some(existing) => fill.push(Some(existing)),
                None => {
                    headers.push(header.clone());
                    column_of.push((f, c));
                    fill.push(Some(headers.len() - 1));
                }
            }
        }
        fills.push(fill);
    }

    // Every other file's records by employee (and period).
    let mut indexes: Vec<HashMap<(String, String), usize>> = Vec::new();
    for side in sides.iter().skip(1) {
        let mut index: HashMap<(String, String), usize> = HashMap::new();
        for (r, record) in side.records.iter().enumerate() {
            let Some(key) = side.key(record) else {
                if side.id.is_some() {
                    errors.push(
                        DataProblem::new(
                            DataProblemKind::MissingId,
                            &side.name,
                            side.numbering.at(record.number),
                            t!("run-join-missing-id"),
                        )
                        .column(side.columns[side.id.unwrap_or_default()].trim()),
                    );
                }
                continue;
            };
            if let Some(&before) = index.get(&key) {
                errors.push(
                    DataProblem::new(
                        DataProblemKind::DuplicateId,
                        &side.name,
                        side.numbering.at(record.number),
                        t!(
                            "data-duplicate-id",
                            id = &key.0,
                            first = side.numbering.at(side.records[before].number).describe(),
                            second = side.numbering.at(record.number).describe()
                        ),
                    )
                    .value(&key.0),
                );
                continue;
            }
            index.insert(key, r);
        }
        indexes.push(index);
    }

    let mut used: Vec<Vec<bool>> = sides
        .iter()
        .skip(1)
        .map(|s| vec![false; s.records.len()])
        .collect();
    let mut matched = HashMap::new();
    let mut records = Vec::with_capacity(first.records.len());
    for record in &first.records {
        let mut cells = record.cells.clone();
        cells.resize(headers.len(), String::new());
        let key = first.key(record);
        let mut found = Vec::with_capacity(sides.len() - 1);
        for (f, side) in sides.iter().enumerate().skip(1) {
            let at = key.as_ref().and_then(|k| indexes[f - 1].get(k).copied());
            let Some(r) = at else {
                found.push(None);
                continue;
            };
            used[f - 1][r] = true;
            let theirs = &side.records[r];
            found.push(Some(theirs.number));
            for (c, target) in fills[f - 1].iter().enumerate() {
                let Some(target) = *target else { continue };
                let value = theirs.cell(c);
                if value.trim().is_empty() {
                    continue;
                }
                let mine = &cells[target];
                if mine.trim().is_empty() {
                    cells[target] = value.to_string();
                } else if mine.trim() != value.trim() {
                    errors.push(
                        DataProblem::new(
                            DataProblemKind::Join,
                            &first.name,
                            first.numbering.at(record.number).in_column(target),
                            t!(
                                "run-join-disagree",
                                mine = mine.trim(),
                                theirs = value.trim(),
                                file = &*side.name,
                                at = side.numbering.at(theirs.number).describe()
                            ),
                        )
                        .column(headers[target].trim())
                        .help(t!("run-join-disagree-help")),
                    );
                }
            }
        }
        matched.insert(record.number, found);
        records.push(Ok(Record {
            number: record.number,
            cells,
        }));
    }
    for (f, side) in sides.iter().enumerate().skip(1) {
        for (r, record) in side.records.iter().enumerate() {
            if used[f - 1][r] {
                continue;
            }
            let Some((id, period)) = side.key(record) else {
                continue;
            };
            let message = if period.is_empty() {
                t!("run-join-not-in-first", id = &id, first = &*first.name)
            } else {
                t!(
                    "run-join-not-in-first-period",
                    id = &id,
                    period = &period,
                    first = &*first.name
                )
            };
            errors.push(
                DataProblem::new(
                    DataProblemKind::Join,
                    &side.name,
                    side.numbering.at(record.number),
                    message,
                )
                .value(&id)
                .help(t!(
                    "run-join-not-in-first-help",
                    first = &*first.name,
                    file = &*side.name
                )),
            );
        }
    }
    let origins = Origins {
        files: sides.iter().map(|s| s.name.clone()).collect(),
        numberings: sides.iter().map(|s| s.numbering).collect(),
        columns: sides.iter().map(|s| s.columns.clone()).collect(),
        column_of,
        matched,
    };
    let source = MemorySource::new(&first.name, first.numbering, headers, records);
    (source, origins, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(name: &str, columns: &[&str], rows: &[&[&str]]) -> Box<dyn RecordSource> {
        let records = rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                Ok(Record {
                    number: i + 2,
                    cells: r.iter().map(|c| c.to_string()).collect(),
                })
            })
            .collect();
        Box::new(MemorySource::new(
            name,
            Numbering::Lines,
            columns.iter().map(|c| c.to_string()).collect(),
            records,
        ))
    }

    fn rows(mut source: MemorySource) -> Vec<Vec<String>> {
        let mut out = Vec::new();
        while let Some(Ok(r)) = source.next_record() {
            out.push(r.cells);
        }
        out
    }

    #[test]
    fn files_join_by_employee_in_the_first_files_order() {
        let (source, origins, errors) = join(vec![
            table(
                "a.csv",
                &["工号", "姓名", "x"],
                &[&["E1", "王丽", "1"], &["E2", "李娜", "2"]],
            ),
            table("b.csv", &["工号", "y"], &[&["E2", "20"], &["E1", "10"]]),
        ]);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(source.columns(), ["工号", "姓名", "x", "y"]);
        assert_eq!(
            rows(source),
            [["E1", "王丽", "1", "10"], ["E2", "李娜", "2", "20"]]
        );
        assert_eq!(origins.missing(2, &[3]), None);
    }

    #[test]
    fn an_employee_missing_from_a_file_matters_only_for_its_columns() {
        let (_, origins, errors) = join(vec![
            table("a.csv", &["工号", "x"], &[&["E1", "1"], &["E2", "2"]]),
            table("b.csv", &["工号", "y"], &[&["E1", "10"]]),
        ]);
        assert!(errors.is_empty());
        assert_eq!(origins.missing(3, &[1]), None, "E2 reads only a.csv's x");
        assert_eq!(
            origins.missing(3, &[1, 2]),
            Some((Arc::from("b.csv"), vec!["y".to_string()]))
        );
    }

    #[test]
    fn an_employee_only_in_a_later_file_is_an_error_there() {
        let (_, _, errors) = join(vec![
            table("a.csv", &["工号", "x"], &[&["E1", "1"]]),
            table("b.csv", &["工号", "y"], &[&["E1", "10"], &["E9", "90"]]),
        ]);
        let texts: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(
            texts,
            ["b.csv:3: employee `E9` is here but not in a.csv, the first file, which lists the month's people\n  help: add the employee to a.csv, or take the row out of b.csv"]
        );
    }

    #[test]
    fn shared_columns_must_agree() {
        let (_, _, errors) = join(vec![
            table("a.csv", &["工号", "姓名"], &[&["E1", "王丽"]]),
            table("b.csv", &["工号", "姓名"], &[&["E1", "王莉"]]),
        ]);
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0]
                .to_string()
                .starts_with("a.csv:2: column `姓名`: `王丽` here, but `王莉` in b.csv at line 2"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn a_bad_cell_from_a_later_file_is_told_at_its_own_line() {
        let (_, origins, _) = join(vec![
            table("a.csv", &["工号", "x"], &[&["E1", "1"], &["E2", "2"]]),
            table("b.csv", &["工号", "y"], &[&["E2", "abc"], &["E1", "10"]]),
        ]);
        let error = DataProblem::new(
            DataProblemKind::BadCell,
            &Arc::from("a.csv"),
            Location::Line(3),
            "`abc` is not a number",
        )
        .column("y");
        assert_eq!(
            origins.relocate(error).to_string(),
            "b.csv:2: column `y`: `abc` is not a number"
        );
    }

    #[test]
    fn an_id_twice_in_a_later_file_is_an_error() {
        let (_, _, errors) = join(vec![
            table("a.csv", &["工号", "x"], &[&["E1", "1"]]),
            table("b.csv", &["工号", "y"], &[&["E1", "10"], &["E1", "11"]]),
        ]);
        assert!(errors[0]
            .to_string()
            .contains("employee `E1` appears twice"));
    }

    #[test]
    fn two_files_that_disagree_are_told_in_chinese() {
        use crate::i18n::{with_lang, Lang};
        let errors = with_lang(Lang::Zh, || {
            let (_, _, errors) = join(vec![
                table(
                    "考勤.csv",
                    &["工号", "姓名", "门店"],
                    &[&["E1", "王丽", "一店"], &["E2", "李娜", "二店"]],
                ),
                table(
                    "客服.csv",
                    &["工号", "门店", "接待台次"],
                    &[&["E1", "三店", "20"], &["E3", "二店", "18"]],
                ),
            ]);
            errors.iter().map(ToString::to_string).collect::<Vec<_>>()
        });
        assert_eq!(
            errors,
            [
                "考勤.csv 第2行：列 `门店`：这里是 `一店`，但 客服.csv 的第2行是 `三店`\n  \
                 提示：两个文件中这名员工的数据不一致：请改正填错的那一个",
                "客服.csv 第3行：员工 `E3` 在这个文件中，但不在第一个文件 考勤.csv 中（第一个文件列出当月的全部人员）\n  \
                 提示：请把这名员工加到 考勤.csv 中，或从 客服.csv 中删除这一行",
            ]
        );
    }
}
