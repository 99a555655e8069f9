//! Referral cards ("Första steget"): for each activity, `/aktiviteter/<id>/kort/`, a card a
//! district nurse or a librarian can print and hand over: what, when, where, how to get there,
//! what it costs, who meets you, whom to call, and a QR code back to the page. On paper it is A6,
//! four copies to an A4 sheet with lines to cut along; on screen, one card.

use serde::Serialize;

use super::sections::breadcrumbs;
use super::{OutputFile, par_pages};
use crate::content::{Activity, Site};
use crate::error::Result;
use crate::render::i18n::Lang;
use crate::render::qr;
use crate::render::templates::Theme;
use crate::render::view::{self, base_context};

/// How many copies of a card an A4 sheet holds (2 × 2 of A6).
const COPIES_PER_SHEET: usize = 4;
/// How many coming meetings a card names.
const NEXT_MEETINGS: usize = 3;

/// What a card says.
#[derive(Debug, Clone, Serialize)]
pub struct ReferralCard {
    /// The activity's id.
    pub id: String,
    /// The activity's name.
    pub title: String,
    /// One sentence.
    pub summary: String,
    /// The schedule in words.
    pub when: Vec<String>,
    /// The next meetings that take place, in words.
    pub next: Vec<String>,
    /// The place's name.
    pub place: Option<String>,
    /// The street address; none when the place keeps it private.
    pub address: Option<String>,
    /// District.
    pub area: Option<String>,
    /// How to get there (public directions only).
    pub directions: Option<String>,
    /// "Gratis" or the cost as written.
    pub cost: Option<String>,
    /// Who meets a newcomer.
    pub host: Option<String>,
    /// A number to call.
    pub phone: Option<String>,
    /// Whether a place must be booked.
    pub bookable: bool,
    /// The page's absolute address, printed under the code.
    pub address_url: String,
    /// The QR code, inline SVG.
    pub qr: Option<String>,
}

/// The card of an activity, in `lang`.
pub fn referral_card(site: &Site, lang: &Lang, a: &Activity) -> ReferralCard {
    let (title, summary, _, _) = a.text(&lang.code);
    let page = site.config.absolute(&lang.url(&a.url));
    let next = a
        .meetings(site.config.timezone, site.today, crate::schedule::horizon(site.today))
        .iter()
        .filter(|m| m.takes_place())
        .take(NEXT_MEETINGS)
        .map(|m| {
            format!(
                "{} {} {}",
                lang.long_date(m.occurrence.date),
                lang.t("activity.at"),
                view::time_text(&m.occurrence.start)
            )
        })
        .collect();
    let place = a.place.as_ref();
    ReferralCard {
        id: a.id.clone(),
        title: title.to_string(),
        summary: summary.to_string(),
        when: a
            .schedule
            .iter()
            .map(|r| view::describe_rule(r, site.today, lang))
            .collect(),
        next,
        place: place.map(|p| p.name.clone()),
        address: place
            .filter(|p| p.address_public && !p.address.is_empty())
            .map(|p| p.address.clone()),
        area: place.map(|p| p.area.clone()),
        directions: place.and_then(|p| p.directions.clone()),
        cost: if a.free {
            Some(lang.t("activity.free").to_string())
        } else {
            a.cost.clone()
        },
        host: a.host.clone(),
        phone: a.contact.as_ref().and_then(|c| c.phone.clone()),
        bookable: a.booking.is_some(),
        qr: qr::svg(&page, &lang.fill("card.qr", &[("title", title)])),
        address_url: page,
    }
}

/// The site path of an activity's card.
pub fn card_url(a: &Activity) -> String {
    format!("{}kort/", a.url)
}

pub(super) fn render(site: &Site, theme: &Theme, lang: &Lang) -> Result<Vec<OutputFile>> {
    let listed: Vec<&Activity> = site.listed().filter(|a| !a.is_ended(site.today)).collect();
    par_pages(&listed, |a| card_page(site, theme, lang, a))
}

fn card_page(site: &Site, theme: &Theme, lang: &Lang, a: &Activity) -> Result<OutputFile> {
    let card = referral_card(site, lang, a);
    let url = card_url(a);
    let title = lang.fill("card.title", &[("title", &card.title)]);
    let mut ctx = base_context(site, lang, &url, &title, Some(&card.summary));
    ctx.insert("card", &card);
    // The activity's page is what people should find; the card repeats it for paper.
    ctx.insert("noindex", &true);
    ctx.insert("activity_url", &a.url);
    // One card to read on screen; the copies appear only on paper.
    ctx.insert(
        "copies",
        &vec![false; 1]
            .into_iter()
            .chain(vec![true; COPIES_PER_SHEET - 1])
            .collect::<Vec<_>>(),
    );
    ctx.insert("breadcrumbs", &breadcrumbs(site, lang, Some("/aktiviteter/")));
    Ok(OutputFile::page(&lang.url(&url), theme.render("card.html", &ctx)?))
}
