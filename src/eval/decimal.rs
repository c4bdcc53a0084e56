//! Comparing and adding up decimals on the hot path.
//!
//! `Decimal`'s own operations are exact for any values but go through calls
//! and rescaling checks. On a card nearly every comparison and sum is of
//! values of one scale (whole points with whole points, 98% with 95%), and
//! then the mantissas alone decide: these paths are a few inlined
//! instructions, and fall back to `Decimal`'s own otherwise, so the result
//! is always exactly `Decimal`'s.

use rust_decimal::Decimal;
use std::cmp::Ordering;

#[inline]
pub fn cmp(a: Decimal, b: Decimal) -> Ordering {
    if a.scale() == b.scale() {
        a.mantissa().cmp(&b.mantissa())
    } else {
        a.cmp(&b)
    }
}

/// The sum of `values`, exactly as adding them one by one with `Decimal`
/// gives it; `None` when it is too large to represent.
pub fn sum(values: &[Decimal]) -> Option<Decimal> {
    let Some(first) = values.first() else {
        return Some(Decimal::ZERO);
    };
    let scale = first.scale();
    // Mantissas are under 2^96 each: no card has the 2^31 values it
    // would take to overflow an i128.
    let mut mantissas: i128 = 0;
    for value in values {
        if value.scale() != scale {
            return sum_slowly(values);
        }
        mantissas += value.mantissa();
    }
    // A zero sum keeps `Decimal`'s own sign rules (0 + -0 is -0).
    if mantissas == 0 {
        return sum_slowly(values);
    }
    Decimal::try_from_i128_with_scale(mantissas, scale)
        .ok()
        .or_else(|| sum_slowly(values))
}

#[cold]
fn sum_slowly(values: &[Decimal]) -> Option<Decimal> {
    values
        .iter()
        .try_fold(Decimal::ZERO, |acc, value| acc.checked_add(*value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values() -> Vec<Decimal> {
        let mut values = Vec::new();
        for mantissa in [0i64, 1, -1, 5, 98, -98, 950, 1_000_000, i64::MAX, i64::MIN] {
            for scale in [0, 1, 2, 3, 10, 28] {
                values.push(Decimal::new(mantissa, scale));
            }
        }
        values.push(Decimal::MAX);
        values.push(Decimal::MIN);
        values.push(-Decimal::ZERO);
        values.push(Decimal::new(-5, 2));
        values.push(Decimal::new(5, 2));
        values
    }

    #[test]
    fn ordering_agrees_with_decimal_on_every_pair() {
        let values = values();
        for &a in &values {
            for &b in &values {
                assert_eq!(cmp(a, b), a.cmp(&b), "{a} vs {b}");
            }
        }
    }

    #[test]
    fn sums_are_decimals_own_bit_for_bit() {
        let values = values();
        let mut lists: Vec<Vec<Decimal>> = vec![vec![]];
        for &a in &values {
            lists.push(vec![a]);
            for &b in &values {
                lists.push(vec![a, b]);
                lists.push(vec![a, b, a]);
            }
        }
        for list in lists {
            let theirs = list
                .iter()
                .try_fold(Decimal::ZERO, |acc, v| acc.checked_add(*v));
            let ours = sum(&list);
            assert_eq!(
                ours.map(|d| d.serialize()),
                theirs.map(|d| d.serialize()),
                "{list:?}"
            );
        }
    }
}
