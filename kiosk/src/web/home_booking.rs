//! Booking from home, at the website's inbox (when `inbox_token` is set): the activity page's
//! form posts a **request** here (`POST /anmalan`), never a place; the resident is sent to a
//! personal status page (`/anmalan/<token>`) that tells what became of it and lets them cancel.
//! The café's kiosk, which counts the places, pulls open requests (`GET /api/inbox/requests`)
//! and answers each (`POST /api/inbox/requests/<id>`), authenticated with the shared secret.

use std::net::{IpAddr, SocketAddr};
use std::time::Instant;

use serde::Deserialize;
use tera::Context;
use warp::http::{HeaderMap, StatusCode};
use warp::{Filter, Rejection, Reply};

use super::booking::{TOO_MANY_WRONG, Tried, try_code};
use super::screen::{page, see_other};
use super::{BODY_LIMIT, Shared, client, problem, with_app};
use crate::db::bookings::normalize_code;
use crate::db::requests::{OUTCOMES, Request, RequestKey};
use crate::validate;

/// How long a request may wait before its page says the café's computer has not fetched it.
const HONEST_AFTER_SECONDS: i64 = 15 * 60;

fn now_unix() -> i64 {
    chrono::Utc::now().timestamp()
}

/// The inbox's routes for booking from home; none without `inbox_token`.
pub fn routes(app: Shared) -> impl Filter<Extract = (warp::reply::Response,), Error = Rejection> + Clone {
    let enabled = || only_if(app.config.inbox_token.is_some());
    let form = || warp::body::content_length_limit(BODY_LIMIT).and(warp::body::form::<Vec<(String, String)>>());
    let request = warp::path!("anmalan")
        .and(enabled())
        .and(warp::post())
        .and(client::peer())
        .and(warp::header::headers_cloned())
        .and(form())
        .and(with_app(app.clone()))
        .and_then(receive);
    let status = warp::path!("anmalan" / String)
        .and(enabled())
        .and(warp::get())
        .and(with_app(app.clone()))
        .and_then(status_page);
    let cancel = warp::path!("anmalan" / String / "avboka")
        .and(enabled())
        .and(warp::post())
        .and(with_app(app.clone()))
        .and_then(cancel);
    // The kiosk's own "Min bokning" knows every booking; at an inbox that is only the
    // website's, the code finds the bookings made from home.
    let mine_on = || only_if(app.config.inbox_only);
    let mine_form = warp::path!("min-bokning")
        .and(enabled())
        .and(mine_on())
        .and(warp::get())
        .and(with_app(app.clone()))
        .map(|app: Shared| my_booking_form(&app, "", None));
    let mine = warp::path!("min-bokning")
        .and(enabled())
        .and(mine_on())
        .and(warp::post())
        .and(form())
        .and(client::visitor(app.clone()))
        .and(with_app(app.clone()))
        .and_then(|f, v, app| my_booking(f, v, app, false));
    let mine_cancel = warp::path!("min-bokning" / "avboka")
        .and(enabled())
        .and(mine_on())
        .and(warp::post())
        .and(form())
        .and(client::visitor(app.clone()))
        .and(with_app(app.clone()))
        .and_then(|f, v, app| my_booking(f, v, app, true));
    let open = warp::path!("api" / "inbox" / "requests")
        .and(enabled())
        .and(warp::get())
        .and(warp::header::optional::<String>("authorization"))
        .and(with_app(app.clone()))
        .and_then(open_requests);
    let answer = warp::path!("api" / "inbox" / "requests" / String)
        .and(enabled())
        .and(warp::post())
        .and(warp::header::optional::<String>("authorization"))
        .and(warp::body::content_length_limit(BODY_LIMIT))
        .and(warp::body::json::<Answer>())
        .and(with_app(app))
        .and_then(answer);
    request
        .or(status)
        .unify()
        .or(cancel)
        .unify()
        .or(mine_form)
        .unify()
        .or(mine)
        .unify()
        .or(mine_cancel)
        .unify()
        .or(open)
        .unify()
        .or(answer)
        .unify()
}

/// Passes when `on`, else "not found": routes a role of the daemon does not serve.
fn only_if(on: bool) -> impl Filter<Extract = (), Error = Rejection> + Clone {
    warp::any()
        .and_then(move || async move { if on { Ok(()) } else { Err(warp::reject::not_found()) } })
        .untuple_one()
}

fn field<'a>(form: &'a [(String, String)], name: &str) -> &'a str {
    form.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
}

/// Which of the form's questions a correction is about (the field's id on the page).
#[derive(Clone, Copy)]
enum Wrong {
    Meeting,
    Name,
    Phone,
    Consent,
}

impl Wrong {
    fn id(self) -> &'static str {
        match self {
            Self::Meeting => "",
            Self::Name => "namn",
            Self::Phone => "telefon",
            Self::Consent => "samtycke",
        }
    }
}

/// The form's answer page when something must be corrected (the site's form has no errors of
/// its own: it is static), with the meeting, what was typed, and the error at its question.
fn form_page(
    app: &Shared,
    form: &[(String, String)],
    name: &str,
    phone: &str,
    wrong: Wrong,
    error: &str,
) -> warp::reply::Response {
    let session = field(form, "tillfalle");
    let mut ctx = Context::new();
    // A tick already given stays: only what is wrong needs doing again.
    ctx.insert("consent", &(field(form, "samtycke") == "ja"));
    ctx.insert("session", session);
    ctx.insert("what", &describe(app, session));
    ctx.insert("name", name);
    ctx.insert("phone", phone);
    ctx.insert("error", error);
    ctx.insert("error_field", wrong.id());
    if matches!(wrong, Wrong::Name | Wrong::Phone) {
        ctx.insert(format!("{}_error", wrong.id()), error);
    }
    back_to_site(&mut ctx, app, Some(session));
    let mut reply = page(app, "request_form.html", ctx, false).into_response();
    *reply.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    reply
}

/// The header's way back for a resident booking from home: to the activity's page, or to the
/// website's home page, instead of the bulletin board the inbox's other pages lead to.
fn back_to_site(ctx: &mut Context, app: &Shared, session: Option<&str>) {
    let Some(site) = app.catalog.site() else { return };
    let activity = session
        .and_then(|s| s.split('@').next())
        .and_then(|id| site.activities.iter().find(|a| a.id == id));
    let (url, label) = match activity {
        Some(a) => (site.config.absolute(&a.url), "Tillbaka till aktiviteten"),
        None => (site.config.absolute("/"), "Till webbplatsen"),
    };
    ctx.insert("back_url", &url);
    ctx.insert("back_label", label);
}

fn describe(app: &Shared, session: &str) -> Option<String> {
    app.catalog.find(session, app.now()).map(|s| s.describe(&app.words))
}

async fn receive(
    remote: Option<SocketAddr>,
    headers: HeaderMap,
    form: Vec<(String, String)>,
    app: Shared,
) -> Result<warp::reply::Response, Rejection> {
    let (session, name, phone) = (field(&form, "tillfalle"), field(&form, "namn"), field(&form, "telefon"));
    // A robot fills in the field people never see: it learns nothing, and nothing is kept.
    if !field(&form, "webbplats").trim().is_empty() {
        tracing::info!("a booking request with the hidden field filled in was dropped");
        return Ok(see_other("/anmalan/tack"));
    }
    if app.catalog.find(session, app.now()).is_none() {
        return Ok(form_page(
            &app,
            &form,
            name,
            phone,
            Wrong::Meeting,
            "Det tillfället går inte att anmäla sig till längre. Välj ett annat på webbplatsen.",
        ));
    }
    let name = match validate::name(name) {
        Ok(n) => n,
        Err(m) => return Ok(form_page(&app, &form, name, phone, Wrong::Name, &m)),
    };
    let phone = match validate::phone(Some(phone)) {
        Ok(p) => p,
        Err(m) => return Ok(form_page(&app, &form, &name, phone, Wrong::Phone, &m)),
    };
    if field(&form, "samtycke") != "ja" {
        return Ok(form_page(
            &app,
            &form,
            &name,
            phone.as_deref().unwrap_or(""),
            Wrong::Consent,
            "Kryssa i att vi får spara ditt namn och nummer tills caféet har tagit emot anmälan.",
        ));
    }
    let addr = client::client(remote, &headers, &app.config.proxies()).unwrap_or(client::UNKNOWN);
    if !app.inbox_limiter.allow(addr, Instant::now()) {
        tracing::warn!("booking requests refused: too many in the last hour");
        return Ok(super::screen::error_page(
            &app,
            "Det har kommit för många anmälningar härifrån den senaste timmen. Försök igen senare, eller ring caféet.",
            StatusCode::TOO_MANY_REQUESTS,
        ));
    }
    let (db_app, session) = (app.clone(), session.to_string());
    let stored =
        tokio::task::spawn_blocking(move || db_app.db.create_request(&session, &name, phone.as_deref(), now_unix()))
            .await
            .map_err(|_| problem(StatusCode::SERVICE_UNAVAILABLE, "Anmälan kunde inte sparas just nu."))?
            .map_err(|_| problem(StatusCode::SERVICE_UNAVAILABLE, "Anmälan kunde inte sparas just nu."))?;
    tracing::info!("a booking request from home was stored");
    Ok(see_other(&format!("/anmalan/{}", stored.1)))
}

async fn status_page(token: String, app: Shared) -> Result<warp::reply::Response, Rejection> {
    if token == "tack" {
        // What a robot that filled in the hidden field is shown.
        let mut ctx = Context::new();
        ctx.insert("state", "pending");
        ctx.insert("fresh", &true);
        back_to_site(&mut ctx, &app, None);
        return Ok(page(&app, "request.html", ctx, false).into_response());
    }
    let (db_app, t) = (app.clone(), token.clone());
    let found = tokio::task::spawn_blocking(move || db_app.db.request(RequestKey::Token(&t)))
        .await
        .ok()
        .and_then(Result::ok)
        .flatten();
    match found {
        Some(r) => Ok(show(&app, &r, &Cancel::Link(&token))),
        None => Err(no_such_request()),
    }
}

fn no_such_request() -> Rejection {
    problem(StatusCode::NOT_FOUND, "Det finns ingen anmälan på den här adressen.")
}

/// How the status page's "Avboka" names the request: by the link it is on, or by the code
/// typed in "Min bokning" (the inbox keeps no link to go back to, only its hash).
enum Cancel<'a> {
    Link(&'a str),
    Code(&'a str),
}

/// A request's status page: what, when, where (the address only once booked), the code, and
/// "Avboka" while there is something to cancel.
fn show(app: &Shared, r: &Request, cancel: &Cancel<'_>) -> warp::reply::Response {
    let mut ctx = Context::new();
    ctx.insert("state", &r.state);
    ctx.insert("fresh", &(now_unix() - r.created_at < HONEST_AFTER_SECONDS));
    ctx.insert("code", &r.code);
    ctx.insert("reason", &r.reason);
    // What and where: from the content the inbox has too, the address only once booked.
    let start = r
        .session
        .split_once('@')
        .and_then(|(_, t)| chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M").ok());
    let activity = r.session.split('@').next().unwrap_or_default().to_string();
    let site = app.catalog.site();
    let a = site
        .as_ref()
        .and_then(|s| s.activities.iter().find(|a| a.id == activity));
    ctx.insert("title", &a.map(|a| a.title.clone()));
    ctx.insert(
        "when",
        &start.map(|t| format!("{} kl. {}", app.words.long_date(t.date()), t.format("%H.%M"))),
    );
    let booked = matches!(r.state.as_str(), "confirmed" | "waitlisted" | "cancel_requested");
    let place = a.and_then(|a| a.place.as_ref());
    ctx.insert("place", &place.map(|p| p.name.clone()));
    ctx.insert(
        "address",
        &place.filter(|_| booked).map(|p| p.booked_address().to_string()),
    );
    ctx.insert(
        "directions",
        &place
            .filter(|_| booked)
            .and_then(|p| p.booked_directions().map(str::to_string)),
    );
    ctx.insert(
        "can_cancel",
        &matches!(r.state.as_str(), "pending" | "confirmed" | "waitlisted"),
    );
    match cancel {
        Cancel::Link(token) => ctx.insert("cancel_action", &format!("/anmalan/{token}/avboka")),
        Cancel::Code(code) => {
            ctx.insert("cancel_action", "/min-bokning/avboka");
            ctx.insert("cancel_code", code);
        }
    }
    back_to_site(&mut ctx, app, Some(&r.session));
    page(app, "request.html", ctx, false).into_response()
}

async fn cancel(token: String, app: Shared) -> Result<warp::reply::Response, Rejection> {
    let (db_app, t) = (app.clone(), token.clone());
    let done = tokio::task::spawn_blocking(move || db_app.db.cancel_request(RequestKey::Token(&t), now_unix()))
        .await
        .ok()
        .and_then(Result::ok)
        .flatten();
    match done {
        Some(_) => Ok(see_other(&format!("/anmalan/{token}"))),
        None => Err(no_such_request()),
    }
}

/// "Min bokning" at the inbox: the code of a booking made from home shows its status page, and
/// cancels it from there. Wrong codes count against the network, as at the kiosk.
fn my_booking_form(app: &Shared, code: &str, error: Option<&str>) -> warp::reply::Response {
    let mut ctx = Context::new();
    ctx.insert("code", code);
    ctx.insert("error", &error);
    back_to_site(&mut ctx, app, None);
    let mut reply = page(app, "my_booking.html", ctx, false).into_response();
    if error.is_some() {
        *reply.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    reply
}

async fn my_booking(
    form: Vec<(String, String)>,
    visitor: Option<IpAddr>,
    app: Shared,
    cancelling: bool,
) -> Result<warp::reply::Response, Rejection> {
    let code = field(&form, "kod").trim().to_string();
    if normalize_code(&code).is_empty() {
        return Ok(my_booking_form(&app, "", Some("Skriv koden du fick när du bokade.")));
    }
    let (db_app, typed) = (app.clone(), code.clone());
    let tried = try_code(&app, visitor, move || {
        if cancelling {
            db_app.db.cancel_request(RequestKey::Code(&typed), now_unix())
        } else {
            db_app.db.request(RequestKey::Code(&typed))
        }
    })
    .await;
    Ok(match tried {
        Tried::Found(r) => show(&app, &r, &Cancel::Code(&code)),
        Tried::Missing => my_booking_form(
            &app,
            &code,
            Some("Det finns ingen anmälan från webbplatsen med den koden. Kontrollera koden och försök igen."),
        ),
        Tried::Limited => super::screen::error_page(&app, TOO_MANY_WRONG, StatusCode::TOO_MANY_REQUESTS),
        Tried::Failed => {
            return Err(problem(
                StatusCode::SERVICE_UNAVAILABLE,
                "Anmälan kunde inte visas just nu.",
            ));
        }
    })
}

/// Only the café's kiosk, with the shared secret, may read or answer requests.
fn authorized(app: &Shared, header: Option<&str>) -> Result<(), Rejection> {
    let Some(secret) = app.config.inbox_token.as_deref() else {
        return Err(warp::reject::not_found());
    };
    let sent = header.and_then(|h| h.strip_prefix("Bearer ")).unwrap_or("");
    if crate::auth::constant_time_eq(sent.as_bytes(), secret.as_bytes()) {
        Ok(())
    } else {
        tracing::warn!("a request for booking requests without the right secret was refused");
        Err(problem(StatusCode::UNAUTHORIZED, "the inbox token is missing or wrong"))
    }
}

async fn open_requests(auth: Option<String>, app: Shared) -> Result<warp::reply::Response, Rejection> {
    authorized(&app, auth.as_deref())?;
    let db_app = app.clone();
    let list = tokio::task::spawn_blocking(move || db_app.db.open_requests())
        .await
        .map_err(|_| problem(StatusCode::SERVICE_UNAVAILABLE, "the requests could not be read"))?
        .map_err(|_| problem(StatusCode::SERVICE_UNAVAILABLE, "the requests could not be read"))?;
    Ok(warp::reply::json(&list).into_response())
}

/// What the kiosk made of a request.
#[derive(Debug, Deserialize)]
pub struct Answer {
    /// confirmed, waitlisted, refused or cancelled.
    pub state: String,
    /// The booking's cancel code.
    pub code: Option<String>,
    /// Why it was refused.
    pub reason: Option<String>,
}

async fn answer(id: String, auth: Option<String>, a: Answer, app: Shared) -> Result<warp::reply::Response, Rejection> {
    authorized(&app, auth.as_deref())?;
    if !OUTCOMES.contains(&a.state.as_str())
        || a.code.as_ref().is_some_and(|c| c.len() > 20)
        || a.reason.as_ref().is_some_and(|r| r.len() > 300)
    {
        return Err(problem(StatusCode::UNPROCESSABLE_ENTITY, "not an answer to a request"));
    }
    let db_app = app.clone();
    let found = tokio::task::spawn_blocking(move || {
        db_app
            .db
            .answer_request(&id, &a.state, a.code.as_deref(), a.reason.as_deref(), now_unix())
    })
    .await
    .map_err(|_| problem(StatusCode::SERVICE_UNAVAILABLE, "the answer could not be stored"))?
    .map_err(|_| problem(StatusCode::SERVICE_UNAVAILABLE, "the answer could not be stored"))?;
    if !found {
        return Err(problem(StatusCode::NOT_FOUND, "no such request"));
    }
    Ok(warp::reply::with_status(warp::reply::json(&serde_json::json!({ "ok": true })), StatusCode::OK).into_response())
}
