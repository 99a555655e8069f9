//! Which site a form was sent from. Browsers say it in `Origin` and `Sec-Fetch-Site`; a form
//! another site's page sends on a visitor's behalf (to log a browser in, to book, to check in
//! a hundred times) is refused. A request with neither header (a script, curl) carries no
//! browser's cookies and is let through.

use warp::filters::path::FullPath;
use warp::http::{Method, StatusCode};
use warp::{Filter, Rejection};

use super::{Shared, problem, with_app};

/// The origin (`https://host:port`) of a URL such as the site's `base_url`.
pub fn of(url: &str) -> String {
    let Some((scheme, _)) = url.split_once("://") else {
        return String::new();
    };
    format!("{scheme}://{}", super::hosts::authority(url))
}

/// Whether a form with these headers came from this daemon's own pages, or from one of
/// `also` (origins such as the website's, whose form posts to the inbox).
pub fn allowed(origin: Option<&str>, fetch_site: Option<&str>, host: Option<&str>, also: &[String]) -> bool {
    match origin.filter(|o| *o != "null") {
        Some(o) => {
            let own = host.is_some_and(|h| {
                o.split_once("://")
                    .is_some_and(|(_, rest)| rest.eq_ignore_ascii_case(h))
            });
            own || also.iter().any(|a| a.eq_ignore_ascii_case(o))
        }
        // `Origin: null` (a privacy setting, a sandboxed page) or none: the fetch metadata
        // decides when there is some; `none` is the person's own action (a bookmark).
        None => match fetch_site {
            Some(site) => site == "same-origin" || site == "none",
            None => origin.is_none(),
        },
    }
}

/// Refuses with 403 any POST, PUT or DELETE sent from another site's page. The website's own
/// pages may post to the inbox (`/forslag`).
pub fn guard(app: Shared) -> impl Filter<Extract = (), Error = Rejection> + Clone {
    warp::method()
        .and(warp::path::full())
        .and(warp::header::optional::<String>("origin"))
        .and(warp::header::optional::<String>("sec-fetch-site"))
        .and(warp::header::optional::<String>("host"))
        .and(with_app(app))
        .and_then(
            |method: Method,
             path: FullPath,
             origin: Option<String>,
             site: Option<String>,
             host: Option<String>,
             app: Shared| async move {
                if matches!(method, Method::GET | Method::HEAD | Method::OPTIONS) {
                    return Ok(());
                }
                // The website's own forms post here: suggestions and booking requests from home.
                let also: Vec<String> = if path.as_str() == "/forslag" || path.as_str() == "/anmalan" {
                    app.catalog
                        .site()
                        .map(|s| vec![of(&s.config.base_url)])
                        .unwrap_or_default()
                } else {
                    vec![]
                };
                if allowed(origin.as_deref(), site.as_deref(), host.as_deref(), &also) {
                    return Ok(());
                }
                // Behind a proxy that does not pass `Host` on, every form lands here: say so.
                tracing::warn!(
                    ?origin,
                    ?site,
                    ?host,
                    path = path.as_str(),
                    "form refused: sent from another site"
                );
                let message = if path.as_str() == "/admin/login" {
                    "Logga in från personalsidan på den här datorn."
                } else {
                    "Formuläret kom från en annan webbplats och togs inte emot. Börja om från början."
                };
                Err(problem(StatusCode::FORBIDDEN, message))
            },
        )
        .untuple_one()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_pages_and_listed_sites_may_post() {
        let host = Some("127.0.0.1:8080");
        let site = vec!["https://omtanke.example.se".to_string()];
        assert!(allowed(Some("http://127.0.0.1:8080"), None, host, &[]));
        assert!(allowed(Some("null"), Some("same-origin"), host, &[]));
        assert!(allowed(None, Some("none"), host, &[]));
        assert!(allowed(None, None, host, &[]), "a script without a browser");
        assert!(allowed(
            Some("https://omtanke.example.se"),
            Some("cross-site"),
            host,
            &site
        ));
        assert!(!allowed(
            Some("https://angripare.example"),
            Some("cross-site"),
            host,
            &site
        ));
        assert!(!allowed(Some("https://angripare.example"), None, host, &[]));
        assert!(!allowed(Some("null"), Some("cross-site"), host, &[]));
        assert!(!allowed(Some("null"), None, host, &[]));
        assert!(!allowed(None, Some("same-site"), host, &[]));
        assert_eq!(
            of("https://omtanke.example.se/undermapp/"),
            "https://omtanke.example.se"
        );
        assert_eq!(of("http://127.0.0.1:1111"), "http://127.0.0.1:1111");
        assert_eq!(of("inte en adress"), "");
    }
}
