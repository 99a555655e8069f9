//! Link texts and alt texts a screen-reader user can understand: no empty links, no "klicka
//! här", no pictures without a description (WCAG 2.4.4 and 1.1.1).

use super::docs::Doc;
use super::scan::{Link, LinkKind};
use crate::diagnostics::Diagnostic;

/// Link texts that say nothing about where the link leads when read on their own, as screen
/// readers' lists of links do. Compared in lowercase, without punctuation.
const VAGUE: &[&str] = &["klicka här", "här", "läs mer", "mer", "click here", "read more", "here"];

/// Checks the texts of the links and images of one piece of Markdown.
pub fn check(doc: &Doc<'_>, links: &[Link], diags: &mut Vec<Diagnostic>) {
    // Raw HTML's texts and alt attributes are not read here; the browser checks catch those.
    for link in links.iter().filter(|l| !l.raw_html) {
        let err = |message: String| Diagnostic::error(doc.source, Some(doc.span(link.span.clone())), message);
        let text = link.text.trim();
        match link.kind {
            LinkKind::Image if text.is_empty() && !link.decorative => diags.push(
                err("the picture has no alt text".into()).help(
                    "describe the picture for people who cannot see it: ![Två personer fikar vid ett bord](fika.jpg); a picture that is only decoration: ![](mönster.svg \"dekorativ\")",
                ),
            ),
            LinkKind::Link if text.is_empty() => diags.push(
                err("the link has no text".into()).help(if link.has_image {
                    "the picture in the link is its text: describe where the link leads in the picture's alt text"
                } else {
                    "write what the link leads to between the brackets: [Tips till dig som känner dig ensam](/stod/tips/)"
                }),
            ),
            LinkKind::Link if is_vague(text) => diags.push(
                err(format!("the link text \"{text}\" does not say where the link leads")).help(
                    "screen readers list links by their text alone; name what the reader will find, e.g. [Läs mer om pratcaféet](…)",
                ),
            ),
            _ => {}
        }
    }
}

/// Whether a link text is one of [`VAGUE`], ignoring case, punctuation and spacing.
fn is_vague(text: &str) -> bool {
    let words: String = text
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    VAGUE.contains(&words.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vague_texts() {
        for t in [
            "Klicka här!",
            "HÄR",
            "läs  mer…",
            "Mer »",
            "Read more.",
            "click here",
            "(here)",
        ] {
            assert!(is_vague(t), "{t}");
        }
        for t in ["Läs mer om pratcaféet", "Härnösand", "mer information om boule"] {
            assert!(!is_vague(t), "{t}");
        }
    }
}
