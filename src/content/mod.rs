//! The content model and its loading: every file under `content/`, `site.toml` and `static/`,
//! parsed in parallel into one immutable [`Site`], with every problem collected.

pub mod accessibility;
pub mod activity;
pub mod changes;
pub mod confirmation;
mod csv_lines;
pub mod dates;
pub mod evaluation;
pub mod frontmatter;
pub mod organizer;
pub mod page;
pub mod place;
pub mod post;
pub mod slug;
pub mod snackebord;
pub mod visits;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

pub use activity::Activity;
pub use page::Page;
pub use place::Place;
pub use post::Post;

use crate::config::Config;
use crate::diagnostics::{self, Diagnostic, Severity, Source};
use crate::error::{Error, Result};
use crate::vocabulary::slugify;

/// A coded value with the words shown for it (an interest and its slug, a language code and
/// its Swedish name, an accessibility key and its description).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Term {
    /// The key or slug.
    pub key: String,
    /// The words shown.
    pub label: String,
}

impl Term {
    /// A key with its label.
    pub fn new(key: &str, label: &str) -> Self {
        Term {
            key: key.to_string(),
            label: label.to_string(),
        }
    }
}

/// A file copied to the output as it is.
#[derive(Debug, Clone)]
pub struct Asset {
    /// Where it is on disk.
    pub file: PathBuf,
    /// Its path in the output, using `/`, without a leading slash.
    pub output: String,
}

/// How to load a site.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Include drafts.
    pub drafts: bool,
    /// The date "today" is, which decides what is coming and what has ended; the current date in
    /// the site's time zone when not given.
    pub today: Option<NaiveDate>,
}

/// Everything a site consists of, validated.
#[derive(Debug, Clone)]
pub struct Site {
    /// The site folder.
    pub root: PathBuf,
    /// `site.toml`.
    pub config: Config,
    /// "Today" for this build.
    pub today: NaiveDate,
    /// Pages and section pages in the default language, sorted by URL.
    pub pages: Vec<Page>,
    /// Pages in further languages (loaded and checked; not rendered yet).
    pub translations: Vec<Page>,
    /// Activities, sorted by title.
    pub activities: Vec<Activity>,
    /// Places with their own file, sorted by name.
    pub places: Vec<Place>,
    /// Organizers with a file (`content/arrangorer/`), by name.
    pub organizers: Vec<organizer::Organizer>,
    /// Bulletin-board posts, newest first.
    pub posts: Vec<Post>,
    /// Files under `content/` that are not content, copied beside their pages.
    pub assets: Vec<Asset>,
    /// Files under `static/`, copied as they are.
    pub static_files: Vec<Asset>,
    /// Visit counts per meeting place (`content/data/besok/*.csv`), sorted by id.
    pub visits: Vec<visits::Visits>,
    /// Loneliness-scale results per month and meeting place (`content/data/utvardering/*.csv`),
    /// sorted by id; months with too few responses are already left out.
    pub evaluation: Vec<(String, Vec<evaluation::Month>)>,
    /// The facts of the accessibility statement (`content/data/tillganglighet.toml`).
    pub accessibility: Option<accessibility::Assessment>,
    /// The snackebord's conversation starters (`content/snackebord.toml`), when the site has them.
    pub snackebord: Option<snackebord::Snackebord>,
    /// Problems that do not stop the build.
    pub warnings: Vec<Diagnostic>,
}

/// Sections whose listing pages are built in; an `_index.md` in them only adds title and intro.
pub const BUILT_IN_SECTIONS: &[&str] = &[
    "/aktiviteter/",
    "/platser/",
    "/anslagstavla/",
    "/anslagstavla/invanarpott/",
    "/kalender/",
    "/statistik/",
    "/utvardering/",
    "/for-dig-som-moter/hanvisa/",
    "/arrangorer/",
    "/inbadda/",
    "/snackebord/",
];

/// Activity ids that would collide with the filter pages under `/aktiviteter/`.
pub(crate) const RESERVED_ACTIVITY_IDS: &[&str] = &["intresse", "omrade", "dag"];

enum Loaded {
    Page(Box<Page>),
    Activity(Box<Activity>),
    Place(Box<Place>),
    Organizer(Box<organizer::Organizer>),
    Post(Box<Post>),
    Visits(visits::Visits),
    Evaluation(String, Vec<evaluation::Month>),
    Snackebord(snackebord::Snackebord),
    Accessibility(Box<accessibility::Assessment>),
    Asset(Asset),
    Nothing,
}

enum Kind {
    Page,
    Activity,
    Place,
    Organizer,
    Post,
    Visits,
    Evaluation,
    Snackebord,
    Accessibility,
    Asset,
}

impl Site {
    /// Loads and validates the site in `root`. Content problems come back as
    /// [`Error::Content`] listing every problem found.
    pub fn load(root: &Path, opts: &LoadOptions) -> Result<Site> {
        let config_path = root.join("site.toml");
        let config_text = std::fs::read_to_string(&config_path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                Error::Content(vec![
                    Diagnostic::file_error(
                        Path::new("site.toml"),
                        crate::msg!("content-no-site-toml", root = root.display()),
                    )
                    .help(crate::msg!("content-no-site-toml-help")),
                ])
            } else {
                Error::io(&config_path, e)
            }
        })?;
        let mut diags = vec![];
        let config = Config::parse(&Source::new("site.toml", config_text), &mut diags);
        let Some(config) = config else {
            return Err(Error::Content(diags));
        };

        let content_dir = root.join("content");
        if !content_dir.is_dir() {
            return Err(Error::Content(vec![
                Diagnostic::file_error(Path::new("content"), crate::msg!("content-no-content-folder"))
                    .help(crate::msg!("content-no-content-folder-help")),
            ]));
        }
        let files = list_files(&content_dir)?;
        let results: Vec<(Loaded, Vec<Diagnostic>)> = files
            .par_iter()
            .map(|rel| {
                let mut d = vec![];
                let loaded = load_file(&content_dir, rel, &config, &mut d);
                (loaded, d)
            })
            .collect();

        let mut pages = vec![];
        let mut translations = vec![];
        let mut activities = vec![];
        let mut places = vec![];
        let mut organizers = vec![];
        let mut posts = vec![];
        let mut assets = vec![];
        let mut visit_files = vec![];
        let mut evaluation_files = vec![];
        let mut snackebord = None;
        let mut accessibility = None;
        for (loaded, d) in results {
            diags.extend(d);
            match loaded {
                Loaded::Page(p) if p.lang == config.language => pages.push(*p),
                Loaded::Page(p) => translations.push(*p),
                Loaded::Activity(a) => activities.push(*a),
                Loaded::Place(p) => places.push(*p),
                Loaded::Organizer(o) => organizers.push(*o),
                Loaded::Post(p) => posts.push(*p),
                Loaded::Asset(a) => assets.push(a),
                Loaded::Visits(v) => visit_files.push(v),
                Loaded::Evaluation(id, months) => evaluation_files.push((id, months)),
                Loaded::Snackebord(s) => snackebord = Some(s),
                Loaded::Accessibility(a) => accessibility = Some(*a),
                Loaded::Nothing => {}
            }
        }
        resolve_places(&mut activities, &places, &mut diags);
        resolve_organizers(&mut activities, &organizers);
        link_easy_read(&mut pages, &mut diags);
        check_claims(&pages, &activities, &places, &organizers, &posts, &mut diags);

        let warnings: Vec<Diagnostic> = diags
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .cloned()
            .collect();
        diags.retain(|d| d.severity == Severity::Error);
        if !diags.is_empty() {
            diagnostics::sort(&mut diags);
            return Err(Error::Content(diags));
        }
        if !opts.drafts {
            pages.retain(|p| !p.draft);
            posts.retain(|p| !p.draft);
        }
        pages.sort_by(|a, b| a.url.cmp(&b.url));
        translations.sort_by(|a, b| a.url.cmp(&b.url));
        activities.sort_by(|a, b| {
            a.title
                .to_lowercase()
                .cmp(&b.title.to_lowercase())
                .then(a.id.cmp(&b.id))
        });
        places.sort_by_key(|p| p.name.to_lowercase());
        organizers.sort_by_key(|o| o.name.to_lowercase());
        posts.sort_by(|a, b| b.date.cmp(&a.date).then(a.slug.cmp(&b.slug)));
        assets.sort_by(|a, b| a.output.cmp(&b.output));
        let static_dir = root.join("static");
        let static_files = if static_dir.is_dir() {
            list_files(&static_dir)?
                .into_iter()
                .map(|rel| Asset {
                    file: static_dir.join(&rel),
                    output: rel_to_url(&rel),
                })
                .collect()
        } else {
            vec![]
        };
        visit_files.sort_by(|a: &visits::Visits, b| a.id.cmp(&b.id));
        evaluation_files.sort_by(|a: &(String, Vec<evaluation::Month>), b| a.0.cmp(&b.0));
        let today = opts
            .today
            .unwrap_or_else(|| chrono::Utc::now().with_timezone(&config.timezone).date_naive());
        Ok(Site {
            root: root.to_path_buf(),
            config,
            today,
            pages,
            translations,
            activities,
            places,
            organizers,
            posts,
            assets,
            static_files,
            visits: visit_files,
            evaluation: evaluation_files,
            snackebord,
            accessibility,
            warnings,
        })
    }

    /// The interests of the site's activities and posts, once each (the first way of writing
    /// each), in the order of their slugs, the order of the interest filters. The bulletin
    /// board's suggestion form offers these, and the kiosk's inbox accepts only these.
    pub fn interest_words(&self) -> Vec<&Term> {
        let mut by_slug: std::collections::BTreeMap<&str, &Term> = std::collections::BTreeMap::new();
        let terms = self.activities.iter().flat_map(|a| &a.interests);
        for t in terms.chain(self.posts.iter().flat_map(|p| &p.interests)) {
            by_slug.entry(&t.key).or_insert(t);
        }
        by_slug.into_values().collect()
    }

    /// The page at a site path (default language) in language `lang`: its translation when there
    /// is one, otherwise the page itself, with whether it is in that language.
    pub fn localized(&self, url: &str, lang: &str) -> Option<(&Page, bool)> {
        let page = self.page(url)?;
        if lang == self.config.language {
            return Some((page, true));
        }
        let own = format!("/{lang}{url}");
        Some(
            self.translations
                .iter()
                .find(|t| t.url == own)
                .map_or((page, false), |t| (t, true)),
        )
    }

    /// The name of the place with this id (the file stem under `content/platser/`), or the id
    /// itself when there is no such place, as for data files named after a place.
    pub fn place_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.places.iter().find(|p| p.id == id).map_or(id, |p| p.name.as_str())
    }

    /// The page at a site path.
    pub fn page(&self, url: &str) -> Option<&Page> {
        self.pages
            .binary_search_by(|p| p.url.as_str().cmp(url))
            .ok()
            .map(|i| &self.pages[i])
    }
}

/// Every file below `dir`, relative to it, skipping hidden files and editors' temporary files.
fn list_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = vec![];
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter();
    for entry in walker.filter_entry(|e| e.depth() == 0 || !is_ignored(e.file_name().to_str().unwrap_or(""))) {
        let entry = entry.map_err(|e| {
            let path = e.path().map(Path::to_path_buf).unwrap_or_else(|| dir.to_path_buf());
            Error::io(
                path,
                e.into_io_error()
                    .unwrap_or_else(|| std::io::Error::other(crate::msg!("content-cannot-walk-folder"))),
            )
        })?;
        if entry.file_type().is_file() {
            out.push(entry.path().strip_prefix(dir).expect("walked below dir").to_path_buf());
        }
    }
    Ok(out)
}

fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".tmp")
        || name.starts_with('#')
}

fn rel_to_url(rel: &Path) -> String {
    rel.iter().map(|c| c.to_string_lossy()).collect::<Vec<_>>().join("/")
}

fn classify(rel: &Path) -> Kind {
    let top = rel.iter().next().and_then(|c| c.to_str()).unwrap_or("");
    let direct = rel.components().count() == 2;
    let ext = rel.extension().and_then(|e| e.to_str()).unwrap_or("");
    let stem = rel.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    match (top, direct, ext) {
        ("aktiviteter", true, "toml") => Kind::Activity,
        ("platser", true, "toml") => Kind::Place,
        (organizer::FOLDER, true, "toml") => Kind::Organizer,
        ("anslagstavla", true, "md") if stem != "_index" => Kind::Post,
        ("data", _, "csv") if rel.parent() == Some(Path::new(visits::FOLDER)) => Kind::Visits,
        ("data", _, "csv") if rel.parent() == Some(Path::new(evaluation::FOLDER)) => Kind::Evaluation,
        _ if rel == Path::new(snackebord::FILE) => Kind::Snackebord,
        _ if rel == Path::new(accessibility::FILE) => Kind::Accessibility,
        (_, _, "md") => Kind::Page,
        _ => Kind::Asset,
    }
}

fn load_file(content_dir: &Path, rel: &Path, config: &Config, diags: &mut Vec<Diagnostic>) -> Loaded {
    let display = Path::new("content").join(rel);
    let kind = classify(rel);
    // Every folder and the file itself must leave something for its address (a page's file
    // name; a picture keeps its name as written, only its folders become slugs).
    let names: Vec<String> = rel.iter().map(|c| c.to_string_lossy().into_owned()).collect();
    let (file_name, folders) = names.split_last().expect("a file has a name");
    let stem = rel
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let addressed = folders.iter().chain(matches!(kind, Kind::Page).then_some(&stem));
    if let Some(bad) = addressed.into_iter().find(|n| slug::of_name(n).is_none()) {
        diags.push(
            Diagnostic::file_error(&display, crate::msg!("slug-name-no-letters", name = bad))
                .help(crate::msg!("content-name-no-letters-help")),
        );
        return Loaded::Nothing;
    }
    if let Kind::Asset = kind {
        let mut output: String = folders.iter().map(|f| format!("{}/", slugify(f))).collect();
        output.push_str(file_name);
        return Loaded::Asset(Asset {
            file: content_dir.join(rel),
            output,
        });
    }
    let text = match std::fs::read_to_string(content_dir.join(rel)) {
        Ok(t) => t,
        Err(e) => {
            let message = if e.kind() == std::io::ErrorKind::InvalidData {
                crate::msg!("content-file-not-utf8")
            } else {
                crate::msg!("content-file-unreadable", error = e.to_string())
            };
            diags.push(Diagnostic::file_error(&display, message).help(crate::msg!("content-file-utf8-help")));
            return Loaded::Nothing;
        }
    };
    let src = Source::new(display, text);
    match kind {
        Kind::Page => page::parse(src.clone(), page::place_of(rel, &config.language), diags)
            .map_or(Loaded::Nothing, |p| Loaded::Page(Box::new(p))),
        Kind::Activity => {
            let dir = content_dir.join(rel.parent().unwrap_or(Path::new("")));
            activity::parse(src.clone(), &stem, &config.language, &dir, diags)
                .map_or(Loaded::Nothing, |a| Loaded::Activity(Box::new(a)))
        }
        Kind::Place => place::parse(&src, &stem, diags).map_or(Loaded::Nothing, |p| Loaded::Place(Box::new(p))),
        Kind::Organizer => {
            let dir = content_dir.join(rel.parent().unwrap_or(Path::new("")));
            organizer::parse(&src, &stem, &config.language, &dir, diags)
                .map_or(Loaded::Nothing, |o| Loaded::Organizer(Box::new(o)))
        }
        Kind::Post => post::parse(src.clone(), &stem, &config.language, diags)
            .map_or(Loaded::Nothing, |p| Loaded::Post(Box::new(p))),
        Kind::Visits => visits::parse(&src, &stem, diags).map_or(Loaded::Nothing, Loaded::Visits),
        Kind::Evaluation => Loaded::Evaluation(stem.clone(), evaluation::parse(&src, diags)),
        Kind::Snackebord => snackebord::parse(&src, diags).map_or(Loaded::Nothing, Loaded::Snackebord),
        Kind::Accessibility => {
            accessibility::parse(&src, diags).map_or(Loaded::Nothing, |a| Loaded::Accessibility(Box::new(a)))
        }
        Kind::Asset => unreachable!("assets return early"),
    }
}

/// `organizer = "…"` that names an organizer's file (its id, its file name or their slug) links
/// the activity to it; any other text stays the organizer's name as written.
fn resolve_organizers(activities: &mut [Activity], organizers: &[organizer::Organizer]) {
    for a in activities {
        let Some(text) = a.organizer.as_deref() else { continue };
        let found = organizers
            .iter()
            .find(|o| o.id == text || o.file_stem == text || o.id == slugify(text));
        if let Some(o) = found {
            a.organizer_id = Some(o.id.clone());
            a.organizer = Some(o.name.clone());
        }
    }
}

fn resolve_places(activities: &mut [Activity], places: &[Place], diags: &mut Vec<Diagnostic>) {
    let by_id: HashMap<&str, &Place> = places.iter().map(|p| (p.id.as_str(), p)).collect();
    // `place = "…"` may name the file as the editor wrote it (`Hjärtats hus`) or its slug.
    let by_stem: HashMap<&str, &Place> = places
        .iter()
        .filter_map(|p| Some((p.file_stem.as_deref()?, p)))
        .collect();
    for a in activities {
        let Some(r) = &a.place_ref else { continue };
        let name = r.get_ref().as_str();
        let found = by_id
            .get(name)
            .or_else(|| by_stem.get(name))
            .or_else(|| by_id.get(slugify(name).as_str()));
        match found {
            Some(p) => a.place = Some((*p).clone()),
            None => {
                let help = match diagnostics::nearest(r.get_ref(), by_id.keys().copied()) {
                    Some(n) => crate::msg!("content-no-place-did-you-mean", near = n),
                    None => {
                        let mut ids: Vec<_> = by_id.keys().copied().collect();
                        ids.sort();
                        if ids.is_empty() {
                            crate::msg!("content-no-place-create", place = r.get_ref())
                        } else {
                            crate::msg!(
                                "content-no-place-create-or-use",
                                place = r.get_ref(),
                                places = ids.join(", ")
                            )
                        }
                    }
                };
                diags.push(
                    Diagnostic::error(
                        &a.source,
                        Some(r.span()),
                        crate::msg!("content-no-place", place = r.get_ref()),
                    )
                    .help(help),
                );
            }
        }
    }
}

/// Links each page to its easy-to-read version, and reports versions without an original.
fn link_easy_read(pages: &mut [Page], diags: &mut Vec<Diagnostic>) {
    let versions: Vec<(String, String, Source)> = pages
        .iter()
        .filter_map(|p| p.easy_read_of.clone().map(|of| (of, p.url.clone(), p.source.clone())))
        .collect();
    for (of, url, src) in versions {
        match pages.iter_mut().find(|p| p.url == of) {
            Some(original) => original.easy_read = Some(url),
            None => diags.push(
                Diagnostic::error(&src, None, crate::msg!("content-easy-read-orphan", page = &of))
                    .help(crate::msg!("content-easy-read-orphan-help")),
            ),
        }
    }
}

/// Reports two files that would be written to the same address.
fn check_claims(
    pages: &[Page],
    activities: &[Activity],
    places: &[Place],
    organizers: &[organizer::Organizer],
    posts: &[Post],
    diags: &mut Vec<Diagnostic>,
) {
    // Two place files whose names make the same slug (`Huset.toml`, `huset.toml`).
    let mut place_files: HashMap<&str, &str> = HashMap::new();
    for p in places {
        let (Some(stem), Some(file)) = (p.file_stem.as_deref(), p.file()) else {
            continue;
        };
        match place_files.get(p.id.as_str()) {
            Some(first) => diags.push(
                Diagnostic::file_error(
                    &file,
                    crate::msg!("content-place-address-taken", id = &p.id, first = *first),
                )
                .help(crate::msg!("content-place-address-taken-help")),
            ),
            None => {
                place_files.insert(&p.id, stem);
            }
        }
    }
    let mut claims: Vec<(String, &Source, &str)> = vec![];
    for p in pages {
        if !(p.is_section && BUILT_IN_SECTIONS.contains(&p.url.as_str())) {
            claims.push((p.url.clone(), &p.source, "page"));
        }
        for a in &p.aliases {
            claims.push((a.clone(), &p.source, "alias"));
        }
    }
    for a in activities {
        claims.push((a.url.clone(), &a.source, "activity"));
    }
    for p in posts {
        claims.push((p.url.clone(), &p.source, "post"));
    }
    for o in organizers {
        claims.push((o.url.clone(), &o.source, "organizer"));
    }
    let mut seen: HashMap<String, &Source> = HashMap::new();
    for (url, src, what) in claims {
        if BUILT_IN_SECTIONS.contains(&url.as_str()) {
            diags.push(
                Diagnostic::error(
                    src,
                    None,
                    crate::msg!("content-built-in-address", what = what, url = &url),
                )
                .help(crate::msg!(
                    "content-built-in-address-help",
                    url = &url,
                    index = url.trim_start_matches('/')
                )),
            );
            continue;
        }
        if let Some(place) = places.iter().find(|p| p.url.as_deref() == Some(url.as_str())) {
            diags.push(
                Diagnostic::error(
                    src,
                    None,
                    crate::msg!(
                        "content-address-of-place",
                        what = what,
                        url = &url,
                        place = place.file_stem.as_deref().unwrap_or(&place.id)
                    ),
                )
                .help(crate::msg!("content-address-of-place-help")),
            );
            continue;
        }
        if let Some(first) = seen.get(&url) {
            diags.push(
                Diagnostic::error(
                    src,
                    None,
                    crate::msg!(
                        "content-address-taken",
                        what = what,
                        url = &url,
                        file = first.path.display()
                    ),
                )
                .help(crate::msg!("content-address-taken-help")),
            );
        } else {
            seen.insert(url, src);
        }
    }
}
