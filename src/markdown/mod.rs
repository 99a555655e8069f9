//! Markdown to HTML: CommonMark with tables, footnotes, strikethrough, task lists and heading
//! anchors. Residents' text is untrusted: raw HTML in it is shown as text and the result is
//! sanitized, so nothing a resident writes can run in a visitor's browser.

use pulldown_cmark::{Event, Options, Parser, html};
use serde::Serialize;

mod footnotes;
mod headings;
pub mod images;
mod tables;
mod tasks;

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

/// Renders Markdown to HTML; `lang` is the text's language (for the words around footnotes).
pub fn render(markdown: &str, trust: Trust, lang: &str) -> Rendered {
    let mut events: Vec<Event> = Parser::new_ext(markdown, options())
        .map(|e| match (trust, e) {
            (Trust::Resident, Event::Html(raw) | Event::InlineHtml(raw)) => Event::Text(raw),
            (_, e) => e,
        })
        .collect();
    let headings = headings::anchor_headings(&mut events);
    let events = tasks::label_task_items(events);
    let events = tables::scoped_headers(events);
    let events = images::decorations_without_title(events);
    let events = footnotes::accessible_footnotes(events, lang);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_are_on() {
        let md = "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gammalt~~\n\n- [x] klart\n\nText[^1]\n\n[^1]: Fotnot.\n";
        let html = render(md, Trust::Editor, "sv").html;
        assert!(html.contains("<table>"));
        assert!(html.contains("<del>gammalt</del>"));
        assert!(html.contains(r#"type="checkbox""#));
        assert!(html.contains("footnote"));
    }

    #[test]
    fn editors_may_write_html_residents_may_not() {
        let md = "Hej <span class=\"x\">där</span>\n\n<script>alert(1)</script>\n\n[länk](javascript:alert(1))\n";
        let editor = render(md, Trust::Editor, "sv").html;
        assert!(editor.contains("<script>"));
        let resident = render(md, Trust::Resident, "sv").html;
        assert!(!resident.contains("<script"), "{resident}");
        assert!(!resident.contains("<span"), "{resident}");
        assert!(resident.contains("&lt;script&gt;"), "{resident}");
        assert!(!resident.contains("javascript:"), "{resident}");
    }
}
