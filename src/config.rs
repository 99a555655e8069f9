//! `site.toml`: the site's configuration.

use std::collections::BTreeMap;

use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::diagnostics::{Diagnostic, Source};
use crate::toml_doc::{self, Nested, Schema};

/// The validated configuration of a site.
#[derive(Debug, Clone, Serialize)]
pub struct Config {
    /// Site title, shown in the header and in `<title>`.
    pub title: String,
    /// One-sentence description, used in meta tags and feeds.
    pub description: String,
    /// Absolute URL the site is published at, without a trailing slash.
    pub base_url: String,
    /// Absolute `http(s)://` URL of the kiosk daemon's web inbox, where the bulletin board's
    /// suggestion form posts. Without it the board explains how to suggest at the café instead.
    pub suggest_url: Option<String>,
    /// The kiosk's web inbox for booking requests from home (`…/anmalan`): bookable activities'
    /// pages get a form that posts there.
    pub booking_url: Option<String>,
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
    /// How many days a listing's `checked` date holds before its facts count as unconfirmed.
    pub recheck_after_days: u32,
    /// What happens to an activity whose facts are unconfirmed.
    pub when_unchecked: WhenUnchecked,
    /// Who is responsible for the personal data the forms collect (`[privacy]`): the privacy
    /// notices name them. Must be filled in before the forms go live.
    pub privacy: Option<Privacy>,
}

/// The controller of the personal data (GDPR article 13): a legal person a resident can write
/// to, its data protection officer, and the legal basis of the processing.
#[derive(Debug, Clone, Deserialize, Serialize, Default, PartialEq, Eq)]
pub struct Privacy {
    /// The controller's name (`Helsingborgs stad, …nämnden`).
    pub controller: String,
    /// Its organisation number.
    pub organization_number: Option<String>,
    /// Postal address.
    pub address: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// The data protection officer's e-mail.
    pub dpo_email: Option<String>,
    /// The legal basis, in words (`allmänt intresse, artikel 6.1 e`).
    pub legal_basis: Option<String>,
}

/// What happens to an activity whose facts have not been confirmed within `recheck_after_days`
/// (or never were): `when_unchecked` in site.toml.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum WhenUnchecked {
    /// It stays everywhere, with a notice to ask the organizer first.
    #[default]
    Notice,
    /// It leaves every listing, filter, feed, search and calendar; its page stays, with the
    /// notice, so links to it still work.
    Hide,
}

/// How many days a `checked` date holds unless site.toml says otherwise: half a year, the
/// cycle on which directories of community services re-confirm their listings.
pub const RECHECK_AFTER_DAYS: u32 = 180;

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
    suggest_url: Option<Spanned<String>>,
    booking_url: Option<Spanned<String>>,
    language: Option<String>,
    timezone: Option<Spanned<String>>,
    theme: Option<Spanned<String>>,
    #[serde(default)]
    languages: BTreeMap<String, LanguageConfig>,
    #[serde(default)]
    extra: toml::Table,
    recheck_after_days: Option<Spanned<i64>>,
    when_unchecked: Option<Spanned<String>>,
    privacy: Option<Privacy>,
}

const LANGUAGE: Schema = Schema {
    keys: &["title", "description"],
    nested: &[],
};
const PRIVACY: Schema = Schema {
    keys: &[
        "controller",
        "organization_number",
        "address",
        "email",
        "phone",
        "dpo_email",
        "legal_basis",
    ],
    nested: &[],
};
const SCHEMA: Schema = Schema {
    keys: &[
        "privacy",
        "title",
        "description",
        "base_url",
        "suggest_url",
        "booking_url",
        "language",
        "timezone",
        "theme",
        "languages",
        "extra",
        "recheck_after_days",
        "when_unchecked",
    ],
    nested: &[
        ("extra", Nested::Free),
        ("languages", Nested::MapOf(&LANGUAGE)),
        ("privacy", Nested::Table(&PRIVACY)),
    ],
};

impl Config {
    /// Parses and validates `site.toml`, reporting problems into `diags`.
    pub fn parse(src: &Source, diags: &mut Vec<Diagnostic>) -> Option<Config> {
        let raw: Raw = toml_doc::parse(src, 0..src.text.len(), &SCHEMA, diags)?;
        let before = diags.len();
        let title = raw.title.unwrap_or_else(|| {
            diags.push(
                Diagnostic::error(src, Some(0..0), crate::msg!("config-no-title"))
                    .help(crate::msg!("config-no-title-help")),
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
                            crate::msg!("config-base-url-not-absolute", url = url.get_ref()),
                        )
                        .help(crate::msg!("config-base-url-not-absolute-help")),
                    );
                }
                trimmed
            }
            None => {
                diags.push(
                    Diagnostic::error(src, Some(0..0), crate::msg!("config-no-base-url"))
                        .help(crate::msg!("config-no-base-url-help")),
                );
                String::new()
            }
        };
        let suggest_url = raw.suggest_url.map(|url| {
            if let Err(why) = check_suggest_url(url.get_ref(), &base_url) {
                diags.push(
                    Diagnostic::error(
                        src,
                        Some(url.span()),
                        crate::msg!("config-suggest-url-bad", url = url.get_ref(), why = why),
                    )
                    .help(crate::msg!("config-suggest-url-bad-help")),
                );
            }
            url.into_inner()
        });
        // The booking form sends names and phone numbers to the inbox: the same rules.
        let booking_url = raw.booking_url.map(|url| {
            if let Err(why) = check_suggest_url(url.get_ref(), &base_url) {
                diags.push(
                    Diagnostic::error(
                        src,
                        Some(url.span()),
                        crate::msg!("config-booking-url-bad", url = url.get_ref(), why = why),
                    )
                    .help(crate::msg!("config-booking-url-bad-help")),
                );
            }
            url.into_inner()
        });
        let timezone = match raw.timezone {
            None => chrono_tz::Europe::Stockholm,
            Some(tz) => tz.get_ref().parse().unwrap_or_else(|_| {
                diags.push(
                    Diagnostic::error(
                        src,
                        Some(tz.span()),
                        crate::msg!("config-unknown-timezone", zone = tz.get_ref()),
                    )
                    .help(crate::msg!("config-unknown-timezone-help")),
                );
                chrono_tz::Europe::Stockholm
            }),
        };
        let theme = match raw.theme {
            None => "omtanke".to_string(),
            Some(t) if t.get_ref() == "omtanke" => t.into_inner(),
            Some(t) => {
                diags.push(
                    Diagnostic::error(
                        src,
                        Some(t.span()),
                        crate::msg!("config-unknown-theme", theme = t.get_ref()),
                    )
                    .help(crate::msg!("config-unknown-theme-help")),
                );
                t.into_inner()
            }
        };
        let recheck_after_days = match raw.recheck_after_days {
            None => RECHECK_AFTER_DAYS,
            Some(d) => match u32::try_from(*d.get_ref()) {
                Ok(days) if (1..=3650).contains(&days) => days,
                _ => {
                    diags.push(
                        Diagnostic::error(
                            src,
                            Some(d.span()),
                            crate::msg!("config-recheck-out-of-range", days = *d.get_ref()),
                        )
                        .help(crate::msg!("config-recheck-out-of-range-help")),
                    );
                    RECHECK_AFTER_DAYS
                }
            },
        };
        let when_unchecked = match raw.when_unchecked {
            None => WhenUnchecked::Notice,
            Some(w) => match w.get_ref().trim() {
                "notice" => WhenUnchecked::Notice,
                "hide" => WhenUnchecked::Hide,
                other => {
                    diags.push(
                        Diagnostic::error(
                            src,
                            Some(w.span()),
                            crate::msg!("config-unknown-when-unchecked", value = other),
                        )
                        .help(crate::msg!("config-unknown-when-unchecked-help")),
                    );
                    WhenUnchecked::Notice
                }
            },
        };
        (diags.len() == before).then(|| Config {
            title,
            description: raw.description.unwrap_or_default(),
            base_url,
            suggest_url,
            booking_url,
            language: raw.language.unwrap_or_else(|| "sv".into()),
            timezone,
            theme,
            languages: raw.languages,
            extra: raw.extra,
            recheck_after_days,
            when_unchecked,
            privacy: raw.privacy.filter(|p| !p.controller.trim().is_empty()),
        })
    }

    /// The absolute URL of a site path such as `/stod/`.
    /// The privacy notice of the inbox a form at `form_url` posts to: the inbox daemon serves it
    /// at `/integritet` beside its forms, so residents can read what happens to their details
    /// before they give them.
    pub fn privacy_notice(form_url: &str) -> Option<String> {
        let url = url::Url::parse(form_url).ok()?;
        Some(format!("{}/integritet", url.origin().ascii_serialization()))
    }

    pub fn absolute(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }
}

/// Why a `suggest_url` cannot be a form's address, if it cannot: it must be an absolute http(s)
/// URL with a host, since the form is sent from the published site to another program.
fn check_suggest_url(text: &str, base_url: &str) -> std::result::Result<(), String> {
    if text.chars().any(char::is_whitespace) {
        return Err(crate::msg!("config-suggest-url-spaces"));
    }
    let lower = text.to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) {
        return Err(crate::msg!("config-suggest-url-no-scheme"));
    }
    let Ok(url) = url::Url::parse(text) else {
        return Err(crate::msg!("config-suggest-url-incomplete"));
    };
    if url.host_str().is_none_or(str::is_empty) {
        return Err(crate::msg!("config-suggest-url-no-host"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(crate::msg!("config-suggest-url-credentials"));
    }
    // Residents may type a phone number or e-mail address: over http:// anyone on the way could
    // read it, and browsers warn about such forms on an https:// page. Only a test inbox on this
    // machine may go without.
    let loopback = matches!(url.host_str(), Some("localhost" | "127.0.0.1" | "[::1]"));
    if url.scheme() == "http" && base_url.starts_with("https://") && !loopback {
        return Err(crate::msg!("config-suggest-url-unencrypted"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggest_url_must_be_an_absolute_web_address() {
        for good in [
            "https://forslag.omtanke.example.se/forslag",
            "http://127.0.0.1:8080/forslag",
            "https://example.se",
        ] {
            assert_eq!(check_suggest_url(good, "https://example.se"), Ok(()), "{good}");
        }
        for (bad, why) in [
            ("forslag.omtanke.example.se", "does not start"),
            ("/forslag", "does not start"),
            ("ftp://example.se/", "does not start"),
            ("https://", "is not a complete"),
            ("https://exa mple.se/", "has spaces"),
            ("https://anna:hemligt@example.se/", "password"),
            ("http://forslag.example.se/forslag", "unencrypted"),
        ] {
            let err = check_suggest_url(bad, "https://example.se").expect_err(bad);
            assert!(err.contains(why), "{bad}: {err}");
        }
        // A site that is itself on http:// (a preview) may have an http:// inbox.
        assert_eq!(
            check_suggest_url("http://forslag.example.se/", "http://preview.example.se"),
            Ok(())
        );
    }

    #[test]
    fn a_bad_suggest_url_is_reported_at_its_value() {
        let text = "title = \"T\"\nbase_url = \"https://example.se\"\nsuggest_url = \"forslag.example.se\"\n";
        let src = Source::new("site.toml", text);
        let mut diags = vec![];
        assert!(Config::parse(&src, &mut diags).is_none());
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].line_col(), (3, 15));
        assert!(diags[0].help.as_deref().unwrap_or("").contains("e.g. \"https://"));
    }
}
