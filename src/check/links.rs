//! Links and images that lead nowhere: site paths without a page, `#anchors` without an element,
//! pictures without a file. External addresses are collected for `--external`.

use std::path::Path;

use super::dest::{self, Dest};
use super::docs::Doc;
use super::external::ExternalLink;
use super::scan::{Link, LinkKind};
use super::targets::Targets;
use crate::diagnostics::{Diagnostic, nearest};

/// Checks where the links and images of one piece of Markdown lead.
pub fn check(
    doc: &Doc<'_>,
    links: &[Link],
    targets: &Targets,
    base_url: &str,
    root: &Path,
    diags: &mut Vec<Diagnostic>,
    external: &mut Vec<ExternalLink>,
) {
    for link in links {
        let span = Some(doc.span(link.span.clone()));
        let err = |message: String| Diagnostic::error(doc.source, span.clone(), message);
        match (dest::classify(&link.dest, &doc.url, base_url), link.kind) {
            (Dest::Other, _) => {}
            (Dest::External(url), _) => external.push(ExternalLink {
                url,
                source: doc.source.clone(),
                span: doc.span(link.span.clone()),
            }),
            (Dest::Empty, LinkKind::Link) => diags.push(
                err("the link has no address".into())
                    .help("write where it leads between the parentheses: [Tips](/stod/tips/)"),
            ),
            (Dest::Empty, LinkKind::Image) => diags.push(
                err("the picture has no file name".into())
                    .help("write the picture's file between the parentheses: ![Två personer fikar](fika.jpg)"),
            ),
            (Dest::Internal { path, .. }, LinkKind::Image) => {
                if targets.resolve(&path).is_none_or(|f| targets.is_html(f)) {
                    diags.push(missing_image(
                        doc,
                        link,
                        &path,
                        targets,
                        root,
                        err(format!("there is no picture {path}")),
                    ));
                }
            }
            (Dest::Internal { path, fragment }, LinkKind::Link) => match targets.resolve(&path) {
                None => diags.push(
                    err(format!("the link leads nowhere: this site has no page {path}"))
                        .help(missing_page_help(&link.dest, &path, targets)),
                ),
                Some(file) => {
                    if let Some(f) = fragment
                        && targets.is_html(file)
                        && !targets.has_anchor(file, &f)
                    {
                        let on = if path == doc.url {
                            "this page".to_string()
                        } else {
                            path.clone()
                        };
                        let help = match nearest(&f, targets.anchors(file)) {
                            Some(n) => format!("did you mean #{n}?"),
                            None => "link to one of its headings: a heading's anchor is its text in lowercase, with - between the words (## Bra råd → #bra-rad)".into(),
                        };
                        diags.push(err(format!("the link leads nowhere: {on} has no anchor #{f}")).help(help));
                    }
                }
            },
        }
    }
}

/// Explains a link to a page that does not exist, with the likeliest address meant.
fn missing_page_help(written: &str, path: &str, targets: &Targets) -> String {
    // Editors often link to the Markdown file rather than the page it becomes.
    if let Some(stem) = path.strip_suffix(".md") {
        let stem = stem.trim_end_matches("/_index").trim_end_matches("/index");
        let page = format!("{}/", stem.trim_end_matches('/'));
        if targets.resolve(&page).is_some() {
            return format!("link to the page's address, not its file: write \"{page}\" instead of \"{written}\"");
        }
    }
    let pages: Vec<String> = targets.page_paths().collect();
    match nearest(path, pages.iter().map(String::as_str)) {
        Some(n) => format!("did you mean \"{n}\"?"),
        None => "check the address: content/stod/tips.md is the page /stod/tips/".into(),
    }
}

/// Explains a picture that is not in the site, and where it would have to be.
fn missing_image(doc: &Doc<'_>, link: &Link, path: &str, targets: &Targets, root: &Path, d: Diagnostic) -> Diagnostic {
    // A picture beside `content/stod/tips.md` is published at /stod/bild.jpg, but the page is at
    // /stod/tips/, where a relative `bild.jpg` means /stod/tips/bild.jpg.
    let dir = doc.source.path.parent().unwrap_or(Path::new(""));
    let beside = dir.join(link.dest.trim());
    if !link.dest.starts_with('/') && root.join(&beside).is_file() {
        let rel = dir.strip_prefix("content").unwrap_or(dir);
        let mut published = String::from("/");
        for c in rel.iter() {
            published.push_str(&c.to_string_lossy());
            published.push('/');
        }
        published.push_str(link.dest.trim());
        return d.help(format!(
            "the file is beside the page's file, but on the page {} a browser looks for it at {path}; write \"{published}\"",
            doc.url
        ));
    }
    let files: Vec<String> = targets.file_paths().collect();
    match nearest(path, files.iter().map(String::as_str)) {
        Some(n) => d.help(format!("did you mean \"{n}\"?")),
        None => d.help(format!(
            "put the picture beside the page's file in {} and link to its address on the site",
            dir.display()
        )),
    }
}
