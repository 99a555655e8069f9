//! Responses to the anonymous loneliness survey. A row holds the month and the answers, nothing
//! else: no time of day, no check-in or booking, no cookie. Its id is random rather than counted
//! up, so that not even the order of the rows tells which response came after which check-in.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::{Connection, ErrorCode, params};

use super::group::Pending;
use super::{Db, DbResult};
use crate::survey::Answers;

/// Attempts at a free random id before giving up. Two of 2⁶³ ids colliding even once is
/// unlikely in the life of a café; eight times in a row means something else is wrong.
const ID_ATTEMPTS: usize = 8;

impl Db {
    /// Stores one finished response for the month of `local_date` (the site's time zone), and
    /// returns once it is on disk, like a check-in (in a group commit).
    pub fn store_survey_response(&self, local_date: NaiveDate, answers: &Answers) -> Pending<()> {
        let month = local_date.format("%Y-%m").to_string();
        let json = serde_json::to_string(answers).expect("a map of strings to answers always serialises");
        self.grouped(move |conn| insert(conn, &month, &json, random_id))
    }

    /// Every stored response, by month (`2026-11`), oldest month first. A row that cannot be
    /// read (which only a hand-edited database could have) is left out, with a warning that
    /// says nothing of its content.
    pub fn survey_responses_by_month(&self) -> DbResult<BTreeMap<String, Vec<Answers>>> {
        let conn = self.conn();
        let mut stmt = conn.prepare("SELECT month, answers FROM survey_responses")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut by_month: BTreeMap<String, Vec<Answers>> = BTreeMap::new();
        for row in rows {
            let (month, json) = row?;
            match serde_json::from_str::<Answers>(&json) {
                Ok(answers) => by_month.entry(month).or_default().push(answers),
                Err(_) => tracing::warn!(%month, "a stored survey response could not be read; it is not counted"),
            }
        }
        Ok(by_month)
    }
}

/// A positive id from the operating system's random source.
fn random_id() -> i64 {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).expect("the operating system's random source");
    // The top bit cleared makes it positive; 0 (one chance in 2⁶³) becomes 1.
    (i64::from_le_bytes(bytes) & i64::MAX).max(1)
}

/// Inserts a response under an id from `next_id`, drawing again when the id is taken.
fn insert(conn: &Connection, month: &str, json: &str, mut next_id: impl FnMut() -> i64) -> DbResult<()> {
    let mut stmt = conn.prepare_cached("INSERT INTO survey_responses (id, month, answers) VALUES (?1, ?2, ?3)")?;
    let mut attempt = 1;
    loop {
        match stmt.execute(params![next_id(), month, json]) {
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == ErrorCode::ConstraintViolation
                    && e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY
                    && attempt < ID_ATTEMPTS =>
            {
                attempt += 1;
            }
            Err(e) => return Err(e.into()),
            Ok(_) => return Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::Answer;

    fn answers(pairs: &[(&str, Answer)]) -> Answers {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    #[test]
    fn a_response_keeps_only_its_month_and_answers() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("k.db")).unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let a = answers(&[("emptiness", Answer::MoreOrLess), ("rely", Answer::No)]);
        db.store_survey_response(day, &a).wait().unwrap();
        db.store_survey_response(day.succ_opt().unwrap(), &answers(&[("miss", Answer::Yes)]))
            .wait()
            .unwrap();
        let (id, month, json): (i64, String, String) = db
            .conn()
            .query_row(
                "SELECT id, month, answers FROM survey_responses WHERE month = '2026-11'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert!(id > 0);
        assert_eq!(month, "2026-11");
        assert_eq!(json, r#"{"emptiness":"more_or_less","rely":"no"}"#);
        let by_month = db.survey_responses_by_month().unwrap();
        assert_eq!(by_month.keys().collect::<Vec<_>>(), ["2026-11", "2026-12"]);
        assert_eq!(by_month["2026-11"], vec![a]);
    }

    #[test]
    fn a_taken_id_is_drawn_again() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("k.db")).unwrap();
        let conn = db.conn();
        insert(&conn, "2026-11", "{}", || 42).unwrap();
        let mut ids = [42, 42, 7].into_iter();
        insert(&conn, "2026-11", "{}", || ids.next().unwrap()).unwrap();
        let stored: Vec<i64> = conn
            .prepare("SELECT id FROM survey_responses ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(stored, [7, 42]);
        // Only so many draws: an id source that always collides is an error, not a loop.
        assert!(insert(&conn, "2026-11", "{}", || 42).is_err());
    }

    #[test]
    fn random_ids_are_positive() {
        assert!((0..1000).map(|_| random_id()).all(|id| id > 0));
    }
}
