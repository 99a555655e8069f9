//! Places no activity uses. They still get a page, so this is only a warning: the place may be
//! waiting for an activity, or be left over from one that was removed.

use crate::content::Site;
use crate::diagnostics::{Diagnostic, Source};

/// Warns about each file in `content/platser/` that no activity's `place` names.
pub fn check(site: &Site, diags: &mut Vec<Diagnostic>) {
    for p in &site.places {
        // Inline places have no page of their own, so a place file is used exactly when an
        // activity's place has that file's page.
        let used = site
            .activities
            .iter()
            .any(|a| a.place.as_ref().is_some_and(|ap| ap.url.is_some() && ap.id == p.id));
        if used {
            continue;
        }
        // Places do not keep their text once loaded; read it again to quote it.
        let path = std::path::Path::new("content/platser").join(format!("{}.toml", p.id));
        let text = std::fs::read_to_string(site.root.join(&path)).unwrap_or_default();
        let first_line = 0..text.find('\n').unwrap_or(text.len());
        let src = Source::new(path, text);
        diags.push(
            Diagnostic::error(
                &src,
                Some(first_line),
                crate::msg!("check-place-unused", name = p.name.as_str()),
            )
            .warning()
            .help(crate::msg!("check-place-unused-help", id = p.id.as_str())),
        );
    }
}
