//! The bulletin board (`/anslagstavla/`) and a page for each resident's suggestion.

use super::pages::{breadcrumbs, builtin_intro};
use super::{OutputFile, par_pages};
use crate::content::Site;
use crate::error::Result;
use crate::render::templates::Theme;
use crate::render::view::base_context;

pub(super) fn render(site: &Site, theme: &Theme) -> Result<Vec<OutputFile>> {
    let mut files = par_pages(&site.posts, |post| {
        let mut ctx = base_context(site, &post.url, &post.title, None);
        ctx.insert("post", post);
        ctx.insert("breadcrumbs", &breadcrumbs(site, Some("/anslagstavla/")));
        Ok(OutputFile::page(&post.url, theme.render("post.html", &ctx)?))
    })?;
    let (title, intro, description) = builtin_intro(site, "/anslagstavla/");
    let mut ctx = base_context(site, "/anslagstavla/", &title, description.as_deref());
    ctx.insert("title", &title);
    ctx.insert("intro", &intro);
    ctx.insert("posts", &site.posts);
    ctx.insert("breadcrumbs", &breadcrumbs(site, Some("/")));
    files.push(OutputFile::page("/anslagstavla/", theme.render("board.html", &ctx)?));
    Ok(files)
}
