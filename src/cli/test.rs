//! `scorecard test`: run the case files kept next to the cards, like `cargo test`.

use super::stdout::outln;
use super::{load, Exit};
use scorecard::cases::{self, snapshot, CaseFile, CaseResult, Coverage, Outcome};
use scorecard::run::{load_card, CardInput};
use scorecard::CheckedCard;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
#[command(
    about = "Run the cases kept next to cards: expected totals, items, grades and outputs, and tier coverage",
    after_help = "A case file `NAME.cases.toml` sits next to `NAME.card`. Give case files, cards, or folders (searched for *.cases.toml); the default is the current folder.\n\nExamples:\n  scorecard test rules/\n  scorecard test rules/callback_specialist.card\n  scorecard test --snapshot rules/             # also compare each case's full result with NAME.cases.snap\n  scorecard test --snapshot --accept rules/    # record the current results as the snapshots"
)]
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
                eprintln!("error: {message}");
                totals.exit = Some(Exit::Usage);
            }
        }
    }
    if files.is_empty() && totals.exit.is_none() {
        eprintln!(
            "error: no case files (*.cases.toml) under {}",
            paths.join(", ")
        );
        return Exit::Usage;
    }
    for file in files {
        one_file(&file, &args, &mut totals);
    }
    let ok = totals.failed == 0 && totals.exit.is_none();
    outln!(
        "test result: {}. {} passed; {} failed",
        if ok { "ok" } else { "FAILED" },
        totals.passed,
        totals.failed
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
            eprintln!("error: {problems}");
            totals.exit = Some(Exit::CardError);
            return;
        }
    };
    let card_path = file.card.display().to_string();
    let loaded = load_card(&CardInput::file(&file.card), &scorecard::FileLoader::new());
    let card: CheckedCard = match loaded {
        Ok(checked) => {
            load::print_diagnostics(&checked.warnings);
            checked.card
        }
        Err(diagnostics) => {
            load::print_diagnostics(&diagnostics);
            eprintln!(
                "error: {}: the card `{card_path}` cannot be used",
                path.display()
            );
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
        "\nrunning {} case{} from {}",
        results.len(),
        if results.len() == 1 { "" } else { "s" },
        path.display()
    );
    let mut failures: Vec<(String, String)> = Vec::new();
    for case in &results {
        let mut why = match &case.outcome {
            Outcome::Passed => String::new(),
            Outcome::Failed(mismatches) => {
                let mut text =
                    String::from("expected (worked out by hand) vs actual (the card):\n");
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
                let mut text = String::from("the case could not be checked:\n");
                for p in problems {
                    text += &format!("  {}\n", p.replace('\n', "\n  "));
                }
                text
            }
        };
        if let Some(diff) = moved.diffs.iter().find(|(name, _)| *name == case.name) {
            why += &format!(
                "the result moved from its snapshot (- recorded, + now):\n{}",
                diff.1
            );
        }
        if why.is_empty() {
            outln!("test {} ... ok", case.name);
            totals.passed += 1;
        } else {
            outln!("test {} ... FAILED", case.name);
            totals.failed += 1;
            failures.push((case.name.clone(), why));
        }
    }
    if !failures.is_empty() {
        outln!("\nfailures:\n");
        for (name, why) in &failures {
            outln!("---- {name} ----\n{why}");
        }
        outln!("failures:");
        for (name, _) in &failures {
            outln!("    {name}");
        }
    }
    for note in &moved.notes {
        outln!("\n{note}");
    }
    if !moved.stale.is_empty() {
        totals.failed += moved.stale.len();
        outln!(
            "\nthe snapshot has case(s) the case file no longer has: {} (record again with --snapshot --accept)",
            moved.stale.join(", ")
        );
    }
    print_coverage(&card, &results);
}

fn print_coverage(card: &CheckedCard, results: &[CaseResult]) {
    let scored = results.iter().flat_map(|c| c.scored.iter().map(|(r, _)| r));
    let coverage = Coverage::of(card, scored);
    outln!("\ncoverage of {}: {}", card.source.name, coverage.summary());
    let missed = coverage.missed();
    if !missed.is_empty() {
        outln!("  not reached by any case:");
        for point in missed {
            outln!(
                "    line {:<4} {}  `{}`",
                point.line,
                point.owner,
                point.rule
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
                .push(format!("recorded the snapshot {}", snap.display()));
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
            None => out.diffs.push((
                name.clone(),
                "  (a new case: nothing recorded yet)\n".to_string(),
            )),
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
        out.notes.push(format!(
            "the new results are in {}: review them, then run `scorecard test --snapshot --accept` to record them",
            pending.display()
        ));
    }
    out
}

fn write(path: &PathBuf, text: &str, out: &mut Snapshots) {
    if let Err(e) = std::fs::write(path, text) {
        out.notes
            .push(format!("error: cannot write {}: {e}", path.display()));
    }
}

/// Case files named by a path: a case file, a card's `NAME.cases.toml`, or every one under a folder.
fn case_files(path: &Path) -> Result<Vec<PathBuf>, String> {
    if path.is_dir() {
        let mut files = Vec::new();
        for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
            let entry = entry.map_err(|e| format!("cannot list `{}`: {e}", path.display()))?;
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
            return Err(format!(
                "`{}` has no cases: write them in `{}`",
                path.display(),
                cases.display()
            ));
        }
        return Ok(vec![cases]);
    }
    if !path.exists() {
        return Err(format!("`{}` does not exist", path.display()));
    }
    Ok(vec![path.to_path_buf()])
}
