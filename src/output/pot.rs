//! The citizens' pot (`/anslagstavla/invanarpott/`): what residents' suggestions have asked for
//! and been granted, summed per study association.

use std::collections::BTreeMap;

use serde::Serialize;

use super::OutputFile;
use super::sections::{breadcrumbs, builtin_context};
use crate::content::Site;
use crate::error::Result;
use crate::render::i18n::Lang;
use crate::render::templates::Theme;

/// The page's address.
pub const URL: &str = "/anslagstavla/invanarpott/";

/// One study association's sums.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct PotRow {
    /// The study association ("Okänd" when a request names none).
    pub partner: String,
    /// Suggestions that asked for money.
    pub requests: usize,
    /// Kronor asked for.
    pub requested: i64,
    /// Kronor granted (the amounts of granted requests).
    pub granted: i64,
}

/// The sums per study association, and the totals.
pub fn sums(site: &Site, unknown: &str) -> (Vec<PotRow>, PotRow) {
    let mut rows: BTreeMap<String, PotRow> = BTreeMap::new();
    for f in site.posts.iter().filter_map(|p| p.funding.as_ref()) {
        let partner = f.partner.clone().unwrap_or_else(|| unknown.to_string());
        let row = rows.entry(partner.clone()).or_insert_with(|| PotRow {
            partner,
            ..PotRow::default()
        });
        row.requests += 1;
        row.requested += f.requested.unwrap_or(0);
        if f.status.as_deref() == Some("granted") {
            row.granted += f.requested.unwrap_or(0);
        }
    }
    let rows: Vec<PotRow> = rows.into_values().collect();
    let total = rows.iter().fold(PotRow::default(), |acc, r| PotRow {
        partner: String::new(),
        requests: acc.requests + r.requests,
        requested: acc.requested + r.requested,
        granted: acc.granted + r.granted,
    });
    (rows, total)
}

pub(super) fn render(site: &Site, theme: &Theme, lang: &Lang) -> Result<Vec<OutputFile>> {
    let (rows, total) = sums(site, lang.t("pot.unknown"));
    let mut ctx = builtin_context(site, lang, URL);
    ctx.insert("rows", &rows);
    ctx.insert("total", &total);
    ctx.insert("breadcrumbs", &breadcrumbs(site, lang, Some("/anslagstavla/")));
    Ok(vec![OutputFile::page(&lang.url(URL), theme.render("pot.html", &ctx)?)])
}

/// What the search index says of this built-in page besides its title and intro: the interface
/// text that leads it and its own words (none when the site does not have the page).
pub(super) fn search_words(site: &Site, lang: &Lang) -> Option<(Option<&'static str>, Vec<String>)> {
    let (rows, _) = sums(site, lang.t("pot.unknown"));
    let mut words: Vec<String> = rows.into_iter().map(|r| r.partner).collect();
    words.push(lang.t("pot.caption").into());
    Some((Some("pot.lead"), words))
}
