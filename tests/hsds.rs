//! Open data in Open Referral HSDS 3.0 (`api/hsds/`): every file validates against the
//! unchanged schemas (tests/anchors/hsds-3.0, a copy of ../shared/anchors/hsds-3.0) with Python's
//! jsonschema; ids are UUID v5 of the listing's address, the same in every build; checked
//! dates, pauses and cancelled meetings reach `assured_date`, `status` and `alert`.

mod common;

use std::path::{Path, PathBuf};

use common::{build, copy_dir, fixture, python_check, read, repo, stderr};

const TODAY: &str = "2026-11-26";

fn site(tmp: &Path) -> PathBuf {
    let site = tmp.join("site");
    copy_dir(&fixture("good"), &site);
    for (file, top, tables) in [
        (
            "sondagsfika",
            "checked = 2026-11-02\n",
            "[[cancelled]]\ndate = 2026-12-06\nreason = \"Ledaren är sjuk\"\n",
        ),
        (
            "fredagsmote",
            "status = \"paused\"\npaused_until = 2027-01-31\nstatus_note = \"Vi tar vinteruppehåll.\"\n",
            "",
        ),
    ] {
        let path = site.join(format!("content/aktiviteter/{file}.toml"));
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, format!("{top}{text}\n{tables}")).unwrap();
    }
    site
}

fn service(out: &Path, id: &str) -> serde_json::Value {
    let url = format!("https://test.example.se/aktiviteter/{id}/");
    let uuid = uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, url.as_bytes());
    serde_json::from_str(&read(out, &format!("api/hsds/services/{uuid}.json"))).unwrap()
}

#[test]
fn every_file_validates_against_the_hsds_schemas() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = build(&site(tmp.path()), &out, TODAY, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    python_check(
        "check_hsds.py",
        &[out.as_os_str(), repo().join("tests/anchors/hsds-3.0").as_os_str()],
    );
    // The real site's and the example's too.
    for (root, name) in [(repo(), "content"), (repo().join("examples"), "examples")] {
        let out = tmp.path().join(name);
        let o = build(&root, &out, TODAY, &[]);
        assert!(o.status.success(), "{}", stderr(&o));
        python_check(
            "check_hsds.py",
            &[out.as_os_str(), repo().join("tests/anchors/hsds-3.0").as_os_str()],
        );
    }
}

#[test]
fn services_carry_checked_dates_pauses_and_cancellations_with_stable_ids() {
    let tmp = tempfile::tempdir().unwrap();
    let site = site(tmp.path());
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    assert!(build(&site, &a, TODAY, &[]).status.success());
    assert!(build(&site, &b, TODAY, &[]).status.success());
    assert_eq!(read(&a, "api/hsds/services.json"), read(&b, "api/hsds/services.json"));
    let fika = service(&a, "sondagsfika");
    assert_eq!(fika["assured_date"], "2026-11-02");
    assert_eq!(fika["status"], "active");
    assert_eq!(fika["alert"], "Inställt söndag 6 december: Ledaren är sjuk.");
    assert_eq!(fika["schedules"][0]["freq"], "WEEKLY");
    assert_eq!(fika["schedules"][0]["byday"], "SU");
    assert_eq!(fika["schedules"][0]["opens_at"], "12:00");
    assert_eq!(fika["service_at_locations"][0]["location"]["name"], "Huset");
    let paused = service(&a, "fredagsmote");
    assert_eq!(paused["status"], "temporarily closed");
    assert_eq!(
        paused["alert"],
        "Uppehåll till och med 31 januari 2027. Vi tar vinteruppehåll."
    );
    assert!(paused.get("assured_date").is_none(), "never checked: no assured date");
    assert_eq!(paused["schedules"][0]["byday"], "-1FR");
    let ended = service(&a, "sommarpicknick");
    assert_eq!(ended["status"], "inactive");
}

#[test]
fn the_schema_copy_is_the_shared_anchor_unchanged() {
    let shared = repo().join("../shared/anchors/hsds-3.0");
    if !shared.is_dir() {
        // A clone outside the project's workspace has only the copy.
        return;
    }
    for file in [
        "service_with_definitions.json",
        "service_list.json",
        "openapi.json",
        "LICENSE",
    ] {
        assert_eq!(
            std::fs::read(shared.join(file)).unwrap(),
            std::fs::read(repo().join("tests/anchors/hsds-3.0").join(file)).unwrap(),
            "{file} differs from ../shared/anchors"
        );
    }
}
