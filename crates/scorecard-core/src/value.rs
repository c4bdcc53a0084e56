//! Kinds of values a card works with, and how they print.
//!
//! Every number is a `rust_decimal::Decimal`: scores and money are exact, never f64.
//! Percentages are stored as fractions (98% is 0.98) and printed with a `%`.

use rust_decimal::Decimal;
use std::fmt;
use std::sync::Arc;

/// The declared type of an input (or an output), as written in a card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum InputType {
    /// A rate: `98%` or `0.98` in data, a fraction inside.
    Percent,
    /// Any plain decimal number (a training score, a coefficient).
    Number,
    /// A whole number of occurrences, never negative.
    Count,
    /// An amount in yuan.
    Money,
    /// Yes or no.
    Bool,
    /// A score given by a rater.
    Rating,
    /// A whole number of days, never negative.
    Days,
}

impl InputType {
    /// Every input type, in the order the language reference lists them.
    pub const ALL: [InputType; 7] = [
        InputType::Percent,
        InputType::Number,
        InputType::Count,
        InputType::Money,
        InputType::Bool,
        InputType::Rating,
        InputType::Days,
    ];

    /// The word a card uses for the type (`percent`, `count` …).
    pub fn keyword(self) -> &'static str {
        match self {
            InputType::Percent => "percent",
            InputType::Number => "number",
            InputType::Count => "count",
            InputType::Money => "money",
            InputType::Bool => "bool",
            InputType::Rating => "rating",
            InputType::Days => "days",
        }
    }

    /// The type a card's word names, if it names one.
    pub fn from_keyword(word: &str) -> Option<InputType> {
        InputType::ALL.into_iter().find(|t| t.keyword() == word)
    }

    /// The kind of value an expression sees when it reads this input.
    pub fn value_type(self) -> Type {
        match self {
            InputType::Percent => Type::Num(Unit::Percent),
            InputType::Money => Type::Num(Unit::Money),
            InputType::Bool => Type::Bool,
            InputType::Number | InputType::Count | InputType::Rating | InputType::Days => {
                Type::Num(Unit::Plain)
            }
        }
    }

    /// Counts and days are whole and never negative: the only inputs `minus N per X` accepts.
    pub fn is_countable(self) -> bool {
        matches!(self, InputType::Count | InputType::Days)
    }
}

impl fmt::Display for InputType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.keyword())
    }
}

/// What a number measures. Only numbers of one unit add up or compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// Points, counts, days, coefficients.
    Plain,
    /// A fraction written as a percentage.
    Percent,
    /// Yuan.
    Money,
}

/// The type of an expression's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Type {
    /// A number, of this unit.
    Num(Unit),
    /// Yes or no.
    Bool,
    /// Text (a grade's label, a band's word).
    Text,
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // In the reader's language: the type is named inside diagnostics.
        f.write_str(&match self {
            Type::Num(Unit::Plain) => crate::t!("type-number"),
            Type::Num(Unit::Percent) => crate::t!("type-percent"),
            Type::Num(Unit::Money) => crate::t!("type-money"),
            Type::Bool => crate::t!("type-bool"),
            Type::Text => crate::t!("type-text"),
        })
    }
}

/// A value at evaluation time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// A number: points, a fraction (98% is 0.98), yuan, days.
    Num(Decimal),
    /// Yes or no.
    Bool(bool),
    /// Text, such as a grade's label.
    Text(Arc<str>),
    /// An optional input left blank. Only `late` rules and `present(x)` may read it.
    Missing,
}

impl Value {
    /// The number, if the value is one.
    pub fn as_num(&self) -> Option<Decimal> {
        match self {
            Value::Num(d) => Some(*d),
            _ => None,
        }
    }

    /// The yes or no, if the value is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }
}

/// A decimal without trailing zeros: `4.50` prints as `4.5`, `5.00` as `5`.
pub fn format_decimal(value: Decimal) -> String {
    let mut text = String::new();
    push_decimal(&mut text, value);
    text
}

/// Where printed text goes: a `String`, or the bytes of a report.
pub trait TextSink {
    /// Appends `text`.
    fn push_text(&mut self, text: &str);
    /// One ASCII character (cheaper than a one-character text).
    fn push_ascii(&mut self, byte: u8);
}

impl TextSink for String {
    fn push_text(&mut self, text: &str) {
        self.push_str(text);
    }

    fn push_ascii(&mut self, byte: u8) {
        self.push(char::from(byte));
    }
}

impl TextSink for Vec<u8> {
    fn push_text(&mut self, text: &str) {
        self.extend_from_slice(text.as_bytes());
    }

    fn push_ascii(&mut self, byte: u8) {
        self.push(byte);
    }
}

/// [`format_decimal`] onto the end of `out`, with nothing allocated.
pub fn push_decimal(out: &mut impl TextSink, value: Decimal) {
    let parts = value.unpack();
    // Scores and pay fit in 64 bits; a wider number (a formula gone wild)
    // prints as rust_decimal prints it, once normalized (it is not zero).
    if parts.hi != 0 {
        out.push_text(&value.normalize().to_string());
        return;
    }
    let mut magnitude = u64::from(parts.mid) << 32 | u64::from(parts.lo);
    // What normalize() does, in 64 bits: trailing zeros go (`4.50` is `4.5`).
    let mut scale = parts.scale as usize;
    while scale > 0 && magnitude % 10 == 0 {
        magnitude /= 10;
        scale -= 1;
    }
    // `-0` prints as `0`.
    if magnitude == 0 {
        out.push_ascii(b'0');
        return;
    }
    if parts.negative {
        out.push_ascii(b'-');
    }
    let mut buffer = itoa::Buffer::new();
    let digits = buffer.format(magnitude);
    if scale == 0 {
        out.push_text(digits);
    } else if digits.len() > scale {
        let (whole, fraction) = digits.split_at(digits.len() - scale);
        out.push_text(whole);
        out.push_ascii(b'.');
        out.push_text(fraction);
    } else {
        out.push_text("0.");
        for _ in digits.len()..scale {
            out.push_ascii(b'0');
        }
        out.push_text(digits);
    }
}

/// Its sign and magnitude (below 100), when `value` is a whole number from
/// -99 to 99 as most scores are: a caller may have their text ready-made.
/// The sign is as stored: `-0` comes as negative and prints as `0`.
#[inline]
pub fn short_whole(value: Decimal) -> Option<(bool, u8)> {
    let parts = value.unpack();
    if parts.scale != 0 || parts.hi != 0 || parts.mid != 0 || parts.lo >= 100 {
        return None;
    }
    Some((parts.negative, parts.lo as u8))
}

/// An amount to the fen, as every report writes money: `1200.00`,
/// `-3.50`, `872.73` for 872.7272…, rounded halves away from zero (四舍五入).
/// No thousands separator: this is the machine-readable form (CSV, JSON);
/// `report::common::money` adds them for people.
pub fn push_money(out: &mut impl TextSink, value: Decimal) {
    let fen = value.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    let parts = fen.unpack();
    // In fen: scale 2 once the missing places are made up.
    let fen_count =
        (u64::from(parts.mid) << 32 | u64::from(parts.lo)).checked_mul(10u64.pow(2 - parts.scale));
    let magnitude = match fen_count {
        Some(m) if parts.hi == 0 => m,
        // Beyond 64 bits (a formula gone wild): rust_decimal prints it.
        _ => {
            out.push_text(&format!("{fen:.2}"));
            return;
        }
    };
    if parts.negative && magnitude != 0 {
        out.push_ascii(b'-');
    }
    let mut buffer = itoa::Buffer::new();
    out.push_text(buffer.format(magnitude / 100));
    let cents = (magnitude % 100) as u8;
    out.push_ascii(b'.');
    out.push_ascii(b'0' + cents / 10);
    out.push_ascii(b'0' + cents % 10);
}

/// [`push_money`] as a `String`.
pub fn format_money(value: Decimal) -> String {
    let mut text = String::new();
    push_money(&mut text, value);
    text
}

/// A value printed the way HR writes it: `98%`, `1200.50` (money, to the
/// fen), `4.5`, `是`/`否`.
pub fn format_value(value: &Value, ty: Type) -> String {
    let mut text = String::new();
    push_value(&mut text, value, ty);
    text
}

/// [`format_value`] onto the end of `out`.
pub fn push_value(out: &mut String, value: &Value, ty: Type) {
    match (value, ty) {
        (Value::Num(d), Type::Num(Unit::Percent)) => match d.checked_mul(Decimal::ONE_HUNDRED) {
            Some(points) => {
                push_decimal(out, points);
                out.push('%');
            }
            // Too large to count in points (a formula gone wild): still
            // exact, never a panic.
            None => {
                push_decimal(out, *d);
                out.push_str("×100%");
            }
        },
        (Value::Num(d), Type::Num(Unit::Money)) => push_money(out, *d),
        (Value::Num(d), _) => push_decimal(out, *d),
        (Value::Bool(b), _) => out.push_str(word(if *b { Word::Yes } else { Word::No })),
        (Value::Text(t), _) => out.push_str(t),
        (Value::Missing, _) => out.push_str(word(Word::Missing)),
    }
}

/// The words a value prints as, besides numbers and text.
#[derive(Clone, Copy)]
enum Word {
    Yes,
    No,
    Missing,
}

/// `是`/`否` in Chinese (as HR fills a data file, which reads both),
/// `yes`/`no` in English; looked up once per language, since CSV prints
/// one per cell.
fn word(word: Word) -> &'static str {
    use crate::i18n::{lang, with_lang, Lang};
    static WORDS: std::sync::LazyLock<Vec<[String; 3]>> = std::sync::LazyLock::new(|| {
        Lang::ALL
            .iter()
            .map(|&l| {
                with_lang(l, || {
                    [
                        crate::t!("value-yes"),
                        crate::t!("value-no"),
                        crate::t!("value-missing"),
                    ]
                })
            })
            .collect()
    });
    let at = Lang::ALL.iter().position(|&l| l == lang()).unwrap_or(0);
    &WORDS[at][word as usize]
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn a_percent_too_large_to_count_in_points_prints_exactly_not_a_panic() {
        let percent = Type::Num(Unit::Percent);
        assert_eq!(
            format_value(&Value::Num(Decimal::new(98, 2)), percent),
            "98%"
        );
        assert_eq!(
            format_value(&Value::Num(Decimal::MAX), percent),
            format!("{}×100%", Decimal::MAX)
        );
    }

    #[test]
    fn decimals_print_as_their_display_does_once_normalized() {
        let mut x: u64 = 11;
        let mut values: Vec<Decimal> = [
            "0",
            "-0",
            "0.5",
            "-0.05",
            "100",
            "4.50",
            "1e-20",
            "79228162514264337593543950335",
            "-1.0000000000000000000000000001",
        ]
        .iter()
        .map(|t| {
            Decimal::from_str(t)
                .or_else(|_| Decimal::from_scientific(t))
                .unwrap()
        })
        .collect();
        for _ in 0..5000 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let mantissa = (x >> 3) as i64 * if x.is_multiple_of(2) { 1 } else { -1 };
            values.push(Decimal::new(
                mantissa % 10i64.pow((x % 19) as u32),
                ((x >> 50) % 20) as u32,
            ));
        }
        values.extend((-1000..=1000).map(Decimal::from));
        values.extend((-1000..=1000).map(|n| Decimal::new(n, 1)));
        for value in values {
            let mut bytes = Vec::new();
            push_decimal(&mut bytes, value);
            assert_eq!(bytes, format_decimal(value).into_bytes(), "{value:?}");
            assert_eq!(format_decimal(value), displayed(value), "{value:?}");
        }
    }

    /// What [`push_decimal`] must print: rust_decimal's own text, once
    /// normalized, and `0` for any zero.
    fn displayed(value: Decimal) -> String {
        let normal = value.normalize();
        if normal.is_zero() {
            "0".to_string()
        } else {
            normal.to_string()
        }
    }

    /// Mantissas of every width up to rust_decimal's 96 bits (beyond u64
    /// too), with trailing zeros, at every scale and both signs.
    fn generated_decimals() -> Vec<Decimal> {
        let mut x: u64 = 7;
        let mut next = move || {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            x >> 11
        };
        let limit = (1u128 << 96) - 1;
        let mut mantissas: Vec<u128> = vec![0, 1, 9, 10, 99, 100, 101, limit];
        for boundary in [u64::MAX as u128, i64::MAX as u128] {
            mantissas.extend([boundary - 1, boundary, boundary + 1]);
        }
        mantissas.extend(0..=120);
        mantissas.extend((0..29).map(|k| 10u128.pow(k)));
        mantissas.extend((0..29).map(|k| 7 * 10u128.pow(k)));
        for bits in 1..=96 {
            for _ in 0..6 {
                let wide = (u128::from(next()) << 64 | u128::from(next())) & ((1 << bits) - 1);
                mantissas.push(wide);
                // The same digits with zeros after them, as long as they fit.
                let tens = 10u128.pow((next() % 6) as u32);
                mantissas.extend(wide.checked_mul(tens).filter(|m| *m <= limit));
            }
        }
        let mut values = Vec::new();
        for &mantissa in &mantissas {
            let (lo, mid, hi) = (
                mantissa as u32,
                (mantissa >> 32) as u32,
                (mantissa >> 64) as u32,
            );
            for scale in 0..=28 {
                let positive = Decimal::from_parts(lo, mid, hi, false, scale);
                // Negated rather than built negative: that keeps `-0`.
                values.extend([positive, -positive]);
            }
        }
        values
    }

    #[test]
    fn decimals_of_every_scale_and_width_print_bit_for_bit_as_displayed() {
        let values = generated_decimals();
        assert!(values.len() > 30_000);
        assert!(values.iter().any(|v| v.is_zero() && v.is_sign_negative()));
        assert!(values
            .iter()
            .any(|v| v.mantissa().unsigned_abs() > u128::from(u64::MAX)));
        for value in values {
            let want = displayed(value);
            let mut bytes = Vec::new();
            push_decimal(&mut bytes, value);
            assert_eq!(String::from_utf8(bytes).unwrap(), want, "{value:?}");
            assert_eq!(format_decimal(value), want, "{value:?}");
        }
    }

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn decimals_print_without_trailing_zeros() {
        assert_eq!(format_decimal(d("4.50")), "4.5");
        assert_eq!(format_decimal(d("5.00")), "5");
        assert_eq!(format_decimal(d("-0.0")), "0");
    }

    #[test]
    fn money_prints_to_the_fen_rounded_halves_away_from_zero() {
        let money = Type::Num(Unit::Money);
        for (value, want) in [
            ("1200", "1200.00"),
            ("2169.5", "2169.50"),
            ("342.2244", "342.22"),
            ("872.7272727272727272727272727", "872.73"),
            ("0.005", "0.01"),
            ("-0.005", "-0.01"),
            ("-0.004", "0.00"),
            ("-3.5", "-3.50"),
            ("0", "0.00"),
            ("12.345", "12.35"),
        ] {
            assert_eq!(format_value(&Value::Num(d(value)), money), want, "{value}");
        }
        // Beyond 64 bits: still to the fen.
        assert_eq!(format_money(Decimal::MAX), format!("{}.00", Decimal::MAX));
        // Other numbers as before.
        assert_eq!(
            format_value(&Value::Num(d("4.50")), Type::Num(Unit::Plain)),
            "4.5"
        );
    }

    #[test]
    fn percentages_print_as_written() {
        let ty = Type::Num(Unit::Percent);
        assert_eq!(format_value(&Value::Num(d("0.98")), ty), "98%");
        assert_eq!(format_value(&Value::Num(d("0.955")), ty), "95.5%");
    }
}
