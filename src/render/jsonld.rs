//! schema.org JSON-LD for activity pages: one `Event` per meeting in the coming weeks (cancelled and rescheduled ones
//! marked as such), so
//! search engines and other services can show the dates.

use serde_json::{Value, json};

use crate::content::changes::Change;
use crate::content::{Activity, Site};

/// The JSON-LD of an activity page, ready to put inside `<script type="application/ld+json">`.
pub fn activity(site: &Site, a: &Activity) -> String {
    let url = site.config.absolute(&a.url);
    let location = a.place.as_ref().map(|p| {
        let mut address = json!({
            "@type": "PostalAddress",
            "addressLocality": p.area,
            "addressCountry": "SE",
        });
        if p.address_public {
            address["streetAddress"] = json!(p.address);
        }
        json!({ "@type": "Place", "name": p.name, "address": address })
    });
    let organizer = a.organizer.as_ref().map(|o| {
        let mut org = json!({ "@type": "Organization", "name": o });
        if let Some(id) = &a.organizer_id {
            org["url"] = json!(site.config.absolute(&format!("/arrangorer/{id}/")));
        }
        if let Some(email) = a.contact.as_ref().and_then(|c| c.email.as_ref()) {
            org["email"] = json!(email);
        }
        org
    });
    let events: Vec<Value> = a
        .meetings(site.config.timezone, site.today, crate::schedule::horizon(site.today))
        .iter()
        .filter_map(|m| {
            // A meeting moved away is announced once, where it went.
            let status = match m.change {
                Change::None => "EventScheduled",
                Change::Cancelled { .. } => "EventCancelled",
                Change::MovedHere { .. } => "EventRescheduled",
                Change::MovedAway { .. } => return None,
            };
            let o = &m.occurrence;
            let mut e = json!({
                "@type": "Event",
                "name": a.title,
                "description": a.summary,
                "url": url,
                "startDate": o.start.to_rfc3339(),
                "endDate": o.end.to_rfc3339(),
                "eventStatus": format!("https://schema.org/{status}"),
                "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
                "isAccessibleForFree": a.free,
                "inLanguage": a.languages.iter().map(|l| l.key.as_str()).collect::<Vec<_>>(),
            });
            if let Some(l) = &location {
                e["location"] = l.clone();
            }
            if let Some(o) = &organizer {
                e["organizer"] = o.clone();
            }
            if let Change::MovedHere { from, .. } = m.change {
                e["previousStartDate"] = json!(from.to_string());
            }
            Some(e)
        })
        .collect();
    let doc = json!({ "@context": "https://schema.org", "@graph": events });
    // `</` inside a script element would end it early; JSON allows the escaped slash.
    doc.to_string().replace("</", "<\\/")
}
