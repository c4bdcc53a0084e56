//! The `scorecard` command: a thin layer over the library.
//!
//! Exit codes: 0 ok, 1 an evaluation or data error, 2 an invalid card or bad usage.

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::Args::parse();
    let code = cli::run(args);
    ExitCode::from(code as u8)
}
