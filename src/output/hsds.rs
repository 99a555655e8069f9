//! The directory in Open Referral's Human Services Data Specification 3.0 (HSDS), the open
//! exchange format of community-service directories, as the read-only API's files under
//! `api/hsds/`: `index.json` (the API root), `services.json` (the paginated list; further pages
//! `services/page-<n>.json`), `services/<id>.json` (one service with its related objects),
//! `organizations.json` and `locations.json`.
//!
//! An activity is a service; its `organizer` an organization (the site itself when none is
//! named); its place a location. Schedules are RFC 5545 RRULE parts; `assured_date` is the
//! `checked` date; a pause makes the service "temporarily closed" and, with cancelled and moved
//! meetings, fills its `alert`. Ids are UUID v5 of the listing's absolute address, so they are
//! the same in every build and differ between sites.
//!
//! Places hold their street address as one line, without postal code or county, so locations
//! carry it in `description` rather than in HSDS `addresses`, whose fields would have to be
//! made up.

use serde_json::{Value, json};
use uuid::Uuid;

use super::OutputFile;
use crate::content::changes::Status;
use crate::content::{Activity, Place, Site};
use crate::error::{Error, Result};
use crate::render::i18n::Lang;
use crate::render::templates::Theme;
use crate::schedule::{Nth, Repeat, Rule};
use crate::vocabulary::{LANGUAGES, label};

/// Services per page of `services.json`.
const PAGE_SIZE: usize = 100;

/// The HSDS version these files follow.
const VERSION: &str = "3.0";

pub(super) fn render(site: &Site, _: &Theme, lang: &Lang) -> Result<Vec<OutputFile>> {
    let ids = Ids { site };
    let activities: Vec<&Activity> = site.listed().collect();
    let mut files = vec![json_file(
        "api/hsds/index.json",
        &json!({
            "version": VERSION,
            "profile": "https://docs.openreferral.org/en/v3.0/",
            "openapi_url": "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json",
        }),
    )?];
    let services: Vec<Value> = activities.iter().map(|a| service(site, lang, &ids, a)).collect();
    // The list holds each service's one-to-one fields and its organization, as the API's
    // `/services` does; the full service is in its own file.
    let brief: Vec<Value> = services
        .iter()
        .map(|s| {
            let mut s = s.clone();
            if let Some(obj) = s.as_object_mut() {
                obj.retain(|_, v| !v.is_array());
            }
            s
        })
        .collect();
    for (page, path) in pages(&brief, "api/hsds/services.json", "api/hsds/services/page-") {
        files.push(json_file(&path, &page)?);
    }
    for s in &services {
        files.push(json_file(
            &format!("api/hsds/services/{}.json", s["id"].as_str().unwrap_or_default()),
            s,
        )?);
    }
    let mut organizations: Vec<Value> = vec![];
    for a in &activities {
        let org = organization(site, &ids, a);
        if !organizations.iter().any(|o| o["id"] == org["id"]) {
            organizations.push(org);
        }
    }
    for (page, path) in pages(
        &organizations,
        "api/hsds/organizations.json",
        "api/hsds/organizations/page-",
    ) {
        files.push(json_file(&path, &page)?);
    }
    let mut locations: Vec<Value> = vec![];
    for (a, p) in activities.iter().filter_map(|a| a.place.as_ref().map(|p| (a, p))) {
        let loc = location(&ids, a, p);
        if !locations.iter().any(|l| l["id"] == loc["id"]) {
            locations.push(loc);
        }
    }
    for (page, path) in pages(&locations, "api/hsds/locations.json", "api/hsds/locations/page-") {
        files.push(json_file(&path, &page)?);
    }
    Ok(files)
}

fn json_file(path: &str, value: &Value) -> Result<OutputFile> {
    let bytes = serde_json::to_vec_pretty(value).map_err(|e| Error::Template(format!("{path}: {e}")))?;
    Ok(OutputFile::bytes(path, bytes))
}

/// The pages of a list in HSDS's page envelope, with their paths: the first at `first`, the
/// n-th at `<rest><n>.json`. An empty list is one empty page.
fn pages(items: &[Value], first: &str, rest: &str) -> Vec<(Value, String)> {
    let chunks: Vec<&[Value]> = if items.is_empty() {
        vec![&[]]
    } else {
        items.chunks(PAGE_SIZE).collect()
    };
    let total_pages = chunks.len();
    chunks
        .into_iter()
        .enumerate()
        .map(|(i, chunk)| {
            let page = json!({
                "total_items": items.len(),
                "total_pages": total_pages,
                "page_number": i + 1,
                "size": chunk.len(),
                "first_page": i == 0,
                "last_page": i + 1 == total_pages,
                "empty": chunk.is_empty(),
                "contents": chunk,
            });
            let path = if i == 0 {
                first.to_string()
            } else {
                format!("{rest}{}.json", i + 1)
            };
            (page, path)
        })
        .collect()
}

/// Stable ids: UUID v5 of an absolute address on the site.
struct Ids<'a> {
    site: &'a Site,
}

impl Ids<'_> {
    fn of(&self, path: &str) -> String {
        Uuid::new_v5(&Uuid::NAMESPACE_URL, self.site.config.absolute(path).as_bytes()).to_string()
    }

    fn service(&self, a: &Activity) -> String {
        self.of(&a.url)
    }

    fn organization(&self, a: &Activity) -> String {
        if let Some(id) = &a.organizer_id {
            return self.of(&format!("/arrangorer/{id}/"));
        }
        match &a.organizer {
            Some(name) => self.of(&format!("/#organization/{}", crate::vocabulary::slugify(name))),
            None => self.of("/#organization"),
        }
    }

    fn location(&self, a: &Activity, p: &Place) -> String {
        match &p.url {
            Some(url) => self.of(url),
            None => self.of(&format!("{}#location", a.url)),
        }
    }
}

fn organization(site: &Site, ids: &Ids, a: &Activity) -> Value {
    // An organizer with a file says who it is and how to reach it.
    if let Some(o) = a
        .organizer_id
        .as_ref()
        .and_then(|id| site.organizers.iter().find(|o| &o.id == id))
    {
        let mut org = json!({
            "id": ids.organization(a),
            "name": o.name,
            "description": super::search::plain_text(&o.description).split_whitespace().collect::<Vec<_>>().join(" "),
        });
        org["website"] = json!(o.website.clone().unwrap_or_else(|| site.config.absolute(&o.url)));
        if let Some(email) = &o.email {
            org["email"] = json!(email);
        }
        return org;
    }
    let (name, description) = match &a.organizer {
        Some(name) => (
            name.clone(),
            format!("Arrangör av aktiviteter på {}.", site.config.title),
        ),
        None => (site.config.title.clone(), site.config.description.clone()),
    };
    let mut org = json!({ "id": ids.organization(a), "name": name, "description": description });
    if a.organizer.is_none() {
        org["website"] = json!(site.config.absolute("/"));
    }
    org
}

fn location(ids: &Ids, a: &Activity, p: &Place) -> Value {
    let id = ids.location(a, p);
    let mut loc = json!({
        "id": id,
        "location_type": "physical",
        "name": p.name,
        "description": p.where_text(),
    });
    if let Some(url) = &p.url {
        loc["url"] = json!(ids.site.config.absolute(url));
    }
    if let (Some(lat), Some(lon)) = (p.lat, p.lon) {
        loc["latitude"] = json!(lat);
        loc["longitude"] = json!(lon);
    }
    if let Some(d) = &p.directions {
        loc["transportation"] = json!(d);
    }
    loc["accessibility"] = p
        .accessibility
        .iter()
        .map(|f| json!({ "id": ids.of(&format!("{}#accessibility/{}", p.url.as_deref().unwrap_or(&a.url), f.key)), "location_id": id, "description": f.label }))
        .collect();
    loc
}

fn service(site: &Site, lang: &Lang, ids: &Ids, a: &Activity) -> Value {
    let id = ids.service(a);
    let status = if a.is_ended(site.today) {
        "inactive"
    } else if a.changes.is_paused(site.today) {
        "temporarily closed"
    } else {
        "active"
    };
    let mut s = json!({
        "id": id,
        "organization_id": ids.organization(a),
        "name": a.title,
        "description": a.summary,
        "url": site.config.absolute(&a.url),
        "status": status,
        "organization": organization(site, ids, a),
    });
    if let Some(email) = a.contact.as_ref().and_then(|c| c.email.as_ref()) {
        s["email"] = json!(email);
    }
    if let Some(cost) = &a.cost {
        s["fees_description"] = json!(cost);
    } else if a.free {
        s["fees_description"] = json!(lang.t("activity.free"));
    }
    if !a.audience.is_empty() {
        s["eligibility_description"] = json!(a.audience.join(", "));
    }
    if let Some(checked) = a.checked {
        s["assured_date"] = json!(checked.to_string());
    }
    if let Some(alert) = alert(site, lang, a) {
        s["alert"] = json!(alert);
    }
    s["languages"] = a
        .languages
        .iter()
        .map(|l| {
            json!({
                "id": ids.of(&format!("{}#language/{}", a.url, l.key)),
                "service_id": id,
                "name": label(LANGUAGES, &l.key).unwrap_or(&l.label),
                "code": l.key,
            })
        })
        .collect();
    s["phones"] = a
        .contact
        .as_ref()
        .and_then(|c| c.phone.as_ref())
        .map(|phone| json!({ "id": ids.of(&format!("{}#phone", a.url)), "service_id": id, "number": phone }))
        .into_iter()
        .collect();
    s["schedules"] = a
        .schedule
        .iter()
        .enumerate()
        .flat_map(|(i, r)| schedules(site, lang, ids, a, i, r))
        .collect();
    s["service_at_locations"] = a
        .place
        .as_ref()
        .map(|p| {
            let location_id = ids.location(a, p);
            json!({
                "id": ids.of(&format!("{}#at/{location_id}", a.url)),
                "service_id": id,
                "location_id": location_id,
                "location": location(ids, a, p),
            })
        })
        .into_iter()
        .collect();
    s
}

/// The short-term news of a service: its pause, and the coming cancelled and moved meetings.
fn alert(site: &Site, lang: &Lang, a: &Activity) -> Option<String> {
    let mut parts: Vec<String> = vec![];
    if let Some(paused) = crate::render::view::paused(site, lang, a) {
        parts.push(paused);
    }
    if let (Status::Paused { .. }, Some(note)) = (&a.changes.status, &a.changes.note) {
        parts.push(note.clone());
    }
    for c in a.changes.cancelled.iter().filter(|c| c.date >= site.today) {
        let when = lang.long_date(c.date);
        parts.push(match &c.reason {
            Some(r) => format!("{} {when}: {r}.", lang.t("activity.cancelled")),
            None => format!("{} {when}.", lang.t("activity.cancelled")),
        });
    }
    for m in a
        .changes
        .moved
        .iter()
        .filter(|m| m.from >= site.today || m.to >= site.today)
    {
        let moved = lang.fill("activity.moved_to", &[("date", &lang.long_date(m.to))]);
        parts.push(format!("{}: {moved}.", lang.long_date(m.from)));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// A rule as HSDS schedules: one RRULE for a weekly or monthly rule, one per day of a `dates`
/// rule.
fn schedules(site: &Site, lang: &Lang, ids: &Ids, a: &Activity, index: usize, r: &Rule) -> Vec<Value> {
    let base = |suffix: String| {
        let mut v = json!({
            "id": ids.of(&format!("{}#schedule/{index}{suffix}", a.url)),
            "service_id": ids.service(a),
            "opens_at": r.start.format("%H:%M").to_string(),
            "closes_at": r.end.format("%H:%M").to_string(),
            "description": crate::render::view::describe_rule(r, site.today, lang),
            "schedule_link": site.config.absolute(&a.url),
            "attending_type": "in person",
        });
        if !r.except.is_empty() {
            v["notes"] = json!(r.except.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", "));
        }
        v
    };
    let byday = |d: chrono::Weekday| ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][d.num_days_from_monday() as usize];
    match &r.repeat {
        Repeat::Dates(dates) => dates
            .iter()
            .map(|d| {
                let mut v = base(format!("/{d}"));
                v["valid_from"] = json!(d.to_string());
                v["valid_to"] = json!(d.to_string());
                v["dtstart"] = json!(d.to_string());
                v
            })
            .collect(),
        repeat => {
            let mut v = base(String::new());
            match repeat {
                Repeat::Weekly(days) => {
                    let mut days = days.clone();
                    days.sort_by_key(|d| d.num_days_from_monday());
                    days.dedup();
                    v["freq"] = json!("WEEKLY");
                    v["byday"] = json!(days.iter().map(|d| byday(*d)).collect::<Vec<_>>().join(","));
                }
                Repeat::Monthly { nth, weekday } => {
                    let n = match nth {
                        Nth::Number(n) => n.to_string(),
                        Nth::Last => "-1".into(),
                    };
                    v["freq"] = json!("MONTHLY");
                    v["byday"] = json!(format!("{n}{}", byday(*weekday)));
                }
                Repeat::Dates(_) => unreachable!("handled above"),
            }
            v["wkst"] = json!("MO");
            v["interval"] = json!(1);
            if let Some(f) = r.from {
                v["valid_from"] = json!(f.to_string());
                v["dtstart"] = json!(f.to_string());
            }
            if let Some(u) = r.until {
                v["valid_to"] = json!(u.to_string());
                v["until"] = json!(u.to_string());
            }
            vec![v]
        }
    }
}
