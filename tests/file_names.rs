//! Editors name files the way they write: å, ä, ö, capitals and spaces in file and folder names
//! become slug addresses, `slug = "…"` chooses another, pictures keep their names, and two files
//! that would share an address are refused with both named.

mod common;

use std::path::Path;

use common::{build, copy_dir, fixture, read, stderr};

const TODAY: &str = "2026-11-26";

fn copy_of_fixture(tmp: &Path) -> std::path::PathBuf {
    let site = tmp.join("site");
    copy_dir(&fixture("swedish-names"), &site);
    site
}

#[test]
fn swedish_names_build_at_their_slugs() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = build(&fixture("swedish-names"), &out, TODAY, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    for (file, title) in [
        ("aktiviteter/maltidsvanner/index.html", "Måltidsvänner"),
        ("aktiviteter/sprakcafe/index.html", "Språkcafé"),
        ("platser/hjartats-hus/index.html", "Hjärtats hus"),
        ("stod/mitt-inlagg/index.html", "Mitt inlägg"),
        ("stod/en-annan-adress/index.html", "Ännu en sida"),
        ("traffpunkter/index.html", "Träffpunkter"),
        ("traffpunkter/oppet-hus/index.html", "Öppet hus"),
        ("anslagstavla/var-forsta-traff/index.html", "Vår första träff"),
    ] {
        let page = read(&out, file);
        assert!(page.contains("<h1") && page.contains(title), "{file} has {title}");
    }
    // No address keeps the names as written.
    let sitemap = read(&out, "sitemap.xml");
    for written in ["Mitt", "inlägg", "Träffpunkter", "måltids", "%C3"] {
        assert!(!sitemap.contains(written), "{written} in the sitemap:\n{sitemap}");
    }
    // Both ways of naming a place work: the file as written and its slug.
    assert!(read(&out, "aktiviteter/maltidsvanner/index.html").contains("/platser/hjartats-hus/"));
    assert!(read(&out, "aktiviteter/sprakcafe/index.html").contains("/platser/hjartats-hus/"));
    // Pictures keep their names; their addresses are written as browsers and validators expect.
    assert!(out.join("aktiviteter/bild på fika.jpg").is_file());
    assert!(out.join("traffpunkter/bild på fika.jpg").is_file());
    assert!(
        read(&out, "aktiviteter/maltidsvanner/index.html").contains(r#"src="/aktiviteter/bild%20p%C3%A5%20fika.jpg""#)
    );
    assert!(read(&out, "traffpunkter/index.html").contains(r#"src="bild%20p%C3%A5%20fika.jpg""#));
    // The link checker finds every page and picture where the links say.
    common::omtanke()
        .args(["check", "--today", TODAY, "--root"])
        .arg(fixture("swedish-names"))
        .assert()
        .success();
}

#[test]
fn two_files_with_the_same_slug_are_refused_with_both_named() {
    let tmp = tempfile::tempdir().unwrap();
    let site = copy_of_fixture(tmp.path());
    let content = site.join("content");
    std::fs::copy(
        content.join("aktiviteter/måltidsvänner.toml"),
        content.join("aktiviteter/Måltidsvänner.toml"),
    )
    .unwrap();
    std::fs::write(content.join("stod/mitt-inlagg.md"), "+++\ntitle = \"Dubbel\"\n+++\n").unwrap();
    std::fs::copy(
        content.join("platser/Hjärtats hus.toml"),
        content.join("platser/hjärtats-hus.toml"),
    )
    .unwrap();
    let o = build(&site, &tmp.path().join("public"), TODAY, &[]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    for both in [
        [
            "content/aktiviteter/Måltidsvänner.toml",
            "content/aktiviteter/måltidsvänner.toml",
        ],
        ["content/stod/Mitt inlägg.md", "content/stod/mitt-inlagg.md"],
        ["content/platser/Hjärtats hus.toml", "content/platser/hjärtats-hus.toml"],
    ] {
        let line = err
            .lines()
            .find(|l| l.contains(both[0]) && l.contains(both[1]))
            .unwrap_or_else(|| panic!("no message names both {both:?}:\n{err}"));
        assert!(line.contains("error"), "{line}");
    }
}

#[test]
fn a_chosen_slug_is_checked_where_it_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let site = copy_of_fixture(tmp.path());
    let file = site.join("content/aktiviteter/Språkcafé på torsdagar.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("slug = \"sprakcafe\"", "slug = \"Språk Café\"")).unwrap();
    std::fs::write(site.join("content/stod/!!!.md"), "+++\ntitle = \"Utropstecken\"\n+++\n").unwrap();
    let o = build(&site, &tmp.path().join("public"), TODAY, &[]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("content/aktiviteter/Språkcafé på torsdagar.toml:1:8: error: `slug` \"Språk Café\" cannot be used in a web address as it is"),
        "{err}"
    );
    assert!(err.contains("slug = \"sprak-cafe\""), "suggests the slug: {err}");
    assert!(
        err.contains("content/stod/!!!.md:1:1: error: the name \"!!!\" has no letters or digits"),
        "{err}"
    );
}
