//! `sitemap.xml`: every HTML page of the site with its absolute URL.

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
            matches!(f.body, Body::Bytes(_)) && f.path.ends_with("index.html") && !alias_paths.contains(&f.path)
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
