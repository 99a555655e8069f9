//! Posters for notice boards (`/platser/<id>/affisch/`, `/aktiviteter/omrade/<slug>/affisch/`):
//! the coming four weeks there, the site's phone number, the day it was made, and a QR code that
//! zbarimg decodes to the listing's absolute address.

mod common;

use common::qr::decode;
use common::{build, fixture, read, stderr};

#[test]
fn a_place_and_an_area_have_posters_of_their_coming_four_weeks() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = build(&fixture("good"), &out, "2026-11-26", &[]);
    assert!(o.status.success(), "{}", stderr(&o));

    let area = read(&out, "aktiviteter/omrade/soder/affisch/index.html");
    for fact in [
        "<h1 id=\"affisch-rubrik\">Det här händer i Söder</h1>",
        "26 november – 23 december 2026.",
        "Söndag 29 november",
        "Söndag 20 december",
        "Frågor? Ring 012-345 67 89",
        "Affischen gjordes 26 november 2026.",
        "<meta name=\"robots\" content=\"noindex\">",
    ] {
        assert!(area.contains(fact), "the area's poster lacks {fact:?}: {area}");
    }
    // Four weeks, not the calendar's whole horizon; and only what is in the area.
    assert!(!area.contains("Söndag 27 december"), "{area}");
    assert!(!area.contains("Fredagsmöte"), "Påarp's activity is not Söder's: {area}");
    assert_eq!(
        decode(&area, tmp.path()),
        "https://test.example.se/aktiviteter/omrade/soder/"
    );
    assert!(read(&out, "aktiviteter/omrade/soder/index.html").contains("href=\"/aktiviteter/omrade/soder/affisch/\""));

    let place = read(&out, "platser/huset/affisch/index.html");
    assert!(place.contains("Det här händer på Huset"), "{place}");
    assert!(place.contains("Söndagsfika"), "{place}");
    assert_eq!(decode(&place, tmp.path()), "https://test.example.se/platser/huset/");
    assert!(read(&out, "platser/huset/index.html").contains("href=\"/platser/huset/affisch/\""));

    let english = read(&out, "en/aktiviteter/omrade/soder/affisch/index.html");
    assert!(english.contains("What is on in Söder"), "{english}");
    assert_eq!(
        decode(&english, tmp.path()),
        "https://test.example.se/en/aktiviteter/omrade/soder/"
    );
}

#[test]
fn a_site_without_a_phone_number_prints_none() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    common::copy_dir(&fixture("good"), &site);
    let toml = std::fs::read_to_string(site.join("site.toml")).unwrap();
    std::fs::write(site.join("site.toml"), toml.replace("phone = \"012-345 67 89\"", "")).unwrap();
    let out = tmp.path().join("public");
    let o = build(&site, &out, "2026-11-26", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let poster = read(&out, "platser/huset/affisch/index.html");
    assert!(!poster.contains("Ring"), "no number is made up: {poster}");
}

#[test]
fn the_posters_qr_code_carries_the_sub_path() {
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
        decode(&read(&out, "platser/huset/affisch/index.html"), tmp.path()),
        "https://example.org/f%C3%B6rening/platser/huset/"
    );
}
