//! `omtanke serve`: the real binary on an ephemeral port, with content changed on disk while it
//! runs. Every wait has a deadline, so a broken watcher fails the test instead of hanging it.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::{copy_dir, fixture};

const DEADLINE: Duration = Duration::from_secs(10);

fn get(addr: &str, path: &str) -> (u16, String) {
    let reply = common::http::request(addr, "GET", path, &[], b"");
    (reply.status, reply.body)
}

/// Polls until `check` holds for what `path` serves, or fails after the deadline.
fn wait_for(addr: &str, path: &str, what: &str, check: impl Fn(u16, &str) -> bool) -> String {
    let started = Instant::now();
    loop {
        let (status, body) = get(addr, path);
        if check(status, &body) {
            return body;
        }
        assert!(
            started.elapsed() < DEADLINE,
            "{path}: never got {what}; last answer {status}:\n{body}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(site: &Path) -> Server {
        Server::start_with(site, &[])
    }

    fn start_with(site: &Path, args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_omtanke"))
            .args([
                "--lang",
                "en",
                "serve",
                "--port",
                "0",
                "--today",
                "2026-11-26",
                "--root",
            ])
            .arg(site)
            .args(args)
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
        // Keep reading so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Server { child, addr }
    }

    fn stop(mut self) {
        // Ctrl-C, as an editor stops it.
        let pid = rustix::process::Pid::from_child(&self.child);
        rustix::process::kill_process(pid, rustix::process::Signal::INT).unwrap();
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "exits cleanly on Ctrl-C: {status:?}");
                return;
            }
            assert!(started.elapsed() < DEADLINE, "did not stop on Ctrl-C");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

fn site() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("good"), &site);
    (tmp, site)
}

#[test]
fn edits_additions_deletions_and_renames_show_at_once() {
    let (_tmp, site) = site();
    let server = Server::start(&site);
    let addr = server.addr.clone();
    let body = wait_for(&addr, "/aktiviteter/sondagsfika/", "the page", |s, _| s == 200);
    assert!(body.contains("<h1>Söndagsfika</h1>"));
    assert!(
        body.contains("/__omtanke/events"),
        "the reload script is injected in serve mode"
    );

    // Edit a page.
    let tips = site.join("content/stod/tips.md");
    let text = std::fs::read_to_string(&tips).unwrap();
    std::fs::write(&tips, text.replace("Prata med någon.", "Prata med någon i dag.")).unwrap();
    wait_for(&addr, "/stod/tips/", "the edit", |s, b| {
        s == 200 && b.contains("Prata med någon i dag.")
    });

    // Edit an activity (a full rebuild).
    let fika = site.join("content/aktiviteter/sondagsfika.toml");
    let text = std::fs::read_to_string(&fika).unwrap();
    std::fs::write(
        &fika,
        text.replace("Fika varje söndag.", "Fika och kakor varje söndag."),
    )
    .unwrap();
    wait_for(&addr, "/aktiviteter/sondagsfika/", "the edited activity", |_, b| {
        b.contains("Fika och kakor varje söndag.")
    });

    // Add, rename, delete.
    std::fs::write(
        site.join("content/stod/ny.md"),
        "+++\ntitle = \"Ny sida\"\n+++\nHelt ny.\n",
    )
    .unwrap();
    wait_for(&addr, "/stod/ny/", "the new page", |s, b| {
        s == 200 && b.contains("Helt ny.")
    });
    wait_for(&addr, "/stod/", "the new page in its section", |_, b| {
        b.contains("Ny sida")
    });
    std::fs::rename(site.join("content/stod/ny.md"), site.join("content/stod/nyare.md")).unwrap();
    wait_for(&addr, "/stod/nyare/", "the renamed page", |s, _| s == 200);
    wait_for(&addr, "/stod/ny/", "the old name gone", |s, _| s == 404);
    std::fs::remove_file(site.join("content/stod/nyare.md")).unwrap();
    wait_for(&addr, "/stod/nyare/", "the deleted page gone", |s, b| {
        s == 404 && b.contains("Sidan finns inte")
    });
    server.stop();
}

#[test]
fn open_pages_are_told_to_reload() {
    let (_tmp, site) = site();
    let server = Server::start(&site);
    let addr = server.addr.clone();
    let (tx, rx) = mpsc::channel();
    let events_addr = addr.clone();
    std::thread::spawn(move || {
        let (status, lines) = common::http::stream(&events_addr, "/__omtanke/events");
        if tx.send(format!("status {status}")).is_err() {
            return;
        }
        for line in lines {
            if tx.send(line).is_err() {
                return;
            }
        }
    });
    // Edit only once the browser's event stream is open: its answer has arrived.
    let opened = rx.recv_timeout(DEADLINE).expect("the event stream answers");
    assert_eq!(opened, "status 200");
    let tips = site.join("content/stod/tips.md");
    let text = std::fs::read_to_string(&tips).unwrap();
    std::fs::write(&tips, text + "\nMer text.\n").unwrap();
    let started = Instant::now();
    loop {
        let line = rx.recv_timeout(DEADLINE).expect("an event within the deadline");
        if line.starts_with("event:") && line.contains("reload") {
            break;
        }
        assert!(started.elapsed() < DEADLINE);
    }
    server.stop();
}

#[test]
fn a_broken_file_shows_its_error_and_the_rest_keeps_working() {
    let (_tmp, site) = site();
    let server = Server::start(&site);
    let addr = server.addr.clone();
    wait_for(&addr, "/stod/tips/", "the page", |s, _| s == 200);
    let tips = site.join("content/stod/tips.md");
    let good = std::fs::read_to_string(&tips).unwrap();
    std::fs::write(&tips, "+++\ntitle = \"Tips\"\nintrests = [\"fika\"]\n+++\nText\n").unwrap();
    let page = wait_for(&addr, "/stod/tips/", "the error page", |s, _| s == 500);
    assert!(page.contains("Fel i innehållet"));
    assert!(
        page.contains("content/stod/tips.md:3:1"),
        "names the file and line: {page}"
    );
    assert!(page.contains("unknown key `intrests`"));
    let (status, other) = get(&addr, "/aktiviteter/sondagsfika/");
    assert_eq!(status, 200, "other pages keep working");
    assert!(
        other.contains("Det finns fel i innehållet"),
        "with a notice of the error"
    );
    std::fs::write(&tips, good).unwrap();
    wait_for(&addr, "/stod/tips/", "recovery", |s, b| {
        s == 200 && b.contains("Prata med någon.") && !b.contains("Det finns fel")
    });
    server.stop();
}

#[test]
fn no_request_reads_outside_the_site() {
    let (_tmp, site) = site();
    std::fs::write(site.parent().unwrap().join("secret.txt"), "hemligt").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        site.parent().unwrap().join("secret.txt"),
        site.join("content/stod/länk.txt"),
    )
    .unwrap();
    let server = Server::start(&site);
    let addr = server.addr.clone();
    for path in [
        "/../secret.txt",
        "/stod/../../secret.txt",
        "/..%2fsecret.txt",
        "/stod/%2e%2e/%2e%2e/secret.txt",
        "/%2e%2e%5csecret.txt",
        "/stod/l%C3%A4nk.txt",
    ] {
        let (status, body) = get(&addr, path);
        assert!(status == 400 || status == 404, "{path}: {status}");
        assert!(!body.contains("hemligt"), "{path} leaked");
    }
    let (status, _) = get(&addr, "/aktiviteter/fika.svg");
    assert_eq!(status, 200, "ordinary files are served");
    server.stop();
}

#[test]
fn a_site_under_a_sub_path_is_previewed_under_it() {
    let (_tmp, site) = site();
    let server = Server::start_with(&site, &["--base-url", "http://127.0.0.1/undermapp"]);
    let addr = server.addr.clone();
    let root = common::http::request(&addr, "GET", "/", &[], b"");
    assert_eq!(root.status, 301, "the host's root leads to the site");
    assert_eq!(root.header("location"), Some("/undermapp/"));
    let (status, home) = get(&addr, "/undermapp/");
    assert_eq!(status, 200);
    assert!(home.contains(r#"href="/undermapp/assets/omtanke.css""#), "{home}");
    assert_eq!(get(&addr, "/undermapp/assets/omtanke.css").0, 200);
    assert_eq!(get(&addr, "/undermapp/stod/tips/").0, 200);
    let folder = common::http::request(&addr, "GET", "/undermapp/stod", &[], b"");
    assert_eq!(
        folder.header("location"),
        Some("/undermapp/stod/"),
        "a folder gets its slash under the sub-path"
    );
    assert_eq!(
        get(&addr, "/stod/tips/").0,
        404,
        "nothing is served outside the sub-path"
    );
    server.stop();
}
