//! Organizers ("vem gör vad"): who runs activities (`content/arrangorer/<id>.toml`), so that
//! residents and partners can see what an organization does and how to reach it. An activity
//! names one with `organizer = "<id>"`; any other text stays the organizer's name as written.
//!
//! ```toml
//! name = "Föreningen Huset"
//! description = "Text i Markdown."
//! website = "https://huset.example.se"
//! email = "info@huset.example.se"
//! phone = "012-345 67 89"
//! area = "Söder"
//! checked = 2026-11-02
//! logo = "huset.png"                # valfritt, bredvid filen …
//! logo_alt = "Husets logotyp"       # … och då beskriven
//!
//! [en]
//! description = "Text in English."
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use toml::Spanned;
use toml::value::Datetime;

use crate::diagnostics::{Diagnostic, Source};
use crate::markdown::{self, Trust};
use crate::toml_doc::{self, Nested, Schema};

/// The folder below `content/`.
pub const FOLDER: &str = "arrangorer";

/// One organizer.
#[derive(Debug, Clone, Serialize)]
pub struct Organizer {
    /// The file, for messages.
    #[serde(skip)]
    pub source: Source,
    /// Id: the file name's slug, or its `slug`.
    pub id: String,
    /// The file's name without `.toml`, as an activity may write it.
    #[serde(skip)]
    pub file_stem: String,
    /// Site path of its page.
    pub url: String,
    /// Name.
    pub name: String,
    /// What it does, as HTML from Markdown.
    pub description: String,
    /// Its own web site.
    pub website: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Phone number.
    pub phone: Option<String>,
    /// Where it works.
    pub area: Option<String>,
    /// The day staff last confirmed these facts.
    pub checked: Option<NaiveDate>,
    /// Where `checked` is written, for `check`'s warnings.
    #[serde(skip)]
    pub checked_span: Option<std::ops::Range<usize>>,
    /// Who confirmed them: never published.
    #[serde(skip)]
    pub checked_by: Option<String>,
    /// The logo's file name, beside the organizer's file.
    pub logo: Option<String>,
    /// What the logo shows.
    pub logo_alt: Option<String>,
    /// Translated descriptions (HTML), by language code.
    pub translations: BTreeMap<String, String>,
}

impl Organizer {
    /// The description in `lang`, and whether it is in that language.
    pub fn description_in(&self, lang: &str) -> (&str, bool) {
        match self.translations.get(lang) {
            Some(d) => (d, true),
            None => (&self.description, false),
        }
    }
}

#[derive(Deserialize)]
struct Raw {
    slug: Option<Spanned<String>>,
    name: Option<String>,
    description: Option<String>,
    website: Option<Spanned<String>>,
    email: Option<String>,
    phone: Option<String>,
    area: Option<String>,
    checked: Option<Spanned<Datetime>>,
    checked_by: Option<String>,
    logo: Option<Spanned<String>>,
    logo_alt: Option<String>,
}

#[derive(Deserialize)]
struct RawText {
    description: Option<String>,
}

const TEXT: Schema = Schema {
    keys: &["description"],
    nested: &[],
};
const SCHEMA: Schema = Schema {
    keys: &[
        "slug",
        "name",
        "description",
        "website",
        "email",
        "phone",
        "area",
        "checked",
        "checked_by",
        "logo",
        "logo_alt",
    ],
    nested: &[("*", Nested::Translation(&TEXT))],
};

/// Parses an organizer file named `stem` in `dir`, written in `lang`.
pub fn parse(src: &Source, stem: &str, lang: &str, dir: &Path, diags: &mut Vec<Diagnostic>) -> Option<Organizer> {
    let raw: Raw = toml_doc::parse(src, 0..src.text.len(), &SCHEMA, diags)?;
    let id = super::slug::of_file(src, stem, raw.slug.as_ref(), diags).unwrap_or_default();
    let Some(name) = raw.name.filter(|n| !n.trim().is_empty()) else {
        diags.push(
            Diagnostic::error(src, Some(0..0), crate::msg!("organizer-no-name"))
                .help(crate::msg!("organizer-no-name-help")),
        );
        return None;
    };
    if let Some(w) = &raw.website
        && !(w.get_ref().starts_with("https://") || w.get_ref().starts_with("http://"))
    {
        diags.push(
            Diagnostic::error(
                src,
                Some(w.span()),
                crate::msg!("organizer-website", website = w.get_ref()),
            )
            .help(crate::msg!("organizer-website-help")),
        );
    }
    if let Some(logo) = &raw.logo {
        if raw.logo_alt.as_deref().is_none_or(|a| a.trim().is_empty()) {
            diags.push(
                Diagnostic::error(src, Some(logo.span()), crate::msg!("organizer-logo-no-alt"))
                    .help(crate::msg!("organizer-logo-no-alt-help")),
            );
        }
        let file: PathBuf = dir.join(logo.get_ref());
        if logo.get_ref().contains(['/', '\\']) || !file.is_file() {
            diags.push(
                Diagnostic::error(
                    src,
                    Some(logo.span()),
                    crate::msg!("organizer-logo-not-beside", logo = logo.get_ref()),
                )
                .help(crate::msg!("organizer-logo-not-beside-help")),
            );
        }
    }
    let md = |text: &str, lang: &str| markdown::render(text, Trust::Editor, lang).html;
    let translations = src
        .text
        .parse::<toml::Table>()
        .ok()
        .into_iter()
        .flatten()
        .filter(|(k, v)| toml_doc::is_language_code(k) && v.is_table())
        .filter_map(|(k, v)| {
            let text: RawText = v.try_into().ok()?;
            let html = md(&text.description?, &k);
            Some((k, html))
        })
        .collect();
    Some(Organizer {
        source: src.clone(),
        url: format!("/{FOLDER}/{id}/"),
        id,
        file_stem: stem.to_string(),
        name: name.trim().to_string(),
        description: raw.description.as_deref().map(|d| md(d, lang)).unwrap_or_default(),
        website: raw.website.map(Spanned::into_inner),
        email: raw.email.filter(|e| !e.trim().is_empty()),
        phone: raw.phone.filter(|p| !p.trim().is_empty()),
        area: raw.area.filter(|a| !a.trim().is_empty()),
        checked: super::dates::opt_date(src, &raw.checked, "checked", diags),
        checked_span: raw.checked.as_ref().map(Spanned::span),
        checked_by: raw.checked_by.filter(|b| !b.trim().is_empty()),
        logo: raw.logo.map(Spanned::into_inner),
        logo_alt: raw.logo_alt,
        translations,
    })
}
