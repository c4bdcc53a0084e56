//! pest's parse errors → one plain-language [`Diagnostic`].
//!
//! pest reports the grammar rules it tried at the farthest position it
//! reached. Each rule is translated to words an HR officer understands
//! ("a name", "`}` to close the section"), and the text found there is quoted.

use super::parser::{keyword_text, token_text, Rule};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::source::{SourceFile, Span};
use crate::t;
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
    Diagnostic::error(Code::Syntax, t!("syntax-too-deep"))
        .label(span, t!("syntax-too-deep-label"))
        .help(t!("syntax-split-formula"))
}

/// A formula with more operands than any stage will follow.
pub fn too_long(span: Span) -> Diagnostic {
    Diagnostic::error(
        Code::Syntax,
        t!("syntax-too-long", most = super::lower::MAX_TERMS),
    )
    .label(span, t!("syntax-too-long-label"))
    .help(t!("syntax-split-formula"))
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
            Some('\n' | '\r') => t!("syntax-end-of-line"),
            Some(c) if c.is_whitespace() => t!("syntax-a-space"),
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
        (Some(found), false) => t!("syntax-expected-found", expected = expected, found = found),
        (Some(found), true) => t!("syntax-unexpected", found = found),
        (None, false) => t!("syntax-eof-expected", expected = expected),
        (None, true) => t!("syntax-eof"),
    };
    let label = if at.token().is_none() {
        t!("syntax-eof-label")
    } else {
        t!("syntax-unexpected-label")
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
    let error = |message: String, label: String, help: String| {
        Some(
            Diagnostic::error(Code::Syntax, message)
                .label(at.span(), label)
                .help(help),
        )
    };

    if at.rest.starts_with("/*") && !at.rest.contains("*/") {
        return error(
            t!("syntax-comment-open"),
            t!("syntax-comment-open-label"),
            t!("syntax-comment-open-help"),
        );
    }

    let in_text = positives.contains(&Rule::text_end) || positives.contains(&Rule::cn_text_end);
    if in_text && at.rest.starts_with('\\') {
        let escape: String = at.rest.chars().take(2).collect();
        return error(
            t!("syntax-unknown-escape", escape = quote(&escape)),
            t!("syntax-unknown-escape-label"),
            t!("syntax-unknown-escape-help"),
        );
    }
    if in_text && found.is_none_or(|t| t.starts_with(['\n', '\r'])) {
        let close = if positives.contains(&Rule::cn_text_end) {
            "”"
        } else {
            "\""
        };
        return error(
            t!("syntax-text-open"),
            t!("syntax-text-open-label"),
            t!("syntax-text-open-help", close = close),
        );
    }

    if positives == [Rule::type_name] {
        let types = type_list();
        let message = match at.found() {
            Some(found) => t!("syntax-expected-type-found", types = &types, found = found),
            None => t!("syntax-eof-expected-type", types = &types),
        };
        let help = did_you_mean(at, positives)
            .unwrap_or_else(|| t!("syntax-input-types", types = type_list()));
        return error(message, t!("syntax-not-a-type"), help);
    }

    if positives == [Rule::kw_scorecard] && found.is_none_or(|t| !t.starts_with("scorecard")) {
        let message = match at.found() {
            Some(found) => t!("syntax-expected-scorecard", found = found),
            None => t!("syntax-empty-card"),
        };
        return error(
            message,
            t!("syntax-card-starts-here"),
            t!("syntax-card-starts-help"),
        );
    }

    if positives == [Rule::EOI] {
        return error(
            t!("syntax-after-end", found = quote(found.unwrap_or(""))),
            t!("syntax-after-end-label"),
            t!("syntax-after-end-help"),
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
        [init @ .., last] => t!(
            "syntax-or",
            init = init.join(&t!("syntax-list-separator")),
            last = last
        ),
    }
}

/// What a rule looks like to someone writing a card, and its place in the list:
/// 0 continues the current thing, 1 starts the next thing, 2 closes a block.
fn describe(rule: Rule) -> Option<(u8, String)> {
    let closing = |what: String| Some((2, t!("syntax-close", what = what)));
    let phrase = match rule {
        Rule::card_end => return closing(t!("syntax-the-scorecard")),
        Rule::section_end => return closing(t!("syntax-the-section")),
        Rule::item_end => return closing(t!("syntax-the-item-rules")),
        Rule::table_end => return closing(t!("syntax-the-table")),
        Rule::block_end => return closing(t!("syntax-the-block")),
        Rule::rparen => return Some((2, t!("syntax-close-paren"))),
        Rule::text_end | Rule::cn_text_end => return Some((2, t!("syntax-end-quote"))),
        Rule::EOI => return Some((2, t!("syntax-end-of-file"))),

        Rule::decl => return Some((1, t!("syntax-a-declaration"))),
        Rule::item_rule => return Some((1, t!("syntax-a-rule"))),
        Rule::guard => return Some((1, t!("syntax-a-row"))),
        Rule::kw_item => return Some((1, "`item`".into())),

        Rule::ident | Rule::name => t!("syntax-a-name"),
        Rule::text => t!("syntax-a-label"),
        Rule::number | Rule::signed_number | Rule::digits => t!("syntax-a-number"),
        Rule::literal => t!("syntax-a-literal"),
        Rule::boolean => t!("syntax-a-boolean"),
        Rule::type_name => {
            return Some((0, t!("syntax-an-input-type", types = type_list())));
        }
        Rule::input_option => t!("syntax-an-input-option"),
        Rule::remove_kind => t!("syntax-a-remove-kind"),
        Rule::rank_option => t!("syntax-a-rank-option"),
        Rule::rated_by => t!("syntax-a-rater"),
        Rule::combine_rule => t!("syntax-a-combine-rule"),
        Rule::item_outcome => t!("syntax-an-item-outcome"),
        Rule::grade_outcome => t!("syntax-a-grade"),
        Rule::band_outcome => t!("syntax-a-band-outcome"),
        Rule::expr
        | Rule::if_expr
        | Rule::logic
        | Rule::not_expr
        | Rule::comparison
        | Rule::arithmetic
        | Rule::unary
        | Rule::call
        | Rule::group => t!("syntax-a-formula"),
        Rule::cmp_op | Rule::add_op | Rule::mul_op | Rule::kw_and | Rule::kw_or => {
            t!("syntax-an-operator")
        }
        _ => return token_text(rule).map(|text| (0, format!("`{text}`"))),
    };
    Some((0, phrase))
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
    (wants_name && reserved).then(|| t!("syntax-reserved-word", word = word))
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
    close_enough.then(|| t!("did-you-mean", name = best))
}

/// The keywords a rule can start with.
fn candidates(rule: Rule) -> Vec<&'static str> {
    match rule {
        Rule::decl => vec![
            "role", "period", "total", "input", "param", "section", "bonus", "penalty", "grade",
            "band", "output", "override", "remove", "rater", "rank", "limit", "partial", "round",
            "main",
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
