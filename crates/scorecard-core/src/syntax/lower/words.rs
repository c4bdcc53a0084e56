//! Names, type words, numbers and texts.

use super::{next, span, unexpected, Children, Lower, Lowered, Pair};
use crate::diagnostic::{Code, Diagnostic};
use crate::source::Span;
use crate::syntax::ast::{self, Ident, Text};
use crate::syntax::parser::Rule;
use crate::t;
use crate::value::InputType;
use rust_decimal::Decimal;

/// `ident`, and `name = { kw_total | ident }` in formulas (so `total` is a name there).
pub(super) fn ident(pair: Pair) -> Ident {
    Ident {
        name: pair.as_str().to_string(),
        span: span(&pair),
    }
}

/// `type_name = @{ ("percent" | "number" | "count" | "money" | "bool" | "rating" | "days") ~ !XID_CONTINUE }`
pub(super) fn type_name(pair: Pair) -> Lowered<(InputType, Span)> {
    let ty = InputType::from_keyword(pair.as_str()).ok_or_else(|| unexpected(&pair))?;
    Ok((ty, span(&pair)))
}

impl Lower {
    /// `number = ${ digits ~ (percent_sign | money_unit)? }`
    pub(super) fn number(&mut self, pair: Pair) -> Lowered<ast::Number> {
        let span = span(&pair);
        let mut children = pair.into_inner();
        let digits = next(&mut children)?;
        let unit = match children.next().map(|p| p.as_rule()) {
            None => ast::LitUnit::None,
            Some(Rule::percent_sign) => ast::LitUnit::Percent,
            Some(Rule::money_unit) => ast::LitUnit::Money,
            Some(_) => return Err(unexpected(&digits)),
        };
        let value = literal_value(digits.as_str(), unit).unwrap_or_else(|problem| {
            self.bad_number(span, digits.as_str(), problem);
            Decimal::ZERO
        });
        Ok(ast::Number { value, unit, span })
    }

    /// `signed_number = ${ neg? ~ number }`
    pub(super) fn signed_number(&mut self, pair: Pair) -> Lowered<ast::Number> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let negative = c.optional(Rule::neg).is_some();
        let number = self.number(c.required(Rule::number)?)?;
        let value = if negative {
            -number.value
        } else {
            number.value
        };
        Ok(ast::Number {
            value,
            span,
            ..number
        })
    }

    /// Records a literal that cannot be held exactly; lowering goes on.
    fn bad_number(&mut self, span: Span, digits: &str, problem: NumberProblem) {
        let shown: String = digits.chars().take(40).collect();
        let ellipsis = if digits.len() > shown.len() {
            "…"
        } else {
            ""
        };
        let number = format!("{shown}{ellipsis}");
        let (message, label, help) = match problem {
            NumberProblem::TooLarge => (
                t!("number-too-large", number = number),
                t!("number-too-large-label"),
                t!("number-too-large-help", most = Decimal::MAX.to_string()),
            ),
            NumberProblem::TooPrecise => (
                t!("number-too-precise", number = number),
                t!("number-too-precise-label"),
                t!("number-too-precise-help"),
            ),
        };
        self.problems.push(
            Diagnostic::error(Code::BadNumber, message)
                .label(span, label)
                .help(help),
        );
    }
}

/// Why a number literal cannot be held exactly.
enum NumberProblem {
    TooLarge,
    TooPrecise,
}

/// The exact value of a literal's digits, scaled down for `%`.
fn literal_value(digits: &str, unit: ast::LitUnit) -> Result<Decimal, NumberProblem> {
    let value = Decimal::from_str_exact(digits).map_err(|e| match e {
        rust_decimal::Error::Underflow => NumberProblem::TooPrecise,
        _ => NumberProblem::TooLarge,
    })?;
    if unit != ast::LitUnit::Percent {
        return Ok(value);
    }
    value
        .checked_div(Decimal::ONE_HUNDRED)
        .filter(|fraction| fraction.checked_mul(Decimal::ONE_HUNDRED) == Some(value))
        .ok_or(NumberProblem::TooPrecise)
}

/// `text = ${ "\"" ~ (text_chars | escape)* ~ text_end | "“" ~ cn_text_chars? ~ cn_text_end }`
pub(super) fn text(pair: Pair) -> Text {
    let span = span(&pair);
    let mut value = String::new();
    for part in pair.into_inner() {
        match part.as_rule() {
            Rule::escape => value.push(escape(part.as_str())),
            Rule::text_chars | Rule::cn_text_chars => value.push_str(part.as_str()),
            _ => {} // the closing quote
        }
    }
    Text { value, span }
}

/// `escape = @{ "\\" ~ ("\"" | "\\" | "n") }`
fn escape(escape: &str) -> char {
    match escape {
        "\\n" => '\n',
        "\\\"" => '"',
        _ => '\\',
    }
}

/// A `text` or an `ident` standing where a text may be written without quotes
/// (`role 回访专员`, a grade `优秀`).
pub(super) fn text_or_ident(pair: Pair) -> Lowered<Text> {
    match pair.as_rule() {
        Rule::text => Ok(text(pair)),
        Rule::ident => {
            let name = ident(pair);
            Ok(Text {
                value: name.name,
                span: name.span,
            })
        }
        _ => Err(unexpected(&pair)),
    }
}

/// `boolean = { kw_true | kw_false }`
pub(super) fn boolean(pair: &Pair) -> Lowered<bool> {
    match pair.as_str() {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(unexpected(pair)),
    }
}
