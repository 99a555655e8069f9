//! The printable programme at `/program/`: this week and next, day by day, laid out for A4 in
//! black and white, for people who would rather have it on paper.

use chrono::{Datelike, Days};

use super::OutputFile;
use super::sections::breadcrumbs;
use crate::content::Site;
use crate::error::Result;
use crate::render::i18n::Lang;
use crate::render::templates::Theme;
use crate::render::view::{self, base_context};

pub(super) fn render(site: &Site, theme: &Theme, lang: &Lang) -> Result<Vec<OutputFile>> {
    let monday = site.today - Days::new(u64::from(site.today.weekday().num_days_from_monday()));
    let sunday = monday + Days::new(13);
    let title = lang.t("programme.title");
    let mut ctx = base_context(site, lang, "/program/", title, Some(lang.t("programme.lead")));
    ctx.insert("title", title);
    let (first, second) = (
        monday.iso_week().week().to_string(),
        (monday + Days::new(7)).iso_week().week().to_string(),
    );
    ctx.insert(
        "weeks_text",
        &lang.fill("programme.weeks", &[("first", &first), ("second", &second)]),
    );
    ctx.insert(
        "range_text",
        &lang.fill(
            "date.range",
            &[("from", &lang.day_month(monday)), ("to", &lang.plain_date(sunday))],
        ),
    );
    ctx.insert("days", &view::days(site, lang, monday, sunday));
    ctx.insert("breadcrumbs", &breadcrumbs(site, lang, Some("/")));
    ctx.insert("address", &site.config.absolute("/"));
    Ok(vec![OutputFile::page(
        &lang.url("/program/"),
        theme.render("program.html", &ctx)?,
    )])
}
