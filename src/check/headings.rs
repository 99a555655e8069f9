//! Heading levels that a screen-reader user can navigate: the page's title is its only `h1`, so
//! a text starts at `##` (h2) and goes at most one level deeper at a time (WCAG 1.3.1).

use super::docs::Doc;
use super::scan::HeadingAt;
use crate::diagnostics::Diagnostic;

/// Checks the heading levels of one piece of Markdown shown under a page title.
pub fn check(doc: &Doc<'_>, headings: &[HeadingAt], diags: &mut Vec<Diagnostic>) {
    // The title above the text is the h1.
    let mut previous = 1;
    for h in headings {
        let span = Some(doc.span(h.span.clone()));
        if h.level == 1 {
            diags.push(
                Diagnostic::error(doc.source, span, crate::msg!("check-heading-h1"))
                    .help(crate::msg!("check-heading-h1-help")),
            );
        } else if h.level > previous + 1 {
            let message = if previous == 1 {
                crate::msg!("check-heading-first", level = h.level)
            } else {
                crate::msg!("check-heading-skip", level = h.level, previous = previous)
            };
            diags.push(Diagnostic::error(doc.source, span, message).help(crate::msg!(
                "check-heading-level-help",
                hashes = "#".repeat(previous as usize + 1),
                level = previous + 1
            )));
        }
        // Continue from the level written, so one mistake is reported once.
        previous = h.level;
    }
}
