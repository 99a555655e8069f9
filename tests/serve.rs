//! `omtanke serve` builds the site and serves it on loopback; Ctrl-C stops it cleanly.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{copy_dir, fixture};

fn get(addr: &str, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").unwrap();
    let mut buf = String::new();
    s.read_to_string(&mut buf).unwrap();
    let status = buf.split_whitespace().nth(1).unwrap().parse().unwrap();
    (status, buf)
}

#[test]
fn serves_the_built_site_and_stops_on_ctrl_c() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("good"), &site);
    let mut child = Command::new(env!("CARGO_BIN_EXE_omtanke"))
        .args(["serve", "--port", "0", "--today", "2026-11-26", "--root"])
        .arg(&site)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let addr = loop {
        let line = lines.next().expect("server says where it listens").unwrap();
        if let Some(rest) = line.split("http://").nth(1) {
            break rest.split('/').next().unwrap().to_string();
        }
    };
    let (status, body) = get(&addr, "/aktiviteter/sondagsfika/");
    assert_eq!(status, 200);
    assert!(body.contains("<h1>Söndagsfika</h1>"));
    let (status, body) = get(&addr, "/finns/inte/");
    assert_eq!(status, 404);
    assert!(body.contains("Sidan finns inte"));
    let (status, _) = get(&addr, "/../site.toml");
    assert_ne!(status, 200, "no reading outside the site");

    // SAFETY: sending SIGINT to our own child process.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let status = child.wait().unwrap();
    assert!(status.success(), "exits cleanly on Ctrl-C: {status:?}");
}
