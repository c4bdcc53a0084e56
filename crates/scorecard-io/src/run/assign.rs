//! Sending each row to the card that scores it: by period among versions of
//! a card, or by role, brand and store (and step) in a rules directory.
//!
//! A rules directory is strict about the values that choose a card: a row
//! whose role, brand or store no manifest entry (nor the manifest's
//! `[group]`) names is an error with a "did you mean", because a misspelt
//! brand would otherwise be scored by the group's card without a word.
//! With `--lenient` such a brand or store is scored by the role's card for
//! no brand or store, and a note says so.

use super::problems::{brand_or_store_word, Note, Problem};
use super::rules::Scoring;
use super::Options;
use crate::data::{
    DataProblem, DataProblemKind, Location, MemorySource, Numbering, Record, RecordSource,
};
use crate::manifest::Manifest;
use crate::t;
use std::sync::Arc;

/// Headers of the role column (case-insensitive for the English ones).
pub const ROLE_HEADERS: [&str; 4] = ["岗位", "职位", "role", "position"];
const BRAND_HEADERS: [&str; 2] = ["品牌", "brand"];
const STORE_HEADERS: [&str; 2] = ["门店", "store"];
const ID_HEADERS: [&str; 6] = ["工号", "员工编号", "id", "employee_id", "姓名", "name"];

/// A table's records, read whole (a run that routes or joins holds them).
pub(crate) struct Records {
    pub name: Arc<str>,
    pub numbering: Numbering,
    pub columns: Vec<String>,
    pub header: Location,
    pub records: Vec<Record>,
    /// The role of rows that do not say (a sheet named after a role).
    pub role: Option<String>,
}

impl Records {
    /// Reads every record of `source`; a record that cannot be read is a problem.
    pub fn read(
        mut source: Box<dyn RecordSource>,
        role: Option<String>,
        problems: &mut Vec<Problem>,
    ) -> Records {
        let mut records = Vec::new();
        while let Some(next) = source.next_record() {
            match next {
                Ok(record) => records.push(record),
                Err(e) => problems.push(Problem::Data(e)),
            }
        }
        Records {
            name: Arc::from(source.name()),
            numbering: source.numbering(),
            columns: source.columns().to_vec(),
            header: source.header_location(),
            records,
            role,
        }
    }

    /// Some of the records, as a source of their own (same file, numbering, header).
    pub fn subset(&self, records: Vec<Record>) -> MemorySource {
        let records = records.into_iter().map(Ok).collect();
        MemorySource::new(&self.name, self.numbering, self.columns.clone(), records)
            .with_header(self.header)
    }

    fn column(&self, names: &[&str]) -> Option<usize> {
        self.columns
            .iter()
            .position(|c| names.contains(&c.trim().to_lowercase().as_str()))
    }
}

/// Records one card reads, from one table.
pub(crate) struct Assignment {
    /// Index into [`Scoring::cards`].
    pub card: usize,
    /// The manifest entry that chose the card, with a rules directory.
    pub entry: Option<usize>,
    pub table: usize,
    pub records: Vec<Record>,
}

/// How a row of a rules directory's data chooses its cards: checked once,
/// for every step.
#[derive(Debug, Clone)]
pub(crate) struct Route {
    role: String,
    /// As the manifest is searched: `None` for a brand (store) not given,
    /// or, with `--lenient`, one the rules do not know.
    brand: Option<String>,
    store: Option<String>,
}

/// Each record's route (`None`: the row is bad, and a problem says why).
pub(crate) fn routes(
    scoring: &Scoring,
    tables: &[Records],
    options: &Options,
    problems: &mut Vec<Problem>,
    notes: &mut Vec<Note>,
) -> Vec<Vec<Option<Route>>> {
    let Some(directory) = scoring.directory_ref() else {
        return tables.iter().map(|t| vec![None; t.records.len()]).collect();
    };
    let manifest = directory.manifest();
    let (brands, stores) = (manifest.brands(), manifest.stores());
    // A brand (store) is checked where it matters: the group declares its
    // brands (stores), or the row's role has cards by brand (store), where a
    // misspelt one would fall back to the role's card without a word.
    let checks = |role: &str, declared: &[String], by: fn(&crate::manifest::Entry) -> bool| {
        !declared.is_empty() || manifest.entries.iter().any(|e| e.role == role && by(e))
    };
    let mut all = Vec::new();
    for table in tables {
        let file = &table.name;
        let (role_col, brand_col, store_col, id_col) = (
            table.column(&ROLE_HEADERS),
            table.column(&BRAND_HEADERS),
            table.column(&STORE_HEADERS),
            table.column(&ID_HEADERS),
        );
        let default_role = table.role.as_deref().or(options.role.as_deref());
        if role_col.is_none() && default_role.is_none() {
            problems.push(Problem::Data(
                DataProblem::new(
                    DataProblemKind::NoCard,
                    file,
                    table.header,
                    t!("run-no-role-column"),
                )
                .help(t!(
                    "run-no-role-column-help",
                    roles = quoted(&manifest.roles())
                )),
            ));
            all.push(vec![None; table.records.len()]);
            continue;
        }
        let mut routes = Vec::with_capacity(table.records.len());
        for record in &table.records {
            if record.is_blank() {
                routes.push(None);
                continue;
            }
            let cell =
                |col: Option<usize>| col.map(|c| record.cell(c).trim()).filter(|t| !t.is_empty());
            let at = table.numbering.at(record.number);
            let Some(role) = cell(role_col).or(default_role) else {
                problems.push(Problem::Data(no_card(
                    file,
                    at,
                    &t!("run-no-role"),
                    role_col,
                    &table.columns,
                    None,
                    manifest,
                )));
                routes.push(None);
                continue;
            };
            if !manifest.roles().contains(&role) {
                let who = cell(id_col)
                    .map(|id| t!("run-employee", id = id))
                    .unwrap_or_else(|| t!("run-the-row"));
                let message = t!(
                    "run-role-no-card",
                    who = who,
                    role = role,
                    manifest = &manifest.source.name
                );
                problems.push(Problem::Data(no_card(
                    file,
                    at,
                    &message,
                    role_col,
                    &table.columns,
                    Some(role),
                    manifest,
                )));
                routes.push(None);
                continue;
            }
            let mut bad = false;
            let mut known = |value: Option<&str>, col: Option<usize>, list: &[&str], what| {
                let value = value?;
                if list.contains(&value) {
                    return Some(value.to_string());
                }
                if options.lenient {
                    notes.push(Note::Fallback {
                        file: file.clone(),
                        line: record.number,
                        what,
                        value: value.to_string(),
                        card: String::new(),
                    });
                    return None;
                }
                bad = true;
                problems.push(Problem::Data(unknown_value(
                    file,
                    at.in_column(col.unwrap_or_default()),
                    what,
                    value,
                    col.map(|c| table.columns[c].trim()),
                    list,
                    manifest,
                )));
                None
            };
            let brand = match checks(role, &manifest.group.brands, |e| e.brand.is_some()) {
                true => known(cell(brand_col), brand_col, &brands, "brand"),
                false => cell(brand_col).map(str::to_string),
            };
            let store = match checks(role, &manifest.group.stores, |e| e.store.is_some()) {
                true => known(cell(store_col), store_col, &stores, "store"),
                false => cell(store_col).map(str::to_string),
            };
            routes.push((!bad).then(|| Route {
                role: role.to_string(),
                brand,
                store,
            }));
        }
        all.push(routes);
    }
    all
}

/// The records of every table, dealt to the cards that score them in
/// `step` (`None`: not a rules directory).
pub(crate) fn assign(
    scoring: &Scoring,
    step: Option<&str>,
    tables: &[Records],
    routes: &[Vec<Option<Route>>],
    problems: &mut Vec<Problem>,
    notes: &mut [Note],
    warnings: &mut Vec<DataProblem>,
) -> Vec<Assignment> {
    let mut out: Vec<Assignment> = Vec::new();
    for (t, table) in tables.iter().enumerate() {
        match scoring.directory_ref() {
            None => {
                let records: Vec<Record> = table
                    .records
                    .iter()
                    .filter(|r| !r.is_blank())
                    .cloned()
                    .collect();
                by_version(
                    scoring, None, t, table, records, &mut out, problems, warnings, None,
                );
            }
            Some(directory) => {
                let manifest = directory.manifest();
                let step = step.unwrap_or(crate::manifest::FIRST_STEP);
                // Records per entry, in order of first appearance.
                let mut by_entry: Vec<(usize, Vec<Record>)> = Vec::new();
                for (record, route) in table.records.iter().zip(&routes[t]) {
                    let Some(route) = route else { continue };
                    if !manifest.steps_of(&route.role).contains(&step) {
                        continue; // this role takes no part in this step
                    }
                    let picked = manifest.pick_in(
                        step,
                        &route.role,
                        route.brand.as_deref(),
                        route.store.as_deref(),
                    );
                    let Some(entry) = picked else {
                        problems.push(Problem::Data(no_entry(
                            table, record, route, step, manifest,
                        )));
                        continue;
                    };
                    for note in notes.iter_mut() {
                        if let Note::Fallback {
                            file, line, card, ..
                        } = note
                        {
                            if *file == table.name && *line == record.number && card.is_empty() {
                                *card = directory.card_of(entry).source().name.clone();
                            }
                        }
                    }
                    match by_entry.iter_mut().find(|(e, _)| *e == entry) {
                        Some((_, records)) => records.push(record.clone()),
                        None => by_entry.push((entry, vec![record.clone()])),
                    }
                }
                for (entry, records) in by_entry {
                    let card = directory.rules.card_of_entry[entry];
                    by_version(
                        scoring,
                        Some(card),
                        t,
                        table,
                        records,
                        &mut out,
                        problems,
                        warnings,
                        Some(entry),
                    );
                }
            }
        }
    }
    out
}

/// Deals `records` to the version in force for each row's period: among
/// the scoring's versions (`card: None`), or for one dated card of a
/// directory. An undated card takes them all.
#[allow(clippy::too_many_arguments)]
fn by_version(
    scoring: &Scoring,
    card: Option<usize>,
    t: usize,
    table: &Records,
    records: Vec<Record>,
    out: &mut Vec<Assignment>,
    problems: &mut Vec<Problem>,
    warnings: &mut Vec<DataProblem>,
    entry: Option<usize>,
) {
    let push = |out: &mut Vec<Assignment>, card: usize, records: Vec<Record>| match out
        .iter_mut()
        .find(|a| a.card == card && a.table == t && a.entry == entry)
    {
        Some(a) => a.records.extend(records),
        None => out.push(Assignment {
            card,
            entry,
            table: t,
            records,
        }),
    };
    let cards = scoring.cards();
    let versions = match card {
        Some(c) if cards[c].stamp().effective.is_none() => {
            push(out, c, records);
            return;
        }
        Some(c) => crate::version::Versions::new(vec![(*cards[c]).clone()])
            .expect("a single card is always a valid set of versions"),
        None if scoring.single().is_some() => {
            push(out, 0, records);
            return;
        }
        None => scoring.versions().expect("cards are versions").clone(),
    };
    let single = versions.cards().len() == 1;
    let split = versions.split(table.subset(records));
    problems.extend(split.errors.into_iter().map(Problem::Data));
    warnings.extend(split.warnings);
    for (v, (part, count)) in split.parts.into_iter().zip(split.counts).enumerate() {
        // A version no row falls under is not read, so its columns are not required.
        if count == 0 && !single {
            continue;
        }
        let index = match card {
            Some(c) => c,
            None => v,
        };
        push(out, index, drain(part));
    }
}

fn drain(mut source: MemorySource) -> Vec<Record> {
    let mut records = Vec::new();
    while let Some(Ok(record)) = source.next_record() {
        records.push(record);
    }
    records
}

/// A row whose role has cards in `step`, but none for its brand or store.
fn no_entry(
    table: &Records,
    record: &Record,
    route: &Route,
    step: &str,
    manifest: &Manifest,
) -> DataProblem {
    let at = table.numbering.at(record.number);
    let who = table
        .column(&ID_HEADERS)
        .map(|c| record.cell(c).trim())
        .filter(|id| !id.is_empty())
        .map(|id| t!("run-employee", id = id))
        .unwrap_or_else(|| t!("run-the-row"));
    let mut what = t!("run-has-role", who = who, role = &route.role);
    if let Some(brand) = &route.brand {
        what.push_str(&t!("run-and-brand", brand = brand));
    }
    if let Some(store) = &route.store {
        what.push_str(&t!("run-and-store", store = store));
    }
    let message = if manifest.steps.len() > 1 {
        t!(
            "run-route-no-card-step",
            what = what,
            manifest = &manifest.source.name,
            step = step
        )
    } else {
        t!(
            "run-route-no-card",
            what = what,
            manifest = &manifest.source.name
        )
    };
    let mut error = DataProblem::new(DataProblemKind::NoCard, &table.name, at, message).help(t!(
        "run-route-no-card-help",
        role = &route.role,
        manifest = &manifest.source.name
    ));
    if let Some(c) = table.column(&ROLE_HEADERS) {
        error = error.column(table.columns[c].trim()).value(&route.role);
    }
    error
}

fn no_card(
    file: &Arc<str>,
    at: Location,
    message: &str,
    role_col: Option<usize>,
    columns: &[String],
    role: Option<&str>,
    manifest: &Manifest,
) -> DataProblem {
    let roles = manifest.roles();
    let help = match role {
        Some(role) => {
            let help = t!(
                "run-unknown-role-help",
                roles = quoted(&roles),
                role = role,
                manifest = &manifest.source.name
            );
            match crate::suggest::closest(role, roles.iter().copied()) {
                Some(c) => t!("run-did-you-mean-then", name = c, then = help),
                None => help,
            }
        }
        None => t!("run-no-role-help", roles = quoted(&roles)),
    };
    let mut error = DataProblem::new(DataProblemKind::NoCard, file, at, message).help(help);
    if let Some(c) = role_col {
        error = error.column(columns[c].trim());
        if let Some(role) = role {
            error = error.value(role);
        }
    }
    error
}

/// A brand or store the rules do not know.
fn unknown_value(
    file: &Arc<str>,
    at: Location,
    what: &str,
    value: &str,
    column: Option<&str>,
    known: &[&str],
    manifest: &Manifest,
) -> DataProblem {
    let close = crate::suggest::closest(value, known.iter().copied());
    let help = match close {
        Some(close) => t!(
            "run-unknown-value-help-close",
            close = close,
            value = value,
            what = brand_or_store_word(what),
            key = format!("{what}s"),
            manifest = &manifest.source.name
        ),
        None => t!(
            "run-unknown-value-help",
            known = quoted(known),
            value = value,
            what = brand_or_store_word(what),
            key = format!("{what}s"),
            manifest = &manifest.source.name
        ),
    };
    let mut error = DataProblem::new(
        DataProblemKind::UnknownValue,
        file,
        at,
        t!(
            "run-unknown-value",
            what = brand_or_store_word(what),
            value = value
        ),
    )
    .value(value)
    .help(help);
    if let Some(column) = column {
        error = error.column(column);
    }
    error
}

fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(&t!("data-list-sep"))
}
