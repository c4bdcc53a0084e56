use super::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The workspace's top: the catalogues and every crate's sources are under it.
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The message ids a language's catalogue defines, with the file of each.
fn catalogue_ids(lang: Lang) -> BTreeSet<String> {
    let dir = root().join("locales").join(lang.tag());
    let mut ids = BTreeSet::new();
    for entry in walkdir::WalkDir::new(&dir) {
        let entry = entry.expect("a catalogue entry");
        if entry.path().extension().is_none_or(|e| e != "ftl") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).expect("a catalogue file");
        if let Err((_, errors)) = fluent_bundle::FluentResource::try_new(text.clone()) {
            panic!("{} does not parse: {errors:?}", entry.path().display());
        }
        for line in text.lines() {
            let Some((id, _)) = line.split_once(" =") else {
                continue;
            };
            let is_id = id.starts_with(|c: char| c.is_ascii_alphabetic())
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if is_id {
                assert!(
                    ids.insert(id.to_string()),
                    "`{id}` is defined twice in {}",
                    dir.display()
                );
            }
        }
    }
    ids
}

/// Every `t!("id"` in the source, with the file it is in.
fn ids_in_code() -> Vec<(String, PathBuf)> {
    let mut found = Vec::new();
    let sources = [
        "src",
        "crates/scorecard-core/src",
        "crates/scorecard-io/src",
    ];
    for entry in sources
        .iter()
        .flat_map(|dir| walkdir::WalkDir::new(root().join(dir)))
    {
        let entry = entry.expect("a source entry");
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs")
            || path.ends_with("i18n_tests.rs")
            || path.ends_with("i18n.rs")
        {
            continue;
        }
        let text = std::fs::read_to_string(path).expect("a source file");
        collect_ids(&text, path, &mut found);
    }
    found
}

fn collect_ids(text: &str, path: &Path, found: &mut Vec<(String, PathBuf)>) {
    let mut rest = text;
    while let Some(at) = rest.find("t!(") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + 3..];
        // `t!(`, not `assert!(` or `print!(`.
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let call = rest.trim_start();
        if let Some(literal) = call.strip_prefix('"') {
            if let Some(end) = literal.find('"') {
                found.push((literal[..end].to_string(), path.to_path_buf()));
            }
        }
    }
}

#[test]
fn every_message_exists_in_every_language() {
    let zh = catalogue_ids(Lang::Zh);
    let en = catalogue_ids(Lang::En);
    assert!(!zh.is_empty(), "the Chinese catalogue is empty");
    let only_zh: Vec<_> = zh.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&zh).collect();
    assert!(
        only_zh.is_empty() && only_en.is_empty(),
        "missing in locales/en: {only_zh:?}\nmissing in locales/zh-CN: {only_en:?}"
    );
}

#[test]
fn every_message_the_code_uses_is_in_the_catalogue() {
    let used = ids_in_code();
    assert!(!used.is_empty(), "no t!(\"…\") found: has the macro moved?");
    for lang in Lang::ALL {
        let ids = catalogue_ids(lang);
        let missing: Vec<String> = used
            .iter()
            .filter(|(id, _)| !ids.contains(id))
            .map(|(id, path)| format!("{id} ({})", path.display()))
            .collect();
        assert!(
            missing.is_empty(),
            "used in the code but not in locales/{}: {missing:#?}",
            lang.tag()
        );
    }
}

#[test]
fn the_scan_finds_calls_and_skips_other_macros() {
    let mut found = Vec::new();
    let text = "let a = t!(\"one\", x = 1);\nassert!(\"no\");\nlet b = crate::t!(\n  \"two\");";
    collect_ids(text, Path::new("x.rs"), &mut found);
    let ids: Vec<&str> = found.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["one", "two"]);
}

#[test]
fn messages_carry_no_isolation_marks() {
    for lang in Lang::ALL {
        let text = message_in(
            lang,
            "diag-summary-errors",
            vec![("errors", Arg::from(2usize))],
        );
        assert!(!text.contains(['\u{2068}', '\u{2069}']), "{text:?}");
        assert!(text.contains('2'), "{text}");
    }
}

#[test]
fn english_counts_take_the_plural() {
    let one = message_in(
        Lang::En,
        "diag-summary-errors",
        vec![("errors", Arg::from(1usize))],
    );
    let two = message_in(
        Lang::En,
        "diag-summary-errors",
        vec![("errors", Arg::from(2usize))],
    );
    assert_eq!((one.as_str(), two.as_str()), ("1 error", "2 errors"));
}

#[test]
fn a_missing_id_shows_itself() {
    assert_eq!(
        message_in(Lang::Zh, "no-such-message", vec![]),
        "⟨no-such-message⟩"
    );
}

#[test]
fn the_language_comes_from_the_flag_or_the_locale() {
    assert_eq!(Lang::parse("zh"), Some(Lang::Zh));
    assert_eq!(Lang::parse("EN"), Some(Lang::En));
    assert_eq!(Lang::parse("zh-CN"), Some(Lang::Zh));
    assert_eq!(Lang::parse("en_US"), Some(Lang::En));
    assert_eq!(Lang::parse("fr"), None);
    assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
    for chinese in ["", "C", "C.UTF-8", "POSIX", "zh_CN.UTF-8", "de_DE"] {
        assert_eq!(Lang::from_locale(chinese), Lang::Zh, "{chinese}");
    }
}

#[test]
fn a_thread_override_is_restored() {
    let before = lang();
    with_lang(Lang::Zh, || {
        assert_eq!(lang(), Lang::Zh);
        with_lang(Lang::En, || assert_eq!(lang(), Lang::En));
        assert_eq!(lang(), Lang::Zh);
    });
    assert_eq!(lang(), before);
}
