//! Diagnostics as text for people ([`human`], [`human_all`]) and as JSON for
//! scripts and editors ([`json()`]).
//!
//! The human form is drawn by miette's [`GraphicalReportHandler`] through a
//! private adapter; we write the `error[code]: message` headline ourselves so
//! it reads like rustc, and hand miette only the snippet and the help. Output
//! never depends on the terminal: the width is fixed and colour is a flag.
//!
//! Spans are clamped to the text before miette sees them, so a bad span from a
//! buggy stage still renders (at the nearest valid place) instead of panicking.

use super::{Diagnostic, Diagnostics, Label, Severity};
use crate::source::{SourceFile, Span};
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};
use serde_json::{json, Value};
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt;

/// Columns available to the renderer; long help text wraps at this width.
const WIDTH: usize = 100;

/// One diagnostic, rustc/miette style, ending in a newline:
///
/// ```text
/// error[unknown-name]: unknown name `客户回访率`
///    ╭─[rules/sales.card:4:5]
///  3 │   item 回访 10 {
///  4 │     客户回访率 >= 95%
///    ·     ─────┬────
///    ·          ╰── not declared
///  5 │   }
///    ╰────
///   help: did you mean `回访率`?
/// ```
///
/// Line and column are 1-based, columns counted in characters. Without a
/// source only the headline and help are shown.
pub fn human(diagnostic: &Diagnostic, colour: bool) -> String {
    let theme = if colour {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let (word, style) = match diagnostic.severity {
        Severity::Error => (crate::t!("diag-error"), theme.styles.error),
        Severity::Warning => (crate::t!("diag-warning"), theme.styles.warning),
    };
    let mut out = format!(
        "{}: {}\n",
        style.style(format_args!("{word}[{}]", diagnostic.code.as_str())),
        elide(&diagnostic.message)
    );
    // A resolved card's labels may lie in several files: one snippet per file,
    // the primary label's file (and the help) first.
    let parts = diagnostic.split_by_file();
    if let Some(first) = parts.first() {
        if let (Some(source), true) = (&first.source, first.labels.is_empty()) {
            out.push_str(&format!("  ─[{}]\n", theme.styles.link.style(&source.name)));
        }
    }
    if parts.len() == 1 {
        out.push_str(&body(&parts[0], &theme));
        return out;
    }
    // Several files: every snippet first, then the help once, at the end.
    for part in &parts {
        let mut snippet = part.clone();
        snippet.help = None;
        out.push_str(&body(&snippet, &theme));
    }
    if diagnostic.help.is_some() {
        let mut help_only = diagnostic.clone();
        help_only.source = None;
        help_only.labels = Vec::new();
        out.push_str(&body(&help_only, &theme));
    }
    out
}

/// The snippet and help miette draws for one diagnostic on a plain file.
/// A label on a very long line is shown in a window of that line around it
/// (miette would print the whole line, and cannot count columns past 65 535).
fn body(diagnostic: &Diagnostic, theme: &GraphicalTheme) -> String {
    let Some(windows) = windows(diagnostic) else {
        return body_at(diagnostic, theme, Place::default());
    };
    let mut out = String::new();
    for (window, place) in &windows {
        out.push_str(&body_at(window, theme, *place));
    }
    if diagnostic.help.is_some() {
        let mut help_only = diagnostic.clone();
        help_only.source = None;
        help_only.labels = Vec::new();
        out.push_str(&body_at(&help_only, theme, Place::default()));
    }
    out
}

/// Lines longer than this many bytes are shown as a window around the label.
const LONG_LINE: usize = 400;
/// Bytes of the line shown on either side of a label in such a window.
const AROUND: usize = 120;
/// Bytes of a label's own text shown at most in such a window.
const LABEL_MOST: usize = 160;
/// Messages, labels and help longer than this many bytes are cut in the middle.
const LONGEST_TEXT: usize = 600;

/// Where a window's text lies in its file: lines and columns (characters)
/// before it, added to what miette counts in the window.
#[derive(Debug, Clone, Copy, Default)]
struct Place {
    line: usize,
    column: usize,
}

/// One diagnostic per label, each on a window of its line, when a label (or
/// a line shown around it) lies on a line longer than [`LONG_LINE`]; `None`
/// when every line is short enough to show whole.
fn windows(d: &Diagnostic) -> Option<Vec<(Diagnostic, Place)>> {
    let source = d.source.as_ref()?;
    let text: &str = &source.text;
    let long = d.labels.iter().any(|label| {
        let span = clamp(text, label.span);
        let start = line_start(text, line_start(text, span.offset()).saturating_sub(1));
        let end = line_end(
            text,
            (line_end(text, span.offset() + span.len()) + 1).min(text.len()),
        );
        end - start > 3 * LONG_LINE
            || text[start..end]
                .split('\n')
                .any(|line| line.len() > LONG_LINE)
    });
    if !long {
        return None;
    }
    let windows = d.labels.iter().map(|label| {
        let span = clamp(text, label.span);
        let (s, line_from) = (span.offset(), line_start(text, span.offset()));
        let line_to = line_end(text, s);
        let e = floor(text, (s + span.len()).min(line_to).min(s + LABEL_MOST));
        let from = ceil(text, s.saturating_sub(AROUND).max(line_from));
        let to = floor(text, (e + AROUND).min(line_to));
        let before = if from > line_from { "…" } else { "" };
        let after = if to < line_to { "…" } else { "" };
        let window = format!("{before}{}{after}", &text[from..to]);
        let offset = before.len() + s - from;
        let shown_before = before.chars().count() + text[from..s].chars().count();
        let place = Place {
            line: memchr::memchr_iter(b'\n', &text.as_bytes()[..line_from]).count(),
            column: text[line_from..s].chars().count() - shown_before,
        };
        let mut diagnostic = d.clone();
        diagnostic.source = Some(SourceFile::new(source.name.clone(), window));
        diagnostic.labels = vec![Label {
            span: Span::new(offset, offset + e - s),
            text: label.text.clone(),
        }];
        diagnostic.help = None;
        (diagnostic, place)
    });
    Some(windows.collect())
}

fn line_start(text: &str, at: usize) -> usize {
    memchr::memrchr(b'\n', &text.as_bytes()[..at]).map_or(0, |i| i + 1)
}

/// Where the line holding `at` ends (before its `\n`, and before a `\r` there).
fn line_end(text: &str, at: usize) -> usize {
    let end = memchr::memchr(b'\n', &text.as_bytes()[at..]).map_or(text.len(), |i| at + i);
    if end > at && text.as_bytes()[end - 1] == b'\r' {
        end - 1
    } else {
        end
    }
}

fn floor(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// `text`, cut in the middle when it is longer than [`LONGEST_TEXT`] bytes
/// (a message quoting a name a megabyte long).
fn elide(text: &str) -> Cow<'_, str> {
    if text.len() <= LONGEST_TEXT {
        return Cow::Borrowed(text);
    }
    let head = floor(text, LONGEST_TEXT / 2);
    let tail = ceil(text, text.len() - LONGEST_TEXT / 2);
    let left_out = crate::t!("diag-left-out", count = text[head..tail].chars().count());
    Cow::Owned(format!(
        "{} … ({left_out}) … {}",
        &text[..head],
        &text[tail..]
    ))
}

/// [`body`] for a diagnostic whose lines are all short enough, `place`
/// saying where its text lies in the file.
fn body_at(diagnostic: &Diagnostic, theme: &GraphicalTheme, place: Place) -> String {
    let handler = GraphicalReportHandler::new_themed(theme.clone())
        .with_width(WIDTH)
        .with_links(false)
        .without_syntax_highlighting()
        .without_cause_chain();
    let adapter = Adapter {
        diagnostic,
        source: diagnostic
            .source
            .as_deref()
            .map(|file| Source::new(file, &diagnostic.labels, place)),
    };
    let mut body = String::new();
    if handler.render_report(&mut body, &adapter).is_ok() {
        // The adapter's message is empty, so miette's first line is a bare
        // `  ×`; the headline replaces it.
        let body = body
            .split_once('\n')
            .map_or(String::new(), |(_, rest)| rest.to_string());
        localise_help(body)
    } else {
        // miette refused the snippet (it should not, after clamping): fall
        // back to plain positions so nothing is lost.
        plain(diagnostic)
    }
}

/// miette writes the word `help:` itself: the footer line that starts with
/// it (after indentation and colour codes) gets the reader's word instead.
fn localise_help(body: String) -> String {
    let word = crate::t!("diag-help");
    if word == "help" {
        return body;
    }
    let mut at = 0;
    for line in body.split_inclusive('\n') {
        // Past the indentation and any colour codes (`\x1b[36m`), in either order.
        let mut bare = line;
        loop {
            let trimmed = bare.trim_start_matches(' ');
            match trimmed.strip_prefix('\u{1b}') {
                Some(rest) => bare = rest.split_once('m').map_or(rest, |(_, after)| after),
                None => {
                    bare = trimmed;
                    break;
                }
            }
        }
        if bare.starts_with("help:") {
            let start = at + (line.len() - bare.len());
            let mut out = body;
            out.replace_range(start..start + "help".len(), &word);
            return out;
        }
        at += line.len();
    }
    body
}

/// All diagnostics, a blank line between each, then a blank line and a
/// summary such as `error: 3 errors and 1 warning in rules/x.card`.
/// Empty for no diagnostics.
pub fn human_all(diagnostics: &Diagnostics, colour: bool) -> String {
    if diagnostics.is_empty() {
        return String::new();
    }
    let mut out = diagnostics
        .iter()
        .map(|d| human(d, colour))
        .collect::<Vec<_>>()
        .join("\n");
    out.push('\n');
    out.push_str(&summary(diagnostics, colour));
    out.push('\n');
    out
}

/// An array with one object per diagnostic, keys in this order:
/// `code`, `severity`, `message`, `file`, `line`, `column`, `end_line`,
/// `end_column`, `labels` (each `line`, `column`, `text`, and `file` when the
/// label lies in another file than the diagnostic's, as on a card that
/// extends another), `help`.
///
/// Positions are 1-based, columns in characters; the end is exclusive (the
/// position just after the primary label). Anything unknown is `null`.
pub fn json(diagnostics: &Diagnostics) -> Value {
    Value::Array(diagnostics.iter().map(json_one).collect())
}

fn json_one(whole: &Diagnostic) -> Value {
    // Positions are in the file that holds each label (a resolved card's
    // labels may lie in several files); `file` is the primary label's file,
    // and a label elsewhere carries its own `file`.
    let parts = whole.split_by_file();
    let Some(d) = parts.first() else {
        return Value::Null;
    };
    let at = |offset: usize| d.source.as_ref().map(|s| s.line_col(offset));
    let primary = d.labels.first();
    let start = primary.and_then(|l| at(l.span.start));
    let end = primary.and_then(|l| at(l.span.end.max(l.span.start)));
    let mut labels: Vec<Value> = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        for l in &part.labels {
            let pos = part.source.as_ref().map(|s| s.line_col(l.span.start));
            let mut label = json!({
                "line": pos.map(|p| p.0),
                "column": pos.map(|p| p.1),
                "text": l.text,
            });
            if i > 0 {
                label["file"] = json!(part.source.as_ref().map(|s| s.name.as_str()));
            }
            labels.push(label);
        }
    }
    json!({
        "code": d.code.as_str(),
        "severity": d.severity,
        "message": d.message,
        "file": d.source.as_ref().map(|s| s.name.as_str()),
        "line": start.map(|p| p.0),
        "column": start.map(|p| p.1),
        "end_line": end.map(|p| p.0),
        "end_column": end.map(|p| p.1),
        "labels": labels,
        "help": d.help,
    })
}

fn summary(diagnostics: &Diagnostics, colour: bool) -> String {
    let count = |severity| {
        diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    };
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    let counts = match (errors, warnings) {
        (e, 0) => crate::t!("diag-summary-errors", errors = e),
        (0, w) => crate::t!("diag-summary-warnings", warnings = w),
        (e, w) => crate::t!("diag-summary-both", errors = e, warnings = w),
    };
    let files: BTreeSet<String> = diagnostics
        .iter()
        .filter_map(|d| Some(d.split_by_file().first()?.source.as_ref()?.name.clone()))
        .collect();
    let counts = match files.len() {
        0 => counts,
        1 => crate::t!(
            "diag-summary-in-file",
            counts = counts,
            file = files.first().cloned().unwrap_or_default()
        ),
        n => crate::t!("diag-summary-in-files", counts = counts, files = n),
    };
    let theme = if colour {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let word = if errors > 0 {
        theme.styles.error.style(crate::t!("diag-error"))
    } else {
        theme.styles.warning.style(crate::t!("diag-warning"))
    };
    format!("{word}: {counts}")
}

/// The fallback body: one `--> file:line:col: text` line per label, then help.
fn plain(d: &Diagnostic) -> String {
    let mut out = String::new();
    if let Some(source) = &d.source {
        for label in &d.labels {
            let (line, column) = source.line_col(label.span.start);
            out.push_str(&format!(
                "  --> {}:{line}:{column}: {}\n",
                source.name, label.text
            ));
        }
    }
    if let Some(help) = &d.help {
        out.push_str(&format!("  {}: {help}\n", crate::t!("diag-help")));
    }
    out
}

/// Our diagnostic seen as a `miette::Diagnostic`. Its message is empty on
/// purpose (see [`human`]); it has no code for the same reason.
#[derive(Debug)]
struct Adapter<'a> {
    diagnostic: &'a Diagnostic,
    source: Option<Source<'a>>,
}

impl fmt::Display for Adapter<'_> {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        Ok(())
    }
}

impl std::error::Error for Adapter<'_> {}

impl miette::Diagnostic for Adapter<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        let help = self.diagnostic.help.as_ref()?;
        Some(Box::new(elide(help)))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let source = self.source.as_ref()?;
        let labels = self.diagnostic.labels.iter().enumerate().map(|(i, label)| {
            let text = Some(elide(&label.text).into_owned()).filter(|t| !t.is_empty());
            let span = clamp(&source.file.text, label.span);
            if i == 0 {
                LabeledSpan::new_primary_with_span(text, span)
            } else {
                LabeledSpan::new_with_span(text, span)
            }
        });
        Some(Box::new(labels))
    }
}

/// A source file for miette, named, with columns counted in characters
/// (miette itself counts bytes, which puts Chinese text three times too far).
///
/// miette draws nothing for an empty label at the very end of the text (there
/// is no character there to sit under), so when a label points there the text
/// shown gets a newline added: the caret then sits just after the last
/// character, or on an empty last line if the file ends with a newline, which
/// is where `SourceFile::line_col` puts it too.
#[derive(Debug)]
struct Source<'a> {
    file: &'a SourceFile,
    text: Cow<'a, str>,
    place: Place,
}

impl<'a> Source<'a> {
    fn new(file: &'a SourceFile, labels: &[Label], place: Place) -> Self {
        let text: &str = &file.text;
        let text = if labels.iter().any(|l| l.span.start >= text.len()) {
            Cow::Owned(format!("{text}\n"))
        } else {
            Cow::Borrowed(text)
        };
        Source { file, text, place }
    }
}

impl SourceCode for Source<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text: &'a str = &self.text;
        let inner = text.read_span(span, context_lines_before, context_lines_after)?;
        // miette's column is the byte distance from the line start to the span.
        let bytes = inner.column();
        let column = span
            .offset()
            .checked_sub(bytes)
            .and_then(|start| text.get(start..span.offset()))
            .map_or(bytes, |before| before.chars().count());
        Ok(Box::new(MietteSpanContents::new_named(
            self.file.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line() + self.place.line,
            column + self.place.column,
            inner.line_count(),
        )))
    }
}

/// `span` moved inside `text` and onto character boundaries.
fn clamp(text: &str, span: Span) -> SourceSpan {
    let mut start = span.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = span.end.clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    SourceSpan::from(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Code;
    use crate::source::SourceFile;
    use std::sync::Arc;
    use unicode_width::UnicodeWidthStr;

    fn span_of(file: &SourceFile, needle: &str) -> Span {
        let start = file.text.find(needle).expect("needle in text");
        Span::new(start, start + needle.len())
    }

    fn card(text: &str) -> Arc<SourceFile> {
        SourceFile::new("rules/sales.card", text)
    }

    /// The rendered source line holding `needle` and the highlight line under it.
    fn line_and_underline<'a>(out: &'a str, needle: &str) -> (&'a str, &'a str) {
        let lines: Vec<&str> = out.lines().collect();
        let i = lines
            .iter()
            .position(|l| l.contains(needle) && l.contains('│'))
            .unwrap_or_else(|| panic!("no source line with {needle:?} in\n{out}"));
        (lines[i], lines[i + 1])
    }

    #[test]
    fn headline_position_help_and_caret() {
        let file = card("card 销售顾问 {\n  total 100\n  item 回访 10 {\n    foo >= 95%\n  }\n}\n");
        let d = Diagnostic::error(Code::UnknownName, "unknown name `foo`")
            .in_file(&file)
            .label(span_of(&file, "foo"), "not declared")
            .help("declare it with `input foo: percent`");
        let out = human(&d, false);
        assert!(
            out.starts_with("error[unknown-name]: unknown name `foo`\n"),
            "{out}"
        );
        assert!(out.contains("[rules/sales.card:4:5]"), "{out}");
        assert!(out.contains("not declared"), "{out}");
        assert!(
            out.contains("help: declare it with `input foo: percent`"),
            "{out}"
        );
        assert!(!out.contains('\u{1b}'), "no colour codes:\n{out}");
        let (line, under) = line_and_underline(&out, "foo >= 95%");
        let col = line[..line.find("foo").unwrap()].width();
        let marks: String = under.chars().skip(col - 1).collect();
        assert_eq!(marks, " ─┬─", "\n{line}\n{under}");
    }

    #[test]
    fn caret_lines_up_under_chinese_text() {
        let file = card("card 销售顾问 {\n  当月客户回访率 >= 回访目标率\n}\n");
        let d = Diagnostic::error(Code::UnknownName, "unknown name `回访目标率`")
            .in_file(&file)
            .label(span_of(&file, "回访目标率"), "未声明的名称");
        let out = human(&d, false);
        // Column counts characters, not bytes: `  当月客户回访率 >= ` is 13 characters.
        assert!(out.contains("[rules/sales.card:2:14]"), "{out}");
        let (line, under) = line_and_underline(&out, "回访目标率");
        let before = &line[..line.find("回访目标率").unwrap()];
        let caret_col = under.chars().position(|c| c == '─').unwrap();
        assert_eq!(caret_col, before.width(), "\n{line}\n{under}");
        // The underline is as wide as the word on screen (5 glyphs × 2 columns).
        let underline: String = under
            .chars()
            .skip(caret_col)
            .take_while(|c| *c != ' ')
            .collect();
        assert_eq!(underline.chars().count(), "回访目标率".width());
        assert!(out.contains("未声明的名称"));
    }

    #[test]
    fn warning_headline_and_no_source() {
        let d = Diagnostic::warning(Code::Suspicious, "card has no items").help("add an item");
        assert_eq!(
            human(&d, false),
            "warning[suspicious]: card has no items\n  help: add an item\n"
        );
        let d = Diagnostic::error(Code::CardField, "missing `total`");
        assert_eq!(human(&d, false), "error[card-field]: missing `total`\n");
    }

    /// The renderer's own words in Chinese: the severity, `提示`, the summary;
    /// the code stays as it is, for scripts and for searching the docs.
    #[test]
    fn chinese_words_around_the_message() {
        use crate::i18n::{with_lang, Lang};
        with_lang(Lang::Zh, || {
            let file = card("x\n");
            let d = Diagnostic::error(Code::UnknownName, "`x` 未在本考核表中声明")
                .in_file(&file)
                .label(Span::new(0, 1), "未声明的名称")
                .help("是否想写 `y`？");
            let out = human(&d, false);
            assert!(
                out.starts_with("错误[unknown-name]: `x` 未在本考核表中声明\n"),
                "{out}"
            );
            assert!(out.contains("  提示: 是否想写 `y`？"), "{out}");
            assert!(!out.contains("help:"), "{out}");
            let coloured = human(&d, true);
            assert!(
                coloured.contains("提示") && !coloured.contains("help"),
                "{coloured}"
            );
            let w = Diagnostic::warning(Code::Suspicious, "嗯").help("help: 原样保留");
            assert_eq!(
                human(&w, false),
                "警告[suspicious]: 嗯\n  提示: help: 原样保留\n"
            );
            let all = human_all(&Diagnostics(vec![d.clone(), d, w]), false);
            assert!(
                all.ends_with("\n错误: rules/sales.card 中有 2 个错误，1 个警告\n"),
                "{all}"
            );
        });
    }

    #[test]
    fn source_without_labels_names_the_file() {
        let file = card("card x {}\n");
        let d = Diagnostic::error(Code::CardField, "missing `total`").in_file(&file);
        assert_eq!(
            human(&d, false),
            "error[card-field]: missing `total`\n  ─[rules/sales.card]\n"
        );
    }

    #[test]
    fn label_at_end_of_file() {
        // No final newline: the caret sits just after the last character.
        let file = card("card 回访 {\n  total 100");
        let end = file.text.len();
        let d = Diagnostic::error(Code::Syntax, "expected `}`")
            .in_file(&file)
            .label(Span::new(end, end), "card ends here");
        let out = human(&d, false);
        assert!(out.contains("[rules/sales.card:2:12]"), "{out}");
        assert!(out.contains("card ends here"), "{out}");
        let (line, under) = line_and_underline(&out, "total 100");
        let after = line.width();
        assert_eq!(under.chars().nth(after), Some('▲'), "\n{line}\n{under}");

        // Final newline: the end of file is an empty line after the last one.
        let file = card("card 回访 {\n  total 100\n");
        let end = file.text.len();
        let d = Diagnostic::error(Code::Syntax, "expected `}`")
            .in_file(&file)
            .label(Span::new(end, end), "card ends here");
        let out = human(&d, false);
        assert!(out.contains("[rules/sales.card:3:1]"), "{out}");
        assert!(out.contains(" 3 │ \n"), "{out}");
        assert!(out.contains("card ends here"), "{out}");
    }

    #[test]
    fn span_covering_a_newline() {
        let file = card("card x {\n  total 100\n  item 回访 10 {\n  }\n}\n");
        let start = file.text.find("total").unwrap();
        let end = file.text.find("item").unwrap() + "item".len();
        let d = Diagnostic::error(Code::Syntax, "bad block")
            .in_file(&file)
            .label(Span::new(start, end), "this part");
        let out = human(&d, false);
        assert!(out.contains("[rules/sales.card:2:3]"), "{out}");
        assert!(
            out.contains("total 100") && out.contains("item 回访 10"),
            "{out}"
        );
        assert!(out.contains("this part"), "{out}");
    }

    #[test]
    fn windows_line_endings() {
        let file = card("card 销售 {\r\n  回访 >= 目标\r\n}\r\n");
        let d = Diagnostic::error(Code::UnknownName, "unknown name `目标`")
            .in_file(&file)
            .label(span_of(&file, "目标"), "here");
        let out = human(&d, false);
        assert!(out.contains("[rules/sales.card:2:9]"), "{out}");
        assert!(!out.contains('\r'), "{out}");
        let (line, under) = line_and_underline(&out, "回访 >= 目标");
        let col = line[..line.find("目标").unwrap()].width();
        assert_eq!(under.chars().nth(col), Some('─'), "\n{line}\n{under}");
        assert_eq!(under.chars().nth(col - 1), Some(' '), "\n{line}\n{under}");
    }

    #[test]
    fn empty_file() {
        let file = card("");
        let d = Diagnostic::error(Code::CardField, "empty card")
            .in_file(&file)
            .label(Span::new(0, 0), "nothing here");
        let out = human(&d, false);
        assert!(out.starts_with("error[card-field]: empty card\n"), "{out}");
        assert!(out.contains("[rules/sales.card:1:1]"), "{out}");
        assert!(out.contains("nothing here"), "{out}");
    }

    #[test]
    fn span_past_end_is_clamped() {
        let file = card("card 销售 {\n}");
        let d = Diagnostic::error(Code::Syntax, "oops")
            .in_file(&file)
            .label(Span::new(500, 900), "far away")
            .label(Span::new(6, 8), "inside a character")
            .label(Span::new(9, 2), "backwards");
        let out = human(&d, false);
        assert!(out.contains("rules/sales.card"), "{out}");
        assert!(!out.contains("Failed"), "{out}");
        let json = json(&Diagnostics(vec![d]));
        assert_eq!(json[0]["line"], 2);
        assert_eq!(json[0]["column"], 2);
    }

    #[test]
    fn multiple_labels() {
        let file = card("card x {\n  input 回访率: percent\n  input 回访率: count\n}\n");
        let first = file.text.find("回访率").unwrap();
        let second = file.text.rfind("回访率").unwrap();
        let d = Diagnostic::error(Code::DuplicateName, "`回访率` is declared twice")
            .in_file(&file)
            .label(
                Span::new(second, second + "回访率".len()),
                "declared again here",
            )
            .label(
                Span::new(first, first + "回访率".len()),
                "first declared here",
            );
        let out = human(&d, false);
        // The header points at the primary (first) label even though it comes later.
        assert!(out.contains("[rules/sales.card:3:9]"), "{out}");
        assert!(out.contains("declared again here"), "{out}");
        assert!(out.contains("first declared here"), "{out}");
        assert_eq!(
            out.matches('╭').count(),
            1,
            "one snippet for nearby labels:\n{out}"
        );
    }

    #[test]
    fn colour_only_when_asked() {
        let file = card("x\n");
        let d = Diagnostic::error(Code::Syntax, "oops")
            .in_file(&file)
            .label(Span::new(0, 1), "here");
        assert!(human(&d, true).contains('\u{1b}'));
        assert!(!human(&d, false).contains('\u{1b}'));
    }

    #[test]
    fn human_all_separates_and_summarises() {
        let a = card("x\n");
        let b = SourceFile::new("rules/other.card", "y\n");
        let e = |f: &Arc<SourceFile>| {
            Diagnostic::error(Code::Syntax, "oops")
                .in_file(f)
                .label(Span::new(0, 1), "here")
        };
        let w = Diagnostic::warning(Code::Suspicious, "hmm")
            .in_file(&a)
            .label(Span::new(0, 1), "here");

        assert_eq!(human_all(&Diagnostics::default(), false), "");

        let one_file = Diagnostics(vec![e(&a), e(&a), e(&a), w.clone()]);
        let out = human_all(&one_file, false);
        assert!(
            out.ends_with("\n\nerror: 3 errors and 1 warning in rules/sales.card\n"),
            "{out}"
        );
        assert_eq!(out.matches("\n\nerror[syntax]").count(), 2, "{out}");
        assert!(out.contains("\n\nwarning[suspicious]"), "{out}");

        let two_files = Diagnostics(vec![e(&a), e(&b)]);
        assert!(human_all(&two_files, false).ends_with("\nerror: 2 errors in 2 files\n"));

        let warnings = Diagnostics(vec![w]);
        assert!(human_all(&warnings, false).ends_with("\nwarning: 1 warning in rules/sales.card\n"));

        let nowhere = Diagnostics(vec![Diagnostic::error(Code::CardField, "no file")]);
        assert_eq!(
            human_all(&nowhere, false),
            "error[card-field]: no file\n\nerror: 1 error\n"
        );
    }

    #[test]
    fn json_shape() {
        let file = card("card 销售顾问 {\n  当月客户回访率 >= 回访目标\n}\n");
        let d = Diagnostic::error(Code::UnknownName, "unknown name `回访目标`")
            .in_file(&file)
            .label(span_of(&file, "回访目标"), "未声明")
            .label(span_of(&file, "当月客户回访率"), "")
            .help("did you mean `回访目标率`?");
        let bare = Diagnostic::warning(Code::Suspicious, "no place");
        let value = json(&Diagnostics(vec![d, bare]));
        let expected = serde_json::json!([
            {
                "code": "unknown-name",
                "severity": "error",
                "message": "unknown name `回访目标`",
                "file": "rules/sales.card",
                "line": 2,
                "column": 14,
                "end_line": 2,
                "end_column": 18,
                "labels": [
                    {"line": 2, "column": 14, "text": "未声明"},
                    {"line": 2, "column": 3, "text": ""}
                ],
                "help": "did you mean `回访目标率`?"
            },
            {
                "code": "suspicious",
                "severity": "warning",
                "message": "no place",
                "file": null,
                "line": null,
                "column": null,
                "end_line": null,
                "end_column": null,
                "labels": [],
                "help": null
            }
        ]);
        assert_eq!(value, expected);
        let keys: Vec<&str> = value[0]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            [
                "code",
                "severity",
                "message",
                "file",
                "line",
                "column",
                "end_line",
                "end_column",
                "labels",
                "help"
            ]
        );
    }
}
