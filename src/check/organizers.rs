//! The same organizer written as free text on several activities: it deserves a file of its own
//! (`content/arrangorer/<id>.toml`), which gives it a page, a calendar feed and a place in the
//! open data, and keeps its name written one way.

use std::collections::BTreeMap;

use crate::content::{Activity, Site};
use crate::diagnostics::Diagnostic;
use crate::vocabulary::slugify;

/// Warns at each activity whose free-text organizer (one without a file) other activities name
/// too, compared without case or extra spaces.
pub fn check(site: &Site, diags: &mut Vec<Diagnostic>) {
    let mut by_name: BTreeMap<String, Vec<&Activity>> = BTreeMap::new();
    for a in site.activities.iter().filter(|a| a.organizer_id.is_none()) {
        if let Some(name) = a.organizer.as_deref().filter(|n| !n.trim().is_empty()) {
            let key = name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
            by_name.entry(key).or_default().push(a);
        }
    }
    for activities in by_name.values().filter(|list| list.len() > 1) {
        for a in activities {
            let name = a.organizer.as_deref().unwrap_or_default().trim();
            let text = &a.source.text;
            // The value, where the editor wrote it.
            let span = text
                .find("organizer")
                .and_then(|at| text[at..].find(name).map(|i| at + i..at + i + name.len()));
            diags.push(
                Diagnostic::error(
                    &a.source,
                    span,
                    crate::msg!("check-organizer-free-text", name = name, count = activities.len()),
                )
                .help(crate::msg!(
                    "check-organizer-free-text-help",
                    name = name,
                    id = slugify(name)
                ))
                .warning(),
            );
        }
    }
}
