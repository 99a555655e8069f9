//! Renders a staff page (`/admin/…`) with what every one of them needs: the café's name, whether
//! someone is logged in (the menu), the form token, and the menu's current section. The staff
//! routes and the error handler both use it; it needs nothing of the web layer but the app, so
//! the error handler does not have to reach into the staff routes.

use tera::Context;
use warp::Reply;
use warp::http::StatusCode;

use super::Shared;

/// The page `name` with `ctx`; `csrf` is the logged-in staff session's form token, if any.
pub fn render(
    app: &Shared,
    name: &str,
    mut ctx: Context,
    csrf: Option<&str>,
    status: StatusCode,
) -> warp::reply::Response {
    ctx.insert("cafe", &app.config.cafe_name);
    // Staff pages never return to the kiosk's start by themselves.
    ctx.insert("idle", &0);
    ctx.insert("logged_in", &csrf.is_some());
    ctx.insert("inbox", &app.config.inbox_only);
    ctx.insert("csrf", csrf.unwrap_or(""));
    // admin_bookings.html → bookings, for the menu's current page, unless the page says.
    if !ctx.contains_key("section") {
        ctx.insert("section", name.trim_start_matches("admin_").trim_end_matches(".html"));
    }
    let mut reply = warp::reply::html(app.templates.render(name, &ctx)).into_response();
    *reply.status_mut() = status;
    reply
}
