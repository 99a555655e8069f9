//! The printable programme at `/program/`: this week and next, day by day, laid out for A4 in
//! black and white, for people who would rather have it on paper.

use chrono::{Datelike, Days};

use super::OutputFile;
use super::pages::breadcrumbs;
use crate::content::Site;
use crate::error::Result;
use crate::render::templates::Theme;
use crate::render::view::{self, base_context};
use crate::vocabulary::{month_name, plain_date};

pub(super) fn render(site: &Site, theme: &Theme) -> Result<Vec<OutputFile>> {
    let monday = site.today - Days::new(u64::from(site.today.weekday().num_days_from_monday()));
    let sunday = monday + Days::new(13);
    let title = "Veckoprogram";
    let mut ctx = base_context(
        site,
        "/program/",
        title,
        Some("Det här händer den här veckan och nästa – att skriva ut."),
    );
    ctx.insert("title", title);
    ctx.insert(
        "weeks_text",
        &format!(
            "Vecka {} och {}",
            monday.iso_week().week(),
            (monday + Days::new(7)).iso_week().week()
        ),
    );
    ctx.insert(
        "range_text",
        &format!(
            "{} {} – {}",
            monday.day(),
            month_name(monday.month()),
            plain_date(sunday)
        ),
    );
    ctx.insert("days", &view::days(site, monday, sunday));
    ctx.insert("breadcrumbs", &breadcrumbs(site, Some("/")));
    ctx.insert("address", &site.config.absolute("/"));
    Ok(vec![OutputFile::page("/program/", theme.render("program.html", &ctx)?)])
}
