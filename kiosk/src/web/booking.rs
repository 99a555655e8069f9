//! Booking and cancelling, as the touch screens and the JSON API both do them: checking what was
//! typed, finding the meeting, and counting wrong cancel codes per network.

use std::net::IpAddr;
use std::time::Instant;

use warp::Rejection;
use warp::http::StatusCode;

use super::errors::{not_saved, problem};
use crate::app::Shared;
use crate::db::bookings::{BookOutcome, BookingRequest};
use crate::validate;

/// Books a place for a validated request, as both the API and the kiosk form do.
pub async fn book_session(
    app: Shared,
    session: String,
    name: String,
    phone: Option<String>,
) -> Result<BookOutcome, Rejection> {
    book_for_request(app, session, name, phone, None).await
}

/// Books a place, answering a home-booking request (`request`) when one is given: the same
/// checks, the same transaction, and at most one booking per request.
pub async fn book_for_request(
    app: Shared,
    session: String,
    name: String,
    phone: Option<String>,
    request: Option<String>,
) -> Result<BookOutcome, Rejection> {
    let name = validate::name(&name).map_err(|m| problem(StatusCode::UNPROCESSABLE_ENTITY, m))?;
    let phone = validate::phone(phone.as_deref()).map_err(|m| problem(StatusCode::UNPROCESSABLE_ENTITY, m))?;
    let Some(s) = app.catalog.find(&session, app.now()) else {
        return Err(problem(
            StatusCode::UNPROCESSABLE_ENTITY,
            "Det tillfället går inte att boka. Välj ett annat i listan.",
        ));
    };
    let starts_at = s.start.to_rfc3339();
    let outcome = app
        .db
        .book(&BookingRequest {
            session: &s.id,
            activity: &s.activity,
            starts_at: &starts_at,
            capacity: s.capacity,
            waitlist: s.waitlist,
            name: &name,
            phone: phone.as_deref(),
            request: request.as_deref(),
        })
        .done()
        .await
        .map_err(not_saved)?;
    if let (Some(phone), BookOutcome::Confirmed { code } | BookOutcome::Waitlisted { code }) = (&phone, &outcome) {
        let waitlisted = matches!(outcome, BookOutcome::Waitlisted { .. });
        let (app, code, phone, activity, start) =
            (app.clone(), code.clone(), phone.clone(), s.activity.clone(), s.start);
        // A database write: off the async threads.
        tokio::task::spawn_blocking(move || {
            crate::sms::queue_confirmation(&app, &code, waitlisted, &activity, start, &phone);
        });
    }
    Ok(outcome)
}

/// What a network that typed too many wrong codes is told.
pub const TOO_MANY_WRONG: &str =
    "Det har skrivits fel kod för många gånger. Vänta en stund, eller be personalen att avboka åt dig.";

/// What cancelling by a code came to.
pub enum Cancelled {
    /// The booking is cancelled.
    Yes,
    /// No active booking has that code.
    NoSuchCode,
    /// This network typed too many wrong codes lately; the code was not tried.
    TooManyWrong,
    /// The database failed.
    Failed,
}

/// Cancels by a code typed at the screen or sent to the API, counting wrong codes per network.
pub async fn cancel_by_code(app: &Shared, visitor: Option<IpAddr>, code: String) -> Cancelled {
    let db_app = app.clone();
    let tried = try_code(app, visitor, move || {
        db_app.db.cancel(&code).map(|found| found.then_some(()))
    })
    .await;
    match tried {
        Tried::Found(()) => Cancelled::Yes,
        Tried::Missing => Cancelled::NoSuchCode,
        Tried::Limited => Cancelled::TooManyWrong,
        Tried::Failed => Cancelled::Failed,
    }
}

/// What trying a code came to.
pub enum Tried<T> {
    /// The code is a booking's.
    Found(T),
    /// No booking has it.
    Missing,
    /// This network typed too many wrong codes lately; the code was not tried.
    Limited,
    /// The database failed.
    Failed,
}

/// Tries a typed code with `lookup`, counting it against `visitor`'s network first: requests
/// sent together are then all counted before any is tried. A right code is given back, so only
/// wrong ones use up the allowance.
pub async fn try_code<T: Send + 'static>(
    app: &Shared,
    visitor: Option<IpAddr>,
    lookup: impl FnOnce() -> crate::db::DbResult<Option<T>> + Send + 'static,
) -> Tried<T> {
    let now = Instant::now();
    if visitor.is_some_and(|v| !app.code_limiter.allow(v, now)) {
        tracing::warn!("code refused: too many wrong codes from one network");
        return Tried::Limited;
    }
    let found = tokio::task::spawn_blocking(lookup).await;
    if !matches!(found, Ok(Ok(None)))
        && let Some(v) = visitor
    {
        app.code_limiter.refund(v, now);
    }
    match found {
        Ok(Ok(Some(t))) => Tried::Found(t),
        Ok(Ok(None)) => Tried::Missing,
        _ => Tried::Failed,
    }
}
