//! Pointing a translation's links (`href="/…"` or `href='/…'`) at its own pages: a link to `/kalender/` on an English page
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
    // The theme writes `href="…"`; an editor's raw HTML may use single quotes. The next place of
    // each is looked up again only once passed, so a page is read once however many links it has.
    const PATTERNS: [(&str, char); 2] = [("href=\"/", '"'), ("href='/", '\'')];
    let find = |from: usize, pattern: &str| html[from..].find(pattern).map(|i| from + i);
    let mut next = PATTERNS.map(|(pattern, _)| find(0, pattern));
    let mut out = String::with_capacity(html.len() + 256);
    let mut done = 0;
    while let Some((k, start)) = next
        .iter()
        .enumerate()
        .filter_map(|(k, n)| n.map(|n| (k, n)))
        .min_by_key(|(_, n)| *n)
    {
        let (pattern, quote) = PATTERNS[k];
        let value = start + pattern.len() - 1;
        out.push_str(&html[done..value]);
        let end = html[value..].find(quote).map_or(html.len(), |e| value + e);
        let target = &html[value..end];
        let (path, fragment) = target.split_once('#').map_or((target, None), |(p, f)| (p, Some(f)));
        let own = format!("{prefix}{path}");
        // A link that names its language (the language switcher) already goes where it should.
        let names_language = html[end..].starts_with(&format!("{quote} hreflang="));
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
        done = end;
        for (n, (pattern, _)) in next.iter_mut().zip(PATTERNS) {
            if n.is_some_and(|at| at < done) {
                *n = find(done, pattern);
            }
        }
    }
    out.push_str(&html[done..]);
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

    #[test]
    fn single_quoted_links_in_raw_html_change_too() {
        let pages: HashSet<String> = ["/en/kalender/"].iter().map(|s| s.to_string()).collect();
        let html =
            r#"<a href='/kalender/'>K</a> <a href="/sok/" title='x'>S</a> <a href='/kalender/' hreflang='sv'>Sv</a>"#;
        assert_eq!(
            rewrite(html, "/en", &pages),
            r#"<a href='/en/kalender/'>K</a> <a href="/sok/" title='x'>S</a> <a href='/kalender/' hreflang='sv'>Sv</a>"#
        );
    }
}
