//! The staff page `/admin/utvardering`: the survey's results per month, only as aggregates and
//! only for months with at least [`MIN_RESPONSES`] responses, and the CSV file for the website
//! (`/admin/export/utvardering.csv`, the same file `omtanke-kiosk export-survey` writes).

use serde::Serialize;
use tera::Context;
use warp::http::{Response, StatusCode};
use warp::{Filter, Rejection};

use super::{blocking, page, to_login};
use crate::survey::{Kind, MIN_RESPONSES};
use crate::survey_results::{self, MonthResult};
use crate::web::staff::{self, Staff};
use crate::web::{Shared, with_app};

/// The survey page's routes.
pub(super) fn routes(app: Shared) -> impl Filter<Extract = (warp::reply::Response,), Error = Rejection> + Clone {
    let results = warp::path!("admin" / "utvardering")
        .and(warp::get())
        .and(staff::optional_staff(app.clone()))
        .and(with_app(app.clone()))
        .and_then(results);
    let export = warp::path!("admin" / "export" / "utvardering.csv")
        .and(warp::get())
        .and(staff::optional_staff(app.clone()))
        .and(with_app(app))
        .and_then(export);
    results.or(export).unify()
}

/// A month as the table shows it: figures only when the month may be shown.
#[derive(Serialize)]
struct MonthRow {
    label: String,
    shown: bool,
    ongoing: bool,
    responses: usize,
    mean_total: String,
    mean_emotional: String,
    mean_social: String,
    bands: [usize; 3],
}

/// A mean the Swedish way, "2,5"; "–" when no response had a score for it.
fn mean(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_string(), |v| survey_results::one_decimal(v).replace('.', ","))
}

fn row(app: &Shared, m: &MonthResult) -> MonthRow {
    let (year, month) = m.month.split_once('-').unwrap_or((&m.month, "1"));
    let label = format!("{} {year}", app.words.month(month.parse().unwrap_or(1)));
    match &m.figures {
        Some(f) => MonthRow {
            label,
            shown: true,
            ongoing: false,
            responses: f.responses,
            mean_total: mean(f.mean_total),
            mean_emotional: mean(f.mean_emotional),
            mean_social: mean(f.mean_social),
            bands: f.bands,
        },
        // Nothing of a small month leaves the server, not even its count.
        None => MonthRow {
            label,
            shown: false,
            ongoing: m.ongoing,
            responses: 0,
            mean_total: String::new(),
            mean_emotional: String::new(),
            mean_social: String::new(),
            bands: [0; 3],
        },
    }
}

/// A statement as the explanation lists it.
#[derive(Serialize)]
struct ItemView<'a> {
    text: &'a str,
    kind: &'static str,
}

async fn results(staff: Option<Staff>, app: Shared) -> Result<warp::reply::Response, Rejection> {
    let Some(staff) = staff else { return Ok(to_login()) };
    let db_app = app.clone();
    let by_month = blocking(move || db_app.db.survey_responses_by_month()).await?;
    let current = app.now().format("%Y-%m").to_string();
    let months = survey_results::monthly(&app.survey.items, &by_month, &current);
    // Newest month first: staff mostly look at how the current months go.
    let rows: Vec<MonthRow> = months.iter().rev().map(|m| row(&app, m)).collect();
    let items: Vec<ItemView> = app
        .survey
        .items
        .items
        .iter()
        .map(|i| ItemView {
            text: &i.sv,
            kind: match i.kind {
                Kind::Emotional => "emotionell",
                Kind::Social => "social",
            },
        })
        .collect();
    let missing_mean = months
        .iter()
        .filter_map(|m| m.figures.as_ref())
        .any(|f| f.mean_total.is_none() || f.mean_emotional.is_none() || f.mean_social.is_none());
    let mut ctx = Context::new();
    ctx.insert("months", &rows);
    ctx.insert("missing_mean", &missing_mean);
    ctx.insert("min_responses", &MIN_RESPONSES);
    ctx.insert("validated", &app.survey.items.swedish_validated);
    ctx.insert("items", &items);
    Ok(page(&app, "admin_survey.html", ctx, Some(&staff), StatusCode::OK))
}

async fn export(staff: Option<Staff>, app: Shared) -> Result<warp::reply::Response, Rejection> {
    if staff.is_none() {
        return Ok(to_login());
    }
    let db_app = app.clone();
    let by_month = blocking(move || db_app.db.survey_responses_by_month()).await?;
    let current = app.now().format("%Y-%m").to_string();
    let csv = survey_results::csv(&survey_results::monthly(&app.survey.items, &by_month, &current));
    tracing::info!("staff downloaded the survey's results");
    Ok(Response::builder()
        .status(StatusCode::OK)
        .header("content-type", "text/csv; charset=utf-8")
        .header(
            "content-disposition",
            format!("attachment; filename=\"utvardering-{}.csv\"", app.now().date_naive()),
        )
        .body(csv.into())
        .expect("a valid response"))
}
