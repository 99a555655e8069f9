//! Task lists (`- [x] Gratis`) that screen readers can name.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// A task list item's checkbox (`- [x] Gratis`) inside a `<label>` with the item's own text, so
/// that it has a name for screen readers (WCAG 4.1.2; axe's `label` rule) in any language. The
/// label closes where the item's first line of text ends: before its paragraph, the item or a
/// list inside it ends, since a label may only hold text and inline elements.
pub(super) fn label_task_items(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out = Vec::with_capacity(events.len() + 4);
    let mut open = false;
    for event in events {
        match event {
            Event::TaskListMarker(checked) => {
                out.push(Event::InlineHtml(CowStr::from(format!(
                    r#"<label class="task"><input type="checkbox" disabled=""{}> "#,
                    if checked { r#" checked="""# } else { "" }
                ))));
                open = true;
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item)
            | Event::Start(Tag::List(_))
            | Event::SoftBreak
            | Event::HardBreak
                if open =>
            {
                out.push(Event::InlineHtml(CowStr::from("</label>")));
                open = false;
                out.push(event);
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::markdown::{Trust, render};

    #[test]
    fn a_task_list_checkbox_is_named_by_its_item() {
        let html = render(
            "- [x] Gratis\n- [ ] Anmälan *behövs*\n  - [x] inuti\n",
            Trust::Editor,
            "sv",
        )
        .html;
        assert!(
            html.contains(
                r#"<li><label class="task"><input type="checkbox" disabled="" checked=""> Gratis</label></li>"#
            ),
            "{html}"
        );
        assert!(
            html.contains(r#"<label class="task"><input type="checkbox" disabled=""> Anmälan <em>behövs</em></label>"#),
            "{html}"
        );
        assert_eq!(
            html.matches("<label").count(),
            html.matches("</label>").count(),
            "{html}"
        );
        let loose = render("- [x] Ett\n\n- [ ] Två\n", Trust::Editor, "sv").html;
        assert!(
            loose.contains(r#"<p><label class="task"><input type="checkbox" disabled="" checked=""> Ett</label></p>"#),
            "{loose}"
        );
    }
}
