//! Case files: examples a reviewer can read that lock a card's behaviour down.
//!
//! A case file sits next to its card (`rules/callback_specialist.cases.toml`
//! for `rules/callback_specialist.card`) and holds cases: an employee's
//! month of figures and the results worked out by hand from the policy.
//!
//! ```text
//! card = "callback_specialist.card"   # optional: the card with the same stem
//!
//! [defaults]                           # what every row holds unless it says otherwise
//! "反馈及时率" = "100%"
//!
//! [[case]]
//! name = "反馈及时率 96%: 扣1分"
//! row = { "工号" = "C01", "反馈及时率" = "96%" }
//! expect = { total = 99, grade = "优秀", "客户信息及建议" = 4 }
//! ```
//!
//! (TOML wants keys that are not plain ASCII in quotes.)
//!
//! `expect` needs `total`; any other key is `grade`, `sections_total`, or an
//! item, section, bonus/penalty block, band or output, by name or label.
//! A case may hold several rows (`rows = [{…}, {…}]`), its `expect` then
//! keyed by employee id (`expect.C01 = { total = 99 }`).
//! A case whose row names a column the card does not have is broken, not
//! passed: it would not test what it says.
//!
//! [`run`] scores every case ([`CaseResult`]), [`Coverage`] tells which tier
//! rows and deductions no case reaches, and [`snapshot`] records each case's
//! whole explanation so a later run shows what moved.

mod coverage;
mod file;
mod run;
pub mod snapshot;

pub use coverage::{Coverage, Point};
pub use file::{card_for, CaseFile, CaseFileError, CaseFileErrorKind, CaseSpec, Expect, RowSpec};
pub use run::{run, CaseResult, Mismatch, Outcome};

#[cfg(test)]
mod tests;
