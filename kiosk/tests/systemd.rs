//! The daemon under systemd's `Type=notify` with `WatchdogSec=`: a fake NOTIFY_SOCKET records
//! READY=1 once listening, watchdog pings every half WATCHDOG_USEC, and STOPPING=1 on SIGTERM.
//! The pings stop while the daemon cannot serve its own `GET /health` (here: every connection
//! it may hold is taken by clients that never finish), and start again when it can.

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

/// Starts the daemon with a fake notify socket and a ping every half second; returns it, its
/// address and the log of what it told systemd.
fn start(tmp: &std::path::Path, config: &str) -> (KillOnDrop, String, Log) {
    let sock_path = tmp.join("notify.sock");
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
    let config_file = tmp.join("kiosk.toml");
    std::fs::write(&config_file, config).unwrap();
    let mut child = Command::new(BIN)
        .arg("--config")
        .arg(&config_file)
        .arg("--content")
        .arg(site())
        .arg("--db")
        .arg(tmp.join("db.sqlite3"))
        .args(["--listen", "127.0.0.1:0"])
        .env("NOTIFY_SOCKET", &sock_path)
        .env("WATCHDOG_USEC", "1000000")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let child = KillOnDrop(child);
    let addr = loop {
        let line = lines.next().expect("the kiosk says where it listens").unwrap();
        if let Some(rest) = line.strip_prefix("omtanke-kiosk listening on http://") {
            break rest.trim_end_matches('/').to_string();
        }
    };
    std::thread::spawn(move || for _ in lines {});
    (child, addr, log)
}

#[test]
fn the_watchdog_is_not_pinged_while_connections_cannot_be_served() {
    let tmp = tempfile::tempdir().unwrap();
    let (_child, addr, log) = start(tmp.path(), "max_connections = 3\nheader_timeout_seconds = 60\n");
    assert!(
        wait_for(&log, "WATCHDOG=1", 2, Duration::from_secs(20)),
        "{:?}",
        log.lock().unwrap()
    );
    // Every place taken by clients that never finish their headers.
    let held: Vec<std::net::TcpStream> = (0..3)
        .map(|_| {
            let mut s = std::net::TcpStream::connect(&addr).unwrap();
            std::io::Write::write_all(&mut s, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n").unwrap();
            s
        })
        .collect();
    std::thread::sleep(Duration::from_millis(600));
    let before = count(&log, "WATCHDOG=1");
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(
        count(&log, "WATCHDOG=1"),
        before,
        "no pings while /health cannot be reached"
    );
    drop(held);
    assert!(
        wait_for(&log, "WATCHDOG=1", before + 2, Duration::from_secs(5)),
        "pings again once it can serve"
    );
}

#[test]
fn notifies_ready_pings_the_watchdog_and_says_stopping() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut child, _addr, log) = start(tmp.path(), "");
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
