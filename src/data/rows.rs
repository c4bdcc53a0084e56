//! Records → rows: the streaming reader every format goes through.

use super::binding::{bind, Binding, Target};
use super::cell::parse_cell;
use super::error::{DataError, DataErrorKind, DataWarning, Location, Numbering};
use super::source::{Record, RecordSource};
use super::{Employee, Row};
use crate::check::model::CheckedCard;
use crate::period::Period;
use crate::value::Value;
use std::collections::hash_map::{Entry, HashMap};
use std::sync::Arc;

/// Rows one at a time: `Ok` for a good row, `Err` with every problem in a
/// bad one (or, first of all, every problem with the header).
///
/// Bad rows never stop the reading. When the header itself is unusable (no
/// id column, a required input with no column, two columns for one input),
/// its errors come first and no row is `Ok`, but every row is still checked
/// so that one run reports everything. [`Rows::warnings`] holds what the
/// header binding found worth saying (columns that match nothing).
pub struct Rows<'c, S> {
    card: &'c CheckedCard,
    source: S,
    file: Arc<str>,
    numbering: Numbering,
    binding: Binding,
    warnings: Vec<DataWarning>,
    header_errors: Vec<DataError>,
    /// False when the header has errors: then no row can be complete.
    usable: bool,
    /// Each employee id (and period, when there is a month column) seen so far, and where.
    seen: HashMap<(String, Option<Period>), Location>,
}

impl<'c, S: RecordSource> Rows<'c, S> {
    /// Binds the source's header to `card`; rows are read as the iterator is driven.
    pub fn new(card: &'c CheckedCard, source: S) -> Self {
        let file: Arc<str> = Arc::from(source.name());
        let bound = bind(card, source.columns(), &file, source.header_location());
        // A JSON array or TOML file with no records has no columns to judge.
        let has_columns = !source.columns().is_empty();
        let header_errors = if has_columns {
            bound.errors
        } else {
            Vec::new()
        };
        Rows {
            card,
            numbering: source.numbering(),
            source,
            file,
            binding: bound.binding,
            warnings: if has_columns {
                bound.warnings
            } else {
                Vec::new()
            },
            usable: has_columns && header_errors.is_empty(),
            header_errors,
            seen: HashMap::new(),
        }
    }

    /// The file's name, as the source gave it.
    pub fn file(&self) -> &Arc<str> {
        &self.file
    }

    pub fn warnings(&self) -> &[DataWarning] {
        &self.warnings
    }

    pub fn into_warnings(self) -> Vec<DataWarning> {
        self.warnings
    }

    /// A record → a row, or every problem in it; `None` to skip it.
    fn build(&mut self, record: Record) -> Option<Result<Row, Vec<DataError>>> {
        if record.is_blank() {
            return None;
        }
        let at = self.numbering.at(record.number);
        let mut errors = Vec::new();
        let period = self.period(&record, at, &mut errors);
        let id = self.employee_id(&record, period, at, &mut errors);
        let values = self.values(&record, &mut errors);
        if !errors.is_empty() {
            return Some(Err(errors));
        }
        if !self.usable {
            return None;
        }
        let binding = &self.binding;
        Some(Ok(Row {
            line: record.number,
            employee: Employee {
                id,
                name: trimmed(&record, binding.name),
                brand: trimmed(&record, binding.brand),
                store: trimmed(&record, binding.store),
                region: trimmed(&record, binding.region),
                period,
            },
            values,
        }))
    }

    /// The month (or quarter …) in the `月份` column, if the file has one.
    fn period(&self, record: &Record, at: Location, errors: &mut Vec<DataError>) -> Option<Period> {
        let column = self.binding.period?;
        let header = &self.binding.headers[column];
        let error = |message: String| {
            DataError::new(DataErrorKind::BadCell, &self.file, at, message)
                .column(header)
                .help("write the month as 2026-10 (or 2026年10月); a quarter as 2026-Q4")
        };
        // A blank period is left for the stages that need one to report
        // (roll-up, choosing a card version), which say what it was needed for.
        let text = trimmed(record, Some(column))?;
        match Period::parse(&text) {
            Ok(period) => Some(period),
            Err(message) => {
                errors.push(error(message).value(&text));
                None
            }
        }
    }

    /// The row's id (the name, when there is no id column); blank and
    /// repeated ids are errors. `""` when there is none.
    fn employee_id(
        &mut self,
        record: &Record,
        period: Option<Period>,
        at: Location,
        errors: &mut Vec<DataError>,
    ) -> String {
        let binding = &self.binding;
        let Some(column) = binding.id_column() else {
            return String::new(); // already a header error
        };
        let header = &binding.headers[column];
        let cell = self.source.cell_location(record.number, column);
        let Some(id) = trimmed(record, Some(column)) else {
            let message = if binding.id.is_some() {
                "missing the employee id"
            } else {
                "missing the employee name, which serves as the id (there is no id column)"
            };
            errors.push(
                DataError::new(DataErrorKind::MissingId, &self.file, cell, message).column(header),
            );
            return String::new();
        };
        match self.seen.entry((id.clone(), period)) {
            Entry::Vacant(slot) => {
                slot.insert(at);
            }
            Entry::Occupied(first) => {
                let when = period.map(|p| format!(" for {p}")).unwrap_or_default();
                let message = format!(
                    "employee `{id}` appears twice{when}, at {} and {}",
                    first.get().describe(),
                    at.describe()
                );
                let error = DataError::new(DataErrorKind::DuplicateId, &self.file, cell, message)
                    .column(header)
                    .value(&id);
                errors.push(if binding.id.is_some() {
                    error
                } else {
                    error.help("names serve as ids because there is no id column; add a 工号 column to tell apart two people with one name")
                });
            }
        }
        id
    }

    /// Every input's value: parsed from its column, else its default or missing.
    fn values(&self, record: &Record, errors: &mut Vec<DataError>) -> Vec<Value> {
        let inputs = &self.card.inputs;
        let mut values: Vec<Value> = inputs
            .iter()
            .map(|input| input.default.clone().unwrap_or(Value::Missing))
            .collect();
        for (column, target) in self.binding.targets.iter().enumerate() {
            let Target::Input(i) = *target else { continue };
            let text = record.cell(column);
            match parse_cell(text, &inputs[i]) {
                Ok(value) => values[i] = value,
                Err(problem) => {
                    let at = self.source.cell_location(record.number, column);
                    let mut error =
                        DataError::new(DataErrorKind::BadCell, &self.file, at, problem.message)
                            .column(&self.binding.headers[column])
                            .with_help(problem.help);
                    if !text.trim().is_empty() {
                        error = error.value(text.trim());
                    }
                    errors.push(error);
                }
            }
        }
        values
    }
}

/// A cell's trimmed text, `None` when there is no such column or it is blank.
fn trimmed(record: &Record, column: Option<usize>) -> Option<String> {
    let text = record.cell(column?).trim();
    (!text.is_empty()).then(|| text.to_string())
}

impl<S: RecordSource> Iterator for Rows<'_, S> {
    type Item = Result<Row, Vec<DataError>>;

    fn next(&mut self) -> Option<Self::Item> {
        if !self.header_errors.is_empty() {
            return Some(Err(std::mem::take(&mut self.header_errors)));
        }
        loop {
            let record = match self.source.next_record()? {
                Ok(record) => record,
                Err(error) => return Some(Err(vec![error])),
            };
            if let Some(result) = self.build(record) {
                return Some(result);
            }
        }
    }
}
