//! Pointing a translation's links at its own pages: a link to `/kalender/` on an English page
//! goes to `/en/kalender/` when that page exists, and stays as it is when it does not (search,
//! feeds, files), so no link leads nowhere. Links that carry `hreflang` are left alone: they
//! already name the language they lead to.

use std::collections::HashSet;

use rayon::prelude::*;

use super::{Body, OutputFile};

/// The site paths of the HTML pages among output paths (`en/kalender/index.html` → `/en/kalender/`).
pub fn page_urls<'a>(paths: impl Iterator<Item = &'a str>) -> HashSet<String> {
    paths
        .filter(|p| p.ends_with(".html"))
        .map(|p| format!("/{}", p.strip_suffix("index.html").unwrap_or(p)))
        .collect()
}

/// Rewrites `href="/…"` in the HTML files of one language (all under `prefix`, e.g. `/en`), given
/// the site paths of that language's pages.
pub(super) fn links(prefix: &str, pages: &HashSet<String>, files: &mut [OutputFile]) {
    files.par_iter_mut().for_each(|f| {
        if let (true, Body::Bytes(bytes)) = (f.path.ends_with(".html"), &mut f.body)
            && let Ok(html) = std::str::from_utf8(bytes)
        {
            let rewritten = rewrite(html, prefix, pages);
            *bytes = rewritten.into_bytes();
        }
    });
}

fn rewrite(html: &str, prefix: &str, pages: &HashSet<String>) -> String {
    const ATTR: &str = "href=\"/";
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html;
    while let Some(i) = rest.find(ATTR) {
        let (before, after) = rest.split_at(i + ATTR.len() - 1);
        out.push_str(before);
        let end = after.find('"').unwrap_or(after.len());
        let target = &after[..end];
        let (path, fragment) = target.split_once('#').map_or((target, None), |(p, f)| (p, Some(f)));
        let own = format!("{prefix}{path}");
        // A link that names its language (the language switcher) already goes where it should.
        let names_language = after[end..].starts_with("\" hreflang=");
        if !names_language
            && !path.starts_with("//")
            && !path.starts_with(&format!("{prefix}/"))
            && pages.contains(&own)
        {
            out.push_str(&own);
            if let Some(f) = fragment {
                out.push('#');
                out.push_str(f);
            }
        } else {
            out.push_str(target);
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_links_to_existing_translated_pages_change() {
        let pages: HashSet<String> = ["/en/", "/en/kalender/", "/en/stod/tips/"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let html = r#"<a href="/">Hem</a> <a href="/kalender/">K</a> <a href="/sok/">S</a> <a href="/stod/tips/#rad">T</a> <a href="/assets/x.css">C</a> <a href="/en/kalender/">E</a> <a href="//other/">O</a> <a href="/" hreflang="sv">Sv</a>"#;
        assert_eq!(
            rewrite(html, "/en", &pages),
            r#"<a href="/en/">Hem</a> <a href="/en/kalender/">K</a> <a href="/sok/">S</a> <a href="/en/stod/tips/#rad">T</a> <a href="/assets/x.css">C</a> <a href="/en/kalender/">E</a> <a href="//other/">O</a> <a href="/" hreflang="sv">Sv</a>"#
        );
    }
}
