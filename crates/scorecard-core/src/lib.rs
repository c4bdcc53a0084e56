//! scorecard-core: the rules language of scorecard — a card's text parsed,
//! its bases applied, checked, and one employee's row scored.
//!
//! ```text
//! card text ──syntax::parse──▶ ast::Card ──resolve──▶ Resolved ──check──▶ Checked
//!                              (extends "…" read through a Loader)     (CheckedCard)
//! Row (inputs bound to the card) ──eval::evaluate(&CheckedCard, &Row)──▶ ScoreResult
//! ```
//!
//! The core reads no file itself: a card's bases come through a
//! [`Loader`] and its hook scripts through a
//! [`HookFiles`](hooks::HookFiles); reading data files, reports, manifests
//! and the month's run are `scorecard-io`'s.
//!
//! # Embedding: one card, one employee
//!
//! A service (or a browser front end) that holds a card's text and one
//! employee's cells — as HR typed them, `96%`, `2`, or blank — compiles the
//! card once, reads each cell for its input, and scores the row:
//!
//! ```
//! use scorecard_core::{cell, compile, eval, Employee, Row, SourceFile};
//! use std::collections::HashMap;
//!
//! let card_text = r#"
//! scorecard 回访专员 "客服回访专员绩效考核表" {
//!     total 10
//!     input 反馈及时率   percent "客户意见反馈及时率"
//!     input 日报迟报次数 count   "日报迟报次数" default 0
//!     section 信息反馈 weight 10 {
//!         item 客户信息及建议 6 {
//!             by 反馈及时率 {
//!                 >= 98% : full
//!                 >= 95% : minus 1
//!                 else   : 0
//!             }
//!         }
//!         item 按时反馈 4 {
//!             minus 1 per 日报迟报次数 "日报迟报"
//!         }
//!     }
//! }"#;
//! // Every problem in the card comes back at once, with spans into its text.
//! let checked = compile(&SourceFile::new("回访专员.card", card_text))
//!     .unwrap_or_else(|problems| panic!("{} problems in the card", problems.0.len()));
//! let card = checked.card();
//!
//! // One employee's cells, by input name; a cell left out is blank.
//! let cells: HashMap<&str, &str> = HashMap::from([("反馈及时率", "96%"), ("日报迟报次数", "2")]);
//! let mut values = Vec::with_capacity(card.inputs().len());
//! for input in card.inputs() {
//!     let text = cells.get(input.name.as_str()).copied().unwrap_or("");
//!     // A blank cell takes the input's declared default; a cell that does
//!     // not read (or is out of range) is refused with a sentence for HR.
//!     match cell::parse_cell(text, input) {
//!         Ok(value) => values.push(value),
//!         Err(problem) => panic!("{}: {}", input.display_name(), problem.message),
//!     }
//! }
//! let row = Row {
//!     line: 1,
//!     employee: Employee { id: "E001".into(), ..Employee::default() },
//!     values,
//! };
//!
//! let result = eval::evaluate(card, &row).expect("the row scores");
//! // 96% is one point off 客户信息及建议 (5 of 6); two late reports, two
//! // points off 按时反馈 (2 of 4).
//! assert_eq!(result.scores.items, [5.into(), 2.into()]);
//! assert_eq!(result.scores.total, 7.into());
//! // The trace says why, in the card's own words (tier row, deductions).
//! assert!(result.trace.is_some());
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod cell;
pub mod check;
pub mod days;
pub mod diagnostic;
pub mod eval;
pub mod hooks;
pub mod i18n;
pub mod period;
pub mod resolve;
pub mod row;
pub mod source;
pub mod stamp;
pub mod suggest;
pub mod syntax;
#[cfg(any(test, feature = "testing"))]
#[doc(hidden)]
pub mod testing;
pub mod value;

pub use check::{Checked, CheckedCard};
pub use diagnostic::{Diagnostic, Diagnostics};
pub use eval::{evaluate, EvalError, ScoreResult};
pub use resolve::Loader;
pub use row::{Employee, Row};
pub use source::SourceFile;

use std::sync::Arc;

/// Parses and checks one card's text: the usual way in for programs and tests.
/// A card that `extends` another needs its base found: use [`compile_with`]
/// (or `scorecard_io::compile_file` for a card on disk).
///
/// ```
/// let source = scorecard_core::SourceFile::new("a.card", "scorecard 示例 { total 10 input 完成率 percent section 甲 weight 10 { item 完成 10 { full if 完成率 >= 90% else 0 } } }");
/// match scorecard_core::compile(&source) {
///     Ok(checked) => assert_eq!(checked.card().inputs().len(), 1),
///     Err(diagnostics) => panic!("{} problems", diagnostics.0.len()),
/// }
/// ```
pub fn compile(source: &Arc<SourceFile>) -> Result<Checked, Diagnostics> {
    compile_with(source, &resolve::NoLoader, &hooks::NoHookFiles)
}

/// Parses a card, finds every card it extends with `loader`, applies the
/// overrides, reads its hook scripts from `hooks`, and checks the result as a whole.
pub fn compile_with(
    source: &Arc<SourceFile>,
    loader: &dyn Loader,
    hooks: &dyn hooks::HookFiles,
) -> Result<Checked, Diagnostics> {
    let resolved = resolve::resolve(source, loader)?;
    resolve::check_with(&resolved, hooks)
}
