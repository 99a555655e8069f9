//! Numbered schema migrations. The database's `user_version` says how many have run; each new
//! version of the kiosk only ever appends to this list, so an upgrade never touches old data.

use rusqlite::Connection;

use super::{DbError, DbResult};

const MIGRATIONS: &[&str] = &[
    // 1: check-ins (anonymous: the hour and the answers, nothing else), bookings, staff.
    r#"
    CREATE TABLE checkins (
        id INTEGER PRIMARY KEY,
        hour TEXT NOT NULL,             -- local time rounded down to the hour: 2026-11-26T12:00
        first_visit INTEGER             -- 1 yes, 0 no, NULL not answered
    );
    CREATE INDEX checkins_hour ON checkins(hour);

    CREATE TABLE bookings (
        id INTEGER PRIMARY KEY,
        session TEXT NOT NULL,          -- activity id @ local start, e.g. samtalsgrupp@2026-11-30T14:00
        activity TEXT NOT NULL,
        starts_at TEXT NOT NULL,        -- RFC 3339 with offset
        name TEXT,                      -- first name or nickname; NULL once purged
        name_key TEXT,                  -- lower-cased name, for "one booking per name"; NULL once purged
        phone TEXT,
        code TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
        attended INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        purged INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX bookings_session ON bookings(session, status);
    CREATE UNIQUE INDEX bookings_one_per_name ON bookings(session, name_key)
        WHERE status IN ('confirmed', 'waitlisted') AND name_key IS NOT NULL;

    CREATE TABLE staff (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        password_hash TEXT NOT NULL
    );
    CREATE TABLE staff_sessions (
        token_hash TEXT PRIMARY KEY,
        csrf TEXT NOT NULL,
        expires_at INTEGER NOT NULL
    );
    CREATE TABLE login_failures (
        at INTEGER NOT NULL
    );
    "#,
    // 2: residents' suggestions for the bulletin board, and the anonymous loneliness survey.
    r#"
    CREATE TABLE suggestions (
        id INTEGER PRIMARY KEY,
        received_at TEXT NOT NULL,      -- local date and time, 2026-11-26T14:05
        via TEXT NOT NULL CHECK (via IN ('kiosk', 'web')),
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        when_text TEXT,
        where_text TEXT,
        interests TEXT NOT NULL DEFAULT '[]',   -- JSON array of interest words
        author TEXT NOT NULL,           -- first name or nickname
        contact TEXT,                   -- for staff only, never exported; NULL once purged
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
        decided_at TEXT,
        exported_as TEXT                -- the file name export-board wrote
    );
    CREATE INDEX suggestions_status ON suggestions(status);

    CREATE TABLE survey_responses (
        id INTEGER PRIMARY KEY,         -- random, so that rows keep no order of arrival
        month TEXT NOT NULL,            -- 2026-11: the only time kept, so no answer can be matched to a check-in
        answers TEXT NOT NULL           -- JSON object: item id -> "yes" | "more_or_less" | "no"; skipped items absent
    );
    CREATE INDEX survey_month ON survey_responses(month);
    "#,
    // 3: failed staff logins by the network they came from, so that a daemon on the internet
    // (the website's inbox) cannot be locked for staff by anyone guessing from elsewhere.
    r#"
    ALTER TABLE login_failures ADD COLUMN network TEXT;
    "#,
    // 4: who staff must phone: a place given from the waiting list (when), and whether staff
    // have called about it (when, and about what, so a later change is a new call).
    r#"
    ALTER TABLE bookings ADD COLUMN moved_up_at TEXT;
    ALTER TABLE bookings ADD COLUMN called_at TEXT;
    ALTER TABLE bookings ADD COLUMN called_about TEXT;
    "#,
    // 5: the text messages to send, each once per event (confirmation, reminder, a place from
    // the queue, a cancelled meeting), kept until sent or given up, across restarts.
    r#"
    CREATE TABLE sms_outbox (
        id INTEGER PRIMARY KEY,
        event TEXT NOT NULL UNIQUE,     -- what it is about, e.g. reminder:K7M2P9QX4TRA; kept after
                                        -- the purge, so that an event is never texted twice
        code TEXT NOT NULL,             -- the booking's code: a message goes only while it is active
        valid_until INTEGER NOT NULL,   -- Unix seconds: the meeting's start; not sent after it
        phone TEXT NOT NULL,            -- +46701234567; '' once purged
        body TEXT NOT NULL,             -- '' once purged
        state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'uncertain', 'expired')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_at INTEGER NOT NULL,       -- Unix seconds: not before
        created_at INTEGER NOT NULL,
        sent_at INTEGER,
        last_error TEXT
    );
    CREATE INDEX sms_outbox_due ON sms_outbox(state, next_at);
    "#,
    // 6: booking from home. At the inbox: requests and their state, with the name and phone
    // only until the café's kiosk has them. At the kiosk: which booking a request became, so a
    // request is booked once however often it is pulled.
    r#"
    CREATE TABLE booking_requests (
        id TEXT PRIMARY KEY,            -- random: the request's id between inbox and kiosk
        token_hash TEXT NOT NULL UNIQUE, -- SHA-256 (hex) of the status link's token
        session TEXT NOT NULL,          -- activity@local start
        name TEXT,                      -- NULL once the kiosk has the request
        phone TEXT,
        state TEXT NOT NULL CHECK (state IN ('pending', 'confirmed', 'waitlisted', 'refused', 'cancel_requested', 'cancelled')),
        code TEXT,                      -- the booking's cancel code, as shown
        reason TEXT,                    -- why it was refused
        created_at INTEGER NOT NULL,    -- Unix seconds
        updated_at INTEGER NOT NULL
    );
    CREATE INDEX booking_requests_state ON booking_requests(state);
    ALTER TABLE bookings ADD COLUMN request_id TEXT;
    CREATE UNIQUE INDEX bookings_request ON bookings(request_id) WHERE request_id IS NOT NULL;
    "#,
];

/// Brings the database up to the newest schema, each step in its own transaction.
pub fn run(conn: &mut Connection) -> DbResult<()> {
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let known = MIGRATIONS.len() as i64;
    if current > known {
        return Err(DbError::TooNew { found: current, known });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}
