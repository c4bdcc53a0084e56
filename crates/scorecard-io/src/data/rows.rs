//! Records → rows: the streaming reader every format goes through.

use super::binding::{bind, Binding, Bound, Target};
use super::error::{DataProblem, DataProblemKind, Location, Numbering};
use super::source::{Record, RecordSource};
use super::ReadOptions;
use super::{Employee, Row};
use crate::check::model::{CheckedCard, Constraint, Input};
use crate::period::{Period, PeriodKind};
use crate::t;
use crate::value::{format_value, Value};
use scorecard_core::cell::TypedCell;
use std::borrow::Cow;
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
    source: S,
    reader: RowReader<'c>,
    warnings: Vec<DataProblem>,
    header_errors: Vec<DataProblem>,
    seen: SeenIds,
}

impl<'c, S: RecordSource> Rows<'c, S> {
    /// Binds the source's header to `card`; rows are read as the iterator is driven.
    pub fn new(card: &'c CheckedCard, source: S) -> Self {
        Rows::with_options(card, source, &ReadOptions::default())
    }

    /// [`Rows::new`], with the run's [`ReadOptions`].
    pub fn with_options(card: &'c CheckedCard, source: S, options: &ReadOptions) -> Self {
        let (reader, bound) = RowReader::bind(card, &source, options);
        Rows {
            source,
            reader,
            warnings: bound.warnings,
            header_errors: bound.errors,
            seen: SeenIds::default(),
        }
    }

    /// The file's name, as the source gave it.
    pub fn file(&self) -> &Arc<str> {
        &self.reader.file
    }

    pub fn warnings(&self) -> &[DataProblem] {
        &self.warnings
    }

    pub fn into_warnings(self) -> Vec<DataProblem> {
        self.warnings
    }

    /// A record → a row, or every problem in it; `None` to skip it.
    fn build(&mut self, record: Record) -> Option<Result<Row, Vec<DataProblem>>> {
        if record.is_blank() {
            return None;
        }
        let mut errors = Vec::new();
        let mut values = Vec::new();
        let source = &self.source;
        let locate = |column| source.cell_location(record.number, column);
        let fields = self
            .reader
            .read(record.number, &record, &locate, &mut values, &mut errors);
        let id = fields.id.map(normalise_id);
        if let Some(id) = id.as_deref() {
            if let Err(e) =
                self.seen
                    .insert(&self.reader, id, fields.period, record.number, &locate)
            {
                errors.push(e);
            }
        }
        if !errors.is_empty() {
            return Some(Err(errors));
        }
        if !self.reader.usable {
            return None;
        }
        let binding = &self.reader.binding;
        let text = |column: Option<usize>| trimmed(&record, column).map(str::to_string);
        Some(Ok(Row {
            line: record.number,
            employee: Employee {
                id: id.unwrap_or_default().into_owned(),
                name: text(binding.name),
                brand: text(binding.brand),
                store: text(binding.store),
                region: text(binding.region),
                period: fields.period,
            },
            values,
        }))
    }
}

/// Cells of one record, however they are held.
pub(crate) trait CellText {
    /// A cell's text as written (untrimmed); `""` when blank or absent.
    fn cell(&self, column: usize) -> &str;

    /// The same cell's bytes, for the readers that look at bytes only.
    fn bytes(&self, column: usize) -> &[u8] {
        self.cell(column).as_bytes()
    }
}

impl CellText for Record {
    fn cell(&self, column: usize) -> &str {
        Record::cell(self, column)
    }
}

impl CellText for super::csv::Cells {
    fn cell(&self, column: usize) -> &str {
        self.get(column)
    }

    fn bytes(&self, column: usize) -> &[u8] {
        super::csv::Cells::bytes(self, column)
    }
}

/// What a record says beside its inputs' values.
pub(crate) struct RecordFields<'r> {
    /// Trimmed, as written; `None` when blank (an error) or when there is
    /// no id column. Compared and kept as [`normalise_id`] gives it.
    pub id: Option<&'r str>,
    pub period: Option<Period>,
}

/// A file's header, as a [`RowReader`] binds it.
pub(crate) struct Header<'h> {
    pub columns: &'h [String],
    /// Where problems with the header are reported.
    pub at: Location,
    pub numbering: Numbering,
}

/// Reads one record's cells as a row of the card. It keeps nothing from
/// record to record (repeated ids are [`SeenIds`]' business), so threads
/// can share one.
pub(crate) struct RowReader<'c> {
    pub card: &'c CheckedCard,
    pub file: Arc<str>,
    pub numbering: Numbering,
    pub binding: Binding,
    /// False when the header has errors: then no row can be complete.
    pub usable: bool,
    /// Each column that feeds an input, in column order.
    inputs: Vec<InputColumn>,
    /// Each input's value before its cell is read: its default, else missing.
    defaults: Vec<Value>,
    /// The card's inputs as this run reads them: those the run supplies
    /// otherwise are optional and have no default ([`ReadOptions::supplied`]).
    card_inputs: Cow<'c, [Input]>,
    /// `days_in_period()` for a row with no period: the most days a period
    /// of the card's kind has (31 for a monthly card).
    most_days: rust_decimal::Decimal,
}

/// A column that feeds an input, and how its cells are read.
struct InputColumn {
    column: usize,
    /// `CheckedCard::inputs[input]`.
    input: usize,
    cell: TypedCell,
}

impl<'c> RowReader<'c> {
    /// Binds `source`'s header to `card`.
    pub fn bind(
        card: &'c CheckedCard,
        source: &impl RecordSource,
        options: &ReadOptions,
    ) -> (Self, Bound) {
        let file: Arc<str> = Arc::from(source.name());
        let header = Header {
            columns: source.columns(),
            at: source.header_location(),
            numbering: source.numbering(),
        };
        RowReader::new(card, file, header, options)
    }

    /// Binds a CSV file's header (named `file` in messages) to `card`.
    pub fn for_csv(
        card: &'c CheckedCard,
        file: &str,
        header: &super::csv::Header,
        options: &ReadOptions,
    ) -> (Self, Bound) {
        let header = Header {
            columns: &header.columns,
            at: Location::Line(header.line),
            numbering: Numbering::Lines,
        };
        RowReader::new(card, Arc::from(file), header, options)
    }

    /// Binds a header to `card`. A JSON array or TOML file with no records
    /// has no columns to judge: no errors, no warnings, no rows.
    pub fn new(
        card: &'c CheckedCard,
        file: Arc<str>,
        header: Header,
        options: &ReadOptions,
    ) -> (Self, Bound) {
        let card_inputs: Cow<'c, [Input]> = if options.supplied.is_empty() {
            Cow::Borrowed(card.inputs())
        } else {
            let mut inputs = card.inputs().to_vec();
            for &i in &options.supplied {
                if let Some(input) = inputs.get_mut(i) {
                    input.optional = true;
                    input.default = None;
                }
            }
            Cow::Owned(inputs)
        };
        let mut bound = bind(&card_inputs, header.columns, &file, header.at, options);
        let has_columns = !header.columns.is_empty();
        if !has_columns {
            bound.errors.clear();
            bound.warnings.clear();
        }
        let inputs = bound
            .binding
            .targets
            .iter()
            .enumerate()
            .filter_map(|(column, target)| match *target {
                Target::Input(input) => Some(InputColumn {
                    column,
                    input,
                    cell: TypedCell::new(&card_inputs[input]),
                }),
                _ => None,
            })
            .collect();
        let reader = RowReader {
            card,
            file,
            numbering: header.numbering,
            binding: bound.binding.clone(),
            usable: has_columns && bound.errors.is_empty(),
            inputs,
            defaults: card_inputs
                .iter()
                .map(|input| input.default.clone().unwrap_or(Value::Missing))
                .collect(),
            card_inputs,
            most_days: {
                let kind = card.period().and_then(PeriodKind::from_card);
                kind.unwrap_or(PeriodKind::Month).most_days().into()
            },
        };
        (reader, bound)
    }

    /// Reads record `number`: its values into `values`, its problems onto
    /// `errors` (empty when called). `locate` says where a column's cell is. `values` is empty
    /// or holds the last record this reader read (a good one or not).
    pub fn read<'r>(
        &self,
        number: usize,
        cells: &'r impl CellText,
        locate: &dyn Fn(usize) -> Location,
        values: &mut Vec<Value>,
        errors: &mut Vec<DataProblem>,
    ) -> RecordFields<'r> {
        let at = self.numbering.at(number);
        let period = self.period(cells, at, errors);
        let id = self.employee_id(cells, locate, errors);
        self.values(cells, locate, values, errors);
        // What the card requires of a row is checked once its values have
        // all been read (a card with no `require` pays one test here).
        if !self.card.constraints().is_empty() {
            self.constraints(number, period, values, errors);
        }
        RecordFields { id, period }
    }

    /// Checks record `number`'s `values` against each of the card's
    /// `require` lines, unless the record has a problem already (`errors`
    /// is not empty: a bad cell, id or period) or the header has.
    #[inline(never)]
    fn constraints(
        &self,
        number: usize,
        period: Option<Period>,
        values: &[Value],
        errors: &mut Vec<DataProblem>,
    ) {
        if !errors.is_empty() || !self.usable {
            return;
        }
        let at = self.numbering.at(number);
        let card = self.card;
        // Without a period column, the most days a period of the card's kind has.
        let days = period.map_or(self.most_days, |p| p.days().into());
        for constraint in card.constraints() {
            match crate::eval::meets(card, constraint, values, days) {
                Ok(None | Some(true)) => {}
                Ok(Some(false)) => errors.push(self.unmet(at, constraint, values, None)),
                Err(e) => errors.push(self.unmet(at, constraint, values, Some(e.message()))),
            }
        }
    }

    /// A row that does not meet `constraint`: the card's sentence, the
    /// columns it reads with their values, and the rule in the card.
    fn unmet(
        &self,
        at: Location,
        constraint: &Constraint,
        values: &[Value],
        failed: Option<&str>,
    ) -> DataProblem {
        let card = self.card;
        let value = |i: usize| format_value(&values[i], card.inputs()[i].ty.value_type());
        // The file's columns the condition reads, as the file heads them;
        // inputs with no column (at their defaults) only when it reads no column.
        let mut facts: Vec<String> = constraint
            .reads
            .iter()
            .filter_map(|&i| {
                let column = self.binding.inputs[i]?;
                Some(t!(
                    "data-require-fact",
                    column = &self.binding.headers[column],
                    value = value(i)
                ))
            })
            .collect();
        if facts.is_empty() {
            facts = constraint
                .reads
                .iter()
                .map(|&i| {
                    t!(
                        "data-require-fact-no-column",
                        name = &card.inputs()[i].name,
                        value = value(i)
                    )
                })
                .collect();
        }
        let mut message = constraint.message.clone();
        if !facts.is_empty() {
            message = t!(
                "data-require-facts",
                message = message,
                facts = facts.join(&t!("data-list-sep"))
            );
        }
        let source = &card.source();
        let condition = source.slice(constraint.condition.span);
        let (file, _) = source.locate(constraint.span.start);
        let (line, _) = source.line_col(constraint.span.start);
        let rule = t!(
            "data-require-rule",
            condition = condition,
            file = &file.name,
            line = line
        );
        let help = match failed {
            None => t!("data-require-help", rule = rule),
            Some(why) => t!("data-require-help-failed", rule = rule, why = why),
        };
        DataProblem::new(DataProblemKind::Constraint, &self.file, at, message).help(help)
    }

    /// The inputs no column feeds.
    fn unbound(&self) -> impl Iterator<Item = usize> + '_ {
        self.binding
            .inputs
            .iter()
            .enumerate()
            .filter(|(_, column)| column.is_none())
            .map(|(i, _)| i)
    }

    /// The month (or quarter …) in the `月份` column, if the file has one.
    fn period(
        &self,
        cells: &impl CellText,
        at: Location,
        errors: &mut Vec<DataProblem>,
    ) -> Option<Period> {
        let column = self.binding.period?;
        // A blank period is left for the stages that need one to report
        // (roll-up, choosing a card version), which say what it was needed for.
        let text = trimmed(cells, Some(column))?;
        match Period::parse(text) {
            Ok(period) => Some(period),
            Err(bad) => {
                errors.push(
                    DataProblem::new(DataProblemKind::BadCell, &self.file, at, bad.to_string())
                        .column(&self.binding.headers[column])
                        .help(t!("data-period-cell-help"))
                        .value(text),
                );
                None
            }
        }
    }

    /// The row's id (the name, when there is no id column); a blank one is
    /// an error.
    fn employee_id<'r>(
        &self,
        cells: &'r impl CellText,
        locate: &dyn Fn(usize) -> Location,
        errors: &mut Vec<DataProblem>,
    ) -> Option<&'r str> {
        let binding = &self.binding;
        let column = binding.id_column()?; // else already a header error
                                           // An id of only invisible characters (a zero-width space, a BOM) is
                                           // no id: it would be the empty id once normalised.
        let id =
            trimmed(cells, Some(column)).filter(|id| id.is_ascii() || !normalise_id(id).is_empty());
        if id.is_none() {
            let message = if binding.id.is_some() {
                t!("data-missing-id")
            } else {
                t!("data-missing-name-as-id")
            };
            errors.push(
                DataProblem::new(
                    DataProblemKind::MissingId,
                    &self.file,
                    locate(column),
                    message,
                )
                .column(&binding.headers[column]),
            );
        }
        id
    }

    /// Every input's value: parsed from its column, else its default or missing.
    fn values(
        &self,
        cells: &impl CellText,
        locate: &dyn Fn(usize) -> Location,
        values: &mut Vec<Value>,
        errors: &mut Vec<DataProblem>,
    ) {
        // An input with no column keeps its default from record to record,
        // and every other is written below (or the record is bad): only
        // new values need their defaults.
        if values.len() != self.defaults.len() {
            values.clone_from(&self.defaults);
        }
        debug_assert!(self.unbound().all(|i| values[i] == self.defaults[i]));
        for input in &self.inputs {
            let slot = &mut values[input.input];
            if !input.cell.read_plain(cells.bytes(input.column), slot) {
                self.read_uncommon(input, cells.cell(input.column), slot, locate, errors);
            }
        }
    }

    /// A cell `TypedCell::read_plain` does not read, read by
    /// `TypedCell::read_uncommon` (`cell::parse_cell`), which words its problem. Kept out of the loop above.
    #[inline(never)]
    fn read_uncommon(
        &self,
        &InputColumn {
            column,
            input,
            cell,
        }: &InputColumn,
        text: &str,
        slot: &mut Value,
        locate: &dyn Fn(usize) -> Location,
        errors: &mut Vec<DataProblem>,
    ) {
        if let Err(problem) = cell.read_uncommon(text, &self.card_inputs[input], slot) {
            let mut error = DataProblem::new(
                DataProblemKind::BadCell,
                &self.file,
                locate(column),
                problem.message,
            )
            .column(&self.binding.headers[column])
            .with_help(problem.help);
            if !text.trim().is_empty() {
                error = error.value(text.trim());
            }
            errors.push(error);
        }
    }
}

/// Each employee id (with its period, when the file has a month column)
/// seen so far, and where: an id may appear once per period.
///
/// Ids are kept as 64-bit hashes, not text, so that a file of millions of
/// rows costs a few bytes per row. Two different ids with one hash would be
/// reported as a duplicate (loudly, never a silent wrong number); with a
/// million rows the odds are about one in 40 million. A million ids take
/// about 35 MB (16 bytes each, and the table's spare room).
#[derive(Default)]
pub(crate) struct SeenIds {
    /// The hash of each id and period → the record it was first seen in.
    /// The keys are hashes already, so the table's own hashing is the cheapest.
    first: HashMap<u64, usize, rustc_hash::FxBuildHasher>,
}

impl SeenIds {
    /// foldhash's quality variant, with a fixed seed: well mixed in all 64
    /// bits (the odds above hold) and several times cheaper than SipHash.
    pub fn hash(id: &str, period: Option<Period>) -> u64 {
        use std::hash::BuildHasher;
        foldhash::quality::FixedState::default().hash_one((id, period))
    }

    /// Records the id of record `number`; an error if it was seen before.
    pub fn insert(
        &mut self,
        reader: &RowReader,
        id: &str,
        period: Option<Period>,
        number: usize,
        locate: &dyn Fn(usize) -> Location,
    ) -> Result<(), DataProblem> {
        let column = reader.binding.id_column().unwrap_or_default();
        let hash = Self::hash(id, period);
        self.insert_hash(reader, hash, number, locate(column), || {
            (id.to_string(), period)
        })
    }

    /// [`SeenIds::insert`] with the hash already made (by a worker thread);
    /// `cell` is where the id is, `describe` gives the id and period for
    /// the message.
    pub fn insert_hash(
        &mut self,
        reader: &RowReader,
        hash: u64,
        number: usize,
        cell: Location,
        describe: impl FnOnce() -> (String, Option<Period>),
    ) -> Result<(), DataProblem> {
        let at = reader.numbering.at(number);
        let first = match self.first.entry(hash) {
            Entry::Vacant(slot) => {
                slot.insert(number);
                return Ok(());
            }
            Entry::Occupied(first) => reader.numbering.at(*first.get()),
        };
        let (id, period) = describe();
        let binding = &reader.binding;
        let column = binding.id_column().unwrap_or_default();
        let message = match period {
            Some(p) => t!(
                "data-duplicate-id-period",
                id = &id,
                period = p.to_string(),
                first = first.describe(),
                second = at.describe()
            ),
            None => t!(
                "data-duplicate-id",
                id = &id,
                first = first.describe(),
                second = at.describe()
            ),
        };
        let error = DataProblem::new(DataProblemKind::DuplicateId, &reader.file, cell, message)
            .column(&binding.headers[column])
            .value(&id);
        Err(if binding.id.is_some() {
            error
        } else {
            error.help(t!("data-duplicate-name-as-id-help"))
        })
    }
}

/// An employee id as it is compared and shown: the same person however the
/// id was typed. Text that is all ASCII (nearly every id) is left as it is;
/// any other is put in Unicode's compatibility form (NFKC: full-width `Ｅ１`
/// is `E1`, `①` is `1`), with zero-width characters and byte-order marks
/// left out, and trimmed again.
#[inline]
pub(crate) fn normalise_id(id: &str) -> Cow<'_, str> {
    if id.is_ascii() {
        Cow::Borrowed(id)
    } else {
        normalise_unicode_id(id)
    }
}

#[inline(never)]
fn normalise_unicode_id(id: &str) -> Cow<'_, str> {
    use unicode_normalization::UnicodeNormalization;
    let invisible = |c: &char| {
        matches!(
            c,
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{00ad}'
        )
    };
    let normal: String = id.chars().filter(|c| !invisible(c)).nfkc().collect();
    let trimmed = normal.trim();
    if trimmed.len() == normal.len() {
        Cow::Owned(normal)
    } else {
        Cow::Owned(trimmed.to_string())
    }
}

/// A cell's trimmed text, `None` when there is no such column or it is blank.
pub(crate) fn trimmed(cells: &impl CellText, column: Option<usize>) -> Option<&str> {
    let text = scorecard_core::cell::trim(cells.cell(column?));
    (!text.is_empty()).then_some(text)
}

impl<S: RecordSource> Iterator for Rows<'_, S> {
    type Item = Result<Row, Vec<DataProblem>>;

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
