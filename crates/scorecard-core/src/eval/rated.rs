//! Combining raters' ratings of an item.
//!
//! A blank rating means the rater did not rate; such a rater is left out
//! entirely, so no rule ever divides by a rater who did not rate. With no
//! rating at all the row cannot be scored.

use super::error::{EvalError, EvalErrorKind};
use super::expr::Frame;
use crate::check::model::{Combine, Rated, RaterSlot};
use crate::t;
use crate::value::Value;
use rust_decimal::{Decimal, RoundingStrategy};

/// What this rater gave the item; `None`: did not rate.
pub fn rating(slot: &RaterSlot, frame: &Frame) -> Option<Decimal> {
    match &frame.inputs[slot.input] {
        Value::Num(d) => Some(*d),
        _ => None,
    }
}

/// The combined rating, and whether it took rounding to 0.01.
pub fn combine(rated: &Rated, frame: &Frame) -> Result<(Decimal, bool), EvalError> {
    // One pass over the raters who rated, with nothing allocated.
    let (mut last, mut count, mut sum) = (None, 0u32, Decimal::ZERO);
    let (mut weighted, mut weights) = (Decimal::ZERO, Decimal::ZERO);
    for slot in &rated.raters {
        let Some(r) = rating(slot, frame) else {
            continue;
        };
        last = Some(r);
        match rated.combine {
            Combine::Override => {}
            Combine::Mean => {
                count += 1;
                sum += r;
            }
            Combine::Weighted => {
                let weight = slot.weight.unwrap_or_default();
                weighted += r * weight;
                weights += weight;
            }
        }
    }
    let Some(last) = last else {
        let names: Vec<&str> = rated.raters.iter().map(|r| r.name.as_str()).collect();
        return Err(EvalError::at(
            rated.span,
            EvalErrorKind::MissingInput,
            t!("eval-no-rating", raters = names.join(&t!("data-list-sep"))),
        ));
    };
    let exact = match rated.combine {
        Combine::Override => last,
        Combine::Mean => sum / Decimal::from(count),
        // The checker holds every weight above 0%, so `weights` is never zero.
        Combine::Weighted => weighted.checked_div(weights).ok_or_else(|| {
            EvalError::at(
                rated.span,
                EvalErrorKind::DivisionByZero,
                t!("eval-weights-zero"),
            )
        })?,
    };
    // A mean of three ratings can repeat forever; points are kept to 0.01 (四舍五入).
    if exact.scale() <= 2 {
        return Ok((exact, false));
    }
    let value = exact.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    Ok((value, value != exact))
}

#[cfg(test)]
mod tests {
    use crate::source::SourceFile;
    use crate::{
        cell::parse_cell,
        row::{Employee, Row},
    };

    const CARD: &str = r#"scorecard t {
        total 10
        rater 自评
        rater 经理
        section s weight 10 {
            item 态度 10 { rated by 自评, 经理 combine mean }
        }
    }"#;

    fn score(self_rating: &str, manager: &str) -> Result<String, String> {
        let card = crate::compile(&SourceFile::new("t.card", CARD))
            .expect("card checks")
            .card;
        let values = [self_rating, manager]
            .iter()
            .zip(&card.inputs)
            .map(|(cell, input)| parse_cell(cell, input).map_err(|p| p.message))
            .collect::<Result<Vec<_>, _>>()?;
        let row = Row {
            line: 1,
            employee: Employee::default(),
            values,
        };
        crate::evaluate(&card, &row)
            .map(|r| crate::value::format_decimal(r.scores.total))
            .map_err(|e| e.to_string())
    }

    #[test]
    fn a_blank_rating_is_left_out_not_read_as_zero() {
        assert_eq!(score("9", "").unwrap(), "9");
        assert_eq!(score("9", "0").unwrap(), "4.5");
    }

    #[test]
    fn with_no_rating_at_all_the_row_is_not_scored() {
        assert_eq!(
            score("", "").unwrap_err(),
            "no rater rated this item (自评, 经理 left blank)"
        );
    }

    #[test]
    fn a_rating_above_the_items_points_is_a_bad_cell() {
        let problem = score("11", "").unwrap_err();
        assert!(problem.contains("outside the range 0 to 10"), "{problem}");
    }
}
