//! The survey's forms: the server hands each filling-in an id on the first question's screen
//! and takes it back when the answers are stored, so that only forms it issued are counted, each
//! once. Ids are random, used once, valid two hours, and kept only hashed and only in memory; a
//! network may start [`FORMS_PER_NETWORK`] an hour.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::db::random_code;
use crate::limits::Limiter;
use crate::survey::Items;

/// Characters of a form id.
pub const FORM_ID_LEN: usize = 22;
/// What a form id is made of.
pub const FORM_ID_ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";

/// How long an issued form may take to be finished.
const FORM_LIFETIME: Duration = Duration::from_secs(2 * 3600);
/// Forms open at once, at most; the oldest is forgotten first.
const MAX_OPEN: usize = 2000;
/// How many finished forms are remembered, so that a double tap on the last answer is
/// thanked rather than refused. A repeat comes seconds after the first post.
const REMEMBERED: usize = 256;
/// Forms one network may start per hour: more than a busy café's screen sees, few enough that
/// nobody can outvote the visitors of a month.
pub const FORMS_PER_NETWORK: usize = 30;

/// A form id as it is kept: hashed, so that the ids of open forms cannot be read back.
type FormKey = [u8; 32];

fn key(form: &str) -> FormKey {
    use sha2::{Digest, Sha256};
    Sha256::digest(form.as_bytes()).into()
}

/// The survey's items, and the forms handed out and not yet finished.
pub struct Survey {
    /// The statements, from the shipped or the site's `survey.toml`.
    pub items: Items,
    forms: Mutex<Forms>,
    limiter: Limiter,
}

#[derive(Default)]
struct Forms {
    open: HashMap<FormKey, Instant>,
    finished: VecDeque<FormKey>,
}

/// What became of a finished form.
#[derive(Debug, PartialEq)]
pub enum Claim {
    /// Issued and open: store its answers.
    Store,
    /// Just stored (a double tap): thank, store nothing.
    Repeat,
    /// Never issued, or too old: refuse.
    Unknown,
}

impl Survey {
    /// The survey with these items.
    pub fn new(items: Items) -> Survey {
        Survey {
            items,
            forms: Mutex::default(),
            limiter: Limiter::new(FORMS_PER_NETWORK, 50 * FORMS_PER_NETWORK, Duration::from_secs(3600)),
        }
    }

    fn forms(&self) -> std::sync::MutexGuard<'_, Forms> {
        self.forms.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Hands out a new form id; none when `visitor`'s network started too many lately.
    pub fn issue(&self, visitor: Option<IpAddr>, now: Instant) -> Option<String> {
        if visitor.is_some_and(|v| !self.limiter.allow(v, now)) {
            return None;
        }
        let form = random_code(FORM_ID_LEN, FORM_ID_ALPHABET);
        let mut forms = self.forms();
        forms.open.retain(|_, at| now.duration_since(*at) < FORM_LIFETIME);
        if forms.open.len() >= MAX_OPEN
            && let Some(oldest) = forms.open.iter().min_by_key(|(_, at)| **at).map(|(k, _)| *k)
        {
            forms.open.remove(&oldest);
        }
        forms.open.insert(key(&form), now);
        Some(form)
    }

    /// Whether `form` was issued and is still open.
    pub fn is_open(&self, form: &str, now: Instant) -> bool {
        self.forms()
            .open
            .get(&key(form))
            .is_some_and(|at| now.duration_since(*at) < FORM_LIFETIME)
    }

    /// Takes a finished form back.
    pub fn claim(&self, form: &str, now: Instant) -> Claim {
        let k = key(form);
        let mut forms = self.forms();
        match forms.open.remove(&k) {
            Some(at) if now.duration_since(at) < FORM_LIFETIME => {
                if forms.finished.len() == REMEMBERED {
                    forms.finished.pop_front();
                }
                forms.finished.push_back(k);
                Claim::Store
            }
            _ if forms.finished.contains(&k) => Claim::Repeat,
            _ => Claim::Unknown,
        }
    }

    /// Opens a claimed form again whose storing failed, so that trying again can store it.
    pub fn release(&self, form: &str, now: Instant) {
        let k = key(form);
        let mut forms = self.forms();
        forms.finished.retain(|f| *f != k);
        forms.open.insert(k, now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::DEFAULT_ITEMS;

    const FORM: &str = "abcdefghijklmnopqrstuv";

    #[test]
    fn only_issued_forms_are_stored_and_each_once() {
        let survey = Survey::new(Items::parse(DEFAULT_ITEMS).unwrap());
        let now = Instant::now();
        assert_eq!(survey.claim(FORM, now), Claim::Unknown, "made up");
        let form = survey.issue(None, now).unwrap();
        assert!(survey.is_open(&form, now));
        assert_eq!(survey.claim(&form, now), Claim::Store);
        assert_eq!(survey.claim(&form, now), Claim::Repeat, "a double tap");
        assert!(!survey.is_open(&form, now));
        survey.release(&form, now);
        assert_eq!(
            survey.claim(&form, now),
            Claim::Store,
            "a failed store can be tried again"
        );
        let late = survey.issue(None, now).unwrap();
        assert_eq!(survey.claim(&late, now + FORM_LIFETIME), Claim::Unknown, "too old");
    }

    #[test]
    fn a_network_starts_a_limited_number_of_forms() {
        let survey = Survey::new(Items::parse(DEFAULT_ITEMS).unwrap());
        let now = Instant::now();
        let net: IpAddr = "192.0.2.1".parse().unwrap();
        let issued = (0..FORMS_PER_NETWORK + 5)
            .filter(|_| survey.issue(Some(net), now).is_some())
            .count();
        assert_eq!(issued, FORMS_PER_NETWORK);
        assert!(survey.issue(Some("192.0.2.2".parse().unwrap()), now).is_some());
    }
}
