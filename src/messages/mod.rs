//! What the command line says, in the language of the people who read it: the site's
//! `language` in site.toml, or `--lang` (never the machine's locale: editors' laptops are often
//! set to English while they write Swedish). The words are Fluent messages in
//! `locales/<language>/*.ftl`, compiled into the binary; Swedish and English exist, any other
//! language gets English. Code names a message by its id with [`msg!`](crate::msg).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::RwLock;

use fluent_templates::fluent_bundle::FluentValue;

#[cfg(feature = "help")]
pub mod cli;
use fluent_templates::{LanguageIdentifier, Loader};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "sv",
        // No Unicode isolation marks around values: they show as garbage in terminals and logs.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The languages the command line speaks.
pub const LANGUAGES: &[&str] = &["sv", "en"];

/// Swedish unless told otherwise; the library's own unit tests read English, the language their
/// assertions are written in.
static LANGUAGE: RwLock<&str> = RwLock::new(if cfg!(test) { "en" } else { "sv" });

/// Speak `code` from now on: `sv`, `en`, or (any other language) English.
pub fn set_language(code: &str) {
    let chosen = LANGUAGES.iter().copied().find(|l| *l == code).unwrap_or("en");
    *LANGUAGE.write().unwrap_or_else(|e| e.into_inner()) = chosen;
}

/// The language spoken now.
pub fn language() -> &'static str {
    *LANGUAGE.read().unwrap_or_else(|e| e.into_inner())
}

/// The message `id` with its arguments, in the language spoken now. An id missing from the
/// catalogue shows as itself, so a slip is visible rather than silent (a test keeps every id
/// used in the code in both catalogues).
pub fn text(id: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
    text_in(language(), id, args)
}

/// Whether the catalogue of the language spoken now has the message `id`.
pub fn has(id: &str) -> bool {
    let lang: LanguageIdentifier = language().parse().expect("a valid language code");
    LOCALES.try_lookup(&lang, id).is_some()
}

/// The message `id` with its arguments in the language `code` (`sv` or `en`).
pub fn text_in(code: &str, id: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
    let lang: LanguageIdentifier = code.parse().unwrap_or_else(|_| "en".parse().expect("en"));
    let args: HashMap<Cow<'static, str>, FluentValue<'static>> =
        args.iter().map(|(k, v)| (Cow::Borrowed(*k), v.clone())).collect();
    LOCALES
        .try_lookup_with_args(&lang, id, &args)
        .unwrap_or_else(|| id.to_string())
}

/// A value for a message argument: numbers stay numbers (for plurals), the rest is text.
pub fn arg(value: impl Arg) -> FluentValue<'static> {
    value.into_fluent()
}

/// The message `id` in the language spoken now: `msg!("build-done", files = 12, ms = 80)`.
/// Text arguments may be anything that displays; numbers are given as numbers.
#[macro_export]
macro_rules! msg {
    ($id:literal) => {
        $crate::messages::text($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::messages::text($id, &[$((stringify!($name), $crate::messages::Arg::into_fluent($value))),+])
    };
}

/// How a value becomes a message argument: numbers as numbers, everything else as its text.
pub trait Arg {
    /// The value as Fluent sees it.
    fn into_fluent(self) -> FluentValue<'static>;
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn into_fluent(self) -> FluentValue<'static> {
                FluentValue::from(self)
            }
        }
    )*};
}
number_arg!(usize, u64, u32, i64, i32, u16, u8, f64);

impl Arg for &str {
    fn into_fluent(self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}

impl Arg for String {
    fn into_fluent(self) -> FluentValue<'static> {
        FluentValue::from(self)
    }
}

impl Arg for &String {
    fn into_fluent(self) -> FluentValue<'static> {
        FluentValue::from(self.clone())
    }
}

impl Arg for std::path::Display<'_> {
    fn into_fluent(self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `msg!("…")` id in the code, and every id in each catalogue.
    fn ids_in_code() -> std::collections::BTreeSet<String> {
        let mut ids = std::collections::BTreeSet::new();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for dir in ["src", "kiosk/src"] {
            for entry in walkdir::WalkDir::new(root.join(dir)) {
                let entry = entry.unwrap();
                if entry.path().extension().is_none_or(|e| e != "rs") {
                    continue;
                }
                let text = std::fs::read_to_string(entry.path()).unwrap();
                // Examples in comments are not uses.
                let text: String = text
                    .lines()
                    .filter(|l| !l.trim_start().starts_with("//"))
                    .collect::<Vec<_>>()
                    .join("\n");
                // `msg!("id"` and the help's `help_id!("id"`, however the call is laid out.
                // (Spelled in two parts so that this line is not taken for a use.)
                for marker in [concat!("msg", "!("), concat!("help_id", "!(")] {
                    for rest in text.split(marker).skip(1) {
                        if let Some(literal) = rest.trim_start().strip_prefix('"') {
                            ids.insert(literal[..literal.find('"').unwrap()].to_string());
                        }
                    }
                }
            }
        }
        ids
    }

    fn ids_in_catalogue(lang: &str) -> std::collections::BTreeSet<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales")
            .join(lang);
        let mut ids = std::collections::BTreeSet::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for line in text.lines() {
                if let Some((id, _)) = line.split_once(" =")
                    && !id.starts_with([' ', '#', '-', '['])
                    && !id.is_empty()
                {
                    ids.insert(id.to_string());
                }
            }
        }
        ids
    }

    #[test]
    fn both_catalogues_have_every_message_the_code_uses_and_no_other() {
        let code = ids_in_code();
        assert!(code.len() > 10, "{code:?}");
        for lang in LANGUAGES {
            let catalogue = ids_in_catalogue(lang);
            let missing: Vec<_> = code.difference(&catalogue).collect();
            assert!(missing.is_empty(), "locales/{lang} lacks {missing:?}");
            let unused: Vec<_> = catalogue.difference(&code).collect();
            assert!(unused.is_empty(), "locales/{lang} has unused {unused:?}");
        }
    }

    #[test]
    fn plurals_follow_each_language() {
        let n = |lang, id, key, n: usize| text_in(lang, id, &[(key, arg(n))]);
        assert_eq!(n("sv", "summary-errors", "errors", 1), "1 fel");
        assert_eq!(n("sv", "summary-warnings", "warnings", 2), "2 varningar");
        assert_eq!(n("en", "summary-errors", "errors", 2), "2 errors");
        assert_eq!(n("en", "summary-warnings", "warnings", 1), "1 warning");
    }
}
