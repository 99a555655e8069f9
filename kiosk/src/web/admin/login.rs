//! Logging in and out: the login form, the limits on wrong passwords and the session cookie.

use tera::Context;
use warp::Rejection;
use warp::http::StatusCode;

use super::{Form, Shared, blocking, field, page, see_other};
use crate::auth;
use crate::login as limits;
use crate::web::staff::{self, Staff};

fn login_form(app: &Shared, error: Option<&str>, status: StatusCode) -> warp::reply::Response {
    let mut ctx = Context::new();
    ctx.insert("has_password", &app.db.has_password().unwrap_or(true));
    ctx.insert("error", &error);
    page(app, "admin_login.html", ctx, None, status)
}

pub(super) async fn login_page(staff: Option<Staff>, app: Shared) -> Result<warp::reply::Response, Rejection> {
    if staff.is_some() {
        return Ok(see_other("/admin"));
    }
    Ok(login_form(&app, None, StatusCode::OK))
}

pub(super) async fn login(
    remote: Option<std::net::SocketAddr>,
    headers: warp::http::HeaderMap,
    form: Form,
    app: Shared,
) -> Result<warp::reply::Response, Rejection> {
    let client = crate::web::client::client(remote, &headers, &app.config.proxies());
    let staff_network = client.is_some_and(|a| app.config.staff_networks.iter().any(|n| n.contains(&a)));
    let network = client.map_or_else(|| "unknown".to_string(), |a| crate::web::client::network(a).to_string());
    let password = field(&form, "losenord").unwrap_or_default();
    if password.is_empty() {
        return Ok(login_form(
            &app,
            Some("Skriv lösenordet."),
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
    }
    // A browser where staff logged in before (its cookie signed with a key from the password).
    let sent = cookie(&headers, auth::DEVICE_COOKIE).map(str::to_string);
    let (db_app, net) = (app.clone(), network.clone());
    let reserved = blocking(move || {
        let now = auth::now();
        let known = match (db_app.db.device_key()?, sent) {
            (Some(key), Some(token)) => auth::device_known(&key, &token),
            _ => false,
        };
        db_app
            .db
            .reserve_login(&net, now, limits::WINDOW, limits::GLOBAL_WINDOW, |here, all, last| {
                limits::decide(here, all, last, staff_network, known, now)
            })
    })
    .await?;
    let reservation = match reserved {
        Ok(id) => id,
        Err(refusal) => {
            tracing::warn!(?refusal, "staff login refused: too many failed attempts");
            let minutes = match refusal {
                limits::Refusal::Network(m) | limits::Refusal::Everyone(m) => m,
            };
            let message = if minutes == 1 {
                "Det har varit för många felaktiga försök. Vänta en minut och försök sedan igen.".to_string()
            } else {
                format!("Det har varit för många felaktiga försök. Vänta {minutes} minuter och försök sedan igen.")
            };
            return Ok(login_form(&app, Some(&message), StatusCode::TOO_MANY_REQUESTS));
        }
    };
    let Some(_permit) = app.login_pool.enter().await else {
        let db_app = app.clone();
        blocking(move || db_app.db.cancel_login(reservation)).await?;
        tracing::warn!("staff login refused: the password checks are busy");
        return Ok(login_form(
            &app,
            Some("Många försöker logga in just nu. Vänta en liten stund och försök igen."),
            StatusCode::SERVICE_UNAVAILABLE,
        ));
    };
    let db_app = app.clone();
    let session = blocking(move || {
        if !db_app.db.verify_password(&password)? {
            return Ok(None);
        }
        db_app.db.release_login(reservation, &network)?;
        let device = db_app.db.device_key()?.map(|key| auth::device_token(&key));
        Ok(Some((db_app.db.start_session(auth::now())?, device)))
    })
    .await?;
    Ok(match session {
        None => {
            tracing::info!("staff login failed: wrong password");
            let message = format!(
                "Lösenordet stämmer inte. Kontrollera det och försök igen. Efter {} felaktiga försök får du vänta {} minuter.",
                limits::PER_NETWORK,
                limits::WINDOW / 60
            );
            login_form(&app, Some(&message), StatusCode::UNAUTHORIZED)
        }
        Some((session, device)) => {
            tracing::info!("staff logged in");
            let mut reply = see_other("/admin");
            let secure = app.config.inbox_only;
            let cookies = std::iter::once(auth::session_cookie(&session.token, secure))
                .chain(device.map(|token| auth::device_cookie(&token, secure)));
            for cookie in cookies {
                reply.headers_mut().append(
                    "set-cookie",
                    cookie
                        .parse()
                        .expect("a cookie of letters, digits and dots is a valid header"),
                );
            }
            reply
        }
    })
}

pub(super) async fn logout(staff: Staff, form: Form, app: Shared) -> Result<warp::reply::Response, Rejection> {
    staff::check_csrf(&staff, &field(&form, "csrf").unwrap_or_default())?;
    blocking(move || app.db.end_session(&staff.token)).await?;
    tracing::info!("staff logged out");
    let mut reply = see_other("/admin/login");
    reply
        .headers_mut()
        .append("set-cookie", auth::clear_cookie().parse().expect("a valid header"));
    Ok(reply)
}

/// The value of the cookie `name` the browser sent, if any.
fn cookie<'a>(headers: &'a warp::http::HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all("cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}
