//! `scorecard serve`: the card in a code editor in the browser, beside every
//! employee's results, recomputed on each change and compared with the card
//! as saved (the numbers `diff` gives). The page is `editors/web/`; the
//! contract between it and this server is `editors/web/API.md`.
//!
//! ```text
//! mod.rs      the command: which card, which data, where it listens
//! session.rs  each endpoint, over the library (compile, run, diff, explain, fmt)
//! symbols.rs  the card's names for hover and completion
//! text.rs     character offsets; the base cards' read-only lines
//! http.rs     the page and the JSON endpoints (axum)
//! ```

mod http;
mod session;
mod symbols;
#[cfg(test)]
mod tests;
mod text;

use super::args::{data_inputs, split, tell_stop};
use super::{load, tell, Exit};
use scorecard::run::{manifest_path, CardRun, DataSource, Options, Plan, Request, RulesSpec};
use scorecard::t;
use session::{chain_of, Edited, Rules, Session};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[derive(Debug, clap::Args)]
/// Edit a card in the browser (texts: `help-serve-*` in locales/*/serve.ftl)
pub struct ServeArgs {
    /// The rules (a rules directory, or one card), then the data
    #[arg(required = true, num_args = 1.., value_name = "RULES DATA…")]
    pub paths: Vec<String>,
    /// With a rules directory: the card to edit
    #[arg(long, value_name = "CARD")]
    pub card: Option<String>,
    /// The port to listen on, on 127.0.0.1 (0: any free port)
    #[arg(long, default_value_t = 7878)]
    pub port: u16,
    /// The data's format when it cannot be told from the file name
    #[arg(long, value_parser = ["csv", "xlsx", "json", "jsonl", "toml"])]
    pub input_format: Option<String>,
    /// The worksheet to read from an Excel workbook
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// With a rules directory: the role of rows with no 岗位 (role) column
    #[arg(long)]
    pub role: Option<String>,
    /// Forgive headers that look misspelt and brands or stores the rules do not know
    #[arg(long)]
    pub lenient: bool,
}

pub fn run(args: ServeArgs) -> Exit {
    let session = match open(&args) {
        Ok(session) => session,
        Err(exit) => return exit,
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            tell::error(e);
            return Exit::Usage;
        }
    };
    runtime.block_on(async move {
        let listener = match tokio::net::TcpListener::bind(("127.0.0.1", args.port)).await {
            Ok(listener) => listener,
            Err(e) => {
                tell::error(t!(
                    "serve-cannot-listen",
                    port = args.port.to_string(),
                    error = load::io_reason(&e)
                ));
                return Exit::Usage;
            }
        };
        let url = match listener.local_addr() {
            Ok(addr) => format!("http://{addr}/"),
            Err(e) => {
                tell::error(e);
                return Exit::Usage;
            }
        };
        let rows = session.rows_scored();
        println!("{}", t!("serve-listening", url = &url));
        println!(
            "{}",
            t!("serve-editing", card = &session.card.name, rows = rows)
        );
        println!("{}", t!("serve-stop-hint"));
        let _ = std::io::stdout().flush();
        match axum::serve(listener, http::router(session)).await {
            Ok(()) => Exit::Ok,
            Err(e) => {
                tell::error(e);
                Exit::Output
            }
        }
    })
}

/// The session the command line asks for: the card to edit (told on
/// stderr when it was chosen from the data), the rules, the data in memory.
fn open(args: &ServeArgs) -> Result<Session, Exit> {
    let (rules, data) = split(&args.paths);
    if rules.len() != 1 {
        tell::error(t!("serve-one-rules", rules = rules.join(" ")));
        return Err(Exit::Usage);
    }
    let rules = &rules[0];
    let data = if data.is_empty() {
        Vec::new()
    } else {
        let mut inputs = data_inputs(data, args.input_format.as_deref(), args.sheet.as_deref())?;
        // Read once: every keystroke scores the same month.
        for input in &mut inputs {
            if let DataSource::Path(path) = &input.source {
                input.format = input.effective_format();
                match std::fs::read(path) {
                    Ok(bytes) => input.source = DataSource::Bytes(Arc::new(bytes)),
                    Err(e) => {
                        tell::error(t!(
                            "cli-cannot-read",
                            path = &input.name,
                            error = load::io_reason(&e)
                        ));
                        return Err(Exit::DataError);
                    }
                }
            }
        }
        inputs
    };
    let options = Options {
        role: args.role.clone(),
        lenient: args.lenient,
        keep_going: true,
        ..Options::default()
    };
    let (card, spec) = match manifest_path(rules) {
        Some(manifest) => {
            let card = match &args.card {
                Some(card) => scorecard::resolve::tidy_name(Path::new(card)),
                None => choose(&manifest, &data, &options)?,
            };
            (card, Rules::Directory(manifest))
        }
        None => {
            if args.card.is_some() {
                tell::error(t!("serve-card-needs-directory"));
                return Err(Exit::Usage);
            }
            (scorecard::resolve::tidy_name(Path::new(rules)), Rules::Card)
        }
    };
    let saved = load::read_text(&card).map_err(|m| {
        tell::error(m);
        Exit::CardError
    })?;
    let root = root_of(&card, &spec);
    let real = std::fs::canonicalize(&card).ok();
    if !real.as_ref().is_some_and(|r| r.starts_with(&root)) {
        tell::error(t!(
            "serve-outside-root",
            path = &card,
            root = root.display().to_string()
        ));
        return Err(Exit::Usage);
    }
    let mut session = Session::new(Edited { name: card, root }, saved, spec, data, options);
    let idle = session.leave_out_idle_steps();
    if !idle.is_empty() {
        tell::note(t!(
            "serve-steps-left-out",
            steps = idle.join(&t!("cli-list-separator"))
        ));
    }
    let usage = session.usage_problems();
    if !usage.is_empty() {
        for problem in usage {
            tell::error(problem);
        }
        return Err(Exit::Usage);
    }
    Ok(session)
}

/// The rules root, as the file system resolves it: `--rules-root`, else
/// the rules directory, else the nearest folder above the card holding a
/// `scorecard.toml`, else the card's own folder.
fn root_of(card: &str, rules: &Rules) -> PathBuf {
    let canonical = |p: &Path| {
        std::fs::canonicalize(if p.as_os_str().is_empty() {
            Path::new(".")
        } else {
            p
        })
        .unwrap_or_else(|_| p.to_path_buf())
    };
    if let Some(root) = scorecard::confine::rules_root() {
        return canonical(root);
    }
    if let Rules::Directory(manifest) = rules {
        return canonical(manifest.parent().unwrap_or(Path::new("")));
    }
    let folder = canonical(Path::new(card).parent().unwrap_or(Path::new("")));
    folder
        .ancestors()
        .find(|d| d.join("scorecard.toml").is_file())
        .map(Path::to_path_buf)
        .unwrap_or(folder)
}

/// The card to edit when none is named: the one card the data's rows are
/// scored by (in the month's first step), else the base card they all
/// extend, else the card that scores the most rows. Told on stderr.
fn choose(
    manifest: &Path,
    data: &[scorecard::run::DataInput],
    options: &Options,
) -> Result<String, Exit> {
    let spec = RulesSpec::Directory(manifest.to_path_buf());
    let plan = Plan::load(Request {
        rules: spec,
        data: data.to_vec(),
        from: Vec::new(),
        options: options.clone(),
    });
    let runs: Vec<CardRun> = match plan {
        Ok(plan) => {
            let outcome = plan.results();
            let first = outcome.runs.first().map(|r| r.step.clone());
            outcome
                .runs
                .into_iter()
                .filter(|r| Some(&r.step) == first.as_ref() && !r.results.is_empty())
                .collect()
        }
        Err(scorecard::run::Stop::Usage(_)) if data.is_empty() => Vec::new(),
        Err(stop) => return Err(tell_stop(&stop)),
    };
    if runs.is_empty() {
        tell::error(t!("serve-name-a-card"));
        return Err(Exit::Usage);
    }
    let rows: usize = runs.iter().map(|r| r.results.len()).sum();
    let chains: Vec<Vec<String>> = runs.iter().map(|r| chain_of(&r.card)).collect();
    let (card, why) = if runs.len() == 1 {
        (chains[0][0].clone(), t!("serve-why-one", rows = rows))
    } else if let Some(base) = chains[0]
        .iter()
        .find(|f| chains.iter().all(|c| c.contains(f)))
    {
        (
            base.clone(),
            t!("serve-why-base", rows = rows, cards = runs.len()),
        )
    } else {
        let most = runs
            .iter()
            .enumerate()
            .max_by_key(|(i, r)| (r.results.len(), std::cmp::Reverse(*i)))
            .map(|(i, _)| i)
            .unwrap_or(0);
        (
            chains[most][0].clone(),
            t!(
                "serve-why-most",
                count = runs[most].results.len(),
                rows = rows
            ),
        )
    };
    tell::note(t!("serve-chosen", card = &card, why = why));
    Ok(card)
}
