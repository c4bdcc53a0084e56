//! `scorecard test`: run the case files kept next to the cards, like `cargo test`.

use super::stdout::outln;
use super::{load, tell, Exit};
use scorecard::cases::{self, snapshot, CaseFile, CaseResult, Coverage, Outcome};
use scorecard::run::{load_card, CardInput};
use scorecard::t;
use scorecard::CheckedCard;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
/// Run the cases (texts: `help-test-*` in locales/*/help.ftl)
pub struct TestArgs {
    /// Case files, cards (their NAME.cases.toml), or folders to search
    pub paths: Vec<String>,
    /// Also compare each case's full result (items, trace, outputs) with its recorded snapshot
    #[arg(long)]
    pub snapshot: bool,
    /// With --snapshot: record the current results as the snapshots
    #[arg(long, requires = "snapshot")]
    pub accept: bool,
}

#[derive(Default)]
struct Totals {
    passed: usize,
    failed: usize,
    exit: Option<Exit>,
}

pub fn run(args: TestArgs) -> Exit {
    let paths = if args.paths.is_empty() {
        vec![".".to_string()]
    } else {
        args.paths.clone()
    };
    let mut totals = Totals::default();
    let mut files = Vec::new();
    for path in &paths {
        match case_files(Path::new(path)) {
            Ok(found) => files.extend(found),
            Err(message) => {
                tell::error(message);
                totals.exit = Some(Exit::Usage);
            }
        }
    }
    if files.is_empty() && totals.exit.is_none() {
        tell::error(t!("cli-test-no-case-files", paths = paths.join(", ")));
        return Exit::Usage;
    }
    for file in files {
        one_file(&file, &args, &mut totals);
    }
    let ok = totals.failed == 0 && totals.exit.is_none();
    outln!(
        "{}",
        t!(
            "cli-test-result",
            verdict = if ok {
                t!("cli-test-ok")
            } else {
                t!("cli-test-failed")
            },
            passed = totals.passed,
            failed = totals.failed
        )
    );
    match totals.exit {
        Some(exit) => exit,
        None if totals.failed > 0 => Exit::DataError,
        None => Exit::Ok,
    }
}

fn one_file(path: &Path, args: &TestArgs, totals: &mut Totals) {
    let file = match CaseFile::load(path) {
        Ok(file) => file,
        Err(problems) => {
            tell::error(problems);
            totals.exit = Some(Exit::CardError);
            return;
        }
    };
    let card_path = file.card.display().to_string();
    let loaded = load_card(&CardInput::file(&file.card), &scorecard::FileLoader::new());
    let card: CheckedCard = match loaded {
        Ok(checked) => {
            load::print_diagnostics(checked.warnings());
            checked.into_card()
        }
        Err(diagnostics) => {
            load::print_diagnostics(&diagnostics);
            tell::error(t!(
                "cli-test-card-unusable",
                path = path.display().to_string(),
                card = &card_path
            ));
            totals.exit = Some(Exit::CardError);
            return;
        }
    };
    let results = cases::run(&card, &file);
    let moved = if args.snapshot {
        snapshots(path, &card, &results, args.accept)
    } else {
        Snapshots::default()
    };
    outln!(
        "\n{}",
        t!(
            "cli-test-running",
            count = results.len(),
            path = path.display().to_string()
        )
    );
    let mut failures: Vec<(String, String)> = Vec::new();
    for case in &results {
        let mut why = match &case.outcome {
            Outcome::Passed => String::new(),
            Outcome::Failed(mismatches) => {
                let mut text = format!("{}\n", t!("cli-test-expected-vs-actual"));
                for m in mismatches {
                    let who = m
                        .employee
                        .as_ref()
                        .map_or(String::new(), |e| format!("{e} "));
                    text += &format!(
                        "- {who}{} = {}\n+ {who}{} = {}\n",
                        m.key, m.expected, m.key, m.actual
                    );
                }
                text
            }
            Outcome::Broken(problems) => {
                let mut text = format!("{}\n", t!("cli-test-broken"));
                for p in problems {
                    text += &format!("  {}\n", p.replace('\n', "\n  "));
                }
                text
            }
        };
        if let Some(diff) = moved.diffs.iter().find(|(name, _)| *name == case.name) {
            why += &format!("{}\n{}", t!("cli-test-moved"), diff.1);
        }
        if why.is_empty() {
            outln!("{}", t!("cli-test-case-ok", name = &case.name));
            totals.passed += 1;
        } else {
            outln!("{}", t!("cli-test-case-failed", name = &case.name));
            totals.failed += 1;
            failures.push((case.name.clone(), why));
        }
    }
    if !failures.is_empty() {
        outln!("\n{}\n", t!("cli-test-failures"));
        for (name, why) in &failures {
            outln!("---- {name} ----\n{why}");
        }
        outln!("{}", t!("cli-test-failures"));
        for (name, _) in &failures {
            outln!("    {name}");
        }
    }
    for note in &moved.notes {
        outln!("\n{note}");
    }
    if !moved.stale.is_empty() {
        totals.failed += moved.stale.len();
        outln!("\n{}", t!("cli-test-stale", cases = moved.stale.join(", ")));
    }
    print_coverage(&card, &results);
}

fn print_coverage(card: &CheckedCard, results: &[CaseResult]) {
    let scored = results.iter().flat_map(|c| c.scored.iter().map(|(r, _)| r));
    let coverage = Coverage::of(card, scored);
    outln!(
        "\n{}",
        t!(
            "cli-test-coverage",
            card = &card.source().name,
            summary = coverage.summary()
        )
    );
    let missed = coverage.missed();
    if !missed.is_empty() {
        outln!("  {}", t!("cli-test-not-reached"));
        for point in missed {
            outln!(
                "    {}",
                t!(
                    "cli-test-missed-point",
                    line = format!("{:<4}", point.line),
                    owner = point.owner.to_string(),
                    rule = point.rule.to_string()
                )
            );
        }
    }
    outln!();
}

#[derive(Default)]
struct Snapshots {
    /// Cases whose result differs from the snapshot, with the diff.
    diffs: Vec<(String, String)>,
    /// Cases the snapshot has but the case file no longer does.
    stale: Vec<String>,
    notes: Vec<String>,
}

/// Compares (or, the first time or with `accept`, records) the snapshots.
fn snapshots(path: &Path, card: &CheckedCard, results: &[CaseResult], accept: bool) -> Snapshots {
    let now: Vec<(String, String)> = results
        .iter()
        .map(|case| (case.name.clone(), snapshot::of_case(card, case)))
        .collect();
    let snap = snapshot::path_for(path);
    let pending = snapshot::pending_path_for(path);
    let text = snapshot::file_text(path, &now);
    let mut out = Snapshots::default();
    let recorded = match std::fs::read_to_string(&snap) {
        Ok(recorded) if !accept => snapshot::parse(&recorded),
        _ => {
            write(&snap, &text, &mut out);
            let _ = std::fs::remove_file(&pending);
            out.notes
                .push(t!("cli-test-recorded", path = snap.display().to_string()));
            return out;
        }
    };
    for (name, body) in &now {
        match recorded.iter().find(|(n, _)| n == name) {
            Some((_, old)) if old.trim() == body.trim() => {}
            Some((_, old)) => out.diffs.push((
                name.clone(),
                snapshot::diff(&format!("{}\n", old.trim()), &format!("{}\n", body.trim())),
            )),
            None => out
                .diffs
                .push((name.clone(), format!("  {}\n", t!("cli-test-new-case")))),
        }
    }
    out.stale = recorded
        .iter()
        .filter(|(n, _)| !now.iter().any(|(m, _)| m == n))
        .map(|(n, _)| n.clone())
        .collect();
    if out.diffs.is_empty() && out.stale.is_empty() {
        let _ = std::fs::remove_file(&pending);
    } else {
        write(&pending, &text, &mut out);
        out.notes
            .push(t!("cli-test-pending", path = pending.display().to_string()));
    }
    out
}

fn write(path: &PathBuf, text: &str, out: &mut Snapshots) {
    if let Err(e) = std::fs::write(path, text) {
        out.notes.push(format!(
            "{}: {}",
            t!("diag-error"),
            t!(
                "cli-cannot-write-file",
                path = path.display().to_string(),
                error = e.to_string()
            )
        ));
    }
}

/// Case files named by a path: a case file, a card's `NAME.cases.toml`, or every one under a folder.
fn case_files(path: &Path) -> Result<Vec<PathBuf>, String> {
    if path.is_dir() {
        let mut files = Vec::new();
        for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
            let entry = entry.map_err(|e| {
                t!(
                    "cli-cannot-list",
                    path = path.display().to_string(),
                    error = e.to_string()
                )
            })?;
            let name = entry.file_name().to_string_lossy();
            if entry.file_type().is_file() && name.ends_with(".cases.toml") {
                files.push(entry.into_path());
            }
        }
        return Ok(files);
    }
    if path.extension().is_some_and(|e| e == "card") {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let cases = path.with_file_name(format!("{stem}.cases.toml"));
        if !cases.exists() {
            return Err(t!(
                "cli-test-no-cases",
                path = path.display().to_string(),
                cases = cases.display().to_string()
            ));
        }
        return Ok(vec![cases]);
    }
    if !path.exists() {
        return Err(t!("cli-does-not-exist", path = path.display().to_string()));
    }
    Ok(vec![path.to_path_buf()])
}
