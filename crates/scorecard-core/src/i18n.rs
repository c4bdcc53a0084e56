//! Messages in the reader's language: Simplified Chinese by default, English
//! on request.
//!
//! Every sentence a person reads lives in the catalogue, one Fluent file per
//! area and language under `locales/zh-CN/` and `locales/en/`; code names a
//! message by its id with [`t!`](crate::t) and passes the variable parts:
//!
//! ```
//! use scorecard_core::i18n::{with_lang, Lang};
//! let name = "反馈及实率";
//! let zh = with_lang(Lang::Zh, || scorecard_core::t!("unknown-name", name = name));
//! assert_eq!(zh, "`反馈及实率` 未在本考核表中声明");
//! let en = with_lang(Lang::En, || scorecard_core::t!("unknown-name", name = name));
//! assert!(en.contains("`反馈及实率`") && en != zh);
//! ```
//!
//! The language is the process's, set once by the binary ([`set_lang`]);
//! a thread may override it for a while ([`with_lang`]), which is how tests
//! pin a language without disturbing tests running beside them.
//!
//! Why Fluent through `fluent-templates`: the catalogues are plain `.ftl`
//! files a translator can edit, compiled into the binary by `static_loader!`
//! (nothing to install beside it); a lookup names its language explicitly, so
//! the choice stays ours (a process-wide one plus a per-thread override);
//! variables are named and Fluent's selectors handle English plurals
//! ("1 error", "2 errors") that Chinese does not need. `rust-i18n` also embeds
//! its YAML/TOML files, but interpolates `%{var}` by plain replacement with no
//! plural forms, and keeps its current locale in one global only.
//! Fluent's Unicode isolation marks (FSI/PDI around each variable) are turned
//! off: they are invisible in a terminal but corrupt column widths, copied
//! text and snapshot tests.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;
use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::LazyLock;
use unic_langid::LanguageIdentifier;

include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));

/// One language's catalogue, built at first use from the embedded files.
fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    fn build(lang: Lang) -> FluentBundle<FluentResource> {
        let mut bundle = FluentBundle::new_concurrent(vec![lang.id().clone()]);
        bundle.set_use_isolating(false);
        for (_, _, text) in CATALOGUE.iter().filter(|(tag, _, _)| *tag == lang.tag()) {
            // A file that does not parse keeps what did; the catalogue tests
            // fail on the error itself.
            let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
            // A message defined twice keeps its first text (the tests forbid it).
            let _ = bundle.add_resource(resource);
        }
        bundle
    }
    static ZH: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| build(Lang::Zh));
    static EN: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| build(Lang::En));
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// `id` formatted by `lang`'s catalogue, if it has the message.
fn lookup(lang: Lang, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    let bundle = bundle(lang);
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned(),
    )
}

/// The languages messages are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Simplified Chinese, the default.
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Every language, the default first.
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// `zh` or `en`, as `--lang` takes it (`zh-CN`, `en-US` … are accepted too).
    pub fn parse(text: &str) -> Option<Lang> {
        let lower = text.trim().to_ascii_lowercase();
        let primary = lower.split(['-', '_']).next().unwrap_or("");
        match primary {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language a locale string asks for (`LANG`'s value): `en…` is
    /// English; anything else (unset, `C`, `C.UTF-8`, `zh_CN.UTF-8`) Chinese.
    pub fn from_locale(locale: &str) -> Lang {
        if locale.trim().to_ascii_lowercase().starts_with("en") {
            Lang::En
        } else {
            Lang::Zh
        }
    }

    /// The language the environment asks for: the first of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` that is set and not empty, as POSIX orders them.
    pub fn from_env() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty())
            .map_or(Lang::Zh, |value| Lang::from_locale(&value))
    }

    /// The folder of its catalogue under `locales/`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    fn id(self) -> &'static LanguageIdentifier {
        static ZH: LazyLock<LanguageIdentifier> =
            LazyLock::new(|| "zh-CN".parse().expect("a language id"));
        static EN: LazyLock<LanguageIdentifier> =
            LazyLock::new(|| "en".parse().expect("a language id"));
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}

const UNSET: u8 = 0;
static PROCESS: AtomicU8 = AtomicU8::new(UNSET);

thread_local! {
    static OVERRIDE: Cell<Option<Lang>> = const { Cell::new(None) };
}

fn encode(lang: Lang) -> u8 {
    match lang {
        Lang::Zh => 1,
        Lang::En => 2,
    }
}

/// Sets the process's language; the binary calls it once, before any work.
pub fn set_lang(lang: Lang) {
    PROCESS.store(encode(lang), Ordering::Relaxed);
}

/// The language messages are built in now: this thread's override, else the
/// process's, else Chinese. (The tests default to English, the language
/// they were written to assert: this crate's, and those of the crates above
/// it, which build it with the `testing` feature.)
pub fn lang() -> Lang {
    if let Some(lang) = OVERRIDE.with(Cell::get) {
        return lang;
    }
    match PROCESS.load(Ordering::Relaxed) {
        1 => Lang::Zh,
        2 => Lang::En,
        // The tests (this crate's, and those built with the `testing`
        // feature) were written to assert English.
        _ if cfg!(any(test, feature = "testing")) => Lang::En,
        _ => Lang::Zh,
    }
}

/// Runs `f` with this thread's messages in `lang`, then restores the old choice.
pub fn with_lang<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Lang>);
    impl Drop for Restore {
        fn drop(&mut self) {
            OVERRIDE.with(|cell| cell.set(self.0));
        }
    }
    let _restore = Restore(OVERRIDE.with(|cell| cell.replace(Some(lang))));
    f()
}

/// A value put into a message: text as it is, whole numbers as numbers (so
/// English can choose "1 error" or "2 errors").
pub struct Arg(FluentValue<'static>);

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg(FluentValue::from(text.to_string()))
    }
}
impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg(FluentValue::from(text))
    }
}
impl From<&String> for Arg {
    fn from(text: &String) -> Self {
        Arg(FluentValue::from(text.clone()))
    }
}
impl From<Cow<'_, str>> for Arg {
    fn from(text: Cow<'_, str>) -> Self {
        Arg(FluentValue::from(text.into_owned()))
    }
}
macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg(FluentValue::from(n))
            }
        }
    )*};
}
number_arg!(usize, u32, u64, i32, i64);

/// The message `id` in `lang` with `args`, from the Chinese catalogue when
/// `lang`'s lacks it. A missing id shows itself as `⟨id⟩` rather than
/// panicking; the catalogue tests keep that from shipping.
pub fn message_in(lang: Lang, id: &str, args: Vec<(&'static str, Arg)>) -> String {
    let args = (!args.is_empty()).then(|| {
        let mut map = FluentArgs::with_capacity(args.len());
        for (name, Arg(value)) in args {
            map.set(name, value);
        }
        map
    });
    lookup(lang, id, args.as_ref())
        .or_else(|| lookup(Lang::Zh, id, args.as_ref()))
        .unwrap_or_else(|| format!("⟨{id}⟩"))
}

/// The message `id` in the current language ([`lang`]).
pub fn message(id: &str, args: Vec<(&'static str, Arg)>) -> String {
    message_in(lang(), id, args)
}

/// A message from the catalogue in the current language:
/// `t!("duplicate-name", name = &ident.name)`. The id must be a string
/// literal: the catalogue test finds every id the code uses by reading the
/// source for `t!("…"`.
#[macro_export]
macro_rules! t {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::message(
            $id,
            vec![$((stringify!($name), $crate::i18n::Arg::from($value))),*],
        )
    };
}

#[cfg(test)]
#[path = "i18n_tests.rs"]
mod tests;
