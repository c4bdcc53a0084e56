//! Text for HTML: escaped, with the card's own words as code, and values
//! as HR writes them. Below the HTML report, its rows, its chart and the
//! appeal form, which all use it.

use crate::t;
use crate::value::{format_value, Type, Unit, Value};
use rust_decimal::{Decimal, RoundingStrategy};
use std::fmt::Write as _;

/// Escapes text, and shows the card's own words (between backticks) as code.
pub(super) fn with_code(text: &str) -> String {
    let mut out = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<code>{}</code>", escape(part));
        } else {
            out.push_str(&escape(part));
        }
    }
    out
}

/// A band or output as HR writes it; money with thousands separators and fen.
pub(super) fn value_text(value: &Value, ty: Type) -> String {
    match (value, ty) {
        (Value::Num(d), Type::Num(Unit::Money)) => money(*d),
        (Value::Missing, _) => String::new(),
        (Value::Bool(b), _) => {
            if *b {
                t!("html-yes")
            } else {
                t!("html-no")
            }
        }
        (v, ty) => format_value(v, ty),
    }
}

/// `12,345.60`, `-50.00`.
pub(super) fn money(d: Decimal) -> String {
    // 四舍五入, as the card's own `round` does.
    let text = format!(
        "{:.2}",
        d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
    );
    let (sign, body) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, "00"));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}{grouped}.{frac}")
}

/// Text safe inside HTML elements and attribute values.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn money_has_thousands_separators_and_fen() {
        let cases = [
            ("12345.6", "12,345.60"),
            ("-50", "-50.00"),
            ("999", "999.00"),
            ("1000000.005", "1,000,000.01"),
        ];
        for (value, want) in cases {
            assert_eq!(money(Decimal::from_str(value).unwrap()), want);
        }
    }

    #[test]
    fn markup_in_names_is_escaped_and_rules_become_code() {
        assert_eq!(
            escape("<b>\"王\" & '李'</b>"),
            "&lt;b&gt;&quot;王&quot; &amp; &#39;李&#39;&lt;/b&gt;"
        );
        assert_eq!(
            with_code("反馈及时率 is 96%: `>= 95% : minus 1`   [line 23]"),
            "反馈及时率 is 96%: <code>&gt;= 95% : minus 1</code>   [line 23]"
        );
    }
}
