//! The optional, anonymous survey on the touch screen (the loneliness scale): an introduction,
//! the six statements one per screen, and a thank-you.
//!
//! The server keeps no answers while a visitor is answering: each screen carries the answers so
//! far in hidden fields, and every post is checked strictly against the items, in their order,
//! so a changed form is refused rather than stored. Only a finished survey is stored; leaving
//! halfway, or the screen going back to the start by itself, stores nothing. The survey never
//! learns of a check-in: links to it carry nothing, it sets no cookie, and the stored row has
//! only the month.

use std::net::IpAddr;
use std::time::Instant;

use serde::Serialize;
use tera::Context;
use warp::http::StatusCode;
use warp::{Filter, Rejection, Reply};

use super::screen::{error_page, page, see_other};
use super::{BODY_LIMIT, Shared, with_app};
use crate::survey::{Answer, Answers, Items};
use crate::survey_forms::{Claim, FORM_ID_ALPHABET, FORM_ID_LEN};

/// The hidden field that names one filling-in of the survey. The server hands the id out on
/// the first question's screen and takes it back when the answers are stored, so that only
/// forms it issued are counted, each once. It is never stored with the answers.
const FORM_FIELD: &str = "formular";

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
    error_page(
        app,
        "Svaren kunde inte läsas, så inget sparades. Börja gärna om från början.",
        StatusCode::BAD_REQUEST,
    )
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
        return Ok(error_page(
            &app,
            "Det gick inte att spara svaren just nu. Fråga personalen, eller försök igen senare.",
            StatusCode::SERVICE_UNAVAILABLE,
        ));
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
                return error_page(
                    &app,
                    "Många har svarat på frågorna härifrån den senaste timmen. Försök gärna igen senare.",
                    StatusCode::TOO_MANY_REQUESTS,
                );
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
}
