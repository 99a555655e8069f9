//! Site paths to the addresses pages link to, in one place (Zola's `get_url` is the model): a
//! path such as `/kalender/` becomes `/undermapp/kalender/` on a site published under a
//! sub-path (`base_url = "https://example.org/undermapp"`), and `/en/kalender/` on an English
//! page when that page exists in English (otherwise it stays the default language's, so no link
//! leads nowhere). Templates call it as the `url` filter; editors' HTML (Markdown turned into
//! HTML, raw HTML in it) goes through the `links` filter, which resolves every `href="/…"` and
//! `src="/…"` in it the same way.

use std::collections::{HashMap, HashSet};

/// What the resolver knows: the site's path under its host and which pages each language has.
#[derive(Debug, Default, Clone)]
pub struct Links {
    /// The path of `base_url` (`/undermapp`), empty for a site at the host's root.
    base_path: String,
    /// The default language's code.
    default_lang: String,
    /// Per language other than the default: the site paths (in the default language's form,
    /// `/kalender/`) that also exist in that language (`/en/kalender/`).
    translated: HashMap<String, HashSet<String>>,
}

impl Links {
    /// A resolver for a site at `base_url` whose default language is `default_lang`, before it
    /// knows any other language's pages.
    pub fn new(base_url: &str, default_lang: &str) -> Links {
        Links {
            base_path: base_path(base_url),
            default_lang: default_lang.to_string(),
            translated: HashMap::new(),
        }
    }

    /// The path of `base_url` (`/undermapp`), empty for a site at its host's root.
    pub fn base_path(&self) -> &str {
        &self.base_path
    }

    /// Tells the resolver which pages exist in `lang`, from the output paths of that language's
    /// HTML files (`en/kalender/index.html`).
    pub fn set_pages<'a>(&mut self, lang: &str, output_paths: impl Iterator<Item = &'a str>) {
        let prefix = format!("{lang}/");
        let pages = output_paths
            .filter_map(|p| p.strip_prefix(&prefix))
            .filter(|p| p.ends_with(".html"))
            .map(|p| format!("/{}", p.strip_suffix("index.html").unwrap_or(p)))
            .collect();
        self.translated.insert(lang.to_string(), pages);
    }

    /// The address a page in `lang` links to for `target`: a site path (`/kalender/#idag`)
    /// gets its language's version where there is one and the site's base path; anything else
    /// (`https://…`, `//host/…`, `#top`, `bild.jpg`, `mailto:`) is left as it is.
    pub fn url(&self, target: &str, lang: &str) -> String {
        if !target.starts_with('/') || target.starts_with("//") {
            return target.to_string();
        }
        let base = &self.base_path;
        // A link someone already wrote with the base path (`/undermapp/kalender/`).
        if !base.is_empty()
            && let Some(rest) = target.strip_prefix(base.as_str())
            && (rest.is_empty() || rest.starts_with(['/', '?', '#']))
        {
            return target.to_string();
        }
        let end = target.find(['?', '#']).unwrap_or(target.len());
        let (path, tail) = target.split_at(end);
        let localized = (lang != self.default_lang
            && !path.starts_with(&format!("/{lang}/"))
            && self.translated.get(lang).is_some_and(|pages| pages.contains(path)))
        .then(|| format!("/{lang}{path}"));
        format!("{base}{}{tail}", localized.as_deref().unwrap_or(path))
    }

    /// `html` (an editor's text made into HTML) with every `href="/…"` and `src="/…"` (either
    /// quote) resolved for a page in `lang`. Links that carry `hreflang` are left alone: they
    /// already name the language they lead to.
    pub fn in_html(&self, html: &str, lang: &str) -> String {
        const PATTERNS: [(&str, char); 4] = [("href=\"/", '"'), ("href='/", '\''), ("src=\"/", '"'), ("src='/", '\'')];
        // The next place of each pattern is looked up again only once passed, so a page is read
        // once however many links it has.
        let find = |from: usize, pattern: &str| html[from..].find(pattern).map(|i| from + i);
        let mut next = PATTERNS.map(|(pattern, _)| find(0, pattern));
        let mut out = String::with_capacity(html.len() + 64);
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
            let names_language = html[end..].starts_with(&format!("{quote} hreflang="));
            let own_lang = if names_language { &self.default_lang } else { lang };
            out.push_str(&self.url(target, own_lang));
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
}

/// The path part of `base_url` (`/undermapp`), without a trailing slash; empty for a site at
/// its host's root.
pub fn base_path(base_url: &str) -> String {
    let after_scheme = base_url.split_once("://").map_or(base_url, |(_, rest)| rest);
    after_scheme
        .find('/')
        .map_or("", |i| &after_scheme[i..])
        .trim_end_matches('/')
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(base_url: &str) -> Links {
        let mut l = Links::new(base_url, "sv");
        l.set_pages(
            "en",
            [
                "en/index.html",
                "en/kalender/index.html",
                "en/stod/tips/index.html",
                "sok/index.html",
            ]
            .into_iter(),
        );
        l
    }

    #[test]
    fn the_base_path_comes_from_base_url() {
        assert_eq!(base_path("https://example.org"), "");
        assert_eq!(base_path("https://example.org/"), "");
        assert_eq!(base_path("https://example.org/undermapp"), "/undermapp");
        assert_eq!(base_path("https://example.org/a/b/"), "/a/b");
    }

    #[test]
    fn site_paths_get_the_base_path_and_their_language() {
        let l = links("https://example.org/undermapp");
        assert_eq!(l.url("/kalender/", "sv"), "/undermapp/kalender/");
        assert_eq!(l.url("/kalender/", "en"), "/undermapp/en/kalender/");
        assert_eq!(l.url("/", "en"), "/undermapp/en/");
        assert_eq!(l.url("/kalender/#idag", "en"), "/undermapp/en/kalender/#idag");
        assert_eq!(l.url("/stod/tips/?a=1", "en"), "/undermapp/en/stod/tips/?a=1");
        // Only the default language has it: the link stays there rather than lead nowhere.
        assert_eq!(l.url("/sok/", "en"), "/undermapp/sok/");
        assert_eq!(l.url("/en/kalender/", "en"), "/undermapp/en/kalender/");
        // Written with the base path already, or not a site path: left alone.
        assert_eq!(l.url("/undermapp/kalender/", "sv"), "/undermapp/kalender/");
        for other in [
            "https://x.se/",
            "//cdn.example/x",
            "#top",
            "bild.jpg",
            "mailto:a@b.se",
            "",
        ] {
            assert_eq!(l.url(other, "en"), other);
        }
        // A path that merely starts like the base path is still a site path.
        assert_eq!(l.url("/undermappar/", "sv"), "/undermapp/undermappar/");
    }

    #[test]
    fn a_site_at_the_root_keeps_its_paths() {
        let l = links("https://example.org");
        assert_eq!(l.url("/kalender/", "sv"), "/kalender/");
        assert_eq!(l.url("/kalender/", "en"), "/en/kalender/");
    }

    #[test]
    fn html_links_and_pictures_are_resolved_with_either_quote() {
        let l = links("https://example.org/undermapp");
        let html = r#"<a href="/kalender/">K</a> <a href='/stod/tips/#a'>T</a> <img src="/bild.jpg" alt=""> <a href="https://x.se/">X</a> <a href="/" hreflang="sv">Svenska</a>"#;
        assert_eq!(
            l.in_html(html, "en"),
            r#"<a href="/undermapp/en/kalender/">K</a> <a href='/undermapp/en/stod/tips/#a'>T</a> <img src="/undermapp/bild.jpg" alt=""> <a href="https://x.se/">X</a> <a href="/undermapp/" hreflang="sv">Svenska</a>"#
        );
    }
}
