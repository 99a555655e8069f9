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
                Diagnostic::error(
                    doc.source,
                    span,
                    "a `#` heading (h1) in the text: the title is the page's only h1",
                )
                .help("start the text's headings at `##` (h2)"),
            );
        } else if h.level > previous + 1 {
            let message = if previous == 1 {
                format!(
                    "the text's first heading is h{}, but it must be h2, as the title is the h1",
                    h.level
                )
            } else {
                format!("the heading skips a level: h{} after h{previous}", h.level)
            };
            diags.push(Diagnostic::error(doc.source, span, message).help(format!(
                "write `{}` (h{}), or add the heading levels in between",
                "#".repeat(previous as usize + 1),
                previous + 1
            )));
        }
        // Continue from the level written, so one mistake is reported once.
        previous = h.level;
    }
}
