//! A "last checked" date on every listing: the page says when staff last confirmed the facts,
//! an activity not confirmed within `recheck_after_days` (or never) tells visitors to contact the
//! organizer first (page, calendar, programme, JSON), `check` warns 30 days ahead, and
//! `omtanke recheck` lists what is due.

mod common;

use std::path::{Path, PathBuf};

use common::{build, copy_dir, fixture, read, stderr};

const TODAY: &str = "2026-11-26";

/// The good fixture with `checked` dates: söndagsfika recently, fredagsmöte 17 days before its
/// limit, kvällscafé long ago; the place Huset long ago too.
fn site(tmp: &Path) -> PathBuf {
    let site = tmp.join("site");
    copy_dir(&fixture("good"), &site);
    for (file, line) in [
        (
            "aktiviteter/sondagsfika",
            "checked = 2026-11-02\nchecked_by = \"värd@example.org\"\n",
        ),
        ("aktiviteter/fredagsmote", "checked = 2026-06-16\n"),
        ("aktiviteter/kvallscafe", "checked = 2025-01-01\n"),
        ("platser/huset", "checked = 2025-02-01\n"),
    ] {
        let path = site.join(format!("content/{file}.toml"));
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, format!("{line}{text}")).unwrap();
    }
    site
}

#[test]
fn pages_say_when_the_facts_were_checked_and_warn_when_long_ago() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = build(&site(tmp.path()), &out, TODAY, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let recent = read(&out, "aktiviteter/sondagsfika/index.html");
    assert!(
        recent.contains(r#"Uppgifterna kontrollerades <time datetime="2026-11-02">2 november 2026</time>."#),
        "{recent}"
    );
    assert!(!recent.contains("notice-unconfirmed"));
    assert!(!recent.contains("värd@example.org"), "who checked is never published");
    let english = read(&out, "en/aktiviteter/sondagsfika/index.html");
    assert!(english.contains("The details were checked on <time"), "{english}");
    let place = read(&out, "platser/huset/index.html");
    assert!(
        place.contains("Fråga arrangören om adress och tillgänglighet innan du åker."),
        "{place}"
    );
    assert!(place.contains(r#"Uppgifterna kontrollerades <time datetime="2025-02-01">1 februari 2025</time>."#));
    let old = read(&out, "aktiviteter/kvallscafe/index.html");
    assert!(old.contains("Uppgifterna har inte kontrollerats på länge.</strong> Kontakta arrangören innan du åker."));
    let calendar = read(&out, "kalender/index.html");
    let line = calendar
        .lines()
        .find(|l| l.contains("/aktiviteter/kvallscafe/"))
        .expect("in the calendar");
    assert!(line.contains("(ej kontrollerad)"), "{line}");
    let fine = calendar
        .lines()
        .find(|l| l.contains("/aktiviteter/sondagsfika/"))
        .expect("in the calendar");
    assert!(!fine.contains("ej kontrollerad"), "{fine}");
    let json: serde_json::Value = serde_json::from_str(&read(&out, "api/activities.json")).unwrap();
    let item = |id: &str| {
        json["activities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(item("sondagsfika")["checked"], "2026-11-02");
    assert_eq!(item("sondagsfika")["unconfirmed"], false);
    assert_eq!(item("kvallscafe")["unconfirmed"], true);
    // Calendar programs show the event's description: it says the same first.
    let unfold = |ics: String| ics.replace("\r\n ", "").replace("\n ", "");
    let old = unfold(read(&out, "aktiviteter/kvallscafe/kalender.ics"));
    assert!(
        old.contains("DESCRIPTION:Uppgifterna har inte kontrollerats på länge. Kontakta arrangören innan du åker."),
        "{old}"
    );
    let recent = unfold(read(&out, "aktiviteter/sondagsfika/kalender.ics"));
    assert!(!recent.contains("kontrollerats"), "{recent}");
}

#[test]
fn check_warns_before_the_limit_and_after_it() {
    let tmp = tempfile::tempdir().unwrap();
    let site = site(tmp.path());
    let o = common::omtanke()
        .args(["check", "--today", TODAY, "--root"])
        .arg(&site)
        .output()
        .unwrap();
    let said = stderr(&o);
    assert!(
        said.contains("content/aktiviteter/fredagsmote.toml:1:11: warning: the activity's facts were last checked on 2026-06-16 and must be checked again by 2026-12-13 (17 days left)"),
        "{said}"
    );
    assert!(said.contains("content/aktiviteter/kvallscafe.toml:1:11: warning: the activity's facts were last checked on 2025-01-01, more than 180 days ago"), "{said}");
    assert!(!said.contains("sondagsfika.toml"), "{said}");
    assert!(
        said.contains("content/platser/huset.toml:1:11: warning: the place's facts were last checked on 2025-02-01"),
        "{said}"
    );
}

#[test]
fn recheck_lists_what_is_due_most_urgent_first() {
    let tmp = tempfile::tempdir().unwrap();
    let site = site(tmp.path());
    let csv = tmp.path().join("att göra.csv");
    let o = common::omtanke()
        .args(["recheck", "--today", TODAY, "--root"])
        .arg(&site)
        .arg("--csv")
        .arg(&csv)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(&csv).unwrap(),
        "fil,aktivitet,senast_kontrollerad,kontrolleras_senast,dagar_kvar,arrangor,kontakt,kontrollerad_av\n\
         content/aktiviteter/kvallscafe.toml,Kvällscafé,2025-01-01,2025-06-30,-514,Föreningen Huset,info@huset.example.se,\n\
         content/platser/huset.toml,Huset,2025-02-01,2025-07-31,-483,,,\n\
         content/aktiviteter/fredagsmote.toml,Fredagsmöte,2026-06-16,2026-12-13,17,,,\n"
    );
    let o = common::omtanke()
        .args(["recheck", "--today", TODAY, "--root"])
        .arg(&site)
        .output()
        .unwrap();
    let listed = String::from_utf8(o.stdout).unwrap();
    assert!(listed.starts_with("content/aktiviteter/kvallscafe.toml: Kvällscafé — last checked 2025-01-01, 514 days overdue — ask Föreningen Huset, info@huset.example.se"), "{listed}");
}

#[test]
fn a_wrong_limit_in_site_toml_is_reported_where_it_is() {
    let tmp = tempfile::tempdir().unwrap();
    let site = site(tmp.path());
    let toml = std::fs::read_to_string(site.join("site.toml")).unwrap();
    std::fs::write(site.join("site.toml"), format!("recheck_after_days = 0\n{toml}")).unwrap();
    let o = build(&site, &tmp.path().join("public"), TODAY, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("site.toml:1:22: error: `recheck_after_days` = 0 is not a number of days from 1 to 3650"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn with_hide_an_unconfirmed_activity_leaves_every_listing_but_keeps_its_page() {
    let tmp = tempfile::tempdir().unwrap();
    let site = site(tmp.path());
    let toml = std::fs::read_to_string(site.join("site.toml")).unwrap();
    std::fs::write(site.join("site.toml"), format!("when_unchecked = \"hide\"\n{toml}")).unwrap();
    let out = tmp.path().join("public");
    let o = build(&site, &out, TODAY, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    // Kvällscafé was checked long ago: its page stays, with the notice, so links still work.
    let page = read(&out, "aktiviteter/kvallscafe/index.html");
    assert!(page.contains("Uppgifterna har inte kontrollerats på länge."), "{page}");
    for file in [
        "aktiviteter/index.html",
        "aktiviteter/intresse/samtal/index.html",
        "kalender/index.html",
        "index.html",
        "program/index.html",
        "platser/huset/index.html",
        "kalender.ics",
        "aktiviteter/intresse/samtal/kalender.ics",
        "api/activities.json",
        "sok/index.json",
        "en/aktiviteter/index.html",
    ] {
        let text = read(&out, file);
        assert!(!text.contains("Kvällscafé"), "{file} lists the hidden activity");
    }
    // Recently checked ones stay everywhere.
    assert!(read(&out, "aktiviteter/index.html").contains("Söndagsfika"));
    assert!(read(&out, "kalender.ics").contains("Söndagsfika"));
    assert!(read(&out, "sok/index.json").contains("Söndagsfika"));
    // check says what hiding means.
    let o = common::omtanke()
        .args(["check", "--today", TODAY, "--root"])
        .arg(&site)
        .output()
        .unwrap();
    assert!(
        stderr(&o).contains("with when_unchecked = \"hide\" it is left out of every list, feed and calendar"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_wrong_when_unchecked_is_reported_where_it_is() {
    let tmp = tempfile::tempdir().unwrap();
    let site = site(tmp.path());
    let toml = std::fs::read_to_string(site.join("site.toml")).unwrap();
    std::fs::write(site.join("site.toml"), format!("when_unchecked = \"dölj\"\n{toml}")).unwrap();
    let o = build(&site, &tmp.path().join("public"), TODAY, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("site.toml:1:18: error: `when_unchecked` = \"dölj\" is neither \"notice\" nor \"hide\""),
        "{}",
        stderr(&o)
    );
}
