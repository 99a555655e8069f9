//! Pauses that are over: once `paused_until` has passed the activity is shown as usual again by
//! itself, but its file still says it is paused, which misleads the next editor (and the status
//! note may still be read by someone who opens the file). A reminder to tidy up, not an error.

use crate::content::Site;
use crate::content::changes::Status;
use crate::diagnostics::Diagnostic;

/// Warns about activities whose pause ended before today.
pub fn check(site: &Site, diags: &mut Vec<Diagnostic>) {
    for a in &site.activities {
        let Status::Paused { until: Some(until) } = a.changes.status else {
            continue;
        };
        if until >= site.today {
            continue;
        }
        diags.push(
            Diagnostic::error(
                &a.source,
                a.changes.paused_until_span.clone(),
                crate::msg!("check-pause-over", until = until.to_string()),
            )
            .warning()
            .help(crate::msg!("check-pause-over-help")),
        );
    }
}
