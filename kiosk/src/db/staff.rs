//! The staff password (an argon2 hash), staff sessions and the record of failed logins.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use rusqlite::{OptionalExtension, params};

use super::{Db, DbResult, random_code};

const TOKEN_ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";

/// How long a staff login lasts, in seconds.
pub const SESSION_SECONDS: i64 = 8 * 3600;

/// A staff session: the cookie token and the form token that guards every form.
#[derive(Debug, Clone)]
pub struct StaffSession {
    /// Secret sent in the cookie.
    pub token: String,
    /// Secret put in forms (CSRF).
    pub csrf: String,
}

/// Tokens are long and random, so one SHA-256 is enough to keep them out of the database.
fn hash_token(token: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Db {
    /// Sets the staff password.
    pub fn set_password(&self, password: &str) -> anyhow::Result<()> {
        let hash = Argon2::default()
            .hash_password(password.as_bytes())
            .map_err(|e| anyhow::anyhow!("hashing: {e}"))?
            .to_string();
        let conn = self.conn();
        conn.execute(
            "INSERT INTO staff (id, password_hash) VALUES (1, ?1) ON CONFLICT(id) DO UPDATE SET password_hash = excluded.password_hash",
            params![hash],
        )?;
        // A new password ends every open staff session.
        conn.execute("DELETE FROM staff_sessions", [])?;
        Ok(())
    }

    /// The key of known-device tokens: derived from the stored password hash, so that setting a
    /// new password forgets every known device. None before a password is set.
    pub fn device_key(&self) -> DbResult<Option<[u8; 32]>> {
        use sha2::{Digest, Sha256};
        let hash: Option<String> = self
            .conn()
            .query_row("SELECT password_hash FROM staff WHERE id = 1", [], |r| r.get(0))
            .optional()?;
        Ok(hash.map(|h| {
            Sha256::new()
                .chain_update(b"omtanke known device\0")
                .chain_update(h)
                .finalize()
                .into()
        }))
    }

    /// Whether a staff password has been set.
    pub fn has_password(&self) -> DbResult<bool> {
        Ok(self
            .conn()
            .query_row("SELECT EXISTS(SELECT 1 FROM staff)", [], |r| r.get(0))?)
    }

    /// Whether `password` is the staff password. Slow on purpose (argon2, about 19 MiB of
    /// memory while it runs): call it only within the login's pool of checks.
    pub fn verify_password(&self, password: &str) -> DbResult<bool> {
        let hash: Option<String> = self
            .conn()
            .query_row("SELECT password_hash FROM staff WHERE id = 1", [], |r| r.get(0))
            .optional()?;
        Ok(hash
            .as_deref()
            .and_then(|h| PasswordHash::new(h).ok())
            .is_some_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok()))
    }

    /// Reserves a login attempt from `network`: counts it as a failure before the password is
    /// checked, so that attempts arriving together are all counted, unless `decide` (given the
    /// failures from this network within `window` seconds, those from everywhere within
    /// `global_window`, and the time of this network's last failure) says no. Returns the
    /// reservation's id, or the decision's refusal.
    pub fn reserve_login<R>(
        &self,
        network: &str,
        now: i64,
        window: i64,
        global_window: i64,
        decide: impl FnOnce(i64, i64, Option<i64>) -> Result<(), R>,
    ) -> DbResult<Result<i64, R>> {
        let conn = self.conn();
        conn.execute(
            "DELETE FROM login_failures WHERE at < ?1",
            params![now - window.max(global_window)],
        )?;
        let (here, last, all): (i64, Option<i64>, i64) = conn.query_row(
            "SELECT COALESCE(SUM(network IS ?2 AND at >= ?1), 0), MAX(CASE WHEN network IS ?2 THEN at END), COUNT(*) \
             FROM login_failures WHERE at >= ?3",
            params![now - window, network, now - global_window],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        if let Err(refused) = decide(here, all, last) {
            return Ok(Err(refused));
        }
        conn.execute(
            "INSERT INTO login_failures (at, network) VALUES (?1, ?2)",
            params![now, network],
        )?;
        Ok(Ok(conn.last_insert_rowid()))
    }

    /// Takes back a reservation whose password was right, with the earlier failures from the
    /// same network (staff there got in); failures elsewhere stay counted.
    pub fn release_login(&self, reservation: i64, network: &str) -> DbResult<()> {
        self.conn().execute(
            "DELETE FROM login_failures WHERE rowid = ?1 OR network IS ?2",
            params![reservation, network],
        )?;
        Ok(())
    }

    /// Takes back a reservation whose password was never checked (the pool was busy).
    pub fn cancel_login(&self, reservation: i64) -> DbResult<()> {
        self.conn()
            .execute("DELETE FROM login_failures WHERE rowid = ?1", params![reservation])?;
        Ok(())
    }

    /// Starts a staff session after a good login.
    pub fn start_session(&self, now: i64) -> DbResult<StaffSession> {
        let token = random_code(32, TOKEN_ALPHABET);
        let csrf = random_code(32, TOKEN_ALPHABET);
        let conn = self.conn();
        conn.execute("DELETE FROM staff_sessions WHERE expires_at < ?1", params![now])?;
        conn.execute(
            "INSERT INTO staff_sessions (token_hash, csrf, expires_at) VALUES (?1, ?2, ?3)",
            params![hash_token(&token), csrf, now + SESSION_SECONDS],
        )?;
        Ok(StaffSession { token, csrf })
    }

    /// The session of a cookie token, if it is valid.
    pub fn session(&self, token: &str, now: i64) -> DbResult<Option<StaffSession>> {
        let csrf: Option<String> = self
            .conn()
            .query_row(
                "SELECT csrf FROM staff_sessions WHERE token_hash = ?1 AND expires_at >= ?2",
                params![hash_token(token), now],
                |r| r.get(0),
            )
            .optional()?;
        Ok(csrf.map(|csrf| StaffSession {
            token: token.to_string(),
            csrf,
        }))
    }

    /// Ends a staff session.
    pub fn end_session(&self, token: &str) -> DbResult<()> {
        self.conn().execute(
            "DELETE FROM staff_sessions WHERE token_hash = ?1",
            params![hash_token(token)],
        )?;
        Ok(())
    }
}
