//! Booking from home on the website (`booking_url` in site.toml): a bookable activity's page has
//! an "Anmäl dig" form that posts a request to the kiosk's inbox, with the meetings whose booking
//! has opened, the fields the inbox reads, a consent tick and a trap for robots; without
//! `booking_url`, or for an activity without `[booking]`, there is none.

mod common;

use common::{build, copy_dir, fixture, read, stderr};

const INBOX: &str = "https://forslag.test.example.se/anmalan";

/// The good fixture (which has `booking_url`) with its `booking_url` line replaced by `line`.
fn site(tmp: &std::path::Path, line: &str) -> std::path::PathBuf {
    let site = tmp.join("site");
    copy_dir(&fixture("good"), &site);
    let toml = std::fs::read_to_string(site.join("site.toml")).unwrap();
    let at = toml
        .lines()
        .position(|l| l.starts_with("booking_url"))
        .expect("the fixture has booking_url");
    let lines: Vec<&str> = toml
        .lines()
        .enumerate()
        .map(|(i, l)| if i == at { line } else { l })
        .collect();
    std::fs::write(site.join("site.toml"), lines.join("\n")).unwrap();
    site
}

#[test]
fn a_bookable_activity_has_a_form_to_the_inbox_with_the_opened_meetings() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = build(&fixture("good"), &out, "2026-11-26", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = read(&out, "aktiviteter/fredagsmote/index.html");
    assert!(
        page.contains(&format!(
            r#"<form method="post" action="{INBOX}" class="form booking-form""#
        )),
        "{page}"
    );
    // Fredagsmöte: the last Friday of the month, booking opens 14 days before: 27 November only.
    let options: Vec<&str> = page.matches(r#"name="tillfalle" type="radio""#).collect();
    assert_eq!(options.len(), 1, "{page}");
    assert!(
        page.contains(r#"<input id="anmal-tillfalle-1" name="tillfalle" type="radio" value="fredagsmote@2026-11-27T10:00" required><label for="anmal-tillfalle-1">fredag 27 november kl. 10.00</label>"#),
        "{page}"
    );
    // The names the kiosk's inbox reads (kiosk/src/web/home_booking.rs).
    for name in ["tillfalle", "namn", "telefon", "samtycke", "webbplats"] {
        assert!(page.contains(&format!(r#"name="{name}""#)), "{name}");
    }
    assert!(page.contains(r#"type="checkbox" value="ja" required"#));
    assert!(read(&out, "en/aktiviteter/fredagsmote/index.html").contains("Sign up from home"));
    // Activities without [booking] have no form.
    assert!(!read(&out, "aktiviteter/sondagsfika/index.html").contains("booking-form"));
}

#[test]
fn without_booking_url_there_is_no_form_and_a_wrong_one_is_refused_where_it_is() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    assert!(build(&site(tmp.path(), ""), &out, "2026-11-26", &[]).status.success());
    assert!(!read(&out, "aktiviteter/fredagsmote/index.html").contains("booking-form"));
    std::fs::remove_dir_all(tmp.path().join("site")).unwrap();
    let o = build(
        &site(tmp.path(), "booking_url = \"forslag.example/anmalan\""),
        &tmp.path().join("p2"),
        "2026-11-26",
        &[],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("site.toml:7:15: error: `booking_url` = \"forslag.example/anmalan\""),
        "{}",
        stderr(&o)
    );
}
