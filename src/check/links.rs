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
            (Dest::Empty, LinkKind::Link) => {
                diags.push(err(crate::msg!("check-link-no-address")).help(crate::msg!("check-link-no-address-help")))
            }
            (Dest::Empty, LinkKind::Image) => {
                diags.push(err(crate::msg!("check-image-no-file")).help(crate::msg!("check-image-no-file-help")))
            }
            (Dest::Internal { path, .. }, LinkKind::Image) => {
                if targets.resolve(&path).is_none_or(|f| targets.is_html(f)) {
                    diags.push(missing_image(
                        doc,
                        link,
                        &path,
                        targets,
                        root,
                        err(crate::msg!("check-image-missing", path = &path)),
                    ));
                }
            }
            (Dest::Internal { path, fragment }, LinkKind::Link) => match targets.resolve(&path) {
                None => diags.push(
                    err(crate::msg!("check-link-no-page", path = &path))
                        .help(missing_page_help(&link.dest, &path, targets)),
                ),
                Some(file) => {
                    if let Some(f) = fragment
                        && targets.is_html(file)
                        && !targets.has_anchor(file, &f)
                    {
                        let message = if path == doc.url {
                            crate::msg!("check-link-no-anchor-here", anchor = &f)
                        } else {
                            crate::msg!("check-link-no-anchor", page = &path, anchor = &f)
                        };
                        let help = match nearest(&f, targets.anchors(file)) {
                            Some(n) => crate::msg!("check-link-anchor-did-you-mean", anchor = n),
                            None => crate::msg!("check-link-no-anchor-help"),
                        };
                        diags.push(err(message).help(help));
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
            return crate::msg!("check-link-page-file-help", page = &page, written = written);
        }
    }
    let pages: Vec<String> = targets.page_paths().collect();
    match nearest(path, pages.iter().map(String::as_str)) {
        Some(n) => crate::msg!("check-link-page-did-you-mean", path = n),
        None => crate::msg!("check-link-page-help"),
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
        return d.help(crate::msg!(
            "check-image-beside-page-help",
            page = &doc.url,
            path = path,
            published = &published
        ));
    }
    let files: Vec<String> = targets.file_paths().collect();
    match nearest(path, files.iter().map(String::as_str)) {
        Some(n) => d.help(crate::msg!("check-image-did-you-mean", path = n)),
        None => d.help(crate::msg!("check-image-missing-help", folder = dir.display())),
    }
}
