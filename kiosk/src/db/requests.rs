//! Booking from home, at the website's inbox: a resident's request is stored here, never a
//! place. The café's kiosk (which counts the places) pulls the pending ones and pushes back what
//! became of each; the resident follows it on a personal status page. The name and phone are
//! deleted here as soon as the kiosk has answered.

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{Db, DbResult, random_code};

/// The characters of request ids and status-link tokens.
const TOKEN_ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyz23456789";

/// One request as the inbox keeps it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Request {
    /// Random id, shared with the kiosk.
    pub id: String,
    /// `activity@local start`.
    pub session: String,
    /// Until the kiosk has answered.
    pub name: Option<String>,
    /// Until the kiosk has answered.
    pub phone: Option<String>,
    /// pending, confirmed, waitlisted, refused, cancel_requested or cancelled.
    pub state: String,
    /// The booking's cancel code, once booked.
    pub code: Option<String>,
    /// Why it was refused.
    pub reason: Option<String>,
    /// When it came (Unix seconds).
    pub created_at: i64,
}

fn request(r: &rusqlite::Row<'_>) -> rusqlite::Result<Request> {
    Ok(Request {
        id: r.get(0)?,
        session: r.get(1)?,
        name: r.get(2)?,
        phone: r.get(3)?,
        state: r.get(4)?,
        code: r.get(5)?,
        reason: r.get(6)?,
        created_at: r.get(7)?,
    })
}

const COLUMNS: &str = "id, session, name, phone, state, code, reason, created_at";

/// The SHA-256 of a status link's token, as stored: the link itself is never kept.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// How a resident names their request: the status link's token, or the booking's code once
/// the kiosk has booked it (typed in "Min bokning").
#[derive(Debug, Clone, Copy)]
pub enum RequestKey<'a> {
    /// The token in the status link.
    Token(&'a str),
    /// The cancel code, as typed (any case, with or without dashes).
    Code(&'a str),
}

impl RequestKey<'_> {
    /// The condition on `booking_requests` and its one parameter.
    fn condition(self) -> (&'static str, String) {
        match self {
            Self::Token(t) => ("token_hash = ?1", token_hash(t)),
            // Codes are stored as shown (K7M2-P9QX-4TRA); a typed code may differ in case and dashes.
            Self::Code(c) => (
                "code IS NOT NULL AND replace(upper(code), '-', '') = ?1",
                super::bookings::normalize_code(c),
            ),
        }
    }
}

/// The states the kiosk may report.
pub const OUTCOMES: [&str; 4] = ["confirmed", "waitlisted", "refused", "cancelled"];

fn find(conn: &rusqlite::Connection, key: RequestKey<'_>) -> DbResult<Option<Request>> {
    let (condition, value) = key.condition();
    if value.is_empty() {
        return Ok(None);
    }
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM booking_requests WHERE {condition}"),
            params![value],
            request,
        )
        .optional()?)
}

impl Db {
    /// Stores a request; returns its id and the token of its status link.
    pub fn create_request(
        &self,
        session: &str,
        name: &str,
        phone: Option<&str>,
        now: i64,
    ) -> DbResult<(String, String)> {
        let id = random_code(20, TOKEN_ALPHABET);
        let token = random_code(32, TOKEN_ALPHABET);
        self.conn().execute(
            "INSERT INTO booking_requests (id, token_hash, session, name, phone, state, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, 'pending', ?6, ?6)",
            params![id, token_hash(&token), session, name, phone, now],
        )?;
        Ok((id, token))
    }

    /// The request a status link's token or a booking's code belongs to.
    pub fn request(&self, key: RequestKey<'_>) -> DbResult<Option<Request>> {
        find(&self.conn(), key)
    }

    /// What the kiosk has to do: requests to book and requests to cancel, oldest first.
    pub fn open_requests(&self) -> DbResult<Vec<Request>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(&format!(
            "SELECT {COLUMNS} FROM booking_requests WHERE state IN ('pending', 'cancel_requested') ORDER BY created_at, id"
        ))?;
        let rows = stmt.query_map([], request)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Records what the kiosk made of a request and forgets the name and phone. Repeating the
    /// same answer changes nothing; false when the request is unknown. A place given to a
    /// request the resident cancelled meanwhile (while the kiosk was booking it) is not shown as
    /// theirs: the request goes back to the kiosk to be cancelled.
    pub fn answer_request(
        &self,
        id: &str,
        state: &str,
        code: Option<&str>,
        reason: Option<&str>,
        now: i64,
    ) -> DbResult<bool> {
        Ok(self.conn().execute(
            "UPDATE booking_requests SET
               state = CASE WHEN ?2 IN ('confirmed', 'waitlisted') AND state IN ('cancel_requested', 'cancelled')
                            THEN 'cancel_requested' ELSE ?2 END,
               code = COALESCE(?3, code), reason = ?4, name = NULL, phone = NULL, updated_at = ?5
             WHERE id = ?1",
            params![id, state, code, reason, now],
        )? == 1)
    }

    /// The resident asks to cancel: a request not yet booked is cancelled at once; a booked one
    /// waits for the kiosk. Returns the request as it now is, or none for an unknown key.
    pub fn cancel_request(&self, key: RequestKey<'_>, now: i64) -> DbResult<Option<Request>> {
        // One lock for the reading and the writing: the kiosk's answer cannot come in between.
        let conn = self.conn();
        let Some(found) = find(&conn, key)? else {
            return Ok(None);
        };
        let next = match found.state.as_str() {
            "pending" => "cancelled",
            "confirmed" | "waitlisted" => "cancel_requested",
            other => other,
        };
        conn.execute(
            "UPDATE booking_requests SET state = ?2, updated_at = ?3,
             name = CASE WHEN ?2 = 'cancelled' THEN NULL ELSE name END,
             phone = CASE WHEN ?2 = 'cancelled' THEN NULL ELSE phone END
             WHERE id = ?1",
            params![found.id, next, now],
        )?;
        Ok(Some(Request {
            state: next.to_string(),
            ..found
        }))
    }

    /// Forgets requests (and their status links) older than `before`.
    pub fn purge_requests_before(&self, before: i64) -> DbResult<usize> {
        Ok(self
            .conn()
            .execute("DELETE FROM booking_requests WHERE created_at < ?1", params![before])?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn db() -> (tempfile::TempDir, Db) {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("k.sqlite3")).unwrap();
        (dir, db)
    }

    #[test]
    fn a_code_finds_its_request_in_any_case_and_without_dashes() {
        let (_dir, db) = db();
        let (id, token) = db.create_request("grupp@2026-12-10T14:00", "Astrid", None, 1).unwrap();
        assert!(
            db.request(RequestKey::Code("K7M2-P9QX-4TRA")).unwrap().is_none(),
            "no code before the kiosk answers"
        );
        db.answer_request(&id, "confirmed", Some("K7M2-P9QX-4TRA"), None, 2)
            .unwrap();
        let found = db.request(RequestKey::Code(" k7m2p9qx4tra ")).unwrap().unwrap();
        assert_eq!((found.id.as_str(), found.state.as_str()), (id.as_str(), "confirmed"));
        assert_eq!(db.request(RequestKey::Token(&token)).unwrap().unwrap().id, id);
        assert!(db.request(RequestKey::Code("K7M2-P9QX-4TRB")).unwrap().is_none());
        assert!(
            db.request(RequestKey::Code("--")).unwrap().is_none(),
            "an empty code matches nothing"
        );
    }

    #[test]
    fn a_place_given_after_the_resident_cancelled_goes_back_to_be_cancelled() {
        let (_dir, db) = db();
        let (id, token) = db.create_request("grupp@2026-12-10T14:00", "Astrid", None, 1).unwrap();
        // The kiosk has fetched the request and is booking it when the resident cancels.
        let cancelled = db.cancel_request(RequestKey::Token(&token), 2).unwrap().unwrap();
        assert_eq!(cancelled.state, "cancelled");
        db.answer_request(&id, "confirmed", Some("K7M2-P9QX-4TRA"), None, 3)
            .unwrap();
        let now = db.request(RequestKey::Token(&token)).unwrap().unwrap();
        assert_eq!(now.state, "cancel_requested", "the kiosk is asked to cancel the place");
        assert_eq!(db.open_requests().unwrap().len(), 1);
        db.answer_request(&id, "cancelled", Some("K7M2-P9QX-4TRA"), None, 4)
            .unwrap();
        assert_eq!(
            db.request(RequestKey::Token(&token)).unwrap().unwrap().state,
            "cancelled"
        );
        assert!(db.open_requests().unwrap().is_empty());
    }
}
