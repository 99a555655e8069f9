//! Residents' suggestions, against the real binary: the kiosk's form step by step, the
//! website's inbox (honeypot, limits, redirect), staff moderation, `export-board`, and the
//! generator building the exported board — with markup in the text made harmless and the
//! contact details in no file of the site.

mod common;

use std::path::Path;

use common::staff::{PASSWORD, login, set_password};
use common::{Kiosk, Reply, copy_site, kiosk_command};

const CONTACT: &str = "0701-234567 hemlig@example.se";

/// Posts one step of the kiosk's form with everything typed so far, as the hidden fields would.
fn step(k: &Kiosk, step: &str, action: &str, fields: &[(&str, &str)]) -> Reply {
    let mut form = vec![("steg", step), ("handling", action)];
    form.extend_from_slice(fields);
    k.post_form("/foresla", &form)
}

fn files_under(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            files_under(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[test]
fn a_suggestion_goes_from_the_kiosk_to_the_website() {
    let tmp = tempfile::tempdir().unwrap();
    let site = copy_site(tmp.path());
    let board = site.join("content/anslagstavla");
    std::fs::create_dir_all(&board).unwrap();
    let k = Kiosk::start_with(tmp.path(), &site);

    // The form at the kiosk: each step checks its own fields and carries the others along.
    let start = k.get("/foresla");
    assert_eq!(start.status, 200);
    assert!(start.body.contains("Steg 1 av 5"), "{}", start.body);
    let empty = step(&k, "1", "fortsatt", &[]);
    assert_eq!(empty.status, 422);
    assert!(empty.body.contains("class=\"error-summary\"") && empty.body.contains("href=\"#titel\""));

    let body = "Vi spelar boule <script>alert('x')</script> & fikar efteråt.";
    let mut typed = vec![("titel", "Boule i parken")];
    assert!(step(&k, "1", "fortsatt", &typed).body.contains("Steg 2 av 5"));
    typed.push(("beskrivning", body));
    let r = step(&k, "2", "fortsatt", &typed);
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("Steg 3 av 5"));
    // What was typed travels escaped in a hidden field, never as markup.
    assert!(r.body.contains("value=\"Vi spelar boule &lt;script&gt;"), "{}", r.body);
    assert!(!r.body.contains("<script>alert"));
    typed.extend([("nar", "Onsdagar kl. 14"), ("var", "Ramlösa brunnspark")]);
    assert!(step(&k, "3", "fortsatt", &typed).body.contains("Steg 4 av 5"));
    typed.extend([("intresse", "samtal"), ("intresse", "fika")]);
    let r = step(&k, "4", "fortsatt", &typed);
    assert!(r.body.contains("Steg 5 av 5"), "{}", r.body);
    assert!(r.body.contains("name=\"intresse\" value=\"fika\""));
    let two_words = [typed.clone(), vec![("namn", "Lennart Svensson")]].concat();
    let r = step(&k, "5", "fortsatt", &two_words);
    assert_eq!(r.status, 422);
    assert!(r.body.contains("ett ord"), "{}", r.body);
    typed.extend([("namn", "Lennart"), ("kontakt", CONTACT)]);
    let check = step(&k, "5", "fortsatt", &typed);
    assert!(check.body.contains("Stämmer det här?"), "{}", check.body);
    assert!(check.body.contains("samtal, fika"));
    // "Ändra" goes back to a step with the answers kept.
    let change = step(&k, "6", "andra-3", &typed);
    assert!(change.body.contains("value=\"Ramlösa brunnspark\""));
    let sent = step(&k, "6", "skicka", &typed);
    assert_eq!(sent.status, 303, "{}", sent.body);
    assert_eq!(sent.header("location"), Some("/foreslaget"));
    assert!(k.get("/foreslaget").body.contains("Tack för ditt förslag"));

    // Nothing is exported before staff approve it.
    let db = k.db.clone();
    let said = kiosk_command(&db, &["export-board".as_ref(), board.as_os_str()]);
    assert!(said.contains("0 godkända förslag"), "{said}");

    // Staff see it, with the contact details, and approve it with an edit.
    set_password(&k, PASSWORD);
    let staff = login(&k, PASSWORD).unwrap();
    assert!(staff.get("/admin").body.contains("1 förslag väntar på granskning"));
    let list = staff.get("/admin/forslag");
    assert!(list.body.contains("Boule i parken") && list.body.contains("Väntar på granskning (1)"));
    let review = staff.get("/admin/forslag/1");
    assert!(review.body.contains(CONTACT), "staff see the contact");
    assert!(review.body.contains("&lt;script&gt;") && !review.body.contains("<script>alert"));
    let csrf = staff.csrf("/admin/forslag/1");
    let mut edited: Vec<(&str, &str)> = typed
        .iter()
        .filter(|(k, _)| *k != "titel" && *k != "kontakt")
        .copied()
        .collect();
    edited.extend([("csrf", csrf.as_str()), ("beslut", "godkann"), ("titel", "")]);
    let refused = staff.post("/admin/forslag/1", &edited);
    assert_eq!(refused.status, 422, "a title is still needed");
    edited.pop();
    edited.push(("titel", "Boule i Ramlösa brunnspark"));
    assert_eq!(
        staff
            .post("/admin/forslag/1", &[("csrf", "fel"), ("beslut", "godkann")])
            .status,
        403
    );
    let approved = staff.post("/admin/forslag/1", &edited);
    assert_eq!(approved.status, 303, "{}", approved.body);
    assert!(staff.get("/admin/forslag").body.contains("Inte exporterad än"));

    // Exported once, as a bulletin-board file without the contact.
    let said = kiosk_command(&db, &["export-board".as_ref(), board.as_os_str()]);
    assert!(said.contains("1 godkänt förslag"), "{said}");
    let file = board.join("boule-i-ramlosa-brunnspark.md");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("title = \"Boule i Ramlösa brunnspark\"") && text.contains("author = \"Lennart\""));
    assert!(!text.contains("0701") && !text.contains("hemlig"));
    // Staff can download the same file, for an editor who commits through the web.
    let download = staff.get("/admin/forslag/1/fil");
    assert_eq!(download.status, 200);
    assert_eq!(
        download.header("content-disposition"),
        Some("attachment; filename=\"boule-i-ramlosa-brunnspark.md\"")
    );
    assert_eq!(download.body, text);
    assert_eq!(k.get("/admin/forslag/1/fil").status, 303, "staff only");
    let again = kiosk_command(&db, &["export-board".as_ref(), board.as_os_str()]);
    assert!(again.contains("0 godkända förslag"), "written once: {again}");

    // The website built from it: the text shows as typed, nothing runs, no contact anywhere.
    let out = tmp.path().join("public");
    omtanke::build::build(&omtanke::build::BuildOptions {
        root: site.clone(),
        output: Some(out.clone()),
        base_url: None,
        drafts: false,
        today: Some(chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()),
    })
    .expect("the site builds with the exported suggestion");
    let page = std::fs::read_to_string(out.join("anslagstavla/boule-i-ramlosa-brunnspark/index.html")).unwrap();
    assert!(page.contains("&lt;script&gt;alert"), "the text is shown as typed");
    assert!(!page.contains("<script>alert"));
    let mut files = Vec::new();
    files_under(&out, &mut files);
    assert!(files.len() > 5);
    for f in files {
        let bytes = std::fs::read(&f).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("0701-234567") && !text.contains("hemlig@example.se"),
            "contact details in {}",
            f.display()
        );
        // The search index holds the text as data, which search.js shows with textContent.
        if f.extension().is_some_and(|e| e != "json") {
            assert!(
                !text.contains("<script>alert"),
                "markup from the resident in {}",
                f.display()
            );
        }
    }
}

#[test]
fn staff_can_reject_and_pages_need_a_login() {
    let tmp = tempfile::tempdir().unwrap();
    let k = Kiosk::start(tmp.path());
    let r = k.post_form(
        "/forslag",
        &[("titel", "Något"), ("beskrivning", "Text"), ("namn", "Anna")],
    );
    assert_eq!(r.status, 303);
    assert_eq!(k.get("/admin/forslag").status, 303, "to the login");
    assert_eq!(k.get("/admin/forslag/1").status, 303);
    assert_eq!(k.post_form("/admin/forslag/1", &[("beslut", "avvisa")]).status, 401);
    set_password(&k, PASSWORD);
    let staff = login(&k, PASSWORD).unwrap();
    let csrf = staff.csrf("/admin/forslag");
    let r = staff.post("/admin/forslag/1", &[("csrf", &csrf), ("beslut", "avvisa")]);
    assert_eq!(r.header("location"), Some("/admin/forslag?klart=avvisat"));
    let r = staff.post("/admin/forslag/1", &[("csrf", &csrf), ("beslut", "avvisa")]);
    assert_eq!(r.header("location"), Some("/admin/forslag?klart=redan"), "decided once");
    assert!(staff.get("/admin/forslag").body.contains("Väntar på granskning (0)"));
    let said = kiosk_command(&k.db, &["export-board".as_ref(), tmp.path().as_os_str()]);
    assert!(said.contains("0 godkända förslag"), "{said}");
    let file = staff.get("/admin/forslag/1/fil");
    assert_eq!(file.status, 409, "a rejected suggestion never becomes a file");
    assert!(file.body.contains("Bara godkända förslag"), "{}", file.body);
}

fn web_post(k: &Kiosk, extra: &[(&str, &str)]) -> Reply {
    let mut form = vec![
        ("titel", "Stickcafé"),
        ("beskrivning", "Vi stickar."),
        ("namn", "Maja"),
        ("intresse", "fika"),
    ];
    form.extend_from_slice(extra);
    k.post_form("/forslag", &form)
}

fn stored(k: &Kiosk) -> i64 {
    let conn = rusqlite::Connection::open(&k.db).unwrap();
    conn.query_row("SELECT COUNT(*) FROM suggestions", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn the_website_inbox_checks_limits_and_thanks() {
    let tmp = tempfile::tempdir().unwrap();
    let k = Kiosk::start(tmp.path());

    let r = web_post(&k, &[]);
    assert_eq!(r.status, 303);
    assert_eq!(
        r.header("location"),
        Some("https://kiosk.example.se/anslagstavla/tack/")
    );
    // This site has no English pages, so English visitors get the Swedish thank-you page.
    let r = web_post(&k, &[("sprak", "en")]);
    assert_eq!(
        r.header("location"),
        Some("https://kiosk.example.se/anslagstavla/tack/")
    );
    assert_eq!(stored(&k), 2);

    // A robot that fills in the hidden field is thanked, and nothing is kept.
    let r = web_post(&k, &[("webbplats", "http://spam.example")]);
    assert_eq!(r.status, 303);
    assert_eq!(stored(&k), 2);

    // Mistakes come back as a page with an error summary and the answers kept.
    let r = k.post_form(
        "/forslag",
        &[("titel", &"x".repeat(81)), ("beskrivning", "Text"), ("namn", "Maja")],
    );
    assert_eq!(r.status, 422);
    assert!(r.body.contains("Skriv högst 80 tecken"), "{}", r.body);
    assert!(r.body.contains("name=\"webbplats\""), "the honeypot is in the page too");
    let r = web_post(&k, &[("intresse", "<b>nytt</b>")]);
    assert_eq!(r.status, 422, "only the site's interests");
    assert!(r.body.contains("Välj intressen från listan") && !r.body.contains("<b>nytt</b>"));
    // Every field full of three-byte letters (Tigrinya), 18 KB once encoded, fits; a much
    // larger body does not.
    let letters = |n: usize| "ቀ".repeat(n);
    let (t, b, w, n, c) = (letters(80), letters(1500), letters(120), letters(40), letters(120));
    let full = [
        ("titel", &t),
        ("beskrivning", &b),
        ("nar", &w),
        ("var", &w),
        ("namn", &n),
        ("kontakt", &c),
    ];
    let full: Vec<(&str, &str)> = full.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = k.post_form("/forslag", &full);
    assert_eq!(r.status, 303, "a full form: {}", r.body);
    let big = "x".repeat(40 * 1024);
    assert_eq!(web_post(&k, &[("beskrivning", &big)]).status, 413);
    assert_eq!(stored(&k), 3);

    // Five an hour from one address; the sixth is refused and kept out.
    for _ in 0..2 {
        assert_eq!(web_post(&k, &[]).status, 303);
    }
    let r = web_post(&k, &[]);
    assert_eq!(r.status, 429);
    assert!(r.body.contains("Vänta en timme"));
    assert!(
        !r.body.contains("href=\"#titel\">Det har kommit"),
        "not a fault of one field"
    );
    assert_eq!(stored(&k), 5);
}

#[test]
fn an_inbox_only_daemon_has_no_touch_screens() {
    let tmp = tempfile::tempdir().unwrap();
    let k = Kiosk::start_configured(tmp.path(), &common::site(), "inbox_only = true\n");
    assert_eq!(k.get("/").status, 404);
    assert_eq!(k.get("/foresla").status, 404);
    assert_eq!(k.get("/api/sessions").status, 404);
    assert_eq!(k.post_form("/checka-in", &[]).status, 404);
    assert_eq!(k.get("/fragor").status, 404);
    assert_eq!(k.get("/forslag").status, 200);
    assert_eq!(web_post(&k, &[]).status, 303);
    assert_eq!(k.get("/admin/login").status, 200);
    assert_eq!(k.get("/health").status, 200);
    // The privacy notice is there for those who send details, without the kiosk's menu.
    let privacy = k.get("/integritet");
    assert_eq!(privacy.status, 200);
    assert!(privacy.body.contains("Till anslagstavlan") && !privacy.body.contains("href=\"/boka\""));
    // The errors of what it serves are its own, not "not found".
    assert_eq!(k.post_form("/admin/forslag/1", &[("beslut", "avvisa")]).status, 401);
    assert_eq!(web_post(&k, &[("beskrivning", &"x".repeat(40 * 1024))]).status, 413);
    let cross = k.request(
        "POST",
        "/admin/login",
        &[
            ("content-type", "application/x-www-form-urlencoded"),
            ("origin", "https://evil.example"),
        ],
        b"losenord=x",
    );
    assert_eq!(cross.status, 403);
}

#[test]
fn on_the_internet_wrong_passwords_lock_out_only_their_own_network() {
    let tmp = tempfile::tempdir().unwrap();
    let k = Kiosk::start_configured(
        tmp.path(),
        &common::site(),
        "inbox_only = true\ntrust_forwarded_for = true\n",
    );
    set_password(&k, PASSWORD);
    let try_from = |address: &str, password: &str| {
        let body = format!("losenord={}", common::enc(password));
        k.request(
            "POST",
            "/admin/login",
            &[
                ("content-type", "application/x-www-form-urlencoded"),
                ("x-forwarded-for", address),
            ],
            body.as_bytes(),
        )
    };
    for _ in 0..5 {
        assert_eq!(try_from("203.0.113.9", "gissning").status, 401);
    }
    assert_eq!(try_from("203.0.113.9", PASSWORD).status, 429, "that network waits");
    // Other networks, IPv6 ones too, still get in.
    assert_eq!(try_from("2001:db8:1:2::1", "gissning").status, 401);
    let staff = try_from("198.51.100.7", PASSWORD);
    assert_eq!(staff.status, 303, "staff elsewhere are not locked out: {}", staff.body);
    assert!(
        staff.header("set-cookie").unwrap().contains("; Secure"),
        "the inbox's session cookie is never sent unencrypted"
    );
}

#[test]
fn an_english_visitor_gets_the_inbox_in_english() {
    let tmp = tempfile::tempdir().unwrap();
    let site = copy_site(tmp.path());
    let toml = site.join("site.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, format!("{text}\n[languages.en]\ntitle = \"Kiosk test\"\n")).unwrap();
    let k = Kiosk::start_with(tmp.path(), &site);

    let r = k.post_form(
        "/forslag",
        &[
            ("titel", "Knitting"),
            ("beskrivning", "We knit."),
            ("namn", "Maja Svensson"),
            ("sprak", "en"),
        ],
    );
    assert_eq!(r.status, 422);
    for english in [
        r#"<html lang="en">"#,
        "There is a problem",
        "Write only a first name or a nickname, one word.",
        "Your first name or nickname",
        r#"<input type="hidden" name="sprak" value="en">"#,
        r#"href="https://kiosk.example.se/en/anslagstavla/">To the bulletin board"#,
    ] {
        assert!(r.body.contains(english), "{english} in {}", r.body);
    }
    assert!(!r.body.contains("Något behöver rättas"));
    let r = web_post(&k, &[("sprak", "en")]);
    assert_eq!(
        r.header("location"),
        Some("https://kiosk.example.se/en/anslagstavla/tack/")
    );
}
