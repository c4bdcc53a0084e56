//! The names written in a card's text, found as the grammar's `ident`
//! finds them (outside comments and texts), and the grammar's own words.

use scorecard::source::Span;

/// The grammar's reserved words and type names (`keyword` in the grammar).
#[rustfmt::skip]
pub const KEYWORDS: &[&str] = &[
    "and", "assume", "band", "bonus", "bool", "by", "cap", "combine", "count", "days", "day",
    "default", "down", "effective", "else", "extends", "false", "first", "full", "grade",
    "hooks", "if", "ignore", "input", "item", "late", "limit", "lowest", "minimum", "minus",
    "missing", "money", "months", "month", "not", "number", "optional", "or", "output",
    "override", "param", "partial", "penalty", "percent", "period", "per", "plus", "push",
    "quote", "range", "rank", "rated", "rater", "rating", "remove", "require", "role", "rollup",
    "scaled", "scorecard", "score", "section", "then", "ties", "total", "true", "version",
    "weight", "within", "zero",
];

/// Words the grammar reads in their places without reserving them.
pub const OTHER_WORDS: &[&str] = &["top", "main", "at", "each", "step", "end", "to"];

/// The card language's own functions (completion offers them).
pub use scorecard::check::BUILT_INS as FUNCTIONS;

/// Every name written in `text` (outside comments and texts), as the
/// grammar's `ident` reads one: a letter, a Chinese character or `_`, then
/// letters, digits and `_`. Keywords are names here too.
pub fn words(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let rest = &text[i..];
        if rest.starts_with("//") {
            skip_while(&mut chars, |c| c != '\n');
        } else if rest.starts_with("/*") {
            chars.next();
            let mut star = false;
            for (_, c) in chars.by_ref() {
                if star && c == '/' {
                    break;
                }
                star = c == '*';
            }
        } else if c == '"' {
            let mut escaped = false;
            for (_, c) in chars.by_ref() {
                if c == '\n' || (c == '"' && !escaped) {
                    break;
                }
                escaped = c == '\\' && !escaped;
            }
        } else if c == '“' {
            for (_, c) in chars.by_ref() {
                if c == '”' || c == '\n' {
                    break;
                }
            }
        } else if unicode_ident::is_xid_start(c) || c == '_' {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if !unicode_ident::is_xid_continue(d) {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            out.push(Span::new(i, end));
        } else if c.is_ascii_digit() {
            skip_while(&mut chars, |c| c.is_ascii_digit() || c == '.');
        }
    }
    out
}

fn skip_while(
    chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
    keep: impl Fn(char) -> bool,
) {
    while chars.peek().is_some_and(|&(_, c)| keep(c)) {
        chars.next();
    }
}

/// The name written at `offset` (the cursor may stand just after it).
pub fn word_at(text: &str, offset: usize) -> Option<Span> {
    words(text)
        .into_iter()
        .find(|w| w.start <= offset && offset <= w.end)
}

/// Whether `name` may be a name: what `ident` reads whole, and no keyword.
pub fn is_name(name: &str) -> bool {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    (unicode_ident::is_xid_start(first) || first == '_')
        && chars.all(unicode_ident::is_xid_continue)
        && !KEYWORDS.contains(&name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_found_outside_comments_and_texts() {
        let text = "input 反馈及时率 percent \"反馈及时率 \\\" x\" // 反馈及时率\n\
                    /* 反馈及时率 */ by 反馈及时率 { >= 98% : full } quote “反馈及时率”";
        let found: Vec<&str> = words(text).iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(
            found,
            [
                "input",
                "反馈及时率",
                "percent",
                "by",
                "反馈及时率",
                "full",
                "quote"
            ]
        );
        let at = text.find("by ").unwrap() + 4;
        let word = word_at(text, at + 3).unwrap();
        assert_eq!(&text[word.start..word.end], "反馈及时率");
    }

    #[test]
    fn the_keywords_are_the_grammars() {
        let grammar = include_str!("../../../grammar/scorecard.pest");
        let rule = grammar
            .split("\nkeyword = @{")
            .nth(1)
            .and_then(|rest| rest.split("~ !XID_CONTINUE").next())
            .expect("the grammar's `keyword` rule");
        let mut reserved: Vec<&str> = rule.split('"').skip(1).step_by(2).collect();
        let mut ours = KEYWORDS.to_vec();
        reserved.sort_unstable();
        ours.sort_unstable();
        assert_eq!(ours, reserved);
    }

    #[test]
    fn a_name_is_what_ident_reads() {
        assert!(is_name("反馈及时率2"));
        assert!(is_name("_x"));
        assert!(!is_name("2反馈"));
        assert!(!is_name("反馈 率"));
        assert!(!is_name("total"));
        assert!(!is_name(""));
    }
}
