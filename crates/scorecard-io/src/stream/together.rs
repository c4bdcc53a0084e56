//! What must be scored together, and where a file may be cut between rows
//! that need not be.
//!
//! Rows are compared with each other only within a group: a rank's or a
//! grade limit's (its period and store, brand or region; `all` is one group
//! per period) and, when months roll up, an employee's period. A [`Scan`]
//! of the file records, for each group, the line of its last row; reading
//! the file again, a chunk may end after a row once every group seen so far
//! has ended (the "partition labels" sweep). Groups are kept as 64-bit
//! hashes: two groups with one hash only make a chunk longer, never wrong.

use crate::check::model::Grouping;
use crate::check::CheckedCard;
use crate::data::csv::{open_with_header, Cells};
use crate::data::{trimmed, DataProblem, Employee, ReadOptions, RowReader, TextEncoding};
use crate::period::{Period, PeriodKind};
use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
use std::io::Read;

/// The groups a card puts rows in.
#[derive(Debug, Clone)]
pub struct ScoredTogether {
    /// Each grouping some rank or grade limit uses, once.
    groupings: Vec<Grouping>,
    /// With a roll-up: the period months roll up to.
    rollup: Option<PeriodKind>,
}

/// Who a row is about, as far as its groups go.
struct Member<'a> {
    id: &'a str,
    brand: Option<&'a str>,
    store: Option<&'a str>,
    region: Option<&'a str>,
    period: Option<Period>,
}

impl ScoredTogether {
    /// The groups of `card`'s ranks and grade limits; with `rollup`, also
    /// each employee's period (months are rolled up first, so ranks compare
    /// the periods months fall in).
    pub fn of(card: &CheckedCard, rollup: bool) -> ScoredTogether {
        let stage = &card.ranking();
        let mut groupings: Vec<Grouping> = Vec::new();
        let within = stage.ranks.iter().map(|r| r.within);
        for grouping in within.chain(stage.limits.iter().map(|l| l.within)) {
            if !groupings.contains(&grouping) {
                groupings.push(grouping);
            }
        }
        ScoredTogether {
            groupings,
            rollup: card
                .rollup()
                .as_ref()
                .filter(|_| rollup)
                .map(|plan| plan.period),
        }
    }

    /// The hash of each group `member` is in.
    fn each(&self, member: &Member, mut group: impl FnMut(u64)) {
        // A rolled-up row's period is the one its month falls in; a row
        // with no month is not rolled up, so in no group.
        let period = match (member.period, self.rollup) {
            (Some(month), Some(kind)) => match month.containing(kind) {
                Some(period) => Some(period),
                None => return,
            },
            (_, Some(_)) => return,
            (period, None) => period,
        };
        let hasher: BuildHasherDefault<DefaultHasher> = BuildHasherDefault::default();
        for &grouping in &self.groupings {
            let field = match grouping {
                Grouping::All => Some(""),
                Grouping::Store => member.store,
                Grouping::Brand => member.brand,
                Grouping::Region => member.region,
            };
            // A row with no store (say) is in no store: it fails on its own.
            if let Some(field) = field {
                group(hasher.hash_one((grouping.keyword(), period, field)));
            }
        }
        if self.rollup.is_some() {
            group(hasher.hash_one(("rollup", period, member.id)));
        }
    }

    /// The last line of every group `employee`'s row (at `line`) is in;
    /// `usize::MAX` for a group the scan did not see (the file changed
    /// since): then nothing after it can be cut off. `Err` for a group the
    /// scan saw end before `line`: the file changed since, and a chunk
    /// already scored may hold part of that group.
    pub(super) fn reach(
        &self,
        employee: &Employee,
        line: usize,
        scan: &Scan,
    ) -> Result<usize, MovedSinceScan> {
        let member = Member {
            id: &employee.id,
            brand: employee.brand.as_deref(),
            store: employee.store.as_deref(),
            region: employee.region.as_deref(),
            period: employee.period,
        };
        let (mut reach, mut moved) = (0, false);
        self.each(&member, |group| {
            let last = scan.last.get(&group).copied().unwrap_or(usize::MAX);
            moved |= last < line;
            reach = reach.max(last);
        });
        if moved {
            return Err(MovedSinceScan);
        }
        Ok(reach)
    }
}

/// A row found after the line where the scan saw the last of its group.
#[derive(Debug)]
pub(super) struct MovedSinceScan;

/// A first, cheap pass over a CSV file: the last line of each group, and
/// whether any row fills in a region or a period.
#[derive(Debug, Default)]
pub struct Scan {
    last: HashMap<u64, usize, rustc_hash::FxBuildHasher>,
    /// Some record has a region (a period): the report likely has the column.
    pub(super) region: bool,
    pub(super) period: bool,
    /// The encoding the file was decoded from, when it was not UTF-8.
    pub(super) decoded_from: Option<TextEncoding>,
}

impl Scan {
    /// Reads `input` (named `name` in messages), binding its header as
    /// `card` does (read with `options`: with a roll-up, its monthly inputs).
    /// Only the id, brand, store, region and period cells are looked at,
    /// and only a line per group is kept. `Err` when the file cannot be
    /// read at all (empty, no header); a record that cannot be read ends
    /// the scan, as it ends the reading.
    pub fn csv(
        card: &CheckedCard,
        together: &ScoredTogether,
        input: impl Read + Send + 'static,
        name: &str,
        options: &ReadOptions,
    ) -> Result<Scan, DataProblem> {
        let (mut lines, header) = open_with_header(input, name)?;
        let (reader, _) = RowReader::for_csv(card, name, &header, options);
        let binding = &reader.binding;
        let mut scan = Scan {
            decoded_from: Some(lines.encoding()).filter(|e| *e != TextEncoding::Utf8),
            ..Scan::default()
        };
        let (mut raw, mut cells) = (String::new(), Cells::default());
        loop {
            raw.clear();
            let Some(Ok(line)) = lines.next_into(&mut raw) else {
                break;
            };
            cells.split(&raw);
            let region = trimmed(&cells, binding.region);
            scan.region |= region.is_some();
            let period = match trimmed(&cells, binding.period) {
                None => None,
                Some(text) => match Period::parse(text) {
                    Ok(period) => Some(period),
                    Err(_) => continue, // a bad row: in no group
                },
            };
            scan.period |= period.is_some() || together.rollup.is_some();
            let Some(id) = trimmed(&cells, binding.id_column()) else {
                continue; // a bad row, or a blank one
            };
            let member = Member {
                id,
                brand: trimmed(&cells, binding.brand),
                store: trimmed(&cells, binding.store),
                region,
                period,
            };
            together.each(&member, |group| {
                scan.last.insert(group, line);
            });
        }
        Ok(scan)
    }

    /// How many groups were seen.
    pub fn groups(&self) -> usize {
        self.last.len()
    }
}
