//! iCalendar feeds (RFC 5545): `/kalender.ics` with every coming activity, one per activity at
//! `/aktiviteter/<id>/kalender.ics`, one per interest at
//! `/aktiviteter/intresse/<slug>/kalender.ics` and one per organizer with a file at
//! `/arrangorer/<id>/kalender.ics`.
//!
//! Weekly and monthly rules become one recurring event each (RRULE, EXDATE, UNTIL); a `dates`
//! rule becomes one event per date. Times carry `TZID` with a VTIMEZONE built from the time-zone
//! database, so phones show the café's Thursdays at 12.00 on both sides of a clock change. UIDs
//! are made from the activity id and the rule's position, so they are the same in every build.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use icalendar::{Calendar, CalendarDateTime, Component, Event, EventLike, EventStatus, Property};

use super::OutputFile;
use super::vtimezone;
use crate::content::changes::{Cancelled, Moved, Status};
use crate::content::{Activity, Site};
use crate::error::{Error, Result};
use crate::render::i18n::Lang;
use crate::render::templates::Theme;
use crate::render::view::change_note;
use crate::schedule::{Nth, Repeat, Rule};

pub(super) fn render(site: &Site, _: &Theme, lang: &Lang) -> Result<Vec<OutputFile>> {
    let coming: Vec<&Activity> = site.coming().collect();
    let zone = vtimezone::text(site.config.timezone, site.today.year() - 1, site.today.year() + 10);
    let feed = |name: &str, items: &[&Activity]| calendar(site, &zone, name, items, lang);
    let mut files = vec![OutputFile::bytes("kalender.ics", feed(&site.config.title, &coming)?)];
    for a in &site.activities {
        files.push(OutputFile::bytes(
            format!("aktiviteter/{}/kalender.ics", a.id),
            feed(&a.title, &[a])?,
        ));
    }
    let mut interests: Vec<(&str, &str)> = coming
        .iter()
        .flat_map(|a| a.interests.iter().map(|i| (i.key.as_str(), i.label.as_str())))
        .collect();
    interests.sort();
    interests.dedup_by_key(|(k, _)| *k);
    for (slug, label) in interests {
        let items: Vec<&Activity> = coming
            .iter()
            .copied()
            .filter(|a| a.interests.iter().any(|i| i.key == slug))
            .collect();
        let name = format!("{} – {label}", site.config.title);
        files.push(OutputFile::bytes(
            format!("aktiviteter/intresse/{slug}/kalender.ics"),
            feed(&name, &items)?,
        ));
    }
    for o in &site.organizers {
        let items: Vec<&Activity> = coming
            .iter()
            .copied()
            .filter(|a| a.organizer_id.as_deref() == Some(o.id.as_str()))
            .collect();
        files.push(OutputFile::bytes(
            format!("{}kalender.ics", o.url.trim_start_matches('/')),
            feed(&format!("{} – {}", site.config.title, o.name), &items)?,
        ));
    }
    Ok(files)
}

fn calendar(site: &Site, zone: &str, name: &str, activities: &[&Activity], lang: &Lang) -> Result<Vec<u8>> {
    let mut cal = Calendar::empty();
    cal.append_property(Property::new("VERSION", "2.0"));
    cal.append_property(Property::new("PRODID", "-//Omtanke Helsingborg//omtanke//SV"));
    cal.append_property(Property::new("CALSCALE", "GREGORIAN"));
    cal.append_property(Property::new("METHOD", "PUBLISH"));
    cal.name(name);
    cal.append_property(Property::new("X-WR-TIMEZONE", site.config.timezone.name()));
    for a in activities {
        for (i, rule) in a.schedule.iter().enumerate() {
            for event in events(site, a, i, rule, lang) {
                cal.push(event);
            }
        }
        for event in cancelled_notes(site, a, lang) {
            cal.push(event);
        }
    }
    let text: String = (&cal.done())
        .try_into()
        .map_err(|_| Error::Template("kalender.ics: cannot be written".into()))?;
    // The time-zone definition goes after the calendar's own properties, before any event.
    let at = text
        .find("BEGIN:VEVENT")
        .unwrap_or_else(|| text.len() - "END:VCALENDAR\r\n".len());
    Ok([&text[..at], zone, &text[at..]].concat().into_bytes())
}

fn host(site: &Site) -> &str {
    let rest = site
        .config
        .base_url
        .split("://")
        .nth(1)
        .unwrap_or(&site.config.base_url);
    rest.split('/').next().unwrap_or(rest)
}

fn local(tz: Tz, date: NaiveDate, time: NaiveTime) -> CalendarDateTime {
    CalendarDateTime::WithTimezone {
        date_time: date.and_time(time),
        tzid: tz.name().to_string(),
    }
}

/// An event of the activity; `note` (why a meeting is cancelled or moved) goes first in its
/// description, then the advice to ask first when the facts are unconfirmed, then the summary.
fn event_base(site: &Site, a: &Activity, uid: String, lang: &Lang, note: Option<&str>) -> Event {
    let mut e = Event::new();
    e.uid(&uid);
    e.summary(&a.title);
    let mut description: Vec<String> = note.map(str::to_string).into_iter().collect();
    if site.is_unconfirmed(a) {
        description.push(format!(
            "{} {}",
            lang.t("activity.unconfirmed"),
            lang.t("activity.unconfirmed_advice")
        ));
    }
    description.push(a.summary.clone());
    e.description(&description.join("\n\n"));
    e.url(&site.config.absolute(&a.url));
    // A fixed stamp (the build's "today") keeps the feed byte-for-byte stable between builds.
    e.timestamp(Utc.from_utc_datetime(&site.today.and_time(NaiveTime::MIN)));
    if let Some(p) = &a.place {
        e.location(&format!("{}, {}", p.name, p.where_text()));
    }
    if let (Some(org), Some(email)) = (&a.organizer, a.contact.as_ref().and_then(|c| c.email.as_ref())) {
        e.append_property(
            Property::new("ORGANIZER", format!("mailto:{email}"))
                .add_parameter("CN", org)
                .done(),
        );
    }
    e
}

/// The words of a moved meeting's event, as its page says them.
fn moved_note(lang: &Lang, m: &Moved) -> String {
    change_note(lang, &m.arrival()).unwrap_or_default()
}

/// The words of a cancelled meeting's event, as its page says them.
fn cancelled_note(lang: &Lang, c: &Cancelled) -> String {
    change_note(lang, &c.change()).unwrap_or_default()
}

/// The events of one rule: one recurring event (with its moved meetings as overrides), or one
/// per date. Meetings in a pause are left out.
///
/// A cancelled meeting of a recurring event is an EXDATE, which every calendar honours (Google's
/// subscriptions ignore `STATUS:CANCELLED` on an override and would show the meeting as on);
/// [`cancelled_notes`] adds a separate, cancelled event in its slot that says why. A cancelled
/// single date is that date's event with `STATUS:CANCELLED` and "Inställt" in its title, so a
/// calendar that ignores the status still says it.
fn events(site: &Site, a: &Activity, index: usize, rule: &Rule, lang: &Lang) -> Vec<Event> {
    let tz = site.config.timezone;
    let host = host(site);
    let changes = &a.changes;
    let moved_from = |d: NaiveDate| changes.moved.iter().find(|m| m.from == d);
    match &rule.repeat {
        Repeat::Dates(dates) => {
            let mut dates = dates.clone();
            dates.sort();
            dates.dedup();
            dates
                .into_iter()
                .filter(|d| !rule.except.contains(d) && !changes.paused_on(*d))
                .map(|d| {
                    let uid = format!("{}-{index}-{}@{host}", a.id, d.format("%Y%m%d"));
                    let cancelled = changes.cancelled.iter().find(|c| c.date == d);
                    let moved = moved_from(d);
                    let note = cancelled
                        .map(|c| cancelled_note(lang, c))
                        .or_else(|| moved.map(|m| moved_note(lang, m)));
                    let mut e = event_base(site, a, uid, lang, note.as_deref());
                    match moved {
                        Some(m) => e.starts(local(tz, m.to, m.start.unwrap_or(rule.start))).ends(local(
                            tz,
                            m.to,
                            m.end.unwrap_or(rule.end),
                        )),
                        None => e.starts(local(tz, d, rule.start)).ends(local(tz, d, rule.end)),
                    };
                    if cancelled.is_some() {
                        e.summary(&format!("{}: {}", lang.t("activity.cancelled"), a.title));
                        e.status(EventStatus::Cancelled);
                    }
                    e.done()
                })
                .collect()
        }
        repeat => {
            // The series starts at its first date: `from`, or else the first date this year, so the
            // feed does not change from one build to the next; after a pause, the day after it.
            let mut anchor = rule
                .from
                .unwrap_or_else(|| NaiveDate::from_ymd_opt(site.today.year(), 1, 1).expect("1 January"));
            match changes.status {
                Status::Paused { until: None } => return vec![],
                Status::Paused { until: Some(u) } => anchor = anchor.max(u + chrono::Days::new(1)),
                Status::Active => {}
            }
            let Some(first) = rule.dates(anchor, anchor + chrono::Days::new(400)).into_iter().next() else {
                return vec![];
            };
            let uid = format!("{}-{index}@{host}", a.id);
            let mut e = event_base(site, a, uid.clone(), lang, None);
            e.starts(local(tz, first, rule.start)).ends(local(tz, first, rule.end));
            e.add_property("RRULE", rrule(repeat, rule.until, rule.end, tz));
            let cancelled = changes.cancelled.iter().map(|c| c.date);
            for x in rule.except.iter().copied().chain(cancelled).filter(|x| *x >= first) {
                if !rule.except.contains(&x) && rule.dates(x, x).is_empty() {
                    continue;
                }
                let value = x.and_time(rule.start).format("%Y%m%dT%H%M%S").to_string();
                e.append_multi_property(Property::new("EXDATE", value).add_parameter("TZID", tz.name()).done());
            }
            let mut out = vec![e.done()];
            // A moved meeting overrides its slot in the series: same UID, RECURRENCE-ID the usual
            // start, the new day and times.
            for m in changes
                .moved
                .iter()
                .filter(|m| m.from >= first && !rule.dates(m.from, m.from).is_empty())
            {
                let mut o = event_base(site, a, uid.clone(), lang, Some(&moved_note(lang, m)));
                let original = m.from.and_time(rule.start).format("%Y%m%dT%H%M%S").to_string();
                o.append_property(
                    Property::new("RECURRENCE-ID", original)
                        .add_parameter("TZID", tz.name())
                        .done(),
                );
                o.starts(local(tz, m.to, m.start.unwrap_or(rule.start))).ends(local(
                    tz,
                    m.to,
                    m.end.unwrap_or(rule.end),
                ));
                out.push(o.done());
            }
            out
        }
    }
}

/// For each cancelled meeting of a recurring rule (taken out of the series with EXDATE), an event
/// in its slot with `STATUS:CANCELLED` that says "Inställt" and why: calendars that show
/// cancelled events show it struck through; others leave it out, which is right too.
fn cancelled_notes(site: &Site, a: &Activity, lang: &Lang) -> Vec<Event> {
    let tz = site.config.timezone;
    let host = host(site);
    a.changes
        .cancelled
        .iter()
        .filter(|c| !a.changes.paused_on(c.date))
        .filter_map(|c| {
            let rule = a
                .schedule
                .iter()
                .find(|r| !matches!(r.repeat, Repeat::Dates(_)) && !r.dates(c.date, c.date).is_empty())?;
            let uid = format!("{}-cancelled-{}@{host}", a.id, c.date.format("%Y%m%d"));
            let mut e = event_base(site, a, uid, lang, Some(&cancelled_note(lang, c)));
            e.summary(&format!("{}: {}", lang.t("activity.cancelled"), a.title));
            e.status(EventStatus::Cancelled);
            e.append_property(Property::new("TRANSP", "TRANSPARENT"));
            e.starts(local(tz, c.date, rule.start))
                .ends(local(tz, c.date, rule.end));
            Some(e.done())
        })
        .collect()
}

/// The RRULE of a weekly or monthly rule. UNTIL is the end of the last day in UTC, as RFC 5545
/// requires when DTSTART has a time zone.
fn rrule(repeat: &Repeat, until: Option<NaiveDate>, end: NaiveTime, tz: Tz) -> String {
    let mut out = match repeat {
        Repeat::Weekly(days) => {
            let mut days = days.clone();
            days.sort_by_key(|d| d.num_days_from_monday());
            days.dedup();
            format!(
                "FREQ=WEEKLY;BYDAY={}",
                days.iter().map(|d| byday(*d)).collect::<Vec<_>>().join(",")
            )
        }
        Repeat::Monthly { nth, weekday } => {
            let n = match nth {
                Nth::Number(n) => n.to_string(),
                Nth::Last => "-1".into(),
            };
            format!("FREQ=MONTHLY;BYDAY={n}{}", byday(*weekday))
        }
        Repeat::Dates(_) => unreachable!("dates are expanded"),
    };
    if let Some(u) = until {
        let last: NaiveDateTime = u.and_time(end.max(NaiveTime::from_hms_opt(23, 59, 59).expect("valid")));
        let utc = crate::schedule::local(tz, u, last.time()).with_timezone(&Utc);
        out.push_str(&format!(";UNTIL={}", utc.format("%Y%m%dT%H%M%SZ")));
    }
    out
}

fn byday(d: chrono::Weekday) -> &'static str {
    ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][d.num_days_from_monday() as usize]
}
