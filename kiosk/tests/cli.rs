//! The kiosk's command line speaks Swedish (the site's language) unless `--lang en` says
//! otherwise, in its help and its messages.

mod common;

use std::process::Command;

use common::BIN;

fn run(args: &[&str]) -> std::process::Output {
    Command::new(BIN).args(args).output().unwrap()
}

#[test]
fn help_is_swedish_unless_english_is_asked_for() {
    let swedish = String::from_utf8(run(&["--help"]).stdout).unwrap();
    assert!(
        swedish.contains("Användning: omtanke-kiosk [VAL] <KOMMANDO>"),
        "{swedish}"
    );
    assert!(swedish.contains("Sätt personalens lösenord"), "{swedish}");
    let english = String::from_utf8(run(&["--help", "--lang", "en"]).stdout).unwrap();
    assert!(
        english.contains("Usage: omtanke-kiosk [OPTIONS] <COMMAND>"),
        "{english}"
    );
    assert!(english.contains("Set the staff password"), "{english}");
    let stats = String::from_utf8(run(&["export-stats", "--help"]).stdout).unwrap();
    assert!(
        stats.contains("Användning: omtanke-kiosk export-stats [VAL] <FIL>"),
        "{stats}"
    );
}

#[test]
fn a_weak_password_is_refused_in_the_chosen_language() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("kiosk.sqlite3");
    let db = db.to_str().unwrap();
    for (lang, expected) in [
        ("sv", "fel: lösenordet måste ha minst 10 tecken"),
        ("en", "error: the password must be at least 10 characters"),
    ] {
        let mut child = Command::new(BIN)
            .args(["--db", db, "--lang", lang, "passwd"])
            .stdin(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        child.stdin.take().unwrap().write_all(b"kort\n").unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(!out.status.success());
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(said.contains(expected), "{lang}: {said}");
    }
}
