//! The accessibility statement must stay true: a warning when its latest assessment is more than
//! a year old, and when its facts exist but no page shows them.

use crate::content::Site;
use crate::content::accessibility::URL;
use crate::diagnostics::Diagnostic;

/// An assessment older than this many days is reported.
pub const MAX_AGE_DAYS: i64 = 365;

/// Reports an old assessment at its date, and facts without a page.
pub fn check(site: &Site, diags: &mut Vec<Diagnostic>) {
    let Some(a) = &site.accessibility else { return };
    if (site.today - a.assessed).num_days() > MAX_AGE_DAYS {
        diags.push(
            Diagnostic::error(
                &a.source,
                Some(a.assessed_span.clone()),
                crate::msg!("check-accessibility-old", assessed = a.assessed.to_string()),
            )
            .help(crate::msg!("check-accessibility-old-help"))
            .warning(),
        );
    }
    if site.page(URL).is_none() {
        diags.push(
            Diagnostic::error(&a.source, Some(0..0), crate::msg!("check-accessibility-no-page"))
                .help(crate::msg!("check-accessibility-no-page-help"))
                .warning(),
        );
    }
}
