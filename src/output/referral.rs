//! "Hänvisa någon" (`/for-dig-som-moter/hanvisa/`): for staff who meet lonely people, the coming
//! activities by interest and by area, each with its referral card. Without JavaScript each card
//! is printed from its own page; with it, staff tick several and print them together from
//! `/for-dig-som-moter/hanvisa/kort/`, four different cards to an A4 sheet (`hanvisa.js`).

use serde::Serialize;

use super::OutputFile;
use super::cards::{card_url, referral_card};
use super::sections::{breadcrumbs, builtin_context};
use crate::content::{Activity, Site};
use crate::error::Result;
use crate::render::i18n::Lang;
use crate::render::templates::Theme;
use crate::render::view::base_context;

/// The page's address.
pub const URL: &str = "/for-dig-som-moter/hanvisa/";
/// The page with every card, to print those ticked.
pub const CARDS_URL: &str = "/for-dig-som-moter/hanvisa/kort/";

/// An activity in a group.
#[derive(Serialize)]
struct Item {
    id: String,
    title: String,
    summary: String,
    place: Option<String>,
    card_url: String,
}

/// The activities by one kind of grouping.
#[derive(Serialize)]
struct Part<'a> {
    id: &'static str,
    heading: &'a str,
    groups: Vec<Group>,
}

/// Activities under one interest or area.
#[derive(Serialize)]
struct Group {
    label: String,
    slug: String,
    items: Vec<Item>,
}

fn groups(lang: &Lang, grouped: super::groups::Grouped) -> Vec<Group> {
    grouped
        .into_iter()
        .map(|(slug, (label, activities))| Group {
            label,
            slug,
            items: activities
                .into_iter()
                .map(|a| {
                    let (title, summary, _, _) = a.text(&lang.code);
                    Item {
                        id: a.id.clone(),
                        title: title.to_string(),
                        summary: summary.to_string(),
                        place: a.place.as_ref().map(|p| p.name.clone()),
                        card_url: card_url(a),
                    }
                })
                .collect(),
        })
        .collect()
}

/// Where the page sits: under "För dig som möter" when the site has that section.
fn parent(site: &Site) -> &'static str {
    if site.page("/for-dig-som-moter/").is_some() {
        "/for-dig-som-moter/"
    } else {
        "/"
    }
}

pub(super) fn render(site: &Site, theme: &Theme, lang: &Lang) -> Result<Vec<OutputFile>> {
    let coming: Vec<&Activity> = site.coming().collect();
    if coming.is_empty() {
        return Ok(vec![]);
    }
    let mut ctx = builtin_context(site, lang, URL);
    let parts = [
        Part {
            id: "intresse",
            heading: lang.t("referral.by_interest"),
            groups: groups(lang, super::groups::by_interest(&coming)),
        },
        Part {
            id: "omrade",
            heading: lang.t("referral.by_area"),
            groups: groups(lang, super::groups::by_area(&coming)),
        },
    ];
    ctx.insert("parts", &parts);
    ctx.insert("cards_url", CARDS_URL);
    ctx.insert("breadcrumbs", &breadcrumbs(site, lang, Some(parent(site))));
    let page = OutputFile::page(&lang.url(URL), theme.render("referral.html", &ctx)?);

    let title = lang.t("referral.cards_title");
    let mut ctx = base_context(site, lang, CARDS_URL, title, None);
    ctx.insert("title", title);
    ctx.insert(
        "cards",
        &coming.iter().map(|a| referral_card(site, lang, a)).collect::<Vec<_>>(),
    );
    ctx.insert("noindex", &true);
    ctx.insert("breadcrumbs", &breadcrumbs(site, lang, Some(parent(site))));
    let cards = OutputFile::page(&lang.url(CARDS_URL), theme.render("referral-cards.html", &ctx)?);
    Ok(vec![page, cards])
}

/// What the search index says of this built-in page besides its title and intro.
pub(super) fn search_words(site: &Site, _lang: &Lang) -> Option<(Option<&'static str>, Vec<String>)> {
    site.coming().next()?;
    Some((Some("referral.lead"), vec!["hänvisa".into(), "kort".into()]))
}
