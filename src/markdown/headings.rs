//! Heading anchors: every heading gets an `id`, unique within its document.

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};

use super::Heading;
use crate::vocabulary::slugify;

/// Gives every heading an `id` (kept when the author wrote `{#id}`), unique within the document.
pub(super) fn anchor_headings(events: &mut [Event]) -> Vec<Heading> {
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
    use crate::markdown::{Trust, render};

    #[test]
    fn headings_get_unique_swedish_anchors() {
        let r = render(
            "## Så här gör du\n\ntext\n\n## Så här gör du\n\n### Egen {#min-id}\n",
            Trust::Editor,
            "sv",
        );
        assert!(r.html.contains(r#"<h2 id="sa-har-gor-du">"#), "{}", r.html);
        assert!(r.html.contains(r#"<h2 id="sa-har-gor-du-1">"#));
        assert!(r.html.contains(r#"<h3 id="min-id">"#));
        assert_eq!(r.headings.len(), 3);
        assert_eq!(r.headings[0].title, "Så här gör du");
    }
}
