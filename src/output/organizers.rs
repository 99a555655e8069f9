//! Who does what: `/arrangorer/` lists the organizers with a file, and `/arrangorer/<id>/` shows
//! who one is, how to reach it, and all its coming activities, with its own calendar feed (made
//! in `ical.rs`).

use serde::Serialize;

use super::sections::{breadcrumbs, builtin_context};
use super::{OutputFile, par_pages};
use crate::content::Site;
use crate::content::organizer::Organizer;
use crate::error::Result;
use crate::render::i18n::Lang;
use crate::render::templates::Theme;
use crate::render::view::{self, base_context};

/// The list's address.
pub const URL: &str = "/arrangorer/";

/// An organizer in the list.
#[derive(Serialize)]
struct OrganizerCard<'a> {
    organizer: &'a Organizer,
    activity_count: usize,
}

fn coming_of(site: &Site, lang: &Lang, o: &Organizer) -> Vec<view::ActivityCard> {
    site.coming()
        .filter(|a| a.organizer_id.as_deref() == Some(o.id.as_str()))
        .map(|a| view::card(site, lang, a))
        .collect()
}

pub(super) fn render(site: &Site, theme: &Theme, lang: &Lang) -> Result<Vec<OutputFile>> {
    if site.organizers.is_empty() {
        return Ok(vec![]);
    }
    let mut files = par_pages(&site.organizers, |o| organizer_page(site, theme, lang, o))?;
    let mut ctx = builtin_context(site, lang, URL);
    let cards: Vec<OrganizerCard> = site
        .organizers
        .iter()
        .map(|o| OrganizerCard {
            organizer: o,
            activity_count: coming_of(site, lang, o).len(),
        })
        .collect();
    ctx.insert("organizers", &cards);
    ctx.insert("breadcrumbs", &breadcrumbs(site, lang, Some("/")));
    files.push(OutputFile::page(&lang.url(URL), theme.render("organizers.html", &ctx)?));
    Ok(files)
}

fn organizer_page(site: &Site, theme: &Theme, lang: &Lang, o: &Organizer) -> Result<OutputFile> {
    let (description, translated) = o.description_in(&lang.code);
    let mut ctx = base_context(site, lang, &o.url, &o.name, None);
    ctx.insert("organizer", o);
    ctx.insert("description", description);
    ctx.insert("translated", &(translated || lang.is_default));
    ctx.insert("activities", &coming_of(site, lang, o));
    ctx.insert("checked_text", &o.checked.map(|d| lang.plain_date(d)));
    ctx.insert("unconfirmed", &!site.confirmation(o.checked).is_recent());
    ctx.insert(
        "ics",
        &view::feed_links(site, &format!("{}kalender.ics", o.url), lang.t("subscribe.these")),
    );
    ctx.insert("breadcrumbs", &breadcrumbs(site, lang, Some(URL)));
    Ok(OutputFile::page(
        &lang.url(&o.url),
        theme.render("organizer.html", &ctx)?,
    ))
}

/// What the search index says of this built-in page besides its title and intro: the interface
/// text that leads it and its own words (none when the site does not have the page).
pub(super) fn search_words(site: &Site, _lang: &Lang) -> Option<(Option<&'static str>, Vec<String>)> {
    if site.organizers.is_empty() {
        return None;
    }
    Some((
        Some("organizers.lead"),
        site.organizers.iter().map(|o| o.name.clone()).collect(),
    ))
}
