//! Understanding where a link points: a page of this site (with an optional `#anchor`), another
//! site, or something a browser hands to another program (`mailto:`, `tel:`).

/// Where a link or image points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dest {
    /// A path of this site, absolute and decoded (`/stod/tips/`), with the `#anchor` if any.
    Internal {
        /// The site path.
        path: String,
        /// The anchor, decoded, without `#`.
        fragment: Option<String>,
    },
    /// An `http(s)` address elsewhere.
    External(String),
    /// `mailto:`, `tel:` and other schemes, which are not checked.
    Other,
    /// `[text]()`: a link without an address.
    Empty,
}

/// Classifies `dest` as written on the page at site path `page` (`/stod/tips/`). Absolute links
/// to the site's own `base_url` count as internal.
pub fn classify(dest: &str, page: &str, base_url: &str) -> Dest {
    let dest = dest.trim();
    if dest.is_empty() {
        return Dest::Empty;
    }
    let lower = dest.to_ascii_lowercase();
    let base = base_url.trim_end_matches('/');
    let own = (!base.is_empty())
        .then(|| dest.get(..base.len()).filter(|b| b.eq_ignore_ascii_case(base)))
        .flatten()
        .map(|_| &dest[base.len()..])
        .filter(|rest| rest.is_empty() || rest.starts_with(['/', '#', '?']));
    let (path, fragment) = if let Some(rest) = own {
        let rest = if rest.starts_with('/') {
            rest.to_string()
        } else {
            format!("/{rest}")
        };
        split_fragment(&rest)
    } else if lower.starts_with("http://") || lower.starts_with("https://") {
        return Dest::External(dest.to_string());
    } else if dest.starts_with("//") {
        return Dest::External(format!("https:{dest}"));
    } else if has_scheme(dest) {
        return Dest::Other;
    } else {
        split_fragment(dest)
    };
    let path = if path.is_empty() {
        page.to_string()
    } else if path.starts_with('/') {
        normalize(&path)
    } else {
        let dir = &page[..page.rfind('/').map_or(0, |i| i + 1)];
        normalize(&format!("{dir}{path}"))
    };
    // On a site under a sub-path a link may be written as it is published
    // (`/undermapp/kalender/`) or as a site path (`/kalender/`); both lead to the same page.
    let base_path = crate::render::links::base_path(base_url);
    let path = match path.strip_prefix(base_path.as_str()) {
        Some("") if !base_path.is_empty() => "/".to_string(),
        Some(rest) if !base_path.is_empty() && rest.starts_with('/') => rest.to_string(),
        _ => path,
    };
    Dest::Internal {
        path: decode(&path),
        fragment: fragment.map(|f| decode(&f)),
    }
}

/// Splits `path?query#fragment` into the path and the fragment; the query does not matter for
/// a static site.
fn split_fragment(s: &str) -> (String, Option<String>) {
    let (rest, fragment) = match s.split_once('#') {
        Some((p, f)) => (p, Some(f.to_string())),
        None => (s, None),
    };
    let path = rest.split_once('?').map_or(rest, |(p, _)| p);
    (path.to_string(), fragment.filter(|f| !f.is_empty()))
}

/// Whether `s` starts with a URL scheme (`mailto:`, `tel:`, `ftp:`), as RFC 3986 spells one.
fn has_scheme(s: &str) -> bool {
    match s.find(':') {
        Some(i) => {
            let scheme = &s[..i];
            !scheme.is_empty()
                && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }
        None => false,
    }
}

/// Resolves `.` and `..` segments; `..` above the root stays at the root, as in a browser.
fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = vec![];
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let last = segments.len().saturating_sub(1);
    for (i, seg) in segments.iter().enumerate() {
        match *seg {
            "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
        // A path ending in `.` or `..` names a folder.
        if i == last && (*seg == "." || *seg == "..") {
            parts.push("");
        }
    }
    format!("/{}", parts.join("/"))
}

/// Decodes `%C3%A5` escapes; a malformed escape is kept as written.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn internal(path: &str, fragment: Option<&str>) -> Dest {
        Dest::Internal {
            path: path.into(),
            fragment: fragment.map(String::from),
        }
    }

    #[test]
    fn kinds_of_links() {
        let c = |d: &str| classify(d, "/stod/tips/", "https://omtanke.example.se/");
        assert_eq!(c("/stod/"), internal("/stod/", None));
        assert_eq!(c("/stod/tips/#rad"), internal("/stod/tips/", Some("rad")));
        assert_eq!(c("#r%C3%A5d"), internal("/stod/tips/", Some("råd")));
        assert_eq!(c("../anhoriga/?x=1"), internal("/stod/anhoriga/", None));
        assert_eq!(c("bild.jpg"), internal("/stod/tips/bild.jpg", None));
        assert_eq!(c(".."), internal("/stod/", None));
        assert_eq!(c("https://omtanke.example.se/om/#a"), internal("/om/", Some("a")));
        assert_eq!(c("https://omtanke.example.se"), internal("/", None));
        assert_eq!(
            c("https://omtanke.example.se.evil/"),
            Dest::External("https://omtanke.example.se.evil/".into())
        );
        assert_eq!(
            c("HTTPS://example.com/x"),
            Dest::External("HTTPS://example.com/x".into())
        );
        assert_eq!(c("//example.com/"), Dest::External("https://example.com/".into()));
        assert_eq!(c("mailto:a@b.se"), Dest::Other);
        assert_eq!(c("tel:+4642"), Dest::Other);
        assert_eq!(c(" "), Dest::Empty);
    }

    #[test]
    fn a_site_under_a_sub_path_takes_links_in_both_forms() {
        let c = |d: &str| classify(d, "/stod/tips/", "https://example.org/undermapp");
        assert_eq!(c("/kalender/"), internal("/kalender/", None));
        assert_eq!(c("/undermapp/kalender/#idag"), internal("/kalender/", Some("idag")));
        assert_eq!(c("/undermapp"), internal("/", None));
        assert_eq!(c("https://example.org/undermapp/om/"), internal("/om/", None));
        assert_eq!(c("/undermappar/"), internal("/undermappar/", None));
    }
}
