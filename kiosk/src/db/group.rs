//! Group commit: writes that arrive while another commit is being synced to the disk are run
//! together in the next transaction, so that one `fsync` makes a whole group durable.
//!
//! Each caller queues its work and then waits for the connection. Whoever gets it first (the
//! leader) takes everything queued so far, runs each piece in its own savepoint inside one
//! `BEGIN IMMEDIATE … COMMIT`, and only then hands out the results. A caller is therefore told
//! nothing before the COMMIT that contains its write has returned, which with `synchronous=FULL`
//! means it is on disk: durability is exactly that of one transaction per write. A piece that
//! fails is rolled back to its savepoint and gets its own error, as it would alone; if the COMMIT
//! itself fails, every caller of the group gets an error.
//!
//! While the leader works, newcomers queue up behind the connection's lock; the next leader takes
//! them all at once. Under light load a group has one member and this is one transaction per
//! write, as before.

use std::sync::{Arc, Mutex, PoisonError};

use rusqlite::Connection;

use super::{Db, DbError, DbResult};

/// One queued piece of work, type-erased: runs on the connection and keeps its own result.
type Job = Box<dyn FnOnce(&Connection) -> bool + Send>;

/// Work waiting for the next group.
#[derive(Default)]
pub(super) struct Queue {
    jobs: Mutex<Vec<(Job, Arc<Done>)>>,
}

/// How a queued job's group ended: `None` until its COMMIT returned.
#[derive(Default)]
struct Done(Mutex<Option<Result<(), String>>>);

impl Done {
    fn get(&self) -> Option<Result<(), String>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }

    fn set(&self, r: Result<(), String>) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = Some(r);
    }
}

impl Db {
    /// Runs `work` in the next group commit and returns its result once it is durable.
    pub(super) fn grouped<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Connection) -> DbResult<T> + Send + 'static,
    ) -> DbResult<T> {
        let result: Arc<Mutex<Option<DbResult<T>>>> = Arc::default();
        let done = Arc::new(Done::default());
        let slot = result.clone();
        let job: Job = Box::new(move |conn| {
            let r = work(conn);
            let ok = r.is_ok();
            *slot.lock().unwrap_or_else(PoisonError::into_inner) = Some(r);
            ok
        });
        self.queue
            .jobs
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((job, done.clone()));
        if done.get().is_none() {
            // Either a leader holding the connection has taken our job (and sets `done` before it
            // lets go), or it is still queued and we lead the next group.
            let conn = self.conn();
            if done.get().is_none() {
                let group = std::mem::take(&mut *self.queue.jobs.lock().unwrap_or_else(PoisonError::into_inner));
                run_group(&conn, group);
            }
        }
        let outcome = done.get().unwrap_or_else(|| Err("the write was not run".into()));
        let own = result.lock().unwrap_or_else(PoisonError::into_inner).take();
        match (outcome, own) {
            (Ok(()), Some(r)) => r,
            (Ok(()), None) => Err(DbError::Commit("the write was not run".into())),
            (Err(e), _) => Err(DbError::Commit(e)),
        }
    }
}

/// Runs a group in one transaction, each job in its own savepoint, and marks every job done.
fn run_group(conn: &Connection, group: Vec<(Job, Arc<Done>)>) {
    let (jobs, dones): (Vec<Job>, Vec<Arc<Done>>) = group.into_iter().unzip();
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
    for done in dones {
        done.set(outcome.clone());
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
                        .map(|_| db.check_in(at, Some(true)).unwrap())
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
    fn a_failing_write_is_rolled_back_alone() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("k.db")).unwrap();
        let failed: DbResult<()> = db.grouped(|c| {
            c.execute(
                "INSERT INTO checkins (hour, first_visit) VALUES ('2026-11-26T12:00', 1)",
                [],
            )?;
            c.execute("INSERT INTO no_such_table VALUES (1)", [])?;
            Ok(())
        });
        assert!(failed.is_err());
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        assert!(
            db.checkins_by_day(day, day).unwrap().is_empty(),
            "its first insert was undone"
        );
        db.check_in(day.and_hms_opt(12, 0, 0).unwrap(), None).unwrap();
        assert_eq!(db.checkins_by_day(day, day).unwrap()[0].visits, 1);
    }
}
