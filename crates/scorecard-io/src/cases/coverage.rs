//! Coverage: which tier rows and deductions the cases reach, and which none does.
//!
//! A tier row counts when some case's row fell on it (item tier tables, the
//! grade table and bands); a deduction (`minus N per X` in an item, a line of
//! a bonus or penalty block) counts when some case had at least one occurrence.

use crate::check::model::{BaseRule, DerivedRule};
use crate::check::CheckedCard;
use crate::eval::result::BaseTrace;
use crate::eval::ScoreResult;
use crate::source::Span;
use crate::t;

/// A rule that may or may not be reached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    /// What it belongs to, in the card's words: an item, `grade`, a band or block.
    pub owner: String,
    /// The rule as written in the card, on one line.
    pub rule: String,
    /// Its line in the card.
    pub line: usize,
    pub reached: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coverage {
    pub tier_rows: Vec<Point>,
    pub deductions: Vec<Point>,
}

impl Coverage {
    /// What `results` (from any number of cases) reach on `card`.
    pub fn of<'r>(
        card: &CheckedCard,
        results: impl IntoIterator<Item = &'r ScoreResult>,
    ) -> Coverage {
        let results: Vec<&ScoreResult> = results.into_iter().collect();
        let point = |owner: &str, span: Span, reached: bool| Point {
            owner: owner.to_string(),
            rule: card
                .source()
                .slice(span)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            line: card.source().line_col(span.start).0,
            reached,
        };
        let mut coverage = Coverage::default();
        for (i, item) in card.items().iter().enumerate() {
            if let Some(BaseRule::Tiers(table)) = &item.base {
                for (r, row) in table.rows.iter().enumerate() {
                    let reached = results.iter().any(
                        |res| matches!(res.traced().items[i].base, BaseTrace::Tier { row, .. } if row == r),
                    );
                    coverage
                        .tier_rows
                        .push(point(item.display_name(), row.span, reached));
                }
            }
            for (d, rule) in item.deductions.iter().enumerate() {
                let reached = results
                    .iter()
                    .any(|res| !res.traced().items[i].deductions[d].count.is_zero());
                coverage
                    .deductions
                    .push(point(item.display_name(), rule.span, reached));
            }
        }
        for (a, block) in card.adjustments().iter().enumerate() {
            for (l, line) in block.lines.iter().enumerate() {
                let reached = results
                    .iter()
                    .any(|res| !res.traced().adjustments[a].lines[l].count.is_zero());
                coverage
                    .deductions
                    .push(point(block.display_name(), line.span, reached));
            }
        }
        if let Some(grade) = &card.grade() {
            for (r, row) in grade.rows.iter().enumerate() {
                let reached = results.iter().any(|res| res.scores.grade == Some(r));
                coverage.tier_rows.push(point("grade", row.span, reached));
            }
        }
        for (d, derived) in card.derived().iter().enumerate() {
            if let DerivedRule::Band(table) = &derived.rule {
                for (r, row) in table.rows.iter().enumerate() {
                    let reached = results
                        .iter()
                        .any(|res| res.traced().derived_rows[d] == Some(r));
                    coverage
                        .tier_rows
                        .push(point(derived.display_name(), row.span, reached));
                }
            }
        }
        coverage.tier_rows.sort_by_key(|p| p.line);
        coverage.deductions.sort_by_key(|p| p.line);
        coverage
    }

    /// The points no case reached, in card order.
    pub fn missed(&self) -> Vec<&Point> {
        let mut missed: Vec<&Point> = self
            .tier_rows
            .iter()
            .chain(&self.deductions)
            .filter(|p| !p.reached)
            .collect();
        missed.sort_by_key(|p| p.line);
        missed
    }

    /// `13 of 13 tier rows and 11 of 11 deductions`
    pub fn summary(&self) -> String {
        let count = |points: &[Point]| points.iter().filter(|p| p.reached).count();
        t!(
            "cases-coverage",
            tiers = count(&self.tier_rows),
            tiers_all = self.tier_rows.len(),
            deductions = count(&self.deductions),
            deductions_all = self.deductions.len()
        )
    }
}
