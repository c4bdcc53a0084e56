//! The `scorecard` command: a thin layer over the library.
//!
//! Exit codes: 0 ok, 1 an evaluation or data error, 2 bad usage, 3 an
//! invalid card, 4 the report could not be written.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // The language first, so that `--help` and clap's errors speak it.
    scorecard::i18n::set_lang(cli::help::lang_of(&argv));
    let args = match cli::help::parse(argv) {
        Ok(args) => args,
        Err(code) => return ExitCode::from(code),
    };
    let code = cli::run(args);
    ExitCode::from(code as u8)
}
