//! The staff pages under /admin, against the real binary: login, throttling, the session cookie,
//! CSRF, the overview's counts, bookings (escaped names, attendance, cancelling with promotion
//! from the waiting list) and CSV exports that equal `omtanke-kiosk export`.

mod common;

use std::process::Command;

use common::staff::{PASSWORD, StaffClient, login, set_password};
use common::{BIN, Kiosk};

fn first_session(k: &Kiosk, activity: &str) -> String {
    let sessions = k.get("/api/sessions").json();
    let s = sessions
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["activity"] == activity)
        .expect("a bookable session");
    s["id"].as_str().unwrap().to_string()
}

fn book(k: &Kiosk, session: &str, name: &str) -> serde_json::Value {
    let body = serde_json::json!({ "session": session, "name": name, "phone": "070-123 45 67" }).to_string();
    let r = k.post_json("/api/bookings", &body);
    assert_eq!(r.status, 201, "{}", r.body);
    r.json()
}

/// A period around today wherever the test machine's clock and the site's time zone are.
fn around_today() -> (String, String) {
    let today = chrono::Utc::now().date_naive();
    (
        (today - chrono::Days::new(2)).to_string(),
        (today + chrono::Days::new(2)).to_string(),
    )
}

#[test]
fn staff_pages_need_a_login() {
    let tmp = tempfile::tempdir().unwrap();
    let k = Kiosk::start(tmp.path());

    let r = k.get("/admin/login");
    assert_eq!(r.status, 200);
    assert!(
        r.body.contains("omtanke-kiosk passwd"),
        "without a password the page says how to set one"
    );
    assert!(
        !r.body.contains("http-equiv=\"refresh\""),
        "staff pages do not go back to the kiosk's start"
    );
    assert!(login(&k, PASSWORD).is_err(), "no password set yet: nobody can log in");

    set_password(&k, PASSWORD);
    // Another site's page cannot post the login form (it has no CSRF token to check).
    let form = format!("losenord={}", common::enc(PASSWORD));
    let host = k.addr.clone();
    let cross = k.request(
        "POST",
        "/admin/login",
        &[
            ("content-type", "application/x-www-form-urlencoded"),
            ("origin", "https://evil.example"),
        ],
        form.as_bytes(),
    );
    assert_eq!(cross.status, 403, "{}", cross.body);
    let own_origin = format!("http://{host}");
    let same = k.request(
        "POST",
        "/admin/login",
        &[
            ("content-type", "application/x-www-form-urlencoded"),
            ("origin", &own_origin),
        ],
        form.as_bytes(),
    );
    assert_eq!(same.status, 303, "{}", same.body);
    assert!(!k.get("/admin/login").body.contains("omtanke-kiosk passwd"));

    for path in [
        "/admin",
        "/admin/bokningar",
        "/admin?from=2026-01-01&to=2026-01-31",
        "/admin/export/checkins.csv?from=2026-01-01&to=2026-01-31",
    ] {
        let r = k.get(path);
        assert_eq!(r.status, 303, "{path}");
        assert_eq!(r.header("location"), Some("/admin/login"), "{path}");
    }
    for path in ["/admin/logout", "/admin/bokningar/avboka", "/admin/bokningar/1/narvaro"] {
        let r = k.post_form(path, &[("csrf", "x"), ("kod", "ABCDE"), ("narvarande", "ja")]);
        assert_eq!(r.status, 401, "{path}: {}", r.body);
    }
    let forged = k.request("GET", "/admin", &[("cookie", "omtanke_staff=notavalidtoken")], b"");
    assert_eq!(forged.status, 303, "an unknown token is no session");
    assert_eq!(k.get("/api/stats?from=2026-01-01&to=2026-12-31").status, 401);

    let wrong = k.post_form("/admin/login", &[("losenord", "fel lösenord")]);
    assert_eq!(wrong.status, 401);
    assert!(
        wrong.body.contains("error-summary") && wrong.body.contains("Lösenordet stämmer inte"),
        "{}",
        wrong.body
    );
    assert!(wrong.header("set-cookie").is_none());

    let r = k.post_form("/admin/login", &[("losenord", PASSWORD)]);
    assert_eq!(r.status, 303);
    let cookie = r.header("set-cookie").unwrap();
    assert!(cookie.starts_with("omtanke_staff="), "{cookie}");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Strict"), "{cookie}");
    let staff = StaffClient {
        k: &k,
        cookie: cookie.split(';').next().unwrap().to_string(),
    };

    let overview = staff.get("/admin");
    assert_eq!(overview.status, 200);
    assert!(!overview.body.contains("http-equiv=\"refresh\""));
    assert_eq!(
        staff.get("/admin/login").status,
        303,
        "logged in: the login page leads on to the overview"
    );
    assert_eq!(
        staff.get("/api/stats?from=2026-01-01&to=2026-12-31").status,
        200,
        "the API accepts the staff cookie"
    );

    // Every form needs the session's CSRF token.
    assert_eq!(staff.post("/admin/logout", &[]).status, 403);
    assert_eq!(staff.post("/admin/logout", &[("csrf", "")]).status, 403);
    assert_eq!(
        staff
            .post("/admin/logout", &[("csrf", "wrongtokenwrongtokenwrongtoken12")])
            .status,
        403
    );
    assert_eq!(staff.post("/admin/bokningar/avboka", &[("kod", "ABCDE")]).status, 403);
    assert_eq!(
        staff
            .post("/admin/bokningar/1/narvaro", &[("csrf", "nope"), ("narvarande", "ja")])
            .status,
        403
    );
    assert_eq!(
        staff.get("/admin").status,
        200,
        "a refused form does not end the session"
    );

    let csrf = staff.csrf("/admin");
    let out = staff.post("/admin/logout", &[("csrf", &csrf)]);
    assert_eq!(out.status, 303);
    assert_eq!(out.header("location"), Some("/admin/login"));
    assert!(out.header("set-cookie").unwrap().contains("Max-Age=0"));
    assert_eq!(staff.get("/admin").status, 303, "the old cookie no longer works");
    assert_eq!(staff.get("/api/stats?from=2026-01-01&to=2026-12-31").status, 401);
}

#[test]
fn logins_are_throttled_after_failures() {
    let tmp = tempfile::tempdir().unwrap();
    let k = Kiosk::start(tmp.path());
    set_password(&k, PASSWORD);
    for i in 1..=5 {
        assert_eq!(
            k.post_form("/admin/login", &[("losenord", "fel")]).status,
            401,
            "failure {i}"
        );
    }
    let sixth = k.post_form("/admin/login", &[("losenord", "fel")]);
    assert_eq!(sixth.status, 429);
    let right = k.post_form("/admin/login", &[("losenord", PASSWORD)]);
    assert_eq!(right.status, 429, "throttled even with the right password");
    assert!(right.body.contains("för många felaktiga försök"), "{}", right.body);
    assert!(right.header("set-cookie").is_none());
}

#[test]
fn overview_counts_and_csv_exports() {
    let tmp = tempfile::tempdir().unwrap();
    let k = Kiosk::start(tmp.path());
    set_password(&k, PASSWORD);
    for first in ["true", "true", "true", "false", "null"] {
        assert_eq!(
            k.post_json("/api/checkins", &format!(r#"{{"first_visit": {first}}}"#))
                .status,
            201
        );
    }
    let session = first_session(&k, "grupp");
    book(&k, &session, "Anna");
    let staff = login(&k, PASSWORD).unwrap_or_else(|r| panic!("login: {} {}", r.status, r.body));

    let page = staff.get("/admin");
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains(r#"id="idag-totalt">5<"#),
        "today's total:\n{}",
        page.body
    );
    assert!(page.body.contains(r#"id="veckan-totalt">5<"#), "this week's total");
    assert!(page.body.contains("varav 3 första gången"));
    assert!(
        page.body.contains(r#"role="img""#) && page.body.contains("aria-label=\"Stapeldiagram"),
        "charts with a text alternative"
    );
    assert!(
        page.body.contains("<caption>Incheckningar per timme i dag</caption>"),
        "the numbers as a table"
    );

    let (from, to) = around_today();
    let period = staff.get(&format!("/admin?from={from}&to={to}"));
    assert_eq!(period.status, 200);
    assert!(
        period.body.contains("5 incheckningar, varav 3 första gången"),
        "{}",
        period.body
    );
    assert!(period.body.contains("Per timme på dagen"));
    let bad = staff.get(&format!("/admin?from={to}&to={from}"));
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("error-summary") && bad.body.contains("Startdatum måste vara före slutdatum"));
    let bad = staff.get("/admin?from=igår&to=2026-01-01");
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("ÅÅÅÅ-MM-DD"));

    for what in ["checkins", "checkins-by-hour", "bookings"] {
        let r = staff.get(&format!("/admin/export/{what}.csv?from={from}&to={to}"));
        assert_eq!(r.status, 200, "{what}: {}", r.body);
        assert_eq!(r.header("content-type"), Some("text/csv; charset=utf-8"));
        let disposition = r.header("content-disposition").unwrap();
        assert!(
            disposition.starts_with("attachment; filename=") && disposition.ends_with(".csv\""),
            "{disposition}"
        );
        let cli = Command::new(BIN)
            .arg("--db")
            .arg(&k.db)
            .args(["export", what, "--from", &from, "--to", &to])
            .output()
            .unwrap();
        assert!(cli.status.success(), "{}", String::from_utf8_lossy(&cli.stderr));
        assert_eq!(
            String::from_utf8(cli.stdout).unwrap(),
            r.body,
            "the web export of {what} equals `omtanke-kiosk export`"
        );
        match what {
            "checkins" => {
                let lines: Vec<&str> = r.body.lines().collect();
                assert_eq!(lines[0], "datum,besok,forsta_besok");
                assert_eq!(lines.len(), 2, "{}", r.body);
                assert!(lines[1].ends_with(",5,3"), "{}", r.body);
            }
            "checkins-by-hour" => {
                assert!(r.body.starts_with("timme,besok,forsta_besok\n") && r.body.lines().count() >= 2)
            }
            _ => assert!(
                r.body.contains("\"Anna\"") && r.body.contains("\"grupp\""),
                "{}",
                r.body
            ),
        }
    }
    assert_eq!(
        staff
            .get(&format!("/admin/export/okand.csv?from={from}&to={to}"))
            .status,
        404
    );
    assert_eq!(
        staff
            .get("/admin/export/checkins.csv?from=2026-02-01&to=2026-01-01")
            .status,
        422
    );
}

#[test]
fn bookings_escaped_attendance_and_cancel_with_promotion() {
    let tmp = tempfile::tempdir().unwrap();
    let k = Kiosk::start(tmp.path());
    set_password(&k, PASSWORD);
    let session = first_session(&k, "grupp");
    let script = book(&k, &session, "<script>alert(1)</script>");
    assert_eq!(script["status"], "confirmed");
    for i in 2..=14 {
        assert_eq!(book(&k, &session, &format!("Gäst {i}"))["status"], "confirmed");
    }
    let waiting = book(&k, &session, "Väntande");
    assert_eq!(waiting["status"], "waitlisted");
    let staff = login(&k, PASSWORD).unwrap_or_else(|r| panic!("login: {} {}", r.status, r.body));

    let page = staff.get("/admin/bokningar");
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "the name shows as text"
    );
    assert!(!page.body.contains("<script>alert"), "and never as markup");
    assert!(page.body.contains("Bokade platser: 14 av 14. I kö: 1"), "{}", page.body);
    assert!(page.body.contains("070-123 45 67"));

    // Mark the first booking as there, then undo it.
    let end = page.body.find("/narvaro\"").expect("a form to mark attendance");
    let start = page.body[..end].rfind('/').unwrap() + 1;
    let id: i64 = page.body[start..end]
        .parse()
        .expect("a booking id in the form's address");
    let csrf = staff.csrf("/admin/bokningar");
    let r = staff.post(
        &format!("/admin/bokningar/{id}/narvaro"),
        &[("csrf", &csrf), ("narvarande", "ja"), ("tillbaka", "t-x")],
    );
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(r.header("location"), Some("/admin/bokningar?klart=narvaro&vid=t-x#t-x"));
    let page = staff.get("/admin/bokningar?klart=narvaro");
    assert!(page.body.contains("Närvaron är sparad"));
    assert_eq!(page.body.matches(r#"aria-pressed="true""#).count(), 1);
    let (from, to) = around_today();
    let csv = staff
        .get(&format!("/admin/export/bookings.csv?from={from}&to={to}"))
        .body;
    assert_eq!(csv.lines().filter(|l| l.ends_with(",ja")).count(), 1, "{csv}");
    let r = staff.post(
        &format!("/admin/bokningar/{id}/narvaro"),
        &[("csrf", &csrf), ("narvarande", "nej"), ("tillbaka", "<bad>")],
    );
    assert_eq!(
        r.header("location"),
        Some("/admin/bokningar?klart=narvaro"),
        "an odd fragment is dropped"
    );
    assert_eq!(
        staff
            .get("/admin/bokningar")
            .body
            .matches(r#"aria-pressed="true""#)
            .count(),
        0
    );
    assert_eq!(
        staff
            .post(
                "/admin/bokningar/999999/narvaro",
                &[("csrf", &csrf), ("narvarande", "ja")]
            )
            .status,
        404
    );

    // Staff cancel a confirmed place: the first on the waiting list gets it.
    let code = script["code"].as_str().unwrap();
    let r = staff.post("/admin/bokningar/avboka", &[("csrf", &csrf), ("kod", code)]);
    assert_eq!(r.status, 303);
    assert!(
        r.header("location")
            .unwrap()
            .starts_with("/admin/bokningar?klart=avbokad")
    );
    let sessions = k.get("/api/sessions").json();
    let s = sessions
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == session.as_str())
        .unwrap();
    assert_eq!(
        (s["booked"].as_i64(), s["waitlisted"].as_i64()),
        (Some(14), Some(0)),
        "the waiting list moved up"
    );
    let page = staff.get("/admin/bokningar?klart=avbokad");
    assert!(page.body.contains("Bokningen är avbokad"));
    assert!(page.body.contains("Bokade platser: 14 av 14<"), "{}", page.body);
    assert!(page.body.contains("Avbokad"));
    assert!(!page.body.contains("I kö:"));

    let again = staff.post("/admin/bokningar/avboka", &[("csrf", &csrf), ("kod", code)]);
    assert_eq!(again.header("location"), Some("/admin/bokningar?klart=okand#avboka"));
    assert!(
        staff
            .get("/admin/bokningar?klart=okand")
            .body
            .contains("Det finns ingen aktiv bokning med den koden")
    );
}

#[test]
fn staff_book_for_a_caller_by_the_same_rules_and_print_the_receipt() {
    let tmp = tempfile::tempdir().unwrap();
    let (content, dir) = common::private_group_site(tmp.path(), "capacity = 2\nwaitlist = true");
    let k = Kiosk::start_configured(&dir, &content, "cafe_phone = \"012-345 67 89\"\n");
    set_password(&k, PASSWORD);
    assert_eq!(
        k.get("/admin/bokningar/boka?tillfalle=x").header("location"),
        Some("/admin/login"),
        "staff only"
    );
    let staff = login(&k, PASSWORD).unwrap_or_else(|r| panic!("login: {} {}", r.status, r.body));
    let list = staff.get("/admin/bokningar");
    let href = list
        .body
        .split(r#"href="/admin/bokningar/boka?tillfalle="#)
        .nth(1)
        .expect("a 'Boka åt någon' link on each bookable meeting")
        .split('"')
        .next()
        .unwrap()
        .replace("&amp;", "&");
    let href = format!("/admin/bokningar/boka?tillfalle={href}");
    let form = staff.get(&href);
    assert_eq!(form.status, 200, "{}", form.body);
    assert!(form.body.contains("<h1>Boka åt någon</h1>"), "{}", form.body);
    assert!(form.body.contains("Samtalsgrupp"), "{}", form.body);
    let session = common::field_value(&form.body, "tillfalle");
    let csrf = staff.csrf(&href);

    let r = staff.post("/admin/bokningar/boka", &[("tillfalle", &session), ("namn", "Berit")]);
    assert_eq!(r.status, 403, "no form token, no booking");
    let r = staff.post(
        "/admin/bokningar/boka",
        &[("csrf", &csrf), ("tillfalle", &session), ("namn", ""), ("telefon", "")],
    );
    assert_eq!(r.status, 422);
    assert!(r.body.contains(r##"<a href="#namn">"##), "{}", r.body);
    assert!(r.body.contains(r#"id="namn-fel""#), "the error stands at the field too");
    let r = staff.post(
        "/admin/bokningar/boka",
        &[
            ("csrf", &csrf),
            ("tillfalle", &session),
            ("namn", "Berit"),
            ("telefon", "abc"),
        ],
    );
    assert_eq!(r.status, 422);
    assert!(r.body.contains(r##"<a href="#telefon">"##), "{}", r.body);
    assert!(r.body.contains(r#"value="Berit""#), "what was typed stays");

    let book = |name: &str| {
        staff.post(
            "/admin/bokningar/boka",
            &[
                ("csrf", &csrf),
                ("tillfalle", &session),
                ("namn", name),
                ("telefon", "070-111 22 33"),
            ],
        )
    };
    let r = book("Berit");
    assert_eq!(r.status, 303, "{}", r.body);
    let receipt_at = r.header("location").unwrap().to_string();
    assert!(receipt_at.starts_with("/admin/bokningar/kvitto/"), "{receipt_at}");
    let receipt = staff.get(&receipt_at);
    assert_eq!(receipt.status, 200);
    for text in [
        "Du har en plats",
        "Samtalsgrupp",
        "Glimten<br><strong>Lönnvägen 7</strong>",
        "Ring på porten.",
        "Bokad för: Berit",
        r#"ring <span class="phone">012-345 67 89</span>"#,
    ] {
        assert!(receipt.body.contains(text), "{text}: {}", receipt.body);
    }
    assert_eq!(
        k.get(&receipt_at).header("location"),
        Some("/admin/login"),
        "the receipt is for staff"
    );

    let again = book("Berit");
    assert_eq!(again.status, 422, "one name once per meeting, as at the screen");
    assert!(again.body.contains("redan en bokning"), "{}", again.body);
    assert_eq!(book("Kim").status, 303);
    let waiting = book("Lo");
    assert_eq!(waiting.status, 303);
    let receipt = staff.get(waiting.header("location").unwrap());
    assert!(receipt.body.contains("Du står i kö"), "{}", receipt.body);
    let list = staff.get("/admin/bokningar");
    assert!(list.body.contains("Bokade platser: 2 av 2. I kö: 1"), "{}", list.body);
}

#[test]
fn att_ringa_lists_who_got_a_place_from_the_queue_and_whose_meeting_was_cancelled() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("site");
    std::fs::create_dir_all(content.join("content/aktiviteter")).unwrap();
    std::fs::copy(common::site().join("site.toml"), content.join("site.toml")).unwrap();
    let activity = content.join("content/aktiviteter/grupp.toml");
    let text = "title = \"Samtalsgrupp\"\nsummary = \"En liten grupp.\"\n\n[[schedule]]\nweekly = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\", \"sun\"]\nstart = \"08:00\"\nend = \"09:00\"\n\n[booking]\ncapacity = 1\nwaitlist = true\nopens_days_before = 7\n";
    std::fs::write(&activity, text).unwrap();
    let dir = tmp.path().join("kiosk");
    std::fs::create_dir_all(&dir).unwrap();
    let k = Kiosk::start_with(&dir, &content);
    set_password(&k, PASSWORD);
    // Two meetings: the first to move someone up from the queue, the last to cancel.
    let sessions = k.get("/api/sessions").json();
    let ids: Vec<String> = sessions
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect();
    let (first, last) = (ids[0].clone(), ids[ids.len() - 1].clone());
    let first_code = book(&k, &first, "Ada")["code"].as_str().unwrap().to_string();
    assert_eq!(book(&k, &first, "Bo")["status"], "waitlisted");
    assert_eq!(book(&k, &last, "Cilla")["status"], "confirmed");
    let staff = login(&k, PASSWORD).unwrap_or_else(|r| panic!("login: {} {}", r.status, r.body));
    let calls = staff.get("/admin/att-ringa");
    assert_eq!(calls.status, 200);
    assert!(
        calls.body.contains("Det finns ingen att ringa just nu."),
        "{}",
        calls.body
    );

    let csrf = staff.csrf("/admin/bokningar");
    let r = staff.post("/admin/bokningar/avboka", &[("csrf", &csrf), ("kod", &first_code)]);
    assert_eq!(r.status, 303);
    let calls = staff.get("/admin/att-ringa");
    let row = calls
        .body
        .split("<tr>")
        .find(|r| r.contains("Bo</th>"))
        .expect("Bo is to be called");
    assert!(row.contains("Har fått en plats från kön."), "{row}");
    assert!(row.contains(r#"<a href="tel:0701234567">070-123 45 67</a>"#), "{row}");

    // The meeting of the last day is cancelled in the content; the kiosk picks it up.
    let date = last.split('@').nth(1).unwrap().get(..10).unwrap().to_string();
    std::fs::write(
        &activity,
        format!("{text}\n[[cancelled]]\ndate = {date}\nreason = \"Ledaren är sjuk\"\n"),
    )
    .unwrap();
    let calls = common::wait_for(
        std::time::Duration::from_secs(30),
        || staff.get("/admin/att-ringa"),
        |page| page.body.contains("Träffen är inställd: Ledaren är sjuk"),
    );
    let row = calls
        .body
        .split("<tr>")
        .find(|r| r.contains("Cilla</th>"))
        .expect("Cilla is to be called");
    assert!(row.contains("Träffen är inställd: Ledaren är sjuk"), "{row}");

    // Staff tick Bo as called: he moves to the called ones, with the time.
    let id_end = calls.body.find("/ringd\"").unwrap();
    let form_start = calls.body[..id_end].rfind("/admin/att-ringa/").unwrap() + "/admin/att-ringa/".len();
    let id = &calls.body[form_start..id_end];
    let csrf = staff.csrf("/admin/att-ringa");
    let r = staff.post(
        &format!("/admin/att-ringa/{id}/ringd"),
        &[("csrf", &csrf), ("om", "nonsense")],
    );
    assert_eq!(r.status, 422);
    let r = staff.post(&format!("/admin/att-ringa/{id}/ringd"), &[("om", "moved_up")]);
    assert_eq!(r.status, 403, "no form token");
    let r = staff.post(
        &format!("/admin/att-ringa/{id}/ringd"),
        &[("csrf", &csrf), ("om", "moved_up")],
    );
    assert_eq!(
        (r.status, r.header("location")),
        (303, Some("/admin/att-ringa?klart=ringd"))
    );
    let calls = staff.get("/admin/att-ringa?klart=ringd");
    assert!(calls.body.contains("Samtalet är markerat."));
    let done = calls
        .body
        .split("<h2>Redan ringda</h2>")
        .nth(1)
        .expect("a list of those called");
    assert!(done.contains("Bo, Samtalsgrupp"), "{done}");
    assert!(done.contains(" kl. "), "with the time: {done}");
    let open = calls.body.split("<h2>Redan ringda</h2>").next().unwrap();
    assert!(!open.contains("Bo</th>"), "Bo is no longer to be called");
    assert!(open.contains("Cilla</th>"), "Cilla still is");
    assert_eq!(k.get("/admin/att-ringa").header("location"), Some("/admin/login"));
}

#[test]
fn the_internet_inbox_has_no_booking_for_others_and_no_calls_list() {
    let tmp = tempfile::tempdir().unwrap();
    let k = Kiosk::start_configured(tmp.path(), &common::site(), "inbox_only = true\n");
    set_password(&k, PASSWORD);
    let staff = login(&k, PASSWORD).unwrap_or_else(|r| panic!("login: {} {}", r.status, r.body));
    for path in [
        "/admin/bokningar/boka?tillfalle=x",
        "/admin/att-ringa",
        "/admin/bokningar/kvitto/AAAA",
    ] {
        assert_eq!(staff.get(path).status, 404, "{path}");
    }
    let bookings = staff.get("/admin/bokningar");
    assert!(!bookings.body.contains("Boka åt någon"), "{}", bookings.body);
    assert!(!bookings.body.contains("/admin/att-ringa"), "no menu item either");
}

#[test]
fn a_higher_capacity_gives_the_queue_places_before_anyone_new() {
    let tmp = tempfile::tempdir().unwrap();
    let (content, dir) = common::private_group_site(tmp.path(), "capacity = 1\nwaitlist = true");
    let k = Kiosk::start_with(&dir, &content);
    set_password(&k, PASSWORD);
    let session = first_session(&k, "grupp");
    assert_eq!(book(&k, &session, "Ada")["status"], "confirmed");
    let bo = book(&k, &session, "Bo");
    assert_eq!(bo["status"], "waitlisted");
    let file = content.join("content/aktiviteter/grupp.toml");
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replace("capacity = 1", "capacity = 2");
    std::fs::write(&file, text).unwrap();
    let code = bo["code"].as_str().unwrap();
    let page = common::wait_for(
        std::time::Duration::from_secs(30),
        || k.get(&format!("/bokad/{code}")),
        |page| page.body.contains("Du har en plats!"),
    );
    assert!(page.body.contains("Du har en plats!"), "Bo moved up: {}", page.body);
    let staff = login(&k, PASSWORD).unwrap_or_else(|r| panic!("login: {} {}", r.status, r.body));
    let calls = staff.get("/admin/att-ringa");
    let row = calls
        .body
        .split("<tr>")
        .find(|r| r.contains("Bo</th>"))
        .expect("Bo is to be called");
    assert!(row.contains("Har fått en plats från kön."), "{row}");
    // A newcomer now waits: the place went to the queue first.
    assert_eq!(book(&k, &session, "Cilla")["status"], "waitlisted");
}
