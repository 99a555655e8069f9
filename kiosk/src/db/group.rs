//! Group commit: writes that arrive while another commit is being synced to the disk are run
//! together in the next transaction, so that one `fsync` makes a whole group durable.
//!
//! One writer thread owns the writing: callers queue their work and wait for its outcome; the
//! writer takes everything queued so far, runs each piece in its own savepoint inside one
//! `BEGIN IMMEDIATE … COMMIT`, and only then hands out the results. A caller is therefore told
//! nothing before the COMMIT that contains its write has returned, which with `synchronous=FULL`
//! means it is on disk: durability is exactly that of one transaction per write. A piece that
//! fails is rolled back to its savepoint and gets its own error, as it would alone; if the COMMIT
//! itself fails, every caller of the group gets an error.
//!
//! While the writer commits, newcomers queue up; the next group takes them all at once. Under
//! light load a group has one member and this is one transaction per write. Waiting is a future
//! ([`Pending::done`]), so a crowd of waiting requests holds no threads (and no thread stacks).

use std::sync::{Arc, Condvar, Mutex, PoisonError};

use rusqlite::Connection;
use tokio::sync::oneshot;

use super::{Db, DbError, DbResult};

/// One queued piece of work, type-erased: runs on the connection and keeps its own result.
type Job = Box<dyn FnOnce(&Connection) -> bool + Send>;

/// How a job's group ended, once its COMMIT has returned.
type Outcome = Result<(), String>;

/// Work waiting for the writer.
#[derive(Default)]
pub(super) struct Queue {
    state: Mutex<State>,
    ready: Condvar,
}

#[derive(Default)]
struct State {
    jobs: Vec<(Job, oneshot::Sender<Outcome>)>,
    closed: bool,
}

impl Queue {
    /// Asks the writer to stop once the queue is empty (the database is being dropped).
    pub(super) fn close(&self) {
        self.state.lock().unwrap_or_else(PoisonError::into_inner).closed = true;
        self.ready.notify_all();
    }
}

/// The writer thread: runs queued work in groups until the queue is closed and empty.
pub(super) fn writer(queue: Arc<Queue>, conn: Arc<Mutex<Connection>>) {
    loop {
        let group = {
            let mut state = queue.state.lock().unwrap_or_else(PoisonError::into_inner);
            while state.jobs.is_empty() && !state.closed {
                state = queue.ready.wait(state).unwrap_or_else(PoisonError::into_inner);
            }
            if state.jobs.is_empty() {
                return;
            }
            std::mem::take(&mut state.jobs)
        };
        let conn = conn.lock().unwrap_or_else(PoisonError::into_inner);
        // A job that panics must not stop the writer, or every later write would wait forever:
        // its group's callers get an error (their senders are dropped) and the transaction is
        // rolled back, so the next group starts clean.
        let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run_group(&conn, group)));
        if ran.is_err() {
            tracing::error!("a database write panicked; its group was rolled back");
            let _ = conn.execute_batch("ROLLBACK");
        }
    }
}

/// A write queued for the next group commit.
pub struct Pending<T> {
    outcome: oneshot::Receiver<Outcome>,
    result: Arc<Mutex<Option<DbResult<T>>>>,
}

impl<T> Pending<T> {
    /// Waits, without holding a thread, until the write is durable; then its result.
    pub async fn done(self) -> DbResult<T> {
        let outcome = self.outcome.await.ok();
        finish(outcome, &self.result)
    }

    /// Blocks until the write is durable; then its result (for tests, outside async code).
    #[cfg(test)]
    pub fn wait(self) -> DbResult<T> {
        let outcome = self.outcome.blocking_recv().ok();
        finish(outcome, &self.result)
    }
}

/// A job's result once its group ended: its own, if the group committed.
fn finish<T>(outcome: Option<Outcome>, result: &Mutex<Option<DbResult<T>>>) -> DbResult<T> {
    let own = result.lock().unwrap_or_else(PoisonError::into_inner).take();
    match (outcome, own) {
        (Some(Ok(())), Some(r)) => r,
        (Some(Ok(())), None) | (None, _) => Err(DbError::Commit("the write was not run".into())),
        (Some(Err(e)), _) => Err(DbError::Commit(e)),
    }
}

impl Db {
    /// Queues `work` for the next group commit; its result comes once it is durable.
    pub(super) fn grouped<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Connection) -> DbResult<T> + Send + 'static,
    ) -> Pending<T> {
        let result: Arc<Mutex<Option<DbResult<T>>>> = Arc::default();
        let slot = result.clone();
        let job: Job = Box::new(move |conn| {
            let r = work(conn);
            let ok = r.is_ok();
            *slot.lock().unwrap_or_else(PoisonError::into_inner) = Some(r);
            ok
        });
        let (tx, rx) = oneshot::channel();
        self.queue
            .state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .jobs
            .push((job, tx));
        self.queue.ready.notify_one();
        Pending { outcome: rx, result }
    }
}

/// Runs a group in one transaction, each job in its own savepoint, and tells every job how it
/// ended.
fn run_group(conn: &Connection, group: Vec<(Job, oneshot::Sender<Outcome>)>) {
    let (jobs, waiting): (Vec<Job>, Vec<oneshot::Sender<Outcome>>) = group.into_iter().unzip();
    let outcome = (|| -> rusqlite::Result<()> {
        conn.execute_batch("BEGIN IMMEDIATE")?;
        for job in jobs {
            if let Err(e) = run_job(conn, job) {
                let _ = conn.execute_batch("ROLLBACK");
                return Err(e);
            }
        }
        if let Err(e) = conn.execute_batch("COMMIT") {
            let _ = conn.execute_batch("ROLLBACK");
            return Err(e);
        }
        Ok(())
    })()
    .map_err(|e| e.to_string());
    for tx in waiting {
        // A caller that stopped waiting (its request was dropped) needs no answer.
        let _ = tx.send(outcome.clone());
    }
}

fn run_job(conn: &Connection, job: Job) -> rusqlite::Result<()> {
    conn.execute_batch("SAVEPOINT job")?;
    if job(conn) {
        conn.execute_batch("RELEASE job")
    } else {
        conn.execute_batch("ROLLBACK TO job; RELEASE job")
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    #[test]
    fn concurrent_writes_share_commits_and_each_gets_its_own_result() {
        let dir = tempfile::tempdir().unwrap();
        let db = Arc::new(Db::open(&dir.path().join("k.db")).unwrap());
        let at = chrono::NaiveDate::from_ymd_opt(2026, 11, 26)
            .unwrap()
            .and_hms_opt(12, 30, 0)
            .unwrap();
        let threads: Vec<_> = (0..16)
            .map(|_| {
                let db = db.clone();
                std::thread::spawn(move || {
                    (0..50)
                        .map(|_| db.check_in(at, Some(true)).wait().unwrap())
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let mut ids: Vec<i64> = threads.into_iter().flat_map(|t| t.join().unwrap()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 800, "every check-in has its own id");
        let day = at.date();
        assert_eq!(db.checkins_by_day(day, day).unwrap()[0].visits, 800);
    }

    #[test]
    fn a_write_that_panics_fails_its_group_and_the_writer_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("k.db")).unwrap();
        let at = chrono::NaiveDate::from_ymd_opt(2026, 11, 26)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap();
        let panicked: DbResult<()> = db.grouped(|_| panic!("a bug in a write")).wait();
        assert!(panicked.is_err());
        db.check_in(at, None).wait().expect("the writer still runs");
        assert_eq!(db.checkins_by_day(at.date(), at.date()).unwrap()[0].visits, 1);
    }

    #[test]
    fn a_failing_write_is_rolled_back_alone() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("k.db")).unwrap();
        let failed: DbResult<()> = db
            .grouped(|c| {
                c.execute(
                    "INSERT INTO checkins (hour, first_visit) VALUES ('2026-11-26T12:00', 1)",
                    [],
                )?;
                c.execute("INSERT INTO no_such_table VALUES (1)", [])?;
                Ok(())
            })
            .wait();
        assert!(failed.is_err());
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        assert!(
            db.checkins_by_day(day, day).unwrap().is_empty(),
            "its first insert was undone"
        );
        db.check_in(day.and_hms_opt(12, 0, 0).unwrap(), None).wait().unwrap();
        assert_eq!(db.checkins_by_day(day, day).unwrap()[0].visits, 1);
    }
}
