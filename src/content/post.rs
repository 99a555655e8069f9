//! Bulletin-board posts: residents' suggestions (`content/anslagstavla/*.md`).
//!
//! Residents write these, so their text is treated as untrusted (see [`Trust::Resident`]).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use toml::Spanned;
use toml::value::Datetime;

use super::Term;
use super::dates::opt_date;
use super::frontmatter;
use crate::diagnostics::{Diagnostic, Source, nearest};
use crate::markdown::{self, Trust};
use crate::toml_doc::{self, Nested, Schema};
use crate::vocabulary::{FUNDING_STATUS, is_one_word, label, plain_date, slugify};

/// A suggestion on the bulletin board.
#[derive(Debug, Clone, Serialize)]
pub struct Post {
    /// The file, for messages.
    #[serde(skip)]
    pub source: Source,
    /// File stem.
    pub slug: String,
    /// Site path, `/anslagstavla/<slug>/`.
    pub url: String,
    /// What the resident suggests.
    pub title: String,
    /// When it was posted.
    pub date: NaiveDate,
    /// `date` in Swedish.
    pub date_text: String,
    /// First name or nickname.
    pub author: String,
    /// Interests, with slugs.
    pub interests: Vec<Term>,
    /// Where, in the resident's words.
    #[serde(rename = "where")]
    pub place: Option<String>,
    /// When, in the resident's words.
    pub when: Option<String>,
    /// Money applied for from the citizens' pot.
    pub funding: Option<Funding>,
    /// Not published unless building with drafts.
    pub draft: bool,
    /// The sanitized body.
    pub content: String,
}

/// A request for money from the citizens' pot.
#[derive(Debug, Clone, Serialize)]
pub struct Funding {
    /// Kronor requested.
    pub requested: Option<i64>,
    /// The study association applying with the resident.
    pub partner: Option<String>,
    /// `applied`, `granted` or `declined`.
    pub status: Option<String>,
    /// The status in Swedish words.
    pub status_text: Option<String>,
}

#[derive(Deserialize)]
struct Raw {
    slug: Option<Spanned<String>>,
    title: Option<String>,
    date: Option<Spanned<Datetime>>,
    author: Option<Spanned<String>>,
    #[serde(default)]
    interests: Vec<String>,
    #[serde(rename = "where")]
    place: Option<String>,
    when: Option<String>,
    #[serde(default)]
    draft: bool,
    funding: Option<RawFunding>,
}

#[derive(Deserialize)]
struct RawFunding {
    requested: Option<Spanned<i64>>,
    partner: Option<String>,
    status: Option<Spanned<String>>,
}

const FUNDING: Schema = Schema {
    keys: &["requested", "partner", "status"],
    nested: &[],
};
const SCHEMA: Schema = Schema {
    keys: &[
        "slug",
        "title",
        "date",
        "author",
        "interests",
        "where",
        "when",
        "draft",
        "funding",
    ],
    nested: &[("funding", Nested::Table(&FUNDING))],
};

/// Parses a post file named `stem` (its address is the name's slug, or its `slug`), written in
/// the site's language `lang`.
pub fn parse(src: Source, stem: &str, lang: &str, diags: &mut Vec<Diagnostic>) -> Option<Post> {
    let split = frontmatter::split(&src).map_err(|d| diags.push(d)).ok()?;
    let raw: Raw = toml_doc::parse(&src, split.front.clone(), &SCHEMA, diags)?;
    // On an error the build stops, after the file's other errors have been found too.
    let slug = &super::slug::of_file(&src, stem, raw.slug.as_ref(), diags).unwrap_or_default();
    let at_top = Some(split.front.start..split.front.start);
    let title = raw.title.filter(|t| !t.trim().is_empty()).unwrap_or_else(|| {
        diags.push(
            Diagnostic::error(&src, at_top.clone(), crate::msg!("post-no-title"))
                .help(crate::msg!("post-no-title-help")),
        );
        String::new()
    });
    let date = opt_date(&src, &raw.date, "date", diags);
    if raw.date.is_none() {
        diags.push(
            Diagnostic::error(&src, at_top.clone(), crate::msg!("post-no-date")).help(crate::msg!("post-no-date-help")),
        );
    }
    let author = match raw.author {
        Some(a) if is_one_word(a.get_ref()) => a.into_inner(),
        Some(a) => {
            diags.push(
                Diagnostic::error(
                    &src,
                    Some(a.span()),
                    crate::msg!("post-author-full-name", author = a.get_ref()),
                )
                .help(crate::msg!("post-author-full-name-help")),
            );
            String::new()
        }
        None => {
            diags.push(
                Diagnostic::error(&src, at_top, crate::msg!("post-no-author")).help(crate::msg!("post-no-author-help")),
            );
            String::new()
        }
    };
    let funding = raw.funding.map(|f| {
        let status = f.status.and_then(|s| match label(FUNDING_STATUS, s.get_ref()) {
            Some(_) => Some(s.into_inner()),
            None => {
                let keys = FUNDING_STATUS.iter().map(|(k, _)| *k);
                let help = match nearest(s.get_ref(), keys) {
                    Some(n) => crate::msg!("post-funding-did-you-mean", near = n),
                    None => crate::msg!("post-funding-status-help"),
                };
                diags.push(
                    Diagnostic::error(
                        &src,
                        Some(s.span()),
                        crate::msg!("post-unknown-funding-status", status = s.get_ref()),
                    )
                    .help(help),
                );
                None
            }
        });
        if let Some(r) = &f.requested
            && *r.get_ref() < 0
        {
            diags.push(
                Diagnostic::error(&src, Some(r.span()), crate::msg!("post-requested-negative"))
                    .help(crate::msg!("post-requested-negative-help")),
            );
        }
        Funding {
            requested: f.requested.map(Spanned::into_inner),
            partner: f.partner,
            status_text: status
                .as_deref()
                .and_then(|s| label(FUNDING_STATUS, s))
                .map(String::from),
            status,
        }
    });
    let date = date?;
    Some(Post {
        slug: slug.to_string(),
        url: format!("/anslagstavla/{slug}/"),
        title,
        date,
        date_text: plain_date(date),
        author,
        interests: raw.interests.iter().map(|i| Term::new(&slugify(i), i.trim())).collect(),
        place: raw.place,
        when: raw.when,
        funding,
        draft: raw.draft,
        content: markdown::render(&src.text[split.body], Trust::Resident, lang).html,
        source: src,
    })
}
