//! The bulletin board (`/anslagstavla/`) and a page for each resident's suggestion.

use super::pages::{breadcrumbs, builtin_intro};
use super::{OutputFile, par_pages};
use crate::content::Site;
use crate::error::Result;
use crate::render::i18n::Lang;
use crate::render::templates::Theme;
use crate::render::view::base_context;

pub(super) fn render(site: &Site, theme: &Theme, lang: &Lang) -> Result<Vec<OutputFile>> {
    let mut files = par_pages(&site.posts, |post| {
        let mut ctx = base_context(site, lang, &post.url, &post.title, None);
        ctx.insert("post", post);
        ctx.insert("breadcrumbs", &breadcrumbs(site, lang, Some("/anslagstavla/")));
        Ok(OutputFile::page(&lang.url(&post.url), theme.render("post.html", &ctx)?))
    })?;
    let (title, intro, description) = builtin_intro(site, lang, "/anslagstavla/");
    let mut ctx = base_context(site, lang, "/anslagstavla/", &title, description.as_deref());
    ctx.insert("title", &title);
    ctx.insert("intro", &intro);
    ctx.insert("posts", &site.posts);
    ctx.insert("breadcrumbs", &breadcrumbs(site, lang, Some("/")));
    files.push(OutputFile::page(
        &lang.url("/anslagstavla/"),
        theme.render("board.html", &ctx)?,
    ));
    Ok(files)
}
