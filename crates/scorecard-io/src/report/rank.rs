//! Ranks of the totals within one set of results, for the workbook's summary
//! sheet and the HTML report.
//!
//! 1 is the best total; equal totals share a rank and the next rank skips
//! (84, 80, 80, 75 rank 1, 2, 2, 4), as Excel's `RANK` and most pay tables do.
//! This is the rank within the file being reported; ranking across stores,
//! brands or periods belongs to the card, not to a report.

use crate::eval::ScoreResult;

/// One rank per result, in the results' order.
pub fn ranks(results: &[ScoreResult]) -> Vec<usize> {
    let mut totals: Vec<_> = results.iter().map(|r| r.scores.total).collect();
    totals.sort_unstable_by(|a, b| b.cmp(a));
    // A rank is one more than the number of totals strictly above it.
    results
        .iter()
        .map(|r| 1 + totals.partition_point(|t| *t > r.scores.total))
        .collect()
}
