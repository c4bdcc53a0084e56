//! The language of messages: Chinese by default, English with `--lang en`
//! or an English locale; an unknown `--lang` is a usage error.

use crate::common;
use scorecard::diagnostic::render;
use scorecard::i18n::{with_lang, Lang};
use std::process::{Command, Output};

const CARD: &str = "tests/cards/check/unknown_name.card";

/// The binary with no locale at all, plus the variables and arguments given.
fn scorecard(env: &[(&str, &str)], args: &[&str]) -> Output {
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

fn stderr(out: &Output) -> String {
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
            Ok(checked) => render::human_all(&checked.warnings, false),
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
