//! Staff pages under `/admin`: log in with the password set by `omtanke-kiosk passwd`, see the
//! check-ins (today, this week, a chosen period) as tables and simple bar charts, see and manage
//! the bookings of each occurrence, and download CSV files.
//!
//! Every page but the login needs a staff session: a page asked for without one redirects to the
//! login, a form sent without one is refused (401). Every form carries the session's CSRF token
//! (403 without it). Forms post and redirect, nothing needs JavaScript, and the log records what
//! staff did but never names or phone numbers.

mod book_for;
mod bookings;
mod calls;
mod export;
mod login;
mod overview;
mod suggestions;
mod survey;

use std::collections::HashMap;

use tera::Context;
use warp::http::StatusCode;
use warp::{Filter, Rejection, Reply};

use super::{BODY_LIMIT, Shared, problem, with_app};
use crate::db::DbResult;
use crate::web::staff::{self, Staff};

type Form = Vec<(String, String)>;
type Query = HashMap<String, String>;

/// The staff pages' routes.
pub fn routes(app: Shared) -> impl Filter<Extract = (impl Reply,), Error = Rejection> + Clone {
    let form = || warp::body::content_length_limit(BODY_LIMIT).and(warp::body::form::<Form>());
    let login_page = warp::path!("admin" / "login")
        .and(warp::get())
        .and(staff::optional_staff(app.clone()))
        .and(with_app(app.clone()))
        .and_then(login::login_page);
    let login = warp::path!("admin" / "login")
        .and(warp::post())
        .and(crate::web::client::peer())
        .and(warp::header::headers_cloned())
        .and(form())
        .and(with_app(app.clone()))
        .and_then(login::login);
    let logout = warp::path!("admin" / "logout")
        .and(warp::post())
        .and(staff::staff(app.clone()))
        .and(form())
        .and(with_app(app.clone()))
        .and_then(login::logout);
    let overview = warp::path!("admin")
        .and(warp::get())
        .and(staff::optional_staff(app.clone()))
        .and(warp::query::<Query>())
        .and(with_app(app.clone()))
        .and_then(overview::overview);
    let bookings = warp::path!("admin" / "bokningar")
        .and(warp::get())
        .and(staff::optional_staff(app.clone()))
        .and(warp::query::<Query>())
        .and(with_app(app.clone()))
        .and_then(bookings::bookings);
    let attended = warp::path!("admin" / "bokningar" / i64 / "narvaro")
        .and(warp::post())
        .and(staff::staff(app.clone()))
        .and(form())
        .and(with_app(app.clone()))
        .and_then(bookings::attended);
    let cancel = warp::path!("admin" / "bokningar" / "avboka")
        .and(warp::post())
        .and(staff::staff(app.clone()))
        .and(form())
        .and(with_app(app.clone()))
        .and_then(bookings::cancel);
    // Booking and the calls list belong to the café's kiosk, where the places are counted; an
    // inbox on the internet (`inbox_only`) has neither.
    let at_kiosk = {
        let inbox = app.config.inbox_only;
        move || {
            warp::any()
                .and_then(move || async move { if inbox { Err(warp::reject::not_found()) } else { Ok(()) } })
                .untuple_one()
        }
    };
    let book_for_page = warp::path!("admin" / "bokningar" / "boka")
        .and(at_kiosk())
        .and(warp::get())
        .and(staff::optional_staff(app.clone()))
        .and(warp::query::<Query>())
        .and(with_app(app.clone()))
        .and_then(book_for::form_page);
    let book_for = warp::path!("admin" / "bokningar" / "boka")
        .and(at_kiosk())
        .and(warp::post())
        .and(staff::staff(app.clone()))
        .and(form())
        .and(with_app(app.clone()))
        .and_then(book_for::book);
    let receipt = warp::path!("admin" / "bokningar" / "kvitto" / String)
        .and(at_kiosk())
        .and(warp::get())
        .and(staff::optional_staff(app.clone()))
        .and(with_app(app.clone()))
        .and_then(book_for::receipt);
    let calls_page = warp::path!("admin" / "att-ringa")
        .and(at_kiosk())
        .and(warp::get())
        .and(staff::optional_staff(app.clone()))
        .and(warp::query::<Query>())
        .and(with_app(app.clone()))
        .and_then(calls::calls);
    let called = warp::path!("admin" / "att-ringa" / i64 / "ringd")
        .and(at_kiosk())
        .and(warp::post())
        .and(staff::staff(app.clone()))
        .and(form())
        .and(with_app(app.clone()))
        .and_then(calls::called);
    let suggestion_pages = suggestions::routes(app.clone());
    // Before the general exports, which would take its file name for one of theirs.
    let survey = survey::routes(app.clone());
    let export = warp::path!("admin" / "export" / String)
        .and(warp::get())
        .and(staff::optional_staff(app.clone()))
        .and(warp::query::<Query>())
        .and(with_app(app))
        .and_then(export::export);
    login_page
        .or(suggestion_pages)
        .unify()
        .or(login)
        .unify()
        .or(logout)
        .unify()
        .or(overview)
        .unify()
        .or(bookings)
        .unify()
        .or(attended)
        .unify()
        .or(cancel)
        .unify()
        .or(book_for_page)
        .unify()
        .or(book_for)
        .unify()
        .or(receipt)
        .unify()
        .or(calls_page)
        .unify()
        .or(called)
        .unify()
        .or(survey)
        .unify()
        .or(export)
        .unify()
}

// ---------------------------------------------------------------------------------------------
// Helpers

fn field(form: &[(String, String)], name: &str) -> Option<String> {
    form.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
}

/// A staff page: the common parts of its context (the café, the menu, the form token) and its
/// status. Error pages about staff routes use it too.
pub(super) fn page(
    app: &Shared,
    name: &str,
    ctx: Context,
    staff: Option<&Staff>,
    status: StatusCode,
) -> warp::reply::Response {
    crate::web::staff_page::render(app, name, ctx, staff.map(|s| s.csrf.as_str()), status)
}

/// A 303 to a path of this site. Written by hand rather than through `Uri`, which drops the
/// `#fragment` that brings staff back to the occurrence they were working on.
fn see_other(to: &str) -> warp::reply::Response {
    let to = if to.starts_with('/') && !to.starts_with("//") {
        to
    } else {
        "/admin"
    };
    let location = warp::http::HeaderValue::from_str(to).unwrap_or(warp::http::HeaderValue::from_static("/admin"));
    let mut reply = StatusCode::SEE_OTHER.into_response();
    reply.headers_mut().insert("location", location);
    reply
}

fn to_login() -> warp::reply::Response {
    see_other("/admin/login")
}

fn internal(e: impl std::fmt::Display) -> Rejection {
    tracing::error!(error = %e, "database error on a staff page");
    problem(
        StatusCode::INTERNAL_SERVER_ERROR,
        "Det gick inte att läsa eller spara uppgifterna. Försök igen.",
    )
}

/// Runs database work off the async threads.
async fn blocking<T: Send + 'static>(f: impl FnOnce() -> DbResult<T> + Send + 'static) -> Result<T, Rejection> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(internal)?
        .map_err(internal)
}
