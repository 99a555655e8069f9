//! Listings partners can embed ("Visa aktiviteterna på er webbplats"): `/inbadda/` gives web
//! editors ready snippets, and `/inbadda/arrangor/<id>/`, `/inbadda/intresse/<slug>/` and
//! `/inbadda/omrade/<slug>/` are small pages made for an `<iframe>`: no header or footer, no
//! script, their own few lines of CSS (light and dark), links that open the full page in a new
//! tab. They are left out of search engines and the site map.

use serde::Serialize;

use super::sections::{breadcrumbs, builtin_context};
use super::{OutputFile, groups, par_pages};
use crate::content::{Activity, Site};
use crate::error::Result;
use crate::render::i18n::Lang;
use crate::render::templates::Theme;
use crate::render::view::{self, base_context};

/// The page with the snippets.
pub const URL: &str = "/inbadda/";

/// One listing to embed.
#[derive(Serialize)]
struct Embed<'a> {
    /// `arrangor`, `intresse` or `omrade`.
    kind: &'static str,
    slug: String,
    /// What it shows ("Föreningen Huset", "samtal", "Söder").
    label: String,
    /// The embeddable page.
    url: String,
    /// Its absolute address, for the snippet.
    absolute: String,
    /// The full listing on the site.
    listing: String,
    /// A calendar feed of the same activities, where the site has one.
    ics: Option<String>,
    #[serde(skip)]
    items: Vec<&'a Activity>,
}

/// The embeds of one kind, under their heading.
#[derive(Serialize)]
struct Group<'a, 'b> {
    heading: String,
    embeds: Vec<&'b Embed<'a>>,
}

fn embeds<'a>(site: &'a Site, lang: &Lang) -> Vec<Embed<'a>> {
    let coming: Vec<&Activity> = site.coming().collect();
    let mut out = vec![];
    let mut push = |kind: &'static str,
                    slug: String,
                    label: String,
                    listing: String,
                    ics: Option<String>,
                    items: Vec<&'a Activity>| {
        let url = format!("{URL}{kind}/{slug}/");
        out.push(Embed {
            kind,
            absolute: site.config.absolute(&lang.url(&url)),
            url,
            slug,
            label,
            listing,
            ics: ics.map(|p| site.config.absolute(&p)),
            items,
        });
    };
    for o in &site.organizers {
        let items = coming
            .iter()
            .copied()
            .filter(|a| a.organizer_id.as_deref() == Some(o.id.as_str()))
            .collect();
        push(
            "arrangor",
            o.id.clone(),
            o.name.clone(),
            o.url.clone(),
            Some(format!("{}kalender.ics", o.url)),
            items,
        );
    }
    let (interests, areas) = (groups::by_interest(&coming), groups::by_area(&coming));
    for (slug, (label, items)) in interests {
        let listing = format!("/aktiviteter/intresse/{slug}/");
        let ics = Some(format!("{listing}kalender.ics"));
        push("intresse", slug, label, listing, ics, items);
    }
    for (slug, (label, items)) in areas {
        push(
            "omrade",
            slug.clone(),
            label,
            format!("/aktiviteter/omrade/{slug}/"),
            None,
            items,
        );
    }
    out
}

pub(super) fn render(site: &Site, theme: &Theme, lang: &Lang) -> Result<Vec<OutputFile>> {
    let all = embeds(site, lang);
    if all.is_empty() {
        return Ok(vec![]);
    }
    let mut files = par_pages(&all, |e| embed_page(site, theme, lang, e))?;
    let mut ctx = builtin_context(site, lang, URL);
    let groups: Vec<Group> = ["arrangor", "intresse", "omrade"]
        .into_iter()
        .map(|kind| Group {
            heading: lang.t(&format!("embed.kinds_{kind}")).to_string(),
            embeds: all.iter().filter(|e| e.kind == kind).collect(),
        })
        .filter(|g| !g.embeds.is_empty())
        .collect();
    ctx.insert("groups", &groups);
    ctx.insert("json", &site.config.absolute("/api/activities.json"));
    ctx.insert("ics_all", &site.config.absolute("/kalender.ics"));
    ctx.insert("breadcrumbs", &breadcrumbs(site, lang, Some("/")));
    files.push(OutputFile::page(&lang.url(URL), theme.render("embeds.html", &ctx)?));
    Ok(files)
}

fn embed_page(site: &Site, theme: &Theme, lang: &Lang, e: &Embed) -> Result<OutputFile> {
    let title = lang.fill(
        "embed.title",
        &[("what", &e.label), ("site", view::site_title(site, lang))],
    );
    let mut ctx = base_context(site, lang, &e.url, &title, None);
    ctx.insert("title", &title);
    ctx.insert(
        "activities",
        &e.items.iter().map(|a| view::card(site, lang, a)).collect::<Vec<_>>(),
    );
    ctx.insert("listing", &site.config.absolute(&lang.url(&e.listing)));
    ctx.insert("home", &site.config.absolute(&lang.url("/")));
    Ok(OutputFile::page(&lang.url(&e.url), theme.render("embed.html", &ctx)?))
}

/// What the search index says of this built-in page besides its title and intro.
pub(super) fn search_words(site: &Site, _lang: &Lang) -> Option<(Option<&'static str>, Vec<String>)> {
    site.coming().next()?;
    Some((Some("embed.lead"), vec!["iframe".into(), "inbäddning".into()]))
}
