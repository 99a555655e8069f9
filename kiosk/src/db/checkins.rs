//! Anonymous check-ins and their counts.

use chrono::{NaiveDate, NaiveDateTime, Timelike};
use rusqlite::params;
use serde::Serialize;

use super::group::Pending;
use super::{Db, DbResult};

/// One row of counts.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Count {
    /// `2026-11-26` or `2026-11-26T12:00`.
    pub key: String,
    /// Check-ins.
    pub visits: i64,
    /// Of which first visits.
    pub first_visits: i64,
}

impl Db {
    /// Records a check-in at `at` (local time, rounded down to the hour); its id comes once it
    /// is on disk (in a group commit with the check-ins and bookings that arrived meanwhile).
    pub fn check_in(&self, at: NaiveDateTime, first_visit: Option<bool>) -> Pending<i64> {
        let hour = at
            .with_minute(0)
            .and_then(|t| t.with_second(0))
            .unwrap_or(at)
            .format("%Y-%m-%dT%H:00")
            .to_string();
        self.grouped(move |conn| {
            conn.prepare_cached("INSERT INTO checkins (hour, first_visit) VALUES (?1, ?2)")?
                .execute(params![hour, first_visit])?;
            Ok(conn.last_insert_rowid())
        })
    }

    /// Records the answer to "first time here?" for a check-in made moments ago.
    pub fn answer_first_visit(&self, id: i64, first_visit: bool) -> DbResult<bool> {
        let n = self.conn().execute(
            "UPDATE checkins SET first_visit = ?2 WHERE id = ?1 AND first_visit IS NULL",
            params![id, first_visit],
        )?;
        Ok(n == 1)
    }

    /// Check-ins per hour between two dates (inclusive).
    pub fn checkins_by_hour(&self, from: NaiveDate, to: NaiveDate) -> DbResult<Vec<Count>> {
        self.counts("hour", from, to)
    }

    /// Check-ins per day between two dates (inclusive).
    pub fn checkins_by_day(&self, from: NaiveDate, to: NaiveDate) -> DbResult<Vec<Count>> {
        self.counts("substr(hour, 1, 10)", from, to)
    }

    fn counts(&self, key: &str, from: NaiveDate, to: NaiveDate) -> DbResult<Vec<Count>> {
        let conn = self.conn();
        let sql = format!(
            "SELECT {key} AS k, COUNT(*), COALESCE(SUM(first_visit = 1), 0) FROM checkins
             WHERE hour >= ?1 AND hour < ?2 GROUP BY k ORDER BY k"
        );
        let mut stmt = conn.prepare(&sql)?;
        let next = to.succ_opt().unwrap_or(to);
        let rows = stmt.query_map(params![from.to_string(), next.to_string()], |r| {
            Ok(Count {
                key: r.get(0)?,
                visits: r.get(1)?,
                first_visits: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
