//! The snackebord's conversation starters from `content/snackebord.toml`: a page that lists them
//! and prints them as folded table cards, in each language, in the search index; and an error
//! at its place in the file when a translation lacks a question.

mod common;

use common::qr::decode;
use common::{build, copy_dir, fixture, read, stderr};

#[test]
fn the_questions_make_a_page_with_table_cards_in_each_language() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = build(&fixture("good"), &out, "2026-11-26", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = read(&out, "snackebord/index.html");
    assert!(
        page.contains("<li>Vilken årstid tycker du bäst om, och varför?</li>"),
        "{page}"
    );
    // Three questions: two folded cards, the second with one side left blank.
    assert_eq!(page.matches("class=\"table-card\"").count(), 2, "{page}");
    assert_eq!(page.matches("class=\"table-card-question\"").count(), 3);
    let english = read(&out, "en/snackebord/index.html");
    assert!(
        english.contains("<li>Which season do you like best, and why?</li>"),
        "{english}"
    );
    let index: serde_json::Value = serde_json::from_str(&read(&out, "sok/index.json")).unwrap();
    let docs = index["docs"].as_array().unwrap();
    let at = docs
        .iter()
        .position(|d| d["u"] == "/snackebord/")
        .expect("the page is in the search index");
    assert!(
        docs[at]["s"]
            .as_str()
            .unwrap()
            .starts_with("Ett snackebord är ett bord"),
        "{}",
        docs[at]
    );
    // Found by the words of its questions.
    let terms = index["terms"].as_object().unwrap();
    // "årstid" is only in a question; the index keeps words without accents.
    assert!(
        terms["arstid"].as_array().unwrap().contains(&serde_json::json!(at)),
        "a question's word does not lead to the page"
    );
}

#[test]
fn a_translation_without_every_question_stops_the_build_at_its_table() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("good"), &site);
    std::fs::write(
        site.join("content/snackebord.toml"),
        "questions = [\"Hej?\", \"Kaffe?\"]\n\n[en]\nquestions = [\"Hi?\"]\n",
    )
    .unwrap();
    let o = build(&site, &tmp.path().join("public"), "2026-11-26", &[]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.contains("content/snackebord.toml:3:1"), "{err}");
    assert!(err.contains("[en] has 1 questions, but the original has 2"), "{err}");
}

#[test]
fn a_site_without_the_file_has_no_page() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("good"), &site);
    std::fs::remove_file(site.join("content/snackebord.toml")).unwrap();
    let out = tmp.path().join("public");
    let o = build(&site, &out, "2026-11-26", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!out.join("snackebord/index.html").exists());
}

#[test]
fn the_table_cards_qr_code_is_the_sites_address_under_a_sub_path() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = build(
        &fixture("good"),
        &out,
        "2026-11-26",
        &["--base-url", "https://example.org/förening"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        decode(&read(&out, "snackebord/index.html"), tmp.path()),
        "https://example.org/f%C3%B6rening/"
    );
    assert_eq!(
        decode(&read(&out, "en/snackebord/index.html"), tmp.path()),
        "https://example.org/f%C3%B6rening/en/"
    );
}
