//! The pieces of Markdown a site has (page bodies, bulletin-board posts, activity descriptions),
//! each with the file it is in, where in that file it starts, and the address it is shown at.

use std::borrow::Cow;
use std::ops::Range;

use toml::de::{DeTable, DeValue};

use crate::content::{Activity, Site, frontmatter};
use crate::diagnostics::Source;
use crate::toml_doc::is_language_code;

/// Where a piece of Markdown sits in its file.
#[derive(Debug, Clone)]
pub enum At {
    /// The Markdown is the file's text from this byte on, so positions map one to one.
    Exact(usize),
    /// The Markdown was unescaped from a TOML string (`\"`, `\n` …), so positions inside it do
    /// not match the file; every finding points at this span (the `description` key) instead.
    Near(Range<usize>),
}

/// A piece of Markdown to check.
#[derive(Debug)]
pub struct Doc<'a> {
    /// The file it is in.
    pub source: &'a Source,
    /// The Markdown.
    pub text: Cow<'a, str>,
    /// Where it is in the file.
    pub at: At,
    /// The site path of the page it is shown on, for relative links and `#anchors`.
    pub url: String,
    /// Whether raw HTML in it is published as HTML (editors' text), not shown as text
    /// (residents' posts).
    pub html: bool,
}

impl Doc<'_> {
    /// The span in the file of a span in [`Doc::text`].
    pub fn span(&self, r: Range<usize>) -> Range<usize> {
        match &self.at {
            At::Exact(offset) => r.start + offset..r.end + offset,
            At::Near(span) => span.clone(),
        }
    }
}

/// Every piece of Markdown the site publishes.
pub fn collect(site: &Site) -> Vec<Doc<'_>> {
    let mut docs = vec![];
    for p in site.pages.iter().chain(&site.translations) {
        docs.extend(body(&p.source, &p.url, true));
    }
    for p in &site.posts {
        docs.extend(body(&p.source, &p.url, false));
    }
    for a in &site.activities {
        docs.extend(descriptions(a));
    }
    docs
}

/// The Markdown after a file's front matter.
fn body<'a>(source: &'a Source, url: &str, html: bool) -> Option<Doc<'a>> {
    let split = frontmatter::split(source).ok()?;
    Some(Doc {
        source,
        text: Cow::Borrowed(&source.text[split.body.clone()]),
        at: At::Exact(split.body.start),
        url: url.to_string(),
        html,
    })
}

/// An activity's `description` and those of its translations (`[en] description = …`).
fn descriptions(a: &Activity) -> Vec<Doc<'_>> {
    let text = &*a.source.text;
    let Ok(table) = DeTable::parse(text) else {
        return vec![];
    };
    let mut found = vec![];
    let mut look = |t: &DeTable<'_>, url: String| {
        for (k, v) in t {
            if k.get_ref() == "description"
                && let DeValue::String(s) = v.get_ref()
            {
                let at = locate(text, v.span(), k.span(), s);
                let text: Cow<'_, str> = match at {
                    At::Exact(start) => Cow::Borrowed(&text[start..start + s.len()]),
                    At::Near(_) => Cow::Owned(s.to_string()),
                };
                found.push(Doc {
                    source: &a.source,
                    text,
                    at,
                    url,
                    html: true,
                });
                return;
            }
        }
    };
    look(table.get_ref(), a.url.clone());
    for (k, v) in table.get_ref() {
        if is_language_code(k.get_ref())
            && let DeValue::Table(t) = v.get_ref()
        {
            look(t, format!("/{}{}", k.get_ref(), a.url));
        }
    }
    found
}

/// Finds a TOML string's text in its file. When the string is written without escapes its text
/// is a slice of the file after the opening quotes (and, for `"""`, the line break after them).
fn locate(file: &str, value: Range<usize>, key: Range<usize>, parsed: &str) -> At {
    let raw = &file[value.clone()];
    for quote in ["\"\"\"", "'''", "\"", "'"] {
        if raw.len() >= 2 * quote.len() && raw.starts_with(quote) && raw.ends_with(quote) {
            let mut start = value.start + quote.len();
            let end = value.end - quote.len();
            if quote.len() == 3 {
                start += [("\r\n", 2), ("\n", 1)]
                    .iter()
                    .find(|(nl, _)| file[start..end].starts_with(nl))
                    .map_or(0, |(_, n)| *n);
            }
            if file.get(start..end) == Some(parsed) {
                return At::Exact(start);
            }
            break;
        }
    }
    At::Near(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_strings_are_found_exactly_and_escaped_ones_at_their_key() {
        let file = "description = \"\"\"\n## Om\"\"\"\n";
        let v = file.find("\"\"\"").unwrap()..file.len() - 1;
        let at = locate(file, v, 0..11, "## Om");
        assert!(matches!(at, At::Exact(i) if &file[i..i + 5] == "## Om"), "{at:?}");

        let file = "description = \"Se \\\"här\\\"\"\n";
        let v = 14..file.len() - 1;
        assert!(matches!(locate(file, v, 0..11, "Se \"här\""), At::Near(r) if r == (0..11)));
    }
}
