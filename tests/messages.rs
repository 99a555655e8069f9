//! The command line speaks the site's language: Swedish for a Swedish site unless `--lang en`
//! says otherwise, in its messages, its summaries and its `--help`.

mod common;

use assert_cmd::Command;
use common::{fixture, stderr};

fn omtanke(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("omtanke").unwrap().args(args).output().unwrap()
}

fn broken(lang: Option<&str>) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let root = fixture("broken");
    let out = tmp.path().join("public");
    let mut args = vec![
        "build",
        "--today",
        "2026-11-26",
        "--root",
        root.to_str().unwrap(),
        "--output",
    ];
    args.push(out.to_str().unwrap());
    if let Some(lang) = lang {
        args.extend(["--lang", lang]);
    }
    let o = omtanke(&args);
    assert_eq!(o.status.code(), Some(1));
    stderr(&o)
}

#[test]
fn a_swedish_site_gets_swedish_messages_unless_asked_for_english() {
    let swedish = broken(None);
    for expected in [
        "content/aktiviteter/saknas.toml:1:1: fel: aktiviteten saknar `title` — lägg till `title = \"Pratcafé Söder\"`",
        "content/aktiviteter/stavfel.toml:3:1: fel: okänd nyckel `intrests` — menade du `interests`?",
        "content/aktiviteter/stavfel.toml:9:9: fel: \"25:00\" är ingen tid på dygnet",
        "content/sida.md:2:1: fel: sidan saknar `title`",
        "14 fel hittades; ingenting skrevs.",
    ] {
        assert!(swedish.contains(expected), "missing:\n{expected}\nin:\n{swedish}");
    }
    assert!(!swedish.contains(": error: "), "{swedish}");
    let english = broken(Some("en"));
    assert!(
        english.contains("content/aktiviteter/saknas.toml:1:1: error: the activity has no `title`"),
        "{english}"
    );
    assert!(!english.contains(": fel: "), "{english}");
    assert!(english.contains("14 errors found; nothing was written."), "{english}");
}

#[test]
fn check_sums_up_in_the_sites_language() {
    let root = fixture("check");
    let root = root.to_str().unwrap();
    let swedish = stderr(&omtanke(&["check", "--today", "2026-11-26", "--root", root]));
    assert!(swedish.trim_end().ends_with("22 fel, 1 varning."), "{swedish}");
    let english = stderr(&omtanke(&[
        "check",
        "--today",
        "2026-11-26",
        "--root",
        root,
        "--lang",
        "en",
    ]));
    assert!(english.trim_end().ends_with("22 errors, 1 warning."), "{english}");
}

#[test]
fn help_is_in_both_languages() {
    let out = |args: &[&str]| String::from_utf8(omtanke(args).stdout).unwrap();
    // No site.toml in the test's folder: Swedish, the default.
    let swedish = out(&["--help"]);
    assert!(swedish.contains("Användning: omtanke [VAL] <KOMMANDO>"), "{swedish}");
    assert!(
        swedish.contains("Kontrollera webbplatsen utan att skriva något"),
        "{swedish}"
    );
    assert!(!swedish.contains("Print help"), "{swedish}");
    let english = out(&["--help", "--lang", "en"]);
    assert!(english.contains("Usage: omtanke [OPTIONS] <COMMAND>"), "{english}");
    assert!(english.contains("Check the site without writing anything"), "{english}");
    let build = out(&["build", "--help"]);
    assert!(build.contains("Mappen webbplatsen skrivs till"), "{build}");
    let new = out(&["new", "--help", "--lang", "en"]);
    assert!(new.contains("Usage: omtanke new [OPTIONS] <KIND> <NAME>"), "{new}");
}

#[test]
fn an_english_site_gets_english_messages() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    common::copy_dir(&fixture("check"), &site);
    let toml = std::fs::read_to_string(site.join("site.toml")).unwrap();
    std::fs::write(
        site.join("site.toml"),
        format!("language = \"en\"\n{}", toml.replace("language = \"sv\"\n", "")),
    )
    .unwrap();
    let english = stderr(&omtanke(&[
        "check",
        "--today",
        "2026-11-26",
        "--root",
        site.to_str().unwrap(),
    ]));
    assert!(english.contains(": error: "), "{english}");
}

#[test]
fn usage_mistakes_are_explained_in_the_sites_language() {
    let o = omtanke(&["build", "--nonsense"]);
    assert_eq!(o.status.code(), Some(2));
    let said = stderr(&o);
    assert!(said.starts_with("fel: okänt val '--nonsense'"), "{said}");
    assert!(said.contains("Användning: omtanke build [VAL]"), "{said}");
    let o = omtanke(&["build", "--nonsense", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("error: unexpected argument '--nonsense' found"),
        "{}",
        stderr(&o)
    );
}
