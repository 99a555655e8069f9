//! The touch-screen pages: check in, today's programme, book a place, cancel, privacy. Every
//! form posts and redirects, so nothing needs JavaScript; every page but the start returns to it
//! after a while without a touch, which also clears a half-filled form.

use std::net::IpAddr;

use serde::Deserialize;
use tera::Context;
use warp::http::StatusCode;
use warp::{Filter, Rejection, Reply};

use super::booking::{Cancelled, TOO_MANY_WRONG, Tried, book_session, cancel_by_code, try_code};
use super::screen::{self, page, see_other};
use super::{BODY_LIMIT, Shared, with_app};
use crate::db::bookings::{BookOutcome, display_code, normalize_code};

fn long_date(app: &Shared, date: chrono::NaiveDate) -> String {
    app.words.long_date(date)
}

/// The kiosk's routes.
pub fn routes(app: Shared) -> impl Filter<Extract = (impl Reply,), Error = Rejection> + Clone {
    let form = || warp::body::content_length_limit(BODY_LIMIT).and(warp::body::form::<Vec<(String, String)>>());
    let home = warp::path::end()
        .and(warp::get())
        .and(with_app(app.clone()))
        .map(|app: Shared| {
            let now = app.now();
            let mut ctx = Context::new();
            ctx.insert("today", &long_date(&app, now.date_naive()));
            ctx.insert("programme", &app.catalog.programme(now.date_naive()));
            ctx.insert("hours", &app.config.opening_hours);
            // The site's conversation starters (content/snackebord.toml), one every ten minutes.
            let starter = app
                .catalog
                .site()
                .and_then(|s| s.snackebord.as_ref()?.for_time(now.timestamp()).map(str::to_string));
            ctx.insert("starter", &starter);
            page(&app, "home.html", ctx, false)
        });
    let checkin = warp::path!("checka-in")
        .and(warp::post())
        .and(form())
        .and(with_app(app.clone()))
        .and_then(|_f: Vec<(String, String)>, app: Shared| async move {
            let at = app.now().naive_local();
            match app.db.check_in(at, None).done().await {
                Ok(id) => Ok::<_, Rejection>(see_other(&format!("/tack/{id}?kvitto={}", app.receipt(id)))),
                Err(_) => Ok(error_page(
                    &app,
                    "Det gick inte att checka in just nu. Fråga personalen.",
                )),
            }
        });
    let thanks = warp::path!("tack" / i64)
        .and(warp::get())
        .and(warp::query::<ReceiptQuery>())
        .and(with_app(app.clone()))
        .map(|id: i64, q: ReceiptQuery, app: Shared| {
            let mut ctx = Context::new();
            ctx.insert("id", &id);
            ctx.insert("receipt", &q.kvitto.unwrap_or_default());
            page(&app, "thanks.html", ctx, true)
        });
    let answer = warp::path!("tack" / i64)
        .and(warp::post())
        .and(form())
        .and(with_app(app.clone()))
        .and_then(|id: i64, f: Vec<(String, String)>, app: Shared| async move {
            // Only the visitor who checked in has the receipt; ids alone count up.
            if !app.receipt_matches(id, &field(&f, "kvitto").unwrap_or_default()) {
                return Ok(error_page(
                    &app,
                    "Svaret hörde inte till din incheckning, så det sparades inte.",
                ));
            }
            let first = match field(&f, "forsta").as_deref() {
                Some("ja") => Some(true),
                Some("nej") => Some(false),
                _ => None,
            };
            if let Some(first) = first {
                let db_app = app.clone();
                let _ = tokio::task::spawn_blocking(move || db_app.db.answer_first_visit(id, first)).await;
            }
            Ok::<_, Rejection>(see_other("/valkommen"))
        });
    let welcome = warp::path!("valkommen")
        .and(warp::get())
        .and(with_app(app.clone()))
        .map(|app: Shared| {
            let mut ctx = Context::new();
            ctx.insert("back_after", &5);
            page(&app, "welcome.html", ctx, true)
        });
    let sessions = warp::path!("boka")
        .and(warp::get())
        .and(warp::query::<PageQuery>())
        .and(with_app(app.clone()))
        .and_then(|q: PageQuery, app: Shared| async move {
            let db_app = app.clone();
            let taken = tokio::task::spawn_blocking(move || db_app.db.taken()).await.map_err(|_| warp::reject())?;
            let taken = taken.unwrap_or_default();
            let all = app.catalog.bookable(app.now());
            // A page of the list at a time, so the screen never needs scrolling.
            let pages = all.len().div_ceil(SESSIONS_PER_PAGE).max(1);
            let current = q.sida.unwrap_or(1).clamp(1, pages);
            let rows: Vec<serde_json::Value> = all
                .iter()
                .skip((current - 1) * SESSIONS_PER_PAGE)
                .take(SESSIONS_PER_PAGE)
                .map(|s| {
                    let booked = taken.get(&s.id).map_or(0, |t| t.booked);
                    serde_json::json!({
                        "href": format!("/boka/plats?{}", serde_urlencoded::to_string([("tillfalle", &s.id)]).unwrap_or_default()),
                        "title": s.title, "place": s.place,
                        "date": long_date(&app, s.start.date_naive()),
                        "time": format!("{}–{}", s.start.format("%H.%M"), s.end.format("%H.%M")),
                        "left": s.capacity.saturating_sub(booked), "waitlist": s.waitlist,
                    })
                })
                .collect();
            let mut ctx = Context::new();
            ctx.insert("sessions", &rows);
            ctx.insert("page", &current);
            ctx.insert("pages", &pages);
            Ok::<_, Rejection>(page(&app, "sessions.html", ctx, true))
        });
    let book_form = warp::path!("boka" / "plats")
        .and(warp::get())
        .and(warp::query::<SessionQuery>())
        .and(with_app(app.clone()))
        .map(|q: SessionQuery, app: Shared| book_page(&app, &q.tillfalle, "", "", None));
    let book = warp::path!("boka" / "plats").and(warp::post()).and(form()).and(with_app(app.clone())).and_then(
        |f: Vec<(String, String)>, app: Shared| async move {
            let session = field(&f, "tillfalle").unwrap_or_default();
            let name = field(&f, "namn").unwrap_or_default();
            let phone = field(&f, "telefon");
            match book_session(app.clone(), session.clone(), name.clone(), phone.clone()).await {
                Ok(BookOutcome::Confirmed { code } | BookOutcome::Waitlisted { code }) => Ok::<_, Rejection>(see_other(&format!("/bokad/{code}"))),
                Ok(BookOutcome::Full) => Ok(error_page(&app, "Det blev fullt just nu, och det finns ingen kö. Välj gärna ett annat tillfälle.")),
                Ok(BookOutcome::AlreadyBooked) => Ok(book_page(
                    &app,
                    &session,
                    &name,
                    phone.as_deref().unwrap_or(""),
                    Some("Det finns redan en bokning med det namnet. Skriv ett annat namn, till exempel med första bokstaven i efternamnet."),
                )
                .into_response()),
                Err(r) => match r.find::<super::Problem>() {
                    Some(p) if p.status == StatusCode::UNPROCESSABLE_ENTITY => {
                        let mut reply = book_page(&app, &session, &name, phone.as_deref().unwrap_or(""), Some(&p.message)).into_response();
                        *reply.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
                        Ok(reply)
                    }
                    _ => Err(r),
                },
            }
        },
    );
    let booked = warp::path!("bokad" / String)
        .and(warp::get())
        .and(super::client::visitor(app.clone()))
        .and(with_app(app.clone()))
        .then(|code: String, visitor: Option<IpAddr>, app: Shared| async move {
            // Looking codes up is guessing them too: counted like cancelling.
            let db_app = app.clone();
            let typed = code.clone();
            let found = try_code(&app, visitor, move || db_app.db.booking_by_code(&typed)).await;
            let (session, status) = match found {
                Tried::Found(found) => found,
                Tried::Limited => return screen::error_page(&app, TOO_MANY_WRONG, StatusCode::TOO_MANY_REQUESTS),
                Tried::Missing | Tried::Failed => return error_page(&app, "Det finns ingen bokning med den koden."),
            };
            let mut ctx = Context::new();
            ctx.insert("code", &display_code(&normalize_code(&code)));
            ctx.insert("waitlisted", &(status == "waitlisted"));
            ctx.insert("cancelled", &(status == "cancelled"));
            ctx.insert("session", &describe(&app, &session));
            // Those who book are told where to go, also when the site keeps the address private.
            let found = app.catalog.find(&session, app.now());
            ctx.insert("place", &found.as_ref().and_then(|s| s.place.clone()));
            ctx.insert("address", &found.as_ref().and_then(|s| s.address.clone()));
            ctx.insert("directions", &found.as_ref().and_then(|s| s.directions.clone()));
            page(&app, "booked.html", ctx, true).into_response()
        });
    let cancel_form = warp::path!("avboka")
        .and(warp::get())
        .and(with_app(app.clone()))
        .map(|app: Shared| cancel_page(&app, "", None));
    let cancel = warp::path!("avboka")
        .and(warp::post())
        .and(form())
        .and(super::client::visitor(app.clone()))
        .and(with_app(app.clone()))
        .and_then(
            |f: Vec<(String, String)>, visitor: Option<IpAddr>, app: Shared| async move {
                let code = field(&f, "kod").unwrap_or_default();
                if code.trim().is_empty() {
                    return Ok::<_, Rejection>(
                        cancel_page(&app, "", Some("Skriv koden du fick när du bokade.")).into_response(),
                    );
                }
                match cancel_by_code(&app, visitor, code.clone()).await {
                    Cancelled::Yes => Ok(page(&app, "cancelled.html", Context::new(), true).into_response()),
                    Cancelled::NoSuchCode => Ok(cancel_page(
                        &app,
                        &code,
                        Some("Det finns ingen bokning med den koden. Kontrollera koden och försök igen."),
                    )
                    .into_response()),
                    Cancelled::TooManyWrong => {
                        Ok(screen::error_page(&app, TOO_MANY_WRONG, StatusCode::TOO_MANY_REQUESTS))
                    }
                    Cancelled::Failed => Ok(error_page(&app, "Det gick inte att avboka just nu. Fråga personalen.")),
                }
            },
        );
    let mine_form = warp::path!("min-bokning")
        .and(warp::get())
        .and(with_app(app.clone()))
        .map(|app: Shared| my_booking_page(&app, "", None));
    let mine = warp::path!("min-bokning")
        .and(warp::post())
        .and(form())
        .and(super::client::visitor(app.clone()))
        .and(with_app(app.clone()))
        .then(
            |f: Vec<(String, String)>, visitor: Option<IpAddr>, app: Shared| async move {
                let code = field(&f, "kod").unwrap_or_default();
                if code.trim().is_empty() {
                    return my_booking_page(&app, "", Some("Skriv koden du fick när du bokade.")).into_response();
                }
                let db_app = app.clone();
                let typed = code.clone();
                match try_code(&app, visitor, move || db_app.db.booking_by_code(&typed)).await {
                    Tried::Found(_) => see_other(&format!("/bokad/{}", normalize_code(&code))),
                    Tried::Missing => my_booking_page(
                        &app,
                        &code,
                        Some("Det finns ingen bokning med den koden. Kontrollera koden och försök igen."),
                    )
                    .into_response(),
                    Tried::Limited => screen::error_page(&app, TOO_MANY_WRONG, StatusCode::TOO_MANY_REQUESTS),
                    Tried::Failed => error_page(&app, "Det gick inte att visa bokningen just nu. Fråga personalen."),
                }
            },
        );
    home.or(checkin)
        .or(thanks)
        .or(answer)
        .or(welcome)
        .or(sessions)
        .or(book_form)
        .or(book)
        .or(booked)
        .or(cancel_form)
        .or(cancel)
        .or(mine_form)
        .or(mine)
}

/// The privacy notice, served by the inbox too: whoever gives details can read what happens to them.
pub fn privacy_route(app: Shared) -> impl Filter<Extract = (impl Reply,), Error = Rejection> + Clone {
    let swedish = warp::path!("integritet").map(|| "privacy.html");
    let english = warp::path!("integritet" / "en").map(|| "privacy_en.html");
    swedish
        .or(english)
        .unify()
        .and(warp::get())
        .and(with_app(app))
        .map(|template: &'static str, app: Shared| {
            let mut ctx = Context::new();
            ctx.insert("retention_days", &app.config.retention_days);
            ctx.insert("contact_days", &app.config.suggestion_contact_days);
            // Who else gets the number, when texts are on: the gateway's host.
            let gateway = app
                .config
                .sms
                .as_ref()
                .map(|s| super::hosts::host_name(super::hosts::authority(&s.url)));
            ctx.insert("sms_gateway", &gateway);
            // Who is responsible: the site's `[privacy]`, the one source for the site and the kiosk.
            let privacy = app.catalog.site().and_then(|s| s.config.privacy.clone());
            ctx.insert("privacy", &privacy);
            ctx.insert(
                "from_home",
                &(app.config.inbox_token.is_some() || app.config.inbox.is_some()),
            );
            if template == "privacy_en.html" {
                ctx.insert("page_lang", "en");
            }
            page(&app, template, ctx, !app.config.inbox_only)
        })
}

/// How many meetings the booking list shows at once: two columns of three fit the screen.
const SESSIONS_PER_PAGE: usize = 6;

#[derive(Deserialize)]
struct ReceiptQuery {
    kvitto: Option<String>,
}

#[derive(Deserialize)]
struct PageQuery {
    sida: Option<usize>,
}

#[derive(Deserialize)]
struct SessionQuery {
    tillfalle: String,
}

fn field(form: &[(String, String)], name: &str) -> Option<String> {
    form.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
}

/// "Samtalsgrupp, måndag 30 november kl. 14.00" for a session id.
fn describe(app: &Shared, session: &str) -> String {
    let found = app.catalog.find(session, app.now());
    match found {
        Some(s) => s.describe(&app.words),
        None => session.split('@').next().unwrap_or(session).to_string(),
    }
}

fn book_page(app: &Shared, session: &str, name: &str, phone: &str, error: Option<&str>) -> warp::reply::Html<String> {
    let mut ctx = Context::new();
    let found = app.catalog.find(session, app.now());
    ctx.insert("found", &found.is_some());
    ctx.insert("session", session);
    ctx.insert("what", &describe(app, session));
    ctx.insert("name", name);
    ctx.insert("phone", phone);
    ctx.insert("error", &error);
    page(app, "book.html", ctx, true)
}

fn my_booking_page(app: &Shared, code: &str, error: Option<&str>) -> warp::reply::Html<String> {
    let mut ctx = Context::new();
    ctx.insert("code", code);
    ctx.insert("error", &error);
    page(app, "my_booking.html", ctx, true)
}

fn cancel_page(app: &Shared, code: &str, error: Option<&str>) -> warp::reply::Html<String> {
    let mut ctx = Context::new();
    ctx.insert("code", code);
    ctx.insert("error", &error);
    page(app, "cancel.html", ctx, true)
}

/// A screen that says what went wrong; most often something taken meanwhile (409).
fn error_page(app: &Shared, message: &str) -> warp::reply::Response {
    screen::error_page(app, message, StatusCode::CONFLICT)
}
