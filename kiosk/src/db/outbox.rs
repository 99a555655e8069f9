//! The text-message outbox. Each message belongs to an event (`reminder:<code>` …) that can be
//! queued only once, so a message is never queued twice; the purge blanks the number and text but
//! keeps the event. Sending marks it `sending` in its own transaction before the gateway is asked:
//! if the daemon dies before the answer is recorded, the message becomes `uncertain` at the next
//! start and is never sent again (staff see it), since a second text is worse than a phone call.
//! A message goes only while its booking is active and before its meeting starts.

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

/// Messages one number may be sent in a day.
pub const PER_NUMBER_A_DAY: i64 = 10;

/// A message to queue.
#[derive(Debug, Clone)]
pub struct NewSms<'a> {
    /// What it is about (`reminder:<code>`): one message per event, ever.
    pub event: &'a str,
    /// The booking's code, as stored.
    pub code: &'a str,
    /// The meeting's start (Unix seconds): not sent after it.
    pub valid_until: i64,
    /// To, in E.164.
    pub phone: &'a str,
    /// The text.
    pub body: &'a str,
}

impl Db {
    /// Queues a message for an event about the booking with `code` (stored form), to be sent
    /// before `valid_until`; false when the event already has one, or when `phone` has had
    /// [`PER_NUMBER_A_DAY`] messages in the last day (so nobody can be flooded through the kiosk).
    pub fn queue_sms(&self, msg: &NewSms<'_>, now: i64) -> DbResult<bool> {
        let conn = self.conn();
        let recent: i64 = conn.query_row(
            "SELECT COUNT(*) FROM sms_outbox WHERE phone = ?1 AND created_at > ?2",
            params![msg.phone, now - 86_400],
            |r| r.get(0),
        )?;
        if recent >= PER_NUMBER_A_DAY {
            tracing::warn!("text message not queued: too many to one number today");
            return Ok(false);
        }
        Ok(conn.execute(
            "INSERT OR IGNORE INTO sms_outbox (event, code, valid_until, phone, body, state, next_at, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, 'queued', ?6, ?6)",
            params![msg.event, msg.code, msg.valid_until, msg.phone, msg.body, now],
        )? == 1)
    }

    /// Takes the next message that is due and marks it `sending`, in one transaction. Messages
    /// whose meeting has started or whose booking is no longer active expire first.
    pub fn take_due_sms(&self, now: i64) -> DbResult<Option<Message>> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.execute(
            "UPDATE sms_outbox SET state = 'expired' WHERE state = 'queued' AND (valid_until <= ?1
             OR NOT EXISTS (SELECT 1 FROM bookings b WHERE b.code = sms_outbox.code AND b.status IN ('confirmed', 'waitlisted')))",
            params![now],
        )?;
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

    /// Records that a message may have been sent: it is never sent again, and staff see it.
    pub fn sms_uncertain(&self, id: i64, error: &str) -> DbResult<()> {
        self.conn().execute(
            "UPDATE sms_outbox SET state = 'uncertain', last_error = ?2 WHERE id = ?1",
            params![id, error],
        )?;
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
            "SELECT {COLUMNS} FROM sms_outbox WHERE state IN ('failed', 'uncertain') AND phone <> '' ORDER BY created_at"
        ))?;
        let rows = stmt.query_map([], message)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Forgets the numbers and texts of messages queued before `before` (Unix seconds); the
    /// events stay, so none is texted again.
    pub fn purge_sms_before(&self, before: i64) -> DbResult<usize> {
        Ok(self.conn().execute(
            "UPDATE sms_outbox SET phone = '', body = '', state = CASE WHEN state IN ('queued', 'sending') THEN 'expired' ELSE state END
             WHERE created_at < ?1 AND (phone <> '' OR body <> '')",
            params![before],
        )?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::bookings::{BookOutcome, BookingRequest, normalize_code};

    fn db() -> (tempfile::TempDir, Db) {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("k.sqlite3")).unwrap();
        (dir, db)
    }

    fn booked(db: &Db) -> String {
        let req = BookingRequest {
            session: "grupp@2026-12-03T14:00",
            activity: "grupp",
            starts_at: "2026-12-03T14:00:00+01:00",
            capacity: 5,
            waitlist: false,
            name: "Anna",
            phone: Some("070-111 11 11"),
            request: None,
        };
        let BookOutcome::Confirmed { code } = db.book(&req).wait().unwrap() else {
            panic!("a place")
        };
        normalize_code(&code)
    }

    fn sms<'a>(event: &'a str, code: &'a str) -> NewSms<'a> {
        NewSms {
            event,
            code,
            valid_until: 2_000_000_000,
            phone: "+46701111111",
            body: "Du har en plats.",
        }
    }

    #[test]
    fn an_event_is_texted_once_even_after_the_purge() {
        let (_dir, db) = db();
        let code = booked(&db);
        assert!(db.queue_sms(&sms("booked:X", &code), 100).unwrap());
        assert!(!db.queue_sms(&sms("booked:X", &code), 101).unwrap(), "once per event");
        let m = db.take_due_sms(200).unwrap().expect("due");
        db.sms_sent(m.id, 201).unwrap();
        assert_eq!(db.purge_sms_before(1_000).unwrap(), 1);
        assert!(
            !db.queue_sms(&sms("booked:X", &code), 1_001).unwrap(),
            "the purge keeps the event"
        );
        let conn = db.conn();
        let (phone, body): (String, String) = conn
            .query_row("SELECT phone, body FROM sms_outbox", [], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap();
        assert_eq!(
            (phone.as_str(), body.as_str()),
            ("", ""),
            "the number and text are gone"
        );
        let secure: i64 = conn.query_row("PRAGMA secure_delete", [], |r| r.get(0)).unwrap();
        assert_eq!(secure, 1, "and overwritten in the file, not left in free pages");
    }

    #[test]
    fn a_message_expires_when_its_booking_is_cancelled_or_its_meeting_has_begun() {
        let (_dir, db) = db();
        let code = booked(&db);
        db.queue_sms(&sms("reminder:X", &code), 100).unwrap();
        let mut late = sms("late:X", &code);
        late.valid_until = 150;
        db.queue_sms(&late, 100).unwrap();
        assert!(db.cancel(&code).unwrap());
        assert!(
            db.take_due_sms(200).unwrap().is_none(),
            "nothing goes for a cancelled booking"
        );
        let states: Vec<String> = {
            let conn = db.conn();
            let mut stmt = conn.prepare("SELECT state FROM sms_outbox ORDER BY id").unwrap();
            stmt.query_map([], |r| r.get(0))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap()
        };
        assert_eq!(states, ["expired", "expired"]);
    }

    #[test]
    fn one_number_gets_at_most_ten_a_day() {
        let (_dir, db) = db();
        let code = booked(&db);
        for i in 0..PER_NUMBER_A_DAY {
            assert!(db.queue_sms(&sms(&format!("e{i}"), &code), 100).unwrap());
        }
        assert!(!db.queue_sms(&sms("one-more", &code), 100).unwrap());
        assert!(db.queue_sms(&sms("next-day", &code), 100 + 86_401).unwrap());
    }
}
