//! Command-line arguments, one file per subcommand.

mod by_groups;
mod check;
mod diff;
mod eval;
mod explain;
mod fmt;
mod load;
mod output;
mod progress;
mod routes;
mod score;
mod show;
mod stream;
mod template;
mod test;
mod write_ahead;

use clap::{Parser, Subcommand};

/// What a run ended with; the process exits with this number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    Ok = 0,
    /// A data row or an evaluation failed.
    DataError = 1,
    /// A card is invalid, a file is missing, or the command line is wrong.
    CardError = 2,
}

#[derive(Debug, Parser)]
#[command(
    name = "scorecard",
    version,
    about = "Check and evaluate employee performance scorecards and pay formulas",
    after_help = "Examples:\n  scorecard check rules/callback_specialist.card\n  scorecard eval rules/callback_specialist.card examples/callback_specialists.csv\n  scorecard explain rules/callback_specialist.card examples/callback_specialists.csv --employee E003"
)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
    /// The folder whose files cards may name (`extends`, `hooks`); by default the
    /// nearest folder above the card holding a `scorecard.toml`, else the card's own
    #[arg(long, global = true, value_name = "DIR")]
    pub rules_root: Option<std::path::PathBuf>,
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
}

pub fn run(args: Args) -> Exit {
    if let Some(dir) = args.rules_root {
        load::set_rules_root(dir);
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
    }
}
