//! File and folder names to web addresses. Editors name files the way they write
//! (`måltidsvänner.toml`, `Mitt inlägg.md`, `Träffpunkter/`); the address and the id are the
//! name's slug by the one rule the filters use (`vocabulary::slugify`: `maltidsvanner`,
//! `mitt-inlagg`, `traffpunkter`), and `slug = "…"` in the file chooses another.

use toml::Spanned;

use crate::diagnostics::{Diagnostic, Source};
use crate::vocabulary::slugify;

/// The slug of a file or folder name, or `None` when nothing of it is left for an address (a
/// name of only punctuation or emoji).
pub fn of_name(name: &str) -> Option<String> {
    Some(slugify(name)).filter(|s| !s.is_empty())
}

/// The error for a file or folder name that gives no address.
pub fn empty_name(src: &Source, name: &str) -> Diagnostic {
    Diagnostic::error(src, None, crate::msg!("slug-name-no-letters", name = name))
        .help(crate::msg!("slug-name-no-letters-help"))
}

/// The slug a file asks for with `slug = "…"`, checked: it must already be a slug, since it
/// is written into addresses as it is.
pub fn chosen(src: &Source, slug: &Spanned<String>, diags: &mut Vec<Diagnostic>) -> Option<String> {
    let wanted = slug.get_ref();
    match of_name(wanted) {
        Some(s) if s == *wanted => Some(s),
        Some(s) => {
            diags.push(
                Diagnostic::error(src, Some(slug.span()), crate::msg!("slug-not-usable", slug = wanted))
                    .help(crate::msg!("slug-not-usable-help", suggestion = s)),
            );
            None
        }
        None => {
            diags.push(
                Diagnostic::error(src, Some(slug.span()), crate::msg!("slug-empty"))
                    .help(crate::msg!("slug-empty-help")),
            );
            None
        }
    }
}

/// The id and last address part of a file: its `slug = "…"` when it has one, otherwise its
/// name's slug. `None` (with an error in `diags`) when neither gives one.
pub fn of_file(
    src: &Source,
    stem: &str,
    slug: Option<&Spanned<String>>,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    match slug {
        Some(s) => chosen(src, s, diags),
        None => of_name(stem).or_else(|| {
            diags.push(empty_name(src, stem));
            None
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src() -> Source {
        Source::new("content/aktiviteter/x.toml", "slug = \"Fel Slug\"\n")
    }

    #[test]
    fn names_become_slugs_by_the_filters_rule() {
        assert_eq!(of_name("måltidsvänner").as_deref(), Some("maltidsvanner"));
        assert_eq!(of_name("Mitt inlägg").as_deref(), Some("mitt-inlagg"));
        assert_eq!(of_name("Träffpunkter").as_deref(), Some("traffpunkter"));
        assert_eq!(of_name("Öppet hus 2027").as_deref(), Some("oppet-hus-2027"));
        assert_eq!(of_name("!!!"), None);
    }

    #[test]
    fn a_chosen_slug_must_be_a_slug_already() {
        let mut diags = vec![];
        let good = Spanned::new(7..12, "traff".to_string());
        assert_eq!(chosen(&src(), &good, &mut diags).as_deref(), Some("traff"));
        let bad = Spanned::new(7..17, "Fel Slug".to_string());
        assert_eq!(chosen(&src(), &bad, &mut diags), None);
        let text = diags[0].to_string();
        assert!(text.contains("x.toml:1:8"), "{text}");
        assert!(
            text.contains("slug = \\\"fel-slug\\\"") || text.contains("slug = \"fel-slug\""),
            "{text}"
        );
    }

    #[test]
    fn a_name_with_nothing_to_slug_is_an_error_unless_the_file_chooses() {
        let mut diags = vec![];
        assert_eq!(of_file(&src(), "???", None, &mut diags), None);
        assert!(diags[0].to_string().contains("no letters or digits"));
        let chosen = Spanned::new(7..12, "traff".to_string());
        assert_eq!(
            of_file(&src(), "???", Some(&chosen), &mut vec![]).as_deref(),
            Some("traff")
        );
    }
}
