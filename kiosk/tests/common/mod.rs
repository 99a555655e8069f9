//! Starting the real kiosk binary on an ephemeral port with a database in a temporary folder,
//! and a small HTTP client for talking to it.

#![allow(dead_code, reason = "each test file uses a different subset")]

pub mod sms_gateway;
pub mod staff;

// The tests' one HTTP client, shared with the generator's tests.
#[path = "../../../tests/common/http.rs"]
mod http;
pub use http::{Reply, request};

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_omtanke-kiosk");

/// The test site with bookable activities.
pub fn site() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/site")
}

/// A site (in `tmp/site`) with one group, Samtalsgrupp, meeting every morning 08–09 at Glimten,
/// whose address (Lönnvägen 7) the website keeps private; `booking` is its `[booking]` table's
/// lines, e.g. `capacity = 2\nwaitlist = true`. Returns the site and an empty folder for the
/// kiosk's files (`tmp/kiosk`).
pub fn private_group_site(tmp: &Path, booking: &str) -> (PathBuf, PathBuf) {
    let content = tmp.join("site");
    std::fs::create_dir_all(content.join("content/aktiviteter")).unwrap();
    std::fs::copy(site().join("site.toml"), content.join("site.toml")).unwrap();
    std::fs::write(
        content.join("content/aktiviteter/grupp.toml"),
        format!(
            "title = \"Samtalsgrupp\"\nsummary = \"En liten grupp.\"\nplace = {{ name = \"Glimten\", address = \"Lönnvägen 7\", address_public = false, area = \"Centrum\", directions = \"Ring på porten.\" }}\n\n[[schedule]]\nweekly = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\", \"sun\"]\nstart = \"08:00\"\nend = \"09:00\"\n\n[booking]\nopens_days_before = 7\n{booking}\n"
        ),
    )
    .unwrap();
    let dir = tmp.join("kiosk");
    std::fs::create_dir_all(&dir).unwrap();
    (content, dir)
}

/// A running kiosk.
pub struct Kiosk {
    pub child: Child,
    pub addr: String,
    pub db: PathBuf,
}

impl Kiosk {
    /// Starts the kiosk with its database in `dir`.
    pub fn start(dir: &Path) -> Kiosk {
        Self::start_with(dir, &site())
    }

    /// Starts the kiosk on a given site folder.
    pub fn start_with(dir: &Path, content: &Path) -> Kiosk {
        Self::start_args(dir, content, &[])
    }

    /// Starts the kiosk on a site folder with a configuration file of this text.
    pub fn start_configured(dir: &Path, content: &Path, config: &str) -> Kiosk {
        let file = dir.join("kiosk.toml");
        std::fs::write(&file, config).unwrap();
        Self::start_args(dir, content, &["--config".as_ref(), file.as_os_str()])
    }

    /// Starts the kiosk on a site folder with more arguments, such as `--config FILE`.
    pub fn start_args(dir: &Path, content: &Path, args: &[&std::ffi::OsStr]) -> Kiosk {
        let db = dir.join("db.sqlite3");
        let mut child = Command::new(BIN)
            .args(args)
            .arg("--content")
            .arg(content)
            .arg("--db")
            .arg(&db)
            .args(["--listen", "127.0.0.1:0"])
            .stderr(Stdio::piped())
            .spawn()
            .expect("start the kiosk");
        let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
        let addr = loop {
            let line = lines.next().expect("the kiosk says where it listens").unwrap();
            if let Some(rest) = line.strip_prefix("omtanke-kiosk listening on http://") {
                break rest.trim_end_matches('/').to_string();
            }
        };
        std::thread::spawn(move || for _ in lines {});
        Kiosk { child, addr, db }
    }

    /// Sends a request and returns status, headers and body.
    pub fn request(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
        request(&self.addr, method, path, headers, body)
    }

    /// GET.
    pub fn get(&self, path: &str) -> Reply {
        self.request("GET", path, &[], b"")
    }

    /// POST with a JSON body.
    pub fn post_json(&self, path: &str, json: &str) -> Reply {
        self.request("POST", path, &[("content-type", "application/json")], json.as_bytes())
    }

    /// POST with a form body.
    pub fn post_form(&self, path: &str, form: &[(&str, &str)]) -> Reply {
        self.request(
            "POST",
            path,
            &[("content-type", "application/x-www-form-urlencoded")],
            form_body(form).as_bytes(),
        )
    }
}

impl Drop for Kiosk {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A form's fields as an `application/x-www-form-urlencoded` body.
pub fn form_body(form: &[(&str, &str)]) -> String {
    form.iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Percent-encodes a form value.
pub fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            b' ' => "+".into(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Runs an operator command (`purge`, `export-stats FILE`, `backup FILE` …) on the database `db`,
/// failing the test with its messages when it does not succeed; returns its standard error.
pub fn kiosk_command(db: &Path, args: &[&std::ffi::OsStr]) -> String {
    let out = Command::new(BIN)
        .arg("--content")
        .arg(site())
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("run the kiosk");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stderr}");
    stderr
}

/// Creates an empty database with the current schema (a backup opens and migrates it).
pub fn create_db(db: &Path) {
    kiosk_command(
        db,
        &[
            std::ffi::OsStr::new("backup"),
            db.with_extension("first-backup").as_os_str(),
        ],
    );
}

/// A copy of the test site in `dir`, for tests that change its content.
pub fn copy_site(dir: &Path) -> PathBuf {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }
    let to = dir.join("site");
    copy(&site(), &to);
    to
}

/// The value of the field `name` in a page's form (`name="…" value="…"`, as the templates write
/// hidden fields), failing the test when the page has none.
pub fn field_value(page: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let at = page
        .find(&marker)
        .unwrap_or_else(|| panic!("no field {name} in the page:\n{page}"))
        + marker.len();
    page[at..].split('"').next().unwrap().to_string()
}

/// Asks `probe` every 200 ms until `done` says its answer is the awaited one, or `within` has
/// passed; returns the last answer, for the test's own assertions. For what the daemon does by
/// itself every few seconds (content reloads, pulls, texts).
pub fn wait_for<T>(within: std::time::Duration, mut probe: impl FnMut() -> T, done: impl Fn(&T) -> bool) -> T {
    let deadline = std::time::Instant::now() + within;
    loop {
        let answer = probe();
        if done(&answer) || std::time::Instant::now() > deadline {
            return answer;
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}
