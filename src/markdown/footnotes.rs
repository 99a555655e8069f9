//! Footnotes a keyboard and a screen reader can follow both ways: each reference is a numbered
//! link to its note, described by the notes' heading; each note is an item of a list under that
//! heading, ending in a labelled link back to where it was referred to. (pulldown-cmark's own
//! footnotes have no way back and number by label.) Notes are numbered in the order they are
//! first referred to; notes nobody refers to follow, without a link back.

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// The words around footnotes: Swedish, or English for any other language.
struct Words {
    heading: &'static str,
    back: &'static str,
}

fn words(lang: &str) -> Words {
    if lang == "sv" {
        Words {
            heading: "Fotnoter",
            back: "Tillbaka till texten, fotnot",
        }
    } else {
        Words {
            heading: "Footnotes",
            back: "Back to the text, footnote",
        }
    }
}

pub(super) fn accessible_footnotes<'a>(events: Vec<Event<'a>>, lang: &str) -> Vec<Event<'a>> {
    if !events.iter().any(|e| {
        matches!(
            e,
            Event::FootnoteReference(_) | Event::Start(Tag::FootnoteDefinition(_))
        )
    }) {
        return events;
    }
    // Take the notes out of the text.
    let mut text = Vec::with_capacity(events.len());
    let mut notes: Vec<(CowStr<'a>, Vec<Event<'a>>)> = vec![];
    let mut inside: Option<(CowStr<'a>, Vec<Event<'a>>)> = None;
    for event in events {
        match (event, &mut inside) {
            (Event::Start(Tag::FootnoteDefinition(label)), None) => inside = Some((label, vec![])),
            (Event::End(TagEnd::FootnoteDefinition), Some(_)) => notes.extend(inside.take()),
            (event, Some((_, body))) => body.push(event),
            (event, None) => text.push(event),
        }
    }
    let defined: HashMap<&str, usize> = notes.iter().enumerate().map(|(i, (l, _))| (l.as_ref(), i)).collect();
    // Number the references; a second reference to one note gets its own id.
    let mut number_of: HashMap<usize, usize> = HashMap::new();
    let mut seen: HashMap<usize, usize> = HashMap::new();
    let mut out = Vec::with_capacity(text.len() + notes.len() * 8);
    for event in text {
        let Event::FootnoteReference(label) = &event else {
            out.push(event);
            continue;
        };
        let Some(&note) = defined.get(label.as_ref()) else {
            // A reference to a note that is not written: shown as the editor typed it.
            out.push(Event::Text(CowStr::from(format!("[^{label}]"))));
            continue;
        };
        let next = number_of.len() + 1;
        let n = *number_of.entry(note).or_insert(next);
        let times = seen.entry(note).or_insert(0);
        *times += 1;
        let id = if *times == 1 {
            format!("fnref-{n}")
        } else {
            format!("fnref-{n}-{times}")
        };
        out.push(Event::InlineHtml(CowStr::from(format!(
            r##"<sup class="footnote-ref"><a href="#fn-{n}" id="{id}" aria-describedby="footnote-label">{n}</a></sup>"##
        ))));
    }
    let words = words(lang);
    let mut order: Vec<(usize, Option<usize>)> = (0..notes.len()).map(|i| (i, number_of.get(&i).copied())).collect();
    order.sort_by_key(|(i, n)| (n.is_none(), n.unwrap_or(0), *i));
    out.push(Event::Html(CowStr::from(format!(
        "<section class=\"footnotes\" aria-labelledby=\"footnote-label\">\n<h2 id=\"footnote-label\">{}</h2>\n<ol>\n",
        words.heading
    ))));
    let mut bodies: Vec<Option<Vec<Event<'a>>>> = notes.into_iter().map(|(_, b)| Some(b)).collect();
    for (position, (i, n)) in order.into_iter().enumerate() {
        let shown = n.unwrap_or(position + 1);
        out.push(Event::Html(CowStr::from(match n {
            Some(n) => format!("<li id=\"fn-{n}\">\n"),
            None => "<li>\n".to_string(),
        })));
        out.extend(bodies[i].take().unwrap_or_default());
        if n.is_some() {
            out.push(Event::Html(CowStr::from(format!(
                "<a class=\"footnote-back\" href=\"#fnref-{shown}\" aria-label=\"{} {shown}\">↩</a>\n",
                words.back
            ))));
        }
        out.push(Event::Html(CowStr::from("</li>\n")));
    }
    out.push(Event::Html(CowStr::from("</ol>\n</section>\n")));
    out
}

#[cfg(test)]
mod tests {
    use crate::markdown::{Trust, render};

    #[test]
    fn references_and_notes_link_both_ways_with_names() {
        let md =
            "Första[^b] och andra[^a] och första igen[^b].\n\n[^a]: Om a.\n[^b]: Om b.\n[^c]: Ingen hänvisar hit.\n";
        let html = render(md, Trust::Editor, "sv").html;
        // Numbered by first reference: b is 1, a is 2.
        assert!(
            html.contains(r##"<sup class="footnote-ref"><a href="#fn-1" id="fnref-1" aria-describedby="footnote-label">1</a></sup>"##),
            "{html}"
        );
        assert!(html.contains(r##"<a href="#fn-2" id="fnref-2""##));
        assert!(
            html.contains(r##"<a href="#fn-1" id="fnref-1-2""##),
            "a second reference has its own id"
        );
        assert!(html.contains(r#"<h2 id="footnote-label">Fotnoter</h2>"#));
        let one = html.find(r#"<li id="fn-1">"#).unwrap();
        let two = html.find(r#"<li id="fn-2">"#).unwrap();
        assert!(one < two && html[one..two].contains("Om b."), "{html}");
        assert!(html.contains(r##"href="#fnref-1" aria-label="Tillbaka till texten, fotnot 1""##));
        // A note nobody refers to is kept, without a way back.
        let last = html.rfind("<li>").unwrap();
        assert!(html[last..].contains("Ingen hänvisar hit.") && !html[last..].contains("footnote-back"));
        let english = render(md, Trust::Editor, "en").html;
        assert!(english.contains(">Footnotes</h2>") && english.contains("Back to the text, footnote 1"));
    }

    #[test]
    fn a_reference_without_a_note_stays_as_written() {
        let html = render("Text[^saknas].\n", Trust::Editor, "sv").html;
        assert!(!html.contains("footnote"), "{html}");
    }
}
