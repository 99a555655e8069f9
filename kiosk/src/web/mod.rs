//! The HTTP side: routes, limits, security headers and error replies.

pub mod admin;
pub mod api;
pub mod assets;
pub mod client;
pub mod kiosk;
pub mod suggest;
pub mod survey;
pub mod templates;

use std::convert::Infallible;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use warp::filters::BoxedFilter;
use warp::http::{HeaderMap, HeaderValue, StatusCode};
use warp::{Filter, Rejection, Reply};

use crate::config::Config;
use crate::db::Db;
use crate::sessions::Catalog;

/// The largest request body accepted; forms and JSON here are a few hundred bytes.
pub const BODY_LIMIT: u64 = 16 * 1024;

/// Everything a request can reach.
pub struct App {
    /// The database.
    pub db: Db,
    /// The bookable activities.
    pub catalog: Catalog,
    /// The configuration.
    pub config: Config,
    /// The page templates.
    pub templates: templates::Templates,
    /// Swedish words for dates, from the website's theme, so both say dates the same way.
    pub words: omtanke::render::i18n::Lang,
    /// The theme's interface text in every language, for the website's visitors at the inbox.
    pub site_words: omtanke::render::templates::Words,
    /// How many suggestions each address has sent from the website lately.
    pub inbox_limiter: suggest::Limiter,
    /// The optional survey: its items, and the forms stored lately (so a double tap stores once).
    pub survey: survey::Survey,
}

impl App {
    /// The current time in the site's time zone.
    pub fn now(&self) -> DateTime<Tz> {
        Utc::now().with_timezone(&self.catalog.timezone())
    }
}

/// Shared app for filters.
pub type Shared = Arc<App>;

/// Passes the app to a handler.
pub fn with_app(app: Shared) -> impl Filter<Extract = (Shared,), Error = Infallible> + Clone {
    warp::any().map(move || app.clone())
}

/// Every route of the daemon.
pub fn routes(app: Shared) -> impl Filter<Extract = (impl Reply,), Error = Infallible> + Clone {
    let health = warp::path!("health")
        .and(warp::get())
        .and(with_app(app.clone()))
        .map(|app: Shared| {
            let ok = app.db.quick_check().is_ok_and(|r| r == "ok");
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
    served
        .or(boxed(assets::routes()))
        .unify()
        .recover(recover)
        .with(warp::reply::with::headers(security_headers()))
}

/// A group of routes as one type, so that the daemon's roles can serve different groups.
fn boxed<R: Reply + 'static>(
    f: impl Filter<Extract = (R,), Error = Rejection> + Clone + Send + Sync + 'static,
) -> BoxedFilter<(warp::reply::Response,)> {
    f.map(Reply::into_response).boxed()
}

fn security_headers() -> HeaderMap {
    let mut h = HeaderMap::new();
    let mut set = |k: &'static str, v: &'static str| {
        h.insert(k, HeaderValue::from_static(v));
    };
    set(
        "content-security-policy",
        "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    );
    set("x-content-type-options", "nosniff");
    set("referrer-policy", "no-referrer");
    set("x-frame-options", "DENY");
    set("cache-control", "no-store");
    h
}

/// A rejection carrying a Swedish message for the visitor, with its status.
#[derive(Debug)]
pub struct Problem {
    /// HTTP status.
    pub status: StatusCode,
    /// What went wrong, in Swedish.
    pub message: String,
}

impl warp::reject::Reject for Problem {}

/// Rejects with a status and a message.
pub fn problem(status: StatusCode, message: impl Into<String>) -> Rejection {
    warp::reject::custom(Problem {
        status,
        message: message.into(),
    })
}

async fn recover(err: Rejection) -> Result<warp::reply::Response, Infallible> {
    let (status, message) = if let Some(p) = err.find::<Problem>() {
        (p.status, p.message.clone())
    } else if err.find::<warp::reject::PayloadTooLarge>().is_some() {
        (
            StatusCode::PAYLOAD_TOO_LARGE,
            "Det som skickades är för stort.".to_string(),
        )
    } else if err.is_not_found() {
        (StatusCode::NOT_FOUND, "Sidan finns inte.".to_string())
    } else if err.find::<warp::reject::MethodNotAllowed>().is_some() {
        (
            StatusCode::METHOD_NOT_ALLOWED,
            "Det går inte att göra så här.".to_string(),
        )
    } else if let Some(e) = err.find::<warp::filters::body::BodyDeserializeError>() {
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("Uppgifterna kunde inte läsas: {e}"),
        )
    } else if err.find::<warp::reject::UnsupportedMediaType>().is_some() {
        (
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Skicka uppgifterna som JSON eller som ett formulär.".to_string(),
        )
    } else {
        tracing::warn!(?err, "unhandled rejection");
        (StatusCode::BAD_REQUEST, "Något blev fel med frågan.".to_string())
    };
    let body = warp::reply::json(&serde_json::json!({ "error": message }));
    Ok(warp::reply::with_status(body, status).into_response())
}
