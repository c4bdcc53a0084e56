//! Kinds of figures: what multiplying and dividing give.
//!
//! A value's [`Type`] (a number, a percentage, money, yes/no) decides what it
//! may be added to or compared with, and how it prints. Plain numbers come
//! in three *measures*, which decide what `*` and `/` give:
//!
//! - a **count**: how many of something (a `count` or `days` input, a rank's
//!   place or group size, a hook declared `-> count`);
//! - a **ratio**: one figure over another of its own kind (count ÷ count,
//!   hours ÷ hours, money ÷ money, rate ÷ rate). It is a percentage where
//!   the card says so: compared with a percentage (`by 合格 / 台次 { >= 98% … }`),
//!   declared one (`output 合格率 percent = 合格 / 台次`), chosen beside one
//!   (`if 台次 = 0 then 100% else 合格 / 台次`) or passed where a hook takes one;
//!   anywhere else it is a plain number (`output 人均台次 = 台次 / 人数` prints 2.5);
//! - any other **number**: a score, a rating, hours, a coefficient.
//!
//! Dividing, row ÷ column (a plain constant divides without changing the kind:
//! `合格率 / 3` is still a rate):
//!
//! | ÷       | number | count  | ratio | percent | money |
//! |---------|--------|--------|-------|---------|-------|
//! | number  | ratio  | number | number| number  | —     |
//! | count   | number | ratio  | number| number  | —     |
//! | ratio   | ratio  | ratio  | ratio | ratio   | —     |
//! | percent | percent| percent|percent| ratio   | —     |
//! | money   | money  | money  | money | money   | ratio |
//!
//! `分数 / 次` (a number over a count) is a number, the mean per occurrence:
//! 90 / 3 is 30, never 3000%.
//!
//! Multiplying (either order; a plain constant keeps a count a count and
//! money money, and makes points of a rate: `5 * 完成率`):
//!
//! | ×       | number | count  | ratio  | percent | money |
//! |---------|--------|--------|--------|---------|-------|
//! | number  | number | number | number | number  | money |
//! | count   | number | count  | number | number  | money |
//! | ratio   | number | number | ratio  | percent | money |
//! | percent | number | number | percent| percent | money |
//! | money   | money  | money  | money  | money   | —     |

use crate::value::{Type, Unit};

/// What a plain number measures (see the module's documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    Number,
    Count,
    Ratio,
}

/// A number's kind: its type, with a plain number's measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Number,
    Count,
    Ratio,
    Percent,
    Money,
}

/// Arithmetic that gives no figure a card uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slip {
    MoneyTimesMoney,
    DivideByMoney,
}

impl Kind {
    #[cfg(test)]
    pub const ALL: [Kind; 5] = [
        Kind::Number,
        Kind::Count,
        Kind::Ratio,
        Kind::Percent,
        Kind::Money,
    ];

    /// The kind of a number of type `ty` (`None` for yes/no and text).
    pub fn of(ty: Type, measure: Measure) -> Option<Kind> {
        Some(match ty {
            Type::Num(Unit::Percent) => Kind::Percent,
            Type::Num(Unit::Money) => Kind::Money,
            Type::Num(Unit::Plain) => match measure {
                Measure::Number => Kind::Number,
                Measure::Count => Kind::Count,
                Measure::Ratio => Kind::Ratio,
            },
            Type::Bool | Type::Text => return None,
        })
    }

    pub fn ty(self) -> Type {
        match self {
            Kind::Number | Kind::Count | Kind::Ratio => Type::Num(Unit::Plain),
            Kind::Percent => Type::Num(Unit::Percent),
            Kind::Money => Type::Num(Unit::Money),
        }
    }

    pub fn measure(self) -> Measure {
        match self {
            Kind::Count => Measure::Count,
            Kind::Ratio => Measure::Ratio,
            _ => Measure::Number,
        }
    }

    /// The word for it in a test's table.
    #[cfg(test)]
    pub fn word(self) -> &'static str {
        match self {
            Kind::Number => "number",
            Kind::Count => "count",
            Kind::Ratio => "ratio",
            Kind::Percent => "percent",
            Kind::Money => "money",
        }
    }
}

/// What `l * r` gives.
pub fn product(l: Kind, r: Kind) -> Result<Kind, Slip> {
    use Kind::*;
    Ok(match (l, r) {
        (Money, Money) => return Err(Slip::MoneyTimesMoney),
        (Money, _) | (_, Money) => Money,
        (Percent, Percent | Ratio) | (Ratio, Percent) => Percent,
        (Ratio, Ratio) => Ratio,
        (Count, Count) => Count,
        _ => Number,
    })
}

/// What `l / r` gives.
pub fn quotient(l: Kind, r: Kind) -> Result<Kind, Slip> {
    use Kind::*;
    Ok(match (l, r) {
        (Money, Money) => Ratio,
        (_, Money) => return Err(Slip::DivideByMoney),
        (Money, _) => Money,
        (Percent, Percent) => Ratio,
        (Percent, _) => Percent,
        (Ratio, _) => Ratio,
        (a, b) if a == b => Ratio,
        _ => Number,
    })
}

/// What `x * c` (or `c * x`) gives for a plain constant `c`: a count stays a
/// count and money money; a rate or ratio times a constant is points.
pub fn scaled(k: Kind) -> Kind {
    match k {
        Kind::Percent | Kind::Ratio => Kind::Number,
        other => other,
    }
}

/// The measure two plain numbers share when they are added, compared or
/// chosen between; `flex` marks a plain constant, which takes the other's.
pub fn join(l: Measure, l_flex: bool, r: Measure, r_flex: bool) -> Measure {
    match (l, r) {
        (a, b) if a == b => a,
        _ if l_flex => r,
        _ if r_flex => l,
        _ => Measure::Number,
    }
}

#[cfg(test)]
mod tests {
    use super::Kind::*;
    use super::*;

    /// Every pair of kinds, one row per left operand, columns in `Kind::ALL` order.
    fn table(f: fn(Kind, Kind) -> Result<Kind, Slip>) -> Vec<Vec<Option<Kind>>> {
        Kind::ALL
            .iter()
            .map(|&l| Kind::ALL.iter().map(|&r| f(l, r).ok()).collect())
            .collect()
    }

    #[test]
    fn dividing_gives_the_kind_of_each_combination() {
        let want = [
            // ÷ number, count, ratio, percent, money
            [Some(Ratio), Some(Number), Some(Number), Some(Number), None], // number
            [Some(Number), Some(Ratio), Some(Number), Some(Number), None], // count
            [Some(Ratio), Some(Ratio), Some(Ratio), Some(Ratio), None],    // ratio
            [
                Some(Percent),
                Some(Percent),
                Some(Percent),
                Some(Ratio),
                None,
            ], // percent
            [
                Some(Money),
                Some(Money),
                Some(Money),
                Some(Money),
                Some(Ratio),
            ], // money
        ];
        let got = table(quotient);
        for (i, l) in Kind::ALL.iter().enumerate() {
            for (j, r) in Kind::ALL.iter().enumerate() {
                assert_eq!(got[i][j], want[i][j], "{} / {}", l.word(), r.word());
            }
        }
        // The slip the issue found: a number over a count is a number, not a rate.
        assert_eq!(quotient(Number, Count), Ok(Number));
        assert_eq!(quotient(Count, Money), Err(Slip::DivideByMoney));
    }

    #[test]
    fn multiplying_gives_the_kind_of_each_combination_either_way_round() {
        let want = [
            // × number, count, ratio, percent, money
            [
                Some(Number),
                Some(Number),
                Some(Number),
                Some(Number),
                Some(Money),
            ],
            [
                Some(Number),
                Some(Count),
                Some(Number),
                Some(Number),
                Some(Money),
            ],
            [
                Some(Number),
                Some(Number),
                Some(Ratio),
                Some(Percent),
                Some(Money),
            ],
            [
                Some(Number),
                Some(Number),
                Some(Percent),
                Some(Percent),
                Some(Money),
            ],
            [Some(Money), Some(Money), Some(Money), Some(Money), None],
        ];
        let got = table(product);
        for (i, l) in Kind::ALL.iter().enumerate() {
            for (j, r) in Kind::ALL.iter().enumerate() {
                assert_eq!(got[i][j], want[i][j], "{} * {}", l.word(), r.word());
                assert_eq!(
                    got[i][j],
                    got[j][i],
                    "{} * {} is not symmetric",
                    l.word(),
                    r.word()
                );
            }
        }
        assert_eq!(product(Money, Money), Err(Slip::MoneyTimesMoney));
    }

    #[test]
    fn a_constant_scales_counts_and_money_but_makes_points_of_rates() {
        assert_eq!(scaled(Count), Count);
        assert_eq!(scaled(Money), Money);
        assert_eq!(scaled(Number), Number);
        assert_eq!(scaled(Percent), Number);
        assert_eq!(scaled(Ratio), Number);
    }

    #[test]
    fn joined_measures_agree_or_fall_back_to_a_number() {
        use Measure as M;
        assert_eq!(join(M::Count, false, M::Count, false), M::Count);
        assert_eq!(join(M::Ratio, false, M::Number, true), M::Ratio);
        assert_eq!(join(M::Number, true, M::Count, false), M::Count);
        assert_eq!(join(M::Count, false, M::Number, false), M::Number);
        assert_eq!(join(M::Ratio, false, M::Count, false), M::Number);
    }

    #[test]
    fn kinds_round_trip_through_type_and_measure() {
        for k in Kind::ALL {
            assert_eq!(Kind::of(k.ty(), k.measure()), Some(k));
        }
        assert_eq!(Kind::of(Type::Bool, Measure::Number), None);
    }
}
