//! Bookings of places in bookable activities, with a waiting list. Counting and inserting happen
//! in one IMMEDIATE transaction (a booking's savepoint inside a group commit, where the group's
//! bookings run one after the other), so two visitors can never take the last place at once.

use rusqlite::{OptionalExtension, TransactionBehavior, params};
use serde::Serialize;

use super::group::Pending;
use super::{Db, DbResult, random_code};

/// Letters for cancellation codes: no 0/O or 1/I/L, which are easy to mix up on a screen.
pub const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/// Characters in a cancellation code: 31¹² ≈ 2⁵⁹ codes, so that guessing one at the daemon's
/// full speed for a year (~15,000 a second) finds a booking with a chance of about one in a
/// thousand even with a thousand bookings open, before any limit on wrong codes.
pub const CODE_LEN: usize = 12;

/// A code as typed or read aloud (`k7m2 p9qx-4tra`) in the form it is stored (`K7M2P9QX4TRA`):
/// case, spaces and dashes do not matter. Codes of the past (five characters) keep working.
pub fn normalize_code(typed: &str) -> String {
    typed
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// A stored code as people see it, in groups of four: `K7M2-P9QX-4TRA`.
pub fn display_code(code: &str) -> String {
    if code.len() != CODE_LEN || !code.is_ascii() {
        return code.to_string();
    }
    code.as_bytes()
        .chunks(4)
        .map(|g| String::from_utf8_lossy(g))
        .collect::<Vec<_>>()
        .join("-")
}

/// What a booking attempt became.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "lowercase")]
pub enum BookOutcome {
    /// A place is booked; the code cancels it.
    Confirmed {
        /// Cancellation code.
        code: String,
    },
    /// On the waiting list.
    Waitlisted {
        /// Cancellation code.
        code: String,
    },
    /// Full, and the activity keeps no waiting list.
    Full,
    /// This name already has a booking for this occurrence.
    AlreadyBooked,
}

/// What to book.
#[derive(Debug, Clone)]
pub struct BookingRequest<'a> {
    /// Session id (`activity@start`).
    pub session: &'a str,
    /// Activity id.
    pub activity: &'a str,
    /// Start as RFC 3339.
    pub starts_at: &'a str,
    /// Places.
    pub capacity: u32,
    /// Whether a waiting list is kept.
    pub waitlist: bool,
    /// First name or nickname.
    pub name: &'a str,
    /// Phone number, optional.
    pub phone: Option<&'a str>,
    /// The home-booking request this booking answers, if any: one booking per request, ever.
    pub request: Option<&'a str>,
}

/// A booking as staff see it.
#[derive(Debug, Clone, Serialize)]
pub struct Booking {
    /// Row id.
    pub id: i64,
    /// Session id.
    pub session: String,
    /// Name, or none once purged.
    pub name: Option<String>,
    /// Phone, or none.
    pub phone: Option<String>,
    /// Cancellation code.
    pub code: String,
    /// confirmed, waitlisted or cancelled.
    pub status: String,
    /// Whether staff marked them as there.
    pub attended: bool,
}

/// Places taken for one session.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Taken {
    /// Confirmed bookings.
    pub booked: u32,
    /// On the waiting list.
    pub waitlisted: u32,
}

/// The columns [`booking`] reads, in its order.
const BOOKING_COLUMNS: &str = "id, session, name, phone, code, status, attended";

/// A booking from a row that starts with [`BOOKING_COLUMNS`].
fn booking(r: &rusqlite::Row<'_>) -> rusqlite::Result<Booking> {
    Ok(Booking {
        id: r.get(0)?,
        session: r.get(1)?,
        name: r.get(2)?,
        phone: r.get(3)?,
        code: display_code(&r.get::<_, String>(4)?),
        status: r.get(5)?,
        attended: r.get(6)?,
    })
}

impl Db {
    /// Books a place, or a place on the waiting list, or reports that there is none.
    pub fn book(&self, req: &BookingRequest<'_>) -> Pending<BookOutcome> {
        let req = OwnedRequest {
            session: req.session.to_string(),
            activity: req.activity.to_string(),
            starts_at: req.starts_at.to_string(),
            name: req.name.to_string(),
            phone: req.phone.map(str::to_string),
            request: req.request.map(str::to_string),
            capacity: req.capacity,
            waitlist: req.waitlist,
        };
        self.grouped(move |tx| book_in(tx, &req))
    }

    /// Cancels a booking by its code. A freed place goes to the first on the waiting list.
    /// Returns false when no active booking has that code.
    pub fn cancel(&self, code: &str) -> DbResult<bool> {
        let code = normalize_code(code);
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let found: Option<(String, String)> = tx
            .query_row(
                "SELECT session, status FROM bookings WHERE code = ?1 AND status IN ('confirmed', 'waitlisted')",
                params![code],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((session, status)) = found else {
            return Ok(false);
        };
        tx.execute(
            "UPDATE bookings SET status = 'cancelled' WHERE code = ?1",
            params![code],
        )?;
        if status == "confirmed" {
            tx.execute(
                "UPDATE bookings SET status = 'confirmed', moved_up_at = datetime('now') WHERE id =
                 (SELECT id FROM bookings WHERE session = ?1 AND status = 'waitlisted' ORDER BY id LIMIT 1)",
                params![session],
            )?;
        }
        tx.commit()?;
        Ok(true)
    }

    /// Gives free places of `session` to the first in its queue, in order, while fewer than
    /// `capacity` have one (the content raised the capacity). Returns how many moved up; they
    /// are on staff's "Att ringa" and are texted like any place from the queue.
    pub fn fill_from_queue(&self, session: &str, capacity: u32) -> DbResult<usize> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let booked: u32 = tx.query_row(
            "SELECT COUNT(*) FROM bookings WHERE session = ?1 AND status = 'confirmed'",
            params![session],
            |r| r.get(0),
        )?;
        let free = capacity.saturating_sub(booked);
        let moved = if free == 0 {
            0
        } else {
            tx.execute(
                "UPDATE bookings SET status = 'confirmed', moved_up_at = datetime('now') WHERE id IN
                 (SELECT id FROM bookings WHERE session = ?1 AND status = 'waitlisted' ORDER BY id LIMIT ?2)",
                params![session, free],
            )?
        };
        tx.commit()?;
        Ok(moved)
    }

    /// Places taken per session.
    pub fn taken(&self) -> DbResult<std::collections::HashMap<String, Taken>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT session, SUM(status = 'confirmed'), SUM(status = 'waitlisted') FROM bookings
             WHERE status IN ('confirmed', 'waitlisted') GROUP BY session",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                Taken {
                    booked: r.get(1)?,
                    waitlisted: r.get(2)?,
                },
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The bookings of one session, in booking order.
    pub fn bookings_of(&self, session: &str) -> DbResult<Vec<Booking>> {
        self.booking_rows("WHERE session = ?1 ORDER BY id", params![session])
    }

    /// Every booking whose occurrence is between two dates (inclusive), with its activity and
    /// start, for exports.
    pub fn bookings_between(&self, from: &str, to: &str) -> DbResult<Vec<(String, String, Booking)>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(&format!(
            "SELECT {BOOKING_COLUMNS}, activity, starts_at FROM bookings
             WHERE substr(starts_at, 1, 10) >= ?1 AND substr(starts_at, 1, 10) <= ?2 ORDER BY starts_at, id"
        ))?;
        let rows = stmt.query_map(params![from, to], |r| Ok((r.get(7)?, r.get(8)?, booking(r)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn booking_rows(&self, tail: &str, p: impl rusqlite::Params) -> DbResult<Vec<Booking>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(&format!("SELECT {BOOKING_COLUMNS} FROM bookings {tail}"))?;
        let rows = stmt.query_map(p, booking)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Marks a booking as attended (or not).
    pub fn set_attended(&self, id: i64, attended: bool) -> DbResult<bool> {
        Ok(self
            .conn()
            .execute("UPDATE bookings SET attended = ?2 WHERE id = ?1", params![id, attended])?
            == 1)
    }

    /// Deletes names and phone numbers of bookings whose occurrence started before `before`
    /// (RFC 3339); the bookings themselves stay, so the counts do. Returns how many were purged.
    pub fn purge_before(&self, before: &str) -> DbResult<usize> {
        Ok(self.conn().execute(
            "UPDATE bookings SET name = NULL, name_key = NULL, phone = NULL, purged = 1
             WHERE purged = 0 AND starts_at < ?1",
            params![before],
        )?)
    }
}

impl Db {
    /// The booking a home-booking request became: its code (as shown) and status.
    pub fn booking_of_request(&self, request: &str) -> DbResult<Option<(String, String)>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT code, status FROM bookings WHERE request_id = ?1",
                params![request],
                |r| Ok((display_code(&r.get::<_, String>(0)?), r.get(1)?)),
            )
            .optional()?)
    }

    /// A booking's session and status by its code.
    pub fn booking_by_code(&self, code: &str) -> DbResult<Option<(String, String)>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT session, status FROM bookings WHERE code = ?1",
                params![normalize_code(code)],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }
}

/// A booking request that can wait in a group commit's queue.
struct OwnedRequest {
    session: String,
    activity: String,
    starts_at: String,
    name: String,
    phone: Option<String>,
    request: Option<String>,
    capacity: u32,
    waitlist: bool,
}

/// Books inside the caller's transaction (see [`Db::book`]).
fn book_in(tx: &rusqlite::Connection, req: &OwnedRequest) -> DbResult<BookOutcome> {
    let key = req.name.trim().to_lowercase();
    let existing: Option<i64> = tx
        .prepare_cached(
            "SELECT id FROM bookings WHERE session = ?1 AND name_key = ?2 AND status IN ('confirmed', 'waitlisted')",
        )?
        .query_row(params![req.session, key], |r| r.get(0))
        .optional()?;
    if existing.is_some() {
        return Ok(BookOutcome::AlreadyBooked);
    }
    let booked: u32 = tx
        .prepare_cached("SELECT COUNT(*) FROM bookings WHERE session = ?1 AND status = 'confirmed'")?
        .query_row(params![req.session], |r| r.get(0))?;
    let status = if booked < req.capacity {
        "confirmed"
    } else if req.waitlist {
        "waitlisted"
    } else {
        return Ok(BookOutcome::Full);
    };
    let code = loop {
        let code = random_code(CODE_LEN, CODE_ALPHABET);
        let taken: bool = tx
            .prepare_cached("SELECT EXISTS(SELECT 1 FROM bookings WHERE code = ?1)")?
            .query_row(params![code], |r| r.get(0))?;
        if !taken {
            break code;
        }
    };
    tx.prepare_cached(
        "INSERT INTO bookings (session, activity, starts_at, name, name_key, phone, code, status, created_at, request_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, datetime('now'), ?9)",
    )?
    .execute(params![
        req.session,
        req.activity,
        req.starts_at,
        req.name.trim(),
        key,
        req.phone,
        code,
        status,
        req.request
    ])?;
    let code = display_code(&code);
    Ok(if status == "confirmed" {
        BookOutcome::Confirmed { code }
    } else {
        BookOutcome::Waitlisted { code }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(name: &str) -> BookingRequest<'_> {
        BookingRequest {
            session: "grupp@2026-12-03T14:00",
            activity: "grupp",
            starts_at: "2026-12-03T14:00:00+01:00",
            capacity: 5,
            waitlist: false,
            name,
            phone: None,
            request: None,
        }
    }

    #[test]
    fn codes_are_grouped_and_typed_any_way() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("k.sqlite3")).unwrap();
        let BookOutcome::Confirmed { code } = db.book(&request("Anna")).wait().unwrap() else {
            panic!("a place")
        };
        assert_eq!(code.len(), CODE_LEN + 2, "{code}");
        assert_eq!(display_code(&normalize_code(&code)), code);
        let typed = format!(" {} ", code.to_lowercase().replace('-', " "));
        assert_eq!(db.booking_by_code(&typed).unwrap().unwrap().1, "confirmed");
        assert!(db.cancel(&typed).unwrap());
        assert!(!db.cancel(&code).unwrap(), "cancelled once");
    }

    #[test]
    fn codes_of_the_past_keep_working() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("k.sqlite3")).unwrap();
        db.book(&request("Bertil")).wait().unwrap();
        // A booking made before codes grew: five characters.
        db.conn().execute("UPDATE bookings SET code = 'K7M2P'", []).unwrap();
        assert_eq!(db.bookings_of("grupp@2026-12-03T14:00").unwrap()[0].code, "K7M2P");
        assert!(db.cancel("k7m2p").unwrap());
    }
}
