//! How a page for people (the touch screens, the inbox) is rendered: the common parts of its
//! context, and the redirect after a form.

use tera::Context;
use warp::Reply;
use warp::http::{StatusCode, Uri};

use crate::app::Shared;

/// Renders a kiosk page; `idle` pages return to the start after a while without a touch.
pub fn page(app: &Shared, name: &str, mut ctx: Context, idle: bool) -> warp::reply::Html<String> {
    // Website visitors (the suggestion inbox, and every page of a daemon that is only the
    // inbox) get no kiosk menu but a way back to the website's bulletin board.
    if !ctx.contains_key("web") {
        ctx.insert("web", &app.config.inbox_only);
    }
    if !ctx.contains_key("page_lang") {
        ctx.insert("page_lang", "sv");
    }
    if !ctx.contains_key("t") {
        ctx.insert("t", &app.words.table);
    }
    if !ctx.contains_key("board_url") {
        let board = app.catalog.site().map(|s| s.config.absolute("/anslagstavla/"));
        ctx.insert("board_url", &board.unwrap_or_default());
    }
    ctx.insert("cafe", &app.config.cafe_name);
    ctx.insert("idle", &if idle { app.config.idle_seconds } else { 0 });
    warp::reply::html(app.templates.render(name, &ctx))
}

/// A 303 redirect after a form, to a path of this site.
pub fn see_other(to: &str) -> warp::reply::Response {
    warp::redirect::see_other(to.parse::<Uri>().unwrap_or_else(|_| Uri::from_static("/"))).into_response()
}

/// A screen that says what went wrong (`error.html`), with its status; it returns to the start
/// by itself like every screen but the start.
pub fn error_page(app: &Shared, message: &str, status: StatusCode) -> warp::reply::Response {
    let mut ctx = Context::new();
    ctx.insert("message", message);
    let mut reply = page(app, "error.html", ctx, true).into_response();
    *reply.status_mut() = status;
    reply
}
