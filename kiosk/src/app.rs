//! The daemon's state, which every layer above reaches: configuration, database, the bookable
//! activities, templates and words, the limits kept in memory. It imports nothing of the web
//! layer, so that the database, housekeeping and the command line stand on it alone.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::config::Config;
use crate::db::Db;
use crate::limits::Limiter;
use crate::login;
use crate::occurrences::Catalog;
use crate::survey::Items;
use crate::survey_forms::Survey;
use crate::templates::Templates;

/// How long an answer of the database's integrity check stands: a little under the
/// watchdog's ping interval (15 s), so that every ping still asks the database afresh.
const HEALTH_FOR: std::time::Duration = std::time::Duration::from_secs(5);

/// Everything a request can reach.
pub struct App {
    /// The database.
    pub db: Db,
    /// The bookable activities.
    pub catalog: Catalog,
    /// The configuration.
    pub config: Config,
    /// The page templates.
    pub templates: Templates,
    /// Swedish words for dates, from the website's theme, so both say dates the same way.
    pub words: omtanke::render::i18n::Lang,
    /// The theme's interface text in every language, for the website's visitors at the inbox.
    pub site_words: omtanke::render::templates::Words,
    /// How many suggestions each address has sent from the website lately.
    pub inbox_limiter: Limiter,
    /// Wrong cancel codes per network: guessing codes is slow as well as hopeless.
    pub code_limiter: Limiter,
    /// A random key of this run of the daemon, for check-in receipts.
    pub secret: [u8; 32],
    /// The pool of staff password checks.
    pub login_pool: login::Pool,
    /// The last answer of the database's integrity check, and when it was asked.
    pub health: std::sync::Mutex<Option<(std::time::Instant, bool)>>,
    /// The optional survey: its items, and the forms handed out and not yet finished.
    pub survey: Survey,
}

impl App {
    /// The receipt of a check-in: proof, on its thank-you page, that the visitor answering
    /// "first visit?" is the one who checked in (check-in ids count up and are easy to guess).
    pub fn receipt(&self, checkin: i64) -> String {
        crate::auth::signature(&self.secret, &checkin.to_be_bytes(), 12)
    }

    /// Whether `receipt` is the receipt of `checkin`.
    pub fn receipt_matches(&self, checkin: i64, receipt: &str) -> bool {
        crate::auth::constant_time_eq(self.receipt(checkin).as_bytes(), receipt.as_bytes())
    }

    /// The current time in the site's time zone.
    pub fn now(&self) -> DateTime<Tz> {
        Utc::now().with_timezone(&self.catalog.timezone())
    }
}

/// Shared app for filters.
pub type Shared = Arc<App>;

impl App {
    /// Whether the database answers its integrity check (`PRAGMA quick_check`), for `/health`
    /// and the watchdog. The check reads the whole file while holding the connection, so it
    /// runs off the async threads, at most once per [`HEALTH_FOR`]; callers in between get the
    /// last answer, and a flood of health checks cannot stall the daemon.
    pub async fn database_answers(self: &Arc<Self>) -> bool {
        let now = std::time::Instant::now();
        let cached = *self.health.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, ok)) = cached.filter(|(at, _)| now.duration_since(*at) < HEALTH_FOR) {
            return ok;
        }
        let app = self.clone();
        let ok = tokio::task::spawn_blocking(move || app.db.quick_check().is_ok_and(|r| r == "ok"))
            .await
            .unwrap_or(false);
        *self.health.lock().unwrap_or_else(|e| e.into_inner()) = Some((now, ok));
        ok
    }

    /// Loads everything the daemon needs besides the database: the site's activities and words,
    /// the templates, the survey's items, and a fresh random key.
    pub fn new(config: Config, db: Db) -> anyhow::Result<Shared> {
        if let Some(site) = content_folder_mistaken(&config.content) {
            anyhow::bail!(
                "{}",
                omtanke::msg!(
                    "kiosk-content-folder-mistaken",
                    given = config.content.display(),
                    site = site.display()
                )
            );
        }
        let catalog = Catalog::new(&config.content);
        // Only the theme's words, not its templates: the kiosk renders none of the website's pages.
        let site_words = omtanke::render::templates::Words::load(&config.content)?;
        let words = site_words.lang("sv", "sv");
        let survey = Survey::new(Items::load(config.survey_items.as_deref())?);
        let mut secret = [0u8; 32];
        getrandom::fill(&mut secret).map_err(|e| anyhow::anyhow!("the random source: {e}"))?;
        Ok(Arc::new(App {
            db,
            catalog,
            config,
            templates: Templates::load()?,
            words,
            site_words,
            inbox_limiter: Limiter::suggestions(),
            code_limiter: Limiter::wrong_codes(),
            login_pool: login::Pool::default(),
            secret,
            health: std::sync::Mutex::default(),
            survey,
        }))
    }
}

/// The site folder, when `content` is its `content/` folder instead (a site.toml beside it, none
/// in it): the kiosk would otherwise run with an empty programme. A folder that does not exist
/// yet is fine: on the Pi the site is cloned after the first start.
fn content_folder_mistaken(content: &std::path::Path) -> Option<std::path::PathBuf> {
    let parent = content
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    (content.is_dir() && !content.join("site.toml").exists() && parent.join("site.toml").is_file())
        .then(|| parent.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_content_folder_is_not_the_site_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content")).unwrap();
        std::fs::write(dir.path().join("site.toml"), "title = \"T\"\n").unwrap();
        assert_eq!(
            content_folder_mistaken(&dir.path().join("content")),
            Some(dir.path().to_path_buf())
        );
        assert_eq!(content_folder_mistaken(dir.path()), None, "the site folder itself");
        assert_eq!(
            content_folder_mistaken(&dir.path().join("inte-klonad-an")),
            None,
            "not there yet"
        );
    }
}
