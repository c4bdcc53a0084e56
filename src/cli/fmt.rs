//! `scorecard fmt`: rewrite cards in the one canonical layout, comments kept.

use super::stdout::{out, outln};
use super::{load, tell, Exit};
use scorecard::syntax::fmt::format;
use scorecard::t;
use scorecard::SourceFile;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
/// Lay cards out (texts: `help-fmt-*` in locales/*/help.ftl)
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
                tell::error(message);
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
        eprintln!("{}", t!("cli-fmt-unformatted", count = unformatted));
        exit = exit.max(Exit::DataError);
    }
    exit
}

/// Formats one file; `Ok(true)` when it was (or, with `check`, would be) changed.
fn one(path: &Path, check: bool) -> Result<bool, Exit> {
    let name = path.display().to_string();
    let text = load::read_text(&name).map_err(|message| {
        tell::error(message);
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
        tell::error(t!(
            "cli-cannot-write-file",
            path = &name,
            error = e.to_string()
        ));
        Exit::CardError
    })?;
    eprintln!("{}", t!("cli-formatted", path = &name));
    Ok(true)
}

fn stdin(check: bool) -> Exit {
    let text = match load::read_text("-") {
        Ok(text) => text,
        Err(message) => {
            tell::error(message);
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
            return Err(t!("cli-does-not-exist", path = path.display().to_string()));
        }
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
        let entry = entry.map_err(|e| {
            t!(
                "cli-cannot-list",
                path = path.display().to_string(),
                error = e.to_string()
            )
        })?;
        if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "card") {
            files.push(entry.into_path());
        }
    }
    Ok(files)
}

/// Writes `text` to a temporary file beside `path`, then renames it over
/// `path`, so a card is never left half written. The file keeps its
/// permissions; a symbolic link stays a link, the file it names rewritten.
pub(super) fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
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
