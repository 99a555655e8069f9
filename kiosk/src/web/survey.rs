//! The optional, anonymous survey on the touch screen (the loneliness scale): an introduction,
//! the six statements one per screen, and a thank-you.
//!
//! The server keeps no answers while a visitor is answering: each screen carries the answers so
//! far in hidden fields, and every post is checked strictly against the items, in their order,
//! so a changed form is refused rather than stored. Only a finished survey is stored; leaving
//! halfway, or the screen going back to the start by itself, stores nothing. The survey never
//! learns of a check-in: links to it carry nothing, it sets no cookie, and the stored row has
//! only the month.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde::Serialize;
use tera::Context;
use warp::http::StatusCode;
use warp::{Filter, Rejection, Reply};

use super::kiosk::{page, see_other};
use super::limits::Limiter;
use super::{BODY_LIMIT, Shared, with_app};
use crate::db::random_code;
use crate::survey::{Answer, Answers, Items};

/// The hidden field that names one filling-in of the survey. The server hands the id out on
/// the first question's screen and takes it back when the answers are stored, so that only
/// forms it issued are counted, each once. It is never stored with the answers.
const FORM_FIELD: &str = "formular";
const FORM_ID_LEN: usize = 22;
const FORM_ID_ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";

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
enum Claim {
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
    fn issue(&self, visitor: Option<IpAddr>, now: Instant) -> Option<String> {
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
    fn is_open(&self, form: &str, now: Instant) -> bool {
        self.forms()
            .open
            .get(&key(form))
            .is_some_and(|at| now.duration_since(*at) < FORM_LIFETIME)
    }

    /// Takes a finished form back.
    fn claim(&self, form: &str, now: Instant) -> Claim {
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
    fn release(&self, form: &str, now: Instant) {
        let k = key(form);
        let mut forms = self.forms();
        forms.finished.retain(|f| *f != k);
        forms.open.insert(k, now);
    }
}

/// The answer buttons: the value sent, the answer, and the text on the button.
const CHOICES: [(&str, Answer, &str); 3] = [
    ("ja", Answer::Yes, "Ja"),
    ("mer-eller-mindre", Answer::MoreOrLess, "Mer eller mindre"),
    ("nej", Answer::No, "Nej"),
];

/// The value of "Hoppa över frågan".
const SKIP: &str = "hoppa";

fn value_of(answer: Option<Answer>) -> &'static str {
    answer
        .and_then(|a| CHOICES.iter().find(|c| c.1 == a))
        .map_or(SKIP, |c| c.0)
}

fn answer_of(value: &str) -> Option<Option<Answer>> {
    if value == SKIP {
        return Some(None);
    }
    CHOICES.iter().find(|c| c.0 == value).map(|c| Some(c.1))
}

/// A form as posted: which filling-in it is and the answers so far, in item order.
#[derive(Debug, PartialEq)]
struct Progress {
    form: String,
    answers: Vec<Option<Answer>>,
}

/// Reads a posted form strictly: first the form's id, then one field per item in the items'
/// order, each with a known value, and nothing else.
fn read(items: &Items, fields: &[(String, String)]) -> Option<Progress> {
    let ((name, form), rest) = fields.split_first()?;
    let form_ok =
        name == FORM_FIELD && form.len() == FORM_ID_LEN && form.bytes().all(|b| FORM_ID_ALPHABET.contains(&b));
    if !form_ok || rest.len() > items.items.len() {
        return None;
    }
    let answers = rest
        .iter()
        .zip(&items.items)
        .map(|((name, value), item)| (*name == item.id).then(|| answer_of(value)).flatten())
        .collect::<Option<Vec<_>>>()?;
    Some(Progress {
        form: form.clone(),
        answers,
    })
}

/// A hidden field of a question screen.
#[derive(Serialize)]
struct Hidden {
    name: String,
    value: String,
}

/// The fields that carry `answers` (and the form's id) to the next screen.
fn hidden(items: &Items, form: &str, answers: &[Option<Answer>]) -> Vec<Hidden> {
    let mut out = vec![Hidden {
        name: FORM_FIELD.to_string(),
        value: form.to_string(),
    }];
    out.extend(items.items.iter().zip(answers).map(|(item, a)| Hidden {
        name: item.id.clone(),
        value: value_of(*a).to_string(),
    }));
    out
}

fn question(app: &Shared, progress: &Progress) -> warp::reply::Html<String> {
    let items = &app.survey.items;
    let n = progress.answers.len();
    let item = &items.items[n];
    let mut ctx = Context::new();
    ctx.insert("number", &(n + 1));
    ctx.insert("count", &items.items.len());
    ctx.insert("statement", &item.sv);
    ctx.insert("field", &item.id);
    ctx.insert("hidden", &hidden(items, &progress.form, &progress.answers));
    // "Tillbaka" posts the answers before the previous question, which shows that question again.
    let back = n
        .checked_sub(1)
        .map(|prev| hidden(items, &progress.form, &progress.answers[..prev]));
    ctx.insert("back", &back);
    let choices: Vec<(&str, &str)> = CHOICES.iter().map(|c| (c.0, c.2)).collect();
    ctx.insert("choices", &choices);
    ctx.insert("skip", SKIP);
    page(app, "survey_question.html", ctx, true)
}

fn refused(app: &Shared) -> warp::reply::Response {
    let mut ctx = Context::new();
    ctx.insert(
        "message",
        "Svaren kunde inte läsas, så inget sparades. Börja gärna om från början.",
    );
    let mut reply = page(app, "error.html", ctx, true).into_response();
    *reply.status_mut() = StatusCode::BAD_REQUEST;
    reply
}

async fn step(fields: Vec<(String, String)>, app: Shared) -> Result<warp::reply::Response, Rejection> {
    let items = &app.survey.items;
    let now = Instant::now();
    let Some(progress) = read(items, &fields) else {
        return Ok(refused(&app));
    };
    if progress.answers.len() < items.items.len() {
        if !app.survey.is_open(&progress.form, now) {
            return Ok(refused(&app));
        }
        return Ok(question(&app, &progress).into_response());
    }
    let answers: Answers = items
        .items
        .iter()
        .zip(&progress.answers)
        .filter_map(|(item, a)| a.map(|a| (item.id.clone(), a)))
        .collect();
    // A repeat of a stored form (a double tap) is stored once; a survey with every statement
    // skipped says nothing and would only swell the count of responses.
    match app.survey.claim(&progress.form, now) {
        Claim::Store => {}
        Claim::Repeat => return Ok(see_other("/fragor/tack")),
        Claim::Unknown => return Ok(refused(&app)),
    }
    if answers.is_empty() {
        return Ok(see_other("/fragor/tack"));
    }
    let today = app.now().date_naive();
    let db_app = app.clone();
    let stored = tokio::task::spawn_blocking(move || db_app.db.store_survey_response(today, &answers))
        .await
        .map_err(|e| e.to_string())
        .and_then(|r| r.map_err(|e| e.to_string()));
    // Nothing is logged about a stored response: even its time in the log could be matched to
    // a check-in when a month has few responses.
    if stored.is_err() {
        app.survey.release(&progress.form, now);
        tracing::error!("a survey response could not be stored");
        let mut ctx = Context::new();
        ctx.insert(
            "message",
            "Det gick inte att spara svaren just nu. Fråga personalen, eller försök igen senare.",
        );
        let mut reply = page(&app, "error.html", ctx, true).into_response();
        *reply.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
        return Ok(reply);
    }
    Ok(see_other("/fragor/tack"))
}

/// The survey's routes: `GET /fragor` (introduction), `GET /fragor/1` (the first statement),
/// `POST /fragor` (an answer; shows the next statement or stores the finished survey) and
/// `GET /fragor/tack`.
pub fn routes(app: Shared) -> impl Filter<Extract = (impl Reply,), Error = Rejection> + Clone {
    let intro = warp::path!("fragor")
        .and(warp::get())
        .and(with_app(app.clone()))
        .map(|app: Shared| page(&app, "survey_intro.html", Context::new(), true));
    let first = warp::path!("fragor" / "1")
        .and(warp::get())
        .and(super::client::visitor(app.clone()))
        .and(with_app(app.clone()))
        .map(|visitor: Option<IpAddr>, app: Shared| {
            let Some(form) = app.survey.issue(visitor, Instant::now()) else {
                let mut ctx = Context::new();
                ctx.insert(
                    "message",
                    "Många har svarat på frågorna härifrån den senaste timmen. Försök gärna igen senare.",
                );
                let mut reply = page(&app, "error.html", ctx, true).into_response();
                *reply.status_mut() = StatusCode::TOO_MANY_REQUESTS;
                return reply;
            };
            let progress = Progress { form, answers: vec![] };
            question(&app, &progress).into_response()
        });
    let answer = warp::path!("fragor")
        .and(warp::post())
        .and(warp::body::content_length_limit(BODY_LIMIT))
        .and(warp::body::form::<Vec<(String, String)>>())
        .and(with_app(app.clone()))
        .and_then(step);
    let thanks = warp::path!("fragor" / "tack")
        .and(warp::get())
        .and(with_app(app))
        .map(|app: Shared| page(&app, "survey_thanks.html", Context::new(), true));
    intro.or(first).or(answer).or(thanks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::DEFAULT_ITEMS;

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    const FORM: &str = "abcdefghijklmnopqrstuv";

    #[test]
    fn a_form_is_read_strictly() {
        let items = Items::parse(DEFAULT_ITEMS).unwrap();
        let ok = read(
            &items,
            &fields(&[(FORM_FIELD, FORM), ("emptiness", "mer-eller-mindre"), ("rely", "hoppa")]),
        )
        .unwrap();
        assert_eq!(ok.answers, [Some(Answer::MoreOrLess), None]);
        assert_eq!(read(&items, &fields(&[(FORM_FIELD, FORM)])).unwrap().answers, []);
        for bad in [
            vec![],
            vec![("emptiness", "ja")],
            vec![(FORM_FIELD, "kort")],
            vec![(FORM_FIELD, "ABCDEFGHIJKLMNOPQRSTUV")],
            vec![(FORM_FIELD, FORM), ("rely", "ja")],
            vec![(FORM_FIELD, FORM), ("emptiness", "kanske")],
            vec![(FORM_FIELD, FORM), ("emptiness", "ja"), ("emptiness", "ja")],
            vec![(FORM_FIELD, FORM), ("emptiness", "ja"), ("incheckning", "5")],
            vec![
                (FORM_FIELD, FORM),
                ("emptiness", "ja"),
                ("rely", "ja"),
                ("trust", "ja"),
                ("close", "ja"),
                ("miss", "ja"),
                ("rejected", "ja"),
                ("extra", "ja"),
            ],
        ] {
            assert_eq!(read(&items, &fields(&bad)), None, "{bad:?}");
        }
    }

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
