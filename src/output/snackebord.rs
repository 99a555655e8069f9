//! `/snackebord/`: what a snackebord is, its conversation starters (`content/snackebord.toml`),
//! and, on paper, folded table cards: two to an A4 sheet (landscape, cut in the middle), each
//! folded along its middle to stand on a table with one question on each side, the site's name
//! and a QR code to the site.

use serde::Serialize;

use super::OutputFile;
use super::sections::{breadcrumbs, builtin_context};
use crate::content::Site;
use crate::error::Result;
use crate::render::i18n::Lang;
use crate::render::qr;
use crate::render::templates::Theme;

/// The page's address.
pub const URL: &str = "/snackebord/";

/// One folded card: a question on each side (the second alone when the count is odd).
#[derive(Debug, Clone, Serialize)]
struct TableCard<'a> {
    front: &'a str,
    back: Option<&'a str>,
}

pub(super) fn render(site: &Site, theme: &Theme, lang: &Lang) -> Result<Vec<OutputFile>> {
    let Some(snackebord) = &site.snackebord else {
        return Ok(vec![]);
    };
    let questions = snackebord.questions_in(&lang.code);
    let cards: Vec<TableCard> = questions
        .chunks(2)
        .map(|pair| TableCard {
            front: &pair[0],
            back: pair.get(1).map(String::as_str),
        })
        .collect();
    let mut ctx = builtin_context(site, lang, URL);
    ctx.insert("questions", questions);
    ctx.insert("cards", &cards);
    let home = site.config.absolute(&lang.url("/"));
    ctx.insert(
        "qr",
        &qr::svg(&home, &lang.fill("snackebord.qr", &[("site", &site.config.title)])),
    );
    ctx.insert("home_url", &home);
    ctx.insert("breadcrumbs", &breadcrumbs(site, lang, Some("/")));
    Ok(vec![OutputFile::page(
        &lang.url(URL),
        theme.render("snackebord.html", &ctx)?,
    )])
}

/// What the search index says of this built-in page besides its title and intro: the interface
/// text that leads it and its own words (none when the site does not have the page).
pub(super) fn search_words(site: &Site, lang: &Lang) -> Option<(Option<&'static str>, Vec<String>)> {
    let s = site.snackebord.as_ref()?;
    Some((Some("snackebord.lead"), s.questions_in(&lang.code).to_vec()))
}
