//! Redirect pages for the old addresses (`aliases`) of pages.

use super::OutputFile;
use crate::content::Site;
use crate::error::Result;
use crate::render::i18n::Lang;
use crate::render::templates::Theme;
use crate::render::view::base_context;

pub(super) fn render(site: &Site, theme: &Theme, lang: &Lang) -> Result<Vec<OutputFile>> {
    let mut files = vec![];
    for page in &site.pages {
        for alias in &page.aliases {
            let mut ctx = base_context(site, lang, alias, &page.title, None);
            ctx.insert("target", &page.url);
            ctx.insert("target_absolute", &site.config.absolute(&page.url));
            ctx.insert("target_title", &page.title);
            files.push(OutputFile::page(&lang.url(alias), theme.render("alias.html", &ctx)?));
        }
    }
    Ok(files)
}
