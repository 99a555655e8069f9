//! Listings whose facts are due to be confirmed again: `check` warns in the last 30 days before an
//! activity's `checked` date runs out (`recheck_after_days` in site.toml), and when it has run
//! out, so staff call the organizer before visitors are told to.

use std::path::Path;

use chrono::Days;

use crate::content::Site;
use crate::content::activity::Confirmation;
use crate::diagnostics::Diagnostic;

/// How many days before a `checked` date runs out `check` starts to warn.
pub const WARN_DAYS_BEFORE: u64 = 30;

/// Warns about activities due for confirmation within [`WARN_DAYS_BEFORE`] days or overdue.
pub fn check(site: &Site, diags: &mut Vec<Diagnostic>) {
    for a in &site.activities {
        if a.is_ended(site.today) {
            continue;
        }
        let span = a.source.text.find("checked").map(|i| i..i + "checked".len());
        let message = match a.confirmation(site.today, site.config.recheck_after_days) {
            Confirmation::Recent(on, due) if site.today + Days::new(WARN_DAYS_BEFORE) >= due => crate::msg!(
                "check-recheck-soon",
                checked = on.to_string(),
                due = due.to_string(),
                days = (due - site.today).num_days()
            ),
            Confirmation::Old(on) => crate::msg!(
                "check-recheck-overdue",
                checked = on.to_string(),
                days = site.config.recheck_after_days
            ),
            _ => continue,
        };
        diags.push(
            Diagnostic::error(&a.source, span, message)
                .warning()
                .help(crate::msg!("check-recheck-help", today = site.today.to_string())),
        );
    }
}

/// The same for places with a file of their own: their address and access are facts too.
pub fn check_places(site: &Site, diags: &mut Vec<Diagnostic>) {
    for p in &site.places {
        let Some(stem) = &p.file_stem else { continue };
        let message = match Confirmation::of(p.checked, site.today, site.config.recheck_after_days) {
            Confirmation::Recent(on, due) if site.today + Days::new(WARN_DAYS_BEFORE) >= due => crate::msg!(
                "check-place-recheck-soon",
                checked = on.to_string(),
                due = due.to_string(),
                days = (due - site.today).num_days()
            ),
            Confirmation::Old(on) => crate::msg!(
                "check-place-recheck-overdue",
                checked = on.to_string(),
                days = site.config.recheck_after_days
            ),
            _ => continue,
        };
        let path = Path::new("content/platser").join(format!("{stem}.toml"));
        diags.push(
            Diagnostic::file_error(&path, message)
                .warning()
                .help(crate::msg!("check-recheck-help", today = site.today.to_string())),
        );
    }
}
