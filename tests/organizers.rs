//! Organizers with a file (`content/arrangorer/<id>.toml`): `organizer = "<id>"` links an
//! activity to the organizer's page, which says who they are and how to reach them, lists their
//! activities and has its own calendar feed; they are in the list, the search, the site map, the
//! JSON and HSDS. `check` suggests a file for free text repeated on several activities.

mod common;

use common::{build, copy_dir, fixture, omtanke, read, stderr};

#[test]
fn an_organizer_file_gives_a_page_a_feed_and_links_from_its_activities() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = build(&fixture("good"), &out, "2026-11-26", &[]);
    assert!(o.status.success(), "{}", stderr(&o));

    let page = read(&out, "arrangorer/huset/index.html");
    for fact in [
        "<h1>Föreningen Huset</h1>",
        "En påhittad förening som ordnar kvällscaféer i <strong>Huset</strong> på Söder.",
        "<a href=\"https://huset.example.se\">",
        "mailto:info@huset.example.se",
        "Kvällscafé",
        "/arrangorer/huset/kalender.ics",
        "Uppgifterna kontrollerades",
    ] {
        assert!(page.contains(fact), "the organizer's page lacks {fact:?}: {page}");
    }
    assert!(!page.contains("Söndagsfika"), "another organizer's activity: {page}");
    let english = read(&out, "en/arrangorer/huset/index.html");
    assert!(english.contains("A made-up association"), "{english}");

    let list = read(&out, "arrangorer/index.html");
    assert!(
        list.contains("href=\"/arrangorer/huset/\"") && list.contains("1 aktivitet"),
        "{list}"
    );
    let activity = read(&out, "aktiviteter/kvallscafe/index.html");
    assert!(
        activity.contains("<a href=\"/arrangorer/huset/\">Föreningen Huset</a>"),
        "{activity}"
    );

    let ics = read(&out, "arrangorer/huset/kalender.ics");
    assert!(ics.contains("SUMMARY:Kvällscafé"), "{ics}");
    assert!(!ics.contains("Söndagsfika"), "{ics}");

    assert!(read(&out, "sitemap.xml").contains("/arrangorer/huset/"));
    let search = read(&out, "sok/index.json");
    assert!(search.contains("\"u\":\"/arrangorer/huset/\""), "in the search index");

    let json: serde_json::Value = serde_json::from_str(&read(&out, "api/activities.json")).unwrap();
    let item = json["activities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "kvallscafe")
        .unwrap()
        .clone();
    assert_eq!(item["organizer"], "Föreningen Huset");
    assert_eq!(item["organizer_url"], "https://test.example.se/arrangorer/huset/");

    let orgs: serde_json::Value = serde_json::from_str(&read(&out, "api/hsds/organizations.json")).unwrap();
    let huset = orgs["contents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == "Föreningen Huset")
        .expect("the organizer in HSDS")
        .clone();
    assert_eq!(huset["website"], "https://huset.example.se");
    assert_eq!(huset["email"], "info@huset.example.se");
    assert!(
        huset["description"]
            .as_str()
            .unwrap()
            .starts_with("En påhittad förening")
    );
}

#[test]
fn free_text_on_several_activities_gets_a_suggestion_and_a_bad_file_an_error_at_its_line() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("good"), &site);
    for file in ["sondagsfika.toml", "fredagsmote.toml"] {
        let path = site.join("content/aktiviteter").join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let text = text.replacen("interests", "organizer = \"Röda  korset\"\ninterests", 1);
        std::fs::write(&path, text).unwrap();
    }
    let o = omtanke().arg("check").arg("--root").arg(&site).output().unwrap();
    let err = stderr(&o);
    assert!(
        err.contains("\"Röda  korset\" is the organizer of 2 activities"),
        "{err}"
    );
    assert!(err.contains("content/arrangorer/roda-korset.toml"), "{err}");
    assert!(
        err.contains("fredagsmote.toml:") && err.contains("sondagsfika.toml:"),
        "{err}"
    );

    std::fs::write(
        site.join("content/arrangorer/trasig.toml"),
        "description = \"Ingen rubrik.\"\nwebsite = \"huset.example.se\"\n",
    )
    .unwrap();
    let o = build(&site, &tmp.path().join("public"), "2026-11-26", &[]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(
        err.contains("content/arrangorer/trasig.toml:1:1: error: the organizer has no `name`"),
        "{err}"
    );
}

#[test]
fn without_organizer_files_there_is_no_list() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("good"), &site);
    std::fs::remove_dir_all(site.join("content/arrangorer")).unwrap();
    let out = tmp.path().join("public");
    let o = build(&site, &out, "2026-11-26", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!out.join("arrangorer/index.html").exists());
    // The activity's organizer is then its name as written, without a link.
    let activity = read(&out, "aktiviteter/kvallscafe/index.html");
    assert!(activity.contains("<dd>huset</dd>"), "{activity}");
}

#[test]
fn a_logo_must_be_beside_the_file_and_described() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("good"), &site);
    let file = site.join("content/arrangorer/huset.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("logo = \"saknas.png\"\n{text}")).unwrap();
    let o = build(&site, &tmp.path().join("a"), "2026-11-26", &[]);
    let err = stderr(&o);
    assert!(!o.status.success());
    assert!(err.contains("huset.toml:1:8: error: `logo` has no `logo_alt`"), "{err}");
    assert!(err.contains("the logo \"saknas.png\" is not beside this file"), "{err}");

    std::fs::copy(
        fixture("good").join("content/aktiviteter/fika.svg"),
        site.join("content/arrangorer/huset.svg"),
    )
    .unwrap();
    std::fs::write(
        &file,
        format!("logo = \"huset.svg\"\nlogo_alt = \"Husets logotyp: ett hus\"\n{text}"),
    )
    .unwrap();
    let out = tmp.path().join("b");
    let o = build(&site, &out, "2026-11-26", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = read(&out, "arrangorer/huset/index.html");
    assert!(
        page.contains("<img src=\"/arrangorer/huset.svg\" alt=\"Husets logotyp: ett hus\">"),
        "{page}"
    );
    assert!(
        out.join("arrangorer/huset.svg").is_file(),
        "the logo is published beside the page"
    );
}
