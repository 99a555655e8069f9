//! Pauses, cancelled and moved meetings, as organizers really work: the activity page, the
//! calendar, the home page, the programme, the JSON and the iCalendar feeds (read back by
//! Python's `icalendar` and `recurring-ical-events`) all tell the same story.

mod common;

use std::path::{Path, PathBuf};

use common::{build, copy_dir, fixture, omtanke, python_check, read, stderr};

const TODAY: &str = "2026-11-26";

/// The good fixture with changes: söndagsfika (Sundays 12–14) cancelled on 6 December and moved
/// from 20 to 19 December at 11–13; fredagsmöte (last Friday) paused until 31 January 2027;
/// kvällscafé's single date 13 December cancelled.
fn site(tmp: &Path) -> PathBuf {
    let site = tmp.join("site");
    copy_dir(&fixture("good"), &site);
    for (file, top, tables) in [
        (
            "sondagsfika",
            "",
            "[[cancelled]]\ndate = 2026-12-06\nreason = \"Ledaren är sjuk\"\n\n[[moved]]\nfrom = 2026-12-20\nto = 2026-12-19\nstart = \"11:00\"\nend = \"13:00\"\n",
        ),
        (
            "fredagsmote",
            "status = \"paused\"\npaused_until = 2027-01-31\nstatus_note = \"Vi tar vinteruppehåll.\"\n",
            "",
        ),
        ("kvallscafe", "", "[[cancelled]]\ndate = 2026-12-13\n"),
    ] {
        let path = site.join(format!("content/aktiviteter/{file}.toml"));
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, format!("{top}{text}\n{tables}")).unwrap();
    }
    site
}

fn built(tmp: &Path) -> PathBuf {
    let out = tmp.join("public");
    let o = build(&site(tmp), &out, TODAY, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    out
}

/// The lines of a page that mention a day, for the calendar and home page.
fn lines_with<'a>(page: &'a str, needle: &str) -> Vec<&'a str> {
    page.lines()
        .filter(|l| l.contains(needle) && !l.contains("application/ld+json"))
        .collect()
}

#[test]
fn the_activity_page_shows_cancelled_and_moved_meetings() {
    let tmp = tempfile::tempdir().unwrap();
    let out = built(tmp.path());
    let page = read(&out, "aktiviteter/sondagsfika/index.html");
    let cancelled = lines_with(&page, "2026-12-06T12:00");
    assert_eq!(cancelled.len(), 1, "{page}");
    assert!(cancelled[0].contains(r#"class="called-off""#), "{}", cancelled[0]);
    assert!(cancelled[0].contains("<s><time"), "struck through: {}", cancelled[0]);
    assert!(cancelled[0].contains("Inställt: Ledaren är sjuk"), "{}", cancelled[0]);
    let away = lines_with(&page, "2026-12-20T12:00");
    assert!(away[0].contains("Flyttad till lördag 19 december"), "{}", away[0]);
    let here = lines_with(&page, "2026-12-19T11:00");
    assert!(here[0].contains("kl. 11.00–13.00"), "{}", here[0]);
    assert!(here[0].contains("Flyttad från söndag 20 december"), "{}", here[0]);
    assert!(!here[0].contains("called-off"), "{}", here[0]);
    let english = read(&out, "en/aktiviteter/sondagsfika/index.html");
    assert!(english.contains("Cancelled: Ledaren är sjuk"), "{english}");
    assert!(english.contains("Moved to Saturday 19 December"), "{english}");
}

#[test]
fn a_paused_activity_says_so_and_has_no_meetings_in_its_pause() {
    let tmp = tempfile::tempdir().unwrap();
    let out = built(tmp.path());
    let page = read(&out, "aktiviteter/fredagsmote/index.html");
    assert!(
        page.contains(r#"<p class="notice notice-paused"><strong>Uppehåll till och med 31 januari 2027.</strong> <span lang="sv">Vi tar vinteruppehåll.</span></p>"#),
        "{page}"
    );
    assert!(!page.contains("2026-12-25T10:00"), "no meeting in the pause");
    let list = read(&out, "aktiviteter/index.html");
    assert!(
        list.contains("Uppehåll till och med 31 januari 2027."),
        "the card says so"
    );
    let calendar = read(&out, "kalender/index.html");
    assert!(
        !calendar.contains("/aktiviteter/fredagsmote/"),
        "not in the calendar during the pause"
    );
    let json: serde_json::Value = serde_json::from_str(&read(&out, "api/activities.json")).unwrap();
    let item = json["activities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "fredagsmote")
        .unwrap()
        .clone();
    assert_eq!(item["status"], "paused");
    assert_eq!(item["paused_until"], "2027-01-31");
    assert_eq!(item["status_note"], "Vi tar vinteruppehåll.");
    assert_eq!(item["next_occurrences"].as_array().unwrap().len(), 0);
}

#[test]
fn the_calendar_home_page_and_programme_mark_cancelled_and_moved_meetings() {
    let tmp = tempfile::tempdir().unwrap();
    let out = built(tmp.path());
    // The programme covers this week and next (to 6 December), the calendar eight weeks.
    for page in ["kalender/index.html", "program/index.html"] {
        let html = read(&out, page);
        let cancelled = lines_with(&html, "2026-12-06T12:00");
        assert_eq!(cancelled.len(), 1, "{page}: {html}");
        assert!(cancelled[0].contains("<s>12.00–14.00</s>"), "{page}: {}", cancelled[0]);
        assert!(html.contains("Inställt: Ledaren är sjuk"), "{page} says why");
    }
    let jsonld = read(&out, "aktiviteter/sondagsfika/index.html");
    assert!(jsonld.contains(r#""eventStatus":"https://schema.org/EventCancelled""#));
    assert!(jsonld.contains(r#""previousStartDate":"2026-12-20""#));
    let calendar = read(&out, "kalender/index.html");
    assert!(calendar.contains("Flyttad från söndag 20 december"), "{calendar}");
    assert!(calendar.contains("Flyttad till lördag 19 december"));
    assert!(calendar.contains(r#"datetime="2026-12-19T11:00:00+01:00""#));
    let json: serde_json::Value = serde_json::from_str(&read(&out, "api/activities.json")).unwrap();
    let item = json["activities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "sondagsfika")
        .unwrap()
        .clone();
    let starts: Vec<&str> = item["next_occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["start"].as_str().unwrap())
        .collect();
    assert!(!starts.contains(&"2026-12-06T12:00:00+01:00"), "{starts:?}");
    assert!(!starts.contains(&"2026-12-20T12:00:00+01:00"), "{starts:?}");
    assert!(starts.contains(&"2026-12-19T11:00:00+01:00"), "{starts:?}");
    assert_eq!(item["cancelled"][0]["date"], "2026-12-06");
    assert_eq!(item["cancelled"][0]["reason"], "Ledaren är sjuk");
    assert_eq!(item["moved"][0]["to"], "2026-12-19");
    assert_eq!(item["moved"][0]["start"], "11:00");
}

#[test]
fn calendar_readers_see_the_changes() {
    let tmp = tempfile::tempdir().unwrap();
    let out = built(tmp.path());
    let ics = read(&out, "aktiviteter/sondagsfika/kalender.ics");
    assert!(
        ics.contains("EXDATE;TZID=Europe/Stockholm:20261206T120000\r\n"),
        "{ics}"
    );
    assert!(
        ics.contains("RECURRENCE-ID;TZID=Europe/Stockholm:20261220T120000\r\n"),
        "{ics}"
    );
    python_check("check_changes.py", &[out.as_os_str()]);
}

#[test]
fn a_cancelled_day_the_schedule_does_not_give_is_refused_with_its_place() {
    let tmp = tempfile::tempdir().unwrap();
    let site = site(tmp.path());
    let file = site.join("content/aktiviteter/kvallscafe.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("{text}\n[[cancelled]]\ndate = 2026-12-14\n")).unwrap();
    let o = omtanke()
        .args(["check", "--root"])
        .arg(&site)
        .args(["--today", TODAY])
        .output()
        .unwrap();
    assert!(!o.status.success());
    let err = stderr(&o);
    let written = std::fs::read_to_string(&file).unwrap();
    let line = written.lines().position(|l| l == "date = 2026-12-14").unwrap() + 1;
    assert!(
        err.contains(&format!(
            "kvallscafe.toml:{line}:8: error: 2026-12-14 is not a day this activity meets"
        )),
        "{err}"
    );
    assert!(err.contains("must be a day the [[schedule]] gives"), "{err}");
}

#[test]
fn check_reminds_when_a_pause_is_over_and_the_activity_is_listed_again() {
    let tmp = tempfile::tempdir().unwrap();
    let site = site(tmp.path());
    let o = omtanke()
        .args(["check", "--root"])
        .arg(&site)
        .args(["--today", "2027-02-02"])
        .output()
        .unwrap();
    let err = stderr(&o);
    assert!(
        err.contains(
            "fredagsmote.toml:2:16: warning: the pause ended on 2027-01-31: the activity is shown as usual again"
        ),
        "{err}"
    );
    let out = tmp.path().join("after");
    assert!(build(&site, &out, "2027-02-02", &[]).status.success());
    let page = read(&out, "aktiviteter/fredagsmote/index.html");
    assert!(!page.contains("notice-paused"), "the pause is over by itself");
    assert!(page.contains("2027-02-26T10:00"), "the next last Friday is listed");
}
