//! A page for each place, with the activities that meet there, and the list of places.

use super::sections::{breadcrumbs, builtin_context};
use super::{OutputFile, par_pages};
use crate::content::{Place, Site, Term};
use crate::error::Result;
use crate::render::i18n::Lang;
use crate::render::templates::Theme;
use crate::render::view::{self, PlaceCard, base_context};

pub(super) fn render(site: &Site, theme: &Theme, lang: &Lang) -> Result<Vec<OutputFile>> {
    let mut files = par_pages(&site.places, |p| place_page(site, theme, lang, p))?;
    let mut ctx = builtin_context(site, lang, "/platser/");
    let cards: Vec<PlaceCard> = site
        .places
        .iter()
        .map(|p| PlaceCard {
            place: p,
            activity_count: coming_at(site, lang, p).len(),
        })
        .collect();
    ctx.insert("places", &cards);
    ctx.insert("breadcrumbs", &breadcrumbs(site, lang, Some("/")));
    files.push(OutputFile::page(
        &lang.url("/platser/"),
        theme.render("places.html", &ctx)?,
    ));
    Ok(files)
}

fn coming_at(site: &Site, lang: &Lang, place: &Place) -> Vec<view::ActivityCard> {
    site.coming()
        .filter(|a| a.place.as_ref().is_some_and(|p| p.url.is_some() && p.id == place.id))
        .map(|a| view::card(site, lang, a))
        .collect()
}

fn place_page(site: &Site, theme: &Theme, lang: &Lang, p: &Place) -> Result<OutputFile> {
    let url = p.url.clone().unwrap_or_default();
    let mut ctx = base_context(site, lang, &url, &p.name, Some(&p.where_text()));
    ctx.insert("place", p);
    let features: Vec<Term> = p
        .accessibility
        .iter()
        .map(|f| Term::new(&f.key, lang.term("accessibility", &f.key, &f.label)))
        .collect();
    ctx.insert("features", &features);
    ctx.insert("activities", &coming_at(site, lang, p));
    ctx.insert("checked_text", &p.checked.map(|d| lang.plain_date(d)));
    ctx.insert("unconfirmed", &!site.confirmation(p.checked).is_recent());
    ctx.insert("breadcrumbs", &breadcrumbs(site, lang, Some("/platser/")));
    ctx.insert("poster_url", &super::posters::place_poster_url(&url));
    Ok(OutputFile::page(&lang.url(&url), theme.render("place.html", &ctx)?))
}

/// What the search index says of this built-in page besides its title and intro: the interface
/// text that leads it and its own words (none when the site does not have the page).
pub(super) fn search_words(_site: &Site, lang: &Lang) -> Option<(Option<&'static str>, Vec<String>)> {
    Some((None, vec![lang.t("layout.places").into()]))
}
