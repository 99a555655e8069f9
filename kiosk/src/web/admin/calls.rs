//! "Att ringa": the people staff should phone, so nobody is left waiting without being told:
//! those given a place from the waiting list, and those whose meeting was cancelled or moved.
//! Each has a "called" tick with its time; a later change to the same booking is a new call.

use chrono::{NaiveDateTime, TimeZone, Utc};
use serde::Serialize;
use tera::Context;
use warp::Rejection;
use warp::http::StatusCode;

use super::{Form, Query, Shared, blocking, field, page, problem, see_other, to_login};
use crate::news::News;
use crate::web::staff::{self, Staff};

#[derive(Serialize)]
struct Call {
    id: i64,
    name: Option<String>,
    phone: Option<String>,
    /// `tel:` form of the phone number.
    tel: Option<String>,
    code: String,
    title: String,
    when: String,
    /// Why to call, in words.
    why: String,
    /// What the call is about, sent back with the tick.
    about: String,
    /// "7 december kl. 14.05" when staff called about this.
    called: Option<String>,
}

/// Who to call, those not yet called first.
pub(super) async fn calls(staff: Option<Staff>, q: Query, app: Shared) -> Result<warp::reply::Response, Rejection> {
    let Some(staff) = staff else { return Ok(to_login()) };
    let list = to_call(&app).await?;
    let mut ctx = Context::new();
    let (open, done): (Vec<Call>, Vec<Call>) = list.into_iter().partition(|c| c.called.is_none());
    ctx.insert("open", &open);
    ctx.insert("done", &done);
    // Text messages that did not certainly arrive: call these people instead.
    let db_app = app.clone();
    let sms = blocking(move || db_app.db.sms_problems()).await?;
    ctx.insert("sms_problems", &sms);
    ctx.insert("notice", &(q.get("klart").map(String::as_str) == Some("ringd")));
    ctx.insert("section", "calls");
    Ok(page(&app, "admin_calls.html", ctx, Some(&staff), StatusCode::OK))
}

async fn to_call(app: &Shared) -> Result<Vec<Call>, Rejection> {
    let tz = app.catalog.timezone();
    let db_app = app.clone();
    let rows = blocking(move || crate::news::of_coming_bookings(&db_app)).await?;
    let mut out = vec![];
    for crate::news::ComingBooking { row: r, start, news } in rows {
        let Some(news) = news else { continue };
        let why = match &news {
            News::Cancelled { reason: Some(r) } => format!("Träffen är inställd: {r}"),
            News::Cancelled { reason: None } => "Träffen är inställd.".to_string(),
            News::Moved { to } => format!("Träffen är flyttad till {}.", app.words.long_date(*to)),
            News::MovedUp => "Har fått en plats från kön.".to_string(),
        };
        let about = news.key();
        let called = r
            .called_at
            .as_deref()
            .filter(|_| r.called_about.as_deref() == Some(about.as_str()))
            .and_then(|at| NaiveDateTime::parse_from_str(at, "%Y-%m-%d %H:%M:%S").ok())
            .map(|at| {
                let local = Utc.from_utc_datetime(&at).with_timezone(&tz);
                format!(
                    "{} kl. {}",
                    app.words.long_date(local.date_naive()),
                    local.format("%H.%M")
                )
            });
        let title = app
            .catalog
            .site()
            .and_then(|s| {
                s.activities
                    .iter()
                    .find(|a| a.id == r.activity)
                    .map(|a| a.title.clone())
            })
            .unwrap_or_else(|| r.activity.clone());
        out.push(Call {
            id: r.id,
            tel: r
                .phone
                .as_ref()
                .map(|p| p.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect()),
            name: r.name,
            phone: r.phone,
            code: r.code,
            title,
            when: format!(
                "{}, kl. {}",
                app.words.long_date(start.date_naive()),
                start.format("%H.%M")
            ),
            why,
            about,
            called,
        });
    }
    Ok(out)
}

/// Ticks "called" for one booking and what it was about.
pub(super) async fn called(id: i64, staff: Staff, form: Form, app: Shared) -> Result<warp::reply::Response, Rejection> {
    staff::check_csrf(&staff, &field(&form, "csrf").unwrap_or_default())?;
    let about = field(&form, "om").unwrap_or_default();
    let known =
        about == "cancelled" || about == "moved_up" || about.strip_prefix("moved:").is_some_and(|d| d.len() == 10);
    if !known {
        return Err(problem(
            StatusCode::UNPROCESSABLE_ENTITY,
            "Det gick inte att se vad samtalet gällde.",
        ));
    }
    let found = blocking(move || app.db.mark_called(id, &about)).await?;
    if !found {
        return Err(problem(StatusCode::NOT_FOUND, "Bokningen finns inte längre."));
    }
    tracing::info!(booking = id, "staff called about a booking");
    Ok(see_other("/admin/att-ringa?klart=ringd"))
}
