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
            LinkKind::Image if text.is_empty() && !link.decorative => {
                diags.push(err(crate::msg!("check-image-no-alt")).help(crate::msg!("check-image-no-alt-help")))
            }
            LinkKind::Link if text.is_empty() => {
                diags.push(err(crate::msg!("check-link-no-text")).help(if link.has_image {
                    crate::msg!("check-link-no-text-image-help")
                } else {
                    crate::msg!("check-link-no-text-help")
                }))
            }
            LinkKind::Link if is_vague(text) => {
                diags.push(err(crate::msg!("check-link-vague", text = text)).help(crate::msg!("check-link-vague-help")))
            }
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
