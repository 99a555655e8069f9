//! `omtanke check`: each kind of problem is reported with file, line and column; errors fail
//! the check, warnings alone do not; the real site passes; nothing is written.

mod common;

use std::path::Path;
use std::process::Output;

use common::{copy_dir, fixture, repo, stderr};

fn check(root: &Path, extra: &[&str]) -> Output {
    common::omtanke()
        .arg("check")
        .arg("--root")
        .arg(root)
        .arg("--today")
        .arg("2026-11-26")
        .args(extra)
        .output()
        .expect("run omtanke")
}

#[test]
fn every_kind_of_problem_is_reported_with_its_position() {
    let site = fixture("check");
    let o = check(&site, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    for expected in [
        // Links to pages and anchors that do not exist, absolute, relative and on the same page.
        "content/sida.md:5:4: error: the link leads nowhere: this site has no page /finns-inte/",
        "content/sida.md:5:48: error: the link leads nowhere: /stod/tips/ has no anchor #saknas",
        "content/sida.md:7:5: error: the link leads nowhere: this page has no anchor #inget",
        "content/sida.md:7:44: error: the link leads nowhere: this site has no page /stod/tips.md — link to the page's address, not its file: write \"/stod/tips/\"",
        // A link in raw HTML.
        "content/sida.md:22:7: error: the link leads nowhere: this site has no page /saknas-ocksa/",
        // Pictures: missing, without alt text, beside another page's file.
        "content/sida.md:9:1: error: there is no picture /sida/katt.jpg",
        "content/sida.md:9:26: error: the picture has no alt text",
        "content/sida.md:9:52: error: there is no picture /sida/hjarta.svg — did you mean \"/stod/hjarta.svg\"?",
        // Link texts.
        "content/sida.md:11:1: error: the link text \"Klicka här!\" does not say where the link leads",
        "content/sida.md:11:34: error: the link has no text",
        "content/sida.md:11:51: error: the link text \"läs mer\" does not say where the link leads",
        // Headings.
        "content/sida.md:15:1: error: the heading skips a level: h4 after h2 — write `###` (h3)",
        "content/sida.md:17:1: error: a `#` heading (h1) in the text",
        // An activity's description, at its exact place in the TOML file.
        "content/aktiviteter/gammal.toml:4:23: error: the link text \"Här\" does not say where the link leads",
        "content/aktiviteter/gammal.toml:4:52: error: the link leads nowhere: this site has no page /borta/",
        "content/aktiviteter/gammal.toml:6:1: error: the text's first heading is h3, but it must be h2",
        // A description with escapes points at its key; a translation's description is checked too.
        "content/aktiviteter/langt-fram.toml:3:1: error: the link leads nowhere: this site has no page /stod/tipps/ — did you mean \"/stod/tips/\"?",
        "content/aktiviteter/pagaende.toml:14:6: error: the link leads nowhere: this site has no page /en/stod/tips/",
        // Activities with nothing to come and no `until`.
        "content/aktiviteter/gammal.toml:11:1: error: the activity has no coming dates: the last one was 2025-06-01 — add new dates to its [[schedule]]; or, if it has ended, write `until = 2025-06-01`",
        "content/aktiviteter/langt-fram.toml:7:1: error: the activity's first date, 2028-06-01, is more than a year away",
        // Bulletin-board posts.
        "content/anslagstavla/forslag.md:7:1: error: the text's first heading is h3",
        "content/anslagstavla/forslag.md:9:13: error: the link text \"Läs mer\" does not say where the link leads",
        // A place no activity uses.
        "content/platser/oanvand.toml:1:1: warning: no activity takes place at \"Oanvänd plats\" — use it in an activity with place = \"oanvand\"",
    ] {
        assert!(err.contains(expected), "missing:\n{expected}\nin:\n{err}");
    }
    assert_eq!(err.lines().filter(|l| l.contains(": error: ")).count(), 22, "{err}");
    assert!(err.trim_end().ends_with("22 errors, 1 warning."), "{err}");
    // What is right is not reported: links to existing pages, anchors and files, links to the
    // site's own base_url, mail and phone links, an activity that ended with `until`.
    for fine in [
        "content/_index.md:",
        "content/stod/tips.md:",
        "content/stod/_index.md:",
        "avslutad.toml:",
        "/anvand.toml:",
    ] {
        assert!(!err.contains(fine), "{fine} reported:\n{err}");
    }
    assert_eq!(err.matches("pagaende.toml:").count(), 1, "{err}");
    // A picture marked as decoration needs no alt text: only the one without is reported.
    assert_eq!(err.matches("content/sida.md:9:").count(), 3, "{err}");
    assert_eq!(err.matches("the picture has no alt text").count(), 1, "{err}");
    assert!(!site.join("public").exists(), "check writes nothing");
}

#[test]
fn warnings_alone_pass_with_a_summary() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("good"), &site);
    std::fs::write(
        site.join("content/platser/tomt.toml"),
        "name = \"Tomma huset\"\naddress = \"Gatan 9, Helsingborg\"\narea = \"Norr\"\n",
    )
    .unwrap();
    let o = check(&site, &[]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(
        err.contains("content/platser/tomt.toml:1:1: warning: no activity takes place at \"Tomma huset\""),
        "{err}"
    );
    assert!(err.trim_end().ends_with("No errors, 1 warning."), "{err}");
}

#[test]
fn build_errors_are_check_errors() {
    let o = check(&fixture("broken"), &[]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("content/aktiviteter/stavfel.toml:3:1: error: unknown key `intrests` — did you mean `interests`?"),
        "{err}"
    );
    assert!(err.contains(" errors, 0 warnings."), "{err}");
}

#[test]
fn the_real_site_passes() {
    let o = check(&repo(), &[]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(err.contains("No errors, 0 warnings."), "{err}");
}

#[test]
fn help_has_examples() {
    let o = common::omtanke().args(["check", "--help"]).output().unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("omtanke check --root ../min-sajt --today 2026-11-26"),
        "{out}"
    );
    assert!(out.contains("--external"), "{out}");
}
