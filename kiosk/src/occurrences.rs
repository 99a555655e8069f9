//! What can be booked: the occurrences of activities with `[booking]` in the site's content,
//! read through the omtanke library so that an activity means the same here as on the website.
//! The content is read again whenever its files change, without a restart.

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::SystemTime;

use chrono::{DateTime, Days, NaiveDate};
use chrono_tz::Tz;
use omtanke::content::{Activity, LoadOptions, Site};
use omtanke::render::view;
use serde::Serialize;

/// One bookable occurrence.
#[derive(Debug, Clone, Serialize)]
pub struct Bookable {
    /// `activity@2026-11-30T14:00` (local start).
    pub id: String,
    /// Activity id.
    pub activity: String,
    /// Activity title.
    pub title: String,
    /// Where, if known.
    pub place: Option<String>,
    /// The street address, told to those who book (also when the site keeps it private):
    /// never serialized, so no JSON of sessions can carry it.
    #[serde(skip)]
    pub address: Option<String>,
    /// How to get there, for those who book.
    #[serde(skip)]
    pub directions: Option<String>,
    /// Start with offset.
    pub start: DateTime<Tz>,
    /// End with offset.
    pub end: DateTime<Tz>,
    /// Places.
    pub capacity: u32,
    /// Whether a waiting list is kept.
    pub waitlist: bool,
}

impl Bookable {
    /// "Samtalsgrupp, tisdag 8 december kl. 08.00": the meeting in words, as the screens and the
    /// inbox's pages name it.
    pub fn describe(&self, words: &omtanke::render::i18n::Lang) -> String {
        format!(
            "{}, {} kl. {}",
            self.title,
            words.long_date(self.start.date_naive()),
            self.start.format("%H.%M")
        )
    }
}

/// One thing on today's programme.
#[derive(Debug, Clone, Serialize)]
pub struct ProgrammeItem {
    /// `12.00`.
    pub start: String,
    /// `19.00`.
    pub end: String,
    /// Title.
    pub title: String,
    /// Place name.
    pub place: Option<String>,
}

/// The loaded content, reloaded when it changes.
pub struct Catalog {
    root: PathBuf,
    site: RwLock<Option<Arc<Site>>>,
    fingerprint: RwLock<u64>,
    /// The last load error, for the logs and staff.
    pub error: RwLock<Option<String>>,
}

impl Catalog {
    /// Loads the content in `root` (the folder with site.toml and content/).
    pub fn new(root: &Path) -> Catalog {
        let c = Catalog {
            root: root.to_path_buf(),
            site: RwLock::new(None),
            fingerprint: RwLock::new(0),
            error: RwLock::new(None),
        };
        c.reload_if_changed();
        c
    }

    /// Reads the content again if any file changed since the last read. A broken change keeps
    /// the last good content, so the kiosk goes on working.
    pub fn reload_if_changed(&self) -> bool {
        let now = fingerprint(&self.root);
        if now == *self.fingerprint.read().unwrap_or_else(|e| e.into_inner()) && self.site().is_some() {
            return false;
        }
        *self.fingerprint.write().unwrap_or_else(|e| e.into_inner()) = now;
        match Site::load(
            &self.root,
            &LoadOptions {
                drafts: false,
                today: None,
            },
        ) {
            Ok(site) => {
                *self.site.write().unwrap_or_else(|e| e.into_inner()) = Some(Arc::new(site));
                *self.error.write().unwrap_or_else(|e| e.into_inner()) = None;
                true
            }
            Err(e) => {
                let text = match &e {
                    omtanke::Error::Content(d) => d.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n"),
                    other => other.to_string(),
                };
                tracing::warn!(error = %text, "the content could not be loaded; keeping the last good version");
                *self.error.write().unwrap_or_else(|e| e.into_inner()) = Some(text);
                false
            }
        }
    }

    /// The current content.
    pub fn site(&self) -> Option<Arc<Site>> {
        self.site.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// The site's time zone.
    pub fn timezone(&self) -> Tz {
        self.site().map_or(chrono_tz::Europe::Stockholm, |s| s.config.timezone)
    }

    /// Occurrences not yet started whose booking has opened, soonest first.
    pub fn bookable(&self, now: DateTime<Tz>) -> Vec<Bookable> {
        let Some(site) = self.site() else { return vec![] };
        let today = now.date_naive();
        let mut out: Vec<Bookable> = site
            .activities
            .iter()
            .filter_map(|a| a.booking.as_ref().map(|b| (a, b)))
            .flat_map(|(a, b)| {
                let last = today + Days::new(u64::from(b.opens_days_before));
                a.occurrences(site.config.timezone, today, last)
                    .into_iter()
                    .filter(move |o| o.start > now)
                    .map(move |o| bookable(a, b.capacity, b.waitlist, o.start, o.end))
            })
            .collect();
        out.sort_by(|x, y| x.start.cmp(&y.start).then(x.title.cmp(&y.title)));
        out
    }

    /// A bookable session by id.
    pub fn find(&self, id: &str, now: DateTime<Tz>) -> Option<Bookable> {
        self.bookable(now).into_iter().find(|s| s.id == id)
    }

    /// How the meeting of `activity` that starts at `start` differs from the schedule, if it does:
    /// cancelled, or moved away (the content's `[[cancelled]]` and `[[moved]]`).
    pub fn change_of(&self, activity: &str, start: DateTime<Tz>) -> Option<omtanke::content::changes::Change> {
        let site = self.site()?;
        let a = site.activities.iter().find(|a| a.id == activity)?;
        let date = start.date_naive();
        a.meetings(site.config.timezone, date, date)
            .into_iter()
            .find(|m| m.occurrence.start == start && !m.takes_place())
            .map(|m| m.change)
    }

    /// Everything on the programme on a date, by start time.
    pub fn programme(&self, date: NaiveDate) -> Vec<ProgrammeItem> {
        let Some(site) = self.site() else { return vec![] };
        let mut items: Vec<(DateTime<Tz>, ProgrammeItem)> = site
            .activities
            .iter()
            .flat_map(|a| {
                a.occurrences(site.config.timezone, date, date)
                    .into_iter()
                    .map(move |o| {
                        (
                            o.start,
                            ProgrammeItem {
                                start: view::time_text(&o.start),
                                end: view::time_text(&o.end),
                                title: a.title.clone(),
                                place: a.place.as_ref().map(|p| p.name.clone()),
                            },
                        )
                    })
            })
            .collect();
        items.sort_by_key(|(start, _)| *start);
        items.into_iter().map(|(_, i)| i).collect()
    }
}

fn bookable(a: &Activity, capacity: u32, waitlist: bool, start: DateTime<Tz>, end: DateTime<Tz>) -> Bookable {
    Bookable {
        id: format!("{}@{}", a.id, start.format("%Y-%m-%dT%H:%M")),
        activity: a.id.clone(),
        title: a.title.clone(),
        place: a.place.as_ref().map(|p| p.name.clone()),
        address: a.place.as_ref().map(|p| p.booked_address().to_string()),
        directions: a.place.as_ref().and_then(|p| p.booked_directions().map(str::to_string)),
        start,
        end,
        capacity,
        waitlist,
    }
}

/// A number that changes when any file of the site changes (names, sizes, times).
fn fingerprint(root: &Path) -> u64 {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut h = DefaultHasher::new();
    meta(&root.join("site.toml"), &mut h);
    for e in walkdir_files(&root.join("content")) {
        e.hash(&mut h);
        meta(&e, &mut h);
    }
    h.finish()
}

fn meta(path: &Path, h: &mut impl std::hash::Hasher) {
    use std::hash::Hash;
    if let Ok(m) = std::fs::metadata(path) {
        m.len().hash(h);
        m.modified().unwrap_or(SystemTime::UNIX_EPOCH).hash(h);
    }
}

fn walkdir_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![];
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            match e.file_type() {
                Ok(t) if t.is_dir() => stack.push(p),
                Ok(t) if t.is_file() => out.push(p),
                _ => {}
            }
        }
    }
    out.sort();
    out
}
