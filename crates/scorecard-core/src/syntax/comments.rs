//! Finding the comments in card text.
//!
//! The grammar's `COMMENT` rule is silent, so comments never reach the AST;
//! `fmt` recovers them here from the source text and puts them back around
//! the printed nodes. The scanner follows the grammar's lexical rules: `//`
//! runs to the end of the line, `/* … */` does not nest, and neither starts
//! inside a text (`"…"` with `\"` escapes, or `“…”`), which ends on its line.

use crate::source::Span;

/// One comment, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// The comment's bytes, from `//` or `/*` to the end of the line (without
    /// the line break and trailing spaces) or to `*/`.
    pub span: Span,
    /// Code stands before it on its first line (`>= 98% : full  // 含98%`).
    pub trailing: bool,
    /// A `/* … */` comment that runs over more than one line.
    pub multiline: bool,
}

impl Comment {
    /// The comment's text in `source`, `//` or `/*` included.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.span.start..self.span.end]
    }
}

/// Every comment in `text`, in order.
pub fn scan(text: &str) -> Vec<Comment> {
    let bytes = text.as_bytes();
    let mut comments = Vec::new();
    let mut i = 0;
    // Whether anything other than whitespace stands before `i` on its line.
    let mut code_on_line = false;
    while i < bytes.len() {
        let rest = &text[i..];
        if rest.starts_with("//") {
            let len = rest.find('\n').unwrap_or(rest.len());
            let end = i + rest[..len].trim_end().len();
            comments.push(Comment {
                span: Span::new(i, end),
                trailing: code_on_line,
                multiline: false,
            });
            i += len;
        } else if let Some(after) = rest.strip_prefix("/*") {
            // An unterminated block comment is a syntax error; cards that
            // reach `fmt` have parsed, so this only guards against a panic.
            let len = after.find("*/").map_or(rest.len(), |j| j + 4);
            let body = &rest[..len];
            comments.push(Comment {
                span: Span::new(i, i + len),
                trailing: code_on_line,
                multiline: body.contains('\n'),
            });
            // A comment is not code: after one that ends a line of its own, nothing stands before.
            if body.contains('\n') {
                code_on_line = false;
            }
            i += len;
        } else if let Some(after) = rest.strip_prefix('"') {
            i += 1 + quoted_len(after);
            code_on_line = true;
        } else if rest.starts_with('“') {
            let body = &rest['“'.len_utf8()..];
            let len = body.find(['”', '\n']).map_or(body.len(), |j| {
                j + body[j..].chars().next().map_or(0, char::len_utf8)
            });
            i += '“'.len_utf8() + len;
            code_on_line = true;
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            if c == '\n' {
                code_on_line = false;
            } else if !c.is_whitespace() && c != '\u{FEFF}' {
                code_on_line = true;
            }
            i += c.len_utf8();
        }
    }
    comments
}

/// The length of a `"…"` text's body and closing quote, given the text after
/// the opening quote. A text stops at the end of its line.
fn quoted_len(rest: &str) -> usize {
    let mut chars = rest.char_indices();
    while let Some((j, c)) = chars.next() {
        match c {
            '"' => return j + 1,
            '\n' => return j,
            '\\' => {
                chars.next();
            }
            _ => {}
        }
    }
    rest.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(source: &str) -> Vec<(&str, bool)> {
        scan(source)
            .iter()
            .map(|c| (c.text(source), c.trailing))
            .collect()
    }

    #[test]
    fn line_and_block_comments_are_found_with_their_position() {
        let source = "// head\nscorecard a { // after brace\n  /* own */ total 100 /* mid */ }\n";
        assert_eq!(
            texts(source),
            [
                ("// head", false),
                ("// after brace", true),
                ("/* own */", false),
                ("/* mid */", true),
            ]
        );
    }

    #[test]
    fn comment_markers_inside_texts_are_not_comments() {
        let source = "role \"http://x /* y */ \\\" // z\" // real\nrole “a // b” /* real2 */";
        assert_eq!(texts(source), [("// real", true), ("/* real2 */", true)]);
    }

    #[test]
    fn a_block_comment_over_several_lines_is_marked() {
        let source = "total 1 /* a\n   b */\n";
        let comments = scan(source);
        assert_eq!(comments.len(), 1);
        assert!(comments[0].multiline);
        assert!(comments[0].trailing);
    }

    #[test]
    fn trailing_spaces_and_carriage_returns_are_not_part_of_a_line_comment() {
        let source = "// 说明  \r\ntotal 1";
        assert_eq!(texts(source), [("// 说明", false)]);
    }
}
