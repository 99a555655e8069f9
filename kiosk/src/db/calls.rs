//! Who staff must phone: bookings that were given a place from the waiting list, and bookings of
//! meetings that were cancelled or moved. Which meetings changed is the content's fact (the
//! web layer asks the catalogue); this module keeps when a place was given and when staff called.

use rusqlite::params;
use serde::Serialize;

use super::bookings::display_code;
use super::{Db, DbResult};

/// An active booking of a coming meeting, with what staff may need to call about.
#[derive(Debug, Clone, Serialize)]
pub struct CallRow {
    /// Row id.
    pub id: i64,
    /// Session id.
    pub session: String,
    /// Activity id.
    pub activity: String,
    /// The meeting's start, RFC 3339.
    pub starts_at: String,
    /// Name.
    pub name: Option<String>,
    /// Phone, if given.
    pub phone: Option<String>,
    /// Cancellation code, as shown.
    pub code: String,
    /// confirmed or waitlisted.
    pub status: String,
    /// When the place was given from the waiting list (UTC, `YYYY-MM-DD HH:MM:SS`).
    pub moved_up_at: Option<String>,
    /// When staff last ticked "called" (UTC).
    pub called_at: Option<String>,
    /// What that call was about (`moved_up`, `cancelled`, `moved:<date>`).
    pub called_about: Option<String>,
}

impl Db {
    /// Active bookings with a name of meetings on or after `from` (a local date, `YYYY-MM-DD`),
    /// by start.
    pub fn call_candidates(&self, from: &str) -> DbResult<Vec<CallRow>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT id, session, activity, starts_at, name, phone, code, status, moved_up_at, called_at, called_about
             FROM bookings
             WHERE status IN ('confirmed', 'waitlisted') AND purged = 0 AND substr(starts_at, 1, 10) >= ?1
             ORDER BY starts_at, id",
        )?;
        let rows = stmt.query_map(params![from], |r| {
            Ok(CallRow {
                id: r.get(0)?,
                session: r.get(1)?,
                activity: r.get(2)?,
                starts_at: r.get(3)?,
                name: r.get(4)?,
                phone: r.get(5)?,
                code: display_code(&r.get::<_, String>(6)?),
                status: r.get(7)?,
                moved_up_at: r.get(8)?,
                called_at: r.get(9)?,
                called_about: r.get(10)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Records that staff called about `about`; false when no active booking has the id.
    pub fn mark_called(&self, id: i64, about: &str) -> DbResult<bool> {
        Ok(self.conn().execute(
            "UPDATE bookings SET called_at = datetime('now'), called_about = ?2
             WHERE id = ?1 AND status IN ('confirmed', 'waitlisted')",
            params![id, about],
        )? == 1)
    }
}
