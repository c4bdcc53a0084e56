//! Comparing and adding up decimals on the hot path.
//!
//! `Decimal`'s own operations are exact for any values but go through calls
//! and rescaling checks. On a card nearly every comparison and sum is of
//! values of one scale (whole points with whole points, 98% with 95%), and
//! most are small (a mantissa under 2^32): then the mantissas alone decide,
//! in plain integers. These paths fall back to `Decimal`'s own otherwise, so
//! the result is always exactly `Decimal`'s, to the bit (scale and sign of
//! zero included; the tests below hold them to it).

use rust_decimal::Decimal;
use std::cmp::Ordering;

/// A decimal whose mantissa is under 2^32: its signed mantissa and scale.
#[derive(Clone, Copy)]
struct Small {
    mantissa: i64,
    scale: u32,
}

impl Small {
    #[inline(always)]
    fn of(value: &Decimal) -> Option<Small> {
        let bytes = value.serialize();
        let word = |at: usize| {
            u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
        };
        // Bytes: flags (sign in bit 31, scale in bits 16–23), lo, mid, hi.
        if word(8) | word(12) != 0 {
            return None;
        }
        let flags = word(0);
        let magnitude = i64::from(word(4));
        Some(Small {
            mantissa: if flags >> 31 == 1 {
                -magnitude
            } else {
                magnitude
            },
            scale: (flags >> 16) & 0xFF,
        })
    }
}

/// A non-zero `i128` mantissa at `scale` as a `Decimal`, if it fits.
#[inline]
fn decimal(mantissa: i128, scale: u32) -> Option<Decimal> {
    Decimal::try_from_i128_with_scale(mantissa, scale).ok()
}

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
    small_sum(values).or_else(|| wide_sum(values, first.scale()))
}

/// Adding small values of one scale: the sum of their mantissas (a zero sum
/// added the slow way, for `Decimal`'s sign rules: 0 + -0 is -0). `None`
/// for a value that is not small, or of another scale.
#[inline]
fn small_sum(values: &[Decimal]) -> Option<Decimal> {
    let first = Small::of(values.first()?)?;
    let mut total: i64 = 0;
    for value in values {
        let value = Small::of(value)?;
        if value.scale != first.scale {
            return None;
        }
        // No card has the 2^31 values it would take to overflow an i64.
        total += value.mantissa;
    }
    // Small values cannot overflow: this is only for the sign of zero.
    if total == 0 {
        return sum_slowly(values);
    }
    decimal(i128::from(total), first.scale)
}

/// The sum through `i128` mantissas, for values of one scale of any size.
fn wide_sum(values: &[Decimal], scale: u32) -> Option<Decimal> {
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
    decimal(mantissas, scale).or_else(|| sum_slowly(values))
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
        for mantissa in [
            0i64,
            1,
            -1,
            5,
            98,
            -98,
            950,
            1_000_000,
            // Either side of the small sum's bound (a mantissa under 2^32).
            u32::MAX as i64,
            -(u32::MAX as i64),
            1 << 32,
            i64::MAX,
            i64::MIN,
        ] {
            for scale in [0, 1, 2, 3, 10, 18, 19, 27, 28] {
                values.push(Decimal::new(mantissa, scale));
            }
        }
        values.push(Decimal::MAX);
        values.push(Decimal::MIN);
        values.push(-Decimal::ZERO);
        values.push(-Decimal::new(0, 2));
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

    /// Sums that cancel to zero part way, with zeros of several scales:
    /// `Decimal` drops a zero operand's scale, so order matters.
    #[test]
    fn sums_through_zero_are_decimals_own() {
        let small: Vec<Decimal> = ["0", "0.0", "-0.00", "1", "-1", "1.0", "-1.0", "0.5", "2.25"]
            .iter()
            .map(|t| t.parse().expect("decimal"))
            .collect();
        let mut lists = vec![Vec::new()];
        for _ in 0..4 {
            lists = lists
                .into_iter()
                .flat_map(|list: Vec<Decimal>| {
                    small.iter().map(move |&v| [list.clone(), vec![v]].concat())
                })
                .collect();
            for list in &lists {
                let theirs = list
                    .iter()
                    .try_fold(Decimal::ZERO, |acc, v| acc.checked_add(*v));
                assert_eq!(
                    sum(list).map(|d| d.serialize()),
                    theirs.map(|d| d.serialize()),
                    "{list:?}"
                );
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
