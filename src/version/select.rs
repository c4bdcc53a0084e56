//! Choosing, for each row, the version of a card in force for its period.

use super::period::{parse_period, Period, PERIOD_HEADERS, PERIOD_HELP};
use crate::check::CheckedCard;
use crate::data::{
    DataError, DataErrorKind, DataWarning, DataWarningKind, MemorySource, Record, RecordSource,
};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use std::sync::Arc;

/// The versions of one card, oldest first, no two in force on the same day.
#[derive(Debug, Clone)]
pub struct Versions {
    cards: Vec<CheckedCard>,
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
    pub errors: Vec<DataError>,
    pub warnings: Vec<DataWarning>,
}

impl Versions {
    /// Checks that the cards are versions of one card that never overlap.
    /// A single card is always a valid set, dated or not.
    pub fn new(mut cards: Vec<CheckedCard>) -> Result<Versions, Diagnostics> {
        let mut problems = Diagnostics::default();
        if cards.len() > 1 {
            let first = cards[0].name.clone();
            for card in &cards {
                if card.name != first {
                    problems.push(
                        Diagnostic::error(
                            Code::VersionConflict,
                            format!(
                                "`{}` is card `{}`, not a version of `{first}`",
                                card.source.name, card.name
                            ),
                        )
                        .in_file(&card.source)
                        .help("give versions of one card only: the same `scorecard NAME` in each file"),
                    );
                }
                if card.stamp.effective.is_none() {
                    problems.push(
                        Diagnostic::error(
                            Code::VersionConflict,
                            "this version does not say when it is in force",
                        )
                        .in_file(&card.source)
                        .help("with several versions of a card, each declares `effective FROM..UNTIL`, such as `effective 2026-01-01..2026-06-30`"),
                    );
                }
            }
            cards.sort_by_key(|c| c.stamp.effective.map(|e| e.from));
            for (i, a) in cards.iter().enumerate() {
                for b in &cards[i + 1..] {
                    let (Some(ea), Some(eb)) = (a.stamp.effective, b.stamp.effective) else {
                        continue;
                    };
                    if ea.overlaps(&eb) {
                        let day = ea.from.max(eb.from);
                        problems.push(
                            Diagnostic::error(
                                Code::VersionConflict,
                                format!(
                                    "this version and the one in `{}` are both in force on {day}",
                                    a.source.name
                                ),
                            )
                            .in_file(&b.source)
                            .label(eb.span, format!("in force {eb}"))
                            .help("end the earlier version the day before the later one starts"),
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
    pub fn pick(&self, period: &Period) -> Result<usize, String> {
        if let [only] = self.cards.as_slice() {
            if only.stamp.effective.is_none_or(|e| e.covers(period)) {
                return Ok(0);
            }
        }
        if let Some(i) = self
            .cards
            .iter()
            .position(|c| c.stamp.effective.is_some_and(|e| e.covers(period)))
        {
            return Ok(i);
        }
        let touching: Vec<String> = self
            .cards
            .iter()
            .filter_map(|c| {
                c.stamp
                    .effective
                    .filter(|e| e.touches(period))
                    .map(|e| (c, e))
            })
            .map(|(c, e)| format!("{} ({e})", version_name(c)))
            .collect();
        Err(if touching.len() > 1 {
            format!(
                "the period `{}` falls under more than one version: {}",
                period.text,
                touching.join(" and ")
            )
        } else {
            let all: Vec<String> = self
                .cards
                .iter()
                .filter_map(|c| {
                    c.stamp
                        .effective
                        .map(|e| format!("{} ({e})", version_name(c)))
                })
                .collect();
            format!(
                "no version of the card is in force for the whole of `{}` (the card: {})",
                period.text,
                all.join(", ")
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
        let mut records: Vec<Vec<Result<Record, DataError>>> = vec![Vec::new(); self.cards.len()];
        let mut errors = Vec::new();
        let mut warnings = Vec::new();
        match period_column {
            None if self.cards.len() > 1 => {
                errors.push(
                    DataError::new(
                        DataErrorKind::BadPeriod,
                        &file,
                        source.header_location(),
                        format!(
                            "{} versions of the card were given, but the data has no period column to choose between them",
                            self.cards.len()
                        ),
                    )
                    .help("add a column headed 期间 (or period) holding each row's month, such as 2026-03"),
                );
            }
            None => {
                if let Some(effective) = self.cards[0].stamp.effective {
                    warnings.push(
                        DataWarning::new(
                            DataWarningKind::PeriodNotChecked,
                            &file,
                            source.header_location(),
                            format!(
                                "the card is in force {effective}, but the data has no period column, so no row was checked against those dates"
                            ),
                        )
                        .with_help(Some("add a column headed 期间 (or period) holding each row's month, such as 2026-03".into())),
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
                        DataError::new(kind, &file, at, message)
                            .column(header.clone())
                            .value(cell)
                    };
                    if cell.is_empty() {
                        errors.push(
                            error(DataErrorKind::BadPeriod, "the period is blank".into())
                                .help(PERIOD_HELP),
                        );
                        continue;
                    }
                    match parse_period(cell).map(|p| self.pick(&p)) {
                        Ok(Ok(version)) => records[version].push(Ok(record)),
                        Ok(Err(message)) => errors.push(error(DataErrorKind::NoVersion, message)),
                        Err(message) => {
                            errors.push(error(DataErrorKind::BadPeriod, message).help(PERIOD_HELP))
                        }
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
    match &card.stamp.version {
        Some(v) => format!("version {v}"),
        None => format!("`{}`", card.source.name),
    }
}
