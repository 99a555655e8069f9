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
    /// The optional survey: its items, and the forms handed out and not yet finished.
    pub survey: Survey,
}

impl App {
    /// The receipt of a check-in: proof, on its thank-you page, that the visitor answering
    /// "first visit?" is the one who checked in (check-in ids count up and are easy to guess).
    pub fn receipt(&self, checkin: i64) -> String {
        use hmac::{KeyInit, Mac};
        let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(&self.secret).expect("any key length");
        mac.update(&checkin.to_be_bytes());
        mac.finalize().into_bytes()[..12]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
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
    /// Loads everything the daemon needs besides the database: the site's activities and words,
    /// the templates, the survey's items, and a fresh random key.
    pub fn new(config: Config, db: Db) -> anyhow::Result<Shared> {
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
            survey,
        }))
    }
}
