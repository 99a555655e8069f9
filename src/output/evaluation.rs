//! The evaluation page `/utvardering/`: the loneliness scale's monthly aggregates from the kiosk,
//! per meeting place, as a chart of the mean score and a table. Only months with enough responses
//! reach the site at all (see [`crate::content::evaluation::MIN_RESPONSES`]).

use serde::Serialize;

use super::OutputFile;
use super::sections::{breadcrumbs, builtin_context};
use crate::content::Site;
use crate::content::evaluation::{MIN_RESPONSES, Month};
use crate::error::Result;
use crate::render::chart;
use crate::render::i18n::Lang;
use crate::render::templates::Theme;

/// The page's address.
pub const URL: &str = "/utvardering/";

#[derive(Serialize)]
struct Part<'a> {
    id: &'a str,
    name: &'a str,
    months: Vec<MonthView<'a>>,
    chart: String,
}

#[derive(Serialize)]
struct MonthView<'a> {
    #[serde(flatten)]
    month: &'a Month,
    label: String,
    mean_total: String,
    mean_emotional: String,
    mean_social: String,
}

fn one_decimal(v: f64) -> String {
    format!("{v:.1}").replace('.', ",")
}

/// Whether the site has the page: only when some month has enough answers to show.
pub(super) fn exists(site: &Site) -> bool {
    !site.evaluation.is_empty()
}

pub(super) fn render(site: &Site, theme: &Theme, lang: &Lang) -> Result<Vec<OutputFile>> {
    if !exists(site) {
        return Ok(vec![]);
    }
    let parts: Vec<Part> = site
        .evaluation
        .iter()
        .map(|(id, months)| {
            let views: Vec<MonthView> = months
                .iter()
                .map(|m| {
                    let (y, mo) = m.month.split_once('-').unwrap_or((&m.month, "1"));
                    MonthView {
                        month: m,
                        label: format!("{} {y}", lang.month(mo.parse().unwrap_or(1))),
                        mean_total: one_decimal(m.mean_total),
                        mean_emotional: one_decimal(m.mean_emotional),
                        mean_social: one_decimal(m.mean_social),
                    }
                })
                .collect();
            // Tenths, so the bars show the mean score to one decimal.
            let bars: Vec<chart::Bar> = months
                .iter()
                .zip(&views)
                .map(|(m, v)| chart::Bar::new(v.label.clone(), Some((m.mean_total * 10.0).round() as u64)))
                .collect();
            Part {
                id,
                name: site.place_name(id),
                chart: chart::bars(lang.t("evaluation.chart"), &bars, chart::PAGE),
                months: views,
            }
        })
        .collect();
    let mut ctx = builtin_context(site, lang, URL);
    ctx.insert("parts", &parts);
    ctx.insert("min_responses", &MIN_RESPONSES);
    ctx.insert("breadcrumbs", &breadcrumbs(site, lang, Some("/")));
    Ok(vec![OutputFile::page(
        &lang.url(URL),
        theme.render("evaluation.html", &ctx)?,
    )])
}

/// What the search index says of this built-in page besides its title and intro: the interface
/// text that leads it and its own words (none when the site does not have the page).
pub(super) fn search_words(site: &Site, lang: &Lang) -> Option<(Option<&'static str>, Vec<String>)> {
    if !exists(site) {
        return None;
    }
    let mut words: Vec<String> = site
        .evaluation
        .iter()
        .map(|(id, _)| site.place_name(id).into())
        .collect();
    words.push(lang.t("evaluation.note").into());
    Some((Some("evaluation.lead"), words))
}
