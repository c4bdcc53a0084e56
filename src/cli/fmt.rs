//! `scorecard fmt`: rewrite cards in the one canonical layout, comments kept.

use super::stdout::{out, outln};
use super::{load, Exit};
use scorecard::syntax::fmt::format;
use scorecard::SourceFile;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
#[command(
    about = "Lay cards out in the canonical layout, keeping every comment",
    after_help = "Files are rewritten in place (atomically). A card that does not parse is left alone.\n\nExamples:\n  scorecard fmt rules/\n  scorecard fmt --check rules/        # for CI: list unformatted cards, exit 1\n  scorecard fmt - < a.card > b.card"
)]
pub struct FmtArgs {
    /// Card files, or folders to search for `*.card` files (`-` formats stdin to stdout)
    #[arg(required = true)]
    pub paths: Vec<String>,
    /// Change nothing: list the cards that are not formatted and exit 1 if there are any
    #[arg(long)]
    pub check: bool,
}

pub fn run(args: FmtArgs) -> Exit {
    let mut exit = Exit::Ok;
    let mut unformatted = 0;
    for path in &args.paths {
        if path == "-" {
            exit = exit.max(stdin(args.check));
            continue;
        }
        let files = match cards_under(Path::new(path)) {
            Ok(files) => files,
            Err(message) => {
                eprintln!("error: {message}");
                exit = Exit::CardError;
                continue;
            }
        };
        for file in files {
            match one(&file, args.check) {
                Ok(true) => unformatted += 1,
                Ok(false) => {}
                Err(e) => exit = exit.max(e),
            }
        }
    }
    if args.check && unformatted > 0 {
        eprintln!(
            "{unformatted} card{} not in canonical layout; run `scorecard fmt` on {} to fix",
            if unformatted == 1 { " is" } else { "s are" },
            if unformatted == 1 { "it" } else { "them" },
        );
        exit = exit.max(Exit::DataError);
    }
    exit
}

/// Formats one file; `Ok(true)` when it was (or, with `check`, would be) changed.
fn one(path: &Path, check: bool) -> Result<bool, Exit> {
    let name = path.display().to_string();
    let text = load::read_text(&name).map_err(|message| {
        eprintln!("error: {message}");
        Exit::CardError
    })?;
    let source = SourceFile::new(name.clone(), text);
    let formatted = format(&source).map_err(|diagnostics| {
        load::print_diagnostics(&diagnostics);
        Exit::CardError
    })?;
    if formatted == *source.text {
        return Ok(false);
    }
    if check {
        outln!("{name}");
        return Ok(true);
    }
    write_atomically(path, &formatted).map_err(|e| {
        eprintln!("error: cannot write `{name}`: {e}");
        Exit::CardError
    })?;
    eprintln!("formatted {name}");
    Ok(true)
}

fn stdin(check: bool) -> Exit {
    let text = match load::read_text("-") {
        Ok(text) => text,
        Err(message) => {
            eprintln!("error: {message}");
            return Exit::CardError;
        }
    };
    let source = SourceFile::new("<stdin>", text);
    match format(&source) {
        Ok(formatted) if check => {
            if formatted == *source.text {
                Exit::Ok
            } else {
                outln!("<stdin>");
                Exit::DataError
            }
        }
        Ok(formatted) => {
            out!("{formatted}");
            Exit::Ok
        }
        Err(diagnostics) => {
            load::print_diagnostics(&diagnostics);
            Exit::CardError
        }
    }
}

/// A file as given, or every `*.card` under a folder, in name order.
pub fn cards_under(path: &Path) -> Result<Vec<PathBuf>, String> {
    if !path.is_dir() {
        if !path.exists() {
            return Err(format!("`{}` does not exist", path.display()));
        }
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
        let entry = entry.map_err(|e| format!("cannot list `{}`: {e}", path.display()))?;
        if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "card") {
            files.push(entry.into_path());
        }
    }
    Ok(files)
}

/// Writes `text` to a temporary file beside `path`, then renames it over
/// `path`, so a card is never left half written. The file keeps its
/// permissions; a symbolic link stays a link, the file it names rewritten.
fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let path = &super::output::real_target(path)?;
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut temp = super::output::temporary(tempfile::NamedTempFile::new_in(dir)?);
    temp.write_all(text.as_bytes())?;
    temp.as_file().sync_all()?;
    if let Ok(metadata) = std::fs::metadata(path) {
        temp.as_file().set_permissions(metadata.permissions())?;
    }
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
