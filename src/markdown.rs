//! Markdown to HTML: CommonMark with tables, footnotes, strikethrough, task lists and heading
//! anchors. Residents' text is untrusted: raw HTML in it is shown as text and the result is
//! sanitized, so nothing a resident writes can run in a visitor's browser.

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};
use serde::Serialize;

use crate::vocabulary::slugify;

/// Who wrote the text, which decides whether raw HTML is allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trust {
    /// Editors of the site: raw HTML passes through.
    Editor,
    /// Residents (bulletin board): raw HTML is escaped and the output sanitized.
    Resident,
}

/// A heading of a rendered document, for tables of contents and link checks.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    /// The anchor (`id` attribute).
    pub id: String,
    /// The heading's text.
    pub title: String,
}

/// Rendered Markdown.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Rendered {
    /// The HTML.
    pub html: String,
    /// The document's headings in order.
    pub headings: Vec<Heading>,
}

/// The Markdown extensions the site uses; `omtanke check` parses with the same ones so that it
/// sees the same links and headings as the renderer.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders Markdown to HTML.
pub fn render(markdown: &str, trust: Trust) -> Rendered {
    let mut events: Vec<Event> = Parser::new_ext(markdown, options())
        .map(|e| match (trust, e) {
            (Trust::Resident, Event::Html(raw) | Event::InlineHtml(raw)) => Event::Text(raw),
            (_, e) => e,
        })
        .collect();
    let headings = anchor_headings(&mut events);
    let events = label_task_items(events);
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    if trust == Trust::Resident {
        out = ammonia::Builder::default()
            .link_rel(Some("nofollow ugc noopener noreferrer"))
            .add_tag_attributes("h2", &["id"])
            .add_tag_attributes("h3", &["id"])
            .add_tag_attributes("h4", &["id"])
            .clean(&out)
            .to_string();
    }
    Rendered { html: out, headings }
}

/// A task list item's checkbox (`- [x] Gratis`) inside a `<label>` with the item's own text, so
/// that it has a name for screen readers (WCAG 4.1.2; axe's `label` rule) in any language. The
/// label closes where the item's first line of text ends: before its paragraph, the item or a
/// list inside it ends, since a label may only hold text and inline elements.
fn label_task_items(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
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

/// Gives every heading an `id` (kept when the author wrote `{#id}`), unique within the document.
fn anchor_headings(events: &mut [Event]) -> Vec<Heading> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut headings = vec![];
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { level, id, .. }) = &events[i] {
            let level = heading_level(*level);
            let explicit = id.as_ref().map(|s| s.to_string());
            let mut title = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j] {
                    title.push_str(t);
                }
                j += 1;
            }
            let base = explicit.unwrap_or_else(|| {
                let s = slugify(&title);
                if s.is_empty() { "rubrik".into() } else { s }
            });
            let n = seen.entry(base.clone()).or_insert(0);
            let anchor = if *n == 0 { base.clone() } else { format!("{base}-{n}") };
            *n += 1;
            if let Event::Start(Tag::Heading { id, .. }) = &mut events[i] {
                *id = Some(CowStr::from(anchor.clone()));
            }
            headings.push(Heading {
                level,
                id: anchor,
                title,
            });
            i = j;
        }
        i += 1;
    }
    headings
}

fn heading_level(level: HeadingLevel) -> u8 {
    level as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_task_list_checkbox_is_named_by_its_item() {
        let html = render("- [x] Gratis\n- [ ] Anmälan *behövs*\n  - [x] inuti\n", Trust::Editor).html;
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
        let loose = render("- [x] Ett\n\n- [ ] Två\n", Trust::Editor).html;
        assert!(
            loose.contains(r#"<p><label class="task"><input type="checkbox" disabled="" checked=""> Ett</label></p>"#),
            "{loose}"
        );
    }

    #[test]
    fn headings_get_unique_swedish_anchors() {
        let r = render(
            "## Så här gör du\n\ntext\n\n## Så här gör du\n\n### Egen {#min-id}\n",
            Trust::Editor,
        );
        assert!(r.html.contains(r#"<h2 id="sa-har-gor-du">"#), "{}", r.html);
        assert!(r.html.contains(r#"<h2 id="sa-har-gor-du-1">"#));
        assert!(r.html.contains(r#"<h3 id="min-id">"#));
        assert_eq!(r.headings.len(), 3);
        assert_eq!(r.headings[0].title, "Så här gör du");
    }

    #[test]
    fn extensions_are_on() {
        let md = "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gammalt~~\n\n- [x] klart\n\nText[^1]\n\n[^1]: Fotnot.\n";
        let html = render(md, Trust::Editor).html;
        assert!(html.contains("<table>"));
        assert!(html.contains("<del>gammalt</del>"));
        assert!(html.contains(r#"type="checkbox""#));
        assert!(html.contains("footnote"));
    }

    #[test]
    fn editors_may_write_html_residents_may_not() {
        let md = "Hej <span class=\"x\">där</span>\n\n<script>alert(1)</script>\n\n[länk](javascript:alert(1))\n";
        let editor = render(md, Trust::Editor).html;
        assert!(editor.contains("<script>"));
        let resident = render(md, Trust::Resident).html;
        assert!(!resident.contains("<script"), "{resident}");
        assert!(!resident.contains("<span"), "{resident}");
        assert!(resident.contains("&lt;script&gt;"), "{resident}");
        assert!(!resident.contains("javascript:"), "{resident}");
    }
}
