//! The calendar of the coming weeks at `/kalender/`.

use super::OutputFile;
use super::sections::{breadcrumbs, builtin_context};
use crate::content::Site;
use crate::error::Result;
use crate::render::i18n::Lang;
use crate::render::templates::Theme;
use crate::render::view;

pub(super) fn render(site: &Site, theme: &Theme, lang: &Lang) -> Result<Vec<OutputFile>> {
    let mut ctx = builtin_context(site, lang, "/kalender/");
    ctx.insert("weeks", &view::weeks(site, lang));
    ctx.insert(
        "ics",
        &view::feed_links(site, "/kalender.ics", "Prenumerera på kalendern"),
    );
    ctx.insert("breadcrumbs", &breadcrumbs(site, lang, Some("/")));
    Ok(vec![OutputFile::page(
        &lang.url("/kalender/"),
        theme.render("calendar.html", &ctx)?,
    )])
}

/// What the search index says of this built-in page besides its title and intro: the interface
/// text that leads it and its own words (none when the site does not have the page).
pub(super) fn search_words(_site: &Site, lang: &Lang) -> Option<(Option<&'static str>, Vec<String>)> {
    Some((Some("calendar.intro"), vec![lang.t("calendar.week").into()]))
}
