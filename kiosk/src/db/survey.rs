//! Responses to the anonymous loneliness survey. A row holds the month and the answers, nothing
//! else: no time of day, no check-in or booking, no cookie. Its id is random rather than counted
//! up, so that not even the order of the rows tells which response came after which check-in.
//!
//! The rows live in a file of their own beside the database (`….survey.sqlite3`), written with
//! a rollback journal that is deleted at each commit and with `secure_delete`: the main
//! database's write-ahead log keeps its commits in order until a checkpoint, and an answer
//! written there would sit right after the check-in before it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::MutexGuard;
use std::time::Duration;

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, ErrorCode, params};

use super::{Db, DbResult};
use crate::survey::Answers;

/// Attempts at a free random id before giving up. Two of 2⁶³ ids colliding even once is
/// unlikely in the life of a café; eight times in a row means something else is wrong.
const ID_ATTEMPTS: usize = 8;

/// The survey's file beside a database file: `kiosk.sqlite3` → `kiosk.survey.sqlite3`.
pub fn path_beside(database: &Path) -> PathBuf {
    database.with_extension("survey.sqlite3")
}

const SCHEMA: &str = "
    CREATE TABLE IF NOT EXISTS survey_responses (
        id INTEGER PRIMARY KEY,
        month TEXT NOT NULL,
        answers TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS survey_month ON survey_responses(month);
";

/// Opens (creating if needed) the survey's file, and moves into it any responses an earlier
/// version stored in the main database `main`.
pub fn open(path: &Path, main: &Connection) -> DbResult<Connection> {
    let mut conn = Connection::open(path)?;
    conn.busy_timeout(Duration::from_secs(10))?;
    conn.pragma_update(None, "journal_mode", "DELETE")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "secure_delete", "ON")?;
    conn.pragma_update(None, "cache_size", -128)?;
    conn.execute_batch(SCHEMA)?;
    let old: Vec<(i64, String, String)> = main
        .prepare("SELECT id, month, answers FROM survey_responses")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    if !old.is_empty() {
        let tx = conn.transaction()?;
        for (_, month, answers) in &old {
            insert(&tx, month, answers, random_id)?;
        }
        tx.commit()?;
        conn.execute_batch("VACUUM")?;
        main.execute("DELETE FROM survey_responses", [])?;
        // Rewrites the main file without the freed pages that still held the answers.
        // (in WAL mode the rewrite reaches the file at the checkpoint, which empties the log).
        main.execute_batch("VACUUM")?;
        main.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        tracing::info!(moved = old.len(), "survey responses moved to their own file");
    }
    Ok(conn)
}

impl Db {
    /// The survey's connection.
    pub(super) fn survey_conn(&self) -> MutexGuard<'_, Connection> {
        self.survey.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Stores one finished response for the month of `local_date` (the site's time zone), and
    /// returns once it is on disk. Blocks: call it off the async threads.
    pub fn store_survey_response(&self, local_date: NaiveDate, answers: &Answers) -> DbResult<()> {
        let month = local_date.format("%Y-%m").to_string();
        let json = serde_json::to_string(answers).expect("a map of strings to answers always serialises");
        let conn = self.survey_conn();
        insert(&conn, &month, &json, random_id)?;
        hide_order(&conn, local_date)
    }

    /// Every stored response, by month (`2026-11`), oldest month first. A row that cannot be
    /// read (which only a hand-edited database could have) is left out, with a warning that
    /// says nothing of its content.
    pub fn survey_responses_by_month(&self) -> DbResult<BTreeMap<String, Vec<Answers>>> {
        let conn = self.survey_conn();
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

/// Rewrites the survey's file after a write, so that nothing in it tells the order in which
/// answers came: SQLite places a new row at the end of a page's free space, so within a page
/// the rows would keep their order of arrival; `VACUUM` writes them again in the order of their
/// random ids. The file's modification time, which would say when the last answer came, is set
/// to the start of the answer's month.
fn hide_order(conn: &Connection, local_date: NaiveDate) -> DbResult<()> {
    conn.execute_batch("VACUUM")?;
    if let Some(path) = conn.path().filter(|p| !p.is_empty()) {
        let month_start = local_date
            .with_day(1)
            .unwrap_or(local_date)
            .and_time(chrono::NaiveTime::MIN)
            .and_utc();
        let at = std::time::UNIX_EPOCH + Duration::from_secs(month_start.timestamp().max(0) as u64);
        if let Err(e) = std::fs::File::options()
            .write(true)
            .open(path)
            .and_then(|f| f.set_modified(at))
        {
            tracing::warn!(error = %e, "could not reset the survey file's time");
        }
    }
    Ok(())
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
        db.store_survey_response(day, &a).unwrap();
        let file = path_beside(&dir.path().join("k.db"));
        let modified: chrono::DateTime<chrono::Utc> = std::fs::metadata(&file).unwrap().modified().unwrap().into();
        assert_eq!(
            modified.to_rfc3339(),
            "2026-11-01T00:00:00+00:00",
            "the file says only the month"
        );
        db.store_survey_response(day.succ_opt().unwrap(), &answers(&[("miss", Answer::Yes)]))
            .unwrap();
        let (id, month, json): (i64, String, String) = db
            .survey_conn()
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
        let conn = db.survey_conn();
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
    fn responses_of_an_earlier_version_move_to_their_own_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k.sqlite3");
        drop(Db::open(&path).unwrap());
        {
            let main = Connection::open(&path).unwrap();
            main.execute(
                "INSERT INTO survey_responses (id, month, answers) VALUES (5, '2026-10', '{\"rely\":\"no\"}')",
                [],
            )
            .unwrap();
        }
        let db = Db::open(&path).unwrap();
        let moved = db.survey_responses_by_month().unwrap();
        assert_eq!(moved["2026-10"].len(), 1);
        let left: i64 = db
            .conn()
            .query_row("SELECT COUNT(*) FROM survey_responses", [], |r| r.get(0))
            .unwrap();
        assert_eq!(left, 0);
        assert!(path_beside(&path).exists());
        assert!(!std::fs::read(&path).unwrap().windows(8).any(|w| w == b"\"rely\":\""));
    }

    #[test]
    fn random_ids_are_positive() {
        assert!((0..1000).map(|_| random_id()).all(|id| id > 0));
    }
}
