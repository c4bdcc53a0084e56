//! Snapshots: each case's whole result (items, the trace behind them,
//! outputs) as reviewable text, kept beside the case file as
//! `NAME.cases.snap`. A later run compares, and shows what moved as a diff.
//!
//! The workflow: `scorecard test --snapshot` records the file the first
//! time; after a card change it fails on every case whose result moved,
//! prints the diff, and writes the new results to `NAME.cases.snap.new`.
//! Read the diff; if every change is intended, `scorecard test --snapshot
//! --accept` replaces the snapshot, which is committed with the card change
//! so a reviewer sees both.

use super::run::CaseResult;
use crate::check::CheckedCard;
use std::path::{Path, PathBuf};

const MARK: &str = "=== case: ";

/// `x.cases.toml` → `x.cases.snap`.
pub fn path_for(case_file: &Path) -> PathBuf {
    let name = case_file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name.strip_suffix(".toml").unwrap_or(&name);
    case_file.with_file_name(format!("{stem}.snap"))
}

/// Where results that differ from the snapshot are written for review.
pub fn pending_path_for(case_file: &Path) -> PathBuf {
    let mut path = path_for(case_file).into_os_string();
    path.push(".new");
    PathBuf::from(path)
}

/// One case's snapshot: the explanation of each of its rows.
pub fn of_case(card: &CheckedCard, case: &CaseResult) -> String {
    case.scored
        .iter()
        .map(|(result, inputs)| crate::report::explain_case(card, result, inputs))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The snapshot file for a set of cases.
pub fn file_text(case_file: &Path, cases: &[(String, String)]) -> String {
    let name = case_file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut out = format!(
        "# What each case in {name} scores, in full: written by `scorecard test --snapshot`.\n# Review a change here like a change to the card; record new results with `--snapshot --accept`.\n"
    );
    for (case, text) in cases {
        out += &format!("\n{MARK}{case} ===\n\n{}", text.trim_end());
        out += "\n";
    }
    out
}

/// A snapshot file's cases and their texts.
pub fn parse(text: &str) -> Vec<(String, String)> {
    let mut cases: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if let Some(name) = line.strip_prefix(MARK).and_then(|l| l.strip_suffix(" ===")) {
            cases.push((name.to_string(), String::new()));
        } else if let Some((_, body)) = cases.last_mut() {
            body.push_str(line);
            body.push('\n');
        }
    }
    for (_, body) in &mut cases {
        *body = body.trim().to_string();
    }
    cases
}

/// What moved, as `-` (recorded) and `+` (now) lines with a little context.
pub fn diff(recorded: &str, now: &str) -> String {
    let diff = similar::TextDiff::from_lines(recorded, now);
    let mut out = String::new();
    for group in diff.grouped_ops(2) {
        for op in group {
            for change in diff.iter_changes(&op) {
                let sign = match change.tag() {
                    similar::ChangeTag::Delete => "-",
                    similar::ChangeTag::Insert => "+",
                    similar::ChangeTag::Equal => " ",
                };
                let line = format!("{sign} {}", change.value().trim_end_matches('\n'));
                out += line.trim_end();
                out.push('\n');
            }
        }
        out += "  …\n";
    }
    out
}
