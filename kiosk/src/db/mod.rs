//! The kiosk's SQLite database: opened in WAL mode with `synchronous=FULL`, so that a check-in or
//! booking is on disk before the visitor is told it worked, and brought up to the current schema
//! by numbered migrations.

pub mod bookings;
pub mod calls;
pub mod checkins;
pub mod group;
mod migrations;
pub mod outbox;
pub mod requests;
pub mod staff;
pub mod suggestions;
pub mod survey;

use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};
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
    /// The transaction holding this write (with others of its group commit) failed to commit.
    #[error("database: the write could not be committed: {0}")]
    Commit(String),
}

/// Result of database calls.
pub type DbResult<T> = Result<T, DbError>;

/// The database, shared by all requests. SQLite takes one writer at a time anyway; one
/// connection behind a mutex keeps that explicit and the durability settings in one place.
/// Check-ins and bookings that arrive together share one commit ([`group`]).
pub struct Db {
    conn: Arc<Mutex<Connection>>,
    queue: Arc<group::Queue>,
    /// The survey's answers, in a file of their own ([`survey`]).
    survey: Mutex<Connection>,
}

impl Db {
    /// Opens (creating if needed) and migrates the database.
    pub fn open(path: &Path) -> DbResult<Db> {
        limit_malloc_arenas();
        if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            let _ = std::fs::create_dir_all(dir);
        }
        let mut conn = Connection::open(path)?;
        conn.busy_timeout(Duration::from_secs(10))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // FULL: every commit is synced to the disk, so a power cut loses nothing acknowledged.
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Purged names, phones and texts are overwritten, not left in free pages of the file.
        conn.pragma_update(None, "secure_delete", "ON")?;
        // 512 KB of page cache instead of SQLite's 2 MB: the kiosk's writes append to indexes
        // whose last pages stay cached anyway, and the daemon stays small on a Raspberry Pi.
        conn.pragma_update(None, "cache_size", -512)?;
        migrations::run(&mut conn)?;
        let survey = survey::open(&survey::path_beside(path), &conn)?;
        let conn = Arc::new(Mutex::new(conn));
        let queue = Arc::new(group::Queue::default());
        let (c, q) = (conn.clone(), queue.clone());
        std::thread::Builder::new()
            .name("db-writer".into())
            .spawn(move || group::writer(q, c))
            .map_err(|e| DbError::Commit(format!("could not start the database writer: {e}")))?;
        Ok(Db {
            conn,
            queue,
            survey: Mutex::new(survey),
        })
    }

    /// The connection, for one unit of work.
    pub fn conn(&self) -> MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// `PRAGMA quick_check`: "ok" when the file is sound (for the health check).
    pub fn quick_check(&self) -> DbResult<String> {
        Ok(self.conn().query_row("PRAGMA quick_check", [], |r| r.get(0))?)
    }

    /// Copies the live database into `target`, and the survey's answers beside it (see
    /// [`survey::path_beside`]), without stopping the kiosk (SQLite's online backup). The
    /// copies hold names and phone numbers: only their owner may read them.
    pub fn backup_to(&self, target: &Path) -> DbResult<()> {
        if let Some(dir) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
            let _ = std::fs::create_dir_all(dir);
        }
        copy_database(&self.conn(), target)?;
        copy_database(&self.survey_conn(), &survey::path_beside(target))
    }
}

/// An online copy of `conn` at `target`, created readable by its owner only, written beside it
/// and renamed into place, so a backup file is never half.
fn copy_database(conn: &Connection, target: &Path) -> DbResult<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let io = |e: std::io::Error| DbError::Sqlite(rusqlite::Error::ToSqlConversionFailure(Box::new(e)));
    let tmp = target.with_extension("partial");
    let _ = std::fs::remove_file(&tmp);
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&tmp)
        .map_err(io)?;
    {
        let mut dest = Connection::open(&tmp)?;
        let backup = rusqlite::backup::Backup::new(conn, &mut dest)?;
        backup.run_to_completion(256, Duration::from_millis(5), None)?;
    }
    std::fs::rename(&tmp, target).map_err(io)
}

impl Drop for Db {
    fn drop(&mut self) {
        // The writer finishes what is queued, then stops.
        self.queue.close();
    }
}

/// Under load every request waiting for the database is a blocked thread, and glibc gives each
/// of up to 8 × cores threads its own malloc arena, a few hundred KB each once touched. Two arenas
/// are plenty for a daemon whose writes go through one connection anyway, and keep its peak
/// memory near its idle memory (bench/kiosk_load.py).
///
/// A fixed mmap threshold, too: glibc otherwise raises it to the size of each large block
/// freed, so the ~19 MiB of every staff password check (argon2) would then come from the
/// arenas and stay there, one copy per arena and thread; mapped, it goes back at once.
fn limit_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        const M_ARENA_MAX: std::ffi::c_int = -8;
        const M_MMAP_THRESHOLD: std::ffi::c_int = -3;
        unsafe extern "C" {
            fn mallopt(param: std::ffi::c_int, value: std::ffi::c_int) -> std::ffi::c_int;
        }
        // SAFETY: mallopt only changes the allocator's tuning; any value is allowed at any time.
        unsafe {
            mallopt(M_ARENA_MAX, 2);
            mallopt(M_MMAP_THRESHOLD, 256 * 1024);
        }
    }
}

/// Random characters from `alphabet`, from the operating system's random source. Bytes past
/// the last whole multiple of the alphabet's length are drawn again, so that every character
/// is equally likely.
pub fn random_code(len: usize, alphabet: &[u8]) -> String {
    let usable = 256 - 256 % alphabet.len();
    let mut out = String::with_capacity(len);
    let mut bytes = [0u8; 64];
    while out.len() < len {
        getrandom::fill(&mut bytes).expect("the operating system's random source");
        out.extend(
            bytes
                .iter()
                .filter(|b| usize::from(**b) < usable)
                .map(|b| alphabet[usize::from(*b) % alphabet.len()] as char)
                .take(len - out.len()),
        );
    }
    out
}
