//! Command-line arguments, one file per subcommand. The library runs
//! everything ([`scorecard::run`]); the commands parse, print, and choose
//! the exit code.

mod args;
mod check;
mod diff;
mod eval;
mod explain;
mod fmt;
pub mod help;
mod load;
mod lsp;
mod output;
mod progress;
mod serve;
mod show;
mod stdout;
mod tell;
mod template;
mod test;
mod write_ahead;

use clap::{Parser, Subcommand};

/// What a run ended with; the process exits with this number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    Ok = 0,
    /// Problems in the data (rows not scored); a case failed (`test`); a
    /// card not formatted (`fmt --check`); a row not compared (`diff`).
    DataError = 1,
    /// The command line is wrong (clap's own errors exit 2 too).
    Usage = 2,
    /// A card, hook script or manifest does not check, or cannot be read.
    CardError = 3,
    /// The report could not be written (a full disk, a closed pipe).
    Output = 4,
}

/// The command line. Every text `--help` shows is in the catalogue
/// (`locales/*/help.ftl`), put in by [`help::command`].
#[derive(Debug, Parser)]
#[command(name = "scorecard", version)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
    /// The folder whose files cards may name (`extends`, `hooks`); by default the
    /// nearest folder above the card holding a `scorecard.toml`, else the card's own
    #[arg(long, global = true, value_name = "DIR")]
    pub rules_root: Option<std::path::PathBuf>,
    /// New report files readable by their owner only (mode 0600); by default they get
    /// the usual permissions (the umask decides)
    #[arg(long, global = true)]
    pub private: bool,
    /// The language of messages: `zh` (Chinese) or `en` (English); by default
    /// the locale's (`LC_ALL`, `LC_MESSAGES`, `LANG`: `en…` is English), else Chinese
    #[arg(long, global = true, value_name = "zh|en", value_parser = parse_lang)]
    pub lang: Option<scorecard::i18n::Lang>,
}

fn parse_lang(text: &str) -> Result<scorecard::i18n::Lang, String> {
    scorecard::i18n::Lang::parse(text)
        .ok_or_else(|| scorecard::t!("cli-not-a-language", text = text))
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Check(check::CheckArgs),
    Eval(eval::EvalArgs),
    Explain(explain::ExplainArgs),
    Diff(diff::DiffArgs),
    Fmt(fmt::FmtArgs),
    Test(test::TestArgs),
    Template(template::TemplateArgs),
    Show(show::ShowArgs),
    Lsp(lsp::LspArgs),
    Serve(serve::ServeArgs),
}

pub fn run(args: Args) -> Exit {
    output::clean_up_on_interrupt();
    output::set_private(args.private);
    scorecard::i18n::set_lang(args.lang.unwrap_or_else(scorecard::i18n::Lang::from_env));
    if let Some(dir) = args.rules_root {
        scorecard::confine::set_rules_root(dir);
    }
    match args.command {
        Command::Check(a) => check::run(a),
        Command::Eval(a) => eval::run(a),
        Command::Explain(a) => explain::run(a),
        Command::Diff(a) => diff::run(a),
        Command::Fmt(a) => fmt::run(a),
        Command::Test(a) => test::run(a),
        Command::Template(a) => template::run(a),
        Command::Show(a) => show::run(a),
        Command::Lsp(a) => lsp::run(a, args.lang),
        Command::Serve(a) => serve::run(a),
    }
}

#[cfg(test)]
mod tests {
    use super::Exit;
    use scorecard::i18n::{message_in, Lang};

    #[test]
    fn the_exit_codes_in_help_are_the_codes() {
        let listed = message_in(Lang::En, "help-exit-codes", vec![]);
        for (code, what) in [
            (Exit::Ok, "ok"),
            (Exit::DataError, "problems in the data"),
            (Exit::Usage, "the command line"),
            (Exit::CardError, "a card"),
            (Exit::Output, "the report"),
        ] {
            let line = format!("  {}  {what}", code as u8);
            assert!(listed.contains(&line), "{line}");
        }
        let chinese = message_in(Lang::Zh, "help-exit-codes", vec![]);
        for code in 0..=4 {
            assert!(chinese.contains(&format!("\n  {code}  ")), "{chinese}");
        }
    }
}
