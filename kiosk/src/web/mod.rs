//! The HTTP side: routes, limits, security headers and error replies.

pub mod admin;
pub mod api;
pub mod assets;
pub mod booking;
pub mod client;
pub mod errors;
pub mod home_booking;
pub mod hosts;
pub mod kiosk;
pub mod origin;
pub mod screen;
pub mod server;
pub mod staff;
pub mod staff_page;
pub mod suggest;
pub mod survey;

use std::convert::Infallible;

pub use crate::app::Shared;
pub use errors::{Problem, problem};
use warp::filters::BoxedFilter;
use warp::http::{HeaderMap, HeaderValue, StatusCode};
use warp::{Filter, Rejection, Reply};

/// The largest request body accepted; forms and JSON here are a few hundred bytes.
pub const BODY_LIMIT: u64 = 16 * 1024;

/// Passes the app to a handler.
pub fn with_app(app: Shared) -> impl Filter<Extract = (Shared,), Error = Infallible> + Clone {
    warp::any().map(move || app.clone())
}

/// Every route of the daemon.
pub fn routes(app: Shared) -> impl Filter<Extract = (warp::reply::Response,), Error = Infallible> + Clone {
    let health = warp::path!("health")
        .and(warp::get())
        .and(with_app(app.clone()))
        .then(|app: Shared| async move {
            let ok = app.database_answers().await;
            let status = if ok {
                StatusCode::OK
            } else {
                StatusCode::SERVICE_UNAVAILABLE
            };
            warp::reply::with_status(
                warp::reply::json(&serde_json::json!({ "status": if ok { "ok" } else { "database unavailable" } })),
                status,
            )
        });
    // What a daemon serves depends on its role: one that is only the website's inbox
    // (`inbox_only`) has no touch screens and no booking API at all, so not even their errors.
    let mut served = boxed(health)
        .or(boxed(admin::routes(app.clone())))
        .unify()
        .or(boxed(suggest::inbox_routes(app.clone())))
        .unify()
        .or(boxed(kiosk::privacy_route(app.clone())))
        .unify()
        .or(boxed(home_booking::routes(app.clone())))
        .unify()
        .boxed();
    if !app.config.inbox_only {
        served = served
            .or(boxed(api::routes(app.clone())))
            .unify()
            .or(boxed(suggest::kiosk_routes(app.clone())))
            .unify()
            .or(boxed(kiosk::routes(app.clone())))
            .unify()
            .or(boxed(survey::routes(app.clone())))
            .unify()
            .boxed();
    }
    let served = origin::guard(app.clone())
        .and(served.or(boxed(assets::routes())).unify())
        .recover(errors::recover)
        .unify();
    warp::path::full().and(served).and(with_app(app)).map(
        |path: warp::path::FullPath, reply: warp::reply::Response, app: Shared| {
            let mut reply = errors::for_people(&app, path.as_str(), reply);
            security_headers(&app, reply.headers_mut());
            reply
        },
    )
}

/// A group of routes as one type, so that the daemon's roles can serve different groups.
fn boxed<R: Reply + 'static>(
    f: impl Filter<Extract = (R,), Error = Rejection> + Clone + Send + Sync + 'static,
) -> BoxedFilter<(warp::reply::Response,)> {
    f.map(Reply::into_response).boxed()
}

/// The headers on every answer. Forms may post (and be redirected) to this daemon and to the
/// website itself: the inbox's error page sends a corrected suggestion here, and a good one is
/// redirected to the site's thank-you page, which `form-action` also governs.
fn security_headers(app: &Shared, h: &mut HeaderMap) {
    let site = app
        .catalog
        .site()
        .map(|s| origin::of(&s.config.base_url))
        .unwrap_or_default();
    let csp = format!(
        "default-src 'self'; frame-ancestors 'none'; form-action 'self'{}{site}; base-uri 'none'",
        if site.is_empty() { "" } else { " " }
    );
    if let Ok(v) = HeaderValue::from_str(&csp) {
        h.insert("content-security-policy", v);
    }
    let mut set = |k: &'static str, v: &'static str| {
        h.insert(k, HeaderValue::from_static(v));
    };
    set("x-content-type-options", "nosniff");
    // The page's own forms must carry its origin (a `no-referrer` policy makes browsers send
    // `Origin: null` with every POST); other sites learn nothing.
    set("referrer-policy", "same-origin");
    set("x-frame-options", "DENY");
    set("cache-control", "no-store");
}
