//! The theme: Tera templates and static files compiled into the binary from `themes/omtanke/`,
//! each of which a site may override with a file of the same name under its own `themes/omtanke/`.

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use include_dir::{Dir, include_dir};
use tera::{Context, Tera};

use crate::error::{Error, Result};
use crate::render::links::Links;

static THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/omtanke");

/// A theme file to copy to the output.
#[derive(Debug, Clone)]
pub enum StaticFile {
    /// Compiled into the binary.
    Embedded(&'static [u8]),
    /// A site's override on disk.
    Override(PathBuf),
}

/// The loaded templates and static files of the theme.
pub struct Theme {
    tera: Tera,
    /// What the `url` and `links` filters resolve site paths with (`set_links`).
    links: Arc<RwLock<Links>>,
    /// Interface text by language code (`i18n/<code>.toml`).
    strings: std::collections::BTreeMap<String, toml::Table>,
    /// Static files by output path (`assets/omtanke.css`).
    pub static_files: Vec<(String, StaticFile)>,
}

impl std::fmt::Debug for Theme {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Theme")
            .field("static_files", &self.static_files.len())
            .finish()
    }
}

fn embedded_files(dir: &'static Dir<'static>, out: &mut Vec<(&'static Path, &'static [u8])>) {
    for f in dir.files() {
        out.push((f.path(), f.contents()));
    }
    for d in dir.dirs() {
        embedded_files(d, out);
    }
}

/// The theme's shared components (`templates/components/*.html`, by their template names), for
/// programs that render their own pages with the theme's form fields, such as the kiosk.
pub fn components() -> Vec<(String, String)> {
    THEME
        .get_dir("templates/components")
        .into_iter()
        .flat_map(|dir| dir.files())
        .map(|f| {
            let name = f.path().to_string_lossy().replace('\\', "/");
            let name = name.strip_prefix("templates/").unwrap_or(&name).to_string();
            (name, String::from_utf8_lossy(f.contents()).into_owned())
        })
        .collect()
}

/// The theme's interface text alone (`i18n/<code>.toml`, with a site's overrides), without
/// compiling the templates: for programs that only need the words, such as the kiosk.
pub struct Words(std::collections::BTreeMap<String, toml::Table>);

impl Words {
    /// Reads the built-in interface text with the overrides under `site_root/themes/omtanke/i18n/`.
    pub fn load(site_root: &Path) -> Result<Words> {
        let override_dir = site_root.join("themes").join("omtanke");
        let mut files = vec![];
        embedded_files(&THEME, &mut files);
        let mut strings = std::collections::BTreeMap::new();
        for (path, bytes) in files {
            let rel = path.to_string_lossy().replace('\\', "/");
            let Some(file) = rel.strip_prefix("i18n/") else {
                continue;
            };
            let on_disk = override_dir.join(path);
            let text = if on_disk.is_file() {
                std::fs::read_to_string(&on_disk).map_err(|e| Error::io(&on_disk, e))?
            } else {
                String::from_utf8_lossy(bytes).into_owned()
            };
            let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
                Error::Template(format!("themes/omtanke/i18n/{file}: {}", e.message()))
            })?;
            strings.insert(file.trim_end_matches(".toml").to_string(), table);
        }
        Ok(Words(strings))
    }

    /// The language `code` with its interface text laid over the default language's.
    pub fn lang(&self, code: &str, default: &str) -> crate::render::i18n::Lang {
        lang_of(&self.0, code, default)
    }
}

fn lang_of(
    strings: &std::collections::BTreeMap<String, toml::Table>,
    code: &str,
    default: &str,
) -> crate::render::i18n::Lang {
    let empty = toml::Table::new();
    let base = strings.get(default).unwrap_or(&empty);
    crate::render::i18n::Lang::new(code, code == default, base, strings.get(code))
}

impl Theme {
    /// Loads the built-in theme with the overrides found under `site_root/themes/omtanke/`.
    pub fn load(site_root: &Path) -> Result<Theme> {
        let override_dir = site_root.join("themes").join("omtanke");
        let mut files = vec![];
        embedded_files(&THEME, &mut files);
        let mut templates: Vec<(String, String)> = vec![];
        let strings = Words::load(site_root)?.0;
        let mut static_files = vec![];
        for (path, bytes) in files {
            let on_disk = override_dir.join(path);
            let rel = path.to_string_lossy().replace('\\', "/");
            if let Some(name) = rel.strip_prefix("templates/") {
                let text = if on_disk.is_file() {
                    std::fs::read_to_string(&on_disk).map_err(|e| Error::io(&on_disk, e))?
                } else {
                    String::from_utf8_lossy(bytes).into_owned()
                };
                templates.push((name.to_string(), text));
            } else if let Some(out) = rel.strip_prefix("static/") {
                let file = if on_disk.is_file() {
                    StaticFile::Override(on_disk)
                } else {
                    StaticFile::Embedded(bytes)
                };
                static_files.push((out.to_string(), file));
            }
        }
        // Templates a site adds that the built-in theme does not have (for `template = "…"`).
        let extra_dir = override_dir.join("templates");
        if extra_dir.is_dir() {
            for entry in walkdir::WalkDir::new(&extra_dir).into_iter().filter_map(|e| e.ok()) {
                if !entry.file_type().is_file() {
                    continue;
                }
                let name = entry
                    .path()
                    .strip_prefix(&extra_dir)
                    .expect("below dir")
                    .to_string_lossy()
                    .replace('\\', "/");
                if !templates.iter().any(|(n, _)| *n == name) {
                    let text = std::fs::read_to_string(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
                    templates.push((name, text));
                }
            }
        }
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html", ".xml"]);
        let links = Arc::new(RwLock::new(Links::default()));
        register_link_filters(&mut tera, &links);
        tera.add_raw_templates(templates)
            .map_err(|e| Error::Template(describe(&e)))?;
        static_files.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(Theme {
            tera,
            links,
            strings,
            static_files,
        })
    }

    /// The language `code` with its interface text laid over the default language's.
    pub fn lang(&self, code: &str, default: &str) -> crate::render::i18n::Lang {
        lang_of(&self.strings, code, default)
    }

    /// Every language of a site (the default first), each knowing its siblings for the switcher.
    pub fn langs(&self, default: &str, others: impl IntoIterator<Item = String>) -> Vec<crate::render::i18n::Lang> {
        let mut codes = vec![default.to_string()];
        codes.extend(others.into_iter().filter(|c| c != default));
        let mut langs: Vec<_> = codes.iter().map(|c| self.lang(c, default)).collect();
        let siblings: Vec<(String, String, String)> = langs
            .iter()
            .map(|l| {
                (
                    l.code.clone(),
                    l.t("language.name").to_string(),
                    l.t("language.switch").to_string(),
                )
            })
            .collect();
        for l in &mut langs {
            l.siblings = siblings.clone();
        }
        langs
    }

    /// Sets what site paths resolve to while rendering (the base path, each language's pages).
    pub fn set_links(&self, links: Links) {
        *self.links.write().unwrap_or_else(|e| e.into_inner()) = links;
    }

    /// What site paths resolve to now.
    pub fn links(&self) -> Links {
        self.links.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Whether a template exists.
    pub fn has(&self, name: &str) -> bool {
        self.tera.get_template_names().any(|n| n == name)
    }

    /// Renders a template.
    pub fn render(&self, name: &str, context: &Context) -> Result<String> {
        self.tera
            .render(name, context)
            .map_err(|e| Error::Template(format!("{name}: {}", describe(&e))))
    }
}

/// `{{ "/kalender/" | url }}` and `{{ page.content | links }}`: site paths resolved for the
/// page's language (`lang` in the context, or `lang="…"` for a link that names its own) and
/// the site's base path, by `Links`.
fn register_link_filters(tera: &mut Tera, links: &Arc<RwLock<Links>>) {
    fn page_lang(kwargs: &tera::Kwargs, state: &tera::State) -> tera::TeraResult<String> {
        Ok(match kwargs.get::<String>("lang")? {
            Some(lang) => lang,
            None => state.get::<String>("lang")?.unwrap_or_default(),
        })
    }
    let shared = links.clone();
    tera.register_filter("url", move |path: &str, kwargs: tera::Kwargs, state: &tera::State| {
        let lang = page_lang(&kwargs, state)?;
        let links = shared.read().unwrap_or_else(|e| e.into_inner());
        tera::TeraResult::Ok(links.url(path, &lang))
    });
    let shared = links.clone();
    tera.register_filter("links", move |html: &str, kwargs: tera::Kwargs, state: &tera::State| {
        let lang = page_lang(&kwargs, state)?;
        let links = shared.read().unwrap_or_else(|e| e.into_inner());
        tera::TeraResult::Ok(tera::Value::safe_string(&links.in_html(html, &lang)))
    });
}

/// Tera's error with all its causes, on one line.
fn describe(e: &tera::Error) -> String {
    let mut out = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}
