//! The row stage on every core: the core scores rows one by one; here a
//! batch of rows is shared out with rayon, results kept in input order.

use crate::check::CheckedCard;
use crate::eval::{EvalError, RowFailure, RowMap, ScoreResult};
use crate::row::Row;
use rayon::prelude::*;

/// Goes over a batch of rows on every core (rayon's pool), in order.
#[derive(Debug, Clone, Copy, Default)]
pub struct EveryCore;

impl RowMap for EveryCore {
    fn map(
        &self,
        rows: &[Row],
        score: &(dyn Fn(&Row) -> Result<ScoreResult, EvalError> + Sync),
    ) -> Vec<Result<ScoreResult, EvalError>> {
        rows.par_iter().map(score).collect()
    }
}

/// [`eval::evaluate_all`](crate::eval::evaluate_all) on every core: the same
/// results and failures, in the same order.
pub fn evaluate_all(card: &CheckedCard, rows: &[Row]) -> (Vec<ScoreResult>, Vec<RowFailure>) {
    crate::eval::evaluate_all_with(card, rows, true, &mut |_| {}, &EveryCore)
}
