//! View models: what templates see. Dates and times are written out in Swedish here, so templates
//! stay free of logic and a site's overriding templates get the same ready words.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Serialize;
use tera::Context;

use crate::content::{Activity, Place, Site, Term};
use crate::schedule::{Nth, Occurrence, Repeat, Rule};
use crate::vocabulary::{WEEKDAYS, long_date, month_name, plain_date, weekday_name, weekday_plural};

/// How many weeks ahead listings and the calendar look.
pub const WEEKS_AHEAD: u64 = 8;

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
}

/// Everything an activity page shows.
#[derive(Debug, Clone, Serialize)]
pub struct ActivityView<'a> {
    /// The activity.
    #[serde(flatten)]
    pub activity: &'a Activity,
    /// When, in words.
    pub when: Vec<String>,
    /// Occurrences in the coming weeks.
    pub occurrences: Vec<OccurrenceView>,
    /// The schedule has ended.
    pub ended: bool,
    /// URL of the image.
    pub image_url: Option<String>,
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
}

/// The common part of every page's context.
pub fn base_context(site: &Site, url: &str, title: &str, description: Option<&str>) -> Context {
    let mut ctx = Context::new();
    ctx.insert("site", &site.config);
    ctx.insert("current_url", url);
    ctx.insert("canonical", &site.config.absolute(url));
    ctx.insert("page_title", title);
    ctx.insert("page_description", description.unwrap_or(&site.config.description));
    ctx.insert("nav", &nav(site, url));
    ctx.insert("today", &site.today.to_string());
    ctx.insert("today_text", &long_date(site.today));
    ctx
}

/// The main navigation: `extra.menu` in site.toml if given, otherwise the built-in sections and
/// the top-level sections of the content by weight.
pub fn nav(site: &Site, current: &str) -> Vec<Link> {
    let mut links: Vec<(String, String)> = vec![];
    if let Some(toml::Value::Array(menu)) = site.config.extra.get("menu") {
        for item in menu {
            if let (Some(t), Some(u)) = (
                item.get("title").and_then(|v| v.as_str()),
                item.get("url").and_then(|v| v.as_str()),
            ) {
                links.push((t.to_string(), u.to_string()));
            }
        }
    } else {
        links.push(("Aktiviteter".into(), "/aktiviteter/".into()));
        links.push(("Kalender".into(), "/kalender/".into()));
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
        links.push(("Anslagstavlan".into(), "/anslagstavla/".into()));
    }
    links
        .into_iter()
        .map(|(title, url)| Link {
            current: current == url || (url != "/" && current.starts_with(&url)),
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

/// The last day listings and the calendar look at.
pub fn horizon(today: NaiveDate) -> NaiveDate {
    today + Days::new(WEEKS_AHEAD * 7 - 1)
}

/// Whether all of an activity's schedules have ended.
pub fn is_ended(a: &Activity, today: NaiveDate) -> bool {
    !a.schedule.is_empty() && !a.schedule.iter().any(|r| r.is_ongoing(today))
}

/// Occurrences of an activity from `from` to `to`, in order.
pub fn occurrences(site: &Site, a: &Activity, from: NaiveDate, to: NaiveDate) -> Vec<Occurrence> {
    let mut all: Vec<Occurrence> = a
        .schedule
        .iter()
        .flat_map(|r| r.occurrences(site.config.timezone, from, to))
        .collect();
    all.sort_by_key(|o| o.start);
    all.dedup_by_key(|o| o.start);
    all
}

fn hm(t: chrono::NaiveTime) -> String {
    t.format("%H.%M").to_string()
}

/// A schedule rule in Swedish words. A start date that has already passed is left out.
pub fn describe_rule(rule: &Rule, today: NaiveDate) -> String {
    let times = format!("kl. {}–{}", hm(rule.start), hm(rule.end));
    let when = match &rule.repeat {
        Repeat::Weekly(days) => {
            let mut days = days.clone();
            days.sort_by_key(Weekday::num_days_from_monday);
            days.dedup();
            let names: Vec<&str> = days.iter().map(|d| weekday_name(*d)).collect();
            if days.len() == 7 {
                "Varje dag".to_string()
            } else {
                format!("Varje {}", join_words(&names))
            }
        }
        Repeat::Monthly { nth, weekday } => {
            let ordinal = match nth {
                Nth::Number(1) => "Första",
                Nth::Number(2) => "Andra",
                Nth::Number(3) => "Tredje",
                Nth::Number(_) => "Fjärde",
                Nth::Last => "Sista",
            };
            format!("{ordinal} {}en varje månad", weekday_name(*weekday))
        }
        Repeat::Dates(dates) => {
            let mut dates = dates.clone();
            dates.sort();
            let words: Vec<String> = dates.iter().map(|d| plain_date(*d)).collect();
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            join_words(&words)
        }
    };
    let mut out = format!("{when} {times}");
    if !matches!(rule.repeat, Repeat::Dates(_)) {
        if let Some(f) = rule.from.filter(|f| *f > today) {
            out.push_str(&format!(", från {}", plain_date(f)));
        }
        if let Some(u) = rule.until {
            out.push_str(&format!(", till och med {}", plain_date(u)));
        }
    }
    if !rule.except.is_empty() {
        let words: Vec<String> = rule
            .except
            .iter()
            .map(|d| format!("{} {}", d.day(), month_name(d.month())))
            .collect();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        out.push_str(&format!(" (inte {})", join_words(&words)));
    }
    out
}

fn join_words(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} och {last}", init.join(", ")),
    }
}

/// The weekdays an activity meets on in the coming weeks.
pub fn weekdays(site: &Site, a: &Activity) -> Vec<Weekday> {
    let mut days: Vec<Weekday> = occurrences(site, a, site.today, horizon(site.today))
        .iter()
        .map(|o| o.date.weekday())
        .collect();
    days.sort_by_key(Weekday::num_days_from_monday);
    days.dedup();
    days
}

/// An activity as a list item.
pub fn card(site: &Site, a: &Activity) -> ActivityCard {
    let next = occurrences(site, a, site.today, horizon(site.today)).into_iter().next();
    ActivityCard {
        id: a.id.clone(),
        url: a.url.clone(),
        title: a.title.clone(),
        summary: a.summary.clone(),
        interests: a.interests.clone(),
        place: a.place.as_ref().map(|p| p.name.clone()),
        area: a.place.as_ref().map(|p| p.area.clone()),
        when: a.schedule.iter().map(|r| describe_rule(r, site.today)).collect(),
        next: next.map(|o| format!("{} kl. {}", long_date(o.date), o.start.format("%H.%M"))),
        free: a.free,
        cost: a.cost.clone(),
        bookable: a.booking.is_some(),
        ended: is_ended(a, site.today),
    }
}

/// An occurrence as shown in the calendar and on activity pages.
pub fn occurrence_view(site: &Site, a: &Activity, o: &Occurrence) -> OccurrenceView {
    OccurrenceView {
        date: o.date.to_string(),
        date_text: long_date(o.date),
        start: o.start.format("%H.%M").to_string(),
        end: o.end.format("%H.%M").to_string(),
        start_iso: o.start.to_rfc3339(),
        end_iso: o.end.to_rfc3339(),
        activity: card(site, a),
    }
}

/// Everything an activity page needs.
pub fn activity_view<'a>(site: &Site, a: &'a Activity) -> ActivityView<'a> {
    ActivityView {
        activity: a,
        when: a.schedule.iter().map(|r| describe_rule(r, site.today)).collect(),
        occurrences: occurrences(site, a, site.today, horizon(site.today))
            .iter()
            .take(8)
            .map(|o| occurrence_view(site, a, o))
            .collect(),
        ended: is_ended(a, site.today),
        image_url: a.image.as_ref().map(|i| format!("/aktiviteter/{i}")),
    }
}

/// A day with its occurrences.
#[derive(Debug, Clone, Serialize)]
pub struct DayView {
    /// `2026-12-03`.
    pub date: String,
    /// `torsdag 3 december`.
    pub date_text: String,
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
pub fn days(site: &Site, from: NaiveDate, to: NaiveDate) -> Vec<DayView> {
    let mut all: Vec<(Occurrence, &Activity)> = site
        .activities
        .iter()
        .flat_map(|a| occurrences(site, a, from, to).into_iter().map(move |o| (o, a)))
        .collect();
    all.sort_by(|(oa, aa), (ob, ab)| oa.start.cmp(&ob.start).then(aa.title.cmp(&ab.title)));
    let mut out: Vec<DayView> = vec![];
    for (o, a) in all {
        let view = occurrence_view(site, a, &o);
        match out.last_mut() {
            Some(day) if day.date == view.date => day.occurrences.push(view),
            _ => out.push(DayView {
                date: view.date.clone(),
                date_text: long_date(o.date),
                is_today: o.date == site.today,
                occurrences: vec![view],
            }),
        }
    }
    out
}

/// The coming weeks for the calendar.
pub fn weeks(site: &Site) -> Vec<WeekView> {
    let mut weeks: Vec<WeekView> = vec![];
    let mut start = site.today;
    let end = horizon(site.today);
    while start <= end {
        let week_end = (start + Days::new(6 - u64::from(start.weekday().num_days_from_monday()))).min(end);
        weeks.push(WeekView {
            title: format!("Vecka {}", start.iso_week().week()),
            range: format!(
                "{} {} – {} {}",
                start.day(),
                month_name(start.month()),
                week_end.day(),
                month_name(week_end.month())
            ),
            days: days(site, start, week_end),
        });
        start = week_end + Days::new(1);
    }
    weeks
}

/// Swedish names and slugs of the weekdays, for the filter pages.
pub fn weekday_links(current: Option<Weekday>, count: impl Fn(Weekday) -> usize) -> Vec<Link> {
    WEEKDAYS
        .iter()
        .map(|(d, name, slug)| Link {
            title: capitalize(name),
            url: format!("/aktiviteter/dag/{slug}/"),
            count: count(*d),
            current: current == Some(*d),
        })
        .collect()
}

/// `Torsdagar`, for headings of weekday pages.
pub fn weekday_heading(day: Weekday) -> String {
    capitalize(&weekday_plural(day))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::parse_time;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn rules_in_swedish_words() {
        let mut rule = Rule {
            repeat: Repeat::Weekly(vec![Weekday::Thu, Weekday::Tue]),
            start: parse_time("12:00").unwrap(),
            end: parse_time("19:00").unwrap(),
            from: Some(d("2022-03-10")),
            until: Some(d("2027-06-30")),
            except: vec![d("2026-12-24"), d("2026-12-31")],
        };
        assert_eq!(
            describe_rule(&rule, d("2026-11-26")),
            "Varje tisdag och torsdag kl. 12.00–19.00, till och med 30 juni 2027 (inte 24 december och 31 december)"
        );
        rule.from = Some(d("2027-01-07"));
        assert!(describe_rule(&rule, d("2026-11-26")).contains(", från 7 januari 2027"));
        rule.repeat = Repeat::Monthly {
            nth: Nth::Number(1),
            weekday: Weekday::Tue,
        };
        assert!(describe_rule(&rule, d("2026-11-26")).starts_with("Första tisdagen varje månad kl. 12.00–19.00"));
    }
}
