//! `--from INPUT=RULES:KEY,DATA`: one card's (or rules directory's) results
//! feeding another card's input, for a one-off run: the callback
//! specialist's monthly score (S1) is the "个人月度考核分数%" of their pay (S3).
//!
//! ```text
//! scorecard eval rules/cs_specialist_pay.card pay.csv \
//!     --from 月度考核分数=rules/:total,s1.csv
//! ```
//!
//! This module parses the link; the run ([`crate::run`]) scores its card on
//! its data and feeds the input, as it feeds a manifest step's.

use crate::t;
use std::fmt;
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

/// A `--from` text that is not of the form `INPUT=CARD:KEY,DATA` (a part
/// missing or blank). `Display` says so, with an example.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct BadLink {
    text: String,
    message: String,
}

impl BadLink {
    /// The text as given.
    pub fn text(&self) -> &str {
        &self.text
    }
}

impl FromStr for Link {
    type Err = BadLink;

    fn from_str(text: &str) -> Result<Link, BadLink> {
        let usage = || BadLink {
            text: text.to_string(),
            message: t!("link-usage", text = text),
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
            assert_eq!(error.text(), text);
            assert!(
                error.to_string().contains("INPUT=CARD:KEY,DATA"),
                "{text}: {error}"
            );
        }
    }
}
