//! Residents' suggestions for the bulletin board: received at the kiosk or from the website,
//! waiting for staff, approved (perhaps edited) or rejected, and written out by `export-board`.
//! The contact details are for staff only: no query that feeds an export reads them.

use rusqlite::{OptionalExtension, ToSql, params};
use serde::Serialize;

use super::{Db, DbResult};

/// What a resident suggests, as typed (or as edited by staff).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Draft {
    /// What to do, in a few words.
    pub title: String,
    /// More about it.
    pub body: String,
    /// When, in the resident's words.
    pub when: Option<String>,
    /// Where, in the resident's words.
    pub place: Option<String>,
    /// Interest words from the site's own.
    pub interests: Vec<String>,
    /// First name or nickname.
    pub author: String,
}

/// A stored suggestion.
#[derive(Debug, Clone, Serialize)]
pub struct Suggestion {
    /// Row id.
    pub id: i64,
    /// Local date and time received, `2026-11-26T14:05`.
    pub received_at: String,
    /// `kiosk` or `web`.
    pub via: String,
    /// The suggestion.
    pub draft: Draft,
    /// How to reach the resident: staff only, never exported.
    pub contact: Option<String>,
    /// `pending`, `approved` or `rejected`.
    pub status: String,
    /// The file `export-board` wrote it to.
    pub exported_as: Option<String>,
}

const COLUMNS: &str =
    "id, received_at, via, title, body, when_text, where_text, interests, author, contact, status, exported_as";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Suggestion> {
    let interests: String = r.get(7)?;
    Ok(Suggestion {
        id: r.get(0)?,
        received_at: r.get(1)?,
        via: r.get(2)?,
        draft: Draft {
            title: r.get(3)?,
            body: r.get(4)?,
            when: r.get(5)?,
            place: r.get(6)?,
            interests: serde_json::from_str(&interests).unwrap_or_default(),
            author: r.get(8)?,
        },
        contact: r.get(9)?,
        status: r.get(10)?,
        exported_as: r.get(11)?,
    })
}

/// A draft's columns as named parameters (`interests` is its JSON, made by the caller).
fn draft_params<'a>(d: &'a Draft, interests: &'a dyn ToSql) -> Vec<(&'static str, &'a dyn ToSql)> {
    vec![
        (":title", &d.title),
        (":body", &d.body),
        (":when_text", &d.when),
        (":where_text", &d.place),
        (":interests", interests),
        (":author", &d.author),
    ]
}

fn interests_json(d: &Draft) -> String {
    serde_json::to_string(&d.interests).unwrap_or_else(|_| "[]".into())
}

impl Db {
    /// Stores a new suggestion, waiting for staff, and returns its id once it is on disk.
    pub fn add_suggestion(&self, received_at: &str, via: &str, d: &Draft, contact: Option<&str>) -> DbResult<i64> {
        let interests = interests_json(d);
        let mut values = draft_params(d, &interests);
        values.extend([
            (":received_at", &received_at as &dyn ToSql),
            (":via", &via),
            (":contact", &contact),
        ]);
        let conn = self.conn();
        conn.execute(
            "INSERT INTO suggestions (received_at, via, title, body, when_text, where_text, interests, author, contact)
             VALUES (:received_at, :via, :title, :body, :when_text, :where_text, :interests, :author, :contact)",
            values.as_slice(),
        )?;
        Ok(conn.last_insert_rowid())
    }

    /// Suggestions with a status, oldest first.
    pub fn suggestions(&self, status: &str) -> DbResult<Vec<Suggestion>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(&format!(
            "SELECT {COLUMNS} FROM suggestions WHERE status = ?1 ORDER BY received_at, id"
        ))?;
        let rows = stmt.query_map(params![status], row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How many suggestions wait for staff.
    pub fn pending_suggestions(&self) -> DbResult<i64> {
        Ok(self
            .conn()
            .query_row("SELECT COUNT(*) FROM suggestions WHERE status = 'pending'", [], |r| {
                r.get(0)
            })?)
    }

    /// One suggestion.
    pub fn suggestion(&self, id: i64) -> DbResult<Option<Suggestion>> {
        Ok(self
            .conn()
            .query_row(
                &format!("SELECT {COLUMNS} FROM suggestions WHERE id = ?1"),
                params![id],
                row,
            )
            .optional()?)
    }

    /// Approves a waiting suggestion with staff's edits; false when it was not waiting.
    pub fn approve_suggestion(&self, id: i64, d: &Draft, decided_at: &str) -> DbResult<bool> {
        let interests = interests_json(d);
        let mut values = draft_params(d, &interests);
        values.extend([(":id", &id as &dyn ToSql), (":decided_at", &decided_at)]);
        let n = self.conn().execute(
            "UPDATE suggestions SET title = :title, body = :body, when_text = :when_text,
                 where_text = :where_text, interests = :interests, author = :author,
                 status = 'approved', decided_at = :decided_at
             WHERE id = :id AND status = 'pending'",
            values.as_slice(),
        )?;
        Ok(n == 1)
    }

    /// Rejects a waiting suggestion; false when it was not waiting.
    pub fn reject_suggestion(&self, id: i64, decided_at: &str) -> DbResult<bool> {
        let n = self.conn().execute(
            "UPDATE suggestions SET status = 'rejected', decided_at = ?2 WHERE id = ?1 AND status = 'pending'",
            params![id, decided_at],
        )?;
        Ok(n == 1)
    }

    /// Approved suggestions not yet written out, oldest first, without their contact details.
    pub fn unexported_suggestions(&self) -> DbResult<Vec<Suggestion>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(&format!(
            "SELECT {COLUMNS} FROM suggestions WHERE status = 'approved' AND exported_as IS NULL
             ORDER BY received_at, id"
        ))?;
        let rows = stmt.query_map([], |r| {
            let mut s = row(r)?;
            s.contact = None;
            Ok(s)
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Records the file a suggestion was written to.
    pub fn mark_exported(&self, id: i64, file: &str) -> DbResult<()> {
        self.conn().execute(
            "UPDATE suggestions SET exported_as = ?2 WHERE id = ?1",
            params![id, file],
        )?;
        Ok(())
    }

    /// Deletes the contact details of suggestions decided before `before` (local date and
    /// time), and rejected suggestions altogether: nothing of them is published, so nothing of
    /// them is kept. Returns how many suggestions were touched.
    pub fn purge_contacts_before(&self, before: &str) -> DbResult<usize> {
        let conn = self.conn();
        let rejected = conn.execute(
            "DELETE FROM suggestions WHERE status = 'rejected' AND decided_at < ?1",
            params![before],
        )?;
        let contacts = conn.execute(
            "UPDATE suggestions SET contact = NULL WHERE contact IS NOT NULL AND decided_at < ?1",
            params![before],
        )?;
        Ok(rejected + contacts)
    }
}
