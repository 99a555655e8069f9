//! The staff session of a request (the cookie), and the CSRF token every staff form carries.

use warp::http::StatusCode;
use warp::{Filter, Rejection};

use super::{Shared, problem, with_app};
use crate::auth;

/// A logged-in member of staff.
#[derive(Debug, Clone)]
pub struct Staff {
    /// The session's cookie token.
    pub token: String,
    /// The token forms must send back.
    pub csrf: String,
}

/// The staff session of the request, if any.
pub fn optional_staff(
    app: Shared,
) -> impl Filter<Extract = (Option<Staff>,), Error = std::convert::Infallible> + Clone {
    warp::cookie::optional::<String>(auth::COOKIE)
        .and(with_app(app))
        .map(|token: Option<String>, app: Shared| {
            let token = token?;
            app.db.session(&token, auth::now()).ok().flatten().map(|s| Staff {
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
    if !sent.is_empty() && auth::constant_time_eq(staff.csrf.as_bytes(), sent.as_bytes()) {
        Ok(())
    } else {
        Err(problem(
            StatusCode::FORBIDDEN,
            "Formuläret hade gått ut. Ladda om sidan och försök igen.",
        ))
    }
}
