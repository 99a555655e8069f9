//! Open data: `api/activities.json`, every activity in a stable, versioned format that other
//! organisations can reuse. The format is described by `docs/activities.schema.json`; a change
//! that is not backwards compatible must raise `VERSION`.

use chrono::Weekday;
use serde::Serialize;

use super::OutputFile;
use crate::content::changes::Status;
use crate::content::{Activity, Site};
use crate::error::{Error, Result};
use crate::render::i18n::Lang;
use crate::render::templates::Theme;
use crate::schedule::{Nth, Repeat, Rule};

/// The format's version.
pub const VERSION: u32 = 1;

/// How many coming occurrences each activity lists.
const NEXT: usize = 10;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    generated_for: String,
    site: &'a str,
    activities: Vec<Item<'a>>,
}

#[derive(Serialize)]
struct Item<'a> {
    id: &'a str,
    url: String,
    title: &'a str,
    summary: &'a str,
    interests: Vec<&'a str>,
    area: Option<&'a str>,
    place: Option<PlaceItem<'a>>,
    organizer: Option<&'a str>,
    /// The organizer's page, when it has a file.
    organizer_url: Option<String>,
    cost: Option<&'a str>,
    free: bool,
    languages: Vec<&'a str>,
    accessibility: Vec<&'a str>,
    bookable: bool,
    ended: bool,
    /// The day staff last confirmed the facts (`YYYY-MM-DD`), if ever.
    checked: Option<String>,
    /// Not confirmed within the site's `recheck_after_days`: ask the organizer before relying on it.
    unconfirmed: bool,
    /// `active`, or `paused` while it has a break (as of `generated_for`).
    status: &'static str,
    /// The last day of the break, if it has one.
    paused_until: Option<String>,
    /// A public note on the status.
    status_note: Option<&'a str>,
    schedule: Vec<RuleItem>,
    /// Single meetings that do not take place, with why.
    cancelled: Vec<CancelledItem<'a>>,
    /// Single meetings held on another day or at other times.
    moved: Vec<MovedItem<'a>>,
    next_occurrences: Vec<OccurrenceItem>,
}

#[derive(Serialize)]
struct CancelledItem<'a> {
    date: String,
    reason: Option<&'a str>,
}

#[derive(Serialize)]
struct MovedItem<'a> {
    from: String,
    to: String,
    start: Option<String>,
    end: Option<String>,
    reason: Option<&'a str>,
}

#[derive(Serialize)]
struct PlaceItem<'a> {
    name: &'a str,
    /// Empty when the place keeps its address off the site (`address_public`).
    address: &'a str,
    address_public: bool,
    area: &'a str,
    lat: Option<f64>,
    lon: Option<f64>,
}

#[derive(Serialize)]
struct RuleItem {
    #[serde(skip_serializing_if = "Option::is_none")]
    weekly: Option<Vec<&'static str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    monthly: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    dates: Option<Vec<String>>,
    start: String,
    end: String,
    from: Option<String>,
    until: Option<String>,
    except: Vec<String>,
}

#[derive(Serialize)]
struct OccurrenceItem {
    start: String,
    end: String,
}

pub(super) fn render(site: &Site, _: &Theme, _: &Lang) -> Result<Vec<OutputFile>> {
    let doc = Document {
        version: VERSION,
        generated_for: site.today.to_string(),
        site: &site.config.base_url,
        activities: site.listed().map(|a| item(site, a)).collect(),
    };
    let json = serde_json::to_vec_pretty(&doc).map_err(|e| Error::Template(format!("api/activities.json: {e}")))?;
    Ok(vec![OutputFile::bytes("api/activities.json", json)])
}

fn item<'a>(site: &Site, a: &'a Activity) -> Item<'a> {
    Item {
        id: &a.id,
        url: site.config.absolute(&a.url),
        title: &a.title,
        summary: &a.summary,
        interests: a.interests.iter().map(|i| i.label.as_str()).collect(),
        area: a.place.as_ref().map(|p| p.area.as_str()),
        place: a.place.as_ref().map(|p| PlaceItem {
            name: &p.name,
            address: &p.address,
            address_public: p.address_public,
            area: &p.area,
            lat: p.lat,
            lon: p.lon,
        }),
        organizer: a.organizer.as_deref(),
        organizer_url: a
            .organizer_id
            .as_ref()
            .map(|id| site.config.absolute(&format!("/arrangorer/{id}/"))),
        cost: a.cost.as_deref(),
        free: a.free,
        languages: a.languages.iter().map(|l| l.key.as_str()).collect(),
        accessibility: a.accessibility.iter().map(|f| f.key.as_str()).collect(),
        bookable: a.booking.is_some(),
        ended: a.is_ended(site.today),
        checked: a.checked.map(|d| d.to_string()),
        unconfirmed: site.is_unconfirmed(a),
        status: if a.changes.is_paused(site.today) {
            "paused"
        } else {
            "active"
        },
        paused_until: match a.changes.status {
            Status::Paused { until } if a.changes.is_paused(site.today) => until.map(|d| d.to_string()),
            _ => None,
        },
        status_note: a.changes.note.as_deref(),
        schedule: a.schedule.iter().map(rule).collect(),
        cancelled: a
            .changes
            .cancelled
            .iter()
            .map(|c| CancelledItem {
                date: c.date.to_string(),
                reason: c.reason.as_deref(),
            })
            .collect(),
        moved: a
            .changes
            .moved
            .iter()
            .map(|m| MovedItem {
                from: m.from.to_string(),
                to: m.to.to_string(),
                start: m.start.map(|t| t.format("%H:%M").to_string()),
                end: m.end.map(|t| t.format("%H:%M").to_string()),
                reason: m.reason.as_deref(),
            })
            .collect(),
        next_occurrences: a
            .occurrences(site.config.timezone, site.today, crate::schedule::horizon(site.today))
            .into_iter()
            .take(NEXT)
            .map(|o| OccurrenceItem {
                start: o.start.to_rfc3339(),
                end: o.end.to_rfc3339(),
            })
            .collect(),
    }
}

fn day(d: Weekday) -> &'static str {
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][d.num_days_from_monday() as usize]
}

fn rule(r: &Rule) -> RuleItem {
    let (weekly, monthly, dates) = match &r.repeat {
        Repeat::Weekly(days) => (Some(days.iter().map(|d| day(*d)).collect()), None, None),
        Repeat::Monthly { nth, weekday } => {
            let nth = match nth {
                Nth::Number(1) => "first",
                Nth::Number(2) => "second",
                Nth::Number(3) => "third",
                Nth::Number(_) => "fourth",
                Nth::Last => "last",
            };
            (None, Some(format!("{nth} {}", day(*weekday))), None)
        }
        Repeat::Dates(ds) => (None, None, Some(ds.iter().map(|d| d.to_string()).collect())),
    };
    RuleItem {
        weekly,
        monthly,
        dates,
        start: r.start.format("%H:%M").to_string(),
        end: r.end.format("%H:%M").to_string(),
        from: r.from.map(|d| d.to_string()),
        until: r.until.map(|d| d.to_string()),
        except: r.except.iter().map(|d| d.to_string()).collect(),
    }
}
