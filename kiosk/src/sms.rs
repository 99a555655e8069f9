//! Text messages, where the café has an SMS gateway (`[sms]` in kiosk.toml): the booking's
//! confirmation, a reminder the day before, a place given from the waiting list, and a meeting
//! that was cancelled or moved, in plain Swedish with the date, time and address.
//!
//! Messages go through the database's outbox (`db::outbox`): queued once per event, sent by
//! [`run`] with retries and back-off, and never sent twice. The gateway sits behind
//! [`Gateway`], so another provider than 46elks fits.

use std::time::Duration;

use base64::Engine;
use chrono::{DateTime, Days, Timelike};
use chrono_tz::Tz;
use omtanke::content::changes::Change;

use crate::app::Shared;
use crate::config::SmsConfig;

/// Tries before a message is given up.
const MAX_ATTEMPTS: u32 = 8;

/// Why a send failed, and whether trying again may help.
#[derive(Debug)]
pub struct SendError {
    /// What happened.
    pub detail: String,
    /// A network error or a 5xx: try later. A 4xx (a wrong number, a wrong password) will not
    /// get better by trying again.
    pub retry: bool,
}

/// Something that delivers a text message.
pub trait Gateway: Send + Sync {
    /// Sends `message` to `to` (E.164).
    fn send(&self, to: &str, message: &str) -> Result<(), SendError>;
}

/// An HTTP gateway in 46elks's shape: `POST` a form with `from`, `to` and `message`, basic
/// authentication.
pub struct HttpGateway {
    agent: ureq::Agent,
    config: SmsConfig,
}

impl HttpGateway {
    /// A gateway for the `[sms]` settings.
    pub fn new(config: SmsConfig) -> Self {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(20)))
            .http_status_as_error(false)
            .user_agent("omtanke-kiosk")
            .build()
            .into();
        HttpGateway { agent, config }
    }
}

impl Gateway for HttpGateway {
    fn send(&self, to: &str, message: &str) -> Result<(), SendError> {
        let credentials =
            base64::engine::general_purpose::STANDARD.encode(format!("{}:{}", self.config.user, self.config.secret));
        let reply = self
            .agent
            .post(&self.config.url)
            .header("Authorization", &format!("Basic {credentials}"))
            .send_form([("from", self.config.sender.as_str()), ("to", to), ("message", message)]);
        match reply {
            Ok(r) if r.status().is_success() => Ok(()),
            Ok(r) => Err(SendError {
                detail: format!("the gateway answered {}", r.status().as_u16()),
                retry: r.status().is_server_error() || r.status().as_u16() == 429,
            }),
            Err(e) => Err(SendError {
                detail: e.to_string(),
                retry: true,
            }),
        }
    }
}

/// A Swedish phone number as typed (`070-123 45 67`) in E.164 (`+46701234567`); none when it
/// cannot be one.
pub fn e164(phone: &str) -> Option<String> {
    let digits: String = phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
    let number = if let Some(rest) = digits.strip_prefix('+') {
        format!("+{rest}")
    } else if let Some(rest) = digits.strip_prefix("00") {
        format!("+{rest}")
    } else if let Some(rest) = digits.strip_prefix('0') {
        format!("+46{rest}")
    } else {
        return None;
    };
    (number.len() >= 9 && number[1..].chars().all(|c| c.is_ascii_digit())).then_some(number)
}

fn when(app: &Shared, start: DateTime<Tz>) -> String {
    format!(
        "{} kl. {}",
        app.words.long_date(start.date_naive()),
        start.format("%H.%M")
    )
}

/// "Samtalsgrupp tisdag 8 december kl. 08.00, Glimten, Lönnvägen 7": what, when and where.
fn meeting_text(app: &Shared, activity: &str, start: DateTime<Tz>) -> String {
    let site = app.catalog.site();
    let a = site
        .as_ref()
        .and_then(|s| s.activities.iter().find(|a| a.id == activity));
    let title = a.map_or(activity.to_string(), |a| a.title.clone());
    let place = a
        .and_then(|a| a.place.as_ref())
        .map(|p| format!(", {}, {}", p.name, p.booked_address()))
        .unwrap_or_default();
    format!("{title} {}{place}", when(app, start))
}

/// Queues the confirmation of a booking just made (when SMS is on and a phone number given).
pub fn queue_confirmation(
    app: &Shared,
    code: &str,
    waitlisted: bool,
    activity: &str,
    start: DateTime<Tz>,
    phone: &str,
) {
    if app.config.sms.is_none() {
        return;
    }
    let Some(to) = e164(phone) else { return };
    let what = meeting_text(app, activity, start);
    let code = crate::db::bookings::display_code(code);
    let body = if waitlisted {
        format!(
            "Du står i kö till {what}. Vi skickar ett sms om du får en plats. Avboka med koden {code}. /{}",
            app.config.cafe_name
        )
    } else {
        format!(
            "Du har en plats på {what}. Avboka med koden {code} om du inte kan komma. /{}",
            app.config.cafe_name
        )
    };
    if let Err(e) = app.db.queue_sms(&format!("booked:{code}"), &to, &body, now_unix()) {
        tracing::error!(error = %e, "could not queue a text message");
    }
}

fn now_unix() -> i64 {
    chrono::Utc::now().timestamp()
}

/// Queues what the bookings and the content now call for: reminders for tomorrow's meetings
/// (from the configured hour), places given from the waiting list, cancelled and moved meetings.
/// Each event is queued once, however often this runs.
pub fn scan(app: &Shared, config: &SmsConfig) -> crate::db::DbResult<()> {
    let now = app.now();
    let tz = app.catalog.timezone();
    let today = now.date_naive();
    let rows = app.db.call_candidates(&today.to_string())?;
    for r in rows {
        let Some(to) = r.phone.as_deref().and_then(e164) else {
            continue;
        };
        let Ok(start) = DateTime::parse_from_rfc3339(&r.starts_at) else {
            continue;
        };
        let start = start.with_timezone(&tz);
        if start <= now {
            continue;
        }
        let code = r.code.clone();
        let cafe = &app.config.cafe_name;
        let what = meeting_text(app, &r.activity, start);
        let queue = |event: String, body: String| app.db.queue_sms(&event, &to, &body, now_unix()).map(|_| ());
        match app.catalog.change_of(&r.activity, start) {
            Some(Change::Cancelled { reason }) => {
                let why = reason.map(|r| format!(" ({r})")).unwrap_or_default();
                queue(
                    format!("cancelled:{code}"),
                    format!("{what} är inställd{why}. Din bokning gäller inte. Vi ber om ursäkt. /{cafe}"),
                )?;
                continue;
            }
            Some(Change::MovedAway { to: day }) => {
                queue(
                    format!("moved:{code}:{day}"),
                    format!(
                        "{what} är flyttad till {}. Se tiden på webbplatsen eller ring caféet. /{cafe}",
                        app.words.long_date(day)
                    ),
                )?;
                continue;
            }
            _ => {}
        }
        if r.status == "confirmed" && r.moved_up_at.is_some() {
            queue(
                format!("moved_up:{code}"),
                format!("Du har fått en plats på {what}. Avboka med koden {code} om du inte kan komma. /{cafe}"),
            )?;
        }
        let tomorrow = today + Days::new(1);
        if r.status == "confirmed" && start.date_naive() == tomorrow && now.hour() >= config.reminder_hour {
            queue(
                format!("reminder:{code}"),
                format!("Påminnelse: i morgon {what}. Välkommen! Kan du inte komma, avboka med koden {code}. /{cafe}"),
            )?;
        }
    }
    Ok(())
}

/// Sends what is due, one message at a time, until none is; retries with back-off.
pub fn send_due(app: &Shared, gateway: &dyn Gateway, config: &SmsConfig) -> crate::db::DbResult<usize> {
    let mut sent = 0;
    while let Some(m) = app.db.take_due_sms(now_unix())? {
        match gateway.send(&m.phone, &m.body) {
            Ok(()) => {
                app.db.sms_sent(m.id, now_unix())?;
                sent += 1;
                tracing::info!(message = m.id, "text message sent");
            }
            Err(e) => {
                let attempts = m.attempts + 1;
                let retry_at = (e.retry && attempts < MAX_ATTEMPTS).then(|| {
                    let wait = config
                        .retry_seconds
                        .saturating_mul(1 << (attempts - 1).min(10))
                        .min(3600);
                    now_unix() + wait as i64
                });
                tracing::warn!(message = m.id, attempts, error = %e.detail, "text message not sent");
                app.db.sms_failed(m.id, &e.detail, retry_at)?;
            }
        }
    }
    Ok(sent)
}

/// Runs the outbox: at start, messages left half-sent become uncertain; then every few seconds
/// the scan and the sending.
pub async fn run(app: Shared) {
    let Some(config) = app.config.sms.clone() else { return };
    match app.db.sms_mark_uncertain() {
        Ok(n) if n > 0 => tracing::warn!(messages = n, "text messages that may have been sent are not sent again"),
        Ok(_) => {}
        Err(e) => tracing::error!(error = %e, "outbox check failed"),
    }
    let gateway = std::sync::Arc::new(HttpGateway::new(config.clone()));
    loop {
        let (app2, gateway, config2) = (app.clone(), gateway.clone(), config.clone());
        let _ = tokio::task::spawn_blocking(move || {
            if let Err(e) = scan(&app2, &config2).and_then(|()| send_due(&app2, gateway.as_ref(), &config2).map(|_| ()))
            {
                tracing::error!(error = %e, "text messages failed");
            }
        })
        .await;
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_numbers_become_e164() {
        assert_eq!(e164("070-123 45 67").as_deref(), Some("+46701234567"));
        assert_eq!(e164("+46 70 123 45 67").as_deref(), Some("+46701234567"));
        assert_eq!(e164("0046701234567").as_deref(), Some("+46701234567"));
        assert_eq!(e164("12345"), None);
        assert_eq!(e164("ring mig"), None);
    }
}
