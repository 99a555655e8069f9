//! The search page `/sok/` and its index `sok/index.json`: built for the real site and the good
//! fixture, with Swedish words folded and stemmed the way `search.js` looks them up, and without
//! drafts.

mod common;

use std::path::Path;

use common::{build, fixture, read, repo, stderr};
use serde_json::Value;

/// Builds `root` and returns the output folder (kept alive by the returned guard) and the index.
fn built(root: &Path) -> (tempfile::TempDir, Value) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = build(root, &out, "2026-11-26", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let index: Value = serde_json::from_str(&read(&out, "sok/index.json")).expect("sok/index.json is JSON");
    (tmp, index)
}

/// The titles of the documents that have `term`.
fn titles_with(index: &Value, term: &str) -> Vec<String> {
    let docs = index["docs"].as_array().expect("docs");
    index["terms"][term]
        .as_array()
        .unwrap_or_else(|| panic!("no term {term:?} in the index"))
        .iter()
        .map(|i| docs[i.as_u64().unwrap() as usize]["t"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn fixture_index_has_folded_stemmed_terms_and_no_drafts() {
    let (tmp, index) = built(&fixture("good"));
    // "Söndagsfika" is found as sondagsfik, and "Läsning" (an interest) as lasning.
    assert!(titles_with(&index, "sondagsfik").contains(&"Söndagsfika".to_string()));
    assert!(titles_with(&index, "lasning").contains(&"Söndagsfika".to_string()));
    assert!(index["terms"].get("söndagsfika").is_none(), "terms are folded");
    let docs = index["docs"].as_array().unwrap();
    let sondag = docs
        .iter()
        .find(|d| d["t"] == "Söndagsfika")
        .expect("activity in the index");
    assert_eq!(sondag["u"], "/aktiviteter/sondagsfika/");
    assert_eq!(sondag["k"], "Aktivitet");
    assert_eq!(sondag["s"], "Fika varje söndag.");
    // Ended activities are kept, marked so the script shows them last.
    let ended = docs
        .iter()
        .find(|d| d["u"] == "/aktiviteter/sommarpicknick/")
        .expect("ended activity");
    assert_eq!(ended["e"], true);
    assert!(sondag.get("e").is_none(), "only ended activities carry the mark");
    // The draft page "Utkast om stöd" is neither a document nor a term.
    assert!(
        !docs.iter().any(|d| d["u"] == "/stod/hemlig/"),
        "draft page in the index"
    );
    assert!(index["terms"].get("utkast").is_none(), "a draft's words in the index");
    // Common words are left out; they would match everything.
    assert!(index["terms"].get("och").is_none());

    let page = read(&tmp.path().join("public"), "sok/index.html");
    assert!(page.contains(r#"<script src="/assets/search.js" defer></script>"#));
    assert!(page.contains(r#"name="q""#) && page.contains(r#"<label for="sok-ord">"#));
    assert!(
        page.contains(r#"href="/aktiviteter/intresse/fika/""#),
        "filter lists for use without JavaScript"
    );
    assert!(page.contains(r#"href="/aktiviteter/dag/sondag/""#));
    assert!(tmp.path().join("public/assets/search.js").is_file());
}

#[test]
fn real_site_index_is_small_and_finds_swedish_words() {
    let (tmp, index) = built(&repo());
    let out = tmp.path().join("public");
    let size = std::fs::metadata(out.join("sok/index.json")).unwrap().len();
    assert!(
        size < 60_000,
        "sok/index.json is {size} bytes; the browser downloads all of it"
    );
    let script = std::fs::metadata(out.join("assets/search.js")).unwrap().len();
    assert!(script < 8_000, "search.js is {script} bytes");

    // Every activity the editors wrote is a document, under its title.
    let docs = index["docs"].as_array().unwrap();
    let folder = repo().join("content/aktiviteter");
    for entry in std::fs::read_dir(&folder).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let activity: toml::Table = std::fs::read_to_string(&path).unwrap().parse().unwrap();
        let title = activity["title"].as_str().unwrap();
        assert!(docs.iter().any(|d| d["t"] == title), "{title} is not in the index");
    }
    for kind in ["Aktivitet", "Sida", "Mötesplats", "Lista"] {
        assert!(docs.iter().any(|d| d["k"] == kind), "no document of kind {kind}");
    }
    // Nothing marked as a draft.
    for entry in common::files(&repo().join("content")) {
        let text = std::fs::read_to_string(&entry).unwrap_or_default();
        if entry.extension().is_some_and(|e| e == "md") && text.contains("\ndraft = true") {
            let title = text
                .lines()
                .find_map(|l| l.strip_prefix("title = "))
                .unwrap()
                .trim_matches('"');
            assert!(!docs.iter().any(|d| d["t"] == title), "draft {title} in the index");
        }
    }
    let home = read(&out, "index.html");
    assert!(
        home.contains(r#"<a class="nav-search" href="/sok/">Sök</a>"#),
        "search link in the header"
    );
    let sitemap = read(&out, "sitemap.xml");
    assert!(sitemap.contains("/sok/</loc>"));
}

#[test]
fn built_in_pages_are_found_by_their_titles_and_their_own_words() {
    let (_tmp, index) = built(&fixture("good"));
    let docs = index["docs"].as_array().unwrap();
    let doc = |url: &str| {
        let found: Vec<&Value> = docs.iter().filter(|d| d["u"] == url).collect();
        assert_eq!(found.len(), 1, "{url} once in the index");
        found[0].clone()
    };
    let statistics = doc("/statistik/");
    assert_eq!(statistics["t"], "Statistik");
    assert_eq!(statistics["k"], "Sida");
    assert!(
        statistics["s"]
            .as_str()
            .unwrap()
            .starts_with("Så många har kommit till våra mötesplatser."),
        "{statistics}"
    );
    let evaluation = doc("/utvardering/");
    assert_eq!(evaluation["t"], "Utvärdering");
    assert!(
        evaluation["s"].as_str().unwrap().contains("frågor om ensamhet"),
        "{evaluation}"
    );
    let pot = doc("/anslagstavla/invanarpott/");
    assert_eq!(pot["t"], "Invånarpotten");
    assert!(pot["s"].as_str().unwrap().starts_with("Med invånarpotten"), "{pot}");
    assert_eq!(doc("/anslagstavla/")["t"], "Anslagstavlan");
    assert_eq!(doc("/kalender/")["t"], "Kalender");

    assert!(titles_with(&index, "statistik").contains(&"Statistik".to_string()));
    // "Huset", the meeting place whose visits are counted.
    assert!(titles_with(&index, "hus").contains(&"Statistik".to_string()));
    // "ensamhet" and "ensam" are both found as ensam.
    assert!(titles_with(&index, "ensam").contains(&"Utvärdering".to_string()));
    // ABF, the study association of the fixture's funded posts.
    assert!(titles_with(&index, "abf").contains(&"Invånarpotten".to_string()));
    // "Föreslå en aktivitet" leads to the board.
    assert!(titles_with(&index, "foresl").contains(&"Anslagstavlan".to_string()));
    // Posts were already there.
    assert!(titles_with(&index, "boul").contains(&"Boule i parken".to_string()));
}

#[test]
fn a_built_in_page_with_an_index_file_is_one_result_with_its_words() {
    let (_tmp, index) = built(&repo());
    let docs = index["docs"].as_array().unwrap();
    let board: Vec<&Value> = docs.iter().filter(|d| d["u"] == "/anslagstavla/").collect();
    assert_eq!(
        board.len(),
        1,
        "content/anslagstavla/_index.md and the built-in board are one result"
    );
    // Its summary is the section file's own description.
    let section = std::fs::read_to_string(repo().join("content/anslagstavla/_index.md")).unwrap();
    let description = section
        .lines()
        .find_map(|l| l.strip_prefix("description = \""))
        .map(|d| d.trim_end_matches('"'))
        .expect("the board's _index.md has a description");
    assert_eq!(board[0]["s"], description);
    // The real site has no visit or evaluation data yet, so no such pages to find.
    assert!(
        !docs
            .iter()
            .any(|d| d["u"] == "/statistik/" || d["u"] == "/utvardering/")
    );
    assert!(docs.iter().any(|d| d["u"] == "/anslagstavla/invanarpott/"));
}
