//! The café's kiosk answers residents' booking requests from home (`[inbox]` in kiosk.toml): it
//! asks the website's inbox for open requests (outbound only, with the shared secret), books
//! each in the same transaction as a booking at the screen, cancels what residents cancelled,
//! and sends back what came of it. A request is booked once however often it is pulled: the
//! booking carries the request's id, so a lost answer is simply sent again next time.

use std::time::Duration;

use serde::Deserialize;
use warp::http::StatusCode;

use crate::app::Shared;
use crate::config::InboxConfig;
use crate::db::bookings::BookOutcome;

/// An open request as the inbox sends it.
#[derive(Debug, Deserialize)]
struct Open {
    id: String,
    session: String,
    name: Option<String>,
    phone: Option<String>,
    state: String,
}

fn agent(config: &InboxConfig) -> ureq::Agent {
    let loopback = crate::config::is_loopback_http(&config.url);
    ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(20)))
        .http_status_as_error(false)
        .max_redirects(0)
        .https_only(!loopback)
        .user_agent("omtanke-kiosk")
        .build()
        .into()
}

/// Asks the inbox every `interval_seconds` and answers what is open.
pub async fn run(app: Shared) {
    let Some(config) = app.config.inbox.clone() else { return };
    let agent = agent(&config);
    loop {
        if let Err(e) = pull_once(&app, &config, &agent).await {
            tracing::warn!(error = %e, "booking requests from home could not be fetched");
        }
        tokio::time::sleep(Duration::from_secs(config.interval_seconds.max(1))).await;
    }
}

async fn pull_once(app: &Shared, config: &InboxConfig, agent: &ureq::Agent) -> Result<(), String> {
    let base = config.url.trim_end_matches('/').to_string();
    let (a, url, token) = (
        agent.clone(),
        format!("{base}/api/inbox/requests"),
        config.token.clone(),
    );
    let open: Vec<Open> = tokio::task::spawn_blocking(move || {
        let mut r = a
            .get(&url)
            .header("Authorization", &format!("Bearer {token}"))
            .call()
            .map_err(|e| e.to_string())?;
        if r.status() != StatusCode::OK.as_u16() {
            return Err(format!("the inbox answered {}", r.status().as_u16()));
        }
        let text = r.body_mut().read_to_string().map_err(|e| e.to_string())?;
        serde_json::from_str::<Vec<Open>>(&text).map_err(|e| e.to_string())
    })
    .await
    .map_err(|e| e.to_string())??;
    for request in open {
        let (state, code, reason) = settle(app, &request).await?;
        let body = serde_json::json!({ "state": state, "code": code, "reason": reason }).to_string();
        let (a, url, token) = (
            agent.clone(),
            format!("{base}/api/inbox/requests/{}", request.id),
            config.token.clone(),
        );
        tokio::task::spawn_blocking(move || {
            let r = a
                .post(&url)
                .header("Authorization", &format!("Bearer {token}"))
                .header("Content-Type", "application/json")
                .send(body.as_bytes())
                .map_err(|e| e.to_string())?;
            if r.status().is_success() {
                Ok(())
            } else {
                Err(format!("the inbox answered {}", r.status().as_u16()))
            }
        })
        .await
        .map_err(|e| e.to_string())??;
        tracing::info!(state, "a booking request from home was answered");
    }
    Ok(())
}

/// What becomes of one request: booked (or found booked already), refused, or cancelled.
async fn settle(app: &Shared, r: &Open) -> Result<(&'static str, Option<String>, Option<String>), String> {
    let (db_app, id) = (app.clone(), r.id.clone());
    let existing = tokio::task::spawn_blocking(move || db_app.db.booking_of_request(&id))
        .await
        .map_err(|e| e.to_string())?
        .map_err(|e| e.to_string())?;
    if r.state == "cancel_requested" {
        if let Some((code, status)) = &existing
            && status != "cancelled"
        {
            let (db_app, code) = (app.clone(), code.clone());
            tokio::task::spawn_blocking(move || db_app.db.cancel(&code))
                .await
                .map_err(|e| e.to_string())?
                .map_err(|e| e.to_string())?;
        }
        return Ok(("cancelled", existing.map(|e| e.0), None));
    }
    if let Some((code, status)) = existing {
        let state = match status.as_str() {
            "confirmed" => "confirmed",
            "waitlisted" => "waitlisted",
            _ => "cancelled",
        };
        return Ok((state, Some(code), None));
    }
    let name = r.name.clone().unwrap_or_default();
    let outcome = crate::web::booking::book_for_request(
        app.clone(),
        r.session.clone(),
        name,
        r.phone.clone(),
        Some(r.id.clone()),
    )
    .await;
    Ok(match outcome {
        Ok(BookOutcome::Confirmed { code }) => ("confirmed", Some(code), None),
        Ok(BookOutcome::Waitlisted { code }) => ("waitlisted", Some(code), None),
        Ok(BookOutcome::Full) => ("refused", None, Some("Det blev fullt, och det finns ingen kö. Välj gärna ett annat tillfälle.".into())),
        Ok(BookOutcome::AlreadyBooked) => (
            "refused",
            None,
            Some("Det finns redan en bokning med det namnet. Anmäl dig med till exempel första bokstaven i efternamnet också.".into()),
        ),
        Err(rejection) => match rejection.find::<crate::web::Problem>() {
            Some(p) if p.status == StatusCode::UNPROCESSABLE_ENTITY => ("refused", None, Some(p.message.clone())),
            _ => return Err("the booking could not be saved".into()),
        },
    })
}
