//! Activity pages, the activity listing and its static filter pages (by interest, area and
//! weekday), which let visitors filter without JavaScript.

use std::collections::BTreeMap;

use chrono::Weekday;
use serde::Serialize;

use super::sections::{breadcrumbs, builtin_intro};
use super::{OutputFile, groups, par_pages};
use crate::content::{Activity, Site};
use crate::error::Result;
use crate::render::i18n::Lang;
use crate::render::templates::Theme;
use crate::render::view::{self, Link, base_context};
use crate::vocabulary::WEEKDAYS;

pub(super) fn render(site: &Site, theme: &Theme, lang: &Lang) -> Result<Vec<OutputFile>> {
    let mut files = par_pages(&site.activities, |a| activity_page(site, theme, lang, a))?;
    let coming: Vec<&Activity> = site.coming().collect();
    let filters = Filters::new(site, &coming);

    let (title, intro, description) = builtin_intro(site, lang, "/aktiviteter/");
    let ended: Vec<_> = site
        .listed()
        .filter(|a| a.is_ended(site.today))
        .map(|a| view::card(site, lang, a))
        .collect();
    let listing = Listing {
        url: "/aktiviteter/".into(),
        title: title.clone(),
        intro,
        description,
        filter: None,
        items: coming.clone(),
        ended,
    };
    files.push(listing.render(site, theme, lang, &filters)?);

    let mut jobs: Vec<Listing> = vec![];
    for (slug, (label, items)) in &filters.interests {
        jobs.push(Listing::filtered(
            format!("/aktiviteter/intresse/{slug}/"),
            lang.fill("filter.interest", &[("name", label)]),
            items.clone(),
        ));
    }
    for (slug, (label, items)) in &filters.areas {
        jobs.push(Listing::filtered(
            format!("/aktiviteter/omrade/{slug}/"),
            lang.fill("filter.area", &[("name", label)]),
            items.clone(),
        ));
    }
    for (day, _, slug) in WEEKDAYS {
        let items: Vec<&Activity> = coming
            .iter()
            .copied()
            .filter(|a| filters.days_of(a).contains(&day))
            .collect();
        jobs.push(Listing::filtered(
            format!("/aktiviteter/dag/{slug}/"),
            view::weekday_heading(lang, day),
            items,
        ));
    }
    files.extend(par_pages(&jobs, |l| l.render(site, theme, lang, &filters))?);
    Ok(files)
}

fn activity_page(site: &Site, theme: &Theme, lang: &Lang, a: &Activity) -> Result<OutputFile> {
    let (title, summary, _, _) = a.text(&lang.code);
    let mut ctx = base_context(site, lang, &a.url, title, Some(summary));
    ctx.insert("activity", &view::activity_view(site, lang, a));
    if let Some(b) = &a.booking {
        // Where the booking screen stands is the site's fact (`kiosk_place` in `[extra]`, with
        // `kiosk_place_en` …), never the theme's.
        let extra = &site.config.extra;
        let place = extra
            .get(&format!("kiosk_place_{}", lang.code))
            .filter(|_| !lang.is_default)
            .or_else(|| extra.get("kiosk_place"))
            .and_then(|v| v.as_str())
            .map(|p| lang.fill("activity.book_where", &[("place", p)]))
            .unwrap_or_default();
        let text = lang.fill(
            if b.capacity == 1 {
                "activity.book_text_one"
            } else {
                "activity.book_text"
            },
            &[
                ("where", &place),
                ("capacity", &b.capacity.to_string()),
                ("days", &b.opens_days_before.to_string()),
            ],
        );
        ctx.insert("booking_text", &text);
        if let Some(action) = &site.config.booking_url {
            ctx.insert("booking_form", &booking_form(site, lang, a, b, action));
        }
    }
    if !site.is_hidden(a) && !a.is_ended(site.today) {
        ctx.insert("card_url", &super::cards::card_url(a));
    }
    ctx.insert("jsonld", &crate::render::jsonld::activity(site, a));
    ctx.insert(
        "ics",
        &view::feed_links(site, &format!("{}kalender.ics", a.url), lang.t("subscribe.activity")),
    );
    ctx.insert("breadcrumbs", &breadcrumbs(site, lang, Some("/aktiviteter/")));
    Ok(OutputFile::page(
        &lang.url(&a.url),
        theme.render("activity.html", &ctx)?,
    ))
}

/// Links to every interest page, with the number of coming activities, for the home page too.
pub(super) fn interest_links(site: &Site, current: Option<&str>) -> Vec<Link> {
    let coming: Vec<&Activity> = site.coming().collect();
    Filters::new(site, &coming).interest_links(current)
}

/// The values activities can be filtered by, each with its activities.
struct Filters<'a> {
    interests: BTreeMap<String, (String, Vec<&'a Activity>)>,
    areas: BTreeMap<String, (String, Vec<&'a Activity>)>,
    days: Vec<(String, Vec<Weekday>)>,
}

impl<'a> Filters<'a> {
    fn new(site: &Site, coming: &[&'a Activity]) -> Self {
        let (interests, areas) = (groups::by_interest(coming), groups::by_area(coming));
        let days = coming.iter().map(|a| (a.id.clone(), view::weekdays(site, a))).collect();
        Filters { interests, areas, days }
    }

    fn days_of(&self, a: &Activity) -> &[Weekday] {
        self.days
            .iter()
            .find(|(id, _)| *id == a.id)
            .map_or(&[], |(_, d)| d.as_slice())
    }

    fn interest_links(&self, current: Option<&str>) -> Vec<Link> {
        links(&self.interests, "intresse", current)
    }

    fn context(&self, lang: &Lang, current: &str) -> FilterLinks {
        FilterLinks {
            interests: links(&self.interests, "intresse", Some(current)),
            areas: links(&self.areas, "omrade", Some(current)),
            days: view::weekday_links(lang, None, |d| {
                self.days.iter().filter(|(_, days)| days.contains(&d)).count()
            })
            .into_iter()
            .map(|l| Link {
                current: l.url == current,
                lang: None,
                ..l
            })
            .collect(),
        }
    }
}

fn links(map: &BTreeMap<String, (String, Vec<&Activity>)>, kind: &str, current: Option<&str>) -> Vec<Link> {
    map.iter()
        .map(|(slug, (label, items))| {
            let url = format!("/aktiviteter/{kind}/{slug}/");
            Link {
                current: current == Some(url.as_str()),
                lang: None,
                title: label.clone(),
                url,
                count: items.len(),
            }
        })
        .collect()
}

#[derive(Serialize)]
struct FilterLinks {
    interests: Vec<Link>,
    areas: Vec<Link>,
    days: Vec<Link>,
}

/// One listing page: all coming activities, or those of one filter.
struct Listing<'a> {
    url: String,
    title: String,
    intro: String,
    description: Option<String>,
    filter: Option<String>,
    items: Vec<&'a Activity>,
    ended: Vec<view::ActivityCard>,
}

impl<'a> Listing<'a> {
    fn filtered(url: String, title: String, items: Vec<&'a Activity>) -> Self {
        Listing {
            url,
            filter: Some(title.clone()),
            title,
            intro: String::new(),
            description: None,
            items,
            ended: vec![],
        }
    }

    fn render(&self, site: &Site, theme: &Theme, lang: &Lang, filters: &Filters) -> Result<OutputFile> {
        let mut ctx = base_context(site, lang, &self.url, &self.title, self.description.as_deref());
        ctx.insert("title", &self.title);
        ctx.insert("intro", &self.intro);
        ctx.insert("filter", &self.filter);
        ctx.insert(
            "activities",
            &self.items.iter().map(|a| view::card(site, lang, a)).collect::<Vec<_>>(),
        );
        ctx.insert("ended", &self.ended);
        ctx.insert("filters", &filters.context(lang, &self.url));
        // Interest pages have their own feed; the others offer the whole site's.
        let ics = if self.url.starts_with("/aktiviteter/intresse/") {
            view::feed_links(site, &format!("{}kalender.ics", self.url), lang.t("subscribe.these"))
        } else {
            view::feed_links(site, "/kalender.ics", lang.t("subscribe.all"))
        };
        ctx.insert("ics", &ics);
        if let Some(slug) = self
            .url
            .strip_prefix("/aktiviteter/omrade/")
            .and_then(|rest| rest.strip_suffix('/'))
        {
            ctx.insert("poster_url", &super::posters::area_poster_url(slug));
        }
        let parent = if self.filter.is_some() {
            Some("/aktiviteter/")
        } else {
            Some("/")
        };
        ctx.insert("breadcrumbs", &breadcrumbs(site, lang, parent));
        Ok(OutputFile::page(
            &lang.url(&self.url),
            theme.render("activities.html", &ctx)?,
        ))
    }
}

/// What the search index says of this built-in page besides its title and intro: the interface
/// text that leads it and its own words (none when the site does not have the page).
pub(super) fn search_words(_site: &Site, lang: &Lang) -> Option<(Option<&'static str>, Vec<String>)> {
    Some((None, vec![lang.t("listing.all").into()]))
}

/// The "Anmäl dig" form of a bookable activity: where it posts (the kiosk's inbox, which stores a
/// request, never a place) and the meetings whose booking has opened by the build's day.
#[derive(serde::Serialize)]
struct BookingForm {
    action: String,
    /// The inbox's privacy notice, linked before the first field.
    privacy: Option<String>,
    options: Vec<BookingOption>,
}

#[derive(serde::Serialize)]
struct BookingOption {
    /// `activity@2026-12-10T14:00`, the kiosk's id of the meeting.
    value: String,
    /// `torsdag 10 december kl. 14.00`.
    text: String,
}

fn booking_form(
    site: &Site,
    lang: &Lang,
    a: &Activity,
    b: &crate::content::activity::Booking,
    action: &str,
) -> BookingForm {
    let last = site.today + chrono::Days::new(u64::from(b.opens_days_before));
    let options = a
        .occurrences(site.config.timezone, site.today, last)
        .into_iter()
        .map(|o| BookingOption {
            value: format!("{}@{}", a.id, o.start.format("%Y-%m-%dT%H:%M")),
            text: format!(
                "{} {} {}",
                lang.long_date(o.date),
                lang.t("activity.at"),
                view::time_text(&o.start)
            ),
        })
        .collect();
    BookingForm {
        privacy: crate::config::Config::privacy_notice(action),
        action: action.to_string(),
        options,
    }
}
