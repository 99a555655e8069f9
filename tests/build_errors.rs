//! Broken content: every problem is reported with file, line and column in one run, the exit
//! status says so, and an earlier output folder is left exactly as it was.

mod common;

use common::{build, copy_dir, fixture, read, stderr};

#[test]
fn every_error_is_listed_with_path_line_and_column() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = build(&fixture("broken"), &out, "2026-11-26", &[]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    for expected in [
        "content/aktiviteter/stavfel.toml:3:1: error: unknown key `intrests` — did you mean `interests`?",
        "content/aktiviteter/stavfel.toml:4:9: error: there is no place \"finns-inte\"",
        "content/aktiviteter/stavfel.toml:5:9: error: `image` has no `image_alt`",
        "content/aktiviteter/stavfel.toml:9:9: error: \"25:00\" is not a time of day",
        "content/aktiviteter/stavfel.toml:15:7: error: the activity ends (12:00) before it starts (14:00)",
        "content/aktiviteter/stavfel.toml:17:9: error: `until` (2026-01-01) is before `from` (2026-05-01)",
        "content/aktiviteter/saknas.toml:1:1: error: the activity has no `title`",
        "content/aktiviteter/trasig.toml:1:21: error: this is not valid TOML",
        "content/sida.md:2:1: error: unknown key `titel` — did you mean `title`?",
        "content/ingen-front.md:1:1: error: the file does not start with front matter",
        "which content/sida/index.md already has",
        "content/ensam.lattlast.md:1:1: error: this easy-to-read version has no page /ensam/ to go with",
    ] {
        assert!(err.contains(expected), "missing:\n{expected}\nin:\n{err}");
    }
    assert!(err.contains("errors found; nothing was written."));
    assert!(!out.exists(), "nothing written");
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().collect();
    assert!(leftovers.is_empty(), "no temporary folders left: {leftovers:?}");
}

#[test]
fn a_failed_build_leaves_the_earlier_output_unchanged() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    assert!(build(&fixture("good"), &out, "2026-11-26", &[]).status.success());
    let before = read(&out, "index.html");
    std::fs::write(out.join("marker.txt"), "from before").unwrap();

    // A site that loads but fails while rendering, after the output has started to be produced.
    let site = tmp.path().join("site");
    copy_dir(&fixture("good"), &site);
    std::fs::create_dir_all(site.join("themes/omtanke/templates")).unwrap();
    std::fs::write(
        site.join("themes/omtanke/templates/page.html"),
        "{% extends \"base.html\" %}{% block content %}{{ nope.nope }}{% endblock content %}",
    )
    .unwrap();
    let o = build(&site, &out, "2026-11-26", &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("page.html"), "names the template: {}", stderr(&o));

    let o = build(&fixture("broken"), &out, "2026-11-26", &[]);
    assert_eq!(o.status.code(), Some(1));

    assert_eq!(read(&out, "index.html"), before);
    assert_eq!(read(&out, "marker.txt"), "from before");
    let names: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !n.starts_with(".public")),
        "no temporary folders left: {names:?}"
    );
}

#[test]
fn a_successful_rebuild_replaces_the_output_completely() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    assert!(build(&fixture("good"), &out, "2026-11-26", &[]).status.success());
    std::fs::write(out.join("stale.txt"), "old").unwrap();
    assert!(build(&fixture("good"), &out, "2026-11-26", &[]).status.success());
    assert!(
        !out.join("stale.txt").exists(),
        "files from earlier builds do not linger"
    );
    assert!(out.join("index.html").is_file());
}

#[test]
fn refuses_to_write_over_the_site_itself() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("good"), &site);
    let o = build(&site, &site, "2026-11-26", &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("refusing to replace this folder"), "{}", stderr(&o));
    assert!(site.join("content/_index.md").is_file(), "the site is untouched");
}

#[test]
fn usage_errors_exit_2_and_missing_site_is_explained() {
    let o = common::omtanke().args(["build", "--nonsense"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let o = common::omtanke()
        .args(["build", "--today", "2026-13-01"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let empty = tempfile::tempdir().unwrap();
    let o = build(empty.path(), &empty.path().join("out"), "2026-11-26", &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("site.toml:1:1: error: no site.toml in"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn an_unknown_page_template_is_reported_at_its_line() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("good"), &site);
    std::fs::write(
        site.join("content/stod/egen.md"),
        "+++\ntitle = \"Egen\"\ntemplate = \"finns-inte.html\"\n+++\n",
    )
    .unwrap();
    let o = build(&site, &tmp.path().join("out"), "2026-11-26", &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("content/stod/egen.md:3:12: error: there is no template \"finns-inte.html\""),
        "{}",
        stderr(&o)
    );
}

#[test]
fn check_validates_without_writing() {
    let o = common::omtanke()
        .arg("check")
        .arg("--root")
        .arg(fixture("broken"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("unknown key `intrests`"));
    let o = common::omtanke()
        .arg("check")
        .arg("--root")
        .arg(fixture("good"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!fixture("good").join("public").exists());
}
