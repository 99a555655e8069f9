//! Which names the daemon answers to. A web page elsewhere could otherwise reach the kiosk on
//! 127.0.0.1 through a name of its own that resolves there (DNS rebinding) and read its pages
//! as same-origin; such a request carries that other name in `Host`, and is refused.

use std::net::SocketAddr;

use warp::http::Request;

use super::Shared;

/// The names a request's `Host` may have.
pub struct Allowed {
    names: Vec<String>,
    app: Shared,
}

impl Allowed {
    /// Loopback names, the listen address, the configured `allowed_hosts`, and (read per
    /// request, as the site may change) the host of the site's `suggest_url`.
    pub fn new(app: &Shared, listening: Option<SocketAddr>) -> Allowed {
        let mut names: Vec<String> = ["localhost", "127.0.0.1", "::1"].map(String::from).into();
        names.extend(listening.map(|a| a.ip().to_string()));
        names.extend(app.config.allowed_hosts.iter().map(|h| host_name(h)));
        Allowed {
            names,
            app: app.clone(),
        }
    }

    /// Whether the request names one of the allowed hosts (or none: an HTTP/1.0 client, which
    /// no browser is).
    pub fn allows<B>(&self, req: &Request<B>) -> bool {
        let named = req.uri().host().map(str::to_string).or_else(|| {
            req.headers()
                .get("host")
                .and_then(|h| h.to_str().ok())
                .map(str::to_string)
        });
        let Some(named) = named else { return true };
        let name = host_name(&named);
        if self.names.contains(&name) {
            return true;
        }
        let site = self.app.catalog.site();
        let inboxes = site
            .iter()
            .flat_map(|s| [s.config.suggest_url.clone(), s.config.booking_url.clone()]);
        inboxes.flatten().any(|url| host_name(authority(&url)) == name)
    }
}

/// `https://host:port/path` → `host:port`.
pub fn authority(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

/// A host without its port and brackets, in lower case: `[::1]:8080` → `::1`.
pub fn host_name(host: &str) -> String {
    let host = host.trim();
    let bare = if let Some(v6) = host.strip_prefix('[') {
        v6.split(']').next().unwrap_or(v6)
    } else if host.matches(':').count() == 1 {
        host.split(':').next().unwrap_or(host)
    } else {
        host
    };
    bare.trim_end_matches('.').to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_compared_without_port_brackets_or_case() {
        assert_eq!(host_name("LOCALHOST:8080"), "localhost");
        assert_eq!(host_name("[::1]:8080"), "::1");
        assert_eq!(host_name("::1"), "::1");
        assert_eq!(host_name("kiosk.lan."), "kiosk.lan");
        assert_eq!(
            authority("https://inkorg.example.se:8443/forslag"),
            "inkorg.example.se:8443"
        );
        assert_eq!(
            host_name(authority("https://inkorg.example.se/forslag")),
            "inkorg.example.se"
        );
    }
}
