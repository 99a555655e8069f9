//! `omtanke new activity|page|post NAME`: a new content file with every field written out and
//! explained in Swedish, so an editor starts from something that builds and only changes values.
//!
//! The texts are in `src/new/`; `{{…}}` in them is filled in here.

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::{Days, NaiveDate};

use crate::vocabulary::slugify;

/// What kind of file to create.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `content/aktiviteter/NAME.toml`.
    Activity,
    /// `content/NAME.md`; NAME may have folders (`stod/ny-sida`).
    Page,
    /// `content/anslagstavla/NAME.md`.
    Post,
}

/// Why no file was written.
#[derive(Debug)]
pub enum NewError {
    /// NAME cannot be used in a web address; `suggestion` can (a usage error).
    BadName {
        /// As given.
        name: String,
        /// The name made into a slug, when there is one.
        suggestion: Option<String>,
        /// Why it cannot be used.
        why: String,
    },
    /// The file, or another page with the same address, already exists.
    Exists(PathBuf),
    /// Writing failed.
    Io(PathBuf, std::io::Error),
}

impl fmt::Display for NewError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NewError::BadName { name, suggestion, why } => match suggestion {
                Some(s) => f.write_str(&crate::msg!("new-bad-name-try", name = name, why = why, suggestion = s)),
                None => f.write_str(&crate::msg!("new-bad-name", name = name, why = why)),
            },
            NewError::Exists(p) => f.write_str(&crate::msg!("new-exists", path = p.display())),
            NewError::Io(p, e) => f.write_str(&crate::msg!(
                "new-cannot-write",
                path = p.display(),
                error = e.to_string()
            )),
        }
    }
}

impl std::error::Error for NewError {}

/// The file written.
#[derive(Debug)]
pub struct Created {
    /// The new file, below the site folder (`content/aktiviteter/fika.toml`).
    pub path: PathBuf,
    /// The site path it will have (`/aktiviteter/fika/`).
    pub url: String,
    /// Something more the editor should know, in the language of the other messages.
    pub note: Option<String>,
}

/// Addresses the site builds itself besides the built-in sections
/// ([`crate::content::BUILT_IN_SECTIONS`]), which a page file cannot replace.
const BUILT_IN: &[&str] = &["sok", "program", "api", "en"];

/// Whether a page named `name` would take an address the site builds itself.
fn built_in(name: &str) -> bool {
    BUILT_IN.contains(&name) || crate::content::BUILT_IN_SECTIONS.contains(&format!("/{name}/").as_str())
}

/// Activity ids taken by the filter pages under `/aktiviteter/`.
const RESERVED_ACTIVITY_IDS: &[&str] = &["intresse", "omrade", "dag"];

/// Writes a new file of `kind` called `name` into the site at `root`. `today` dates it.
pub fn create(root: &Path, kind: Kind, name: &str, today: NaiveDate) -> Result<Created, NewError> {
    check_name(kind, name)?;
    let (rel, url, template) = match kind {
        Kind::Activity => (
            format!("content/aktiviteter/{name}.toml"),
            format!("/aktiviteter/{name}/"),
            include_str!("new/activity.toml"),
        ),
        Kind::Page => (
            format!("content/{name}.md"),
            format!("/{name}/"),
            include_str!("new/page.md"),
        ),
        Kind::Post => (
            format!("content/anslagstavla/{name}.md"),
            format!("/anslagstavla/{name}/"),
            include_str!("new/post.md"),
        ),
    };
    let path = PathBuf::from(&rel);
    let target = root.join(&path);
    // A page is also at this address when it is written as a folder with an index file.
    let same_address = match kind {
        Kind::Page => vec![
            target.clone(),
            root.join(format!("content/{name}/_index.md")),
            root.join(format!("content/{name}/index.md")),
        ],
        _ => vec![target.clone()],
    };
    if let Some(existing) = same_address.iter().find(|p| p.exists()) {
        return Err(NewError::Exists(
            existing.strip_prefix(root).unwrap_or(existing).to_path_buf(),
        ));
    }
    let until = today.checked_add_days(Days::new(365)).unwrap_or(today);
    let text = template
        .replace("{{URL}}", &url)
        .replace("{{NAME}}", name.rsplit('/').next().unwrap_or(name))
        .replace("{{TITLE}}", &title(name))
        .replace("{{TODAY}}", &today.to_string())
        .replace("{{FROM}}", &today.to_string())
        .replace("{{UNTIL}}", &until.to_string())
        .replace("{{PLACE}}", &place_line(root))
        .replace("{{SITE}}", &site_title(root));
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir).map_err(|e| NewError::Io(dir.to_path_buf(), e))?;
    }
    // `create_new` so that a file made between the check above and now is not overwritten.
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&target)
        .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()));
    // A page in a new folder works, but the folder's own address has no page until it gets an
    // `_index.md`.
    let note = match (kind, name.rsplit_once('/')) {
        (Kind::Page, Some((dir, _))) if !root.join(format!("content/{dir}/_index.md")).exists() => {
            Some(crate::msg!("new-section-no-index", dir = dir))
        }
        _ => None,
    };
    match written {
        Ok(()) => Ok(Created { path, url, note }),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(NewError::Exists(path)),
        Err(e) => Err(NewError::Io(path, e)),
    }
}

/// Checks that NAME is a slug (lowercase a–z, digits and `-`; folders for pages).
fn check_name(kind: Kind, name: &str) -> Result<(), NewError> {
    let bad = |why: String| NewError::BadName {
        name: name.to_string(),
        suggestion: suggest(kind, name),
        why,
    };
    let is_slug = |s: &str| {
        !s.is_empty()
            && !s.starts_with('-')
            && !s.ends_with('-')
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    let segments: Vec<&str> = name.split('/').collect();
    if kind != Kind::Page && segments.len() > 1 {
        return Err(bad(crate::msg!("new-name-has-folder")));
    }
    if !segments.iter().all(|s| is_slug(s)) {
        return Err(bad(crate::msg!("new-name-not-web-address")));
    }
    if kind == Kind::Activity && RESERVED_ACTIVITY_IDS.contains(&name) {
        return Err(NewError::BadName {
            name: name.to_string(),
            suggestion: Some(format!("{name}-traff")),
            why: crate::msg!("new-name-reserved", name = name),
        });
    }
    if kind == Kind::Page && (segments.last() == Some(&"index") || built_in(name)) {
        return Err(NewError::BadName {
            name: name.to_string(),
            suggestion: None,
            why: crate::msg!("new-name-built-in"),
        });
    }
    if kind == Kind::Page && ["aktiviteter", "platser", "anslagstavla"].contains(&segments[0]) && segments.len() > 1 {
        let why = match segments[0] {
            "aktiviteter" => crate::msg!("new-name-activities-folder"),
            "anslagstavla" => crate::msg!("new-name-posts-folder"),
            _ => crate::msg!("new-name-places-folder"),
        };
        return Err(NewError::BadName {
            name: name.to_string(),
            suggestion: None,
            why,
        });
    }
    Ok(())
}

/// NAME made into a slug, folder by folder, when that gives something.
fn suggest(kind: Kind, name: &str) -> Option<String> {
    let slug = if kind == Kind::Page {
        name.split('/')
            .map(slugify)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("/")
    } else {
        slugify(name)
    };
    (!slug.is_empty() && slug != name).then_some(slug)
}

/// A first title from NAME: `stod/ny-sida` → `Ny sida`.
fn title(name: &str) -> String {
    let last = name.rsplit('/').next().unwrap_or(name).replace('-', " ");
    let mut chars = last.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => last,
    }
}

/// The activity's `place`: the first place file of the site, so that the example builds as it
/// is, or an inline place when the site has none.
/// The site's name from its `site.toml`, for the comments and the example organizer; never a
/// real organisation's name written into the program.
fn site_title(root: &Path) -> String {
    std::fs::read_to_string(root.join("site.toml"))
        .ok()
        .and_then(|t| t.parse::<toml::Table>().ok())
        .and_then(|t| t.get("title").and_then(|v| v.as_str()).map(str::to_string))
        .unwrap_or_else(|| "webbplatsen".into())
}

fn place_line(root: &Path) -> String {
    let mut ids: Vec<String> = std::fs::read_dir(root.join("content/platser"))
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".toml")
                .filter(|stem| *stem == slugify(stem))
                .map(String::from)
        })
        .collect();
    ids.sort();
    match ids.first() {
        Some(id) => format!("place = \"{id}\""),
        None => "place = { name = \"Platsens namn\", address = \"Gatan 1\", area = \"Stadsdelen\" }".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(check_name(Kind::Page, "stod/ny-sida").is_ok());
        assert!(check_name(Kind::Activity, "fika-2").is_ok());
        let Err(NewError::BadName { suggestion, .. }) = check_name(Kind::Activity, "Fika på Söder") else {
            panic!()
        };
        assert_eq!(suggestion.as_deref(), Some("fika-pa-soder"));
        let Err(NewError::BadName { suggestion, .. }) = check_name(Kind::Page, "Stöd/Ny sida") else {
            panic!()
        };
        assert_eq!(suggestion.as_deref(), Some("stod/ny-sida"));
        assert!(check_name(Kind::Post, "a/b").is_err());
        assert!(check_name(Kind::Activity, "dag").is_err());
        assert!(check_name(Kind::Page, "").is_err());
        assert!(check_name(Kind::Page, "stod/index").is_err());
        assert!(check_name(Kind::Page, "kalender").is_err());
        // Every built-in section, the statistics and the pot too.
        for name in [
            "statistik",
            "utvardering",
            "anslagstavla/invanarpott",
            "sok",
            "aktiviteter",
        ] {
            assert!(check_name(Kind::Page, name).is_err(), "{name}");
        }
        assert_eq!(title("stod/ny-sida"), "Ny sida");
    }
}
