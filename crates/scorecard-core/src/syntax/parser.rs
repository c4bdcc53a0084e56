//! The pest parser derived from `grammar/scorecard.pest`, and what its
//! keyword and punctuation rules look like when written.

use pest::iterators::Pair;
use pest::Parser as _;

#[derive(pest_derive::Parser)]
#[grammar = "../../../grammar/scorecard.pest"]
struct CardParser;

/// Parses a whole card and returns its `card` pair.
pub fn parse_card(text: &str) -> Result<Pair<'_, Rule>, pest::error::Error<Rule>> {
    let mut pairs = CardParser::parse(Rule::card, text)?;
    // `card` is the only top-level rule: on success pest yields exactly one pair.
    Ok(pairs
        .next()
        .expect("a successful parse of `card` yields one `card` pair"))
}

/// Whether `rule` is a keyword or punctuation: a pair with nothing to lower.
pub fn is_token(rule: Rule) -> bool {
    token_text(rule).is_some()
}

/// How a keyword or punctuation rule is written (`kw_section` → `section`,
/// `section_end` → `}`), or `None` for rules that carry content.
///
/// The lowering skips these rules; error messages quote them.
pub fn token_text(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::lbrace => "{",
        Rule::lparen => "(",
        Rule::rparen => ")",
        Rule::comma => ",",
        Rule::colon => ":",
        Rule::equals => "=",
        Rule::dots => "..",
        Rule::arrow => "->",
        Rule::text_end => "\"",
        Rule::cn_text_end => "”",
        Rule::card_end | Rule::section_end | Rule::item_end | Rule::table_end | Rule::block_end => {
            "}"
        }
        // Not a reserved word (`top` may name things), but skipped like one.
        Rule::kw_top => "top",
        Rule::kw_round => "round",
        Rule::kw_to => "to",
        Rule::kw_at => "at",
        Rule::kw_each => "each",
        Rule::kw_step => "step",
        Rule::kw_the => "the",
        Rule::kw_end => "end",
        Rule::kw_main => "main",
        _ => return keyword_text(rule),
    })
}

/// The word a `kw_*` rule matches, or `None` if `rule` is not a keyword.
pub fn keyword_text(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::kw_scorecard => "scorecard",
        Rule::kw_role => "role",
        Rule::kw_period => "period",
        Rule::kw_total => "total",
        Rule::kw_input => "input",
        Rule::kw_param => "param",
        Rule::kw_section => "section",
        Rule::kw_weight => "weight",
        Rule::kw_scaled => "scaled",
        Rule::kw_item => "item",
        Rule::kw_minus => "minus",
        Rule::kw_plus => "plus",
        Rule::kw_per => "per",
        Rule::kw_by => "by",
        Rule::kw_full => "full",
        Rule::kw_zero => "zero",
        Rule::kw_if => "if",
        Rule::kw_then => "then",
        Rule::kw_else => "else",
        Rule::kw_late => "late",
        Rule::kw_missing => "missing",
        Rule::kw_day => "day",
        Rule::kw_score => "score",
        Rule::kw_bonus => "bonus",
        Rule::kw_penalty => "penalty",
        Rule::kw_cap => "cap",
        Rule::kw_grade => "grade",
        Rule::kw_band => "band",
        Rule::kw_output => "output",
        Rule::kw_require => "require",
        Rule::kw_ignore => "ignore",
        Rule::kw_quote => "quote",
        Rule::kw_assume => "assume",
        Rule::kw_range => "range",
        Rule::kw_default => "default",
        Rule::kw_optional => "optional",
        Rule::kw_and => "and",
        Rule::kw_or => "or",
        Rule::kw_not => "not",
        Rule::kw_true => "true",
        Rule::kw_false => "false",
        Rule::kw_version => "version",
        Rule::kw_effective => "effective",
        Rule::kw_hooks => "hooks",
        Rule::kw_extends => "extends",
        Rule::kw_override => "override",
        Rule::kw_remove => "remove",
        Rule::kw_rater => "rater",
        Rule::kw_rated => "rated",
        Rule::kw_combine => "combine",
        Rule::kw_rank => "rank",
        Rule::kw_lowest => "lowest",
        Rule::kw_first => "first",
        Rule::kw_within => "within",
        Rule::kw_ties => "ties",
        Rule::kw_limit => "limit",
        Rule::kw_push => "push",
        Rule::kw_down => "down",
        Rule::kw_rollup => "rollup",
        Rule::kw_partial => "partial",
        Rule::kw_minimum => "minimum",
        Rule::kw_months => "months",
        Rule::kw_money => "money",
        _ => return None,
    })
}

/// Whether `word` is reserved (a keyword or a type name), so cannot be a bare name.
pub fn is_keyword(word: &str) -> bool {
    CardParser::parse(Rule::keyword, word).is_ok_and(|pairs| pairs.as_str() == word)
}
