//! "Föreslå en aktivitet": residents' suggestions for the bulletin board.
//!
//! At the kiosk the form is a few short steps (what, more about it, when and where, interests,
//! who) and a page
//! to check the answers, so that each screen fits without scrolling; the answers so far travel
//! in hidden fields, so nothing is kept on the server until the resident sends. From the website
//! the same fields arrive in one post to `/forslag` (the site's `suggest_url`): a honeypot field
//! catches robots, each address may send a few per hour, and a good post is answered with a
//! redirect to the site's thank-you page. Everything waits for staff before it is published.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use omtanke::suggestion as contract;
use tera::Context;
use warp::http::{HeaderMap, StatusCode};
use warp::{Filter, Rejection, Reply};

use super::{BODY_LIMIT, Shared, with_app};
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

/// Suggestions one address may send from the website per [`WINDOW`].
pub const PER_ADDRESS: usize = 5;
/// The window of the limit.
pub const WINDOW: Duration = Duration::from_secs(3600);

/// Remembers when each address last sent suggestions, to limit how many it may send.
#[derive(Default)]
pub struct Limiter {
    seen: Mutex<HashMap<IpAddr, Vec<Instant>>>,
}

impl Limiter {
    /// Whether `addr` may send one more now; counts it if so.
    pub fn allow(&self, addr: IpAddr, now: Instant) -> bool {
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        // Forget old addresses now and then, so the map stays small under a flood.
        if seen.len() > 10_000 {
            seen.retain(|_, times| times.iter().any(|t| now.duration_since(*t) < WINDOW));
        }
        let times = seen.entry(addr).or_default();
        times.retain(|t| now.duration_since(*t) < WINDOW);
        if times.len() >= PER_ADDRESS {
            return false;
        }
        times.push(now);
        true
    }
}

/// The interest words the site uses, sorted, for the form's checkboxes and its checking.
pub fn known_interests(app: &Shared) -> Vec<String> {
    let Some(site) = app.catalog.site() else { return vec![] };
    let mut words: Vec<String> = site
        .activities
        .iter()
        .flat_map(|a| a.interests.iter())
        .chain(site.posts.iter().flat_map(|p| p.interests.iter()))
        .map(|t| t.label.clone())
        .collect();
    words.sort_by_key(|w| w.to_lowercase());
    words.dedup();
    words
}

/// The routes: the kiosk's form and the website's inbox.
pub fn routes(app: Shared) -> impl Filter<Extract = (impl Reply,), Error = Rejection> + Clone {
    let form = || warp::body::content_length_limit(BODY_LIMIT).and(warp::body::form::<Vec<(String, String)>>());
    let start = warp::path!("foresla")
        .and(warp::get())
        .and(super::kiosk_only(app.config.inbox_only))
        .and(with_app(app.clone()))
        .map(|app: Shared| step_page(&app, 1, &Values::default(), &[]));
    let step = warp::path!("foresla")
        .and(warp::post())
        .and(super::kiosk_only(app.config.inbox_only))
        .and(form())
        .and(with_app(app.clone()))
        .and_then(kiosk_step);
    let sent = warp::path!("foreslaget")
        .and(warp::get())
        .and(super::kiosk_only(app.config.inbox_only))
        .and(with_app(app.clone()))
        .map(|app: Shared| {
            let mut ctx = Context::new();
            ctx.insert("web", &false);
            super::kiosk::page(&app, "suggested.html", ctx, true)
        });
    let inbox_form = warp::path!("forslag")
        .and(warp::get())
        .and(with_app(app.clone()))
        .map(|app: Shared| web_page(&app, &Values::default(), "sv", &[], StatusCode::OK));
    let inbox = warp::path!("forslag")
        .and(warp::post())
        .and(warp::addr::remote())
        .and(warp::header::headers_cloned())
        .and(form())
        .and(with_app(app))
        .and_then(web_post);
    start.or(step).or(sent).or(inbox_form).or(inbox)
}

/// The checkboxes of the interests, with those chosen ticked.
pub fn interests_view(known: &[String], chosen: &[String]) -> Vec<serde_json::Value> {
    known
        .iter()
        .enumerate()
        .map(|(i, w)| serde_json::json!({ "word": w, "id": format!("intresse-{}", i + 1), "checked": chosen.contains(w) }))
        .collect()
}

/// Puts the errors in a page's context: the summary, and each field's message.
pub fn error_context(ctx: &mut Context, errors: &[FieldError]) {
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
}

/// A step of the kiosk's form; fields of other steps go along as hidden inputs.
fn step_page(app: &Shared, step: usize, values: &Values, errors: &[FieldError]) -> warp::reply::Response {
    let known = known_interests(app);
    let here: &[&str] = STEPS.get(step.wrapping_sub(1)).copied().unwrap_or(&[]);
    let mut hidden: Vec<(&str, String)> = Vec::new();
    for f in FIELDS.iter().filter(|f| !here.contains(f)) {
        match *f {
            "titel" => hidden.push(("titel", values.titel.clone())),
            "beskrivning" => hidden.push(("beskrivning", values.beskrivning.clone())),
            "nar" => hidden.push(("nar", values.nar.clone())),
            "var" => hidden.push(("var", values.var.clone())),
            "intresse" => hidden.extend(values.intresse.iter().map(|i| ("intresse", i.clone()))),
            "namn" => hidden.push(("namn", values.namn.clone())),
            "kontakt" => hidden.push(("kontakt", values.kontakt.clone())),
            _ => {}
        }
    }
    let mut ctx = Context::new();
    ctx.insert("step", &step);
    ctx.insert("steps", &STEPS.len());
    ctx.insert("check_step", &CHECK_STEP);
    ctx.insert("values", values);
    let hidden: Vec<serde_json::Value> = hidden
        .into_iter()
        .map(|(name, value)| serde_json::json!({ "name": name, "value": value }))
        .collect();
    ctx.insert("hidden", &hidden);
    ctx.insert("interests", &interests_view(&known, &values.intresse));
    ctx.insert("chosen", &values.intresse.join(", "));
    error_context(&mut ctx, errors);
    let mut reply = super::kiosk::page(app, "suggest.html", ctx, true).into_response();
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
        let errors = values.check(&FIELDS, &known);
        if let Some(first) = errors.first() {
            // Back to the step of the first problem, with only that step's messages.
            let at = STEPS.iter().position(|s| s.contains(&first.field)).unwrap_or(0) + 1;
            let here: Vec<FieldError> = errors
                .into_iter()
                .filter(|e| STEPS[at - 1].contains(&e.field))
                .collect();
            return Ok(step_page(&app, at, &values, &here));
        }
        return store(&app, "kiosk", values.draft(), values.contact())
            .await
            .map(|_| see_other("/foreslaget"));
    }
    let errors = STEPS
        .get(step - 1)
        .map(|fields| values.check(fields, &known))
        .unwrap_or_default();
    if errors.is_empty() {
        Ok(step_page(&app, (step + 1).min(CHECK_STEP), &values, &[]))
    } else {
        Ok(step_page(&app, step, &values, &errors))
    }
}

async fn store(app: &Shared, via: &'static str, draft: Draft, contact: Option<String>) -> Result<i64, Rejection> {
    let at = app.now().format("%Y-%m-%dT%H:%M").to_string();
    let db_app = app.clone();
    let id = tokio::task::spawn_blocking(move || db_app.db.add_suggestion(&at, via, &draft, contact.as_deref()))
        .await
        .map_err(|_| warp::reject())?
        .map_err(|e| {
            tracing::error!(error = %e, "could not store a suggestion");
            super::problem(
                StatusCode::INTERNAL_SERVER_ERROR,
                "Förslaget kunde inte sparas just nu. Försök igen om en stund.",
            )
        })?;
    tracing::info!(suggestion = id, via, "a suggestion arrived");
    Ok(id)
}

fn see_other(to: &str) -> warp::reply::Response {
    let mut reply = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = warp::http::HeaderValue::from_str(to) {
        reply.headers_mut().insert("location", v);
    }
    reply
}

/// The website's base URL, from the site's configuration, when the content could be read.
fn site_url(app: &Shared) -> Option<String> {
    app.catalog
        .site()
        .map(|s| s.config.base_url.trim_end_matches('/').to_string())
}

/// The whole form on one page, for a website visitor whose post needs correcting.
fn web_page(
    app: &Shared,
    values: &Values,
    lang: &str,
    errors: &[FieldError],
    status: StatusCode,
) -> warp::reply::Response {
    let known = known_interests(app);
    let mut ctx = Context::new();
    ctx.insert("web", &true);
    ctx.insert("values", values);
    ctx.insert("lang_code", lang);
    ctx.insert("interests", &interests_view(&known, &values.intresse));
    ctx.insert(
        "board_url",
        &format!("{}/anslagstavla/", site_url(app).unwrap_or_default()),
    );
    error_context(&mut ctx, errors);
    let mut reply = super::kiosk::page(app, "suggest_web.html", ctx, false).into_response();
    *reply.status_mut() = status;
    reply
}

/// Which address a post came from: the connection's, or the proxy's word for it when the
/// configuration says a proxy in front can be trusted.
fn client(remote: Option<SocketAddr>, headers: &HeaderMap, trust_proxy: bool) -> Option<IpAddr> {
    if trust_proxy {
        let forwarded = headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .and_then(|v| v.trim().parse().ok());
        if forwarded.is_some() {
            return forwarded;
        }
    }
    remote.map(|r| r.ip())
}

async fn web_post(
    remote: Option<SocketAddr>,
    headers: HeaderMap,
    form: Vec<(String, String)>,
    app: Shared,
) -> Result<warp::reply::Response, Rejection> {
    let get = |name: &str| form.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    let lang = if get(contract::LANGUAGE) == Some("en") {
        "en"
    } else {
        "sv"
    };
    let thanks = || match app.catalog.site() {
        Some(site) => see_other(&contract::thanks_url(&site.config, lang)),
        None => {
            let mut ctx = Context::new();
            ctx.insert("web", &true);
            super::kiosk::page(&app, "suggested.html", ctx, false).into_response()
        }
    };
    // A robot fills in every field it finds, even one people never see. It is told "thank you"
    // like anyone else, so that it learns nothing, and nothing is kept.
    if get(contract::HONEYPOT).is_some_and(|v| !v.trim().is_empty()) {
        tracing::info!("a suggestion with the hidden field filled in was dropped");
        return Ok(thanks());
    }
    let values = Values::from_form(&form);
    let errors = values.check(&FIELDS, &known_interests(&app));
    if !errors.is_empty() {
        return Ok(web_page(&app, &values, lang, &errors, StatusCode::UNPROCESSABLE_ENTITY));
    }
    let allowed = client(remote, &headers, app.config.trust_forwarded_for)
        .is_none_or(|addr| app.inbox_limiter.allow(addr, Instant::now()));
    if !allowed {
        tracing::warn!("suggestions refused: too many from one address");
        let errors = [FieldError {
            field: "titel",
            message: "Du har skickat många förslag på kort tid. Vänta en timme och försök sedan igen.".into(),
        }];
        return Ok(web_page(&app, &values, lang, &errors, StatusCode::TOO_MANY_REQUESTS));
    }
    store(&app, "web", values.draft(), values.contact()).await?;
    Ok(thanks())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_counts_per_address_and_forgets_after_the_window() {
        let l = Limiter::default();
        let (a, b): (IpAddr, IpAddr) = ("192.0.2.1".parse().unwrap(), "192.0.2.2".parse().unwrap());
        let t0 = Instant::now();
        for _ in 0..PER_ADDRESS {
            assert!(l.allow(a, t0));
        }
        assert!(!l.allow(a, t0 + Duration::from_secs(60)));
        assert!(l.allow(b, t0), "another address has its own count");
        assert!(l.allow(a, t0 + WINDOW + Duration::from_secs(1)));
    }

    #[test]
    fn a_proxy_is_believed_only_when_trusted() {
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", "203.0.113.9, 198.51.100.7".parse().unwrap());
        let remote = Some(SocketAddr::from(([127, 0, 0, 1], 4000)));
        assert_eq!(client(remote, &h, false), Some("127.0.0.1".parse().unwrap()));
        // The last entry is the one the trusted proxy itself added.
        assert_eq!(client(remote, &h, true), Some("198.51.100.7".parse().unwrap()));
    }
}
