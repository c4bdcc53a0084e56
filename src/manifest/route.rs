//! Sending each row of a data file to the card that scores it.
//!
//! The file is read once as records. Each record's role (the 岗位 column, or
//! the role given for the whole file), brand and store pick a manifest
//! entry; the records of each card are then read against that card exactly
//! as a single-card file would be, so every cell is checked by the card that
//! uses it. A column one card ignores but another reads is no warning: only
//! a column no card reads is.

use super::Rules;
use crate::data::{
    self, DataError, DataErrorKind, DataSet, DataWarning, DataWarningKind, Location, Numbering,
    Record, RecordSource,
};
use crate::version::Versions;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Headers of the role column (case-insensitive for the English ones).
pub const ROLE_HEADERS: [&str; 4] = ["岗位", "职位", "role", "position"];
const BRAND_HEADERS: [&str; 2] = ["品牌", "brand"];
const STORE_HEADERS: [&str; 2] = ["门店", "store"];
const ID_HEADERS: [&str; 6] = ["工号", "员工编号", "id", "employee_id", "姓名", "name"];

/// The rows one card scores.
#[derive(Debug, Clone)]
pub struct CardRows {
    /// Index into [`Rules::cards`].
    pub card: usize,
    pub set: DataSet,
}

/// A data file split by card.
#[derive(Debug, Clone, Default)]
pub struct Routed {
    /// One per card that has rows, in the order their first row appears.
    pub groups: Vec<CardRows>,
    /// Rows that match no card, and records the file could not give.
    pub errors: Vec<DataError>,
    /// Columns no card reads (once each), and an empty file.
    pub warnings: Vec<DataWarning>,
}

impl Routed {
    /// Every error: the routing's and each card's rows'.
    pub fn all_errors(&self) -> Vec<&DataError> {
        self.errors
            .iter()
            .chain(self.groups.iter().flat_map(|g| &g.set.errors))
            .collect()
    }
}

/// Splits `source`'s rows by card. `role` stands for a blank or absent role
/// column (`--role` on the command line).
pub fn route(rules: &Rules, mut source: impl RecordSource, role: Option<&str>) -> Routed {
    let file: Arc<str> = Arc::from(source.name());
    let columns: Vec<String> = source.columns().to_vec();
    let find = |names: &[&str]| {
        columns
            .iter()
            .position(|c| names.contains(&c.trim().to_lowercase().as_str()))
    };
    let (role_col, brand_col, store_col, id_col) = (
        find(&ROLE_HEADERS),
        find(&BRAND_HEADERS),
        find(&STORE_HEADERS),
        find(&ID_HEADERS),
    );
    let mut routed = Routed::default();
    if role_col.is_none() && role.is_none() {
        routed.errors.push(
            DataError::new(
                DataErrorKind::NoCard,
                &file,
                source.header_location(),
                "no role column, so no row can be matched to a card",
            )
            .help(format!(
                "add a column headed 岗位 (or role) holding each row's role, such as {}; or give the role of every row on the command line with --role",
                quoted(&rules.manifest.roles())
            )),
        );
        return routed;
    }

    // Records by entry's card, in order of first appearance.
    let mut by_card: Vec<(usize, Vec<Record>)> = Vec::new();
    let numbering = source.numbering();
    let header_location = source.header_location();
    while let Some(next) = source.next_record() {
        let record = match next {
            Ok(record) => record,
            Err(error) => {
                routed.errors.push(error);
                continue;
            }
        };
        if record.is_blank() {
            continue;
        }
        let cell =
            |col: Option<usize>| col.map(|c| record.cell(c).trim()).filter(|t| !t.is_empty());
        let row_role = cell(role_col).or(role);
        let (brand, store) = (cell(brand_col), cell(store_col));
        let at = numbering.at(record.number);
        let Some(row_role) = row_role else {
            routed.errors.push(no_card(
                &file,
                at,
                "the row has no role",
                role_col,
                &columns,
                None,
                rules,
            ));
            continue;
        };
        let Some(entry) = rules.manifest.pick(row_role, brand, store) else {
            let who = cell(id_col)
                .map(|id| format!("`{id}` "))
                .unwrap_or_default();
            let mut what = format!("{who}has role `{row_role}`");
            if let Some(brand) = brand {
                what.push_str(&format!(", brand `{brand}`"));
            }
            if let Some(store) = store {
                what.push_str(&format!(", store `{store}`"));
            }
            let message = format!(
                "{what}, and {} lists no card for that",
                rules.manifest.source.name
            );
            routed.errors.push(no_card(
                &file,
                at,
                &message,
                role_col,
                &columns,
                Some(row_role),
                rules,
            ));
            continue;
        };
        let card = rules.card_of_entry[entry];
        match by_card.iter_mut().find(|(c, _)| *c == card) {
            Some((_, records)) => records.push(record),
            None => by_card.push((card, vec![record])),
        }
    }

    // Each card reads its own rows; the role column is the router's, not the card's.
    let kept: Vec<usize> = (0..columns.len())
        .filter(|&c| Some(c) != role_col)
        .collect();
    let kept_columns: Vec<String> = kept.iter().map(|&c| columns[c].clone()).collect();
    for (card, records) in by_card {
        let records: Vec<Record> = records
            .into_iter()
            .map(|mut r| Record {
                number: r.number,
                // Moved, not copied: the cells are not needed twice.
                cells: kept
                    .iter()
                    .map(|&c| r.cells.get_mut(c).map(std::mem::take).unwrap_or_default())
                    .collect(),
            })
            .collect();
        let subset = Subset {
            name: file.clone(),
            numbering,
            columns: kept_columns.clone(),
            header_location,
            records: records.into_iter(),
        };
        let rows = subset.records.len();
        let checked = &rules.cards[card].card;
        let mut set = if checked.stamp.effective.is_some() {
            // A dated card scores only the rows of periods it is in force
            // for, checked as for a card given on its own.
            let split = Versions::new(vec![checked.clone()])
                .map(|one| one.split(subset))
                .expect("a single card is always a valid set of versions");
            routed.errors.extend(split.errors);
            routed.warnings.extend(split.warnings);
            match split.parts.into_iter().next() {
                Some(part) => data::read(checked, part),
                None => DataSet::default(),
            }
        } else {
            data::read(checked, subset)
        };
        // A problem with the header concerns one card's rows only: say whose.
        for error in &mut set.errors {
            if matches!(
                error.kind,
                DataErrorKind::MissingColumn
                    | DataErrorKind::DuplicateColumn
                    | DataErrorKind::NoIdColumn
            ) {
                error.message = format!(
                    "{} (for the card `{}`, which {} row{} of this file need{})",
                    error.message,
                    rules.cards[card].card.name,
                    rows,
                    if rows == 1 { "" } else { "s" },
                    if rows == 1 { "s" } else { "" }
                );
            }
        }
        routed.groups.push(CardRows { card, set });
    }
    one_row_per_employee(&mut routed, &file, numbering);
    keep_real_warnings(rules, &mut routed);
    if routed.groups.is_empty() && routed.errors.is_empty() {
        routed.warnings.push(DataWarning::new(
            DataWarningKind::NoRows,
            &file,
            Location::File,
            "the file has no rows",
        ));
    }
    routed
}

/// Each card's reader finds an id given twice among its own rows; an id
/// given twice to different cards is found here, and the later row is the bad one.
fn one_row_per_employee(routed: &mut Routed, file: &Arc<str>, numbering: Numbering) {
    let mut rows: Vec<(usize, usize, String)> = routed
        .groups
        .iter()
        .enumerate()
        .flat_map(|(g, group)| {
            group
                .set
                .rows
                .iter()
                .map(move |row| (row.line, g, row.employee.id.clone()))
        })
        .collect();
    rows.sort();
    let mut first_seen: HashMap<String, usize> = HashMap::new();
    let mut spoiled: Vec<(usize, usize)> = Vec::new();
    for (line, group, id) in rows {
        match first_seen.get(&id) {
            None => {
                first_seen.insert(id, line);
            }
            Some(&first) => {
                spoiled.push((group, line));
                let message = format!(
                    "employee `{id}` appears twice, at {} and {}",
                    numbering.at(first).describe(),
                    numbering.at(line).describe()
                );
                routed.errors.push(
                    DataError::new(
                        DataErrorKind::DuplicateId,
                        file,
                        numbering.at(line),
                        message,
                    )
                    .value(&id),
                );
            }
        }
    }
    for (group, line) in spoiled {
        routed.groups[group].set.rows.retain(|row| row.line != line);
    }
}

/// A column one card ignores is fine if another card reads it; a column no
/// card reads is reported once, not once per card.
fn keep_real_warnings(rules: &Rules, routed: &mut Routed) {
    let used: Vec<usize> = routed.groups.iter().map(|g| g.card).collect();
    let read_by_some_card = |column: &str| {
        used.iter().any(|&c| {
            rules.cards[c]
                .card
                .inputs
                .iter()
                .any(|i| i.name == column || i.label.as_deref() == Some(column))
        })
    };
    let mut seen: HashSet<String> = HashSet::new();
    for group in &mut routed.groups {
        let warnings = std::mem::take(&mut group.set.warnings);
        for warning in warnings {
            let column = warning.column.as_deref().map(str::to_string);
            let keep = match (&warning.kind, &column) {
                (DataWarningKind::UnknownColumn, Some(column)) => {
                    !read_by_some_card(column) && seen.insert(column.clone())
                }
                (DataWarningKind::NoRows, _) => false,
                _ => true,
            };
            if keep {
                routed.warnings.push(warning);
            }
        }
    }
}

fn no_card(
    file: &Arc<str>,
    at: Location,
    message: &str,
    role_col: Option<usize>,
    columns: &[String],
    role: Option<&str>,
    rules: &Rules,
) -> DataError {
    let roles = rules.manifest.roles();
    let help = match role {
        Some(role) if !roles.contains(&role) => format!(
            "the roles with cards are {}; correct the row, or add a [[card]] for `{role}` to {}",
            quoted(&roles),
            rules.manifest.source.name
        ),
        Some(role) => format!(
            "`{role}` has cards only for some brands or stores; add one for this row's, or a [[card]] with role `{role}` and no brand, to {}",
            rules.manifest.source.name
        ),
        None => format!("fill in the row's role: one of {}", quoted(&roles)),
    };
    let mut error = DataError::new(DataErrorKind::NoCard, file, at, message).help(help);
    if let Some(c) = role_col {
        error = error.column(columns[c].trim());
        if let Some(role) = role {
            error = error.value(role);
        }
    }
    error
}

fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One card's records, with the file's name, numbering and header place.
struct Subset {
    name: Arc<str>,
    numbering: Numbering,
    columns: Vec<String>,
    header_location: Location,
    records: std::vec::IntoIter<Record>,
}

impl RecordSource for Subset {
    fn name(&self) -> &str {
        &self.name
    }
    fn numbering(&self) -> Numbering {
        self.numbering
    }
    fn columns(&self) -> &[String] {
        &self.columns
    }
    fn header_location(&self) -> Location {
        self.header_location
    }
    fn next_record(&mut self) -> Option<Result<Record, DataError>> {
        self.records.next().map(Ok)
    }
}
