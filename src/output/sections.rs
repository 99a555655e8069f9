//! What every built-in section's page (the activity listing, places, the board, the calendar, …;
//! the list is [`super::BUILT_IN`]) shares with the others: the breadcrumbs above it and its
//! title and intro, from an `_index.md` when the site has one.

use super::BUILT_IN;
use crate::content::Site;
use crate::render::i18n::Lang;
use crate::render::view::{self, base_context};

/// The trail of sections above a page, from the home page down.
pub(super) fn breadcrumbs<'a>(site: &'a Site, lang: &Lang, mut parent: Option<&'a str>) -> Vec<view::Link> {
    let mut trail = vec![];
    while let Some(url) = parent {
        // An untranslated page keeps its title in the default language, marked as such; a
        // built-in section has its title in every language.
        let (title, in_default, next) = match site.localized(url, &lang.code) {
            _ if url == "/" => (lang.t("layout.home").to_string(), false, None),
            Some((p, in_lang)) => {
                let parent = site.page(url).and_then(|o| o.parent.as_deref());
                match builtin_title(lang, url) {
                    builtin if !in_lang && !builtin.is_empty() => (builtin.to_string(), false, parent),
                    _ => (p.title.clone(), !in_lang, parent),
                }
            }
            None => (builtin_title(lang, url).to_string(), false, Some("/")),
        };
        trail.push(view::Link {
            title,
            url: url.to_string(),
            count: 0,
            current: false,
            lang: in_default.then(|| site.config.language.clone()),
        });
        parent = next;
    }
    trail.reverse();
    trail
}

/// The title of a built-in section when it has no `_index.md` ("" for any other address).
pub(super) fn builtin_title<'a>(lang: &'a Lang, url: &str) -> &'a str {
    BUILT_IN
        .iter()
        .find(|s| s.url == url)
        .map_or("", |s| lang.t(s.title_key))
}

/// The context of a built-in section's page: the common part, and its title and intro (from its
/// `_index.md` when there is one).
pub(super) fn builtin_context(site: &Site, lang: &Lang, url: &str) -> tera::Context {
    let (title, intro, description) = builtin_intro(site, lang, url);
    let mut ctx = base_context(site, lang, url, &title, description.as_deref());
    ctx.insert("title", &title);
    ctx.insert("intro", &intro);
    ctx
}

/// Title and intro HTML of a built-in section, from its `_index.md` (or its translation) when
/// there is one.
pub(super) fn builtin_intro(site: &Site, lang: &Lang, url: &str) -> (String, String, Option<String>) {
    match site.localized(url, &lang.code) {
        Some((p, _)) => (p.title.clone(), p.content.clone(), p.description.clone()),
        None => (builtin_title(lang, url).to_string(), String::new(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::BUILT_IN_SECTIONS;

    #[test]
    fn the_content_and_the_output_know_the_same_sections() {
        // In the same order: the search index lists them in this order.
        let here: Vec<&str> = BUILT_IN.iter().map(|s| s.url).collect();
        assert_eq!(here, BUILT_IN_SECTIONS);
    }
}
