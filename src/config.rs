//! `site.toml`: the site's configuration.

use std::collections::BTreeMap;

use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::content::toml_doc::{self, Nested, Schema};
use crate::diagnostics::{Diagnostic, Source};

/// The validated configuration of a site.
#[derive(Debug, Clone, Serialize)]
pub struct Config {
    /// Site title, shown in the header and in `<title>`.
    pub title: String,
    /// One-sentence description, used in meta tags and feeds.
    pub description: String,
    /// Absolute URL the site is published at, without a trailing slash.
    pub base_url: String,
    /// Default language code (`sv`).
    pub language: String,
    /// Time zone of all schedule times.
    #[serde(serialize_with = "serialize_tz")]
    pub timezone: Tz,
    /// Theme name; only the built-in `omtanke` exists.
    pub theme: String,
    /// Further languages and their titles.
    pub languages: BTreeMap<String, LanguageConfig>,
    /// Free table for themes.
    pub extra: toml::Table,
}

/// Settings for one further language.
#[derive(Debug, Clone, Deserialize, Serialize, Default)]
pub struct LanguageConfig {
    /// Site title in this language.
    pub title: Option<String>,
    /// Description in this language.
    pub description: Option<String>,
}

fn serialize_tz<S: serde::Serializer>(tz: &Tz, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(tz.name())
}

#[derive(Deserialize)]
struct Raw {
    title: Option<String>,
    description: Option<String>,
    base_url: Option<Spanned<String>>,
    language: Option<String>,
    timezone: Option<Spanned<String>>,
    theme: Option<Spanned<String>>,
    #[serde(default)]
    languages: BTreeMap<String, LanguageConfig>,
    #[serde(default)]
    extra: toml::Table,
}

const LANGUAGE: Schema = Schema {
    keys: &["title", "description"],
    nested: &[],
};
const SCHEMA: Schema = Schema {
    keys: &[
        "title",
        "description",
        "base_url",
        "language",
        "timezone",
        "theme",
        "languages",
        "extra",
    ],
    nested: &[("extra", Nested::Free), ("languages", Nested::MapOf(&LANGUAGE))],
};

impl Config {
    /// Parses and validates `site.toml`, reporting problems into `diags`.
    pub fn parse(src: &Source, diags: &mut Vec<Diagnostic>) -> Option<Config> {
        let raw: Raw = toml_doc::parse(src, 0..src.text.len(), &SCHEMA, diags)?;
        let before = diags.len();
        let title = raw.title.unwrap_or_else(|| {
            diags.push(
                Diagnostic::error(src, Some(0..0), "site.toml has no `title`")
                    .help("add a line such as `title = \"Omtanke Helsingborg\"`"),
            );
            String::new()
        });
        let base_url = match raw.base_url {
            Some(url) => {
                let trimmed = url.get_ref().trim_end_matches('/').to_string();
                if !(trimmed.starts_with("https://") || trimmed.starts_with("http://")) {
                    diags.push(
                        Diagnostic::error(
                            src,
                            Some(url.span()),
                            format!("`base_url` \"{}\" is not an absolute URL", url.get_ref()),
                        )
                        .help("write the address the site is published at, e.g. \"https://omtanke.example.se\""),
                    );
                }
                trimmed
            }
            None => {
                diags.push(Diagnostic::error(src, Some(0..0), "site.toml has no `base_url`").help(
                    "add the address the site is published at, e.g. `base_url = \"https://omtanke.example.se\"`",
                ));
                String::new()
            }
        };
        let timezone = match raw.timezone {
            None => chrono_tz::Europe::Stockholm,
            Some(tz) => tz.get_ref().parse().unwrap_or_else(|_| {
                diags.push(
                    Diagnostic::error(src, Some(tz.span()), format!("unknown time zone \"{}\"", tz.get_ref()))
                        .help("use a name from the time-zone database, e.g. \"Europe/Stockholm\""),
                );
                chrono_tz::Europe::Stockholm
            }),
        };
        let theme = match raw.theme {
            None => "omtanke".to_string(),
            Some(t) if t.get_ref() == "omtanke" => t.into_inner(),
            Some(t) => {
                diags.push(
                    Diagnostic::error(src, Some(t.span()), format!("unknown theme \"{}\"", t.get_ref()))
                        .help("the built-in theme is \"omtanke\"; override its templates under themes/omtanke/"),
                );
                t.into_inner()
            }
        };
        (diags.len() == before).then(|| Config {
            title,
            description: raw.description.unwrap_or_default(),
            base_url,
            language: raw.language.unwrap_or_else(|| "sv".into()),
            timezone,
            theme,
            languages: raw.languages,
            extra: raw.extra,
        })
    }

    /// The absolute URL of a site path such as `/stod/`.
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }
}
