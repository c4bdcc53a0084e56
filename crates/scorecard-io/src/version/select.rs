//! Choosing, for each row, the version of a card in force for its period.

use super::{parse_period, period_help, Days, PERIOD_HEADERS};
use crate::check::CheckedCard;
use crate::data::{DataProblem, DataProblemKind, MemorySource, Record, RecordSource};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::t;
use std::sync::Arc;

/// The versions of one card, oldest first, no two in force on the same day.
#[derive(Debug, Clone)]
pub struct Versions {
    cards: Vec<CheckedCard>,
}

/// Why no one version of a card scores a row's period ([`Versions::pick`]).
/// Its `Display` is the sentence the user reads.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct VersionError {
    kind: VersionErrorKind,
    message: String,
}

/// What [`VersionError`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum VersionErrorKind {
    /// The period falls partly in one version's dates and partly in another's.
    PeriodSplit,
    /// No version is in force on the period's days.
    NoneInForce,
}

impl VersionError {
    #[cold]
    fn new(kind: VersionErrorKind, message: String) -> VersionError {
        VersionError { kind, message }
    }

    /// What was found.
    pub fn kind(&self) -> VersionErrorKind {
        self.kind
    }

    /// The sentence the user reads (the same as `Display`).
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// A data file's records dealt out to the versions that score them.
pub struct Split {
    /// One source per version (same order as [`Versions::cards`]), holding the
    /// records of the rows whose period that version covers, with their own
    /// line or record numbers.
    pub parts: Vec<MemorySource>,
    /// How many records each part holds.
    pub counts: Vec<usize>,
    /// Rows that no version can score (no period, an unreadable one, or one
    /// no version covers), and records the source could not read.
    pub errors: Vec<DataProblem>,
    pub warnings: Vec<DataProblem>,
}

impl Versions {
    /// Checks that the cards are versions of one card that never overlap.
    /// A single card is always a valid set, dated or not.
    pub fn new(mut cards: Vec<CheckedCard>) -> Result<Versions, Diagnostics> {
        let mut problems = Diagnostics::default();
        if cards.len() > 1 {
            let first = cards[0].name().to_string();
            for card in &cards {
                if card.name() != first {
                    problems.push(
                        Diagnostic::error(
                            Code::VersionConflict,
                            t!(
                                "version-other-card",
                                file = &card.source().name,
                                card = card.name(),
                                first = &first
                            ),
                        )
                        .in_file(card.source())
                        .help(t!("version-other-card-help")),
                    );
                }
                if card.stamp().effective.is_none() {
                    problems.push(
                        Diagnostic::error(Code::VersionConflict, t!("version-no-effective"))
                            .in_file(card.source())
                            .help(t!("version-no-effective-help")),
                    );
                }
            }
            cards.sort_by_key(|c| c.stamp().effective.map(|e| e.from));
            for (i, a) in cards.iter().enumerate() {
                for b in &cards[i + 1..] {
                    let (Some(ea), Some(eb)) = (a.stamp().effective, b.stamp().effective) else {
                        continue;
                    };
                    if ea.overlaps(&eb) {
                        let day = ea.from.max(eb.from);
                        problems.push(
                            Diagnostic::error(
                                Code::VersionConflict,
                                t!(
                                    "version-overlap",
                                    file = &a.source().name,
                                    day = day.to_string()
                                ),
                            )
                            .in_file(b.source())
                            .label(eb.span, t!("version-in-force", dates = eb.to_string()))
                            .help(t!("version-overlap-help")),
                        );
                    }
                }
            }
        }
        if problems.is_empty() {
            Ok(Versions { cards })
        } else {
            Err(problems)
        }
    }

    pub fn cards(&self) -> &[CheckedCard] {
        &self.cards
    }

    pub fn into_cards(self) -> Vec<CheckedCard> {
        self.cards
    }

    /// The version in force for the whole of `period`, or why there is none.
    pub fn pick(&self, period: &Days) -> Result<usize, VersionError> {
        if let [only] = self.cards.as_slice() {
            if only.stamp().effective.is_none_or(|e| e.covers(period)) {
                return Ok(0);
            }
        }
        if let Some(i) = self
            .cards
            .iter()
            .position(|c| c.stamp().effective.is_some_and(|e| e.covers(period)))
        {
            return Ok(i);
        }
        let touching: Vec<String> = self
            .cards
            .iter()
            .filter_map(|c| {
                c.stamp()
                    .effective
                    .filter(|e| e.touches(period))
                    .map(|e| (c, e))
            })
            .map(|(c, e)| format!("{} ({e})", version_name(c)))
            .collect();
        Err(if touching.len() > 1 {
            VersionError::new(
                VersionErrorKind::PeriodSplit,
                t!(
                    "version-period-split",
                    period = &period.text,
                    versions = touching.join(&t!("version-and"))
                ),
            )
        } else {
            let all: Vec<String> = self
                .cards
                .iter()
                .filter_map(|c| {
                    c.stamp()
                        .effective
                        .map(|e| format!("{} ({e})", version_name(c)))
                })
                .collect();
            VersionError::new(
                VersionErrorKind::NoneInForce,
                t!(
                    "version-none-in-force",
                    period = &period.text,
                    versions = all.join(&t!("data-list-sep"))
                ),
            )
        })
    }

    /// Deals `source`'s records out to the versions, by each row's period.
    ///
    /// Without a period column a single version takes every row (with a
    /// warning if it is dated, since the dates cannot be checked); several
    /// versions cannot be told apart, which is one error for the file.
    pub fn split(&self, mut source: impl RecordSource) -> Split {
        let file: Arc<str> = Arc::from(source.name());
        let numbering = source.numbering();
        let columns = source.columns().to_vec();
        let period_column = columns
            .iter()
            .position(|c| PERIOD_HEADERS.contains(&c.trim().to_lowercase().as_str()));
        let mut records: Vec<Vec<Result<Record, DataProblem>>> = vec![Vec::new(); self.cards.len()];
        let mut errors = Vec::new();
        let mut warnings = Vec::new();
        match period_column {
            None if self.cards.len() > 1 => {
                errors.push(
                    DataProblem::new(
                        DataProblemKind::BadPeriod,
                        &file,
                        source.header_location(),
                        t!("version-no-period-column", count = self.cards.len()),
                    )
                    .help(t!("version-period-column-help")),
                );
            }
            None => {
                if let Some(effective) = self.cards[0].stamp().effective {
                    warnings.push(
                        DataProblem::new(
                            DataProblemKind::PeriodNotChecked,
                            &file,
                            source.header_location(),
                            t!("version-dates-not-checked", dates = effective.to_string()),
                        )
                        .with_help(Some(t!("version-period-column-help"))),
                    );
                }
                while let Some(record) = source.next_record() {
                    records[0].push(record);
                }
            }
            Some(column) => {
                let header = columns[column].trim().to_string();
                while let Some(record) = source.next_record() {
                    let record = match record {
                        Ok(record) => record,
                        Err(error) => {
                            errors.push(error);
                            continue;
                        }
                    };
                    if record.is_blank() {
                        continue;
                    }
                    let at = numbering.at(record.number);
                    let cell = record.cell(column).trim();
                    let error = |kind, message: String| {
                        DataProblem::new(kind, &file, at, message)
                            .column(header.clone())
                            .value(cell)
                    };
                    if cell.is_empty() {
                        errors.push(
                            error(DataProblemKind::BadPeriod, t!("version-period-blank"))
                                .help(period_help()),
                        );
                        continue;
                    }
                    match parse_period(cell).map(|p| self.pick(&p)) {
                        Ok(Ok(version)) => records[version].push(Ok(record)),
                        Ok(Err(none)) => {
                            errors.push(error(DataProblemKind::NoVersion, none.to_string()))
                        }
                        Err(bad) => errors.push(
                            error(DataProblemKind::BadPeriod, bad.to_string()).help(period_help()),
                        ),
                    }
                }
            }
        }
        let counts = records.iter().map(Vec::len).collect();
        let parts = records
            .into_iter()
            .map(|records| MemorySource::new(&file, numbering, columns.clone(), records))
            .collect();
        Split {
            parts,
            counts,
            errors,
            warnings,
        }
    }
}

/// `version 2026.1` for messages, or the file when the card has no version.
fn version_name(card: &CheckedCard) -> String {
    match &card.stamp().version {
        Some(v) => t!("run-version-tag", version = v),
        None => format!("`{}`", card.source().name),
    }
}
