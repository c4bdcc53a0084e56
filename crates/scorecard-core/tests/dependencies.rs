//! The core stays embeddable: no threads pool, command line, spreadsheet,
//! temporary-file, directory-walking or terminal library among its
//! dependencies, and no file-system, network or process access in its code.
//! (A browser or service build needs none of them; the crates above bring
//! them in.)

use std::path::{Path, PathBuf};
use std::process::Command;

/// Crates the core must never depend on, with why.
const FORBIDDEN: [(&str, &str); 13] = [
    ("rayon", "threads: scorecard-io's parallel::EveryCore"),
    ("clap", "the command line"),
    ("indicatif", "progress bars"),
    ("ctrlc", "signals"),
    ("calamine", "reading Excel"),
    ("rust_xlsxwriter", "writing Excel"),
    ("zip", "workbooks"),
    ("csv", "data files"),
    ("tempfile", "output files"),
    ("walkdir", "rules directories"),
    ("miette", "terminal rendering"),
    ("terminal_size", "terminal rendering"),
    ("comfy-table", "terminal tables"),
];

#[test]
fn the_core_depends_on_nothing_that_stops_embedding() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    let output = Command::new(cargo)
        .args([
            "tree",
            "--offline",
            "-e",
            "normal",
            "--prefix",
            "none",
            "-p",
        ])
        .arg("scorecard-core")
        .arg("--manifest-path")
        .arg(&manifest)
        .output()
        .expect("cargo tree runs");
    let tree = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && tree.contains("scorecard-core"),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let names: Vec<&str> = tree
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    // The listing is read right: the parser the core does use is in it.
    assert!(names.contains(&"pest"), "{tree}");
    let found: Vec<String> = FORBIDDEN
        .iter()
        .filter(|(name, _)| {
            names
                .iter()
                .any(|n| n.replace('-', "_") == name.replace('-', "_"))
        })
        .map(|(name, why)| format!("{name} ({why})"))
        .collect();
    assert!(found.is_empty(), "scorecard-core depends on {found:?}");
}

/// The library's own source files (tests excluded: they may read fixtures).
fn library_sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable").flatten() {
        let path = entry.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if path.is_dir() {
            if name != "tests" {
                library_sources(&path, out);
            }
        } else if name.ends_with(".rs") && !name.contains("tests") {
            out.push(path);
        }
    }
}

#[test]
fn the_core_touches_no_file_network_or_process() {
    let mut files = Vec::new();
    library_sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.len() > 40, "found only {} source files", files.len());
    let mut uses = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("a source file");
        // Code after `#[cfg(test)]` is a test module of the file.
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (n, line) in code.lines().enumerate() {
            let line = line.split("//").next().unwrap_or("");
            for needle in [
                "std::fs",
                "std::net",
                "std::process",
                "File::open",
                "File::create",
            ] {
                if line.contains(needle) {
                    uses.push(format!("{}:{}: {needle}", file.display(), n + 1));
                }
            }
        }
    }
    assert!(
        uses.is_empty(),
        "the core reaches outside itself:\n{}",
        uses.join("\n")
    );
}
