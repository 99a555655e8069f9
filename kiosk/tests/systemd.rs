//! The daemon under systemd's `Type=notify` with `WatchdogSec=`: a fake NOTIFY_SOCKET records
//! READY=1 once listening, watchdog pings every half WATCHDOG_USEC, and STOPPING=1 on SIGTERM.
//! (That a database which does not answer stops the pings is a unit test in src/systemd.rs.)

mod common;

use std::io::{BufRead, BufReader};
use std::os::unix::net::UnixDatagram;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{BIN, site};

/// Messages received on the fake notify socket, in order.
type Log = Arc<Mutex<Vec<String>>>;

/// Kills the daemon if the test fails before stopping it.
struct KillOnDrop(std::process::Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn count(log: &Log, what: &str) -> usize {
    log.lock()
        .unwrap()
        .iter()
        .filter(|m| m.lines().any(|l| l == what))
        .count()
}

fn wait_for(log: &Log, what: &str, n: usize, within: Duration) -> bool {
    let deadline = Instant::now() + within;
    while Instant::now() < deadline {
        if count(log, what) >= n {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

#[test]
fn notifies_ready_pings_the_watchdog_and_says_stopping() {
    let tmp = tempfile::tempdir().unwrap();
    let sock_path = tmp.path().join("notify.sock");
    let sock = UnixDatagram::bind(&sock_path).unwrap();
    let log: Log = Arc::default();
    {
        let log = log.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = sock.recv(&mut buf) {
                log.lock()
                    .unwrap()
                    .push(String::from_utf8_lossy(&buf[..n]).into_owned());
            }
        });
    }
    let db = tmp.path().join("db.sqlite3");
    let mut child = Command::new(BIN)
        .arg("--content")
        .arg(site())
        .arg("--db")
        .arg(&db)
        .args(["--listen", "127.0.0.1:0"])
        .env("NOTIFY_SOCKET", &sock_path)
        // A ping every half second.
        .env("WATCHDOG_USEC", "1000000")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let mut child = KillOnDrop(child);
    std::thread::spawn(move || for _ in BufReader::new(stderr).lines() {});

    assert!(
        wait_for(&log, "READY=1", 1, Duration::from_secs(20)),
        "no READY=1: {:?}",
        log.lock().unwrap()
    );
    assert!(
        wait_for(&log, "WATCHDOG=1", 2, Duration::from_secs(5)),
        "no watchdog pings: {:?}",
        log.lock().unwrap()
    );

    // SAFETY: sending SIGTERM to our own child, as systemd does when stopping the service.
    unsafe { libc::kill(child.0.id() as i32, libc::SIGTERM) };
    let status = child.0.wait().unwrap();
    assert!(status.success(), "exit status {status}");
    assert!(wait_for(&log, "STOPPING=1", 1, Duration::from_secs(2)), "no STOPPING=1");
}
