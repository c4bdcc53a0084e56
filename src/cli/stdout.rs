//! Writing to stdout without a panic: `scorecard explain … | head -1` closes
//! the pipe early, and the reader has all it wants (the run ends quietly);
//! a full disk (`> /dev/full`) is said, with exit code 4.

use super::Exit;
use std::io::Write;

/// Prints `text` to stdout; on a closed pipe ends the process quietly.
pub fn print(text: &str) {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(Exit::Ok as i32);
        }
        super::tell::error(scorecard::t!(
            "cli-cannot-write-stdout",
            error = e.to_string()
        ));
        std::process::exit(Exit::Output as i32);
    }
}

/// `println!` that never panics (see [`print`]).
macro_rules! outln {
    () => {
        $crate::cli::stdout::print("\n")
    };
    ($($arg:tt)*) => {
        $crate::cli::stdout::print(&format!("{}\n", format_args!($($arg)*)))
    };
}

/// `print!` that never panics (see [`print`]).
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::cli::stdout::print(&format!($($arg)*))
    };
}

pub(crate) use {out, outln};
