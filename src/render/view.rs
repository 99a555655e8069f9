//! View models: what templates see. Dates, times and schedules are written out here in the
//! page's language (words from the theme's language files), so templates stay free of logic and
//! a site's overriding templates get the same ready words. URLs are those of the default
//! language; [`crate::output`] points them at a translation's pages afterwards.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Serialize;
use tera::Context;

use crate::content::changes::{Change, Meeting};
use crate::content::{Activity, Place, Site, Term};
use crate::render::i18n::{Alternate, Lang};
use crate::schedule::{Nth, Repeat, Rule, horizon};
use crate::vocabulary::WEEKDAYS;

/// One occurrence, ready to show.
#[derive(Debug, Clone, Serialize)]
pub struct OccurrenceView {
    /// `2026-12-03`.
    pub date: String,
    /// `torsdag 3 december`.
    pub date_text: String,
    /// `12.00`.
    pub start: String,
    /// `19.00`.
    pub end: String,
    /// ISO 8601 with offset, for `<time datetime>`.
    pub start_iso: String,
    /// ISO 8601 with offset.
    pub end_iso: String,
    /// It does not take place here: cancelled, or moved away (`note` says which).
    pub called_off: bool,
    /// How it differs from the schedule, in words: "Inställt: ledaren är sjuk", "Flyttad till
    /// onsdag 23 december", "Flyttad från torsdag 24 december".
    pub note: Option<String>,
    /// The activity it belongs to.
    pub activity: ActivityCard,
}

/// An activity as shown in a list.
#[derive(Debug, Clone, Serialize)]
pub struct ActivityCard {
    /// Id.
    pub id: String,
    /// Site path.
    pub url: String,
    /// Name.
    pub title: String,
    /// One sentence.
    pub summary: String,
    /// Interests.
    pub interests: Vec<Term>,
    /// Place name.
    pub place: Option<String>,
    /// District.
    pub area: Option<String>,
    /// When, in words (`Varje torsdag kl. 12.00–19.00`).
    pub when: Vec<String>,
    /// The next occurrence, in words.
    pub next: Option<String>,
    /// Costs nothing.
    pub free: bool,
    /// Cost as written.
    pub cost: Option<String>,
    /// Bookable at the café.
    pub bookable: bool,
    /// The schedule has ended.
    pub ended: bool,
    /// The facts have not been confirmed within the site's limit.
    pub unconfirmed: bool,
    /// "Uppehåll till och med 7 januari 2027.", while the activity has a break.
    pub paused: Option<String>,
}

/// Everything an activity page shows.
#[derive(Debug, Clone, Serialize)]
pub struct ActivityView<'a> {
    /// The activity.
    #[serde(flatten)]
    pub activity: &'a Activity,
    /// Title, summary and description in the page's language.
    pub text: ActivityTextView<'a>,
    /// Accessibility features in the page's language.
    pub features: Vec<Term>,
    /// Languages spoken, named in the page's language.
    pub spoken: Vec<Term>,
    /// When, in words.
    pub when: Vec<String>,
    /// Occurrences in the coming weeks.
    pub occurrences: Vec<OccurrenceView>,
    /// The schedule has ended.
    pub ended: bool,
    /// URL of the image.
    pub image_url: Option<String>,
    /// "2 november 2026": the day staff last confirmed the facts, when they have.
    pub checked_text: Option<String>,
    /// The facts have not been confirmed within the site's limit (or never): visitors are told
    /// to ask the organizer before they go.
    pub unconfirmed: bool,
    /// "Uppehåll till och med 7 januari 2027.", while the activity has a break.
    pub paused: Option<String>,
}

/// A link in a list of filters or in the navigation.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    /// Text.
    pub title: String,
    /// Site path.
    pub url: String,
    /// How many items are behind it, where that means something.
    pub count: usize,
    /// Whether this is the page being shown.
    pub current: bool,
    /// The language of `title` when it is not the page's (an untranslated page's title).
    pub lang: Option<String>,
}

/// An activity's text in one language.
#[derive(Debug, Clone, Serialize)]
pub struct ActivityTextView<'a> {
    /// Name.
    pub title: &'a str,
    /// One sentence.
    pub summary: &'a str,
    /// Description HTML.
    pub description: &'a str,
    /// Whether this is a translation (or the default language's text as a fallback).
    pub translated: bool,
}

/// The common part of every page's context. `url` is the page's address in the default
/// language; `translated` says whether the page exists in the other languages too.
pub fn base_context(site: &Site, lang: &Lang, url: &str, title: &str, description: Option<&str>) -> Context {
    let mut ctx = Context::new();
    let own = lang.url(url);
    ctx.insert("site", &site.config);
    ctx.insert("site_title", site_title(site, lang));
    // `[extra] tagline`, or `tagline_en` for another language.
    let tagline = [format!("tagline_{}", lang.code), "tagline".to_string()]
        .iter()
        .find_map(|k| site.config.extra.get(k).and_then(|v| v.as_str()))
        .unwrap_or("");
    ctx.insert("tagline", tagline);
    ctx.insert("lang", &lang.code);
    ctx.insert("t", &lang.table);
    ctx.insert("current_url", url);
    ctx.insert("canonical", &site.config.absolute(&own));
    ctx.insert("page_title", title);
    let site_description = site_description(site, lang);
    ctx.insert("site_description", site_description);
    ctx.insert("page_description", description.unwrap_or(site_description));
    ctx.insert("nav", &nav(site, lang, url));
    ctx.insert("alternates", &alternates(site, lang, url));
    // The footer links to the accessibility statement and the contact page where the site has them.
    let mut footer = std::collections::BTreeMap::new();
    footer.insert("accessibility", site.page("/om/tillganglighet/").is_some());
    footer.insert("contact", site.page("/om/kontakt/").is_some());
    ctx.insert("footer", &footer);
    ctx.insert("today", &site.today.to_string());
    ctx.insert("today_text", &lang.long_date(site.today));
    // The day the site was built, in the footer: everything dated on the page is as of then.
    ctx.insert("built_text", &lang.plain_date(site.today));
    ctx
}

/// The site's title in a language (`[languages.en] title` in site.toml).
pub fn site_title<'a>(site: &'a Site, lang: &Lang) -> &'a str {
    in_language(site, lang, |l| l.title.as_deref()).unwrap_or(&site.config.title)
}

/// The site's description in a language (`[languages.en] description`), else the default one.
pub fn site_description<'a>(site: &'a Site, lang: &Lang) -> &'a str {
    in_language(site, lang, |l| l.description.as_deref()).unwrap_or(&site.config.description)
}

/// A setting of `[languages.<code>]` for the page's language, if the site has it.
fn in_language<'a>(
    site: &'a Site,
    lang: &Lang,
    setting: impl Fn(&'a crate::config::LanguageConfig) -> Option<&'a str>,
) -> Option<&'a str> {
    site.config.languages.get(&lang.code).and_then(setting)
}

/// The same page in every language of the site, for the switcher and `hreflang`. Pages that only
/// exist in the default language (search, the 404 page) have none.
fn alternates(site: &Site, lang: &Lang, url: &str) -> Vec<Alternate> {
    // Search and the 404 page exist only in the default language.
    if lang.siblings.len() < 2 || url.starts_with("/sok/") || url == "/404.html" {
        return vec![];
    }
    lang.siblings
        .iter()
        .map(|(code, name, switch)| {
            let own = if *code == site.config.language {
                url.to_string()
            } else {
                format!("/{code}{url}")
            };
            Alternate {
                code: code.clone(),
                name: name.clone(),
                switch: switch.clone(),
                absolute: site.config.absolute(&own),
                url: own,
                current: *code == lang.code,
            }
        })
        .collect()
}

/// The main navigation: `extra.menu` in site.toml if given, otherwise the built-in sections and
/// the top-level sections of the content by weight.
pub fn nav(site: &Site, lang: &Lang, current: &str) -> Vec<Link> {
    let mut links: Vec<(String, String)> = vec![];
    if let Some(toml::Value::Array(menu)) = site.config.extra.get("menu") {
        for item in menu {
            // `title_en = "…"` beside `title` names the entry in another language.
            let own_title = item.get(format!("title_{}", lang.code)).and_then(|v| v.as_str());
            if let (Some(t), Some(u)) = (
                own_title.or_else(|| item.get("title").and_then(|v| v.as_str())),
                item.get("url").and_then(|v| v.as_str()),
            ) {
                links.push((t.to_string(), u.to_string()));
            }
        }
    } else {
        links.push((lang.t("nav.activities").into(), "/aktiviteter/".into()));
        links.push((lang.t("nav.calendar").into(), "/kalender/".into()));
        let mut sections: Vec<_> = site
            .pages
            .iter()
            .filter(|p| {
                p.is_section
                    && p.parent.as_deref() == Some("/")
                    && !crate::content::BUILT_IN_SECTIONS.contains(&p.url.as_str())
            })
            .collect();
        sections.sort_by_key(|p| (p.weight.unwrap_or(i64::MAX), p.title.clone()));
        links.extend(sections.into_iter().map(|p| (p.title.clone(), p.url.clone())));
        links.push((lang.t("nav.board").into(), "/anslagstavla/".into()));
    }
    links
        .into_iter()
        .map(|(title, url)| Link {
            current: current == url || (url != "/" && current.starts_with(&url)),
            lang: None,
            title,
            url,
            count: 0,
        })
        .collect()
}

/// Links to an iCalendar feed: to download it and to subscribe to it (`webcal://`).
#[derive(Debug, Clone, Serialize)]
pub struct FeedLinks {
    /// Heading above the links.
    pub title: String,
    /// Site path, for downloading from wherever the site is served.
    pub path: String,
    /// Absolute https URL.
    pub url: String,
    /// The same with the `webcal://` scheme, which calendar apps open as a subscription.
    pub webcal: String,
}

/// The feed links of a site path such as `/kalender.ics`, under a heading.
pub fn feed_links(site: &Site, path: &str, title: &str) -> FeedLinks {
    let url = site.config.absolute(path);
    let webcal = match url.split_once("://") {
        Some((_, rest)) => format!("webcal://{rest}"),
        None => url.clone(),
    };
    FeedLinks {
        title: title.to_string(),
        path: path.to_string(),
        url,
        webcal,
    }
}

fn hm(t: chrono::NaiveTime) -> String {
    t.format("%H.%M").to_string()
}

/// `12.00`: the Swedish way of writing times, used in every language of the site.
pub fn time_text(t: &chrono::DateTime<chrono_tz::Tz>) -> String {
    t.format("%H.%M").to_string()
}

/// A schedule rule in words. A start date that has already passed is left out.
pub fn describe_rule(rule: &Rule, today: NaiveDate, lang: &Lang) -> String {
    let times = lang.fill("schedule.times", &[("start", &hm(rule.start)), ("end", &hm(rule.end))]);
    let when = match &rule.repeat {
        Repeat::Weekly(days) => {
            let mut days = days.clone();
            days.sort_by_key(Weekday::num_days_from_monday);
            days.dedup();
            let names: Vec<String> = days.iter().map(|d| lang.weekday(*d)).collect();
            if days.len() == 7 {
                lang.t("schedule.every_day").to_string()
            } else {
                lang.fill("schedule.every", &[("days", &lang.join(&names))])
            }
        }
        Repeat::Monthly { nth, weekday } => {
            let ordinal = match nth {
                Nth::Number(1) => "schedule.first",
                Nth::Number(2) => "schedule.second",
                Nth::Number(3) => "schedule.third",
                Nth::Number(_) => "schedule.fourth",
                Nth::Last => "schedule.last",
            };
            lang.fill(
                "schedule.monthly",
                &[("nth", lang.t(ordinal)), ("weekday", &lang.weekday(*weekday))],
            )
        }
        Repeat::Dates(dates) => {
            let mut dates = dates.clone();
            dates.sort();
            let words: Vec<String> = dates.iter().map(|d| lang.plain_date(*d)).collect();
            lang.join(&words)
        }
    };
    let mut out = format!("{when} {times}");
    if !matches!(rule.repeat, Repeat::Dates(_)) {
        if let Some(f) = rule.from.filter(|f| *f > today) {
            out.push_str(&format!(
                ", {}",
                lang.fill("schedule.from", &[("date", &lang.plain_date(f))])
            ));
        }
        if let Some(u) = rule.until {
            out.push_str(&format!(
                ", {}",
                lang.fill("schedule.until", &[("date", &lang.plain_date(u))])
            ));
        }
    }
    if !rule.except.is_empty() {
        let words: Vec<String> = rule.except.iter().map(|d| lang.day_month(*d)).collect();
        out.push_str(&format!(
            " ({})",
            lang.fill("schedule.except", &[("dates", &lang.join(&words))])
        ));
    }
    out
}

/// The weekdays an activity meets on in the coming weeks.
pub fn weekdays(site: &Site, a: &Activity) -> Vec<Weekday> {
    let mut days: Vec<Weekday> = a
        .occurrences(site.config.timezone, site.today, horizon(site.today))
        .iter()
        .map(|o| o.date.weekday())
        .collect();
    days.sort_by_key(Weekday::num_days_from_monday);
    days.dedup();
    days
}

/// An activity as a list item.
pub fn card(site: &Site, lang: &Lang, a: &Activity) -> ActivityCard {
    let next = a
        .occurrences(site.config.timezone, site.today, horizon(site.today))
        .into_iter()
        .next();
    let (title, summary, _, _) = a.text(&lang.code);
    ActivityCard {
        id: a.id.clone(),
        url: a.url.clone(),
        title: title.to_string(),
        summary: summary.to_string(),
        interests: a.interests.clone(),
        place: a.place.as_ref().map(|p| p.name.clone()),
        area: a.place.as_ref().map(|p| p.area.clone()),
        when: a.schedule.iter().map(|r| describe_rule(r, site.today, lang)).collect(),
        next: next.map(|o| {
            lang.fill(
                "schedule.next",
                &[("date", &lang.long_date(o.date)), ("time", &time_text(&o.start))],
            )
        }),
        free: a.free,
        cost: a.cost.clone(),
        bookable: a.booking.is_some(),
        ended: a.is_ended(site.today),
        unconfirmed: site.is_unconfirmed(a),
        paused: paused(site, lang, a),
    }
}

/// "Uppehåll till och med 7 januari 2027.", while an activity has a break on the site's today.
pub fn paused(site: &Site, lang: &Lang, a: &Activity) -> Option<String> {
    use crate::content::changes::Status;
    match a.changes.status {
        _ if !a.changes.is_paused(site.today) => None,
        Status::Paused { until: Some(until) } => {
            Some(lang.fill("activity.paused_until", &[("date", &lang.plain_date(until))]))
        }
        _ => Some(lang.t("activity.paused").to_string()),
    }
}

/// How a meeting differs from the schedule, in words, wherever it is told (pages, calendar,
/// programme, iCalendar): "Inställt: ledaren är sjuk", "Flyttad till onsdag 23 december",
/// "Flyttad från torsdag 24 december"; none for a meeting as scheduled.
pub fn change_note(lang: &Lang, change: &Change) -> Option<String> {
    let with_reason = |text: String, reason: &Option<String>| match reason {
        Some(r) => format!("{text}: {r}"),
        None => text,
    };
    match change {
        Change::None => None,
        Change::Cancelled { reason } => Some(with_reason(lang.t("activity.cancelled").to_string(), reason)),
        Change::MovedAway { to } => Some(lang.fill("activity.moved_to", &[("date", &lang.long_date(*to))])),
        Change::MovedHere { from, reason } => Some(with_reason(
            lang.fill("activity.moved_from", &[("date", &lang.long_date(*from))]),
            reason,
        )),
    }
}

/// A meeting as shown in the calendar and on activity pages.
pub fn occurrence_view(site: &Site, lang: &Lang, a: &Activity, m: &Meeting) -> OccurrenceView {
    let o = &m.occurrence;
    OccurrenceView {
        called_off: !m.takes_place(),
        note: change_note(lang, &m.change),
        date: o.date.to_string(),
        date_text: lang.long_date(o.date),
        start: time_text(&o.start),
        end: time_text(&o.end),
        start_iso: o.start.to_rfc3339(),
        end_iso: o.end.to_rfc3339(),
        activity: card(site, lang, a),
    }
}

/// Everything an activity page needs.
pub fn activity_view<'a>(site: &Site, lang: &Lang, a: &'a Activity) -> ActivityView<'a> {
    let (title, summary, description, translated) = a.text(&lang.code);
    ActivityView {
        activity: a,
        text: ActivityTextView {
            title,
            summary,
            description,
            translated: translated || lang.is_default,
        },
        features: a
            .accessibility
            .iter()
            .map(|f| Term::new(&f.key, lang.term("accessibility", &f.key, &f.label)))
            .collect(),
        spoken: a
            .languages
            .iter()
            .map(|l| Term::new(&l.key, lang.term("languages", &l.key, &l.label)))
            .collect(),
        when: a.schedule.iter().map(|r| describe_rule(r, site.today, lang)).collect(),
        occurrences: a
            .meetings(site.config.timezone, site.today, horizon(site.today))
            .iter()
            .take(8)
            .map(|m| occurrence_view(site, lang, a, m))
            .collect(),
        ended: a.is_ended(site.today),
        checked_text: a.checked.map(|d| lang.plain_date(d)),
        unconfirmed: site.is_unconfirmed(a),
        paused: paused(site, lang, a),
        image_url: a.image.as_ref().map(|i| format!("/aktiviteter/{}", url_path(i))),
    }
}

/// A day with its occurrences.
#[derive(Debug, Clone, Serialize)]
pub struct DayView {
    /// `2026-12-03`.
    pub date: String,
    /// `torsdag 3 december`.
    pub date_text: String,
    /// `Torsdag 3 december`, for headings.
    pub heading: String,
    /// Whether it is today.
    pub is_today: bool,
    /// What happens, by start time.
    pub occurrences: Vec<OccurrenceView>,
}

/// A calendar week.
#[derive(Debug, Clone, Serialize)]
pub struct WeekView {
    /// `Vecka 49`.
    pub title: String,
    /// `30 november – 6 december`.
    pub range: String,
    /// Days that have something on.
    pub days: Vec<DayView>,
}

/// Every occurrence of the coming activities between two dates, grouped by day.
pub fn days(site: &Site, lang: &Lang, from: NaiveDate, to: NaiveDate) -> Vec<DayView> {
    days_of(site, lang, from, to, |_| true)
}

/// The days from `from` to `to` with the meetings of the activities `keep` chooses (those of one
/// place, for its poster), by start time.
pub fn days_of(
    site: &Site,
    lang: &Lang,
    from: NaiveDate,
    to: NaiveDate,
    keep: impl Fn(&Activity) -> bool,
) -> Vec<DayView> {
    let mut all: Vec<(Meeting, &Activity)> = site
        .listed()
        .filter(|a| keep(a))
        .flat_map(|a| {
            a.meetings(site.config.timezone, from, to)
                .into_iter()
                .map(move |m| (m, a))
        })
        .collect();
    all.sort_by(|(ma, aa), (mb, ab)| {
        (ma.occurrence.start, &aa.title, ma.takes_place()).cmp(&(mb.occurrence.start, &ab.title, mb.takes_place()))
    });
    let mut out: Vec<DayView> = vec![];
    for (m, a) in all {
        let o = &m.occurrence;
        let view = occurrence_view(site, lang, a, &m);
        match out.last_mut() {
            Some(day) if day.date == view.date => day.occurrences.push(view),
            _ => out.push(DayView {
                date: view.date.clone(),
                date_text: lang.long_date(o.date),
                heading: capitalize(&lang.long_date(o.date)),
                is_today: o.date == site.today,
                occurrences: vec![view],
            }),
        }
    }
    out
}

/// The coming weeks for the calendar.
pub fn weeks(site: &Site, lang: &Lang) -> Vec<WeekView> {
    let mut weeks: Vec<WeekView> = vec![];
    let mut start = site.today;
    let end = horizon(site.today);
    while start <= end {
        let week_end = (start + Days::new(6 - u64::from(start.weekday().num_days_from_monday()))).min(end);
        weeks.push(WeekView {
            title: format!("{} {}", lang.t("calendar.week"), start.iso_week().week()),
            range: lang.fill(
                "date.range",
                &[("from", &lang.day_month(start)), ("to", &lang.day_month(week_end))],
            ),
            days: days(site, lang, start, week_end),
        });
        start = week_end + Days::new(1);
    }
    weeks
}

/// Names and slugs of the weekdays, for the filter pages.
pub fn weekday_links(lang: &Lang, current: Option<Weekday>, count: impl Fn(Weekday) -> usize) -> Vec<Link> {
    WEEKDAYS
        .iter()
        .map(|(d, _, slug)| Link {
            title: capitalize(&lang.weekday(*d)),
            url: format!("/aktiviteter/dag/{slug}/"),
            count: count(*d),
            current: current == Some(*d),
            lang: None,
        })
        .collect()
}

/// `Torsdagar`, for headings of weekday pages.
pub fn weekday_heading(lang: &Lang, day: Weekday) -> String {
    capitalize(&lang.weekdays(day))
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A place as shown in lists, with how many activities meet there.
#[derive(Debug, Clone, Serialize)]
pub struct PlaceCard<'a> {
    /// The place.
    #[serde(flatten)]
    pub place: &'a Place,
    /// Coming activities there.
    pub activity_count: usize,
}

/// A file name as one part of an address: spaces and letters such as å written as `%20`,
/// `%C3%A5`, as HTML validators and every browser expect.
pub fn url_path(name: &str) -> String {
    use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
    const PART: &AsciiSet = &CONTROLS
        .add(b' ')
        .add(b'"')
        .add(b'#')
        .add(b'%')
        .add(b'<')
        .add(b'>')
        .add(b'?')
        .add(b'`')
        .add(b'{')
        .add(b'}');
    utf8_percent_encode(name, PART).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::parse_time;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn langs() -> Vec<Lang> {
        let theme = crate::render::templates::Theme::load(std::path::Path::new("/nonexistent")).unwrap();
        theme.langs("sv", ["en".to_string()])
    }

    #[test]
    fn rules_in_words() {
        let langs = langs();
        let (sv, en) = (&langs[0], &langs[1]);
        let mut rule = Rule {
            repeat: Repeat::Weekly(vec![Weekday::Thu, Weekday::Tue]),
            start: parse_time("12:00").unwrap(),
            end: parse_time("19:00").unwrap(),
            from: Some(d("2022-03-10")),
            until: Some(d("2027-06-30")),
            except: vec![d("2026-12-24"), d("2026-12-31")],
        };
        assert_eq!(
            describe_rule(&rule, d("2026-11-26"), sv),
            "Varje tisdag och torsdag kl. 12.00–19.00, till och med 30 juni 2027 (inte 24 december och 31 december)"
        );
        assert_eq!(
            describe_rule(&rule, d("2026-11-26"), en),
            "Every Tuesday and Thursday 12.00–19.00, until 30 June 2027 (not 24 December and 31 December)"
        );
        rule.from = Some(d("2027-01-07"));
        assert!(describe_rule(&rule, d("2026-11-26"), sv).contains(", från 7 januari 2027"));
        rule.repeat = Repeat::Monthly {
            nth: Nth::Number(1),
            weekday: Weekday::Tue,
        };
        assert!(describe_rule(&rule, d("2026-11-26"), sv).starts_with("Första tisdagen varje månad kl. 12.00–19.00"));
        rule.repeat = Repeat::Monthly {
            nth: Nth::Last,
            weekday: Weekday::Fri,
        };
        assert!(describe_rule(&rule, d("2026-11-26"), en).starts_with("Last Friday of every month 12.00–19.00"));
    }
}
