//! Pictures: every picture in Markdown needs a description (`omtanke check` refuses one
//! without), unless the editor marks it as decoration with the title `dekorativ` (or
//! `decorative`): `![](mönster.svg "dekorativ")`. Such a picture gets an empty `alt`, which tells
//! screen readers to pass it by, and no title.

use pulldown_cmark::{CowStr, Event, Tag};

/// The titles that mark a picture as decoration.
pub const DECORATIVE: &[&str] = &["dekorativ", "decorative"];

/// Whether a picture's title marks it as decoration.
pub fn is_decorative(title: &str) -> bool {
    DECORATIVE.iter().any(|d| title.trim().eq_ignore_ascii_case(d))
}

pub(super) fn decorations_without_title(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    events
        .into_iter()
        .map(|event| match event {
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) if is_decorative(&title) => Event::Start(Tag::Image {
                link_type,
                dest_url,
                title: CowStr::from(""),
                id,
            }),
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::markdown::{Trust, render};

    #[test]
    fn a_decorative_picture_has_an_empty_alt_and_no_title() {
        let html = render(
            "![](monster.svg \"dekorativ\") ![Fika](fika.jpg \"Kaffe\")\n",
            Trust::Editor,
            "sv",
        )
        .html;
        assert!(html.contains(r#"<img src="monster.svg" alt="" />"#), "{html}");
        assert!(
            html.contains(r#"<img src="fika.jpg" alt="Fika" title="Kaffe" />"#),
            "{html}"
        );
    }
}
