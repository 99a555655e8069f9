//! What a link can lead to: the files the build would write and the `id`s in its HTML pages.

use std::collections::{HashMap, HashSet};

use crate::output::{Body, OutputFile};

/// The files of the rendered site, and the anchors of each HTML file.
#[derive(Debug, Default)]
pub struct Targets {
    /// Output paths (`stod/tips/index.html`).
    files: HashSet<String>,
    /// The `id`s of each HTML file, by output path.
    ids: HashMap<String, HashSet<String>>,
}

impl Targets {
    /// Indexes the output of [`crate::build::render`].
    pub fn new(files: &[OutputFile]) -> Self {
        let mut t = Targets::default();
        for f in files {
            if let (true, Body::Bytes(b)) = (f.path.ends_with(".html"), &f.body) {
                t.ids.insert(f.path.clone(), ids(&String::from_utf8_lossy(b)));
            }
            t.files.insert(f.path.clone());
        }
        t
    }

    /// The output file a site path (decoded, without `#` or `?`) is served from, if any:
    /// `/stod/` is `stod/index.html`; `/stod` also finds it, as web servers add the slash.
    pub fn resolve(&self, path: &str) -> Option<&str> {
        let rel = path.trim_start_matches('/');
        let candidates = if rel.is_empty() || rel.ends_with('/') {
            vec![format!("{rel}index.html")]
        } else {
            vec![rel.to_string(), format!("{rel}/index.html")]
        };
        candidates
            .into_iter()
            .find_map(|c| self.files.get(&c).map(String::as_str))
    }

    /// Whether `file` is an HTML file of the output (so it has anchors to check).
    pub fn is_html(&self, file: &str) -> bool {
        self.ids.contains_key(file)
    }

    /// The anchors (`id`s) of an HTML file of the output.
    pub fn anchors(&self, file: &str) -> impl Iterator<Item = &str> {
        self.ids.get(file).into_iter().flatten().map(String::as_str)
    }

    /// Whether an HTML file of the output has an element with this `id`.
    pub fn has_anchor(&self, file: &str, id: &str) -> bool {
        self.ids.get(file).is_some_and(|ids| ids.contains(id))
    }

    /// The site paths of all pages (`/stod/tips/` for `stod/tips/index.html`), for suggestions.
    pub fn page_paths(&self) -> impl Iterator<Item = String> + '_ {
        self.ids
            .keys()
            .filter_map(|f| f.strip_suffix("index.html"))
            .map(|dir| format!("/{dir}"))
    }

    /// The site paths of all files, for suggestions.
    pub fn file_paths(&self) -> impl Iterator<Item = String> + '_ {
        self.files.iter().map(|f| format!("/{f}"))
    }
}

/// The values of the `id` attributes in an HTML text. The templates and the Markdown renderer
/// always quote attributes with `"`, so a plain scan is enough.
fn ids(html: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut rest = html;
    while let Some(i) = rest.find("id=\"") {
        let attribute = rest[..i].ends_with(|c: char| c.is_ascii_whitespace());
        rest = &rest[i + 4..];
        if let (true, Some(end)) = (attribute, rest.find('"')) {
            out.insert(rest[..end].replace("&amp;", "&"));
            rest = &rest[end..];
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_pages_files_and_anchors() {
        let t = Targets::new(&[
            OutputFile::page("/stod/tips/", r#"<h2 id="rad">Råd</h2><p data-id="nej">"#.into()),
            OutputFile::bytes("bild.jpg", vec![]),
            OutputFile::page("/", String::new()),
        ]);
        assert_eq!(t.resolve("/stod/tips/"), Some("stod/tips/index.html"));
        assert_eq!(t.resolve("/stod/tips"), Some("stod/tips/index.html"));
        assert_eq!(t.resolve("/"), Some("index.html"));
        assert_eq!(t.resolve("/bild.jpg"), Some("bild.jpg"));
        assert_eq!(t.resolve("/stod/"), None);
        assert!(t.has_anchor("stod/tips/index.html", "rad"));
        assert!(!t.has_anchor("stod/tips/index.html", "nej"));
    }
}
