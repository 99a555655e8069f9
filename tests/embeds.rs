//! Listings partners can embed: `/inbadda/` with snippets, and a small page for an `<iframe>` per
//! organizer, interest and area — no script, no header, links to new tabs, under 15 KB, not in
//! the site map.

mod common;

use common::{build, fixture, read, stderr};

#[test]
fn every_organizer_interest_and_area_has_a_small_page_to_embed() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = build(
        &fixture("good"),
        &out,
        "2026-11-26",
        &["--base-url", "https://example.org/förening"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    for (path, shows, not) in [
        ("inbadda/arrangor/huset/index.html", "Kvällscafé", "Fredagsmöte"),
        ("inbadda/intresse/samtal/index.html", "Fredagsmöte", "Söndagsfika"),
        ("inbadda/omrade/paarp/index.html", "Fredagsmöte", "Kvällscafé"),
    ] {
        let page = read(&out, path);
        assert!(page.len() < 15 * 1024, "{path} is {} bytes", page.len());
        assert!(page.contains(shows) && !page.contains(not), "{path}: {page}");
        assert!(
            page.contains("<base target=\"_blank\">"),
            "{path}: links leave the frame"
        );
        assert!(page.contains("<meta name=\"robots\" content=\"noindex\">"));
        assert!(!page.contains("<script"), "{path} needs no script");
        assert!(!page.contains("site-header") && !page.contains("site-footer"), "{path}");
        assert!(page.contains("prefers-color-scheme: dark"), "{path}");
        // Under the sub-path, like every other address of the site.
        assert!(
            page.contains("href=\"/f%C3%B6rening/aktiviteter/") || page.contains("href=\"/förening/aktiviteter/"),
            "{path}: {page}"
        );
    }
    let snippets = read(&out, "inbadda/index.html");
    assert!(
        snippets.contains("&lt;iframe src=\"https://example.org/förening/inbadda/omrade/paarp/\" title=\"Påarp\""),
        "{snippets}"
    );
    assert!(
        snippets.contains("https://example.org/förening/arrangorer/huset/kalender.ics"),
        "{snippets}"
    );
    assert!(snippets.contains("https://example.org/förening/api/activities.json"));
    let sitemap = read(&out, "sitemap.xml");
    assert!(
        sitemap.contains("/inbadda/</loc>") && !sitemap.contains("/inbadda/omrade/"),
        "{sitemap}"
    );
    assert!(read(&out, "en/inbadda/omrade/paarp/index.html").contains("activities from Test site"));
}
