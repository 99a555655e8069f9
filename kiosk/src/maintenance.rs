//! Housekeeping while the kiosk runs: the nightly backup (seven kept), deleting booking names
//! after the retention period and suggestions' contact details some days after staff decided.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{Days, Utc};

use crate::app::Shared;

/// How many nightly backups are kept.
pub const KEEP_BACKUPS: usize = 7;

/// Deletes names and phone numbers of bookings older than the retention period.
pub fn purge(app: &Shared) -> anyhow::Result<usize> {
    let cutoff = app.now() - Days::new(u64::from(app.config.retention_days));
    // Text messages hold numbers too: they go after as many days as the bookings' names. Both
    // purges run even if one fails.
    let texts = app.db.purge_sms_before(cutoff.timestamp());
    // Requests from home (at the inbox): their status links stop working after as long.
    let requests = app.db.purge_requests_before(cutoff.timestamp());
    let names = app.db.purge_before(&cutoff.to_rfc3339())?;
    texts?;
    requests?;
    Ok(names)
}

/// Gives places to those waiting wherever a meeting now has room for more than it has booked
/// (the content raised its capacity): nobody waits in a queue while newcomers get places.
pub fn fill_queues(app: &Shared) -> anyhow::Result<usize> {
    let taken = app.db.taken()?;
    let mut moved = 0;
    for s in app.catalog.bookable(app.now()) {
        let Some(t) = taken.get(&s.id) else { continue };
        if t.waitlisted > 0 && t.booked < s.capacity {
            moved += app.db.fill_from_queue(&s.id, s.capacity)?;
        }
    }
    Ok(moved)
}

/// Deletes the contact details of suggestions decided longer ago than the configured days.
pub fn purge_contacts(app: &Shared) -> anyhow::Result<usize> {
    let cutoff = app.now() - Days::new(u64::from(app.config.suggestion_contact_days));
    Ok(app
        .db
        .purge_contacts_before(&cutoff.format("%Y-%m-%dT%H:%M").to_string())?)
}

/// Writes today's backup (once a day) and removes all but the newest seven.
pub fn nightly_backup(app: &Shared) -> anyhow::Result<Option<PathBuf>> {
    let dir = app.config.backups();
    let name = format!("omtanke-kiosk-{}.sqlite3", app.now().format("%Y-%m-%d"));
    let target = dir.join(&name);
    if target.exists() {
        return Ok(None);
    }
    app.db.backup_to(&target)?;
    prune(&dir)?;
    Ok(Some(target))
}

fn prune(dir: &Path) -> std::io::Result<()> {
    let mut backups: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n.starts_with("omtanke-kiosk-") && n.ends_with(".sqlite3") && !n.ends_with(".survey.sqlite3")
            })
        })
        .collect();
    backups.sort();
    let excess = backups.len().saturating_sub(KEEP_BACKUPS);
    for old in &backups[..excess] {
        std::fs::remove_file(old)?;
        // Its survey answers (none from before they had a file of their own).
        let _ = std::fs::remove_file(crate::db::survey::path_beside(old));
    }
    Ok(())
}

/// Runs the housekeeping every few minutes, and picks up content changes every few seconds.
pub async fn run(app: Shared) {
    let mut tick = 0u64;
    loop {
        tokio::time::sleep(Duration::from_secs(5)).await;
        let app2 = app.clone();
        let housekeeping = tick.is_multiple_of(60);
        let _ = tokio::task::spawn_blocking(move || {
            if app2.catalog.reload_if_changed() {
                tracing::info!("content reloaded");
            }
            match fill_queues(&app2) {
                Ok(n) if n > 0 => tracing::info!(bookings = n, "places given from waiting lists"),
                Ok(_) => {}
                Err(e) => tracing::error!(error = %e, "waiting lists could not be filled"),
            }
            if housekeeping {
                match purge(&app2) {
                    Ok(n) if n > 0 => tracing::info!(bookings = n, "names deleted after the retention period"),
                    Ok(_) => {}
                    Err(e) => tracing::error!(error = %e, "purge failed"),
                }
                match purge_contacts(&app2) {
                    Ok(n) if n > 0 => tracing::info!(suggestions = n, "contact details deleted"),
                    Ok(_) => {}
                    Err(e) => tracing::error!(error = %e, "purge of contact details failed"),
                }
                match nightly_backup(&app2) {
                    Ok(Some(p)) => tracing::info!(file = %p.display(), "nightly backup written"),
                    Ok(None) => {}
                    Err(e) => tracing::error!(error = %e, "backup failed"),
                }
            }
        })
        .await;
        tick += 1;
        let _ = Utc::now();
    }
}
