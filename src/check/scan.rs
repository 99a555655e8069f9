//! Reading the links, images and headings of a piece of Markdown with their byte positions, so
//! that every finding can point at the exact text an editor wrote.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::markdown;

/// Whether a [`Link`] is a link or an image.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    /// `[text](dest)`, `<https://…>` or a reference link.
    Link,
    /// `![alt](src)`.
    Image,
}

/// A link or image as written in Markdown.
#[derive(Debug, Clone)]
pub struct Link {
    /// Link or image.
    pub kind: LinkKind,
    /// Where it leads (a link) or the picture's address (an image).
    pub dest: String,
    /// The visible text of a link, or the alt text of an image. A link's text includes the alt
    /// text of images inside it, since that is what a screen reader announces.
    pub text: String,
    /// Whether a link has an image inside it.
    pub has_image: bool,
    /// Byte range in the Markdown.
    pub span: Range<usize>,
    /// Written as raw HTML (`<a href>`, `<img src>`): its text is not known here.
    pub raw_html: bool,
    /// A picture the editor marked as decoration (title `dekorativ`): it needs no alt text.
    pub decorative: bool,
}

/// A heading as written in Markdown.
#[derive(Debug, Clone)]
pub struct HeadingAt {
    /// 1 to 6.
    pub level: u8,
    /// Byte range in the Markdown.
    pub span: Range<usize>,
}

/// What a piece of Markdown links to and how it is structured.
#[derive(Debug, Default)]
pub struct Scanned {
    /// Links and images in document order (an image inside a link comes after the link).
    pub links: Vec<Link>,
    /// Headings in document order.
    pub headings: Vec<HeadingAt>,
}

/// Scans Markdown with the same extensions the renderer uses.
pub fn scan(markdown: &str) -> Scanned {
    let mut out = Scanned::default();
    // Indices into `out.links` of the links and images that are open at this point; text goes
    // to all of them, because an image's alt text is also its enclosing link's text.
    let mut open: Vec<usize> = vec![];
    // An HTML block comes a line at a time; its lines are read together, since a tag may span
    // several of them.
    let mut html_block: Option<Range<usize>> = None;
    for (event, span) in Parser::new_ext(markdown, markdown::options()).into_offset_iter() {
        if let Event::Html(_) = event {
            html_block = match html_block {
                Some(r) if r.end == span.start => Some(r.start..span.end),
                Some(r) => {
                    raw_html_links(&markdown[r.clone()], r.start, &mut out.links);
                    Some(span)
                }
                None => Some(span),
            };
            continue;
        }
        if let Some(r) = html_block.take() {
            raw_html_links(&markdown[r.clone()], r.start, &mut out.links);
        }
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                open.push(out.links.len());
                out.links.push(Link {
                    kind: LinkKind::Link,
                    dest: dest_url.to_string(),
                    text: String::new(),
                    has_image: false,
                    span,
                    raw_html: false,
                    decorative: false,
                });
            }
            Event::Start(Tag::Image { dest_url, title, .. }) => {
                for &i in &open {
                    out.links[i].has_image = true;
                }
                open.push(out.links.len());
                out.links.push(Link {
                    kind: LinkKind::Image,
                    dest: dest_url.to_string(),
                    text: String::new(),
                    has_image: false,
                    span,
                    raw_html: false,
                    decorative: crate::markdown::images::is_decorative(&title),
                });
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                open.pop();
            }
            Event::InlineHtml(t) => {
                raw_html_links(&t, span.start, &mut out.links);
                for &i in &open {
                    out.links[i].text.push_str(&t);
                }
            }
            Event::Text(t) | Event::Code(t) => {
                for &i in &open {
                    out.links[i].text.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                for &i in &open {
                    out.links[i].text.push(' ');
                }
            }
            Event::Start(Tag::Heading { level, .. }) => {
                // The span of a heading includes its line break; a marker should stay on its line.
                let end = span.start + markdown[span.clone()].trim_end().len();
                out.headings.push(HeadingAt {
                    level: level as u8,
                    span: span.start..end,
                });
            }
            _ => {}
        }
    }
    if let Some(r) = html_block {
        raw_html_links(&markdown[r.clone()], r.start, &mut out.links);
    }
    out
}

/// The `href` of each `<a>` and the `src` of each `<img>` in raw HTML that starts at byte
/// `offset` of the Markdown. A small scanner rather than an HTML parser: editors' raw HTML is a
/// tag or two, and all that is needed is the address and where the tag is.
fn raw_html_links(html: &str, offset: usize, out: &mut Vec<Link>) {
    let lower = html.to_ascii_lowercase();
    let mut at = 0;
    while let Some(found) = lower[at..].find('<') {
        let start = at + found;
        // What is inside a comment is not published as a link.
        if lower[start..].starts_with("<!--") {
            at = lower[start..].find("-->").map_or(lower.len(), |e| start + e + 3);
            continue;
        }
        let end = lower[start..].find('>').map_or(lower.len(), |e| start + e + 1);
        let tag = &lower[start..end];
        let opens = |name: &str| {
            tag.strip_prefix(name)
                .and_then(|rest| rest.chars().next())
                .is_some_and(char::is_whitespace)
        };
        let (kind, attr) = if opens("<a") {
            (LinkKind::Link, "href")
        } else if opens("<img") {
            (LinkKind::Image, "src")
        } else {
            at = start + 1;
            continue;
        };
        if let Some(dest) = attribute(&html[start..end], tag, attr) {
            out.push(Link {
                kind,
                dest,
                text: String::new(),
                has_image: false,
                span: offset + start..offset + end,
                raw_html: true,
                decorative: false,
            });
        }
        at = end;
    }
}

/// An attribute's value in one tag (`tag` is its lowercase copy, for finding the name).
fn attribute(original: &str, tag: &str, name: &str) -> Option<String> {
    let mut from = 0;
    while let Some(i) = tag[from..].find(name) {
        let i = from + i;
        from = i + name.len();
        // The name must stand alone: `data-href=` or `srcset=` are other attributes.
        let before = tag[..i].chars().next_back();
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let rest = tag[from..].trim_start();
        let Some(rest) = rest.strip_prefix('=') else { continue };
        let value_start = original.len() - rest.len();
        let rest_original = original[value_start..].trim_start();
        let value = match rest_original.chars().next() {
            Some(q @ ('"' | '\'')) => rest_original[1..].split(q).next().unwrap_or(""),
            _ => rest_original
                .split(|c: char| c.is_whitespace() || c == '>')
                .next()
                .unwrap_or(""),
        };
        return Some(value.replace("&amp;", "&"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_images_and_headings_with_positions() {
        let md = "## Rubrik\n\nSe [tipsen](/stod/tips/#rad) och ![en katt](katt.jpg).\n\n[![Logga](logga.svg)](/)\n";
        let s = scan(md);
        assert_eq!(s.headings.len(), 1);
        assert_eq!((s.headings[0].level, s.headings[0].span.start), (2, 0));
        let l = &s.links[0];
        assert_eq!(
            (l.kind, l.dest.as_str(), l.text.as_str()),
            (LinkKind::Link, "/stod/tips/#rad", "tipsen")
        );
        assert_eq!(&md[l.span.clone()], "[tipsen](/stod/tips/#rad)");
        assert_eq!(
            (s.links[1].kind, s.links[1].text.as_str()),
            (LinkKind::Image, "en katt")
        );
        let logo = &s.links[2];
        assert!(logo.has_image);
        assert_eq!(logo.text, "Logga");
        assert_eq!(s.links[3].dest, "logga.svg");
    }

    #[test]
    fn links_in_raw_html() {
        let md = "Text <a class=\"x\" HREF='/stod/tips/#rad'>tips</a> och <img data-src=\"no\" src=/bild.jpg alt=\"\">.\n\n<div>\n<a\n  href=\"/finns-inte/\">x</a>\n<!-- <a href=\"/gammal/\">bortkommenterad</a> -->\n</div>\n";
        let s = scan(md);
        let raw: Vec<(&str, LinkKind)> = s
            .links
            .iter()
            .filter(|l| l.raw_html)
            .map(|l| (l.dest.as_str(), l.kind))
            .collect();
        assert_eq!(
            raw,
            vec![
                ("/stod/tips/#rad", LinkKind::Link),
                ("/bild.jpg", LinkKind::Image),
                ("/finns-inte/", LinkKind::Link)
            ]
        );
        let first = s.links.iter().find(|l| l.raw_html).unwrap();
        assert!(md[first.span.clone()].starts_with("<a class"));
    }
}
