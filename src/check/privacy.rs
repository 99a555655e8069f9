//! Forms that collect personal data need a privacy notice that names who is responsible: with
//! `suggest_url` or `booking_url` set, `site.toml` must say who in `[privacy]`.

use std::path::Path;

use crate::content::Site;
use crate::diagnostics::Diagnostic;

/// Warns when the site has a form for personal details but no `[privacy]`.
pub fn check(site: &Site, diags: &mut Vec<Diagnostic>) {
    let forms = site.config.suggest_url.is_some() || site.config.booking_url.is_some();
    if forms && site.config.privacy.is_none() {
        diags.push(
            Diagnostic::file_error(Path::new("site.toml"), crate::msg!("check-privacy-missing"))
                .help(crate::msg!("check-privacy-missing-help"))
                .warning(),
        );
    }
}
