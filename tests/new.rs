//! `omtanke new`: the files it writes build (and pass `check`) as they are; it never overwrites,
//! and a name that cannot be an address is a usage error with a suggestion.

mod common;

use std::path::Path;
use std::process::Output;

use common::{build, copy_dir, fixture, read, stderr};

fn new(root: &Path, kind: &str, name: &str) -> Output {
    common::omtanke()
        .args(["new", kind, name, "--today", "2026-11-26", "--root"])
        .arg(root)
        .output()
        .expect("run omtanke")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn each_kind_builds_as_written_and_is_published() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("good"), &site);
    for (kind, name, file) in [
        ("activity", "stickcafe", "content/aktiviteter/stickcafe.toml"),
        ("page", "stod/ny-sida", "content/stod/ny-sida.md"),
        ("post", "ny-ide", "content/anslagstavla/ny-ide.md"),
    ] {
        let o = new(&site, kind, name);
        assert_eq!(o.status.code(), Some(0), "{kind}: {}", stderr(&o));
        assert!(
            stdout(&o).contains(&format!("Wrote {}.", site.join(file).display())),
            "{}",
            stdout(&o)
        );
        assert!(
            stdout(&o).contains("omtanke check"),
            "says what to do next: {}",
            stdout(&o)
        );
        let text = std::fs::read_to_string(site.join(file)).unwrap();
        assert!(text.contains("# "), "explained in comments: {text}");
    }
    // The activity uses the site's place, so the example is valid as it stands.
    let activity = std::fs::read_to_string(site.join("content/aktiviteter/stickcafe.toml")).unwrap();
    assert!(activity.contains("place = \"huset\""), "{activity}");
    assert!(activity.contains("2026-11-26"), "dated by --today: {activity}");
    assert!(activity.contains("title = \"Stickcafe\""), "{activity}");
    // The examples are the site's own, never a real organisation's or person's.
    assert!(activity.contains("organizer = \"Testsajt\""), "{activity}");
    for file in [
        "content/aktiviteter/stickcafe.toml",
        "content/stod/ny-sida.md",
        "content/anslagstavla/ny-ide.md",
    ] {
        let text = std::fs::read_to_string(site.join(file)).unwrap();
        assert!(
            !text.contains("Helsingborg") && !text.contains("042-"),
            "{file}: {text}"
        );
    }

    let out = tmp.path().join("public");
    let o = build(&site, &out, "2026-11-26", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(read(&out, "aktiviteter/stickcafe/index.html").contains("Stickcafe"));
    assert!(read(&out, "stod/ny-sida/index.html").contains("Ny sida"));
    assert!(read(&out, "anslagstavla/ny-ide/index.html").contains("Ny ide"));
    assert!(read(&out, "aktiviteter/index.html").contains("/aktiviteter/stickcafe/"));

    // The examples also follow the rules `check` adds (headings, link texts).
    let o = common::omtanke()
        .args(["check", "--today", "2026-11-26", "--root"])
        .arg(&site)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn an_existing_file_is_never_overwritten() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("good"), &site);
    let before = std::fs::read_to_string(site.join("content/stod/tips.md")).unwrap();
    let o = new(&site, "page", "stod/tips");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("content/stod/tips.md already exists; nothing was written"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        std::fs::read_to_string(site.join("content/stod/tips.md")).unwrap(),
        before
    );

    // The same address written as a section counts too.
    let o = new(&site, "page", "stod");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("content/stod/_index.md already exists"),
        "{}",
        stderr(&o)
    );

    assert_eq!(new(&site, "activity", "fika").status.code(), Some(0));
    let o = new(&site, "activity", "fika");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("content/aktiviteter/fika.toml already exists"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_name_that_is_not_a_slug_is_a_usage_error_with_a_suggestion() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("good"), &site);
    let o = new(&site, "activity", "Fika på Söder");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("\"Fika på Söder\" cannot be used in a web address — try \"fika-pa-soder\""),
        "{}",
        stderr(&o)
    );
    let o = new(&site, "page", "Stöd/Ny sida");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("try \"stod/ny-sida\""), "{}", stderr(&o));
    let o = new(&site, "post", "a/b");
    assert_eq!(o.status.code(), Some(2));
    assert!(!site.join("content/anslagstavla/a").exists());
    assert!(!site.join("content/aktiviteter/fika-på-söder.toml").exists());
}

#[test]
fn the_activity_templates_pause_cancelled_and_moved_examples_work_once_uncommented() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("good"), &site);
    assert_eq!(new(&site, "activity", "stickcafe").status.code(), Some(0));
    let file = site.join("content/aktiviteter/stickcafe.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let keys = [
        "status",
        "paused_until",
        "status_note",
        "[[cancelled]]",
        "date",
        "reason",
        "[[moved]]",
        "from",
        "to",
        "start",
        "end",
    ];
    let mut uncommented = 0;
    let lines: Vec<String> = text
        .lines()
        .map(|l| match l.strip_prefix("# ") {
            Some(rest) if keys.iter().any(|k| rest.starts_with(&format!("{k} ")) || rest == *k) => {
                uncommented += 1;
                rest.to_string()
            }
            _ => l.to_string(),
        })
        .collect();
    assert_eq!(uncommented, 11, "the template explains each key once");
    std::fs::write(&file, lines.join("\n")).unwrap();
    let out = tmp.path().join("public");
    let o = build(&site, &out, "2026-11-26", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = read(&out, "aktiviteter/stickcafe/index.html");
    assert!(page.contains("Uppehåll till och med 7 januari 2027."), "{page}");
}

#[test]
fn help_names_the_trust_fields_the_activity_template_explains() {
    let o = common::omtanke().args(["new", "--help"]).output().unwrap();
    let help = stdout(&o);
    for key in [
        "checked",
        "status = \"paused\"",
        "paused_until",
        "[[cancelled]]",
        "[[moved]]",
    ] {
        assert!(help.contains(key), "{key}: {help}");
    }
}
