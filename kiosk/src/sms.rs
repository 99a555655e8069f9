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

use crate::app::Shared;
use crate::config::SmsConfig;
use crate::news::News;

/// Tries before a message is given up.
const MAX_ATTEMPTS: u32 = 8;

/// Why a send failed, and what that means for the message.
#[derive(Debug)]
pub struct SendError {
    /// What happened.
    pub detail: String,
    /// What to do about it.
    pub then: AfterFailure,
}

/// What a failed send means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterFailure {
    /// Nothing reached the gateway, or it said it sent nothing (a 5xx, 429): try again later.
    Retry,
    /// The gateway refused it (a 4xx: a wrong number, a wrong password): trying again will not help.
    GiveUp,
    /// The request may have been taken (a timeout or a broken connection after it was sent, a
    /// 502 or 504 from a proxy): never sent again, shown to staff.
    Uncertain,
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
            .timeout_resolve(Some(Duration::from_secs(5)))
            .timeout_connect(Some(Duration::from_secs(10)))
            .timeout_global(Some(Duration::from_secs(30)))
            .http_status_as_error(false)
            // A redirect would turn the POST into a GET without the password and look sent.
            .max_redirects(0)
            .https_only(!config.is_loopback())
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
        use ureq::Error;
        use ureq::Timeout;
        match reply {
            Ok(r) if r.status().is_success() => Ok(()),
            Ok(r) => {
                let status = r.status().as_u16();
                let then = match status {
                    502 | 504 => AfterFailure::Uncertain,
                    429 | 500..=599 => AfterFailure::Retry,
                    _ => AfterFailure::GiveUp,
                };
                Err(SendError {
                    detail: format!("the gateway answered {status}"),
                    then,
                })
            }
            // Nothing was sent before these.
            Err(
                e @ (Error::HostNotFound
                | Error::ConnectionFailed
                | Error::Timeout(Timeout::Resolve | Timeout::Connect)),
            ) => Err(SendError {
                detail: e.to_string(),
                then: AfterFailure::Retry,
            }),
            Err(Error::Io(e))
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::ConnectionRefused
                        | std::io::ErrorKind::NetworkUnreachable
                        | std::io::ErrorKind::HostUnreachable
                        | std::io::ErrorKind::AddrNotAvailable
                ) =>
            {
                Err(SendError {
                    detail: e.to_string(),
                    then: AfterFailure::Retry,
                })
            }
            Err(e) => Err(SendError {
                detail: e.to_string(),
                then: AfterFailure::Uncertain,
            }),
        }
    }
}

/// A Swedish phone number as typed (`070-123 45 67`, `+46 (0)70 …`) in E.164 (`+46701234567`);
/// none when it is not a Swedish number (no texts abroad or to premium ranges elsewhere).
pub fn e164(phone: &str) -> Option<String> {
    let phone = phone.replace("(0)", "");
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
    let swedish = number.starts_with("+46") && !number.starts_with("+460") && (11..=13).contains(&number.len());
    (swedish && number[1..].chars().all(|c| c.is_ascii_digit())).then_some(number)
}

fn queue(app: &Shared, event: &str, code: &str, start: DateTime<Tz>, to: &str, body: &str) -> crate::db::DbResult<()> {
    let msg = crate::db::outbox::NewSms {
        event,
        code: &crate::db::bookings::normalize_code(code),
        valid_until: start.timestamp(),
        phone: to,
        body,
    };
    app.db.queue_sms(&msg, now_unix()).map(|_| ())
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
    if let Err(e) = queue(app, &format!("booked:{code}"), &code, start, &to, &body) {
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
    let tomorrow = now.date_naive() + Days::new(1);
    for crate::news::ComingBooking { row: r, start, news } in crate::news::of_coming_bookings(app)? {
        let Some(to) = r.phone.as_deref().and_then(e164) else {
            continue;
        };
        if start <= now {
            continue;
        }
        let code = r.code.clone();
        let cafe = &app.config.cafe_name;
        let what = meeting_text(app, &r.activity, start);
        let queue = |event: String, body: String| queue(app, &event, &code, start, &to, &body);
        if let Some(news) = &news {
            let body = match news {
                News::Cancelled { reason } => {
                    let why = reason.as_ref().map(|r| format!(" ({r})")).unwrap_or_default();
                    format!("{what} är inställd{why}. Din bokning gäller inte. Vi ber om ursäkt. /{cafe}")
                }
                News::Moved { to: day } => format!(
                    "{what} är flyttad till {}. Se tiden på webbplatsen eller ring caféet. /{cafe}",
                    app.words.long_date(*day)
                ),
                News::MovedUp => {
                    format!("Du har fått en plats på {what}. Avboka med koden {code} om du inte kan komma. /{cafe}")
                }
            };
            queue(format!("{}:{code}", news.key()), body)?;
            if news != &News::MovedUp {
                // No reminder for a meeting that does not take place.
                continue;
            }
        }
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
                tracing::info!(sms = m.id, "text message sent");
            }
            Err(e) if e.then == AfterFailure::Uncertain => {
                tracing::warn!(sms = m.id, error = %e.detail, "text message may have been sent; not sent again");
                app.db.sms_uncertain(m.id, &e.detail)?;
            }
            Err(e) => {
                let attempts = m.attempts + 1;
                let retry_at = (e.then == AfterFailure::Retry && attempts < MAX_ATTEMPTS).then(|| {
                    let wait = config
                        .retry_seconds
                        .max(1)
                        .saturating_mul(1 << (attempts - 1).min(10))
                        .min(3600);
                    now_unix() + wait as i64
                });
                tracing::warn!(sms = m.id, attempts, error = %e.detail, "text message not sent");
                app.db.sms_failed(m.id, &e.detail, retry_at)?;
            }
        }
    }
    Ok(sent)
}

/// Runs the outbox: every second the sending, every five the look for new events.
pub async fn run(app: Shared) {
    let Some(config) = app.config.sms.clone() else { return };
    let gateway = std::sync::Arc::new(HttpGateway::new(config.clone()));
    for tick in 0u64.. {
        let (app2, gateway, config2) = (app.clone(), gateway.clone(), config.clone());
        // Sending every second keeps a booking's confirmation quick; looking for reminders and
        // changes every five seconds is plenty.
        let look = tick.is_multiple_of(5);
        let _ = tokio::task::spawn_blocking(move || {
            let scanned = if look { scan(&app2, &config2) } else { Ok(()) };
            if let Err(e) = scanned.and_then(|()| send_due(&app2, gateway.as_ref(), &config2).map(|_| ())) {
                tracing::error!(error = %e, "text messages failed");
            }
        })
        .await;
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

/// At every start, with or without `[sms]`: a message left `sending` may have gone out, and is
/// never sent again.
pub fn after_restart(app: &Shared) {
    match app.db.sms_mark_uncertain() {
        Ok(n) if n > 0 => tracing::warn!(messages = n, "text messages that may have been sent are not sent again"),
        Ok(_) => {}
        Err(e) => tracing::error!(error = %e, "outbox check failed"),
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
        assert_eq!(e164("+46 (0)70 123 45 67").as_deref(), Some("+46701234567"));
        assert_eq!(e164("12345"), None);
        assert_eq!(e164("ring mig"), None);
        assert_eq!(e164("+1 900 555 0100"), None, "only Swedish numbers");
        assert_eq!(e164("+46 70 123 45 67 89 01"), None, "too long");
    }
}

#[cfg(test)]
mod gateway_tests {
    use super::*;
    use std::io::Read;

    fn config(url: String) -> SmsConfig {
        toml::from_str(&format!(
            "url = \"{url}\"\nuser = \"u\"\nsecret = \"s\"\nsender = \"Pratcafe\"\n"
        ))
        .unwrap()
    }

    #[test]
    fn a_refused_connection_is_retried_a_dropped_answer_is_uncertain() {
        // Nothing listens: nothing was sent, so it may be tried again.
        let free = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/a1/sms", free.local_addr().unwrap());
        drop(free);
        let err = HttpGateway::new(config(url)).send("+46701234567", "Hej").unwrap_err();
        assert_eq!(err.then, AfterFailure::Retry, "{}", err.detail);
        // The gateway reads the whole request and hangs up: it may have sent the text.
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/a1/sms", listener.local_addr().unwrap());
        std::thread::spawn(move || {
            let (mut s, _) = listener.accept().unwrap();
            let mut buf = [0u8; 4096];
            let _ = s.read(&mut buf);
        });
        let err = HttpGateway::new(config(url)).send("+46701234567", "Hej").unwrap_err();
        assert_eq!(err.then, AfterFailure::Uncertain, "{}", err.detail);
    }

    #[test]
    fn settings_are_checked_and_the_secret_never_printed() {
        let c = config("http://sms.example.org/a1/sms".into());
        assert!(c.problems()[0].contains("https://"), "{:?}", c.problems());
        let mut c = config("http://127.0.0.1:9/a1/sms".into());
        assert!(c.problems().is_empty(), "a stand-in on this machine may use http");
        c.sender = "Pratcafé Söder".into();
        c.reminder_hour = 24;
        c.retry_seconds = 0;
        assert_eq!(c.problems().len(), 3, "{:?}", c.problems());
        c.secret = "hemligt-lösen".into();
        assert!(!format!("{c:?}").contains("hemligt"));
    }
}
