//! The editor's text and the card file's: character offsets (API.md counts
//! Unicode scalar values, Rust `char`s), the base cards' lines shown
//! read-only after the card's own, and the file's text cut back out.

use serde::{Deserialize, Serialize};

/// A span of the editor's text that the page may not edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Readonly {
    pub from: usize,
    pub to: usize,
    #[serde(default)]
    pub reason: String,
}

/// A base card shown under the card's own text: its name and its text.
pub struct Base {
    pub name: String,
    pub text: String,
}

/// The editor's text: the card's file, then each base's lines commented out
/// under a heading, each block a read-only range.
pub fn editor_text(file: &str, bases: &[Base]) -> (String, Vec<Readonly>) {
    let mut text = file.to_string();
    let mut ranges = Vec::new();
    for base in bases {
        if !text.ends_with('\n') {
            text.push('\n');
        }
        text.push('\n');
        let from = text.chars().count();
        text.push_str(&scorecard::t!("serve-base-heading", file = &base.name));
        text.push('\n');
        for line in base.text.trim_end().lines() {
            if line.is_empty() {
                text.push_str("//\n");
            } else {
                text.push_str("// ");
                text.push_str(line);
                text.push('\n');
            }
        }
        ranges.push(Readonly {
            from,
            to: text.chars().count(),
            reason: scorecard::t!("serve-base-reason", file = &base.name),
        });
    }
    (text, ranges)
}

/// The card file's text out of the editor's: every read-only range cut out
/// (character offsets), then trailing blank lines down to one `\n`. With it,
/// where each piece of the file's text starts in the editor's text, to map
/// an offset back.
pub fn file_text(editor: &str, ranges: &[Readonly]) -> (String, Pieces) {
    let mut ranges: Vec<(usize, usize)> = ranges
        .iter()
        .map(|r| (r.from.min(r.to), r.to.max(r.from)))
        .collect();
    ranges.sort_unstable();
    let mut out = String::with_capacity(editor.len());
    let mut pieces = Vec::new();
    let mut next = ranges.iter().peekable();
    let mut skip_until = 0;
    let mut in_piece = false;
    let mut file_chars = 0;
    for (i, c) in editor.chars().enumerate() {
        while next.peek().is_some_and(|(from, _)| *from <= i) {
            let (_, to) = next.next().expect("peeked");
            skip_until = skip_until.max(*to);
        }
        if i < skip_until {
            in_piece = false;
            continue;
        }
        if !in_piece {
            pieces.push((file_chars, i));
            in_piece = true;
        }
        out.push(c);
        file_chars += 1;
    }
    let kept = out.trim_end_matches([' ', '\t', '\r', '\n']).len();
    out.truncate(kept);
    out.push('\n');
    (out, Pieces(pieces))
}

/// Where each piece of the file's text starts: `(in the file, in the editor)`, characters.
#[derive(Debug, Clone, Default)]
pub struct Pieces(Vec<(usize, usize)>);

impl Pieces {
    /// The editor's offset of the file's character offset `at`.
    pub fn to_editor(&self, at: usize) -> usize {
        let i = self.0.partition_point(|(file, _)| *file <= at);
        match i.checked_sub(1).map(|i| self.0[i]) {
            Some((file, editor)) => editor + (at - file),
            None => at,
        }
    }
}

/// Byte offsets into `text` as character offsets, all in one pass (the
/// offsets in any order; one past the end allowed, beyond it clamped).
pub fn chars_of(text: &str, bytes: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..bytes.len()).collect();
    order.sort_unstable_by_key(|&i| bytes[i]);
    let mut out = vec![0; bytes.len()];
    let mut chars = 0;
    let mut at = 0;
    let mut iter = text.char_indices().peekable();
    for i in order {
        let want = bytes[i].min(text.len());
        while at < want {
            match iter.next() {
                Some((_, c)) => {
                    at += c.len_utf8();
                    chars += 1;
                }
                None => break,
            }
        }
        out[i] = chars;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_characters_not_bytes() {
        let text = "ab𠮷中c";
        let bytes = [0, 2, 6, 9, 10, 99];
        assert_eq!(chars_of(text, &bytes), vec![0, 2, 3, 4, 5, 5]);
        assert_eq!(chars_of(text, &[9, 2]), vec![4, 2]);
    }

    #[test]
    fn the_file_comes_back_out_of_the_editor() {
        let bases = [Base {
            name: "rules/a.card".into(),
            text: "scorecard a {\n\n}\n".into(),
        }];
        let file = "// 君威\nscorecard b extends \"a.card\" {\n}\n";
        let (text, ranges) =
            scorecard::i18n::with_lang(scorecard::i18n::Lang::Zh, || editor_text(file, &bases));
        assert_eq!(ranges.len(), 1);
        let block: String = text
            .chars()
            .skip(ranges[0].from)
            .take(ranges[0].to - ranges[0].from)
            .collect();
        assert!(block.starts_with("// ── 基础卡 rules/a.card"), "{block}");
        assert!(block.ends_with("// scorecard a {\n//\n// }\n"), "{block}");
        let (back, pieces) = file_text(&text, &ranges);
        assert_eq!(back, file);
        assert_eq!(pieces.to_editor(3), 3);
        // Typed after the block: part of the file, its offsets moved.
        let after = format!("{text}x");
        let (back, pieces) = file_text(&after, &ranges);
        assert_eq!(back, format!("{file}\nx\n"));
        let x = back.chars().count() - 2;
        assert_eq!(pieces.to_editor(x), after.chars().count() - 1);
    }
}
