//! The overview: check-ins today, this week and over a chosen period, as tables and bar charts.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;
use tera::Context;
use warp::Rejection;
use warp::http::StatusCode;

use super::{Query, Shared, blocking, page, to_login};
use omtanke::render::chart;

use crate::db::DbError;
use crate::db::checkins::Count;
use crate::validate;
use crate::web::staff::Staff;

/// A row of a counts table.
#[derive(Serialize)]
struct Row {
    label: String,
    visits: i64,
    first_visits: i64,
    current: bool,
}

/// A bar chart of `(label, visits, current)`, drawn large for the staff's screen by the
/// library's chart module, as the site draws its statistics.
fn chart(label: String, items: &[(String, i64, bool)]) -> String {
    let bars: Vec<chart::Bar> = items
        .iter()
        .map(|(text, value, current)| chart::Bar {
            label: text.clone(),
            value: u64::try_from(*value).ok(),
            current: *current,
        })
        .collect();
    chart::bars(
        &format!("{label} Samma siffror finns i tabellen."),
        &bars,
        chart::SCREEN,
    )
}

/// The hour of a by-hour key `2026-11-26T12:00`.
fn hour_of(key: &str) -> Option<u32> {
    key.get(11..13).and_then(|h| h.parse().ok())
}

/// Check-ins per hour of the day (0–23), summed over every day of the counts.
fn by_hour_of_day(counts: &[Count]) -> [(i64, i64); 24] {
    let mut hours = [(0, 0); 24];
    for c in counts {
        if let Some(h) = hour_of(&c.key).filter(|h| *h < 24) {
            hours[h as usize].0 += c.visits;
            hours[h as usize].1 += c.first_visits;
        }
    }
    hours
}

/// The table rows (hours with check-ins) and the chart (the café's usual hours and any other
/// hour with check-ins) of counts per hour of the day.
fn hours_view(hours: &[(i64, i64); 24], current: Option<u32>, label: String) -> (Vec<Row>, String) {
    let used: Vec<usize> = (0..24).filter(|h| hours[*h].0 > 0).collect();
    let first = used.first().copied().unwrap_or(8).min(8);
    let last = used.last().copied().unwrap_or(20).max(20);
    let rows = used
        .iter()
        .map(|h| Row {
            label: format!("{h:02}.00–{:02}.00", h + 1),
            visits: hours[*h].0,
            first_visits: hours[*h].1,
            current: current == Some(*h as u32),
        })
        .collect();
    let items: Vec<(String, i64, bool)> = (first..=last)
        .map(|h| (h.to_string(), hours[h].0, current == Some(h as u32)))
        .collect();
    (rows, chart(label, &items))
}

fn short_weekday(app: &Shared, date: NaiveDate) -> String {
    app.words.weekday(date.weekday()).chars().take(3).collect()
}

#[derive(Serialize)]
struct Totals {
    visits: i64,
    first_visits: i64,
}

fn totals(counts: &[Count]) -> Totals {
    Totals {
        visits: counts.iter().map(|c| c.visits).sum(),
        first_visits: counts.iter().map(|c| c.first_visits).sum(),
    }
}

/// Links to the three CSV exports of a period.
#[derive(Serialize)]
struct Exports {
    label: String,
    checkins: String,
    by_hour: String,
    bookings: String,
}

fn exports(label: &str, from: NaiveDate, to: NaiveDate) -> Exports {
    let link = |what: &str| format!("/admin/export/{what}.csv?from={from}&to={to}");
    Exports {
        label: label.to_string(),
        checkins: link("checkins"),
        by_hour: link("checkins-by-hour"),
        bookings: link("bookings"),
    }
}

fn last_of_month(date: NaiveDate) -> NaiveDate {
    let first = date.with_day(1).unwrap_or(date);
    first
        .checked_add_months(chrono::Months::new(1))
        .and_then(|d| d.pred_opt())
        .unwrap_or(date)
}

struct CheckinData {
    pending_suggestions: i64,
    today: Vec<Count>,
    week: Vec<Count>,
    period: Option<(Vec<Count>, Vec<Count>)>,
}

pub(super) async fn overview(staff: Option<Staff>, q: Query, app: Shared) -> Result<warp::reply::Response, Rejection> {
    let Some(staff) = staff else { return Ok(to_login()) };
    let now = app.now();
    let today = now.date_naive();
    let monday = today - Days::new(u64::from(today.weekday().num_days_from_monday()));
    let sunday = monday + Days::new(6);
    let asked = q.contains_key("from") || q.contains_key("to");
    let from_text = q
        .get("from")
        .cloned()
        .unwrap_or_else(|| today.with_day(1).unwrap_or(today).to_string());
    let to_text = q.get("to").cloned().unwrap_or_else(|| today.to_string());
    let period = if asked {
        Some(validate::period(&from_text, &to_text))
    } else {
        None
    };
    let chosen = period.as_ref().and_then(|p| p.as_ref().ok().copied());

    let db_app = app.clone();
    let data = blocking(move || {
        Ok::<_, DbError>(CheckinData {
            pending_suggestions: db_app.db.pending_suggestions()?,
            today: db_app.db.checkins_by_hour(today, today)?,
            week: db_app.db.checkins_by_day(monday, sunday)?,
            period: match chosen {
                Some((f, t)) => Some((db_app.db.checkins_by_day(f, t)?, db_app.db.checkins_by_hour(f, t)?)),
                None => None,
            },
        })
    })
    .await?;

    let mut ctx = Context::new();
    ctx.insert("pending_suggestions", &data.pending_suggestions);
    let now_hour = now.format("%H").to_string().parse().ok();
    let today_text = app.words.long_date(today);
    ctx.insert("today", &today_text);
    ctx.insert("today_totals", &totals(&data.today));
    let (rows, today_chart) = hours_view(
        &by_hour_of_day(&data.today),
        now_hour,
        format!("Stapeldiagram: incheckningar per timme i dag, {today_text}."),
    );
    ctx.insert("today_rows", &rows);
    ctx.insert("today_chart", &today_chart);

    let week_label = format!("{} – {}", app.words.day_month(monday), app.words.day_month(sunday));
    let days: Vec<NaiveDate> = monday.iter_days().take(7).collect();
    let find = |d: NaiveDate, counts: &[Count]| {
        counts
            .iter()
            .find(|c| c.key == d.to_string())
            .map_or((0, 0), |c| (c.visits, c.first_visits))
    };
    let week_rows: Vec<Row> = days
        .iter()
        .map(|d| {
            let (visits, first_visits) = find(*d, &data.week);
            Row {
                label: app.words.long_date(*d),
                visits,
                first_visits,
                current: *d == today,
            }
        })
        .collect();
    let week_items: Vec<(String, i64, bool)> = days
        .iter()
        .map(|d| (short_weekday(&app, *d), find(*d, &data.week).0, *d == today))
        .collect();
    ctx.insert("week", &week_label);
    ctx.insert("week_totals", &totals(&data.week));
    ctx.insert("week_rows", &week_rows);
    ctx.insert(
        "week_chart",
        &chart(
            format!("Stapeldiagram: incheckningar per dag den här veckan, {week_label}."),
            &week_items,
        ),
    );

    ctx.insert("from", &from_text);
    ctx.insert("to", &to_text);
    let error = period.as_ref().and_then(|p| p.as_ref().err().copied());
    ctx.insert("error", &error.map(|e| e.to_string()));
    ctx.insert("error_field", error.map_or("from", |e| e.field()));
    let mut export_links = vec![
        exports("Den här veckan", monday, sunday),
        exports(
            "Den här månaden",
            today.with_day(1).unwrap_or(today),
            last_of_month(today),
        ),
    ];
    if let (Some((f, t)), Some((by_day, by_hour))) = (chosen, &data.period) {
        let label = format!("{} – {}", app.words.plain_date(f), app.words.plain_date(t));
        ctx.insert("period", &label);
        ctx.insert("period_totals", &totals(by_day));
        let rows: Vec<Row> = by_day
            .iter()
            .filter_map(|c| {
                let d = NaiveDate::parse_from_str(&c.key, "%Y-%m-%d").ok()?;
                Some(Row {
                    label: format!("{} {}", app.words.long_date(d), d.year()),
                    visits: c.visits,
                    first_visits: c.first_visits,
                    current: false,
                })
            })
            .collect();
        ctx.insert("period_rows", &rows);
        let days = (t - f).num_days() + 1;
        let items: Vec<(String, i64, bool)> = if days <= 62 {
            f.iter_days()
                .take(days as usize)
                .map(|d| (d.day().to_string(), find(d, by_day).0, false))
                .collect()
        } else {
            let mut months: BTreeMap<String, i64> = BTreeMap::new();
            let mut d = f.with_day(1).unwrap_or(f);
            while d <= t {
                months.insert(d.format("%Y-%m").to_string(), 0);
                d = d
                    .checked_add_months(chrono::Months::new(1))
                    .unwrap_or(t.succ_opt().unwrap_or(t));
            }
            for c in by_day {
                *months.entry(c.key.get(..7).unwrap_or("").to_string()).or_default() += c.visits;
            }
            months.into_iter().map(|(k, v)| (k, v, false)).collect()
        };
        let per = if days <= 62 { "dag" } else { "månad" };
        ctx.insert("period_per", per);
        ctx.insert(
            "period_chart",
            &chart(format!("Stapeldiagram: incheckningar per {per}, {label}."), &items),
        );
        let (hour_rows, hour_chart) = hours_view(
            &by_hour_of_day(by_hour),
            None,
            format!("Stapeldiagram: incheckningar per timme på dagen, {label}."),
        );
        ctx.insert("period_hour_rows", &hour_rows);
        ctx.insert("period_hour_chart", &hour_chart);
        export_links.push(exports("Vald period", f, t));
    }
    ctx.insert("exports", &export_links);
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok(page(&app, "admin_overview.html", ctx, Some(&staff), status))
}
