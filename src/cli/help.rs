//! The command line in the reader's language: every `--help` text, clap's
//! own headings, and clap's errors for a wrong command line.
//!
//! clap's derive attributes hold the texts as static English; here, before
//! parsing, the language is settled from `--lang` (read ahead of clap) or the
//! locale, and every command's `about` and `after_help` and every
//! argument's `help` is replaced by the catalogue's (`locales/*/help.ftl`):
//! a command's texts are `help-COMMAND-about` and `help-COMMAND-after`
//! (`COMMAND` is `scorecard` for the top level), an argument's
//! `help-COMMAND-arg-ARG`, or `help-arg-ARG` when several commands share it.
//! A text the catalogue lacks shows as `⟨id⟩`; the tests walk every command
//! and argument so none ships.
//!
//! clap's headings ("Usage", "Commands", "Arguments", "Options") and its
//! `--help`, `--version` and `help` texts are replaced too: its own help and
//! version flags are turned off and given again with our texts. In Chinese,
//! clap's error for a wrong command line is written anew from the error's
//! parts (the argument, the value, the valid values, the suggestion, the
//! usage); in English it is clap's own.

use super::Args;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};
use scorecard::i18n::{self, Lang};
use scorecard::t;
use std::ffi::OsString;
use std::io::{IsTerminal, Write};

/// The language the command line asks for: the last `--lang X` (or
/// `--lang=X`) that names one, else the locale's. Read before clap parses,
/// so that `--help` and clap's errors are already in it.
pub fn lang_of(argv: &[OsString]) -> Lang {
    let mut found = None;
    let mut words = argv.iter().skip(1).map(|w| w.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        let value = if word == "--lang" {
            words.next().map(|v| v.into_owned())
        } else {
            word.strip_prefix("--lang=").map(str::to_string)
        };
        if let Some(lang) = value.as_deref().and_then(Lang::parse) {
            found = Some(lang);
        }
    }
    found.unwrap_or_else(Lang::from_env)
}

/// Parses the command line with the texts of the current language; on
/// `--help`, `--version` or a wrong command line, prints what clap would
/// (in that language) and returns the exit code to end with.
pub fn parse(argv: Vec<OsString>) -> Result<Args, u8> {
    let matches = command()
        .try_get_matches_from(argv)
        .map_err(|e| report(&e))?;
    Args::from_arg_matches(&matches).map_err(|e| report(&e))
}

/// The message `id`, if the catalogue has it.
fn text(id: &str) -> Option<String> {
    let found = i18n::message(id, vec![]);
    (!found.starts_with('⟨')).then_some(found)
}

/// The id of an argument's text: the command's own, else the shared one;
/// the command's own id if neither exists (it then shows as `⟨id⟩`).
pub fn arg_text(command: &str, arg: &str) -> String {
    let arg = arg.replace('_', "-");
    let own = format!("help-{command}-arg-{arg}");
    text(&own)
        .or_else(|| text(&format!("help-arg-{arg}")))
        .unwrap_or_else(|| format!("⟨{own}⟩"))
}

/// A heading clap keeps as `&'static str` (its `string` feature is off);
/// made once a run, for the few headings.
fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

/// The whole command, every text in the current language, built.
pub fn command() -> Command {
    let mut root = Args::command()
        .disable_help_flag(true)
        .disable_version_flag(true)
        .subcommand_help_heading(leak(t!("help-heading-commands")))
        .subcommand_value_name(leak(t!("help-command-placeholder")))
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .global(true)
                .action(ArgAction::Help)
                .help(t!("help-arg-help")),
        )
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t!("help-arg-version")),
        );
    root = localise(root, "scorecard");
    let names: Vec<String> = root
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        root = root.mut_subcommand(&name, |sub| localise(sub.disable_help_flag(true), &name));
    }
    root.build();
    root.mut_subcommand("help", |help| {
        // Built, it lists a copy of every command (`help eval`), and itself.
        help.about(t!("help-help-about"))
            .help_template(template())
            .subcommand_help_heading(leak(t!("help-heading-commands")))
            .subcommand_value_name(leak(t!("help-command-placeholder")))
            .mut_subcommand("help", |h| h.about(t!("help-help-about")))
            .mut_args(|a| a.help(t!("help-help-arg-subcommand")))
    })
}

/// clap's help layout, with the usage heading in the current language.
fn template() -> String {
    format!(
        "{{before-help}}{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
        t!("help-heading-usage")
    )
}

/// One command's texts and its arguments' from the catalogue.
fn localise(cmd: Command, name: &str) -> Command {
    let about =
        text(&format!("help-{name}-about")).unwrap_or_else(|| format!("⟨help-{name}-about⟩"));
    let after = text(&format!("help-{name}-after"));
    let (arguments, options) = (
        leak(t!("help-heading-arguments")),
        leak(t!("help-heading-options")),
    );
    let mut positional = 0;
    let cmd = match after {
        Some(after) => cmd.after_help(after),
        None => cmd.after_help(None::<&str>),
    };
    cmd.about(about)
        .long_about(None)
        .after_long_help(None)
        .help_template(template())
        .mut_args(|a| {
            if a.get_id() == "help" || a.get_id() == "version" {
                // After every other option.
                return a.help_heading(options).display_order(1000);
            }
            let help = arg_text(name, a.get_id().as_str());
            let a = if a.get_action().takes_values() {
                let help = format!("{help}{}", values(&a));
                a.help(help)
                    .hide_possible_values(true)
                    .hide_default_value(true)
            } else {
                a.help(help)
            };
            let a = a.long_help(None);
            if a.is_positional() {
                // Under a heading of their own, positionals are ordered
                // like options: by display order, then name.
                positional += 1;
                a.help_heading(arguments).display_order(positional)
            } else if a.is_global_set() {
                // The options every command has, after its own.
                let order = a.get_display_order();
                a.help_heading(options).display_order(500 + order)
            } else {
                a.help_heading(options)
            }
        })
}

/// ` [默认：table] [可选：table, json …]`: what clap would add in English.
fn values(a: &Arg) -> String {
    let mut text = String::new();
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() {
        text += &format!(" [{}]", t!("help-default", value = defaults.join(", ")));
    }
    let possible: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !possible.is_empty() {
        text += &format!(" [{}]", t!("help-possible", values = possible.join(", ")));
    }
    text
}

/// Prints what clap's `error` says (help, version, or a wrong command line)
/// as clap would, in the current language; the exit code to end with.
fn report(error: &clap::Error) -> u8 {
    let code = error.exit_code() as u8;
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let text = localise_rendered(&rendered(error, std::io::stdout().is_terminal()));
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let text = localise_rendered(&rendered(error, std::io::stderr().is_terminal()));
            eprint!("{text}");
        }
        _ if i18n::lang() == Lang::En => {
            let _ = error.print();
        }
        _ => eprint!("{}", chinese_error(error)),
    }
    code
}

/// clap's text, coloured when it goes to a terminal and NO_COLOR is unset.
fn rendered(error: &clap::Error, terminal: bool) -> String {
    let styled = error.render();
    if terminal && std::env::var_os("NO_COLOR").is_none() {
        styled.ansi().to_string()
    } else {
        styled.to_string()
    }
}

/// The words clap writes itself into help and usage lines.
fn localise_rendered(text: &str) -> String {
    text.replace("[OPTIONS]", &t!("help-options-placeholder"))
}

/// A context value of `error`, as text; a list joined by `、` in Chinese,
/// so that `help, eval` reads as two names and not one.
fn part(error: &clap::Error, kind: ContextKind) -> Option<String> {
    error.get(kind).map(|v| match v {
        ContextValue::Strings(list) => list.join("`、`"),
        other => other.to_string(),
    })
}

/// clap's error for a wrong command line, said in the current language:
/// what is wrong, a suggestion if clap has one, and the usage.
fn chinese_error(error: &clap::Error) -> String {
    let arg = part(error, ContextKind::InvalidArg).unwrap_or_default();
    let value = part(error, ContextKind::InvalidValue).unwrap_or_default();
    let mut hints = Vec::new();
    let message = match error.kind() {
        ErrorKind::InvalidValue if value.is_empty() => t!("clap-value-missing", arg = &arg),
        ErrorKind::InvalidValue => {
            if let Some(suggested) = part(error, ContextKind::SuggestedValue) {
                hints.push(t!("clap-did-you-mean", name = suggested));
            }
            t!(
                "clap-invalid-value",
                arg = &arg,
                value = &value,
                valid = part(error, ContextKind::ValidValue).unwrap_or_default()
            )
        }
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(error)
                .map(|s| s.to_string())
                .unwrap_or_default();
            t!(
                "clap-value-validation",
                arg = &arg,
                value = &value,
                why = why
            )
        }
        ErrorKind::UnknownArgument => {
            if let Some(suggested) = part(error, ContextKind::SuggestedArg) {
                hints.push(t!("clap-did-you-mean", name = suggested));
            } else if arg.starts_with('-') {
                hints.push(t!("clap-dash-value", arg = &arg));
            }
            t!("clap-unknown-argument", arg = &arg)
        }
        ErrorKind::InvalidSubcommand => {
            let name = part(error, ContextKind::InvalidSubcommand).unwrap_or_default();
            if let Some(suggested) = part(error, ContextKind::SuggestedSubcommand) {
                hints.push(t!("clap-did-you-mean", name = suggested));
            }
            t!("clap-unknown-subcommand", name = name)
        }
        ErrorKind::MissingRequiredArgument => t!("clap-missing-argument", arg = &arg),
        ErrorKind::MissingSubcommand => t!("clap-missing-subcommand"),
        ErrorKind::ArgumentConflict => t!(
            "clap-conflict",
            arg = &arg,
            prior = part(error, ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::NoEquals => t!("clap-no-equals", arg = &arg),
        ErrorKind::TooManyValues => t!("clap-too-many-values", arg = &arg, value = &value),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => t!(
            "clap-wrong-number-of-values",
            arg = &arg,
            expected = part(error, ContextKind::ExpectedNumValues)
                .or_else(|| part(error, ContextKind::MinValues))
                .unwrap_or_default(),
            actual = part(error, ContextKind::ActualNumValues).unwrap_or_default()
        ),
        ErrorKind::InvalidUtf8 => t!("clap-invalid-utf8"),
        // Anything else: clap's own words, under a line of ours.
        _ => {
            let english = error.render().to_string();
            return format!("{}\n{english}", t!("clap-other"));
        }
    };
    let mut out = format!("{}: {message}\n", t!("diag-error"));
    for hint in hints {
        out += &format!("\n  {}: {hint}\n", t!("diag-help"));
    }
    if let Some(usage) = part(error, ContextKind::Usage) {
        let usage = usage.strip_prefix("Usage:").unwrap_or(&usage).trim_start();
        out += &format!(
            "\n{}: {}\n",
            t!("help-heading-usage"),
            localise_rendered(usage)
        );
    }
    out += &format!("\n{}\n", t!("clap-more-help"));
    out
}

#[cfg(test)]
#[path = "help_tests.rs"]
mod tests;
