//! The kiosk's SQLite database: opened in WAL mode with `synchronous=FULL`, so that a check-in or
//! booking is on disk before the visitor is told it worked, and brought up to the current schema
//! by numbered migrations.

pub mod bookings;
pub mod checkins;
mod migrations;
pub mod staff;

use std::path::Path;
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::Connection;

/// Errors from the database layer.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// SQLite failed.
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The database was written by a newer version of the kiosk.
    #[error("the database has schema version {found}, newer than this program's {known}; install the newer version")]
    TooNew {
        /// Version in the file.
        found: i64,
        /// Newest version this program knows.
        known: i64,
    },
}

/// Result of database calls.
pub type DbResult<T> = Result<T, DbError>;

/// The database, shared by all requests. SQLite takes one writer at a time anyway; one
/// connection behind a mutex keeps that explicit and the durability settings in one place.
pub struct Db {
    conn: Mutex<Connection>,
}

impl Db {
    /// Opens (creating if needed) and migrates the database.
    pub fn open(path: &Path) -> DbResult<Db> {
        if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            let _ = std::fs::create_dir_all(dir);
        }
        let mut conn = Connection::open(path)?;
        conn.busy_timeout(Duration::from_secs(10))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // FULL: every commit is synced to the disk, so a power cut loses nothing acknowledged.
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrations::run(&mut conn)?;
        Ok(Db { conn: Mutex::new(conn) })
    }

    /// The connection, for one unit of work.
    pub fn conn(&self) -> MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// `PRAGMA quick_check`: "ok" when the file is sound (for the health check).
    pub fn quick_check(&self) -> DbResult<String> {
        Ok(self.conn().query_row("PRAGMA quick_check", [], |r| r.get(0))?)
    }

    /// Copies the live database into `target` without stopping the kiosk (SQLite's online backup).
    pub fn backup_to(&self, target: &Path) -> DbResult<()> {
        if let Some(dir) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
            let _ = std::fs::create_dir_all(dir);
        }
        let tmp = target.with_extension("partial");
        let _ = std::fs::remove_file(&tmp);
        {
            let conn = self.conn();
            let mut dest = Connection::open(&tmp)?;
            let backup = rusqlite::backup::Backup::new(&conn, &mut dest)?;
            backup.run_to_completion(256, Duration::from_millis(5), None)?;
        }
        // The finished copy replaces an older one in one step, so a backup file is never half.
        std::fs::rename(&tmp, target)
            .map_err(|e| DbError::Sqlite(rusqlite::Error::ToSqlConversionFailure(Box::new(e))))?;
        Ok(())
    }
}

/// Random bytes from the operating system, as lowercase letters and digits from `alphabet`.
pub fn random_code(len: usize, alphabet: &[u8]) -> String {
    let mut bytes = vec![0u8; len];
    getrandom::fill(&mut bytes).expect("the operating system's random source");
    bytes
        .iter()
        .map(|b| alphabet[*b as usize % alphabet.len()] as char)
        .collect()
}
