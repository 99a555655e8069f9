//! Telling systemd how the daemon is doing (`Type=notify` in the unit): `READY=1` once the
//! listener is bound, `WATCHDOG=1` every half watchdog period but only while the database
//! answers, and `STOPPING=1` on shutdown. Without systemd (no `NOTIFY_SOCKET`) all of this does
//! nothing.

use std::time::Duration;

use sd_notify::NotifyState;

use crate::web::Shared;

/// The longest a database check may take before the ping for that period is skipped.
const CHECK_TIMEOUT: Duration = Duration::from_secs(10);

/// Tells systemd that the kiosk is listening.
pub fn ready() {
    send(&[NotifyState::Ready]);
}

/// Tells systemd that the kiosk is stopping.
pub fn stopping() {
    send(&[NotifyState::Stopping]);
}

fn send(state: &[NotifyState]) {
    if let Err(e) = sd_notify::notify(state) {
        tracing::warn!(error = %e, "could not notify systemd");
    }
}

/// Pings the watchdog while the database answers, when systemd asked for it (`WatchdogSec=`).
/// A database that does not answer within the timeout means no ping: systemd then restarts the
/// daemon after `WatchdogSec`.
pub async fn watchdog(app: Shared) {
    let Some(period) = sd_notify::watchdog_enabled() else {
        return;
    };
    let interval = (period / 2).max(Duration::from_millis(100));
    // The check must end well within one interval, so that a healthy ping is never late.
    let timeout = (interval * 2 / 3).min(CHECK_TIMEOUT);
    tracing::info!(every = ?interval, "systemd watchdog enabled");
    let mut ticker = tokio::time::interval(interval);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut healthy = true;
    loop {
        ticker.tick().await;
        let app2 = app.clone();
        let ok = database_answers(move || app2.db.quick_check(), timeout).await;
        if ok {
            if !healthy {
                tracing::info!("database answers again");
            }
            send(&[NotifyState::Watchdog]);
        }
        healthy = ok;
    }
}

/// Runs the database check on a blocking thread: true when it says "ok" within `timeout`.
async fn database_answers<F, E>(check: F, timeout: Duration) -> bool
where
    F: FnOnce() -> Result<String, E> + Send + 'static,
    E: std::fmt::Display + Send + 'static,
{
    match tokio::time::timeout(timeout, tokio::task::spawn_blocking(check)).await {
        Ok(Ok(Ok(answer))) if answer == "ok" => true,
        Ok(Ok(Ok(answer))) => {
            tracing::error!(%answer, "database check failed; not pinging the watchdog");
            false
        }
        Ok(Ok(Err(e))) => {
            tracing::error!(error = %e, "database check failed; not pinging the watchdog");
            false
        }
        Ok(Err(e)) => {
            tracing::error!(error = %e, "database check panicked; not pinging the watchdog");
            false
        }
        Err(_) => {
            tracing::error!(?timeout, "database did not answer; not pinging the watchdog");
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: Duration = Duration::from_millis(200);

    #[tokio::test]
    async fn only_a_prompt_ok_counts_as_an_answer() {
        assert!(database_answers(|| Ok::<_, String>("ok".into()), T).await);
        assert!(!database_answers(|| Ok::<_, String>("*** in database main ***".into()), T).await);
        assert!(!database_answers(|| Err::<String, _>("database is locked"), T).await);
        let hung = || {
            std::thread::sleep(Duration::from_secs(1));
            Ok::<_, String>("ok".into())
        };
        assert!(
            !database_answers(hung, T).await,
            "a check slower than the timeout is no answer"
        );
    }
}
