//! What a run found besides the results: problems that keep rows from being
//! scored, warnings, notes on what nobody stated, and the verdict.

use crate::check::CheckedCard;
use crate::data::{DataProblem, TextEncoding};
use crate::eval::RowFailure;
use crate::period::Skipped;
use crate::t;
use std::fmt;
use std::sync::Arc;

/// A problem that keeps a row (or a whole file) from being scored.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// Reading, routing, choosing a version, joining files: a bad cell, a
    /// header, a row no card scores …
    Data(DataProblem),
    /// An input another card's or step's result should feed could not be:
    /// `data.csv:5 (E003): no result …`.
    Feed {
        file: Arc<str>,
        line: usize,
        id: String,
        message: String,
    },
    /// Monthly rows that could not be rolled up: `data.csv:5,9 (E003): …`.
    RollUp {
        file: Arc<str>,
        lines: Vec<usize>,
        id: String,
        message: String,
    },
    /// A row read well but could not be scored (a division by zero, a hook
    /// that threw), with the rule that failed.
    Failed {
        file: Arc<str>,
        failure: RowFailure,
        /// `rules/x.card:12:5 `解决 / 受理``: where in the card.
        rule: Option<String>,
    },
    /// The rows need a flag the command line did not give (monthly rows on
    /// a quarterly card without `--rollup`). Stops the run.
    Usage {
        file: Arc<str>,
        line: usize,
        message: String,
        help: String,
    },
}

impl Problem {
    /// A row that failed to score, with the card's rule that failed.
    pub fn failed(card: &CheckedCard, file: &Arc<str>, failure: RowFailure) -> Problem {
        let rule = failure.error.span().map(|span| {
            // A card that extends another: the rule may be in a base card.
            let (part, _) = card.source().locate(span.start);
            let (line, column) = card.source().line_col(span.start);
            let text = card.source().slice(span).lines().next().unwrap_or("");
            format!("{}:{line}:{column} `{text}`", part.name)
        });
        Problem::Failed {
            file: file.clone(),
            failure,
            rule,
        }
    }

    /// The line (or record) of the row, if the problem is a row's.
    pub fn line(&self) -> Option<usize> {
        match self {
            Problem::Data(e) => e.location.number(),
            Problem::Feed { line, .. } | Problem::Usage { line, .. } => Some(*line),
            Problem::RollUp { lines, .. } => lines.first().copied(),
            Problem::Failed { failure, .. } => Some(failure.line),
        }
    }

    /// The file (or workbook sheet) the problem is in.
    pub fn file(&self) -> &str {
        match self {
            Problem::Data(e) => &e.file,
            Problem::Feed { file, .. }
            | Problem::RollUp { file, .. }
            | Problem::Failed { file, .. }
            | Problem::Usage { file, .. } => file,
        }
    }

    pub fn is_usage(&self) -> bool {
        matches!(self, Problem::Usage { .. })
    }

    /// The order problems are told in: data problems by row, then inputs
    /// that could not be fed, then rows that failed, by row.
    pub(crate) fn order(&self) -> (u8, Option<usize>) {
        match self {
            Problem::Usage { .. } | Problem::Data(_) => (0, self.line()),
            Problem::Feed { .. } => (1, None),
            Problem::RollUp { .. } | Problem::Failed { .. } => (2, self.line()),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Data(e) => e.fmt(f),
            Problem::Feed {
                file,
                line,
                id,
                message,
            } => write!(
                f,
                "{}{}{}{message}",
                t!("data-place-line", file = &**file, n = *line),
                t!("run-who", id = id),
                t!("data-place-sep")
            ),
            Problem::RollUp {
                file,
                lines,
                id,
                message,
            } => {
                let lines: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
                write!(
                    f,
                    "{}{}{}{message}",
                    t!(
                        "data-place-line",
                        file = &**file,
                        n = lines.join(&t!("run-line-sep"))
                    ),
                    t!("run-who", id = id),
                    t!("data-place-sep")
                )
            }
            Problem::Failed {
                file,
                failure,
                rule,
            } => {
                let who = match &failure.employee.name {
                    Some(name) => format!("{} {name}", failure.employee.id),
                    None => failure.employee.id.clone(),
                };
                write!(
                    f,
                    "{}{}{}{}",
                    t!("data-place-line", file = &**file, n = failure.line),
                    t!("run-who", id = who),
                    t!("data-place-sep"),
                    failure.error
                )?;
                if let Some(rule) = rule {
                    f.write_str(&t!("run-failed-in", rule = rule))?;
                }
                Ok(())
            }
            Problem::Usage {
                file,
                line,
                message,
                help,
            } => write!(
                f,
                "{}{}{message}\n  {}",
                t!("data-place-line", file = &**file, n = *line),
                t!("data-place-sep"),
                t!("data-place-help", help = help)
            ),
        }
    }
}

/// Something worth saying that changes no number.
#[derive(Debug, Clone, PartialEq)]
pub enum Warning {
    Data(DataProblem),
    /// A sentence, already worded.
    Text(String),
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::Data(w) => w.fmt(f),
            Warning::Text(text) => f.write_str(text),
        }
    }
}

/// Something the run did that the person did not state: shown on stderr
/// and in every report, so no number changes silently.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    /// Inputs with a default have no column: every row takes the default.
    DefaultUsed {
        warning: DataProblem,
        /// The cards it is about, when several cards read the file.
        cards: Vec<String>,
    },
    /// A period the card's `partial` rule leaves out.
    Skipped { file: Arc<str>, skipped: Skipped },
    /// `--lenient` was given.
    Lenient,
    /// With `--lenient`: a row whose brand or store the rules do not know,
    /// scored by the card for its role without it.
    Fallback {
        file: Arc<str>,
        line: usize,
        what: &'static str,
        value: String,
        card: String,
    },
    /// Sheets of a workbook read a sheet per role that are named after no role.
    SheetsNotRead { file: Arc<str>, sheets: Vec<String> },
    /// A CSV file not in UTF-8 (Excel's plain "CSV" on a Chinese Windows
    /// saves GBK) was decoded from this encoding.
    Decoded {
        file: Arc<str>,
        encoding: TextEncoding,
    },
    /// Cards with money outputs that do not say how to round money: their
    /// amounts are reported rounded to the fen (see `CheckedCard::money`).
    MoneyRounded { cards: Vec<String> },
}

impl Note {
    /// The note for `source`'s text, if it was decoded from another encoding than UTF-8.
    pub(crate) fn decoded(file: &str, encoding: Option<TextEncoding>) -> Option<Note> {
        encoding.map(|encoding| Note::Decoded {
            file: Arc::from(file),
            encoding,
        })
    }
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Note::DefaultUsed { warning, cards } => {
                write!(f, "{warning}")?;
                match cards.as_slice() {
                    [] => Ok(()),
                    [one] => f.write_str(&t!("run-for-card", card = one)),
                    several => f.write_str(&t!(
                        "run-for-cards",
                        cards = several
                            .iter()
                            .map(|c| format!("`{c}`"))
                            .collect::<Vec<_>>()
                            .join(&t!("data-list-sep"))
                    )),
                }
            }
            Note::Skipped { file, skipped } => {
                let months: Vec<String> = skipped.months.iter().map(|m| m.to_string()).collect();
                f.write_str(&t!(
                    "run-note-skipped",
                    file = &**file,
                    id = &skipped.employee.id,
                    period = skipped
                        .employee
                        .period
                        .map(|p| p.to_string())
                        .unwrap_or_default(),
                    count = skipped.months.len(),
                    months = months.join(&t!("data-list-sep")),
                    minimum = skipped.minimum.to_string()
                ))
            }
            Note::Lenient => f.write_str(&t!("run-note-lenient")),
            Note::Fallback {
                file,
                line,
                what,
                value,
                card,
            } => f.write_str(&t!(
                "run-note-fallback",
                place = t!("data-place-line", file = &**file, n = *line),
                what = brand_or_store_word(what),
                value = value,
                card = card
            )),
            Note::SheetsNotRead { file, sheets } => {
                let list: Vec<String> = sheets.iter().map(|c| format!("`{c}`")).collect();
                f.write_str(&t!(
                    "run-note-sheets-not-read",
                    file = &**file,
                    count = list.len(),
                    sheets = list.join(&t!("data-list-sep"))
                ))
            }
            Note::Decoded { file, encoding } => f.write_str(&t!(
                "run-note-decoded",
                file = &**file,
                encoding = encoding.to_string()
            )),
            Note::MoneyRounded { cards } => {
                let names: Vec<String> = cards.iter().map(|c| format!("`{c}`")).collect();
                f.write_str(&crate::t!(
                    "note-money-rounded",
                    cards = names.join(", "),
                    count = cards.len()
                ))
            }
        }
    }
}

/// `brand` or `store` (as [`Note::Fallback`] and the manifest name them), in
/// the reader's language.
pub(crate) fn brand_or_store_word(what: &str) -> String {
    match what {
        "brand" => t!("run-brand"),
        "store" => t!("run-store"),
        other => other.to_string(),
    }
}

/// What the problems mean for the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// No problem: every row scored.
    Clean,
    /// `keep_going`: the good rows were scored, `rows` bad rows left out.
    LeftOut { rows: usize, scored: usize },
    /// Problems, so nothing is scored (no results, no report).
    Refused { problems: usize },
}

impl Verdict {
    /// Decides a run by its problems.
    pub(crate) fn of(problems: &[Problem], keep_going: bool, scored: usize) -> Verdict {
        if problems.is_empty() {
            return Verdict::Clean;
        }
        if !keep_going || problems.iter().any(Problem::is_usage) {
            return Verdict::Refused {
                problems: problems.len(),
            };
        }
        let mut rows: Vec<(String, Option<usize>)> = problems
            .iter()
            .map(|p| (p.file().to_string(), p.line()))
            .collect();
        rows.sort();
        rows.dedup();
        Verdict::LeftOut {
            rows: rows.len(),
            scored,
        }
    }

    /// Whether results may be shown.
    pub fn scores(&self) -> bool {
        !matches!(self, Verdict::Refused { .. })
    }
}

/// Puts problems in the order they are told (stable: a row's own problems
/// keep their order).
pub(crate) fn sort(problems: &mut [Problem]) {
    problems.sort_by_key(Problem::order);
}
