//! Booking for someone who is not at the screen: staff book for a caller ("Boka åt någon") with
//! the same rules and in the same transaction as a booking at the kiosk, then print a receipt
//! (A6, large type) with the address, the directions and the cancel code.

use tera::Context;
use warp::Rejection;
use warp::http::StatusCode;

use super::{Form, Query, Shared, blocking, field, page, problem, see_other, to_login};
use crate::db::bookings::{BookOutcome, display_code, normalize_code};
use crate::web::booking::book_session;
use crate::web::staff::{self, Staff};

/// The form: one meeting, a first name and a phone number.
pub(super) async fn form_page(staff: Option<Staff>, q: Query, app: Shared) -> Result<warp::reply::Response, Rejection> {
    let Some(staff) = staff else { return Ok(to_login()) };
    let session = q.get("tillfalle").cloned().unwrap_or_default();
    Ok(render_form(&app, &staff, &session, "", "", None, StatusCode::OK))
}

fn render_form(
    app: &Shared,
    staff: &Staff,
    session: &str,
    name: &str,
    phone: &str,
    error: Option<(&str, &str)>,
    status: StatusCode,
) -> warp::reply::Response {
    let found = app.catalog.find(session, app.now());
    let mut ctx = Context::new();
    ctx.insert("found", &found.is_some());
    ctx.insert("session", session);
    ctx.insert(
        "what",
        &found.as_ref().map(|s| {
            format!(
                "{}, {} kl. {}–{}",
                s.title,
                app.words.long_date(s.start.date_naive()),
                s.start.format("%H.%M"),
                s.end.format("%H.%M")
            )
        }),
    );
    ctx.insert("name", name);
    ctx.insert("phone", phone);
    // Which field is wrong (namn or telefon) and what to do: in the summary and at the field.
    ctx.insert("error_field", &error.map(|e| e.0));
    ctx.insert("error", &error.map(|e| e.1));
    for id in ["namn", "telefon"] {
        ctx.insert(format!("{id}_error"), &error.filter(|e| e.0 == id).map(|e| e.1));
    }
    ctx.insert("section", "bookings");
    page(app, "admin_book_for.html", ctx, Some(staff), status)
}

/// Books, or shows the form again with what to correct.
pub(super) async fn book(staff: Staff, form: Form, app: Shared) -> Result<warp::reply::Response, Rejection> {
    staff::check_csrf(&staff, &field(&form, "csrf").unwrap_or_default())?;
    let session = field(&form, "tillfalle").unwrap_or_default();
    let name = field(&form, "namn").unwrap_or_default();
    let phone = field(&form, "telefon").unwrap_or_default();
    let again = |field: &'static str, message: &str| {
        render_form(
            &app,
            &staff,
            &session,
            &name,
            &phone,
            Some((field, message)),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
    };
    if let Err(m) = crate::validate::name(&name) {
        return Ok(again("namn", &m));
    }
    if let Err(m) = crate::validate::phone(Some(&phone)) {
        return Ok(again("telefon", &m));
    }
    let outcome = book_session(app.clone(), session.clone(), name.clone(), Some(phone.clone())).await;
    match outcome {
        Ok(BookOutcome::Confirmed { code } | BookOutcome::Waitlisted { code }) => {
            tracing::info!("staff booked for someone");
            Ok(see_other(&format!("/admin/bokningar/kvitto/{code}")))
        }
        Ok(BookOutcome::Full) => Ok(again(
            "namn",
            "Det är fullt, och det finns ingen kö. Boka ett annat tillfälle.",
        )),
        Ok(BookOutcome::AlreadyBooked) => Ok(again(
            "namn",
            "Det finns redan en bokning med det namnet. Skriv till exempel första bokstaven i efternamnet också.",
        )),
        Err(r) => match r.find::<crate::web::Problem>() {
            Some(p) if p.status == StatusCode::UNPROCESSABLE_ENTITY => Ok(again("namn", &p.message)),
            _ => Err(r),
        },
    }
}

/// The receipt of a booking, for the person it is for: what, when, where and how to get there,
/// and how to cancel. Staff print it or read it out on the phone.
pub(super) async fn receipt(
    code: String,
    staff: Option<Staff>,
    app: Shared,
) -> Result<warp::reply::Response, Rejection> {
    let Some(staff) = staff else { return Ok(to_login()) };
    let code = normalize_code(&code);
    let db_app = app.clone();
    let lookup = code.clone();
    let found = blocking(move || {
        let Some((session, status)) = db_app.db.booking_by_code(&lookup)? else {
            return Ok(None);
        };
        let name = db_app
            .db
            .bookings_of(&session)?
            .into_iter()
            .find(|b| normalize_code(&b.code) == lookup)
            .and_then(|b| b.name);
        Ok(Some((session, status, name)))
    })
    .await?;
    let Some((session, status, name)) = found else {
        return Err(problem(StatusCode::NOT_FOUND, "Det finns ingen bokning med den koden."));
    };
    let meeting = app.catalog.find(&session, app.now());
    let mut ctx = Context::new();
    ctx.insert("code", &display_code(&code));
    ctx.insert("name", &name);
    ctx.insert("status", &status);
    ctx.insert("found", &meeting.is_some());
    if let Some(s) = &meeting {
        ctx.insert("title", &s.title);
        ctx.insert("date", &app.words.long_date(s.start.date_naive()));
        ctx.insert(
            "time",
            &format!("{}–{}", s.start.format("%H.%M"), s.end.format("%H.%M")),
        );
        ctx.insert("place", &s.place);
        ctx.insert("address", &s.address);
        ctx.insert("directions", &s.directions);
    }
    ctx.insert("cafe_phone", &app.config.cafe_phone);
    ctx.insert("section", "bookings");
    Ok(page(&app, "admin_receipt.html", ctx, Some(&staff), StatusCode::OK))
}
