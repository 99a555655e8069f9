//! Pages and sections: Markdown files with `+++` TOML front matter.

use std::ops::Range;
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use toml::Spanned;
use toml::value::Datetime;

use super::dates::opt_date;
use super::frontmatter;
use crate::diagnostics::{Diagnostic, Source};
use crate::markdown::{self, Heading, Trust};
use crate::toml_doc::{self, Nested, Schema};
use crate::vocabulary::{plain_date, slugify};

/// A Markdown page or section page (`_index.md`).
#[derive(Debug, Clone, Serialize)]
pub struct Page {
    /// The file, for messages.
    #[serde(skip)]
    pub source: Source,
    /// Site path, e.g. `/stod/tips/`.
    pub url: String,
    /// Language code of this version of the page.
    pub lang: String,
    /// Whether this is a section's `_index.md`.
    pub is_section: bool,
    /// URL of the section the page belongs to (`/stod/`), `None` for the home page.
    pub parent: Option<String>,
    /// Title (the page's only `h1`).
    pub title: String,
    /// One-sentence description for listings and meta tags.
    pub description: Option<String>,
    /// Publication date.
    pub date: Option<NaiveDate>,
    /// `date` written out in Swedish.
    pub date_text: Option<String>,
    /// Last significant update.
    pub updated: Option<NaiveDate>,
    /// `updated` written out in Swedish.
    pub updated_text: Option<String>,
    /// Not published unless building with drafts.
    pub draft: bool,
    /// Ordering within a section (lower first).
    pub weight: Option<i64>,
    /// Template to render with instead of the default.
    pub template: Option<String>,
    /// Where in the file `template` is written, for an unknown template's message.
    #[serde(skip)]
    pub template_span: Option<Range<usize>>,
    /// Old site paths that redirect here.
    pub aliases: Vec<String>,
    /// For an easy-to-read version (`tips.lattlast.md`): the URL of the page it simplifies.
    pub easy_read_of: Option<String>,
    /// For a page that has one: the URL of its easy-to-read version.
    pub easy_read: Option<String>,
    /// Free table for themes.
    pub extra: toml::Table,
    /// The body as HTML.
    pub content: String,
    /// The body's headings.
    pub headings: Vec<Heading>,
}

#[derive(Deserialize)]
struct Raw {
    slug: Option<Spanned<String>>,
    title: Option<String>,
    description: Option<String>,
    date: Option<Spanned<Datetime>>,
    updated: Option<Spanned<Datetime>>,
    #[serde(default)]
    draft: bool,
    weight: Option<i64>,
    template: Option<Spanned<String>>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    #[serde(default)]
    extra: toml::Table,
}

const SCHEMA: Schema = Schema {
    keys: &[
        "slug",
        "title",
        "description",
        "date",
        "updated",
        "draft",
        "weight",
        "template",
        "aliases",
        "extra",
    ],
    nested: &[("extra", Nested::Free)],
};

/// Where a Markdown file sits in the site, worked out from its path.
#[derive(Debug, Clone)]
pub struct Placement {
    /// Site path of the page.
    pub url: String,
    /// Language of the file (from a `.en.md` suffix, or the site's default).
    pub lang: String,
    /// Whether it is a section page.
    pub is_section: bool,
    /// URL of the enclosing section.
    pub parent: Option<String>,
    /// For an easy-to-read version: the URL of the page it simplifies.
    pub easy_read_of: Option<String>,
}

/// The file-name suffix of an easy-to-read (lättläst) version of a page.
pub const EASY_READ_SUFFIX: &str = ".lattlast";

/// Works out URL and language of `rel` (a path below `content/`, using `/`).
pub fn place_of(rel: &Path, default_lang: &str) -> Placement {
    let components: Vec<String> = rel.iter().map(|c| c.to_string_lossy().into_owned()).collect();
    let (dirs, file) = components.split_at(components.len() - 1);
    let stem = file[0].strip_suffix(".md").unwrap_or(&file[0]);
    let (stem, easy_read) = match stem.strip_suffix(EASY_READ_SUFFIX) {
        Some(s) => (s, true),
        None => (stem, false),
    };
    let (stem, lang) = match stem.rsplit_once('.') {
        Some((s, l)) if l.len() == 2 && l.chars().all(|c| c.is_ascii_lowercase()) => (s, l.to_string()),
        _ => (stem, default_lang.to_string()),
    };
    // Folders and files are named as editors write; their addresses are slugs. A name with
    // nothing left to slug is refused when the content is loaded (`slug::empty_name`).
    let dir_url = dirs
        .iter()
        .fold(String::from("/"), |acc, d| format!("{acc}{}/", slugify(d)));
    let is_section = stem == "_index";
    let url = if is_section || stem == "index" {
        dir_url.clone()
    } else {
        format!("{dir_url}{}/", slugify(stem))
    };
    let parent = if url == "/" {
        None
    } else if is_section || stem == "index" {
        Some(parent_url(&dir_url))
    } else {
        Some(dir_url)
    };
    let url = if lang != default_lang {
        format!("/{lang}{url}")
    } else {
        url
    };
    if easy_read {
        // The simpler version lives below the page it simplifies, which is also its parent.
        return Placement {
            url: format!("{url}lattlast/"),
            lang,
            is_section: false,
            parent: Some(url.clone()),
            easy_read_of: Some(url),
        };
    }
    Placement {
        url,
        lang,
        is_section,
        parent,
        easy_read_of: None,
    }
}

impl Placement {
    /// Gives the page the last address part `slug` instead of its file name's (`slug = "…"`).
    fn set_slug(&mut self, slug: &str) {
        match &self.easy_read_of {
            // The easy-to-read version follows the page it simplifies: `<slug>/lattlast/`.
            Some(of) => {
                let of = format!("{}{slug}/", parent_url(of));
                self.url = format!("{of}lattlast/");
                self.parent = Some(of.clone());
                self.easy_read_of = Some(of);
            }
            None => self.url = format!("{}{slug}/", parent_url(&self.url)),
        }
    }
}

fn parent_url(url: &str) -> String {
    let trimmed = url.trim_end_matches('/');
    match trimmed.rfind('/') {
        Some(i) => trimmed[..=i].to_string(),
        None => "/".into(),
    }
}

/// Parses a page file. Problems go into `diags`; `None` when the page cannot be used.
pub fn parse(src: Source, mut placement: Placement, diags: &mut Vec<Diagnostic>) -> Option<Page> {
    let split = frontmatter::split(&src).map_err(|d| diags.push(d)).ok()?;
    let raw: Raw = toml_doc::parse(&src, split.front.clone(), &SCHEMA, diags)?;
    if let Some(wanted) = &raw.slug {
        if placement.is_section {
            diags.push(
                Diagnostic::error(&src, Some(wanted.span()), crate::msg!("page-section-slug"))
                    .help(crate::msg!("page-section-slug-help")),
            );
        } else if let Some(slug) = super::slug::chosen(&src, wanted, diags) {
            placement.set_slug(&slug);
        }
    }
    let title = match raw.title {
        Some(t) if !t.trim().is_empty() => t,
        _ => {
            diags.push(
                Diagnostic::error(
                    &src,
                    Some(split.front.start..split.front.start),
                    crate::msg!("page-no-title"),
                )
                .help(crate::msg!("page-no-title-help")),
            );
            String::new()
        }
    };
    let date = opt_date(&src, &raw.date, "date", diags);
    let updated = opt_date(&src, &raw.updated, "updated", diags);
    let aliases = raw
        .aliases
        .iter()
        .filter_map(|a| match normalize_alias(a.get_ref()) {
            Ok(a) => Some(a),
            Err(why) => {
                diags.push(
                    Diagnostic::error(
                        &src,
                        Some(a.span()),
                        crate::msg!("page-bad-alias", alias = a.get_ref(), why = why),
                    )
                    .help(crate::msg!("page-bad-alias-help")),
                );
                None
            }
        })
        .collect();
    // With errors the page is still returned, so that checks across files (its address) run too.
    let rendered = markdown::render(&src.text[split.body], Trust::Editor, &placement.lang);
    Some(Page {
        url: placement.url,
        lang: placement.lang,
        is_section: placement.is_section,
        parent: placement.parent,
        title,
        description: raw.description,
        date_text: date.map(plain_date),
        date,
        updated_text: updated.map(plain_date),
        updated,
        draft: raw.draft,
        weight: raw.weight,
        template_span: raw.template.as_ref().map(|t| t.span()),
        template: raw.template.map(Spanned::into_inner),
        aliases,
        easy_read_of: placement.easy_read_of,
        easy_read: None,
        extra: raw.extra,
        content: rendered.html,
        headings: rendered.headings,
        source: src,
    })
}

/// Checks an alias and brings it to one form: `/path/` or `/file.html`.
pub fn normalize_alias(alias: &str) -> Result<String, String> {
    let alias = alias.trim();
    if !alias.starts_with('/') {
        return Err(crate::msg!("page-alias-no-slash"));
    }
    if alias.contains("://") || alias.contains('?') || alias.contains('#') || alias.contains('\\') {
        return Err(crate::msg!("page-alias-not-plain"));
    }
    if alias.split('/').any(|seg| seg == ".." || seg == ".") {
        return Err(crate::msg!("page-alias-dots"));
    }
    if alias == "/" {
        return Err(crate::msg!("page-alias-home"));
    }
    if alias.ends_with(".html") {
        Ok(alias.to_string())
    } else {
        Ok(format!("{}/", alias.trim_end_matches('/')))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_from_paths() {
        let p = place_of(Path::new("stod/tips.md"), "sv");
        assert_eq!(
            (p.url.as_str(), p.parent.as_deref(), p.is_section),
            ("/stod/tips/", Some("/stod/"), false)
        );
        let p = place_of(Path::new("stod/_index.md"), "sv");
        assert_eq!(
            (p.url.as_str(), p.parent.as_deref(), p.is_section),
            ("/stod/", Some("/"), true)
        );
        let p = place_of(Path::new("_index.md"), "sv");
        assert_eq!((p.url.as_str(), p.parent.as_deref()), ("/", None));
        let p = place_of(Path::new("stod/tips.en.md"), "sv");
        assert_eq!((p.url.as_str(), p.lang.as_str()), ("/en/stod/tips/", "en"));
        let p = place_of(Path::new("stod/tips/index.md"), "sv");
        assert_eq!(p.url, "/stod/tips/");
        let p = place_of(Path::new("stod/tips.lattlast.md"), "sv");
        assert_eq!(
            (p.url.as_str(), p.easy_read_of.as_deref(), p.parent.as_deref()),
            ("/stod/tips/lattlast/", Some("/stod/tips/"), Some("/stod/tips/"))
        );
        let p = place_of(Path::new("stod/_index.lattlast.md"), "sv");
        assert_eq!((p.url.as_str(), p.is_section), ("/stod/lattlast/", false));
    }

    #[test]
    fn aliases() {
        assert_eq!(normalize_alias("/gammal").unwrap(), "/gammal/");
        assert_eq!(normalize_alias("/a/b.html").unwrap(), "/a/b.html");
        assert!(normalize_alias("gammal").is_err());
        assert!(normalize_alias("/../etc").is_err());
    }
}
