//! The CSV downloads.

use warp::Rejection;
use warp::http::{Response, StatusCode};

use super::{Query, Shared, internal, problem, to_login};
use crate::exports::{ExportError, export_csv};
use crate::validate;
use crate::web::staff::Staff;

pub(super) async fn export(
    file: String,
    staff: Option<Staff>,
    q: Query,
    app: Shared,
) -> Result<warp::reply::Response, Rejection> {
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
    .map_err(|e| problem(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))?;
    let kind = what.clone();
    let csv = tokio::task::spawn_blocking(move || export_csv(&app.db, &kind, from, to))
        .await
        .map_err(internal)?;
    let csv = csv.map_err(|e| match e {
        ExportError::Unknown(_) => warp::reject::not_found(),
        ExportError::Db(e) => internal(e),
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
