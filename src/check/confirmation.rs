//! Listings whose facts are due to be confirmed again: `check` warns in the last 30 days before an
//! activity's `checked` date runs out (`recheck_after_days` in site.toml), and when it has run
//! out, so staff call the organizer before visitors are told to.

use crate::config::WhenUnchecked;
use crate::content::Site;
use crate::content::confirmation::Confirmation;
use crate::diagnostics::Diagnostic;

/// Warns about activities due for confirmation within [`WARN_DAYS_BEFORE`](crate::content::confirmation::WARN_DAYS_BEFORE) days or overdue.
pub fn check(site: &Site, diags: &mut Vec<Diagnostic>) {
    for a in &site.activities {
        if a.is_ended(site.today) {
            continue;
        }
        let confirmation = site.confirmation(a.checked);
        let Some(message) = finding(Listing::Activity, confirmation, site) else {
            continue;
        };
        diags.push(
            Diagnostic::error(&a.source, a.checked_span.clone(), message)
                .warning()
                .help(crate::msg!("check-recheck-help", today = site.today.to_string())),
        );
    }
}

/// The same for places with a file of their own: their address and access are facts too.
pub fn check_places(site: &Site, diags: &mut Vec<Diagnostic>) {
    for p in &site.places {
        let Some(path) = p.file() else { continue };
        let confirmation = site.confirmation(p.checked);
        let Some(message) = finding(Listing::Place, confirmation, site) else {
            continue;
        };
        let diagnostic = match &p.checked_at {
            Some((source, span)) => Diagnostic::error(source, Some(span.clone()), message),
            None => Diagnostic::file_error(&path, message),
        };
        diags.push(
            diagnostic
                .warning()
                .help(crate::msg!("check-recheck-help", today = site.today.to_string())),
        );
    }
}

/// Organizers' files whose `checked` is due soon or overdue, at the date (or the file).
pub fn check_organizers(site: &Site, diags: &mut Vec<Diagnostic>) {
    for o in &site.organizers {
        let Some(message) = finding(Listing::Organizer, site.confirmation(o.checked), site) else {
            continue;
        };
        diags.push(
            Diagnostic::error(&o.source, o.checked_span.clone(), message)
                .warning()
                .help(crate::msg!("check-recheck-help", today = site.today.to_string())),
        );
    }
}

/// What kind of listing a finding is about (its words differ).
enum Listing {
    Activity,
    Place,
    Organizer,
}

/// The warning for a listing whose confirmation is due within [`WARN_DAYS_BEFORE`](crate::content::confirmation::WARN_DAYS_BEFORE) days or
/// overdue; none otherwise (a listing never confirmed is on `omtanke recheck`'s list instead).
fn finding(listing: Listing, confirmation: Confirmation, site: &Site) -> Option<String> {
    Some(match (listing, confirmation) {
        (listing, c @ Confirmation::Recent(on, due)) if c.is_due_soon(site.today) => {
            let (checked, due, days) = (on.to_string(), due.to_string(), (due - site.today).num_days());
            match listing {
                Listing::Activity => crate::msg!("check-recheck-soon", checked = checked, due = due, days = days),
                Listing::Place => crate::msg!("check-place-recheck-soon", checked = checked, due = due, days = days),
                Listing::Organizer => {
                    crate::msg!(
                        "check-organizer-recheck-soon",
                        checked = checked,
                        due = due,
                        days = days
                    )
                }
            }
        }
        (listing, Confirmation::Old(on, _)) => {
            let (checked, days) = (on.to_string(), site.config.recheck_after_days);
            match listing {
                Listing::Activity if site.config.when_unchecked == WhenUnchecked::Hide => {
                    crate::msg!("check-recheck-overdue-hidden", checked = checked, days = days)
                }
                Listing::Activity => crate::msg!("check-recheck-overdue", checked = checked, days = days),
                Listing::Place => crate::msg!("check-place-recheck-overdue", checked = checked, days = days),
                Listing::Organizer => crate::msg!("check-organizer-recheck-overdue", checked = checked, days = days),
            }
        }
        _ => return None,
    })
}
