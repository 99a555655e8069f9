//! "Föreslå en aktivitet": residents' suggestions for the bulletin board.
//!
//! At the kiosk the form is a few short steps (what, more about it, when and where, interests,
//! who) and a page to check the answers, so that each screen fits without scrolling; the answers
//! so far travel in hidden fields, so nothing is kept on the server until the resident sends. From the website
//! the same fields arrive in one post to `/forslag` (the site's `suggest_url`): a honeypot field
//! catches robots, each address may send a few per hour (and all together a few hundred), and a good post is answered with a
//! redirect to the site's thank-you page. Everything waits for staff before it is published.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::time::Instant;

use omtanke::render::i18n::Lang;
use omtanke::suggestion as contract;
use tera::Context;
use warp::http::{HeaderMap, StatusCode};
use warp::{Filter, Rejection, Reply};

use super::client;
use super::screen::{error_page, page, see_other};
use super::{Shared, with_app};
use crate::db::suggestions::Draft;
use crate::suggestion_form::{FIELDS, FieldError, Values};

/// The steps of the kiosk's form: the fields each one asks for.
const STEPS: [&[&str]; 5] = [
    &["titel"],
    &["beskrivning"],
    &["nar", "var"],
    &["intresse"],
    &["namn", "kontakt"],
];
/// The step that shows the answers to check before sending.
const CHECK_STEP: usize = STEPS.len() + 1;

/// The largest suggestion form accepted: the fields' ~2,000 characters, each up to 12 bytes once
/// percent-encoded (a letter of a non-Latin script), with room for the names and the checkboxes.
pub const FORM_LIMIT: u64 = 32 * 1024;

/// The interest words the site offers, in the filters' order, for the checkboxes and checking.
pub fn known_interests(app: &Shared) -> Vec<String> {
    app.catalog
        .site()
        .map(|site| site.interest_words().into_iter().map(|t| t.label.clone()).collect())
        .unwrap_or_default()
}

fn form() -> impl Filter<Extract = (Vec<(String, String)>,), Error = Rejection> + Clone {
    warp::body::content_length_limit(FORM_LIMIT).and(warp::body::form::<Vec<(String, String)>>())
}

/// The kiosk's touch-screen form, `/foresla`.
pub fn kiosk_routes(app: Shared) -> impl Filter<Extract = (impl Reply,), Error = Rejection> + Clone {
    let start = warp::path!("foresla")
        .and(warp::get())
        .and(with_app(app.clone()))
        .map(|app: Shared| step_page(&app, 1, &Values::default(), &[]));
    let step = warp::path!("foresla")
        .and(warp::post())
        .and(form())
        .and(with_app(app.clone()))
        .and_then(kiosk_step);
    let sent = warp::path!("foreslaget")
        .and(warp::get())
        .and(with_app(app))
        .map(|app: Shared| page(&app, "suggested.html", Context::new(), true));
    start.or(step).or(sent)
}

/// The website's inbox, `/forslag` (the site's `suggest_url`).
pub fn inbox_routes(app: Shared) -> impl Filter<Extract = (impl Reply,), Error = Rejection> + Clone {
    let inbox_form = warp::path!("forslag")
        .and(warp::get())
        .and(with_app(app.clone()))
        .map(|app: Shared| web_page(&app, &Values::default(), "sv", &[], StatusCode::OK));
    let inbox = warp::path!("forslag")
        .and(warp::post())
        .and(client::peer())
        .and(warp::header::headers_cloned())
        .and(form())
        .and(with_app(app))
        .and_then(web_post);
    inbox_form.or(inbox)
}

/// The checkboxes of the interests, with those chosen ticked.
pub fn interests_view(known: &[String], chosen: &[String]) -> Vec<serde_json::Value> {
    known
        .iter()
        .enumerate()
        .map(|(i, w)| serde_json::json!({ "word": w, "id": format!("intresse-{}", i + 1), "checked": chosen.contains(w) }))
        .collect()
}

/// What every page with the form's fields needs: the words in the page's language, the errors
/// (the summary, and each field's message) and the fields' limits from the contract with the
/// website's form.
pub fn form_context(ctx: &mut Context, errors: &[FieldError], words: &Lang) {
    ctx.insert("t", &words.table);
    ctx.insert(
        "interests_hint",
        &words.fill("suggest.interests_hint", &[("n", &contract::MAX_INTERESTS.to_string())]),
    );
    ctx.insert("errors", errors);
    let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
    ctx.insert("error_fields", &fields);
    // Every field has an entry, empty when fine: templates may not ask for a missing key.
    let mut by_field: HashMap<&str, &str> = FIELDS.iter().map(|f| (*f, "")).collect();
    // Backwards, so that a field's first message is the one shown.
    for e in errors.iter().rev() {
        by_field.insert(e.field, e.message.as_str());
    }
    ctx.insert("error_for", &by_field);
    let max: HashMap<&str, usize> = contract::FIELDS.iter().map(|f| (f.name, f.max_chars)).collect();
    ctx.insert("max", &max);
    ctx.insert("max_interests", &contract::MAX_INTERESTS);
}

/// A step of the kiosk's form; fields of other steps go along as hidden inputs.
fn step_page(app: &Shared, step: usize, values: &Values, errors: &[FieldError]) -> warp::reply::Response {
    let known = known_interests(app);
    let here: &[&str] = STEPS.get(step.wrapping_sub(1)).copied().unwrap_or(&[]);
    let hidden: Vec<serde_json::Value> = values
        .pairs()
        .into_iter()
        .filter(|(name, _)| !here.contains(name))
        .map(|(name, value)| serde_json::json!({ "name": name, "value": value }))
        .collect();
    let mut ctx = Context::new();
    ctx.insert("step", &step);
    ctx.insert("steps", &STEPS.len());
    ctx.insert("check_step", &CHECK_STEP);
    ctx.insert("values", values);
    ctx.insert("hidden", &hidden);
    ctx.insert("interests", &interests_view(&known, &values.intresse));
    ctx.insert("chosen", &values.intresse.join(", "));
    form_context(&mut ctx, errors, &app.words);
    let mut reply = page(app, "suggest.html", ctx, true).into_response();
    if !errors.is_empty() {
        *reply.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    reply
}

async fn kiosk_step(form: Vec<(String, String)>, app: Shared) -> Result<warp::reply::Response, Rejection> {
    let values = Values::from_form(&form);
    let get = |name: &str| form.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    let step: usize = get("steg")
        .and_then(|s| s.parse().ok())
        .unwrap_or(1)
        .clamp(1, CHECK_STEP);
    let action = get("handling").unwrap_or("fortsatt");
    let known = known_interests(&app);
    if action == "tillbaka" {
        return Ok(step_page(&app, step.saturating_sub(1).max(1), &values, &[]));
    }
    if let Some(to) = action.strip_prefix("andra-").and_then(|n| n.parse::<usize>().ok()) {
        return Ok(step_page(&app, to.clamp(1, STEPS.len()), &values, &[]));
    }
    if action == "skicka" {
        let errors = values.check(&FIELDS, &known, &app.words);
        if let Some(first) = errors.first() {
            // Back to the step of the first problem, with only that step's messages.
            let at = STEPS.iter().position(|s| s.contains(&first.field)).unwrap_or(0) + 1;
            let here: Vec<FieldError> = errors
                .into_iter()
                .filter(|e| STEPS[at - 1].contains(&e.field))
                .collect();
            return Ok(step_page(&app, at, &values, &here));
        }
        return Ok(match store(&app, "kiosk", values.draft(), values.contact()).await {
            Ok(_) => see_other("/foreslaget"),
            Err(()) => error_page(
                &app,
                app.words.t("suggest.error_not_stored"),
                StatusCode::SERVICE_UNAVAILABLE,
            ),
        });
    }
    let errors = STEPS
        .get(step - 1)
        .map(|fields| values.check(fields, &known, &app.words))
        .unwrap_or_default();
    if errors.is_empty() {
        Ok(step_page(&app, (step + 1).min(CHECK_STEP), &values, &[]))
    } else {
        Ok(step_page(&app, step, &values, &errors))
    }
}

/// Stores a suggestion; on failure, `Err` (the log has the cause; the resident is told
/// `suggest.error_not_stored`).
async fn store(app: &Shared, via: &'static str, draft: Draft, contact: Option<String>) -> Result<i64, ()> {
    let at = app.now().format("%Y-%m-%dT%H:%M").to_string();
    let db_app = app.clone();
    let stored =
        tokio::task::spawn_blocking(move || db_app.db.add_suggestion(&at, via, &draft, contact.as_deref())).await;
    match stored {
        Ok(Ok(id)) => {
            tracing::info!(suggestion = id, via, "a suggestion arrived");
            Ok(id)
        }
        Ok(Err(e)) => {
            tracing::error!(error = %e, "could not store a suggestion");
            Err(())
        }
        Err(e) => {
            tracing::error!(error = %e, "storing a suggestion stopped");
            Err(())
        }
    }
}

/// The website's words in the language of the page a form was sent from, when the site has that
/// language (else the site's own language).
fn visitor_words(app: &Shared, form_lang: &str) -> Lang {
    let site = app.catalog.site();
    let default = site.as_ref().map_or("sv", |s| s.config.language.as_str());
    let has = site
        .as_ref()
        .is_some_and(|s| s.config.languages.contains_key(form_lang));
    app.site_words.lang(if has { form_lang } else { default }, default)
}

/// The whole form on one page, in the visitor's language, for a website visitor whose post needs
/// correcting; `form_lang` is the language of the page the form was sent from.
fn web_page(
    app: &Shared,
    values: &Values,
    form_lang: &str,
    errors: &[FieldError],
    status: StatusCode,
) -> warp::reply::Response {
    let known = known_interests(app);
    let words = visitor_words(app, form_lang);
    let mut ctx = Context::new();
    ctx.insert("web", &true);
    ctx.insert("page_lang", &words.code);
    ctx.insert("values", values);
    ctx.insert("form_lang", form_lang);
    ctx.insert("interests", &interests_view(&known, &values.intresse));
    let board = app.catalog.site().map(|site| {
        let path = if site.config.languages.contains_key(form_lang) {
            format!("/{form_lang}/anslagstavla/")
        } else {
            "/anslagstavla/".to_string()
        };
        site.config.absolute(&path)
    });
    ctx.insert("board_url", &board.unwrap_or_default());
    form_context(&mut ctx, errors, &words);
    let mut reply = page(app, "suggest_web.html", ctx, false).into_response();
    *reply.status_mut() = status;
    reply
}

async fn web_post(
    remote: Option<SocketAddr>,
    headers: HeaderMap,
    form: Vec<(String, String)>,
    app: Shared,
) -> Result<warp::reply::Response, Rejection> {
    let get = |name: &str| form.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    // The form's language code, for the thank-you page; the site's own rules pick the page.
    let lang = get(contract::LANGUAGE)
        .filter(|l| l.len() == 2 && l.chars().all(|c| c.is_ascii_lowercase()))
        .unwrap_or("sv");
    let thanks = || match app.catalog.site() {
        Some(site) => see_other(&contract::thanks_url(&site.config, lang)),
        None => {
            let mut ctx = Context::new();
            ctx.insert("web", &true);
            page(&app, "suggested.html", ctx, false).into_response()
        }
    };
    // A robot fills in every field it finds, even one people never see. It is told "thank you"
    // like anyone else, so that it learns nothing, and nothing is kept.
    if get(contract::HONEYPOT).is_some_and(|v| !v.trim().is_empty()) {
        tracing::info!("a suggestion with the hidden field filled in was dropped");
        return Ok(thanks());
    }
    let values = Values::from_form(&form);
    let words = visitor_words(&app, lang);
    let errors = values.check(&FIELDS, &known_interests(&app), &words);
    if !errors.is_empty() {
        return Ok(web_page(&app, &values, lang, &errors, StatusCode::UNPROCESSABLE_ENTITY));
    }
    let addr = client::client(remote, &headers, &app.config.proxies()).unwrap_or(client::UNKNOWN);
    let allowed = app.inbox_limiter.allow(addr, Instant::now());
    if !allowed {
        tracing::warn!("suggestions refused: too many in the last hour");
        let errors = [FieldError {
            field: "",
            message: words.t("suggest.error_limit").to_string(),
        }];
        return Ok(web_page(&app, &values, lang, &errors, StatusCode::TOO_MANY_REQUESTS));
    }
    Ok(match store(&app, "web", values.draft(), values.contact()).await {
        Ok(_) => thanks(),
        Err(()) => {
            let errors = [FieldError {
                field: "",
                message: words.t("suggest.error_not_stored").to_string(),
            }];
            web_page(&app, &values, lang, &errors, StatusCode::SERVICE_UNAVAILABLE)
        }
    })
}
