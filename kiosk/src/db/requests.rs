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

/// The states the kiosk may report.
pub const OUTCOMES: [&str; 4] = ["confirmed", "waitlisted", "refused", "cancelled"];

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

    /// The request a status link's token belongs to.
    pub fn request_by_token(&self, token: &str) -> DbResult<Option<Request>> {
        Ok(self
            .conn()
            .query_row(
                &format!("SELECT {COLUMNS} FROM booking_requests WHERE token_hash = ?1"),
                params![token_hash(token)],
                request,
            )
            .optional()?)
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
    /// same answer changes nothing; false when the request is unknown.
    pub fn answer_request(
        &self,
        id: &str,
        state: &str,
        code: Option<&str>,
        reason: Option<&str>,
        now: i64,
    ) -> DbResult<bool> {
        Ok(self.conn().execute(
            "UPDATE booking_requests SET state = ?2, code = COALESCE(?3, code), reason = ?4, name = NULL, phone = NULL, updated_at = ?5
             WHERE id = ?1",
            params![id, state, code, reason, now],
        )? == 1)
    }

    /// The resident asks to cancel: a request not yet booked is cancelled at once; a booked one
    /// waits for the kiosk. Returns the new state, or none for an unknown token.
    pub fn cancel_request(&self, token: &str, now: i64) -> DbResult<Option<String>> {
        let conn = self.conn();
        let Some(state): Option<String> = conn
            .query_row(
                "SELECT state FROM booking_requests WHERE token_hash = ?1",
                params![token_hash(token)],
                |r| r.get(0),
            )
            .optional()?
        else {
            return Ok(None);
        };
        let next = match state.as_str() {
            "pending" => "cancelled",
            "confirmed" | "waitlisted" => "cancel_requested",
            other => other,
        };
        conn.execute(
            "UPDATE booking_requests SET state = ?2, updated_at = ?3,
             name = CASE WHEN ?2 = 'cancelled' THEN NULL ELSE name END,
             phone = CASE WHEN ?2 = 'cancelled' THEN NULL ELSE phone END
             WHERE token_hash = ?1",
            params![token_hash(token), next, now],
        )?;
        Ok(Some(next.to_string()))
    }

    /// Forgets requests (and their status links) older than `before`.
    pub fn purge_requests_before(&self, before: i64) -> DbResult<usize> {
        Ok(self
            .conn()
            .execute("DELETE FROM booking_requests WHERE created_at < ?1", params![before])?)
    }
}
