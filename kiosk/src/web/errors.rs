//! How a refused or failed request is answered: the JSON API with `{"error": "…"}`, people
//! with a page in Swedish (a staff page for `/admin`, a kiosk page otherwise), never raw JSON.

use std::convert::Infallible;

use tera::Context;
use warp::http::StatusCode;
use warp::{Rejection, Reply};

use super::Shared;

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

/// The message of an error reply, kept beside its JSON so that [`for_people`] can say it on a
/// page instead.
#[derive(Clone)]
struct Said(String);

/// A database failure while saving, for the touch screens' actions and the JSON API: logged,
/// and said to the visitor in plain Swedish.
pub fn not_saved(e: impl std::fmt::Display) -> Rejection {
    tracing::error!(error = %e, "database error");
    problem(
        StatusCode::INTERNAL_SERVER_ERROR,
        "Det gick inte att spara. Försök igen, eller fråga personalen.",
    )
}

/// Turns every rejection into a JSON error with its status.
pub async fn recover(err: Rejection) -> Result<warp::reply::Response, Infallible> {
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
            "Skicka uppgifterna som JSON (Content-Type: application/json) eller som ett formulär.".to_string(),
        )
    } else {
        tracing::warn!(?err, "unhandled rejection");
        (StatusCode::BAD_REQUEST, "Något blev fel med frågan.".to_string())
    };
    let body = warp::reply::json(&serde_json::json!({ "error": message }));
    let mut reply = warp::reply::with_status(body, status).into_response();
    reply.extensions_mut().insert(Said(message));
    Ok(reply)
}

/// An error reply to a person's request becomes a page; the API and `/health` keep JSON.
pub fn for_people(app: &Shared, path: &str, reply: warp::reply::Response) -> warp::reply::Response {
    let machine = path.starts_with("/api/") || path == "/health";
    let Some(Said(message)) = reply.extensions().get::<Said>().cloned() else {
        return reply;
    };
    if machine {
        return reply;
    }
    let status = reply.status();
    let mut page = if path == "/admin" || path.starts_with("/admin/") {
        let mut ctx = Context::new();
        ctx.insert("message", &message);
        let to_login = matches!(status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN);
        ctx.insert("next_href", if to_login { "/admin/login" } else { "/admin" });
        ctx.insert(
            "next_text",
            if to_login {
                "Till inloggningen"
            } else {
                "Till personalens start"
            },
        );
        super::staff_page::render(app, "admin_error.html", ctx, None, status)
    } else {
        let mut ctx = Context::new();
        ctx.insert("message", &message);
        super::screen::page(app, "error.html", ctx, !app.config.inbox_only).into_response()
    };
    *page.status_mut() = status;
    page
}
