//! The bookings of each meeting: who booked, who came, cancelling.

use std::collections::BTreeMap;

use chrono::{DateTime, Days};
use chrono_tz::Tz;
use serde::Serialize;
use tera::Context;
use warp::Rejection;
use warp::http::StatusCode;

use super::{Form, Query, Shared, blocking, field, page, problem, see_other, to_login};
use crate::web::staff::{self, Staff};

#[derive(Serialize)]
struct BookingView {
    id: i64,
    name: Option<String>,
    phone: Option<String>,
    code: String,
    status: String,
    status_text: String,
    active: bool,
    attended: bool,
}

#[derive(Serialize)]
struct SessionCard {
    anchor: String,
    title: String,
    when: String,
    place: Option<String>,
    capacity: Option<u32>,
    booked: usize,
    waitlisted: usize,
    past: bool,
    /// The form to book for someone, for meetings that can still be booked.
    book_for: Option<String>,
    bookings: Vec<BookingView>,
}

/// A fragment id for a session id (`samtalsgrupp@2026-11-30T14:00` → `t-samtalsgrupp-2026-11-30t1400`).
fn anchor(session: &str) -> String {
    let mut out = String::from("t-");
    for c in session.chars() {
        match c {
            'a'..='z' | '0'..='9' | '-' => out.push(c),
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            '@' | '_' => out.push('-'),
            _ => {}
        }
    }
    out
}

/// Only fragments that [`anchor`] could have made go into a redirect.
fn safe_anchor(sent: Option<String>) -> Option<String> {
    sent.filter(|a| {
        a.starts_with("t-")
            && a.len() < 120
            && a.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    })
}

/// Back to the bookings after a change, scrolled to the occurrence, with a notice there.
fn back_to(done: &str, anchor: Option<String>) -> String {
    match anchor {
        Some(a) => format!("/admin/bokningar?klart={done}&vid={a}#{a}"),
        None => format!("/admin/bokningar?klart={done}"),
    }
}

pub(super) async fn bookings(staff: Option<Staff>, q: Query, app: Shared) -> Result<warp::reply::Response, Rejection> {
    let Some(staff) = staff else { return Ok(to_login()) };
    let now = app.now();
    let tz = app.catalog.timezone();
    let since = now.date_naive() - Days::new(u64::from(app.config.retention_days));
    let db_app = app.clone();
    let cards = blocking(move || {
        // Sessions to show: every coming bookable one, and any with bookings from the last days
        // (started, or no longer in the content).
        let mut sessions: BTreeMap<String, (DateTime<Tz>, Option<crate::occurrences::Bookable>, String)> =
            BTreeMap::new();
        for s in db_app.catalog.bookable(now) {
            sessions.insert(s.id.clone(), (s.start, Some(s.clone()), s.activity.clone()));
        }
        for (activity, starts_at, b) in db_app.db.bookings_between(&since.to_string(), "9999-12-31")? {
            if sessions.contains_key(&b.session) {
                continue;
            }
            if let Ok(start) = DateTime::parse_from_rfc3339(&starts_at) {
                sessions.insert(b.session.clone(), (start.with_timezone(&tz), None, activity));
            }
        }
        let mut list: Vec<_> = sessions.into_iter().collect();
        list.sort_by(|a, b| a.1.0.cmp(&b.1.0).then(a.0.cmp(&b.0)));
        let site = db_app.catalog.site();
        let mut cards = Vec::with_capacity(list.len());
        for (id, (start, session, activity)) in list {
            let mut rows = db_app.db.bookings_of(&id)?;
            // Those with a place first, then the waiting list in order, then the cancelled.
            rows.sort_by_key(|b| match b.status.as_str() {
                "confirmed" => 0,
                "waitlisted" => 1,
                _ => 2,
            });
            let content = site
                .as_ref()
                .and_then(|s| s.activities.iter().find(|a| a.id == activity));
            let (title, place, end, capacity) = match (&session, content) {
                (Some(s), _) => (s.title.clone(), s.place.clone(), Some(s.end), Some(s.capacity)),
                (None, Some(a)) => (
                    a.title.clone(),
                    a.place.as_ref().map(|p| p.name.clone()),
                    None,
                    a.booking.as_ref().map(|b| b.capacity),
                ),
                (None, None) => (activity.clone(), None, None, None),
            };
            let when = match end {
                Some(end) => format!(
                    "{}, kl. {}–{}",
                    db_app.words.long_date(start.date_naive()),
                    start.format("%H.%M"),
                    end.format("%H.%M")
                ),
                None => format!(
                    "{}, kl. {}",
                    db_app.words.long_date(start.date_naive()),
                    start.format("%H.%M")
                ),
            };
            cards.push(SessionCard {
                anchor: anchor(&id),
                title,
                when,
                place,
                capacity,
                booked: rows.iter().filter(|b| b.status == "confirmed").count(),
                waitlisted: rows.iter().filter(|b| b.status == "waitlisted").count(),
                past: start <= now,
                book_for: session.as_ref().filter(|_| !db_app.config.inbox_only).map(|s| {
                    format!(
                        "/admin/bokningar/boka?{}",
                        serde_urlencoded::to_string([("tillfalle", &s.id)]).unwrap_or_default()
                    )
                }),
                bookings: rows
                    .into_iter()
                    .scan(0, |queue, b| {
                        Some(BookingView {
                            status_text: match b.status.as_str() {
                                "confirmed" => "Bokad".to_string(),
                                "waitlisted" => {
                                    *queue += 1;
                                    format!("I kö, nr {queue}")
                                }
                                _ => "Avbokad".to_string(),
                            },
                            active: b.status != "cancelled",
                            id: b.id,
                            name: b.name,
                            phone: b.phone,
                            code: b.code,
                            status: b.status,
                            attended: b.attended,
                        })
                    })
                    .collect(),
            });
        }
        Ok(cards)
    })
    .await?;
    let mut ctx = Context::new();
    ctx.insert("sessions", &cards);
    let (notice, error) = match q.get("klart").map(String::as_str) {
        Some("narvaro") => (Some("Närvaron är sparad."), None),
        Some("avbokad") => (
            Some("Bokningen är avbokad. Stod någon i kö har den första i kön fått platsen."),
            None,
        ),
        Some("okand") => (
            None,
            Some("Det finns ingen aktiv bokning med den koden. Kontrollera koden och försök igen."),
        ),
        _ => (None, None),
    };
    ctx.insert("notice", &notice);
    // Where the notice goes: in the occurrence the redirect scrolls to, or at the top.
    let notice_at = safe_anchor(q.get("vid").cloned()).filter(|a| cards.iter().any(|c| &c.anchor == a));
    ctx.insert("notice_at", &notice_at.unwrap_or_default());
    ctx.insert("error", &error);
    let content_error = app.catalog.error.read().unwrap_or_else(|e| e.into_inner()).is_some();
    ctx.insert("content_error", &content_error);
    ctx.insert("retention_days", &app.config.retention_days);
    Ok(page(&app, "admin_bookings.html", ctx, Some(&staff), StatusCode::OK))
}

pub(super) async fn attended(
    id: i64,
    staff: Staff,
    form: Form,
    app: Shared,
) -> Result<warp::reply::Response, Rejection> {
    staff::check_csrf(&staff, &field(&form, "csrf").unwrap_or_default())?;
    let value = match field(&form, "narvarande").as_deref() {
        Some("ja") => true,
        Some("nej") => false,
        _ => {
            return Err(problem(
                StatusCode::UNPROCESSABLE_ENTITY,
                "Välj om personen är här eller inte.",
            ));
        }
    };
    let found = blocking(move || app.db.set_attended(id, value)).await?;
    if !found {
        return Err(problem(StatusCode::NOT_FOUND, "Bokningen finns inte."));
    }
    tracing::info!(booking = id, attended = value, "staff marked attendance");
    Ok(see_other(&back_to("narvaro", safe_anchor(field(&form, "tillbaka")))))
}

pub(super) async fn cancel(staff: Staff, form: Form, app: Shared) -> Result<warp::reply::Response, Rejection> {
    staff::check_csrf(&staff, &field(&form, "csrf").unwrap_or_default())?;
    let code = field(&form, "kod").unwrap_or_default();
    let back = safe_anchor(field(&form, "tillbaka"));
    if code.trim().is_empty() {
        return Ok(see_other("/admin/bokningar?klart=okand#avboka"));
    }
    let found = blocking(move || app.db.cancel(&code)).await?;
    Ok(if found {
        tracing::info!("staff cancelled a booking");
        see_other(&back_to("avbokad", back))
    } else {
        see_other("/admin/bokningar?klart=okand#avboka")
    })
}
