//! The touch-screen pages: every form posts and redirects, without JavaScript.

mod common;

use common::Kiosk;

#[test]
fn check_in_with_the_optional_question() {
    let tmp = tempfile::tempdir().unwrap();
    let k = Kiosk::start(tmp.path());
    let home = k.get("/");
    assert_eq!(home.status, 200);
    assert!(home.body.contains(r#"<form method="post" action="/checka-in">"#));
    assert!(
        home.body.contains(r#"href="/integritet""#),
        "the privacy notice is one tap away"
    );
    assert!(home.header("set-cookie").is_none(), "no cookies for visitors");
    assert!(!home.body.contains("data-idle"), "the start screen does not time out");

    let r = k.post_form("/checka-in", &[]);
    assert_eq!(r.status, 303);
    let thanks = r.header("location").unwrap().to_string();
    assert!(thanks.starts_with("/tack/"));
    let page = k.get(&thanks);
    assert!(page.body.contains("Är det första gången du är här?"));
    assert!(
        page.body.contains(r#"<body data-idle="90">"#),
        "returns to the start by itself"
    );
    assert!(page.body.contains(r#"<script src="/assets/idle.js" defer></script>"#));
    assert!(k.get("/assets/idle.js").body.contains("window.location.href = '/'"));
    // The form carries the check-in's receipt: only this visitor can answer for it.
    let receipt = common::field_value(&page.body, "kvitto");
    let r = k.post_form(
        thanks.split('?').next().unwrap(),
        &[("kvitto", &receipt), ("forsta", "ja")],
    );
    assert_eq!((r.status, r.header("location")), (303, Some("/valkommen")));
    let conn = rusqlite::Connection::open(&k.db).unwrap();
    let (n, first): (i64, Option<i64>) = conn
        .query_row("SELECT COUNT(*), MAX(first_visit) FROM checkins", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((n, first), (1, Some(1)));
    let hour: String = conn.query_row("SELECT hour FROM checkins", [], |r| r.get(0)).unwrap();
    assert!(hour.ends_with(":00"), "stored to the hour only: {hour}");
}

#[test]
fn book_see_the_code_and_cancel() {
    let tmp = tempfile::tempdir().unwrap();
    let k = Kiosk::start(tmp.path());
    let list = k.get("/boka");
    assert_eq!(list.status, 200);
    let href = list
        .body
        .split(r#"<a class="session" href=""#)
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .replace("&amp;", "&");
    let form = k.get(&href);
    assert_eq!(form.status, 200, "{href}");
    assert!(form.body.contains(r#"<label class="field-label" for="namn">"#));
    let session = href.split("tillfalle=").nth(1).unwrap();
    let session = percent_decode(session);

    let r = k.post_form("/boka/plats", &[("tillfalle", &session), ("namn", ""), ("telefon", "")]);
    assert_eq!(r.status, 422);
    assert!(r.body.contains(r#"class="error-summary""#) && r.body.contains("Skriv ditt förnamn"));
    // The message stands at the field too, and the field says it is wrong (GOV.UK's pattern).
    assert!(r.body.contains(r#"id="namn-fel""#), "{}", r.body);
    assert!(
        r.body
            .contains(r#"aria-invalid="true" aria-describedby="namn-tips namn-fel""#)
    );

    let r = k.post_form(
        "/boka/plats",
        &[("tillfalle", &session), ("namn", "Kim"), ("telefon", "")],
    );
    assert_eq!(r.status, 303, "{}", r.body);
    let done = r.header("location").unwrap().to_string();
    let code = done.trim_start_matches("/bokad/").to_string();
    let page = k.get(&done);
    assert!(
        page.body
            .contains(&format!(r#"<p class="code" aria-label="Koden är {code}">{code}</p>"#))
    );
    assert!(page.body.contains("Du har en plats!"));
    assert!(!page.body.contains("Kim"), "the name is not shown on the shared screen");

    let r = k.post_form("/avboka", &[("kod", "XXXXX")]);
    assert!(r.body.contains("Det finns ingen bokning med den koden"));
    let r = k.post_form("/avboka", &[("kod", &code.to_lowercase())]);
    assert_eq!(r.status, 200);
    assert!(r.body.contains("Du har avbokat"));
}

#[test]
fn privacy_notice_and_unknown_pages() {
    let tmp = tempfile::tempdir().unwrap();
    let k = Kiosk::start(tmp.path());
    let p = k.get("/integritet");
    assert_eq!(p.status, 200);
    assert!(p.body.contains("7 dagar efter träffen"));
    assert_eq!(k.get("/finns-inte").status, 404);
    assert_eq!(
        k.get("/assets/kiosk.css").header("content-type"),
        Some("text/css; charset=utf-8")
    );
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = vec![];
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else if bytes[i] == b'+' {
            out.push(b' ');
            i += 1;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn the_booked_screen_tells_the_address_the_site_keeps_private() {
    let tmp = tempfile::tempdir().unwrap();
    let (content, dir) = common::private_group_site(tmp.path(), "capacity = 4");
    let k = Kiosk::start_with(&dir, &content);
    let list = k.get("/boka");
    let href = list
        .body
        .split(r#"href="/boka/plats?tillfalle="#)
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .replace("&amp;", "&");
    let session = percent_decode(&href);
    let r = k.post_form(
        "/boka/plats",
        &[("tillfalle", &session), ("namn", "Kim"), ("telefon", "")],
    );
    assert_eq!(r.status, 303, "{}", r.body);
    let page = k.get(r.header("location").unwrap());
    assert!(page.body.contains("Du har en plats!"), "{}", page.body);
    assert!(
        page.body
            .contains("Glimten, <strong>Lönnvägen 7</strong><br>Ring på porten."),
        "{}",
        page.body
    );
}

#[test]
fn min_bokning_finds_a_booking_by_its_code() {
    let tmp = tempfile::tempdir().unwrap();
    let k = Kiosk::start(tmp.path());
    let list = k.get("/boka");
    assert!(
        list.body.contains(r#"href="/min-bokning""#),
        "reachable from the booking list"
    );
    let form = k.get("/min-bokning");
    assert_eq!(form.status, 200);
    assert!(form.body.contains("<h1>Min bokning</h1>"));
    let session = k.get("/api/sessions").json()[0]["id"].as_str().unwrap().to_string();
    let body = serde_json::json!({ "session": session, "name": "Kim" }).to_string();
    let code = k.post_json("/api/bookings", &body).json()["code"]
        .as_str()
        .unwrap()
        .to_string();
    let r = k.post_form("/min-bokning", &[("kod", "")]);
    assert!(r.body.contains("Skriv koden du fick när du bokade."), "{}", r.body);
    let r = k.post_form("/min-bokning", &[("kod", "AAAA-BBBB-CCCC")]);
    assert!(r.body.contains("Det finns ingen bokning med den koden."), "{}", r.body);
    assert!(r.body.contains(r#"value="AAAA-BBBB-CCCC""#), "what was typed stays");
    let r = k.post_form("/min-bokning", &[("kod", &code.to_lowercase())]);
    assert_eq!(r.status, 303, "{}", r.body);
    let shown = k.get(r.header("location").unwrap());
    assert!(shown.body.contains("Du har en plats!"), "{}", shown.body);
    assert!(
        shown.body.contains("Ljusglimten, <strong>Gatan 1</strong>"),
        "{}",
        shown.body
    );
}

#[test]
fn the_start_screen_asks_a_question_from_the_sites_snackebord() {
    let tmp = tempfile::tempdir().unwrap();
    let without = Kiosk::start(&tmp.path().join("utan"));
    assert!(
        !without.get("/").body.contains("Snackebordet"),
        "no conversation starter without content/snackebord.toml"
    );
    let site = common::copy_site(tmp.path());
    std::fs::write(
        site.join("content/snackebord.toml"),
        "questions = [\"Vilken fågel hör du helst på morgonen?\"]\n",
    )
    .unwrap();
    let dir = tmp.path().join("med");
    std::fs::create_dir_all(&dir).unwrap();
    let with = Kiosk::start_with(&dir, &site);
    let home = with.get("/").body;
    assert!(home.contains("<h2>Snackebordet</h2>"), "{home}");
    assert!(home.contains("Vilken fågel hör du helst på morgonen?"), "{home}");
}

#[test]
fn every_form_that_asks_for_details_shows_the_privacy_notice() {
    // The touch screen's pages fit the screen without scrolling, and every one has the notice in
    // its footer: on the same screen as the fields.
    let tmp = tempfile::tempdir().unwrap();
    let k = Kiosk::start(tmp.path());
    let session = k.get("/api/sessions").json()[0]["id"].as_str().unwrap().to_string();
    for path in [
        format!("/boka/plats?tillfalle={}", common::enc(&session)),
        "/foresla".to_string(),
    ] {
        let page = k.get(&path);
        assert_eq!(page.status, 200, "{path}");
        assert!(page.body.contains("<form"), "{path} has no form");
        assert!(
            page.body.contains("<footer class=\"bottom\"><a href=\"/integritet\""),
            "{path}: no privacy notice on the screen"
        );
    }
    assert_eq!(k.get("/integritet").status, 200);
}

#[test]
fn the_privacy_notice_names_the_controller_from_the_site_and_the_configured_times() {
    let tmp = tempfile::tempdir().unwrap();
    let site = common::copy_site(tmp.path());
    let toml = std::fs::read_to_string(site.join("site.toml")).unwrap();
    std::fs::write(
        site.join("site.toml"),
        format!(
            "{toml}\n[privacy]\ncontroller = \"Exempelnämnden i Exempelstad\"\norganization_number = \"212000-0000\"\nemail = \"dataskydd@exempel.example\"\nlegal_basis = \"uppgift av allmänt intresse (artikel 6.1 e)\"\n"
        ),
    )
    .unwrap();
    let dir = tmp.path().join("k");
    std::fs::create_dir_all(&dir).unwrap();
    for days in [9, 23] {
        let k = Kiosk::start_configured(&dir, &site, &format!("retention_days = {days}\n"));
        let page = k.get("/integritet").body;
        assert!(
            page.contains("Personuppgiftsansvarig är Exempelnämnden i Exempelstad (organisationsnummer 212000-0000)."),
            "{page}"
        );
        assert!(
            page.contains("Rättslig grund: uppgift av allmänt intresse (artikel 6.1 e)."),
            "{page}"
        );
        assert!(
            page.contains(&format!("De tas bort {days} dagar efter träffen.")),
            "{page}"
        );
        assert!(page.contains("Integritetsskyddsmyndigheten (IMY)"), "{page}");
        assert!(page.contains("skriv till dataskydd@exempel.example"), "{page}");
        let english = k.get("/integritet/en");
        assert_eq!(english.status, 200);
        assert!(english.body.contains("<html lang=\"en\">"), "{}", english.body);
        assert!(
            english
                .body
                .contains(&format!("They are deleted {days} days after the meeting.")),
            "{}",
            english.body
        );
        assert!(
            english.body.contains("Swedish Authority for Privacy Protection (IMY)"),
            "{}",
            english.body
        );
    }
}
