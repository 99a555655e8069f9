//! The bulletin board (`/anslagstavla/`) and a page for each resident's suggestion.
//!
//! With `suggest_url` in site.toml the board carries a plain HTML form that posts a new suggestion
//! to the kiosk daemon's web inbox (field names and lengths in [`crate::suggestion`]), and a
//! thank-you page the daemon sends residents to afterwards; without it the board explains how to
//! suggest at the café. The form needs no JavaScript: the browser checks required fields and
//! lengths, and the daemon checks everything again.

use std::collections::BTreeMap;

use super::sections::{breadcrumbs, builtin_context};
use super::{OutputFile, par_pages};
use serde::Serialize;

use crate::content::{Post, Site};
use crate::error::Result;
use crate::render::i18n::Lang;
use crate::render::templates::Theme;
use crate::render::view::base_context;
use crate::suggestion::{FIELDS, MAX_INTERESTS, THANKS_PATH};

/// The board's address.
const URL: &str = "/anslagstavla/";

/// What the template needs to draw the suggestion form.
#[derive(Serialize)]
struct Form<'a> {
    /// Where it posts: the daemon's web inbox.
    action: &'a str,
    /// The inbox's privacy notice, linked before the first field.
    privacy: Option<String>,
    /// `maxlength` of each text field by its name (`titel` → 80).
    max: BTreeMap<&'static str, usize>,
    /// The interests to tick.
    interests: Vec<Interest>,
    /// How many of them one suggestion may have.
    max_interests: usize,
}

/// One interest checkbox.
#[derive(Serialize)]
struct Interest {
    /// Posted as the value: the word as the content writes it ("läsning").
    word: String,
    /// Unique within the page, for `id` and `for`.
    id: String,
}

/// The interests the form offers, with an id for each checkbox.
fn interests(site: &Site) -> Vec<Interest> {
    site.interest_words()
        .into_iter()
        .map(|t| Interest {
            word: t.label.clone(),
            id: format!("forslag-intresse-{}", t.key),
        })
        .collect()
}

fn form(site: &Site) -> Option<Form<'_>> {
    let action = site.config.suggest_url.as_deref()?;
    Some(Form {
        privacy: crate::config::Config::privacy_notice(action),
        action,
        max: FIELDS.iter().map(|f| (f.name, f.max_chars)).collect(),
        interests: interests(site),
        max_interests: MAX_INTERESTS,
    })
}

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
    let mut ctx = builtin_context(site, lang, URL);
    ctx.insert("posts", &site.posts.iter().map(|p| view(lang, p)).collect::<Vec<_>>());
    ctx.insert("form", &form(site));
    ctx.insert("breadcrumbs", &breadcrumbs(site, lang, Some("/")));
    files.push(OutputFile::page(&lang.url(URL), theme.render("board.html", &ctx)?));
    if site.config.suggest_url.is_some() {
        files.push(thanks(site, theme, lang)?);
    }
    Ok(files)
}

/// The page the daemon sends a resident to after a suggestion has been received. It says what
/// happens next; search engines are asked to leave it out, and so are the sitemap and search.
fn thanks(site: &Site, theme: &Theme, lang: &Lang) -> Result<OutputFile> {
    let title = lang.t("suggest.thanks_title");
    let mut ctx = base_context(site, lang, THANKS_PATH, title, None);
    ctx.insert("title", title);
    ctx.insert("noindex", &true);
    ctx.insert("breadcrumbs", &breadcrumbs(site, lang, Some(URL)));
    Ok(OutputFile::page(
        &lang.url(THANKS_PATH),
        theme.render("suggest-thanks.html", &ctx)?,
    ))
}

/// What the search index says of this built-in page besides its title and intro: the interface
/// text that leads it and its own words (none when the site does not have the page).
pub(super) fn search_words(_site: &Site, lang: &Lang) -> Option<(Option<&'static str>, Vec<String>)> {
    Some((
        Some("board.lead"),
        vec![lang.t("board.suggestions").into(), lang.t("suggest.heading").into()],
    ))
}
