//! The JSON API for staff tablets and tests (documented in docs/kiosk.md).

use serde::{Deserialize, Serialize};
use warp::http::StatusCode;
use warp::{Filter, Rejection, Reply};

use super::booking::{Cancelled, TOO_MANY_WRONG, book_session, cancel_by_code};
use super::errors::not_saved;
use super::{BODY_LIMIT, Shared, problem, with_app};
use crate::db::bookings::BookOutcome;
use crate::validate;

#[derive(Deserialize)]
struct CheckinBody {
    first_visit: Option<bool>,
}

#[derive(Deserialize)]
struct BookingBody {
    session: String,
    name: String,
    phone: Option<String>,
}

/// A session with its places taken, as the API lists it.
#[derive(Serialize)]
pub struct SessionView {
    id: String,
    activity: String,
    title: String,
    start: String,
    end: String,
    capacity: u32,
    booked: u32,
    waitlisted: u32,
    waitlist: bool,
}

/// The API's routes under `/api/`.
pub fn routes(app: Shared) -> impl Filter<Extract = (impl Reply,), Error = Rejection> + Clone {
    let checkin = warp::path!("api" / "checkins")
        .and(warp::post())
        .and(json_body())
        .and(with_app(app.clone()))
        .and_then(checkin);
    let sessions = warp::path!("api" / "sessions")
        .and(warp::get())
        .and(with_app(app.clone()))
        .and_then(sessions);
    let book = warp::path!("api" / "bookings")
        .and(warp::post())
        .and(json_body())
        .and(with_app(app.clone()))
        .and_then(book);
    let cancel = warp::path!("api" / "bookings" / String)
        .and(warp::delete())
        .and(super::client::visitor(app.clone()))
        .and(with_app(app.clone()))
        .and_then(cancel);
    let stats = warp::path!("api" / "stats")
        .and(warp::get())
        .and(warp::query::<StatsQuery>())
        .and(crate::web::staff::staff(app.clone()))
        .and(with_app(app))
        .and_then(stats);
    checkin.or(sessions).or(book).or(cancel).or(stats)
}

/// A JSON body, only when it says it is one: a page elsewhere can send a "simple" request with
/// any body but not with `Content-Type: application/json` without asking first (CORS), which
/// this daemon never allows.
fn json_body<T: serde::de::DeserializeOwned + Send>() -> impl Filter<Extract = (T,), Error = Rejection> + Clone {
    warp::header::optional::<String>("content-type")
        .and_then(|kind: Option<String>| async move {
            let json = kind.as_deref().is_some_and(|k| {
                k.split(';')
                    .next()
                    .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"))
            });
            if json {
                Ok(())
            } else {
                Err(problem(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "Skicka uppgifterna som JSON, med Content-Type: application/json.",
                ))
            }
        })
        .untuple_one()
        .and(warp::body::content_length_limit(BODY_LIMIT))
        .and(warp::body::json())
}

async fn checkin(body: CheckinBody, app: Shared) -> Result<impl Reply, Rejection> {
    let id = app
        .db
        .check_in(app.now().naive_local(), body.first_visit)
        .done()
        .await
        .map_err(not_saved)?;
    Ok(warp::reply::with_status(
        warp::reply::json(&serde_json::json!({ "id": id })),
        StatusCode::CREATED,
    ))
}

/// The bookable sessions with places taken.
pub fn session_views(app: &Shared) -> Result<Vec<SessionView>, Rejection> {
    let taken = app.db.taken().map_err(not_saved)?;
    Ok(app
        .catalog
        .bookable(app.now())
        .into_iter()
        .map(|s| {
            let t = taken.get(&s.id).copied().unwrap_or_default();
            SessionView {
                start: s.start.to_rfc3339(),
                end: s.end.to_rfc3339(),
                booked: t.booked,
                waitlisted: t.waitlisted,
                id: s.id,
                activity: s.activity,
                title: s.title,
                capacity: s.capacity,
                waitlist: s.waitlist,
            }
        })
        .collect())
}

async fn sessions(app: Shared) -> Result<impl Reply, Rejection> {
    let views = tokio::task::spawn_blocking(move || session_views(&app))
        .await
        .map_err(not_saved)??;
    Ok(warp::reply::json(&views))
}

async fn book(body: BookingBody, app: Shared) -> Result<warp::reply::Response, Rejection> {
    let outcome = book_session(app, body.session, body.name, body.phone).await?;
    let reply = match outcome {
        BookOutcome::Confirmed { code } => warp::reply::with_status(
            warp::reply::json(&serde_json::json!({ "code": code, "status": "confirmed" })),
            StatusCode::CREATED,
        ),
        BookOutcome::Waitlisted { code } => warp::reply::with_status(
            warp::reply::json(&serde_json::json!({ "code": code, "status": "waitlisted" })),
            StatusCode::CREATED,
        ),
        BookOutcome::Full => {
            return Err(problem(
                StatusCode::CONFLICT,
                "Det är fullt, och det finns ingen kö till det här tillfället.",
            ));
        }
        BookOutcome::AlreadyBooked => {
            return Err(problem(
                StatusCode::CONFLICT,
                "Det finns redan en bokning med det namnet till det här tillfället.",
            ));
        }
    };
    Ok(reply.into_response())
}

async fn cancel(code: String, visitor: Option<std::net::IpAddr>, app: Shared) -> Result<impl Reply, Rejection> {
    match cancel_by_code(&app, visitor, code).await {
        Cancelled::Yes => Ok(warp::reply::with_status(warp::reply(), StatusCode::NO_CONTENT)),
        Cancelled::NoSuchCode => Err(problem(StatusCode::NOT_FOUND, "Det finns ingen bokning med den koden.")),
        Cancelled::TooManyWrong => Err(problem(StatusCode::TOO_MANY_REQUESTS, TOO_MANY_WRONG)),
        Cancelled::Failed => Err(not_saved("the cancellation could not be saved")),
    }
}

/// A date range for statistics.
#[derive(Deserialize)]
pub struct StatsQuery {
    from: String,
    to: String,
}

async fn stats(q: StatsQuery, _staff: crate::web::staff::Staff, app: Shared) -> Result<impl Reply, Rejection> {
    let (from, to) =
        validate::period(&q.from, &q.to).map_err(|e| problem(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))?;
    let (by_day, by_hour) = tokio::task::spawn_blocking(move || {
        Ok::<_, crate::db::DbError>((app.db.checkins_by_day(from, to)?, app.db.checkins_by_hour(from, to)?))
    })
    .await
    .map_err(not_saved)?
    .map_err(not_saved)?;
    let total: i64 = by_day.iter().map(|d| d.visits).sum();
    let first: i64 = by_day.iter().map(|d| d.first_visits).sum();
    Ok(warp::reply::json(&serde_json::json!({
        "from": from.to_string(), "to": to.to_string(), "visits": total, "first_visits": first,
        "by_day": by_day, "by_hour": by_hour,
    })))
}
