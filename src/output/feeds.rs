//! Atom feeds: `/atom.xml` with the news (pages in `nyheter/`) and `/anslagstavla/atom.xml` with
//! the residents' suggestions, newest first, with absolute URLs.

use atom_syndication::{Content, Entry, Feed, Link, Person, Text};
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};

use super::OutputFile;
use crate::content::{Page, Site};
use crate::error::{Error, Result};
use crate::render::i18n::Lang;
use crate::render::templates::Theme;
use crate::schedule;

/// The section whose dated pages are the news.
pub const NEWS_SECTION: &str = "/nyheter/";

/// How many entries a feed carries.
const ENTRIES: usize = 30;

pub(super) fn render(site: &Site, _: &Theme, _: &Lang) -> Result<Vec<OutputFile>> {
    let news: Vec<Entry> = news(site)
        .into_iter()
        .take(ENTRIES)
        .map(|p| {
            let date = p.date.expect("news have dates");
            entry(
                site,
                &p.url,
                &p.title,
                date,
                p.updated,
                p.description.as_deref(),
                &p.content,
                None,
            )
        })
        .collect();
    let board: Vec<Entry> = site
        .posts
        .iter()
        .take(ENTRIES)
        .map(|p| entry(site, &p.url, &p.title, p.date, None, None, &p.content, Some(&p.author)))
        .collect();
    let title = site.page(NEWS_SECTION).map_or("Nyheter", |p| p.title.as_str());
    Ok(vec![
        OutputFile::bytes(
            "atom.xml",
            feed(
                site,
                "/atom.xml",
                // The feed's page: the news section, or the home page on a site without one.
                if site.page(NEWS_SECTION).is_some() {
                    NEWS_SECTION
                } else {
                    "/"
                },
                &format!("{} – {title}", site.config.title),
                news,
            )?,
        ),
        OutputFile::bytes(
            "anslagstavla/atom.xml",
            feed(
                site,
                "/anslagstavla/atom.xml",
                "/anslagstavla/",
                &format!("{} – Anslagstavlan", site.config.title),
                board,
            )?,
        ),
    ])
}

/// The news pages, newest first.
pub fn news(site: &Site) -> Vec<&Page> {
    let mut news: Vec<&Page> = site
        .pages
        .iter()
        .filter(|p| !p.is_section && p.date.is_some() && p.parent.as_deref() == Some(NEWS_SECTION))
        .collect();
    news.sort_by(|a, b| b.date.cmp(&a.date).then(a.url.cmp(&b.url)));
    news
}

/// Midnight of a date in the site's zone, as Atom wants full date-times.
fn stamp(site: &Site, date: NaiveDate) -> DateTime<FixedOffset> {
    schedule::local(site.config.timezone, date, NaiveTime::MIN).fixed_offset()
}

#[allow(
    clippy::too_many_arguments,
    reason = "one call per kind of entry, each with different parts"
)]
fn entry(
    site: &Site,
    url: &str,
    title: &str,
    date: NaiveDate,
    updated: Option<NaiveDate>,
    summary: Option<&str>,
    html: &str,
    author: Option<&str>,
) -> Entry {
    let absolute = site.config.absolute(url);
    let mut e = Entry::default();
    e.set_id(absolute.clone());
    e.set_title(Text::plain(title));
    e.set_published(Some(stamp(site, date)));
    e.set_updated(stamp(site, updated.unwrap_or(date).max(date)));
    let mut link = Link::default();
    link.set_href(absolute.clone());
    link.set_rel("alternate");
    link.set_mime_type(Some("text/html".to_string()));
    e.set_links(vec![link]);
    if let Some(s) = summary {
        e.set_summary(Some(Text::plain(s)));
    }
    let mut content = Content::default();
    content.set_content_type(Some("html".to_string()));
    // Relative links in the HTML resolve against the page's own address.
    content.set_base(Some(absolute));
    content.set_value(Some(html.to_string()));
    e.set_content(Some(content));
    if let Some(name) = author {
        let mut person = Person::default();
        person.set_name(name);
        e.set_authors(vec![person]);
    }
    e
}

fn feed(site: &Site, self_path: &str, html_path: &str, title: &str, entries: Vec<Entry>) -> Result<Vec<u8>> {
    let mut f = Feed::default();
    f.set_id(site.config.absolute(self_path));
    f.set_title(Text::plain(title));
    f.set_lang(Some(site.config.language.clone()));
    let newest = entries.iter().map(|e| *e.updated()).max();
    f.set_updated(newest.unwrap_or_else(|| stamp(site, site.today)));
    let mut me = Link::default();
    me.set_href(site.config.absolute(self_path));
    me.set_rel("self");
    me.set_mime_type(Some("application/atom+xml".to_string()));
    let mut html = Link::default();
    html.set_href(site.config.absolute(html_path));
    html.set_rel("alternate");
    html.set_mime_type(Some("text/html".to_string()));
    f.set_links(vec![me, html]);
    let mut author = Person::default();
    author.set_name(site.config.title.clone());
    author.set_uri(Some(site.config.absolute("/")));
    f.set_authors(vec![author]);
    f.set_entries(entries);
    f.write_to(Vec::new())
        .map_err(|e| Error::Template(format!("{self_path}: {e}")))
}
