//! Posters for notice boards: `/platser/<id>/affisch/` and `/aktiviteter/omrade/<slug>/affisch/`,
//! an A4 sheet of what happens there in the coming four weeks, with a QR code to the listing, a
//! phone number when the site has one (`phone` in `[extra]`) and the day it was made, for a
//! library, a health centre or a shop to put up.

use chrono::Days;

use super::sections::breadcrumbs;
use super::{OutputFile, par_pages};
use crate::content::{Activity, Site};
use crate::error::Result;
use crate::render::i18n::Lang;
use crate::render::qr;
use crate::render::templates::Theme;
use crate::render::view::{self, base_context};

/// How far ahead a poster looks.
const WEEKS: u64 = 4;

/// The site path of a place's poster.
pub fn place_poster_url(place_url: &str) -> String {
    format!("{place_url}affisch/")
}

/// The site path of an area's poster.
pub fn area_poster_url(area_slug: &str) -> String {
    format!("/aktiviteter/omrade/{area_slug}/affisch/")
}

/// One poster to make: its address, the listing it points to, its heading, and which
/// activities it shows.
struct Poster<'a> {
    url: String,
    listing: String,
    heading: String,
    keep: Box<dyn Fn(&Activity) -> bool + Sync + Send + 'a>,
}

pub(super) fn render(site: &Site, theme: &Theme, lang: &Lang) -> Result<Vec<OutputFile>> {
    let mut posters: Vec<Poster> = vec![];
    for p in &site.places {
        let Some(url) = p.url.clone() else { continue };
        let id = p.id.clone();
        posters.push(Poster {
            url: place_poster_url(&url),
            listing: url,
            heading: lang.fill("poster.title_place", &[("place", &p.name)]),
            keep: Box::new(move |a: &Activity| a.place.as_ref().is_some_and(|ap| ap.url.is_some() && ap.id == id)),
        });
    }
    // The areas that have an activity page of their own: those of coming activities.
    let coming: Vec<&Activity> = site.coming().collect();
    let areas = super::groups::by_area(&coming);
    for (slug, (name, _)) in areas {
        let wanted = slug.clone();
        posters.push(Poster {
            url: area_poster_url(&slug),
            listing: format!("/aktiviteter/omrade/{slug}/"),
            heading: lang.fill("poster.title_area", &[("area", &name)]),
            keep: Box::new(move |a: &Activity| a.place.as_ref().is_some_and(|p| p.area_slug == wanted)),
        });
    }
    par_pages(&posters, |p| poster_page(site, theme, lang, p))
}

fn poster_page(site: &Site, theme: &Theme, lang: &Lang, poster: &Poster) -> Result<OutputFile> {
    let last = site.today + Days::new(WEEKS * 7 - 1);
    let mut ctx = base_context(site, lang, &poster.url, &poster.heading, None);
    ctx.insert("heading", &poster.heading);
    ctx.insert(
        "range_text",
        &lang.fill(
            "date.range",
            &[("from", &lang.day_month(site.today)), ("to", &lang.plain_date(last))],
        ),
    );
    ctx.insert("days", &view::days_of(site, lang, site.today, last, &poster.keep));
    let listing = site.config.absolute(&lang.url(&poster.listing));
    ctx.insert(
        "qr",
        &qr::svg(&listing, &lang.fill("poster.qr", &[("title", &poster.heading)])),
    );
    ctx.insert("listing_url", &listing);
    ctx.insert("listing_path", &poster.listing);
    ctx.insert(
        "made_text",
        &lang.fill("poster.made", &[("date", &lang.plain_date(site.today))]),
    );
    ctx.insert("phone", &site.config.extra.get("phone").and_then(|v| v.as_str()));
    // The listing is what people should find; the poster repeats it for paper.
    ctx.insert("noindex", &true);
    ctx.insert("breadcrumbs", &breadcrumbs(site, lang, Some("/")));
    Ok(OutputFile::page(
        &lang.url(&poster.url),
        theme.render("poster.html", &ctx)?,
    ))
}
