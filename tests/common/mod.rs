//! Helpers for running the real `omtanke` binary against sites on disk.

#![allow(dead_code, reason = "each test file uses a different subset")]

pub mod http;
pub mod qr;

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// The repository root (where content/ and site.toml of the real site are).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture site under tests/fixtures/.
pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests").join("fixtures").join(name)
}

/// The `omtanke` binary, speaking English: the tests' expectations are written in English
/// (`tests/messages.rs` runs it in Swedish too).
pub fn omtanke() -> Command {
    let mut command = Command::cargo_bin("omtanke").expect("binary");
    command.args(["--lang", "en"]);
    command
}

/// Runs `omtanke build` on `root` into `out` with a fixed "today" and extra arguments.
pub fn build(root: &Path, out: &Path, today: &str, extra: &[&str]) -> Output {
    omtanke()
        .arg("build")
        .arg("--root")
        .arg(root)
        .arg("--output")
        .arg(out)
        .arg("--today")
        .arg(today)
        .args(extra)
        .output()
        .expect("run omtanke")
}

/// Reads a generated file, failing the test with its path when it is missing.
pub fn read(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Copies a folder tree (a fixture) so a test can change it.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Runs one of the independent checkers in tests/python/ (Python's icalendar, feedparser …)
/// and fails the test with its report when it finds problems.
pub fn python_check(script: &str, args: &[&std::ffi::OsStr]) {
    let check = std::process::Command::new("python3")
        .arg(repo().join("tests/python").join(script))
        .args(args)
        .output()
        .expect("python3");
    assert!(
        check.status.success(),
        "{}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
}

/// Every file below `dir`, in no particular order.
pub fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![];
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files(&path));
        } else {
            out.push(path);
        }
    }
    out
}
