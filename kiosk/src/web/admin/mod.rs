//! Staff pages under `/admin`: log in with the password set by `omtanke-kiosk passwd`, see the
//! check-ins (today, this week, a chosen period) as tables and simple bar charts, see and manage
//! the bookings of each occurrence, and download CSV files.
//!
//! Every page but the login needs a staff session: a page asked for without one redirects to the
//! login, a form sent without one is refused (401). Every form carries the session's CSRF token
//! (403 without it). Forms post and redirect, nothing needs JavaScript, and the log records what
//! staff did but never names or phone numbers.

mod survey;

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Datelike, Days, NaiveDate};
use chrono_tz::Tz;
use serde::Serialize;
use tera::Context;
use warp::http::{Response, StatusCode};
use warp::{Filter, Rejection, Reply};

use super::{BODY_LIMIT, Shared, problem, with_app};
use crate::auth::{self, Staff};
use crate::db::checkins::Count;
use crate::db::{DbError, DbResult};
use crate::login;
use crate::validate;

mod suggestions;

type Form = Vec<(String, String)>;
type Query = HashMap<String, String>;

/// The staff pages' routes.
pub fn routes(app: Shared) -> impl Filter<Extract = (impl Reply,), Error = Rejection> + Clone {
    let form = || warp::body::content_length_limit(BODY_LIMIT).and(warp::body::form::<Form>());
    let login_page = warp::path!("admin" / "login")
        .and(warp::get())
        .and(auth::optional_staff(app.clone()))
        .and(with_app(app.clone()))
        .and_then(login_page);
    let login = warp::path!("admin" / "login")
        .and(warp::post())
        .and(crate::web::client::peer())
        .and(warp::header::headers_cloned())
        .and(form())
        .and(with_app(app.clone()))
        .and_then(login);
    let logout = warp::path!("admin" / "logout")
        .and(warp::post())
        .and(auth::staff(app.clone()))
        .and(form())
        .and(with_app(app.clone()))
        .and_then(logout);
    let overview = warp::path!("admin")
        .and(warp::get())
        .and(auth::optional_staff(app.clone()))
        .and(warp::query::<Query>())
        .and(with_app(app.clone()))
        .and_then(overview);
    let bookings = warp::path!("admin" / "bokningar")
        .and(warp::get())
        .and(auth::optional_staff(app.clone()))
        .and(warp::query::<Query>())
        .and(with_app(app.clone()))
        .and_then(bookings);
    let attended = warp::path!("admin" / "bokningar" / i64 / "narvaro")
        .and(warp::post())
        .and(auth::staff(app.clone()))
        .and(form())
        .and(with_app(app.clone()))
        .and_then(attended);
    let cancel = warp::path!("admin" / "bokningar" / "avboka")
        .and(warp::post())
        .and(auth::staff(app.clone()))
        .and(form())
        .and(with_app(app.clone()))
        .and_then(cancel);
    let suggestion_pages = suggestions::routes(app.clone());
    // Before the general exports, which would take its file name for one of theirs.
    let survey = survey::routes(app.clone());
    let export = warp::path!("admin" / "export" / String)
        .and(warp::get())
        .and(auth::optional_staff(app.clone()))
        .and(warp::query::<Query>())
        .and(with_app(app))
        .and_then(export);
    login_page
        .or(suggestion_pages)
        .unify()
        .or(login)
        .unify()
        .or(logout)
        .unify()
        .or(overview)
        .unify()
        .or(bookings)
        .unify()
        .or(attended)
        .unify()
        .or(cancel)
        .unify()
        .or(survey)
        .unify()
        .or(export)
        .unify()
}

// ---------------------------------------------------------------------------------------------
// Helpers

fn field(form: &[(String, String)], name: &str) -> Option<String> {
    form.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
}

fn page(
    app: &Shared,
    name: &str,
    mut ctx: Context,
    staff: Option<&Staff>,
    status: StatusCode,
) -> warp::reply::Response {
    ctx.insert("cafe", &app.config.cafe_name);
    // Staff pages never return to the kiosk's start by themselves.
    ctx.insert("idle", &0);
    ctx.insert("logged_in", &staff.is_some());
    ctx.insert("csrf", staff.map_or("", |s| s.csrf.as_str()));
    // admin_bookings.html → bookings, for the menu's current page.
    ctx.insert("section", name.trim_start_matches("admin_").trim_end_matches(".html"));
    let mut reply = warp::reply::html(app.templates.render(name, &ctx)).into_response();
    *reply.status_mut() = status;
    reply
}

/// A 303 to a path of this site. Written by hand rather than through `Uri`, which drops the
/// `#fragment` that brings staff back to the occurrence they were working on.
fn see_other(to: &str) -> warp::reply::Response {
    let to = if to.starts_with('/') && !to.starts_with("//") {
        to
    } else {
        "/admin"
    };
    let location = warp::http::HeaderValue::from_str(to).unwrap_or(warp::http::HeaderValue::from_static("/admin"));
    let mut reply = StatusCode::SEE_OTHER.into_response();
    reply.headers_mut().insert("location", location);
    reply
}

fn to_login() -> warp::reply::Response {
    see_other("/admin/login")
}

fn internal(e: impl std::fmt::Display) -> Rejection {
    tracing::error!(error = %e, "database error on a staff page");
    problem(
        StatusCode::INTERNAL_SERVER_ERROR,
        "Det gick inte att läsa eller spara uppgifterna. Försök igen.",
    )
}

/// Runs database work off the async threads.
async fn blocking<T: Send + 'static>(f: impl FnOnce() -> DbResult<T> + Send + 'static) -> Result<T, Rejection> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(internal)?
        .map_err(internal)
}

// ---------------------------------------------------------------------------------------------
// Logging in and out

fn login_form(app: &Shared, error: Option<&str>, status: StatusCode) -> warp::reply::Response {
    let mut ctx = Context::new();
    ctx.insert("has_password", &app.db.has_password().unwrap_or(true));
    ctx.insert("error", &error);
    page(app, "admin_login.html", ctx, None, status)
}

async fn login_page(staff: Option<Staff>, app: Shared) -> Result<warp::reply::Response, Rejection> {
    if staff.is_some() {
        return Ok(see_other("/admin"));
    }
    Ok(login_form(&app, None, StatusCode::OK))
}

async fn login(
    remote: Option<std::net::SocketAddr>,
    headers: warp::http::HeaderMap,
    form: Form,
    app: Shared,
) -> Result<warp::reply::Response, Rejection> {
    let client = crate::web::client::client(remote, &headers, &app.config.proxies());
    let staff_network = client.is_some_and(|a| app.config.staff_networks.iter().any(|n| n.contains(&a)));
    let network = client.map_or_else(|| "unknown".to_string(), |a| crate::web::client::network(a).to_string());
    let password = field(&form, "losenord").unwrap_or_default();
    if password.is_empty() {
        return Ok(login_form(
            &app,
            Some("Skriv lösenordet."),
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
    }
    let (db_app, net) = (app.clone(), network.clone());
    let reserved = blocking(move || {
        let now = auth::now();
        db_app
            .db
            .reserve_login(&net, now, login::WINDOW, login::GLOBAL_WINDOW, |here, all, last| {
                login::decide(here, all, last, staff_network, now)
            })
    })
    .await?;
    let reservation = match reserved {
        Ok(id) => id,
        Err(refusal) => {
            tracing::warn!(?refusal, "staff login refused: too many failed attempts");
            let minutes = match refusal {
                login::Refusal::Network(m) | login::Refusal::Everyone(m) => m,
            };
            let message = if minutes == 1 {
                "Det har varit för många felaktiga försök. Vänta en minut och försök sedan igen.".to_string()
            } else {
                format!("Det har varit för många felaktiga försök. Vänta {minutes} minuter och försök sedan igen.")
            };
            return Ok(login_form(&app, Some(&message), StatusCode::TOO_MANY_REQUESTS));
        }
    };
    let Some(_permit) = app.login_pool.enter().await else {
        let db_app = app.clone();
        blocking(move || db_app.db.cancel_login(reservation)).await?;
        tracing::warn!("staff login refused: the password checks are busy");
        return Ok(login_form(
            &app,
            Some("Många försöker logga in just nu. Vänta en liten stund och försök igen."),
            StatusCode::SERVICE_UNAVAILABLE,
        ));
    };
    let db_app = app.clone();
    let session = blocking(move || {
        if !db_app.db.verify_password(&password)? {
            return Ok(None);
        }
        db_app.db.release_login(reservation, &network)?;
        Ok(Some(db_app.db.start_session(auth::now())?))
    })
    .await?;
    Ok(match session {
        None => {
            tracing::info!("staff login failed: wrong password");
            let message = format!(
                "Lösenordet stämmer inte. Kontrollera det och försök igen. Efter {} felaktiga försök får du vänta {} minuter.",
                login::PER_NETWORK,
                login::WINDOW / 60
            );
            login_form(&app, Some(&message), StatusCode::UNAUTHORIZED)
        }
        Some(session) => {
            tracing::info!("staff logged in");
            let mut reply = see_other("/admin");
            reply.headers_mut().append(
                "set-cookie",
                auth::session_cookie(&session.token, app.config.inbox_only)
                    .parse()
                    .expect("a cookie of letters and digits is a valid header"),
            );
            reply
        }
    })
}

async fn logout(staff: Staff, form: Form, app: Shared) -> Result<warp::reply::Response, Rejection> {
    auth::check_csrf(&staff, &field(&form, "csrf").unwrap_or_default())?;
    blocking(move || app.db.end_session(&staff.token)).await?;
    tracing::info!("staff logged out");
    let mut reply = see_other("/admin/login");
    reply
        .headers_mut()
        .append("set-cookie", auth::clear_cookie().parse().expect("a valid header"));
    Ok(reply)
}

// ---------------------------------------------------------------------------------------------
// The overview: check-ins

/// A row of a counts table.
#[derive(Serialize)]
struct Row {
    label: String,
    visits: i64,
    first_visits: i64,
    current: bool,
}

/// A simple bar chart, laid out here and drawn as SVG by `admin_chart.html`.
#[derive(Serialize)]
struct Chart {
    /// What the chart shows, for screen readers (the table has the same numbers).
    label: String,
    width: u32,
    height: u32,
    baseline: f64,
    bars: Vec<Bar>,
}

#[derive(Serialize)]
struct Bar {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
    /// Centre of the bar, for the texts.
    cx: f64,
    label: String,
    show_label: bool,
    value: i64,
    value_y: f64,
    show_value: bool,
    current: bool,
}

const CHART_WIDTH: u32 = 720;
const CHART_HEIGHT: u32 = 260;

fn chart(label: String, items: &[(String, i64, bool)]) -> Chart {
    // Room above the bars for their numbers, below for the labels, and at the sides so that
    // the outermost labels are not cut off.
    let (top, bottom, side) = (36.0, 44.0, 14.0);
    let plot = f64::from(CHART_HEIGHT) - top - bottom;
    let baseline = top + plot;
    let max = items.iter().map(|i| i.1).max().unwrap_or(0).max(1) as f64;
    let n = items.len().max(1);
    let slot = (f64::from(CHART_WIDTH) - 2.0 * side) / n as f64;
    let w = (slot * 0.7).min(72.0);
    // Labels under every bar while they fit; otherwise under every n-th.
    let step = n.div_ceil(14);
    let bars = items
        .iter()
        .enumerate()
        .map(|(i, (text, value, current))| {
            let h = if *value > 0 {
                (*value as f64 / max * plot).max(2.0)
            } else {
                0.0
            };
            let cx = side + slot * i as f64 + slot / 2.0;
            Bar {
                x: tenths(cx - w / 2.0),
                y: tenths(baseline - h),
                w: tenths(w),
                h: tenths(h),
                cx: tenths(cx),
                label: text.clone(),
                show_label: i % step == 0,
                value: *value,
                value_y: tenths(baseline - h - 8.0),
                show_value: *value > 0 && n <= 16,
                current: *current,
            }
        })
        .collect();
    Chart {
        label,
        width: CHART_WIDTH,
        height: CHART_HEIGHT,
        baseline,
        bars,
    }
}

/// Coordinates to a tenth of a pixel, which keeps the SVG short.
fn tenths(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
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
fn hours_view(hours: &[(i64, i64); 24], current: Option<u32>, label: String) -> (Vec<Row>, Chart) {
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

async fn overview(staff: Option<Staff>, q: Query, app: Shared) -> Result<warp::reply::Response, Rejection> {
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
    let error = period.as_ref().and_then(|p| p.as_ref().err());
    ctx.insert("error", &error);
    ctx.insert(
        "error_field",
        if error.is_some_and(|e| e.starts_with("Slutdatum")) {
            "to"
        } else {
            "from"
        },
    );
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

// ---------------------------------------------------------------------------------------------
// Bookings

#[derive(Serialize)]
struct BookingView {
    id: i64,
    name: Option<String>,
    phone: Option<String>,
    code: String,
    status: String,
    status_text: String,
    active: bool,
    attended: bool,
}

#[derive(Serialize)]
struct SessionCard {
    anchor: String,
    title: String,
    when: String,
    place: Option<String>,
    capacity: Option<u32>,
    booked: usize,
    waitlisted: usize,
    past: bool,
    bookings: Vec<BookingView>,
}

/// A fragment id for a session id (`samtalsgrupp@2026-11-30T14:00` → `t-samtalsgrupp-2026-11-30t1400`).
fn anchor(session: &str) -> String {
    let mut out = String::from("t-");
    for c in session.chars() {
        match c {
            'a'..='z' | '0'..='9' | '-' => out.push(c),
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            '@' | '_' => out.push('-'),
            _ => {}
        }
    }
    out
}

/// Only fragments that [`anchor`] could have made go into a redirect.
fn safe_anchor(sent: Option<String>) -> Option<String> {
    sent.filter(|a| {
        a.starts_with("t-")
            && a.len() < 120
            && a.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    })
}

/// Back to the bookings after a change, scrolled to the occurrence, with a notice there.
fn back_to(done: &str, anchor: Option<String>) -> String {
    match anchor {
        Some(a) => format!("/admin/bokningar?klart={done}&vid={a}#{a}"),
        None => format!("/admin/bokningar?klart={done}"),
    }
}

async fn bookings(staff: Option<Staff>, q: Query, app: Shared) -> Result<warp::reply::Response, Rejection> {
    let Some(staff) = staff else { return Ok(to_login()) };
    let now = app.now();
    let tz = app.catalog.timezone();
    let since = now.date_naive() - Days::new(u64::from(app.config.retention_days));
    let db_app = app.clone();
    let cards = blocking(move || {
        // Sessions to show: every coming bookable one, and any with bookings from the last days
        // (started, or no longer in the content).
        let mut sessions: BTreeMap<String, (DateTime<Tz>, Option<crate::sessions::Session>, String)> = BTreeMap::new();
        for s in db_app.catalog.sessions(now) {
            sessions.insert(s.id.clone(), (s.start, Some(s.clone()), s.activity.clone()));
        }
        for (activity, starts_at, b) in db_app.db.bookings_between(&since.to_string(), "9999-12-31")? {
            if sessions.contains_key(&b.session) {
                continue;
            }
            if let Ok(start) = DateTime::parse_from_rfc3339(&starts_at) {
                sessions.insert(b.session.clone(), (start.with_timezone(&tz), None, activity));
            }
        }
        let mut list: Vec<_> = sessions.into_iter().collect();
        list.sort_by(|a, b| a.1.0.cmp(&b.1.0).then(a.0.cmp(&b.0)));
        let site = db_app.catalog.site();
        let mut cards = Vec::with_capacity(list.len());
        for (id, (start, session, activity)) in list {
            let mut rows = db_app.db.bookings_of(&id)?;
            // Those with a place first, then the waiting list in order, then the cancelled.
            rows.sort_by_key(|b| match b.status.as_str() {
                "confirmed" => 0,
                "waitlisted" => 1,
                _ => 2,
            });
            let content = site
                .as_ref()
                .and_then(|s| s.activities.iter().find(|a| a.id == activity));
            let (title, place, end, capacity) = match (&session, content) {
                (Some(s), _) => (s.title.clone(), s.place.clone(), Some(s.end), Some(s.capacity)),
                (None, Some(a)) => (
                    a.title.clone(),
                    a.place.as_ref().map(|p| p.name.clone()),
                    None,
                    a.booking.as_ref().map(|b| b.capacity),
                ),
                (None, None) => (activity.clone(), None, None, None),
            };
            let when = match end {
                Some(end) => format!(
                    "{}, kl. {}–{}",
                    db_app.words.long_date(start.date_naive()),
                    start.format("%H.%M"),
                    end.format("%H.%M")
                ),
                None => format!(
                    "{}, kl. {}",
                    db_app.words.long_date(start.date_naive()),
                    start.format("%H.%M")
                ),
            };
            cards.push(SessionCard {
                anchor: anchor(&id),
                title,
                when,
                place,
                capacity,
                booked: rows.iter().filter(|b| b.status == "confirmed").count(),
                waitlisted: rows.iter().filter(|b| b.status == "waitlisted").count(),
                past: start <= now,
                bookings: rows
                    .into_iter()
                    .scan(0, |queue, b| {
                        Some(BookingView {
                            status_text: match b.status.as_str() {
                                "confirmed" => "Bokad".to_string(),
                                "waitlisted" => {
                                    *queue += 1;
                                    format!("I kö, nr {queue}")
                                }
                                _ => "Avbokad".to_string(),
                            },
                            active: b.status != "cancelled",
                            id: b.id,
                            name: b.name,
                            phone: b.phone,
                            code: b.code,
                            status: b.status,
                            attended: b.attended,
                        })
                    })
                    .collect(),
            });
        }
        Ok(cards)
    })
    .await?;
    let mut ctx = Context::new();
    ctx.insert("sessions", &cards);
    let (notice, error) = match q.get("klart").map(String::as_str) {
        Some("narvaro") => (Some("Närvaron är sparad."), None),
        Some("avbokad") => (
            Some("Bokningen är avbokad. Stod någon i kö har den första i kön fått platsen."),
            None,
        ),
        Some("okand") => (
            None,
            Some("Det finns ingen aktiv bokning med den koden. Kontrollera koden och försök igen."),
        ),
        _ => (None, None),
    };
    ctx.insert("notice", &notice);
    // Where the notice goes: in the occurrence the redirect scrolls to, or at the top.
    let notice_at = safe_anchor(q.get("vid").cloned()).filter(|a| cards.iter().any(|c| &c.anchor == a));
    ctx.insert("notice_at", &notice_at.unwrap_or_default());
    ctx.insert("error", &error);
    let content_error = app.catalog.error.read().unwrap_or_else(|e| e.into_inner()).is_some();
    ctx.insert("content_error", &content_error);
    ctx.insert("retention_days", &app.config.retention_days);
    Ok(page(&app, "admin_bookings.html", ctx, Some(&staff), StatusCode::OK))
}

async fn attended(id: i64, staff: Staff, form: Form, app: Shared) -> Result<warp::reply::Response, Rejection> {
    auth::check_csrf(&staff, &field(&form, "csrf").unwrap_or_default())?;
    let value = match field(&form, "narvarande").as_deref() {
        Some("ja") => true,
        Some("nej") => false,
        _ => {
            return Err(problem(
                StatusCode::UNPROCESSABLE_ENTITY,
                "Välj om personen är här eller inte.",
            ));
        }
    };
    let found = blocking(move || app.db.set_attended(id, value)).await?;
    if !found {
        return Err(problem(StatusCode::NOT_FOUND, "Bokningen finns inte."));
    }
    tracing::info!(booking = id, attended = value, "staff marked attendance");
    Ok(see_other(&back_to("narvaro", safe_anchor(field(&form, "tillbaka")))))
}

async fn cancel(staff: Staff, form: Form, app: Shared) -> Result<warp::reply::Response, Rejection> {
    auth::check_csrf(&staff, &field(&form, "csrf").unwrap_or_default())?;
    let code = field(&form, "kod").unwrap_or_default();
    let back = safe_anchor(field(&form, "tillbaka"));
    if code.trim().is_empty() {
        return Ok(see_other("/admin/bokningar?klart=okand#avboka"));
    }
    let found = blocking(move || app.db.cancel(&code)).await?;
    Ok(if found {
        tracing::info!("staff cancelled a booking");
        see_other(&back_to("avbokad", back))
    } else {
        see_other("/admin/bokningar?klart=okand#avboka")
    })
}

// ---------------------------------------------------------------------------------------------
// CSV

async fn export(file: String, staff: Option<Staff>, q: Query, app: Shared) -> Result<warp::reply::Response, Rejection> {
    if staff.is_none() {
        return Ok(to_login());
    }
    let Some(what) = file.strip_suffix(".csv").map(str::to_string) else {
        return Err(warp::reject::not_found());
    };
    let (from, to) = validate::period(
        q.get("from").map_or("", String::as_str),
        q.get("to").map_or("", String::as_str),
    )
    .map_err(|m| problem(StatusCode::UNPROCESSABLE_ENTITY, m))?;
    let kind = what.clone();
    let csv = tokio::task::spawn_blocking(move || export_csv(&app.db, &kind, from, to))
        .await
        .map_err(internal)?;
    let csv = csv.map_err(|m| {
        if m.starts_with("unknown export") {
            warp::reject::not_found()
        } else {
            internal(m)
        }
    })?;
    tracing::info!(export = %what, %from, %to, "staff downloaded a CSV file");
    let name = match what.as_str() {
        "checkins" => "incheckningar-per-dag",
        "checkins-by-hour" => "incheckningar-per-timme",
        _ => "bokningar",
    };
    Ok(Response::builder()
        .status(StatusCode::OK)
        .header("content-type", "text/csv; charset=utf-8")
        .header(
            "content-disposition",
            format!("attachment; filename=\"{name}-{from}-{to}.csv\""),
        )
        .body(csv.into())
        .expect("a valid response"))
}

/// Check-ins per hour in the website's statistics format (`datum,timme,besok,forsta_besok`),
/// read by the generator from `content/data/besok/*.csv`.
pub fn stats_csv(db: &crate::db::Db, from: chrono::NaiveDate, to: chrono::NaiveDate) -> Result<String, String> {
    let mut out = String::from("datum,timme,besok,forsta_besok\n");
    for r in db.checkins_by_hour(from, to).map_err(|e| e.to_string())? {
        // The key is the local hour, "2026-11-26T12:00".
        let (date, time) = r.key.split_once('T').unwrap_or((&r.key, "00:00"));
        let hour: u32 = time.get(..2).and_then(|h| h.parse().ok()).unwrap_or(0);
        out.push_str(&format!("{date},{hour},{},{}\n", r.visits, r.first_visits));
    }
    Ok(out)
}

/// Check-in counts or bookings between two dates as CSV (`checkins`, `checkins-by-hour`,
/// `bookings`), for the admin pages and `omtanke-kiosk export` alike.
pub fn export_csv(
    db: &crate::db::Db,
    what: &str,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Result<String, String> {
    let quote = |s: &str| {
        // A leading =, +, - or @ would make a spreadsheet run it as a formula.
        let s = if s.starts_with(['=', '+', '-', '@']) {
            format!("'{s}")
        } else {
            s.to_string()
        };
        format!("\"{}\"", s.replace('"', "\"\""))
    };
    let mut out = String::new();
    match what {
        "checkins" | "checkins-by-hour" => {
            let rows = if what == "checkins" {
                db.checkins_by_day(from, to)
            } else {
                db.checkins_by_hour(from, to)
            }
            .map_err(|e| e.to_string())?;
            out.push_str(if what == "checkins" {
                "datum,besok,forsta_besok\n"
            } else {
                "timme,besok,forsta_besok\n"
            });
            for r in rows {
                out.push_str(&format!("{},{},{}\n", r.key, r.visits, r.first_visits));
            }
        }
        "bookings" => {
            out.push_str("aktivitet,start,namn,telefon,kod,status,narvarande\n");
            for (activity, start, b) in db
                .bookings_between(&from.to_string(), &to.to_string())
                .map_err(|e| e.to_string())?
            {
                out.push_str(&format!(
                    "{},{},{},{},{},{},{}\n",
                    quote(&activity),
                    quote(&start),
                    quote(b.name.as_deref().unwrap_or("")),
                    quote(b.phone.as_deref().unwrap_or("")),
                    quote(&b.code),
                    quote(&b.status),
                    if b.attended { "ja" } else { "nej" }
                ));
            }
        }
        other => {
            return Err(format!(
                "unknown export \"{other}\"; use checkins, checkins-by-hour or bookings"
            ));
        }
    }
    Ok(out)
}
