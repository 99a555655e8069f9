//! The home page, section pages and ordinary pages.

use super::{OutputFile, par_pages};
use crate::content::{BUILT_IN_SECTIONS, Page, Site};
use crate::diagnostics::Diagnostic;
use crate::error::{Error, Result};
use crate::render::templates::Theme;
use crate::render::view::{self, base_context};

/// How many days of activities the home page shows.
const HOME_DAYS: u64 = 7;

pub(super) fn render(site: &Site, theme: &Theme) -> Result<Vec<OutputFile>> {
    check_templates(site, theme)?;
    // Built-in sections' `_index.md` only gives the built-in listing its title and intro.
    let own: Vec<&Page> = site
        .pages
        .iter()
        .filter(|p| !(p.is_section && BUILT_IN_SECTIONS.contains(&p.url.as_str())))
        .collect();
    let mut files = par_pages(&own, |p| {
        let html = if p.url == "/" {
            home(site, theme, p)?
        } else {
            page(site, theme, p)?
        };
        Ok(OutputFile::page(&p.url, html))
    })?;
    if site.page("/").is_none() {
        files.push(OutputFile::page("/", home(site, theme, &placeholder_home(site))?));
    }
    let mut ctx = base_context(site, "/404.html", "Sidan finns inte", None);
    ctx.insert("noindex", &true);
    files.push(OutputFile::bytes(
        "404.html",
        theme.render("404.html", &ctx)?.into_bytes(),
    ));
    files.push(OutputFile::bytes(
        "robots.txt",
        format!(
            "User-agent: *\nAllow: /\nSitemap: {}\n",
            site.config.absolute("/sitemap.xml")
        )
        .into_bytes(),
    ));
    Ok(files)
}

/// A page's `template = "…"` must name a template the theme has.
fn check_templates(site: &Site, theme: &Theme) -> Result<()> {
    let diags: Vec<Diagnostic> = site
        .pages
        .iter()
        .filter_map(|p| {
            let name = p.template.as_ref()?;
            (!theme.has(name)).then(|| {
                Diagnostic::error(
                    &p.source,
                    p.template_span.clone(),
                    format!("there is no template \"{name}\""),
                )
                .help("use \"page.html\" or \"section.html\", or add the template under themes/omtanke/templates/")
            })
        })
        .collect();
    if diags.is_empty() {
        Ok(())
    } else {
        Err(Error::Content(diags))
    }
}

fn placeholder_home(site: &Site) -> Page {
    let src = crate::diagnostics::Source::new("content/_index.md", "");
    Page {
        source: src,
        url: "/".into(),
        lang: site.config.language.clone(),
        is_section: true,
        parent: None,
        title: site.config.title.clone(),
        description: None,
        date: None,
        date_text: None,
        updated: None,
        updated_text: None,
        draft: false,
        weight: None,
        template: None,
        template_span: None,
        aliases: vec![],
        easy_read_of: None,
        easy_read: None,
        extra: toml::Table::new(),
        content: String::new(),
        headings: vec![],
    }
}

/// Pages directly in a section, by weight, then newest, then title.
pub(super) fn children<'a>(site: &'a Site, section: &str) -> Vec<&'a Page> {
    let mut pages: Vec<&Page> = site
        .pages
        .iter()
        .filter(|p| p.parent.as_deref() == Some(section) && p.url != section && p.easy_read_of.is_none())
        .collect();
    pages.sort_by(|a, b| {
        a.weight
            .unwrap_or(i64::MAX)
            .cmp(&b.weight.unwrap_or(i64::MAX))
            .then(b.date.cmp(&a.date))
            .then(a.title.to_lowercase().cmp(&b.title.to_lowercase()))
    });
    pages
}

fn home(site: &Site, theme: &Theme, p: &Page) -> Result<String> {
    let mut ctx = base_context(site, "/", &p.title, p.description.as_deref());
    ctx.insert("page", p);
    let to = site.today + chrono::Days::new(HOME_DAYS - 1);
    ctx.insert("days", &view::days(site, site.today, to));
    let mut news = super::feeds::news(site);
    news.truncate(3);
    ctx.insert("news", &news);
    ctx.insert("posts", &site.posts.iter().take(3).collect::<Vec<_>>());
    ctx.insert("interests", &super::activities::interest_links(site, None));
    let template = p.template.as_deref().unwrap_or("index.html");
    theme.render(template, &ctx)
}

fn page(site: &Site, theme: &Theme, p: &Page) -> Result<String> {
    let mut ctx = base_context(site, &p.url, &p.title, p.description.as_deref());
    ctx.insert("page", p);
    ctx.insert("breadcrumbs", &breadcrumbs(site, p.parent.as_deref()));
    let template = if p.is_section {
        ctx.insert("pages", &children(site, &p.url));
        let subsections: Vec<&Page> = site
            .pages
            .iter()
            .filter(|s| s.is_section && s.parent.as_deref() == Some(&p.url))
            .collect();
        ctx.insert("subsections", &subsections);
        p.template.as_deref().unwrap_or("section.html")
    } else {
        p.template.as_deref().unwrap_or("page.html")
    };
    theme.render(template, &ctx)
}

/// The trail of sections above a page, from the home page down.
pub(super) fn breadcrumbs<'a>(site: &'a Site, mut parent: Option<&'a str>) -> Vec<view::Link> {
    let mut trail = vec![];
    while let Some(url) = parent {
        let (title, next) = match site.page(url) {
            Some(p) => (
                if url == "/" {
                    "Start".to_string()
                } else {
                    p.title.clone()
                },
                p.parent.as_deref(),
            ),
            None if url == "/" => ("Start".to_string(), None),
            None => (builtin_title(url).to_string(), Some("/")),
        };
        trail.push(view::Link {
            title,
            url: url.to_string(),
            count: 0,
            current: false,
        });
        parent = next;
    }
    trail.reverse();
    trail
}

/// Titles of the built-in sections when they have no `_index.md`.
pub(super) fn builtin_title(url: &str) -> &'static str {
    match url {
        "/aktiviteter/" => "Aktiviteter",
        "/platser/" => "Mötesplatser",
        "/anslagstavla/" => "Anslagstavlan",
        "/kalender/" => "Kalender",
        _ => "Sida",
    }
}

/// Title and intro HTML of a built-in section, from its `_index.md` when there is one.
pub(super) fn builtin_intro(site: &Site, url: &str) -> (String, String, Option<String>) {
    match site.page(url) {
        Some(p) => (p.title.clone(), p.content.clone(), p.description.clone()),
        None => (builtin_title(url).to_string(), String::new(), None),
    }
}
