//! The visit statistics at `/statistik/`: visits per week, per month, by weekday and by hour, for
//! each meeting place and in total, as charts with data tables. Hourly cells with fewer than
//! [`SUPPRESS_BELOW`] visits are not shown, so no single visit can be picked out.

use std::collections::BTreeMap;

use chrono::Datelike;
use serde::Serialize;

use super::OutputFile;
use super::sections::{breadcrumbs, builtin_context};
use crate::content::Site;
use crate::content::visits::VisitRow;
use crate::error::Result;
use crate::render::chart;
use crate::render::i18n::Lang;
use crate::render::templates::Theme;
use crate::vocabulary::WEEKDAYS;

/// The page's address.
pub const URL: &str = "/statistik/";

/// Hourly counts below this are suppressed.
pub const SUPPRESS_BELOW: u64 = 5;

/// One row of a table.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Cell {
    /// Week, month, weekday or hour.
    pub label: String,
    /// Visits, none when suppressed.
    pub visits: Option<u64>,
    /// First visits, none when suppressed.
    pub first_visits: Option<u64>,
}

/// The statistics of one place, or of all together.
#[derive(Debug, Clone, Serialize)]
pub struct Breakdown {
    /// Heading.
    pub name: String,
    /// Anchor.
    pub id: String,
    /// All visits.
    pub total: u64,
    /// All first visits.
    pub first_visits: u64,
    /// Days with visits.
    pub days: usize,
    /// Per month, per ISO week, per weekday, per hour.
    pub tables: Vec<Table>,
}

/// One breakdown with its chart.
#[derive(Debug, Clone, Serialize)]
pub struct Table {
    /// What it shows.
    pub title: String,
    /// The first column's heading.
    pub key: String,
    /// The rows.
    pub rows: Vec<Cell>,
    /// The chart as SVG.
    pub chart: String,
    /// Whether small cells were suppressed in it.
    pub suppressed: bool,
}

fn cell(label: String, (v, f): (u64, u64), suppress: bool) -> Cell {
    let hide = suppress && v < SUPPRESS_BELOW;
    Cell {
        label,
        visits: (!hide).then_some(v),
        first_visits: (!hide).then_some(f),
    }
}

fn table(lang: &Lang, title: &str, key: &str, rows: Vec<Cell>, suppress: bool) -> Table {
    let bars: Vec<chart::Bar> = rows
        .iter()
        .map(|r| chart::Bar::new(r.label.clone(), r.visits))
        .collect();
    Table {
        chart: chart::bars(title, &bars, chart::PAGE),
        title: title.to_string(),
        key: lang.t(key).to_string(),
        suppressed: suppress && rows.iter().any(|r| r.visits.is_none()),
        rows,
    }
}

/// The breakdowns of a set of rows.
pub fn breakdown(lang: &Lang, name: &str, id: &str, rows: &[&VisitRow]) -> Breakdown {
    let mut months: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    let mut weeks: BTreeMap<(i32, u32), (u64, u64)> = BTreeMap::new();
    let mut weekdays: BTreeMap<u32, (u64, u64)> = BTreeMap::new();
    let mut hours: BTreeMap<u8, (u64, u64)> = BTreeMap::new();
    let mut days = std::collections::BTreeSet::new();
    for r in rows {
        let add = |e: &mut (u64, u64)| {
            e.0 += u64::from(r.visits);
            e.1 += u64::from(r.first_visits);
        };
        add(months
            .entry(format!("{} {}", lang.month(r.date.month()), r.date.year()))
            .or_default());
        let w = r.date.iso_week();
        add(weeks.entry((w.year(), w.week())).or_default());
        add(weekdays.entry(r.date.weekday().num_days_from_monday()).or_default());
        if let Some(h) = r.hour {
            add(hours.entry(h).or_default());
        }
        if r.visits > 0 {
            days.insert(r.date);
        }
    }
    // Months in calendar order rather than by name.
    let mut month_rows: Vec<(chrono::NaiveDate, Cell)> = vec![];
    for r in rows {
        let label = format!("{} {}", lang.month(r.date.month()), r.date.year());
        if !month_rows.iter().any(|(_, c)| c.label == label) {
            let first = r.date.with_day(1).unwrap_or(r.date);
            month_rows.push((first, cell(label.clone(), months[&label], false)));
        }
    }
    month_rows.sort_by_key(|(d, _)| *d);
    let week_word = lang.t("calendar.week");
    let tables = vec![
        table(
            lang,
            lang.t("statistics.per_month"),
            "statistics.month",
            month_rows.into_iter().map(|(_, c)| c).collect(),
            false,
        ),
        table(
            lang,
            lang.t("statistics.per_week"),
            "statistics.week",
            weeks
                .iter()
                .map(|((y, w), v)| cell(format!("{week_word} {w} {y}"), *v, false))
                .collect(),
            false,
        ),
        table(
            lang,
            lang.t("statistics.per_weekday"),
            "statistics.weekday",
            WEEKDAYS
                .iter()
                .map(|(d, _, _)| {
                    cell(
                        lang.weekday(*d),
                        weekdays.get(&d.num_days_from_monday()).copied().unwrap_or_default(),
                        false,
                    )
                })
                .collect(),
            false,
        ),
        table(
            lang,
            lang.t("statistics.per_hour"),
            "statistics.hour",
            hours
                .iter()
                .map(|(h, v)| cell(format!("{h:02}–{:02}", h + 1), *v, true))
                .collect(),
            true,
        ),
    ];
    Breakdown {
        name: name.to_string(),
        id: id.to_string(),
        total: rows.iter().map(|r| u64::from(r.visits)).sum(),
        first_visits: rows.iter().map(|r| u64::from(r.first_visits)).sum(),
        days: days.len(),
        tables,
    }
}

/// Whether the site has the page: only when there are visit counts to show.
pub(super) fn exists(site: &Site) -> bool {
    !site.visits.is_empty()
}

pub(super) fn render(site: &Site, theme: &Theme, lang: &Lang) -> Result<Vec<OutputFile>> {
    if !exists(site) {
        return Ok(vec![]);
    }
    let mut parts = vec![];
    let all: Vec<&VisitRow> = site.visits.iter().flat_map(|v| v.rows.iter()).collect();
    if site.visits.len() > 1 {
        parts.push(breakdown(lang, lang.t("statistics.all"), "alla", &all));
    }
    for v in &site.visits {
        let name = site.place_name(&v.id);
        parts.push(breakdown(lang, name, &v.id, &v.rows.iter().collect::<Vec<_>>()));
    }
    let mut ctx = builtin_context(site, lang, URL);
    ctx.insert("parts", &parts);
    ctx.insert("suppress_below", &SUPPRESS_BELOW);
    ctx.insert("breadcrumbs", &breadcrumbs(site, lang, Some("/")));
    Ok(vec![OutputFile::page(
        &lang.url(URL),
        theme.render("statistics.html", &ctx)?,
    )])
}

/// What the search index says of this built-in page besides its title and intro: the interface
/// text that leads it and its own words (none when the site does not have the page).
pub(super) fn search_words(site: &Site, lang: &Lang) -> Option<(Option<&'static str>, Vec<String>)> {
    if !exists(site) {
        return None;
    }
    let mut words: Vec<String> = site.visits.iter().map(|v| site.place_name(&v.id).into()).collect();
    words.extend([
        lang.t("statistics.visits").into(),
        lang.t("statistics.first_visits").into(),
    ]);
    Some((Some("statistics.lead"), words))
}
