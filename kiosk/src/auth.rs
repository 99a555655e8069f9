//! Staff authentication: the session cookie (HttpOnly, SameSite=Strict), the CSRF token every
//! staff form carries, and throttling of logins after failures.

use warp::http::StatusCode;
use warp::{Filter, Rejection};

use crate::web::{Shared, problem, with_app};

/// The cookie that carries a staff session.
pub const COOKIE: &str = "omtanke_staff";

/// Failed logins allowed within [`THROTTLE_WINDOW`] before logins are refused for a while.
pub const MAX_FAILURES: i64 = 5;

/// Seconds over which failures count.
pub const THROTTLE_WINDOW: i64 = 15 * 60;

/// A logged-in member of staff.
#[derive(Debug, Clone)]
pub struct Staff {
    /// The session's cookie token.
    pub token: String,
    /// The token forms must send back.
    pub csrf: String,
}

/// Unix seconds now.
pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// The staff session of the request, if any.
pub fn optional_staff(
    app: Shared,
) -> impl Filter<Extract = (Option<Staff>,), Error = std::convert::Infallible> + Clone {
    warp::cookie::optional::<String>(COOKIE)
        .and(with_app(app))
        .map(|token: Option<String>, app: Shared| {
            let token = token?;
            app.db.session(&token, now()).ok().flatten().map(|s| Staff {
                token: s.token,
                csrf: s.csrf,
            })
        })
}

/// Requires a staff session; refuses with 401 otherwise.
pub fn staff(app: Shared) -> impl Filter<Extract = (Staff,), Error = Rejection> + Clone {
    optional_staff(app).and_then(|s: Option<Staff>| async move {
        s.ok_or_else(|| problem(StatusCode::UNAUTHORIZED, "Logga in som personal först."))
    })
}

/// Checks the CSRF token a staff form sent.
pub fn check_csrf(staff: &Staff, sent: &str) -> Result<(), Rejection> {
    if !sent.is_empty() && constant_time_eq(staff.csrf.as_bytes(), sent.as_bytes()) {
        Ok(())
    } else {
        Err(problem(
            StatusCode::FORBIDDEN,
            "Formuläret hade gått ut. Ladda om sidan och försök igen.",
        ))
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Failed logins from anywhere within [`THROTTLE_WINDOW`] before logins are refused for
/// everyone: a guess from many networks at once.
pub const MAX_FAILURES_ALL: i64 = 50;

/// Whether a login from `network` may be tried now, given recent failures: from that network,
/// and from all together.
pub fn login_allowed(app: &Shared, network: &str) -> bool {
    app.db
        .failures_since(now() - THROTTLE_WINDOW, network)
        .map(|(here, all)| here < MAX_FAILURES && all < MAX_FAILURES_ALL)
        .unwrap_or(false)
}

/// The `Set-Cookie` value that starts a session. `secure` (a daemon reached over the internet,
/// through https) keeps the browser from ever sending it unencrypted.
pub fn session_cookie(token: &str, secure: bool) -> String {
    format!(
        "{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{}",
        crate::db::staff::SESSION_SECONDS,
        if secure { "; Secure" } else { "" }
    )
}

/// The `Set-Cookie` value that ends it.
pub fn clear_cookie() -> String {
    format!("{COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0")
}
