//! The bulletin board (`/anslagstavla/`) and a page for each resident's suggestion.

use super::pages::{breadcrumbs, builtin_intro};
use super::{OutputFile, par_pages};
use serde::Serialize;

use crate::content::{Post, Site};
use crate::error::Result;
use crate::render::i18n::Lang;
use crate::render::templates::Theme;
use crate::render::view::base_context;

/// A post with its date and funding state in the page's language.
#[derive(Serialize)]
struct PostView<'a> {
    #[serde(flatten)]
    post: &'a Post,
    date_words: String,
    funding_words: Option<&'a str>,
}

fn view<'a>(lang: &'a Lang, post: &'a Post) -> PostView<'a> {
    let funding_words = post.funding.as_ref().and_then(|f| {
        let status = f.status.as_deref()?;
        Some(lang.term("funding", status, f.status_text.as_deref().unwrap_or(status)))
    });
    PostView {
        post,
        date_words: lang.plain_date(post.date),
        funding_words,
    }
}

pub(super) fn render(site: &Site, theme: &Theme, lang: &Lang) -> Result<Vec<OutputFile>> {
    let mut files = par_pages(&site.posts, |post| {
        let mut ctx = base_context(site, lang, &post.url, &post.title, None);
        ctx.insert("post", &view(lang, post));
        if let Some(f) = &post.funding {
            let mut text = match f.requested {
                Some(amount) => lang.fill("board.requests", &[("amount", &amount.to_string())]),
                None => lang.t("board.requests_unknown").to_string(),
            };
            if let Some(partner) = &f.partner {
                text = format!("{text} {}", lang.fill("board.with_partner", &[("partner", partner)]));
            }
            ctx.insert("funding_text", &text);
        }
        ctx.insert("breadcrumbs", &breadcrumbs(site, lang, Some("/anslagstavla/")));
        Ok(OutputFile::page(&lang.url(&post.url), theme.render("post.html", &ctx)?))
    })?;
    let (title, intro, description) = builtin_intro(site, lang, "/anslagstavla/");
    let mut ctx = base_context(site, lang, "/anslagstavla/", &title, description.as_deref());
    ctx.insert("title", &title);
    ctx.insert("intro", &intro);
    ctx.insert("posts", &site.posts.iter().map(|p| view(lang, p)).collect::<Vec<_>>());
    ctx.insert("breadcrumbs", &breadcrumbs(site, lang, Some("/")));
    files.push(OutputFile::page(
        &lang.url("/anslagstavla/"),
        theme.render("board.html", &ctx)?,
    ));
    Ok(files)
}
