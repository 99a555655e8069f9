//! The text-message outbox. Each message belongs to an event (`reminder:<code>` …) that can be
//! queued only once, so a message is never queued twice. Sending marks it `sending` in its own
//! transaction before the gateway is asked: if the daemon dies before the answer is recorded, the
//! message becomes `uncertain` at the next start and is never sent again (staff see it), since
//! a second text is worse than a phone call.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::{Db, DbResult};

/// One message.
#[derive(Debug, Clone, Serialize)]
pub struct Message {
    /// Row id.
    pub id: i64,
    /// What it is about.
    pub event: String,
    /// To, in E.164.
    pub phone: String,
    /// The text.
    pub body: String,
    /// queued, sending, sent, failed or uncertain.
    pub state: String,
    /// Sends tried.
    pub attempts: u32,
    /// The last error, if any.
    pub last_error: Option<String>,
}

fn message(r: &rusqlite::Row<'_>) -> rusqlite::Result<Message> {
    Ok(Message {
        id: r.get(0)?,
        event: r.get(1)?,
        phone: r.get(2)?,
        body: r.get(3)?,
        state: r.get(4)?,
        attempts: r.get(5)?,
        last_error: r.get(6)?,
    })
}

const COLUMNS: &str = "id, event, phone, body, state, attempts, last_error";

impl Db {
    /// Queues a message for an event; false when the event already has one.
    pub fn queue_sms(&self, event: &str, phone: &str, body: &str, now: i64) -> DbResult<bool> {
        Ok(self.conn().execute(
            "INSERT OR IGNORE INTO sms_outbox (event, phone, body, state, next_at, created_at)
             VALUES (?1, ?2, ?3, 'queued', ?4, ?4)",
            params![event, phone, body, now],
        )? == 1)
    }

    /// Takes the next message that is due and marks it `sending`, in one transaction.
    pub fn take_due_sms(&self, now: i64) -> DbResult<Option<Message>> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let found = tx
            .query_row(
                &format!("SELECT {COLUMNS} FROM sms_outbox WHERE state = 'queued' AND next_at <= ?1 ORDER BY next_at, id LIMIT 1"),
                params![now],
                message,
            )
            .optional()?;
        if let Some(m) = &found {
            tx.execute(
                "UPDATE sms_outbox SET state = 'sending', attempts = attempts + 1 WHERE id = ?1",
                params![m.id],
            )?;
        }
        tx.commit()?;
        Ok(found)
    }

    /// Records that the gateway took the message.
    pub fn sms_sent(&self, id: i64, now: i64) -> DbResult<()> {
        self.conn().execute(
            "UPDATE sms_outbox SET state = 'sent', sent_at = ?2, last_error = NULL WHERE id = ?1",
            params![id, now],
        )?;
        Ok(())
    }

    /// Records a failed send: tried again at `retry_at`, or given up when that is none.
    pub fn sms_failed(&self, id: i64, error: &str, retry_at: Option<i64>) -> DbResult<()> {
        match retry_at {
            Some(at) => self.conn().execute(
                "UPDATE sms_outbox SET state = 'queued', next_at = ?2, last_error = ?3 WHERE id = ?1",
                params![id, at, error],
            )?,
            None => self.conn().execute(
                "UPDATE sms_outbox SET state = 'failed', last_error = ?2 WHERE id = ?1",
                params![id, error],
            )?,
        };
        Ok(())
    }

    /// At start: a message left `sending` may have gone out; it is never sent again.
    pub fn sms_mark_uncertain(&self) -> DbResult<usize> {
        Ok(self.conn().execute(
            "UPDATE sms_outbox SET state = 'uncertain', last_error = 'the daemon stopped while sending'
             WHERE state = 'sending'",
            [],
        )?)
    }

    /// Messages that did not certainly reach the gateway: staff call instead.
    pub fn sms_problems(&self) -> DbResult<Vec<Message>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(&format!(
            "SELECT {COLUMNS} FROM sms_outbox WHERE state IN ('failed', 'uncertain') ORDER BY created_at"
        ))?;
        let rows = stmt.query_map([], message)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Forgets messages (numbers and texts) older than `before` (Unix seconds).
    pub fn purge_sms_before(&self, before: i64) -> DbResult<usize> {
        Ok(self
            .conn()
            .execute("DELETE FROM sms_outbox WHERE created_at < ?1", params![before])?)
    }
}
