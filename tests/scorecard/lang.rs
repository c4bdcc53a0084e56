//! The language of messages: Chinese by default, English with `--lang en`
//! or an English locale; an unknown `--lang` is a usage error.

use crate::common;
use scorecard::diagnostic::render;
use scorecard::i18n::{with_lang, Lang};
use std::process::{Command, Output};

const CARD: &str = "tests/cards/check/unknown_name.card";

/// The binary with no locale at all, plus the variables and arguments given.
pub(crate) fn scorecard(env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_scorecard"));
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(name);
    }
    command
        .envs(env.iter().copied())
        .args(args)
        .current_dir(common::root())
        .env("NO_COLOR", "1")
        .output()
        .expect("the scorecard binary runs")
}

pub(crate) fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn an_unknown_lang_is_a_usage_error() {
    for value in ["fr", "", "chinese"] {
        let out = scorecard(&[], &["--lang", value, "check", CARD]);
        assert_eq!(
            out.status.code(),
            Some(2),
            "--lang {value:?}: {}",
            stderr(&out)
        );
        assert!(stderr(&out).contains("--lang"), "{}", stderr(&out));
    }
}

#[test]
fn chinese_is_the_default_and_for_any_locale_but_english() {
    for env in [
        vec![],
        vec![("LANG", "C")],
        vec![("LANG", "C.UTF-8")],
        vec![("LANG", "zh_CN.UTF-8")],
        vec![("LC_ALL", "zh_CN.UTF-8"), ("LANG", "en_US.UTF-8")],
    ] {
        let out = scorecard(&env, &["check", CARD]);
        assert_eq!(out.status.code(), Some(3));
        let text = stderr(&out);
        assert!(text.starts_with("错误[unknown-name]: "), "{env:?}:\n{text}");
        assert!(
            text.contains("提示: 是否想写 `反馈及时率`？"),
            "{env:?}:\n{text}"
        );
    }
}

#[test]
fn english_by_the_locale_or_the_flag_and_the_flag_wins() {
    for (env, args) in [
        (vec![("LANG", "en_US.UTF-8")], vec![]),
        (vec![("LC_MESSAGES", "en_GB.UTF-8")], vec![]),
        (vec![("LC_ALL", "zh_CN.UTF-8")], vec!["--lang", "en"]),
        (vec![], vec!["--lang", "en"]),
    ] {
        let mut all = args.clone();
        all.extend(["check", CARD]);
        let text = stderr(&scorecard(&env, &all));
        assert!(
            text.starts_with("error[unknown-name]: "),
            "{env:?} {args:?}:\n{text}"
        );
        assert!(text.contains("help: did you mean `反馈及时率`?"), "{text}");
    }
    let text = stderr(&scorecard(
        &[("LANG", "en_US.UTF-8")],
        &["check", CARD, "--lang", "zh"],
    ));
    assert!(text.starts_with("错误[unknown-name]: "), "{text}");
}

/// What an HR officer reads by default for each mistake in a card.
#[test]
fn chinese_check_diagnostics() {
    insta::glob!(common::cards_dir(), "check/*.card", |path| {
        let out = with_lang(Lang::Zh, || match common::compile(path) {
            Ok(checked) => render::human_all(checked.warnings(), false),
            Err(diagnostics) => render::human_all(&diagnostics, false),
        });
        insta::assert_snapshot!(out);
    });
}

/// Every syntax mistake, as an HR officer reads it by default.
#[test]
fn chinese_parse_errors() {
    insta::glob!(common::cards_dir(), "parse/*.card", |path| {
        let out = with_lang(Lang::Zh, || match common::compile(path) {
            Ok(_) => "(card is valid)\n".to_string(),
            Err(diagnostics) => render::human_all(&diagnostics, false),
        });
        insta::assert_snapshot!(out);
    });
}

/// Mistakes composing cards (`extends`, `override`, `remove`), in Chinese.
#[test]
fn chinese_composition_errors() {
    insta::glob!(common::cards_dir(), "compose/errors/*.card", |path| {
        let out = with_lang(Lang::Zh, || match common::compile(path) {
            Ok(_) => "(card is valid)\n".to_string(),
            Err(diagnostics) => render::human_all(&diagnostics, false),
        });
        insta::assert_snapshot!(out);
    });
}

/// A broken rules manifest, as `scorecard check` prints it with no locale set.
#[test]
fn chinese_manifest_errors() {
    let out = scorecard(&[], &["check", "tests/manifests/bad/"]);
    assert_eq!(out.status.code(), Some(3));
    insta::assert_snapshot!(stderr(&out));
}

/// Mistakes with hooks, in Chinese (rhai's own compile message stays as rhai writes it).
#[test]
fn chinese_hook_diagnostics() {
    insta::glob!(common::cards_dir(), "hooks/*.card", |path| {
        let out = with_lang(Lang::Zh, || match common::compile(path) {
            Ok(_) => "(card is valid)\n".to_string(),
            Err(diagnostics) => render::human_all(&diagnostics, false),
        });
        insta::assert_snapshot!(out);
    });
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The words clap writes in English on a help screen or an error.
const CLAP_ENGLISH: [&str; 8] = [
    "Usage",
    "Options",
    "Arguments",
    "Commands",
    "Print help",
    "possible values",
    "[OPTIONS]",
    "For more information",
];

/// `--help` speaks the reader's language throughout: clap's headings, every
/// command's and option's text, the exit codes.
#[test]
fn help_is_chinese_by_default_and_english_on_request() {
    for args in [vec!["--help"], vec!["eval", "--help"], vec!["help", "diff"]] {
        let out = scorecard(&[], &args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let help = stdout(&out);
        assert!(help.contains("用法: scorecard"), "{args:?}:\n{help}");
        assert!(
            help.contains("选项:") && help.contains("显示帮助"),
            "{help}"
        );
        assert!(help.contains("退出码：\n  0  正常"), "{help}");
        for word in CLAP_ENGLISH {
            assert!(!help.contains(word), "{args:?}: `{word}` in\n{help}");
        }
        for env in [vec![], vec![("LANG", "en_US.UTF-8")]] {
            let mut english = vec!["--lang", "en"];
            if !env.is_empty() {
                english.clear();
            }
            english.extend(args.iter().copied());
            let help = stdout(&scorecard(&env, &english));
            assert!(help.contains("Usage: scorecard"), "{english:?}:\n{help}");
            assert!(
                help.contains("Options:") && help.contains("Print help"),
                "{help}"
            );
            assert!(help.contains("Exit codes:\n  0  ok"), "{help}");
            assert!(!help.contains("用法") && !help.contains("退出码"), "{help}");
        }
    }
    let eval = stdout(&scorecard(&[], &["eval", "--help"]));
    assert!(eval.contains("计算当月数据中每位员工的分数"), "{eval}");
    assert!(eval.contains("[默认：table]"), "{eval}");
}

/// A wrong command line: clap's error, said in Chinese, exit code 2.
#[test]
fn a_wrong_command_line_is_said_in_chinese() {
    let out = scorecard(&[], &["eval", "--frmat", "csv", CARD, "x.csv"]);
    assert_eq!(out.status.code(), Some(2));
    insta::assert_snapshot!("chinese_clap_unknown_argument", stderr(&out));
    let out = scorecard(&[], &["evl"]);
    assert_eq!(out.status.code(), Some(2));
    let text = stderr(&out);
    assert!(text.starts_with("错误: 没有子命令 `evl`"), "{text}");
    for word in CLAP_ENGLISH {
        assert!(!text.contains(word), "`{word}` in\n{text}");
    }
    // In English, clap's own words.
    let text = stderr(&scorecard(&[], &["--lang", "en", "evl"]));
    assert!(
        text.starts_with("error: unrecognized subcommand 'evl'"),
        "{text}"
    );
}

/// A file that is not there, in Chinese: the system's reason said in ours.
#[test]
fn an_unknown_file_is_said_in_chinese() {
    let out = scorecard(&[], &["show", "tests/cards/no_such.card"]);
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(
        stderr(&out),
        "错误: 无法读取 `tests/cards/no_such.card`：文件或文件夹不存在\n"
    );
    let out = scorecard(&[], &["fmt", "tests/cards/no_such.card"]);
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(stderr(&out), "错误: `tests/cards/no_such.card` 不存在\n");
    let out = scorecard(
        &[("LC_ALL", "en_US.UTF-8")],
        &["show", "tests/cards/no_such.card"],
    );
    assert!(
        stderr(&out).starts_with("error: cannot read `tests/cards/no_such.card`: No such file"),
        "{}",
        stderr(&out)
    );
}

/// `-o` onto the month's data is refused, in Chinese, and the data kept.
#[test]
fn output_onto_an_input_is_refused_in_chinese() {
    let data = "examples/callback_specialists.csv";
    let before = std::fs::read(common::root().join(data)).expect("the example");
    let out = scorecard(
        &[("LC_ALL", "zh_CN.UTF-8")],
        &["eval", "rules/callback_specialist.card", data, "-o", data],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        format!("错误: 本次运行要读取 `{data}`（它是数据、考核表、钩子脚本或规则清单）；把报告写在它上面会毁掉它：请给 --output 另一个文件\n")
    );
    assert_eq!(
        std::fs::read(common::root().join(data)).expect("kept"),
        before
    );
}
