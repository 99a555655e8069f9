//! Referral cards (`/aktiviteter/<id>/kort/`): every coming activity has one, with its facts and
//! a QR code that an independent reader (zbar's `zbarimg`) decodes to the page's absolute
//! address, also for a site published under a sub-path.

mod common;

use common::qr::decode;
use common::{build, fixture, read, stderr};

#[test]
fn every_coming_activity_has_a_card_with_its_facts_and_a_link_from_its_page() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = build(&fixture("good"), &out, "2026-11-26", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let card = read(&out, "aktiviteter/fredagsmote/kort/index.html");
    for fact in [
        "Första steget",
        "<h1 class=\"card-title\" id=\"kort-rubrik\">Fredagsmöte</h1>",
        "Sista fredagen i månaden.",
        "Byhuset, Byvägen 2, Påarp",
        "20 kr. Boka plats först.",
        "Nästa gånger: fredag 27 november kl. 10.00, fredag 25 december kl. 10.00",
        "<meta name=\"robots\" content=\"noindex\">",
    ] {
        assert!(card.contains(fact), "the card lacks {fact:?}: {card}");
    }
    // One card to read; three more copies for the A4 sheet, hidden from screen readers.
    assert_eq!(card.matches("class=\"referral-card\"").count(), 1);
    assert_eq!(card.matches("referral-card-copy\" aria-hidden=\"true\"").count(), 3);
    let page = read(&out, "aktiviteter/fredagsmote/index.html");
    assert!(page.contains("href=\"/aktiviteter/fredagsmote/kort/\""), "{page}");
    // An ended activity has no card, and its page does not link one.
    assert!(!out.join("aktiviteter/sommarpicknick/kort/index.html").exists());
    assert!(!read(&out, "aktiviteter/sommarpicknick/index.html").contains("/kort/"));
    // In English too.
    assert!(read(&out, "en/aktiviteter/fredagsmote/kort/index.html").contains("The first step"));
    // The site map leaves the cards to the activity pages.
    assert!(!read(&out, "sitemap.xml").contains("/kort/"));
}

#[test]
fn the_qr_code_decodes_to_the_pages_absolute_address_under_a_sub_path() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = build(
        &fixture("good"),
        &out,
        "2026-11-26",
        &["--base-url", "https://example.org/förening/omtanke"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let card = read(&out, "aktiviteter/fredagsmote/kort/index.html");
    assert_eq!(
        decode(&card, tmp.path()),
        "https://example.org/f%C3%B6rening/omtanke/aktiviteter/fredagsmote/"
    );
    let english = read(&out, "en/aktiviteter/fredagsmote/kort/index.html");
    assert_eq!(
        decode(&english, tmp.path()),
        "https://example.org/f%C3%B6rening/omtanke/en/aktiviteter/fredagsmote/"
    );
}

#[test]
fn the_referral_page_lists_the_coming_activities_by_interest_and_area_with_their_cards() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = build(&fixture("good"), &out, "2026-11-26", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = read(&out, "for-dig-som-moter/hanvisa/index.html");
    assert!(page.contains("<h1>Hänvisa någon</h1>"), "{page}");
    for heading in [
        "Efter intresse",
        "Efter område",
        "id=\"hanvisa-omrade-paarp\">Påarp</h3>",
    ] {
        assert!(page.contains(heading), "lacks {heading:?}: {page}");
    }
    assert!(page.contains("href=\"/aktiviteter/fredagsmote/kort/\""), "{page}");
    assert!(!page.contains("sommarpicknick"), "an ended activity is offered: {page}");
    // The ticks are for hanvisa.js to show: hidden without it.
    assert!(page.contains("<label class=\"referral-tick\" hidden>"), "{page}");
    let cards = read(&out, "for-dig-som-moter/hanvisa/kort/index.html");
    assert_eq!(
        cards.matches("class=\"referral-card\"").count(),
        3,
        "one card per coming activity"
    );
    assert!(cards.contains("data-activity=\"fredagsmote\""), "{cards}");
    assert!(cards.contains("<meta name=\"robots\" content=\"noindex\">"));
}
