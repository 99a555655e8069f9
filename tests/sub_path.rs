//! A site published under a sub-path (`base_url = "https://example.org/undermapp"`, a project
//! page of a static host): every address the site writes carries the path, and `check` takes
//! links written either way.

mod common;

use std::path::Path;

use common::{build, copy_dir, fixture, read, stderr};

const TODAY: &str = "2026-11-26";
const BASE: &str = "https://example.org/undermapp";

/// Every `href`, `src` and `action` in the site's HTML that is a site path, with its file.
fn site_paths(out: &Path) -> Vec<(String, String)> {
    let mut found = vec![];
    for entry in walkdir::WalkDir::new(out) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = std::fs::read_to_string(entry.path()).unwrap();
        for attr in ["href=\"", "src=\"", "action=\""] {
            for rest in html.split(attr).skip(1) {
                let value = &rest[..rest.find('"').unwrap()];
                if value.starts_with('/') && !value.starts_with("//") {
                    found.push((entry.path().display().to_string(), value.to_string()));
                }
            }
        }
    }
    found
}

#[test]
fn every_address_carries_the_sub_path() {
    for site in [common::repo(), fixture("good"), fixture("swedish-names")] {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let o = build(&site, &out, TODAY, &["--base-url", BASE]);
        assert!(o.status.success(), "{}", stderr(&o));
        let paths = site_paths(&out);
        assert!(paths.len() > 50, "{} has links", site.display());
        let outside: Vec<_> = paths.iter().filter(|(_, p)| !p.starts_with("/undermapp/")).collect();
        assert!(outside.is_empty(), "links outside the sub-path: {outside:?}");
        // The search index and the sitemap too.
        assert!(read(&out, "sok/index.json").contains(r#""u":"/undermapp/"#));
        assert!(read(&out, "sitemap.xml").contains("<loc>https://example.org/undermapp/</loc>"));
        assert!(read(&out, "robots.txt").contains("Sitemap: https://example.org/undermapp/sitemap.xml"));
    }
}

#[test]
fn translations_link_to_their_own_pages_under_the_sub_path() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = build(&fixture("good"), &out, TODAY, &["--base-url", BASE]);
    assert!(o.status.success(), "{}", stderr(&o));
    let english = read(&out, "en/stod/tips/index.html");
    assert!(english.contains(r#"href="/undermapp/en/kalender/""#), "{english}");
    // The search page exists only in Swedish, so English pages link there.
    assert!(english.contains(r#"href="/undermapp/sok/""#));
    // The switcher leads to the Swedish page.
    assert!(english.contains(r#"href="/undermapp/stod/tips/" hreflang="sv""#));
}

#[test]
fn check_takes_links_with_or_without_the_sub_path() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("swedish-names"), &site);
    let toml = std::fs::read_to_string(site.join("site.toml")).unwrap();
    std::fs::write(
        site.join("site.toml"),
        toml.replace(
            "base_url = \"https://exempel.example/\"",
            &format!("base_url = \"{BASE}\""),
        ),
    )
    .unwrap();
    std::fs::write(
        site.join("content/stod/Länkar.md"),
        "+++\ntitle = \"Länkar\"\n+++\n\n[Stöd](/stod/), [Mitt inlägg](/undermapp/stod/mitt-inlagg/) och [start](/undermapp/).\n",
    )
    .unwrap();
    let check = |expect_ok: bool| {
        let o = common::omtanke()
            .args(["check", "--today", TODAY, "--root"])
            .arg(&site)
            .output()
            .unwrap();
        assert_eq!(o.status.success(), expect_ok, "{}", stderr(&o));
        stderr(&o)
    };
    check(true);
    std::fs::write(
        site.join("content/stod/Länkar.md"),
        "+++\ntitle = \"Länkar\"\n+++\n\n[Borta](/undermapp/finns-inte/).\n",
    )
    .unwrap();
    assert!(check(false).contains("finns-inte"));
}
