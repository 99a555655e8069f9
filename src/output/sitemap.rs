//! `sitemap.xml`: every HTML page of the site with its absolute URL, except redirects and pages
//! that ask search engines to leave them out (`<meta name="robots" content="noindex">`, such as
//! the thank-you page after a suggestion).

use super::{Body, OutputFile};
use crate::content::Site;
use crate::error::Result;
use crate::render::templates::Theme;

pub(super) fn render(site: &Site, theme: &Theme, files: &[OutputFile]) -> Result<Vec<OutputFile>> {
    let alias_paths: Vec<String> = site
        .pages
        .iter()
        .flat_map(|p| p.aliases.iter())
        .map(|a| OutputFile::page(a, String::new()).path)
        .collect();
    let mut urls: Vec<String> = files
        .iter()
        .filter(|f| {
            matches!(&f.body, Body::Bytes(b) if !is_noindex(b))
                && f.path.ends_with("index.html")
                && !alias_paths.contains(&f.path)
        })
        .map(|f| {
            site.config
                .absolute(&format!("/{}", f.path.trim_end_matches("index.html")))
        })
        .collect();
    urls.sort();
    let mut ctx = tera::Context::new();
    ctx.insert("urls", &urls);
    Ok(vec![OutputFile::bytes(
        "sitemap.xml",
        theme.render("sitemap.xml", &ctx)?.into_bytes(),
    )])
}

/// Whether a page's head asks search engines not to index it.
fn is_noindex(html: &[u8]) -> bool {
    let head = html
        .windows(7)
        .position(|w| w == b"</head>")
        .map_or(html, |end| &html[..end]);
    head.windows(NOINDEX.len()).any(|w| w == NOINDEX)
}

/// The robots tag as the theme's base template writes it.
const NOINDEX: &[u8] = br#"<meta name="robots" content="noindex">"#;
