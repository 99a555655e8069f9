//! The iCalendar feeds, read back by independent implementations (Python's `icalendar` and
//! `recurring-ical-events`, installed by .ci/run): every occurrence's local start and end across
//! both daylight-saving changes, except and until dates, stable UIDs.

mod common;

use common::{build, fixture, python_check, read, stderr};

#[test]
fn feeds_expand_to_the_right_local_times() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("p");
    let o = build(&fixture("good"), &out, "2026-11-26", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    python_check("check_ics.py", &[out.as_os_str()]);
}

#[test]
fn feeds_are_identical_across_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    assert!(build(&fixture("good"), &a, "2026-11-26", &[]).status.success());
    assert!(build(&fixture("good"), &b, "2026-11-26", &[]).status.success());
    for feed in [
        "kalender.ics",
        "aktiviteter/kvallscafe/kalender.ics",
        "aktiviteter/intresse/samtal/kalender.ics",
    ] {
        assert_eq!(read(&a, feed), read(&b, feed), "{feed} changed between builds");
    }
    let ics = read(&a, "aktiviteter/kvallscafe/kalender.ics");
    assert!(ics.contains("UID:kvallscafe-0@test.example.se\r\n"));
    assert!(ics.contains("UID:kvallscafe-1-20261213@test.example.se\r\n"));
    assert!(
        ics.contains("RRULE:FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20261105T225959Z\r\n"),
        "{ics}"
    );
    assert!(ics.contains("EXDATE;TZID=Europe/Stockholm:20260326T180000\r\n"));
    assert!(ics.contains("ORGANIZER;CN=Föreningen Huset:mailto:info@huset.example.se\r\n"));
}

#[test]
fn pages_link_to_their_feeds() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("p");
    assert!(build(&fixture("good"), &out, "2026-11-26", &[]).status.success());
    let page = read(&out, "aktiviteter/kvallscafe/index.html");
    assert!(
        page.contains(r#"href="webcal://test.example.se/aktiviteter/kvallscafe/kalender.ics""#),
        "{page}"
    );
    assert!(page.contains(r#"href="/aktiviteter/kvallscafe/kalender.ics" download"#));
    let interest = read(&out, "aktiviteter/intresse/samtal/index.html");
    assert!(interest.contains(r#"href="webcal://test.example.se/aktiviteter/intresse/samtal/kalender.ics""#));
    assert!(read(&out, "kalender/index.html").contains(r#"href="webcal://test.example.se/kalender.ics""#));
    assert!(read(&out, "aktiviteter/index.html").contains(r#"href="/kalender.ics" download"#));
}
