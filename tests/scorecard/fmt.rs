//! `scorecard fmt`: the layout of every shipped card and of hand-written
//! fixtures (snapshots), comments kept, idempotence, and the command itself.

use crate::cli::{run, scorecard, text};
use crate::common;
use scorecard::syntax::comments::scan;
use scorecard::syntax::fmt::format;
use std::path::Path;

fn formatted(path: &Path) -> (String, String) {
    let source = common::source(path);
    let out = format(&source).unwrap_or_else(|d| {
        panic!(
            "{} should format:\n{}",
            common::relative(path),
            scorecard::diagnostic::render::human_all(&d, false)
        )
    });
    (source.text.to_string(), out)
}

/// Every line of every comment in `original` is in `out`, in the same order.
fn assert_comments_kept(path: &Path, original: &str, out: &str) {
    let kept: String = scan(out)
        .iter()
        .map(|c| c.text(out))
        .collect::<Vec<_>>()
        .join("\n");
    let mut from = 0;
    for comment in scan(original) {
        for line in comment.text(original).lines().map(str::trim) {
            match kept[from..].find(line) {
                Some(at) => from += at + line.len(),
                None => panic!(
                    "{}: the comment line `{line}` was lost or moved out of order:\n{out}",
                    common::relative(path)
                ),
            }
        }
    }
}

/// The shipped cards are kept in canonical layout: `fmt` leaves them as they
/// are, and their layout is snapshotted so a printer change shows up here.
#[test]
fn shipped_cards_are_in_canonical_layout() {
    let cards = common::cards_under(&common::root().join("rules"));
    assert!(!cards.is_empty(), "no cards under rules/");
    for path in cards {
        let (original, out) = formatted(&path);
        assert_comments_kept(&path, &original, &out);
        let rel = common::relative(&path);
        assert_eq!(
            out, original,
            "{rel} is not in canonical layout: run `scorecard fmt {rel}`"
        );
        // Named by file, so cards added later get snapshots of their own.
        insta::assert_snapshot!(format!("fmt@{}", rel.replace('/', "__")), out);
    }
}

/// Hand-written layouts, comments in awkward places: the canonical form is
/// snapshotted, every comment survives, and formatting again changes nothing.
#[test]
fn hand_written_layouts_format_canonically_keeping_comments() {
    insta::glob!(common::cards_dir(), "{fmt,valid}/*.card", |path| {
        let (original, out) = formatted(path);
        assert_comments_kept(path, &original, &out);
        let again = format(&scorecard::SourceFile::new("again.card", out.clone()))
            .expect("formatted text formats again");
        assert_eq!(
            again,
            out,
            "{}: fmt is not idempotent",
            common::relative(path)
        );
        insta::assert_snapshot!(out);
    });
}

#[test]
fn check_lists_unformatted_cards_and_exits_1() {
    let out = scorecard(&[
        "fmt",
        "--check",
        "rules/",
        "tests/cards/fmt/comments_everywhere.card",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "tests/cards/fmt/comments_everywhere.card\n"
    );
    assert!(text(&out.stderr).contains("1 card is not in canonical layout"));

    let out = scorecard(&["fmt", "--check", "rules/"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "");
}

#[test]
fn fmt_rewrites_the_file_in_place_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let card = dir.path().join("a.card");
    std::fs::write(&card, "scorecard a {total 1 // 总分\n}").expect("write");
    let path = card.display().to_string();
    let out = scorecard(&["fmt", &path]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        std::fs::read_to_string(&card).expect("read"),
        "scorecard a {\n    total 1  // 总分\n}\n"
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, ["a.card"]);
}

#[test]
fn a_card_that_does_not_parse_is_left_untouched_and_exits_3() {
    let dir = tempfile::tempdir().expect("temp dir");
    let card = dir.path().join("bad.card");
    let text_before = "scorecard a { total }\n";
    std::fs::write(&card, text_before).expect("write");
    let out = scorecard(&["fmt", &card.display().to_string()]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        text(&out.stderr).contains("bad.card:1:"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read_to_string(&card).expect("read"), text_before);
}

#[test]
fn a_dash_formats_stdin_to_stdout() {
    let out = run(&["fmt", "-"], Some("scorecard a{total 1}"));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), "scorecard a {\n    total 1\n}\n");
}
