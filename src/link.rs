//! One card's results feeding another card's input: the callback
//! specialist's monthly score (S1) is the "个人月度考核分数%" of their pay (S3).
//!
//! The pay card declares the figure as an ordinary input
//! (`input 月度考核分数 number range 0..100`), so it stays checkable and can
//! be typed into a column. A [`Link`] feeds it from another card's run
//! instead, joined by employee id:
//!
//! ```text
//! scorecard eval rules/cs_specialist_pay.card pay.csv \
//!     --from 月度考核分数=rules/callback_specialist.card:total,s1.csv
//! ```
//!
//! The key is `total` or the name of an item, section, bonus/penalty block,
//! band or output of the other card; its kind must be the input's. An
//! employee with no result there, a value outside the input's range, or a
//! data file that also has the column is an error for that row, never a zero.

use crate::check::CheckedCard;
use crate::data::{self, Row};
use crate::eval::ScoreResult;
use crate::value::{format_value, Type, Value};
use std::collections::HashMap;
use std::fmt;
use std::path::Path;
use std::str::FromStr;

/// `INPUT=CARD:KEY,DATA`
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The input of the card being evaluated.
    pub input: String,
    /// The card whose result feeds it, and the data that card scores.
    pub card: String,
    pub key: String,
    pub data: String,
}

impl FromStr for Link {
    type Err = String;

    fn from_str(text: &str) -> Result<Link, String> {
        let usage = || {
            format!("`{text}` should read INPUT=CARD:KEY,DATA, e.g. 月度考核分数=rules/callback_specialist.card:total,s1.csv")
        };
        let (input, rest) = text.split_once('=').ok_or_else(usage)?;
        let (source, data) = rest.rsplit_once(',').ok_or_else(usage)?;
        let (card, key) = source.rsplit_once(':').ok_or_else(usage)?;
        let link = Link {
            input: input.trim().to_string(),
            card: card.trim().to_string(),
            key: key.trim().to_string(),
            data: data.trim().to_string(),
        };
        if [&link.input, &link.card, &link.key, &link.data]
            .iter()
            .any(|s| s.is_empty())
        {
            return Err(usage());
        }
        Ok(link)
    }
}

impl fmt::Display for Link {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}={}:{},{}", self.input, self.card, self.key, self.data)
    }
}

/// The values a link feeds, by employee id, checked against the input they feed.
#[derive(Debug, Clone)]
pub struct Feed {
    pub link: Link,
    /// Index into the fed card's inputs.
    pub input: usize,
    pub values: HashMap<String, Value>,
}

/// Scores the link's card on its data and keeps the key's value per employee.
/// `Err` is one plain sentence (or several lines) saying what went wrong.
pub fn resolve(card: &CheckedCard, link: &Link) -> Result<Feed, String> {
    let input = card
        .input_index(&link.input)
        .ok_or_else(|| format!("`{}` is not an input of {}", link.input, card.source.name))?;
    let upstream = crate::load(Path::new(&link.card)).map_err(|d| {
        format!(
            "{} does not check:\n{}",
            link.card,
            crate::diagnostic::render::human_all(&d, false)
        )
    })?;
    let upstream = upstream.card;
    let ty = key_type(&upstream, &link.key).ok_or_else(|| {
        format!(
            "{} has no `{}`: use total, or an item, section, block, band or output name",
            link.card, link.key
        )
    })?;
    let want = card.inputs[input].ty.value_type();
    if ty != want {
        return Err(format!(
            "`{}` of {} is {ty}, but input `{}` takes {want}",
            link.key, link.card, link.input
        ));
    }
    let set = data::read_path(&upstream, Path::new(&link.data));
    let mut problems: Vec<String> = set.errors.iter().map(|e| e.to_string()).collect();
    let (results, failures) = crate::eval::evaluate_all(&upstream, &set.rows);
    problems.extend(failures.iter().map(|f| {
        format!(
            "{}:{} ({}): {}",
            link.data, f.line, f.employee.id, f.error.message
        )
    }));
    if !problems.is_empty() {
        return Err(format!(
            "the results that feed `{}` have problems:\n{}",
            link.input,
            problems.join("\n")
        ));
    }
    let values = results
        .iter()
        .filter_map(|r| Some((r.employee.id.clone(), value_of(&upstream, r, &link.key)?)))
        .collect();
    Ok(Feed {
        link: link.clone(),
        input,
        values,
    })
}

/// A copy of `card` for reading data: inputs that feeds fill are optional,
/// so the data file need not have their columns.
pub fn reading_card(card: &CheckedCard, feeds: &[Feed]) -> CheckedCard {
    let mut reading = card.clone();
    for feed in feeds {
        let input = &mut reading.inputs[feed.input];
        input.optional = true;
        input.default = None;
    }
    reading
}

/// Fills each fed input of each row. Rows that cannot be fed are taken out
/// and described, one line each, as `data.csv:5 (E003): …`.
pub fn apply(card: &CheckedCard, rows: &mut Vec<Row>, feeds: &[Feed], data: &str) -> Vec<String> {
    let mut problems = Vec::new();
    rows.retain_mut(|row| {
        let mut ok = true;
        for feed in feeds {
            let input = &card.inputs[feed.input];
            let here = format!("{data}:{} ({})", row.line, row.employee.id);
            if row.values[feed.input] != Value::Missing {
                problems.push(format!(
                    "{here}: `{}` is both a column of the data and fed by --from {}; keep one",
                    input.name, feed.link
                ));
                ok = false;
                continue;
            }
            let Some(value) = feed.values.get(&row.employee.id) else {
                problems.push(format!(
                    "{here}: no result for this employee in {} (scored by {}), so `{}` is unknown",
                    feed.link.data, feed.link.card, input.name
                ));
                ok = false;
                continue;
            };
            if let (Some((low, high)), Value::Num(n)) = (input.range, value) {
                if *n < low || *n > high {
                    let ty = input.ty.value_type();
                    problems.push(format!(
                        "{here}: {} gives `{}` {}, outside its range {}..{}",
                        feed.link.card,
                        input.name,
                        format_value(value, ty),
                        format_value(&Value::Num(low), ty),
                        format_value(&Value::Num(high), ty)
                    ));
                    ok = false;
                    continue;
                }
            }
            row.values[feed.input] = value.clone();
        }
        ok
    });
    problems
}

/// The kind of value `key` names in `card`.
pub fn key_type(card: &CheckedCard, key: &str) -> Option<Type> {
    card.key_type(key)
}

/// The value of `key` in one result: the total, a score, or a band or output.
pub fn value_of(card: &CheckedCard, result: &ScoreResult, key: &str) -> Option<Value> {
    result.value_of(card, key).map(|(value, _)| value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_reads_input_card_key_and_data() {
        let link: Link = "月度考核分数=rules/callback_specialist.card:total,data/s1.csv"
            .parse()
            .unwrap();
        assert_eq!(link.input, "月度考核分数");
        assert_eq!(link.card, "rules/callback_specialist.card");
        assert_eq!(link.key, "total");
        assert_eq!(link.data, "data/s1.csv");
        assert_eq!(
            link.to_string(),
            "月度考核分数=rules/callback_specialist.card:total,data/s1.csv"
        );
    }

    #[test]
    fn a_link_missing_a_part_is_refused() {
        for text in [
            "月度考核分数",
            "a=b.card,data.csv",
            "a=b.card:total",
            "=b.card:total,d.csv",
        ] {
            let error = text.parse::<Link>().unwrap_err();
            assert!(error.contains("INPUT=CARD:KEY,DATA"), "{text}: {error}");
        }
    }
}
