//! The home page, section pages and ordinary pages.

use super::sections::breadcrumbs;
use super::{OutputFile, par_pages};
use crate::content::{BUILT_IN_SECTIONS, Page, Site};
use crate::diagnostics::Diagnostic;
use crate::error::{Error, Result};
use crate::render::i18n::Lang;
use crate::render::templates::Theme;
use crate::render::view::{self, base_context};

/// How many days of activities the home page shows.
const HOME_DAYS: u64 = 7;

pub(super) fn render(site: &Site, theme: &Theme, lang: &Lang) -> Result<Vec<OutputFile>> {
    check_templates(site, theme)?;
    let urls: Vec<String> = site.pages.iter().map(|p| p.url.clone()).collect();
    let mut files = render_some(site, theme, lang, &urls)?;
    if site.page("/").is_none() {
        files.push(OutputFile::page(
            &lang.url("/"),
            home(site, theme, lang, &placeholder_home(site), true)?,
        ));
    }
    if !lang.is_default {
        // One 404 page and one robots.txt serve every language.
        return Ok(files);
    }
    let mut ctx = base_context(site, lang, "/404.html", lang.t("not_found.title"), None);
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

/// Renders only some pages (site paths of the default language) in one language. Built-in
/// sections are left out: their `_index.md` only gives the built-in listing its title and intro.
pub(super) fn render_some(site: &Site, theme: &Theme, lang: &Lang, urls: &[String]) -> Result<Vec<OutputFile>> {
    let chosen: Vec<&Page> = urls
        .iter()
        .filter_map(|u| site.page(u))
        .filter(|p| !(p.is_section && BUILT_IN_SECTIONS.contains(&p.url.as_str())))
        .collect();
    par_pages(&chosen, |p| {
        let (shown, translated) = site.localized(&p.url, &lang.code).unwrap_or((p, true));
        let html = if p.url == "/" {
            home(site, theme, lang, shown, translated)?
        } else {
            page(site, theme, lang, p, shown, translated)?
        };
        Ok(OutputFile::page(&lang.url(&p.url), html))
    })
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
                    crate::msg!("page-unknown-template", name = name),
                )
                .help(crate::msg!("page-unknown-template-help"))
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

fn home(site: &Site, theme: &Theme, lang: &Lang, p: &Page, translated: bool) -> Result<String> {
    let mut ctx = base_context(site, lang, "/", &p.title, p.description.as_deref());
    ctx.insert("page", p);
    ctx.insert("translated", &translated);
    let to = site.today + chrono::Days::new(HOME_DAYS - 1);
    ctx.insert("days", &view::days(site, lang, site.today, to));
    let news: Vec<&Page> = super::feeds::news(site)
        .into_iter()
        .take(3)
        .filter_map(|n| site.localized(&n.url, &lang.code).map(|l| l.0))
        .collect();
    ctx.insert("news", &news);
    ctx.insert("posts", &site.posts.iter().take(3).collect::<Vec<_>>());
    ctx.insert("interests", &super::activities::interest_links(site, None));
    ctx.insert("news_url", "/nyheter/");
    let template = p.template.as_deref().unwrap_or("index.html");
    theme.render(template, &ctx)
}

/// A page or section page: `original` is the default language's, `shown` what this language
/// shows (its translation, or the original when there is none).
fn page(site: &Site, theme: &Theme, lang: &Lang, original: &Page, shown: &Page, translated: bool) -> Result<String> {
    let p = original;
    let mut ctx = base_context(site, lang, &p.url, &shown.title, shown.description.as_deref());
    let localize = |pages: Vec<&'_ Page>| -> Vec<Page> {
        pages
            .into_iter()
            .map(|c| {
                // Lists link to the default language's addresses; links are localized later.
                let (l, _) = site.localized(&c.url, &lang.code).unwrap_or((c, true));
                Page {
                    url: c.url.clone(),
                    ..l.clone()
                }
            })
            .collect()
    };
    ctx.insert(
        "page",
        &Page {
            url: p.url.clone(),
            ..shown.clone()
        },
    );
    ctx.insert("translated", &translated);
    ctx.insert("statement", &super::statement::view(site, lang, &p.url));
    ctx.insert("breadcrumbs", &breadcrumbs(site, lang, p.parent.as_deref()));
    let template = if p.is_section {
        ctx.insert("pages", &localize(children(site, &p.url)));
        let subsections = localize(
            site.pages
                .iter()
                .filter(|s| s.is_section && s.parent.as_deref() == Some(&p.url))
                .collect(),
        );
        ctx.insert("subsections", &subsections);
        p.template.as_deref().unwrap_or("section.html")
    } else {
        p.template.as_deref().unwrap_or("page.html")
    };
    theme.render(template, &ctx)
}
