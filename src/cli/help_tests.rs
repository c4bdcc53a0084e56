use super::*;
use scorecard::i18n::with_lang;

/// Every command of `cmd` with its catalogue name, the top level first.
fn commands(cmd: &Command) -> Vec<(String, Command)> {
    let mut all = vec![("scorecard".to_string(), cmd.clone())];
    for sub in cmd.get_subcommands() {
        all.push((sub.get_name().to_string(), sub.clone()));
    }
    all
}

fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Every command's about and every argument's help comes from the catalogue:
/// none is missing (`⟨id⟩`) or empty in either language, and in Chinese
/// none is clap's static English text.
#[test]
fn every_command_and_argument_is_in_the_catalogue() {
    let mut english_static = Args::command();
    english_static.build();
    for lang in Lang::ALL {
        let cmd = with_lang(lang, command);
        for (name, sub) in commands(&cmd) {
            let about = sub.get_about().map(|s| s.to_string()).unwrap_or_default();
            assert!(
                !about.is_empty() && !about.contains('⟨'),
                "{lang:?} {name}: about {about:?}"
            );
            if lang == Lang::Zh {
                assert!(has_chinese(&about), "{name}: {about}");
            }
            if let Some(after) = sub.get_after_help() {
                assert!(!after.to_string().contains('⟨'), "{lang:?} {name}: {after}");
            }
            let static_sub = if name == "scorecard" {
                Some(&english_static)
            } else {
                english_static.find_subcommand(&name)
            };
            for arg in sub.get_arguments() {
                let id = arg.get_id().as_str();
                let help = arg.get_help().map(|s| s.to_string()).unwrap_or_default();
                assert!(
                    !help.trim().is_empty() && !help.contains('⟨'),
                    "{lang:?} {name} {id}: {help:?}"
                );
                assert!(arg.get_long_help().is_none(), "{name} {id}: a long help");
                if lang != Lang::Zh {
                    continue;
                }
                assert!(has_chinese(&help), "{name} {id}: {help}");
                let english = static_sub
                    .and_then(|s| s.get_arguments().find(|a| a.get_id() == id))
                    .and_then(|a| a.get_help())
                    .map(|s| s.to_string());
                assert_ne!(Some(help.clone()), english, "{name} {id}");
            }
        }
    }
}

/// The words clap would write itself, in English, on a help screen.
const CLAP_ENGLISH: [&str; 12] = [
    "Usage",
    "Options",
    "Arguments",
    "Commands",
    "Print help",
    "Print version",
    "Print this message",
    "possible values",
    "default:",
    "[OPTIONS]",
    "<COMMAND>",
    "Exit codes",
];

/// A help screen's text with what stays as typed taken out: example
/// lines, `backticked` text, flags, placeholders and file names.
fn prose(help: &str) -> String {
    let mut out = String::new();
    for line in help.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("scorecard ")
            || trimmed.starts_with("cat ")
            || trimmed.starts_with("用法: ")
        {
            continue; // an example, or the usage: command and flag names
        }
        let mut kept = String::new();
        let mut in_code = false;
        for c in line.chars() {
            if c == '`' {
                in_code = !in_code;
            } else if !in_code {
                kept.push(c);
            }
        }
        let words: Vec<&str> = kept
            .split(|c: char| c.is_whitespace() || "，。：；（）、“”[]".contains(c))
            .filter(|w| {
                !(w.starts_with('-')
                    || w.starts_with('<')
                    || w.ends_with('>')
                    || w.ends_with("...")
                    || w.contains('.')
                    || w.contains('/')
                    || w.contains('=')
                    || w.chars().all(|c| c.is_ascii_uppercase() || c == '_'))
            })
            .collect();
        out += &words.join(" ");
        out.push('\n');
    }
    out
}

/// Two English words in a row in `text`, if any.
fn english_phrase(text: &str) -> Option<String> {
    for line in text.lines() {
        let words: Vec<&str> = line.split(' ').collect();
        for pair in words.windows(2) {
            let english = |w: &str| w.len() > 1 && w.chars().all(|c| c.is_ascii_alphabetic());
            if english(pair[0]) && english(pair[1]) {
                return Some(format!("{} {}  (in: {line})", pair[0], pair[1]));
            }
        }
    }
    None
}

#[test]
fn chinese_help_screens_have_no_english_sentences() {
    with_lang(Lang::Zh, || {
        let mut cmd = command();
        let mut screens = vec![("scorecard".to_string(), cmd.render_help().to_string())];
        let names: Vec<String> = cmd
            .get_subcommands()
            .map(|c| c.get_name().to_string())
            .collect();
        for name in names {
            let sub = cmd.find_subcommand_mut(&name).expect("a subcommand");
            screens.push((name, sub.render_help().to_string()));
        }
        for (name, help) in screens {
            let help = localise_rendered(&help);
            for word in CLAP_ENGLISH {
                assert!(!help.contains(word), "{name}: `{word}` in\n{help}");
            }
            assert!(help.contains("用法: scorecard"), "{name}:\n{help}");
            if let Some(phrase) = english_phrase(&prose(&help)) {
                panic!("{name}: English in the Chinese help: {phrase}\n{help}");
            }
        }
    });
}

#[test]
fn english_help_screens_are_english() {
    with_lang(Lang::En, || {
        let mut cmd = command();
        let help = cmd.render_help().to_string();
        assert!(help.contains("Usage: scorecard"), "{help}");
        assert!(
            help.contains("Commands:") && help.contains("Options:"),
            "{help}"
        );
        assert!(help.contains("Print help"), "{help}");
        let eval = cmd.find_subcommand_mut("eval").expect("eval");
        let help = eval.render_help().to_string();
        assert!(help.contains("Arguments:"), "{help}");
        assert!(help.contains("[default: table]"), "{help}");
        assert!(help.contains("Exit codes:\n  0  ok"), "{help}");
    });
}

#[test]
fn the_heuristic_finds_english_and_passes_what_stays_as_typed() {
    assert!(english_phrase(&prose("显示 the report here")).is_some());
    let ok = "  --format <FORMAT>  输出格式 `text` 或 `html` [默认：table]\n  scorecard eval rules/ a.csv --format csv";
    assert_eq!(english_phrase(&prose(ok)), None);
}

#[test]
fn the_language_is_read_before_clap() {
    let argv = |words: &[&str]| -> Vec<OsString> {
        std::iter::once("scorecard")
            .chain(words.iter().copied())
            .map(OsString::from)
            .collect()
    };
    assert_eq!(lang_of(&argv(&["--lang", "en", "check", "x"])), Lang::En);
    assert_eq!(lang_of(&argv(&["check", "x", "--lang=en"])), Lang::En);
    assert_eq!(lang_of(&argv(&["--lang", "en", "--lang", "zh"])), Lang::Zh);
    // A value after `--` is no flag.
    assert_eq!(
        lang_of(&argv(&["--lang", "zh", "fmt", "--", "--lang", "en"])),
        Lang::Zh
    );
}

/// A wrong command line, as the Chinese reader sees it.
fn chinese_error_of(words: &[&str]) -> String {
    with_lang(Lang::Zh, || {
        let argv = std::iter::once("scorecard").chain(words.iter().copied());
        let error = command()
            .try_get_matches_from(argv)
            .expect_err("a wrong command line");
        chinese_error(&error)
    })
}

#[test]
fn clap_errors_are_said_in_chinese() {
    let unknown = chinese_error_of(&["eval", "--frmat", "csv", "a.card", "b.csv"]);
    assert!(
        unknown.starts_with("错误: 无法识别的参数 `--frmat`"),
        "{unknown}"
    );
    assert!(unknown.contains("提示: 是否想写 `--format`？"), "{unknown}");
    assert!(unknown.contains("用法: scorecard eval"), "{unknown}");
    assert!(
        !unknown.contains("Usage") && !unknown.contains("[OPTIONS]"),
        "{unknown}"
    );
    let value = chinese_error_of(&["diff", "a", "b", "c", "--format", "xlsx"]);
    assert!(
        value.contains("`xlsx` 不是 `--format <FORMAT>` 可以取的值"),
        "{value}"
    );
    assert!(value.contains("`table`、`json`、`csv`、`md`"), "{value}");
    let subcommand = chinese_error_of(&["evl"]);
    assert!(subcommand.contains("没有子命令 `evl`"), "{subcommand}");
    let lang = chinese_error_of(&["--lang", "fr", "check", "a.card"]);
    assert!(lang.contains("`fr` 不是可用的语言"), "{lang}");
    let missing = chinese_error_of(&["test", "--accept"]);
    assert!(
        missing.contains("缺少必须给出的参数：`--snapshot`"),
        "{missing}"
    );
    for text in [unknown, value, subcommand, lang, missing] {
        assert!(text.contains("更多信息请运行 `--help`"), "{text}");
    }
}

/// Counts go into messages as numbers; Fluent must not group them (`1,234`).
#[test]
fn counts_are_written_as_they_are() {
    for lang in Lang::ALL {
        let text = with_lang(lang, || {
            t!("cli-rows-left-out", rows = 1234usize, scored = 56789usize)
        });
        assert!(text.contains("1234") && text.contains("56789"), "{text}");
    }
}
