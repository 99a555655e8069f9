//! The calendar of the coming weeks at `/kalender/`.

use super::OutputFile;
use super::pages::{breadcrumbs, builtin_intro};
use crate::content::Site;
use crate::error::Result;
use crate::render::i18n::Lang;
use crate::render::templates::Theme;
use crate::render::view::{self, base_context};

pub(super) fn render(site: &Site, theme: &Theme, lang: &Lang) -> Result<Vec<OutputFile>> {
    let (title, intro, description) = builtin_intro(site, lang, "/kalender/");
    let mut ctx = base_context(site, lang, "/kalender/", &title, description.as_deref());
    ctx.insert("title", &title);
    ctx.insert("intro", &intro);
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
