//! Periods: monthly rows rolled up to a card's quarter, half-year or year.
//!
//! ```text
//! monthly Rows ──roll_up(&CheckedCard)──▶ one Row per employee and period ──▶ eval
//! ```
//!
//! A card that rolls up declares its `period` (quarterly, half-yearly,
//! yearly), how each input adds up (`rollup sum | mean | last | all | any |
//! ratio(numerator, denominator)`, or its type's default) and what happens
//! to a period some months are missing from (`partial`). See [`roll_up`].

mod calendar;

pub use calendar::{Period, PeriodKind};
