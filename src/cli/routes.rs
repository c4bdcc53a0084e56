//! `eval` and `explain` with a rules directory: each row is scored by the
//! card its role, brand and store pick in the directory's `scorecard.toml`.

use super::score::{self, describe, evaluate, verdict, Batch, DataArgs, Group};
use super::{load, Exit};
use scorecard::data::RecordSource;
use scorecard::diagnostic::{Code, Diagnostic};
use scorecard::manifest::{self, Manifest, Rules, MANIFEST_FILE};
use scorecard::resolve::FileLoader;
use scorecard::Diagnostics;
use std::path::{Path, PathBuf};

/// The manifest `card` names, if it names a rules directory or a `.toml` file.
pub fn manifest_path(card: &str) -> Option<PathBuf> {
    let path = Path::new(card);
    if path.is_dir() {
        return Some(path.join(MANIFEST_FILE));
    }
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
        .then(|| path.to_path_buf())
}

pub fn run(args: &DataArgs, manifest: &Path) -> Result<Batch, Exit> {
    let loader = FileLoader::new();
    let source = loader.open(manifest).map_err(|why| {
        eprintln!("error: {why}");
        if !manifest.exists() {
            eprintln!("  help: a rules directory keeps its cards' list in {MANIFEST_FILE}");
        }
        Exit::CardError
    })?;
    let rules = Manifest::parse(&source)
        .and_then(|manifest| Rules::compile(manifest, &loader))
        .map_err(|diagnostics| {
            load::print_diagnostics(&diagnostics);
            Exit::CardError
        })?;
    load::print_diagnostics(&rules.warnings());

    let routed = manifest::route(&rules, open(args)?, args.role.as_deref());
    for warning in &routed.warnings {
        eprintln!("warning: {warning}");
    }
    let errors = routed.all_errors();
    for error in &errors {
        eprintln!("error: {error}");
    }
    let mut bad_lines: Vec<Option<usize>> = errors.iter().map(|e| e.location.number()).collect();
    let mut bad = errors.len();
    let mut groups = Vec::new();
    for group in routed.groups {
        let card = rules.cards[group.card].card.clone();
        let (results, failures) = evaluate(&card, &group.set.rows);
        for failure in &failures {
            eprintln!("error: {}", describe(&card, &args.data, failure));
            bad_lines.push(Some(failure.line));
        }
        bad += failures.len();
        groups.push(Group {
            card,
            rows: group.set.rows,
            sources: Vec::new(),
            results,
        });
    }
    let scored = groups.iter().map(|g| g.results.len()).sum();
    let exit = verdict(args, bad, bad_lines, scored)?;
    Ok(Batch {
        groups,
        exit,
        routed: true,
    })
}

/// Checks a manifest and every card it lists: `rules/scorecard.toml — 13
/// entries, 13 cards, roles: …`, with the cards' warnings; or every problem.
pub fn check_rules(manifest: &Path) -> Result<(String, Diagnostics), Diagnostics> {
    let loader = FileLoader::new();
    let source = loader
        .open(manifest)
        .map_err(|why| Diagnostics(vec![Diagnostic::error(Code::MissingCard, why)]))?;
    let rules = Rules::compile(Manifest::parse(&source)?, &loader)?;
    let summary = format!(
        "{} — {} entries, {} cards, roles: {}",
        source.name,
        rules.manifest.entries.len(),
        rules.cards.len(),
        rules.manifest.roles().join(", ")
    );
    Ok((summary, rules.warnings()))
}

/// The data file (or stdin) as records, not yet bound to any card.
fn open(args: &DataArgs) -> Result<Box<dyn RecordSource>, Exit> {
    score::open(args)?.map_err(|error| {
        eprintln!("error: {error}");
        Exit::DataError
    })
}
