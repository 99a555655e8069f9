//! The site as the dev server holds it: every output file in memory, the last good version kept
//! while the content has errors, and quick updates when only one page's text changed.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::build::{self, BuildOptions};
use crate::content::{Page, Site, page};
use crate::diagnostics::{Diagnostic, Source};
use crate::error::Error;
use crate::output::{self, Body};
use crate::render::templates::Theme;
use crate::vocabulary::slugify;

/// One output file's bytes, shared with the requests that serve it.
pub type Bytes = Arc<[u8]>;

/// What an update did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Everything was loaded and rendered again.
    Full,
    /// Only these site paths were rendered again.
    Pages(Vec<String>),
    /// The content has errors; the last good version is still served.
    Failed,
}

/// The site in memory.
pub struct LiveSite {
    opts: BuildOptions,
    site: Option<Site>,
    theme: Option<Theme>,
    /// Output path (`stod/tips/index.html`) → bytes.
    pub files: HashMap<String, Bytes>,
    /// The problems of the last update, empty when it succeeded.
    pub errors: Vec<Diagnostic>,
    /// Every file below content/ at the last full build, to tell real changes from editors'
    /// temporary files that came and went within one save.
    known: HashSet<PathBuf>,
}

impl LiveSite {
    /// Loads and renders the whole site.
    pub fn new(opts: BuildOptions) -> LiveSite {
        let mut live = LiveSite {
            opts,
            site: None,
            theme: None,
            files: HashMap::new(),
            errors: vec![],
            known: HashSet::new(),
        };
        live.full();
        live
    }

    /// Loads and renders everything again.
    pub fn full(&mut self) -> Outcome {
        self.known = walkdir::WalkDir::new(self.opts.root.join("content"))
            .into_iter()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_file())
            .map(|e| e.into_path())
            .collect();
        match build::render(&self.opts) {
            Ok((site, files)) => {
                let mut map = HashMap::with_capacity(files.len());
                for f in files {
                    let bytes: Bytes = match f.body {
                        Body::Bytes(b) => b.into(),
                        Body::Embedded(b) => b.into(),
                        Body::Copy(p) => match std::fs::read(&p) {
                            Ok(b) => b.into(),
                            Err(e) => {
                                self.errors = vec![Diagnostic::file_error(&p, format!("cannot be read: {e}"))];
                                return Outcome::Failed;
                            }
                        },
                    };
                    map.insert(f.path, bytes);
                }
                self.files = map;
                self.theme = Theme::load(&self.opts.root).ok();
                self.site = Some(site);
                self.errors.clear();
                Outcome::Full
            }
            Err(e) => {
                self.errors = match e {
                    Error::Content(d) => d,
                    other => vec![Diagnostic::file_error(Path::new("site"), other.to_string())],
                };
                Outcome::Failed
            }
        }
    }

    /// Brings the site up to date after these files changed (added, edited, removed or renamed).
    pub fn update(&mut self, changed: &[PathBuf]) -> Outcome {
        let changed: Vec<PathBuf> = changed
            .iter()
            .filter(|p| p.exists() || self.known.contains(*p) || !p.starts_with(self.opts.root.join("content")))
            .cloned()
            .collect();
        if changed.is_empty() {
            return Outcome::Pages(vec![]);
        }
        if let [one] = changed.as_slice()
            && let Some(outcome) = self.try_one_page(one)
        {
            return outcome;
        }
        self.full()
    }

    /// The quick path: an existing ordinary page's text changed. `None` when the change needs a
    /// full rebuild (anything else: a new or removed file, a section, an activity, the theme…).
    fn try_one_page(&mut self, path: &Path) -> Option<Outcome> {
        let (site, theme) = (self.site.as_mut()?, self.theme.as_ref()?);
        if !self.errors.is_empty() {
            return None;
        }
        let content = self.opts.root.join("content");
        let rel = path.strip_prefix(&content).ok()?;
        if rel.extension()? != "md" || rel.starts_with("anslagstavla") {
            return None;
        }
        let placement = page::place_of(rel, &site.config.language);
        let list = if placement.lang == site.config.language {
            &mut site.pages
        } else {
            &mut site.translations
        };
        // Found by its file, since `slug = "…"` may have given it another address.
        let display = Path::new("content").join(rel);
        let index = list.iter().position(|p| p.source.path == display)?;
        let old = &list[index];
        if old.is_section || placement.easy_read_of.is_some() {
            return None;
        }
        let text = std::fs::read_to_string(path).ok()?;
        let mut diags = vec![];
        let Some(mut new) = page::parse(Source::new(display, text), placement, &mut diags) else {
            self.errors = diags;
            return Some(Outcome::Failed);
        };
        if !diags.is_empty() {
            self.errors = diags;
            return Some(Outcome::Failed);
        }
        // The link to its easy-to-read version is made across files; it stays as it was.
        new.easy_read = old.easy_read.clone();
        // What other pages show of this one must not change, or they would need rendering too.
        let same_shape = |a: &Page, b: &Page| {
            a.url == b.url
                && a.aliases == b.aliases
                && a.draft == b.draft
                && a.weight == b.weight
                && a.template == b.template
        };
        if !same_shape(old, &new) || (new.draft && !self.opts.drafts) {
            return None;
        }
        let default_url = if new.lang == site.config.language {
            new.url.clone()
        } else {
            new.url[new.lang.len() + 1..].to_string()
        };
        list[index] = new;
        // The page, the section that lists it, and the home page (latest news).
        let mut urls = vec![default_url.clone()];
        if let Some(parent) = site.page(&default_url).and_then(|p| p.parent.clone()) {
            urls.push(parent);
        }
        urls.push("/".into());
        urls.sort();
        urls.dedup();
        let rendered = output::render_pages(site, theme, &urls, self.files.keys().map(String::as_str));
        match rendered {
            Ok(files) => {
                for f in files {
                    if let Body::Bytes(b) = f.body {
                        self.files.insert(f.path, b.into());
                    }
                }
                Some(Outcome::Pages(urls))
            }
            Err(_) => None,
        }
    }

    /// Renders the feeds and the search index again after a quick update.
    pub fn refresh_summaries(&mut self) {
        if let (Some(site), Some(theme)) = (&self.site, &self.theme)
            && let Ok(files) = output::render_summaries(site, theme)
        {
            for f in files {
                if let Body::Bytes(b) = f.body {
                    self.files.insert(f.path, b.into());
                }
            }
        }
    }

    /// The path of the site's `base_url` (`/undermapp`), once it has been read.
    pub fn base_path(&self) -> String {
        self.site
            .as_ref()
            .map(|s| crate::render::links::base_path(&s.config.base_url))
            .unwrap_or_default()
    }

    /// The site path a content file is shown at, to show its errors there.
    pub fn url_of(&self, path: &Path) -> Option<String> {
        let rel = path.strip_prefix("content").ok()?;
        let stem = rel.file_stem()?.to_str()?;
        let top = rel.iter().next()?.to_str()?;
        let direct = rel.components().count() == 2;
        match (top, direct, rel.extension()?.to_str()?) {
            // By the file name's slug: a file with errors may not say its `slug` clearly.
            ("aktiviteter", true, "toml") => Some(format!("/aktiviteter/{}/", slugify(stem))),
            ("platser", true, "toml") => Some(format!("/platser/{}/", slugify(stem))),
            ("anslagstavla", true, "md") if stem != "_index" => Some(format!("/anslagstavla/{}/", slugify(stem))),
            (_, _, "md") => {
                let lang = self.site.as_ref().map_or("sv", |s| s.config.language.as_str());
                Some(page::place_of(rel, lang).url)
            }
            _ => None,
        }
    }
}
