//! Tables whose header cells say what they head (`<th scope="col">`), so that a screen reader
//! reads each cell with its column's name.

use pulldown_cmark::{Alignment, CowStr, Event, Tag, TagEnd};

pub(super) fn scoped_headers(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out = Vec::with_capacity(events.len());
    let mut alignments: Vec<Alignment> = vec![];
    let (mut in_head, mut column) = (false, 0);
    for event in events {
        match event {
            Event::Start(Tag::Table(a)) => {
                alignments = a.clone();
                out.push(Event::Start(Tag::Table(a)));
            }
            Event::Start(Tag::TableHead) => {
                (in_head, column) = (true, 0);
                out.push(event);
            }
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                out.push(event);
            }
            Event::Start(Tag::TableCell) if in_head => {
                let align = match alignments.get(column) {
                    Some(Alignment::Left) => r#" style="text-align: left""#,
                    Some(Alignment::Center) => r#" style="text-align: center""#,
                    Some(Alignment::Right) => r#" style="text-align: right""#,
                    _ => "",
                };
                out.push(Event::Html(CowStr::from(format!(r#"<th scope="col"{align}>"#))));
            }
            Event::End(TagEnd::TableCell) if in_head => {
                column += 1;
                out.push(Event::Html(CowStr::from("</th>")));
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
    fn header_cells_have_a_scope_and_keep_their_alignment() {
        let html = render("| Dag | Tid |\n|:---|---:|\n| Måndag | 10 |\n", Trust::Editor, "sv").html;
        assert!(
            html.contains(r#"<thead><tr><th scope="col" style="text-align: left">Dag</th><th scope="col" style="text-align: right">Tid</th></tr></thead>"#),
            "{html}"
        );
        assert!(html.contains(r#"<td style="text-align: left">Måndag</td>"#), "{html}");
    }
}
