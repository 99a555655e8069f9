//! What files a site has. Each module here turns part of the [`Site`] into output files; nothing
//! here touches the disk except to copy assets, which the writer in [`crate::build`] does.

mod activities;
mod aliases;
mod board;
mod calendar;
pub mod cards;
mod embeds;
mod evaluation;
mod feeds;
mod groups;
mod hsds;
mod ical;
mod open_data;
mod organizers;
mod pages;
mod places;
pub mod posters;
mod pot;
mod program;
mod referral;
mod search;
mod sections;
mod sitemap;
mod snackebord;
mod statement;
mod statistics;
mod vtimezone;

use std::path::PathBuf;

use rayon::prelude::*;

use crate::content::Site;
use crate::error::Result;
use crate::render::i18n::Lang;
use crate::render::links::Links;
use crate::render::templates::{StaticFile, Theme};

/// The bytes of one output file.
#[derive(Debug, Clone)]
pub enum Body {
    /// Generated content.
    Bytes(Vec<u8>),
    /// A file copied from disk.
    Copy(PathBuf),
    /// A file compiled into the binary.
    Embedded(&'static [u8]),
}

/// One file of the generated site.
#[derive(Debug, Clone)]
pub struct OutputFile {
    /// Path below the output folder, using `/`.
    pub path: String,
    /// Its content.
    pub body: Body,
}

impl OutputFile {
    /// An HTML page at a site path such as `/stod/` (written as `stod/index.html`).
    pub fn page(url: &str, html: String) -> Self {
        let path = if url.ends_with(".html") {
            url.trim_start_matches('/').to_string()
        } else {
            format!("{}index.html", url.trim_start_matches('/'))
        };
        OutputFile {
            path,
            body: Body::Bytes(html.into_bytes()),
        }
    }

    /// A generated file at a path below the output folder.
    pub fn bytes(path: impl Into<String>, bytes: Vec<u8>) -> Self {
        OutputFile {
            path: path.into(),
            body: Body::Bytes(bytes),
        }
    }
}

type Producer = fn(&Site, &Theme, &Lang) -> Result<Vec<OutputFile>>;

/// What the search index says of a built-in page (see `activities::search_words`).
type SearchWords = fn(&Site, &Lang) -> Option<(Option<&'static str>, Vec<String>)>;

/// A built-in section: a page the generator builds itself, in every language, and that an
/// `_index.md` at its address only gives a title and an intro.
pub(crate) struct BuiltIn {
    /// Its address, e.g. `/kalender/`.
    pub url: &'static str,
    /// The key of its title in the theme's words, for a site without an `_index.md` there.
    pub title_key: &'static str,
    /// What builds its pages.
    pub render: Producer,
    /// What the search index says of it.
    pub search: SearchWords,
}

/// Every built-in section: adding one is an entry here (and its address in
/// `content::BUILT_IN_SECTIONS`, which the content checks against; a test holds the two lists
/// together, in this order, which is the search index's).
pub(crate) const BUILT_IN: &[BuiltIn] = &[
    BuiltIn {
        url: "/aktiviteter/",
        title_key: "listing.title",
        render: activities::render,
        search: activities::search_words,
    },
    BuiltIn {
        url: "/platser/",
        title_key: "place.list_title",
        render: places::render,
        search: places::search_words,
    },
    BuiltIn {
        url: "/anslagstavla/",
        title_key: "board.title",
        render: board::render,
        search: board::search_words,
    },
    BuiltIn {
        url: pot::URL,
        title_key: "pot.title",
        render: pot::render,
        search: pot::search_words,
    },
    BuiltIn {
        url: "/kalender/",
        title_key: "calendar.title",
        render: calendar::render,
        search: calendar::search_words,
    },
    BuiltIn {
        url: statistics::URL,
        title_key: "statistics.title",
        render: statistics::render,
        search: statistics::search_words,
    },
    BuiltIn {
        url: evaluation::URL,
        title_key: "evaluation.title",
        render: evaluation::render,
        search: evaluation::search_words,
    },
    BuiltIn {
        url: referral::URL,
        title_key: "referral.title",
        render: referral::render,
        search: referral::search_words,
    },
    BuiltIn {
        url: organizers::URL,
        title_key: "organizers.title",
        render: organizers::render,
        search: organizers::search_words,
    },
    BuiltIn {
        url: embeds::URL,
        title_key: "embed.page_title",
        render: embeds::render,
        search: embeds::search_words,
    },
    BuiltIn {
        url: snackebord::URL,
        title_key: "snackebord.title",
        render: snackebord::render,
        search: snackebord::search_words,
    },
];

/// What every language has besides the built-in sections: its pages and its programme. Feeds,
/// open data, search and redirects exist once, in the default language.
const TRANSLATED: [Producer; 4] = [pages::render, program::render, cards::render, posters::render];
const DEFAULT_ONLY: [Producer; 6] = [
    feeds::render,
    ical::render,
    open_data::render,
    hsds::render,
    aliases::render,
    search::render,
];

/// Renders every file of the site, in parallel: the default language first, so that the other
/// languages' links know which of its pages they have too (`render::links`).
pub fn render_site(site: &Site, theme: &Theme) -> Result<Vec<OutputFile>> {
    let langs = theme.langs(&site.config.language, site.config.languages.keys().cloned());
    let mut links = Links::new(&site.config.base_url, &site.config.language);
    theme.set_links(links.clone());
    let producers = |l: &Lang| -> Vec<(Producer, bool)> {
        let once: &[Producer] = if l.is_default { &DEFAULT_ONLY } else { &[] };
        let every = BUILT_IN.iter().map(|s| s.render).chain(TRANSLATED);
        every
            .map(|p| (p, false))
            .chain(once.iter().map(|p| (*p, true)))
            .collect()
    };
    let (default, others): (Vec<&Lang>, Vec<&Lang>) = langs.iter().partition(|l| l.is_default);
    let first = render_languages(site, theme, &default, producers)?;
    // Every language has the default language's pages but those made once (search, redirects).
    for lang in &others {
        let paths: Vec<String> = first
            .iter()
            .filter(|(once, _)| !once)
            .map(|(_, f)| format!("{}/{}", lang.code, f.path))
            .collect();
        links.set_pages(&lang.code, paths.iter().map(String::as_str));
    }
    theme.set_links(links);
    let rest = render_languages(site, theme, &others, producers)?;
    let mut files: Vec<OutputFile> = first.into_iter().chain(rest).map(|(_, f)| f).collect();
    files.extend(sitemap::render(site, theme, &files)?);
    for (path, file) in &theme.static_files {
        let body = match file {
            StaticFile::Embedded(bytes) => Body::Embedded(bytes),
            StaticFile::Override(p) => Body::Copy(p.clone()),
        };
        files.push(OutputFile {
            path: path.clone(),
            body,
        });
    }
    for a in site.assets.iter().chain(&site.static_files) {
        files.push(OutputFile {
            path: a.output.clone(),
            body: Body::Copy(a.file.clone()),
        });
    }
    Ok(files)
}

/// Renders `langs` with their producers (each marked whether it is made once, in the default
/// language only), every producer of every language in parallel.
fn render_languages(
    site: &Site,
    theme: &Theme,
    langs: &[&Lang],
    producers: impl Fn(&Lang) -> Vec<(Producer, bool)>,
) -> Result<Vec<(bool, OutputFile)>> {
    let jobs: Vec<(&Lang, Producer, bool)> = langs
        .iter()
        .flat_map(|l| producers(l).into_iter().map(move |(p, once)| (*l, p, once)))
        .collect();
    let parts: Vec<Vec<(bool, OutputFile)>> = jobs
        .par_iter()
        .map(|(l, p, once)| p(site, theme, l).map(|f| f.into_iter().map(|f| (*once, f)).collect()))
        .collect::<Result<_>>()?;
    Ok(parts.into_iter().flatten().collect())
}

/// Renders only the given pages (site paths of the default language, e.g. `/stod/tips/` or `/`)
/// in every language, for the dev server's quick updates. `existing` lists the output paths the
/// site already has, so that a translation's links can be pointed at its own pages.
pub fn render_pages<'a>(
    site: &Site,
    theme: &Theme,
    urls: &[String],
    existing: impl Iterator<Item = &'a str> + Clone,
) -> Result<Vec<OutputFile>> {
    let langs = theme.langs(&site.config.language, site.config.languages.keys().cloned());
    let mut links = Links::new(&site.config.base_url, &site.config.language);
    for lang in langs.iter().filter(|l| !l.is_default) {
        links.set_pages(&lang.code, existing.clone());
    }
    theme.set_links(links);
    let mut files = vec![];
    for lang in &langs {
        files.extend(pages::render_some(site, theme, lang, urls)?);
    }
    Ok(files)
}

/// Renders the outputs that sum up many pages (the feeds, the search index), for the dev server
/// to refresh after a quick update.
pub fn render_summaries(site: &Site, theme: &Theme) -> Result<Vec<OutputFile>> {
    let lang = theme.lang(&site.config.language, &site.config.language);
    let mut files = feeds::render(site, theme, &lang)?;
    files.extend(search::render(site, theme, &lang)?);
    Ok(files)
}

/// Renders pages in parallel.
fn par_pages<T: Sync>(items: &[T], f: impl Fn(&T) -> Result<OutputFile> + Sync + Send) -> Result<Vec<OutputFile>> {
    items.par_iter().map(f).collect()
}
