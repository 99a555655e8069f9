//! Staff moderation of residents' suggestions (`/admin/forslag`): a list of those waiting, one
//! page per suggestion to read it (with the contact details, for staff only), correct it and
//! approve or reject it. Approved suggestions reach the website through `export-board`.

use tera::Context;
use warp::http::StatusCode;
use warp::{Filter, Rejection};

use super::{Form, Query, blocking, field, page, see_other, to_login};
use crate::db::suggestions::Suggestion;
use crate::suggestion_form::{FieldError, Values};
use crate::web::staff::{self, Staff};
use crate::web::suggest::{form_context, interests_view, known_interests};
use crate::web::{BODY_LIMIT, Shared, problem, with_app};

/// The fields staff may edit: everything but the contact details.
const EDITABLE: [&str; 6] = ["titel", "beskrivning", "nar", "var", "intresse", "namn"];

/// The routes of the suggestion pages.
pub fn routes(app: Shared) -> impl Filter<Extract = (warp::reply::Response,), Error = Rejection> + Clone {
    let list = warp::path!("admin" / "forslag")
        .and(warp::get())
        .and(staff::optional_staff(app.clone()))
        .and(warp::query::<Query>())
        .and(with_app(app.clone()))
        .and_then(list);
    let one = warp::path!("admin" / "forslag" / i64)
        .and(warp::get())
        .and(staff::optional_staff(app.clone()))
        .and(with_app(app.clone()))
        .and_then(|id: i64, staff: Option<Staff>, app: Shared| async move {
            let Some(staff) = staff else { return Ok(to_login()) };
            let found = blocking({
                let app = app.clone();
                move || app.db.suggestion(id)
            })
            .await?;
            let Some(s) = found else {
                return Err(problem(StatusCode::NOT_FOUND, "Förslaget finns inte."));
            };
            let values = Values::from_draft(&s.draft);
            Ok::<_, Rejection>(review(&app, &staff, &s, &values, &[]))
        });
    let file = warp::path!("admin" / "forslag" / i64 / "fil")
        .and(warp::get())
        .and(staff::optional_staff(app.clone()))
        .and(with_app(app.clone()))
        .and_then(file);
    let decide = warp::path!("admin" / "forslag" / i64)
        .and(warp::post())
        .and(staff::staff(app.clone()))
        .and(warp::body::content_length_limit(BODY_LIMIT).and(warp::body::form::<Form>()))
        .and(with_app(app))
        .and_then(decide);
    list.or(one).unify().or(file).unify().or(decide).unify()
}

/// What the list shows of a suggestion.
#[derive(serde::Serialize)]
struct Row {
    id: i64,
    title: String,
    author: String,
    received: String,
    via: &'static str,
    exported_as: Option<String>,
}

fn row(s: &Suggestion) -> Row {
    Row {
        id: s.id,
        title: s.draft.title.clone(),
        author: s.draft.author.clone(),
        received: s.received_at.replace('T', " kl. "),
        via: if s.via == "web" { "webbplatsen" } else { "kiosken" },
        exported_as: s.exported_as.clone(),
    }
}

async fn list(staff: Option<Staff>, q: Query, app: Shared) -> Result<warp::reply::Response, Rejection> {
    let Some(staff) = staff else { return Ok(to_login()) };
    let db_app = app.clone();
    let (pending, approved) =
        blocking(move || Ok((db_app.db.suggestions("pending")?, db_app.db.suggestions("approved")?))).await?;
    let mut ctx = Context::new();
    ctx.insert("pending", &pending.iter().map(row).collect::<Vec<_>>());
    ctx.insert("approved", &approved.iter().map(row).collect::<Vec<_>>());
    ctx.insert(
        "waiting_export",
        &approved.iter().filter(|s| s.exported_as.is_none()).count(),
    );
    let notice = match q.get("klart").map(String::as_str) {
        Some("godkant") => {
            Some("Förslaget är godkänt. Det kommer ut på webbplatsen nästa gång anslagstavlan exporteras.")
        }
        Some("avvisat") => Some("Förslaget är avvisat. Det publiceras inte."),
        Some("redan") => Some("Någon annan hade redan tagit ställning till förslaget."),
        _ => None,
    };
    ctx.insert("notice", &notice);
    ctx.insert("contact_days", &app.config.suggestion_contact_days);
    Ok(page(&app, "admin_suggestions.html", ctx, Some(&staff), StatusCode::OK))
}

fn review(
    app: &Shared,
    staff: &Staff,
    s: &Suggestion,
    values: &Values,
    errors: &[FieldError],
) -> warp::reply::Response {
    let mut ctx = Context::new();
    ctx.insert("s", &row(s));
    ctx.insert("status", &s.status);
    ctx.insert("contact", &s.contact);
    ctx.insert("values", values);
    ctx.insert("web", &true);
    ctx.insert("interests", &interests_view(&interests_for(app, s), &values.intresse));
    form_context(&mut ctx, errors, &app.words);
    ctx.insert("editable", &EDITABLE);
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    page(app, "admin_suggestion.html", ctx, Some(staff), status)
}

/// An approved suggestion as its bulletin-board file, the same text `export-board` writes, for
/// an editor who commits content through the web rather than on the kiosk's computer.
async fn file(id: i64, staff: Option<Staff>, app: Shared) -> Result<warp::reply::Response, Rejection> {
    if staff.is_none() {
        return Ok(to_login());
    }
    let Some(s) = blocking(move || app.db.suggestion(id)).await? else {
        return Err(problem(StatusCode::NOT_FOUND, "Förslaget finns inte."));
    };
    if s.status != "approved" {
        return Err(problem(
            StatusCode::CONFLICT,
            "Bara godkända förslag kan laddas ner som fil till anslagstavlan.",
        ));
    }
    let text = crate::board_export::markdown(&s).map_err(super::internal)?;
    tracing::info!(suggestion = id, "staff downloaded a suggestion's board file");
    Ok(warp::http::Response::builder()
        .header("content-type", "text/markdown; charset=utf-8")
        .header(
            "content-disposition",
            format!("attachment; filename=\"{}.md\"", crate::board_export::file_stem(&s)),
        )
        .body(text.into())
        .expect("a valid response"))
}

/// The site's interests and any the resident chose that the site no longer uses, so that
/// approving keeps them unless staff untick them.
fn interests_for(app: &Shared, s: &Suggestion) -> Vec<String> {
    let mut known = known_interests(app);
    for i in &s.draft.interests {
        if !known.contains(i) {
            known.push(i.clone());
        }
    }
    known
}

async fn decide(id: i64, staff: Staff, form: Form, app: Shared) -> Result<warp::reply::Response, Rejection> {
    staff::check_csrf(&staff, &field(&form, "csrf").unwrap_or_default())?;
    let decision = field(&form, "beslut").unwrap_or_default();
    if decision != "godkann" && decision != "avvisa" {
        return Err(problem(
            StatusCode::UNPROCESSABLE_ENTITY,
            "Välj om förslaget ska godkännas eller avvisas.",
        ));
    }
    let db_app = app.clone();
    let Some(s) = blocking(move || db_app.db.suggestion(id)).await? else {
        return Err(problem(StatusCode::NOT_FOUND, "Förslaget finns inte."));
    };
    let at = app.now().format("%Y-%m-%dT%H:%M").to_string();
    let db_app = app.clone();
    let done = if decision == "godkann" {
        let values = Values::from_form(&form);
        let errors = values.check(&EDITABLE, &interests_for(&app, &s), &app.words);
        if !errors.is_empty() {
            return Ok(review(&app, &staff, &s, &values, &errors));
        }
        let draft = values.draft();
        blocking(move || db_app.db.approve_suggestion(id, &draft, &at))
            .await?
            .then_some("godkant")
    } else {
        blocking(move || db_app.db.reject_suggestion(id, &at))
            .await?
            .then_some("avvisat")
    };
    if let Some(done) = done {
        tracing::info!(suggestion = id, decision = done, "staff decided on a suggestion");
    }
    Ok(see_other(&format!("/admin/forslag?klart={}", done.unwrap_or("redan"))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggestion_form::FIELDS;

    #[test]
    fn staff_edit_every_field_but_the_contact() {
        assert!(EDITABLE.iter().all(|f| FIELDS.contains(f)));
        assert!(!EDITABLE.contains(&"kontakt"));
    }
}
