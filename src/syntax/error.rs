//! pest's parse errors → one plain-language [`Diagnostic`].
//!
//! pest reports the grammar rules it tried at the farthest position it
//! reached. Each rule is translated to words an HR officer understands
//! ("a name", "`}` to close the section"), and the text found there is quoted.

use super::parser::{keyword_text, token_text, Rule};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::source::{SourceFile, Span};
use crate::value::InputType;
use pest::error::{Error, ErrorVariant, InputLocation};
use std::sync::Arc;

/// At most this many characters of the offending text are quoted.
const MAX_FOUND_CHARS: usize = 24;

pub fn from_pest(source: &Arc<SourceFile>, error: Error<Rule>) -> Diagnostics {
    let offset = match error.location {
        InputLocation::Pos(pos) => pos,
        InputLocation::Span((start, _)) => start,
    };
    let at = Place::new(&source.text, offset);
    let diagnostic = match &error.variant {
        ErrorVariant::ParsingError { positives, .. } => parse_error(&at, positives),
        // pest's only custom error here is its stack guard giving up.
        ErrorVariant::CustomError { .. } => too_deep(at.span()),
    };
    Diagnostics(vec![diagnostic.in_file(source)])
}

/// A formula nested deeper than the parser or the lowering will follow.
pub fn too_deep(span: Span) -> Diagnostic {
    Diagnostic::error(Code::Syntax, "this formula is nested too deeply to read")
        .label(span, "too deep from here on")
        .help("split the formula into smaller pieces, for example with an `output` for each part")
}

/// A formula with more operands than any stage will follow.
pub fn too_long(span: Span) -> Diagnostic {
    Diagnostic::error(
        Code::Syntax,
        format!(
            "this formula is too long: it has more than {} numbers and names",
            super::lower::MAX_TERMS
        ),
    )
    .label(span, "the formula is cut off here")
    .help("split the formula into smaller pieces, for example with an `output` for each part")
}

/// Where the error is, and the text found there.
struct Place<'a> {
    offset: usize,
    rest: &'a str,
}

impl<'a> Place<'a> {
    fn new(text: &'a str, offset: usize) -> Self {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        Place {
            offset,
            rest: &text[offset..],
        }
    }

    /// The text found, up to the next whitespace; `None` at the end of the file.
    fn token(&self) -> Option<&'a str> {
        let first = self.rest.chars().next()?;
        if first.is_whitespace() {
            return Some(&self.rest[..first.len_utf8()]);
        }
        let end = self
            .rest
            .find(char::is_whitespace)
            .unwrap_or(self.rest.len());
        Some(&self.rest[..end])
    }

    /// The span the label underlines: the found token (nothing at the end of the file).
    fn span(&self) -> Span {
        let len = match self.token() {
            Some(t) if t.chars().count() > MAX_FOUND_CHARS => t
                .char_indices()
                .nth(MAX_FOUND_CHARS)
                .map_or(t.len(), |(i, _)| i),
            Some(t) => t.len(),
            None => 0,
        };
        Span::new(self.offset, self.offset + len)
    }

    /// What was found, as a noun: "`x`", "the end of the line"; `None` at the end of the file.
    fn found(&self) -> Option<String> {
        let token = self.token()?;
        Some(match token.chars().next() {
            Some('\n' | '\r') => "the end of the line".to_string(),
            Some(c) if c.is_whitespace() => "a space".to_string(),
            _ => format!("`{}`", quote(token)),
        })
    }

    /// The word at the error, if it looks like one: what a typo would be.
    fn word(&self) -> Option<&'a str> {
        let end = self
            .rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(self.rest.len());
        (end > 0).then(|| &self.rest[..end])
    }
}

/// A found token as it goes between backticks: shortened, control characters escaped.
fn quote(token: &str) -> String {
    let mut out: String = token
        .chars()
        .take(MAX_FOUND_CHARS)
        .flat_map(|c| {
            if c.is_control() {
                c.escape_debug().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect();
    if token.chars().count() > MAX_FOUND_CHARS {
        out.push('…');
    }
    out
}

fn parse_error(at: &Place, positives: &[Rule]) -> Diagnostic {
    if let Some(special) = special_case(at, positives) {
        return special;
    }
    let expected = expected_list(positives);
    let message = match (at.found(), expected.is_empty()) {
        (Some(found), false) => format!("expected {expected}, found {found}"),
        (Some(found), true) => format!("unexpected {found}"),
        (None, false) => format!("unexpected end of file, expected {expected}"),
        (None, true) => "unexpected end of file".to_string(),
    };
    let label = if at.token().is_none() {
        "the file ends here"
    } else {
        "not expected here"
    };
    let diagnostic = Diagnostic::error(Code::Syntax, message).label(at.span(), label);
    match help(at, positives) {
        Some(help) => diagnostic.help(help),
        None => diagnostic,
    }
}

/// Mistakes common enough to deserve their own sentence.
fn special_case(at: &Place, positives: &[Rule]) -> Option<Diagnostic> {
    let found = at.token();
    let error = |message: String, label: &str, help: String| {
        Some(
            Diagnostic::error(Code::Syntax, message)
                .label(at.span(), label)
                .help(help),
        )
    };

    if at.rest.starts_with("/*") && !at.rest.contains("*/") {
        return error(
            "this comment is never closed".into(),
            "comment starts here",
            "end the comment with `*/`".into(),
        );
    }

    let in_text = positives.contains(&Rule::text_end) || positives.contains(&Rule::cn_text_end);
    if in_text && at.rest.starts_with('\\') {
        let escape: String = at.rest.chars().take(2).collect();
        return error(
            format!("unknown escape `{}` in a text", quote(&escape)),
            "unknown escape",
            r#"inside quotes write `\"` for a quote, `\\` for a backslash and `\n` for a new line"#
                .into(),
        );
    }
    if in_text && found.is_none_or(|t| t.starts_with(['\n', '\r'])) {
        let close = if positives.contains(&Rule::cn_text_end) {
            "”"
        } else {
            "\""
        };
        return error(
            "this text is never closed".into(),
            "the text should end here",
            format!("end the text with `{close}` on the same line"),
        );
    }

    if positives == [Rule::type_name] {
        let types = type_list();
        let message = match at.found() {
            Some(found) => format!("expected an input type ({types}), found {found}"),
            None => format!("unexpected end of file, expected an input type ({types})"),
        };
        let help = did_you_mean(at, positives)
            .unwrap_or_else(|| format!("the input types are {}", type_list()));
        return error(message, "not an input type", help);
    }

    if positives == [Rule::kw_scorecard] && found.is_none_or(|t| !t.starts_with("scorecard")) {
        let message = match at.found() {
            Some(found) => format!("expected a card starting with `scorecard`, found {found}"),
            None => "the card is empty".to_string(),
        };
        return error(
            message,
            "a card starts here",
            "a card starts with `scorecard`, its name and `{`, as in `scorecard 回访专员 { … }`"
                .into(),
        );
    }

    if positives == [Rule::EOI] {
        return error(
            format!(
                "unexpected `{}` after the end of the scorecard",
                quote(found.unwrap_or(""))
            ),
            "after the scorecard's closing `}`",
            "a file holds one scorecard; check that its `{` and `}` match".into(),
        );
    }
    None
}

/// The expected things in plain words, most specific first: "a name, `{` or `}`".
fn expected_list(positives: &[Rule]) -> String {
    let mut phrases: Vec<(u8, String)> = Vec::new();
    for &rule in positives {
        if let Some(phrase) = describe(rule) {
            if !phrases.iter().any(|(_, p)| *p == phrase.1) {
                phrases.push(phrase);
            }
        }
    }
    phrases.sort_by_key(|(rank, _)| *rank);
    let words: Vec<String> = phrases.into_iter().map(|(_, p)| p).collect();
    join_or(&words)
}

/// "a", "a or b", "a, b or c".
fn join_or(words: &[String]) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// What a rule looks like to someone writing a card, and its place in the list:
/// 0 continues the current thing, 1 starts the next thing, 2 closes a block.
fn describe(rule: Rule) -> Option<(u8, String)> {
    let closing = |what: &str| Some((2, format!("`}}` to close the {what}")));
    let phrase = match rule {
        Rule::card_end => return closing("scorecard"),
        Rule::section_end => return closing("section"),
        Rule::item_end => return closing("item's rules"),
        Rule::table_end => return closing("table"),
        Rule::block_end => return closing("block"),
        Rule::rparen => return Some((2, "`)` to close the parenthesis".into())),
        Rule::text_end | Rule::cn_text_end => return Some((2, "a quote to end the text".into())),
        Rule::EOI => return Some((2, "the end of the file".into())),

        Rule::decl => return Some((1, "a declaration (`input`, `section`, `grade` …)".into())),
        Rule::item_rule => {
            return Some((
                1,
                "a rule (`minus`, `by`, `full if`, `zero if`, `late`, `score`, `rated by`)".into(),
            ))
        }
        Rule::guard => return Some((1, "a row such as `>= 90 : …` or `else : …`".into())),
        Rule::kw_item => return Some((1, "`item`".into())),

        Rule::ident | Rule::name => "a name",
        Rule::text => "a label in quotes",
        Rule::number | Rule::signed_number | Rule::digits => "a number",
        Rule::literal => "a number, `true` or `false`",
        Rule::boolean => "`true` or `false`",
        Rule::type_name => {
            return Some((0, format!("an input type ({})", type_list())));
        }
        Rule::input_option => "an option (`range`, `default`, `optional`, `rollup`)",
        Rule::remove_kind => "what to remove (`item`, `section`, `input`, `param` …)",
        Rule::rank_option => "an option (`lowest first`, `within`, `ties`)",
        Rule::rated_by => "a rater's name",
        Rule::combine_rule => "a combine rule (`override`, `mean`, `weighted`)",
        Rule::item_outcome => "`full`, `minus` and a number, a number, or a formula in parentheses",
        Rule::grade_outcome => "a grade such as 优秀",
        Rule::band_outcome => "a number or a formula in parentheses",
        Rule::expr
        | Rule::if_expr
        | Rule::logic
        | Rule::not_expr
        | Rule::comparison
        | Rule::arithmetic
        | Rule::unary
        | Rule::call
        | Rule::group => "a number, a name or a formula",
        Rule::cmp_op | Rule::add_op | Rule::mul_op | Rule::kw_and | Rule::kw_or => "an operator",
        _ => return token_text(rule).map(|t| (0, format!("`{t}`"))),
    };
    Some((0, phrase.to_string()))
}

/// Extra advice: a likely typo, or a reserved word used as a name.
fn help(at: &Place, positives: &[Rule]) -> Option<String> {
    if let Some(help) = did_you_mean(at, positives) {
        return Some(help);
    }
    let word = at.word()?;
    let wants_name = positives
        .iter()
        .any(|r| matches!(r, Rule::ident | Rule::name | Rule::grade_outcome));
    let reserved = Rule::all_rules()
        .iter()
        .filter_map(|&r| keyword_text(r))
        .chain(InputType::ALL.iter().map(|t| t.keyword()))
        .any(|k| k == word);
    (wants_name && reserved).then(|| {
        format!("`{word}` is a reserved word and cannot be used as a name; choose another name")
    })
}

/// "did you mean `section`?" when the word at the error is one typo away from
/// a keyword that was expected there.
fn did_you_mean(at: &Place, positives: &[Rule]) -> Option<String> {
    let word = at.word()?;
    let candidates = positives.iter().flat_map(|&rule| candidates(rule));
    let (best, distance) = candidates
        .map(|c| (c, strsim::levenshtein(word, c)))
        .filter(|&(c, _)| c != word)
        .min_by_key(|&(_, d)| d)?;
    let close_enough = distance <= 2 && distance < best.chars().count().div_ceil(2) + 1;
    close_enough.then(|| format!("did you mean `{best}`?"))
}

/// The keywords a rule can start with.
fn candidates(rule: Rule) -> Vec<&'static str> {
    match rule {
        Rule::decl => vec![
            "role", "period", "total", "input", "param", "section", "bonus", "penalty", "grade",
            "band", "output", "override", "remove", "rater", "rank", "limit", "partial",
        ],
        Rule::item_rule => vec!["minus", "by", "full", "zero", "late", "score", "rated"],
        Rule::input_option => vec!["range", "default", "optional", "rollup"],
        Rule::rank_option => vec!["lowest", "within", "ties"],
        Rule::boolean | Rule::literal => vec!["true", "false"],
        Rule::type_name => InputType::ALL.iter().map(|t| t.keyword()).collect(),
        _ => keyword_text(rule).into_iter().collect(),
    }
}

/// "percent, number, count, money, bool, rating, days"
fn type_list() -> String {
    let words: Vec<&str> = InputType::ALL.iter().map(|t| t.keyword()).collect();
    words.join(", ")
}
