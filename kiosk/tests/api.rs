//! The JSON API and the durability and capacity guarantees behind it, against the real binary.

mod common;

use std::process::Command;
use std::sync::{Arc, Barrier};

use common::{BIN, Kiosk, site};

fn first_session(k: &Kiosk, activity: &str) -> serde_json::Value {
    let sessions = k.get("/api/sessions").json();
    sessions
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["activity"] == activity)
        .cloned()
        .expect("a bookable session")
}

#[test]
fn health_checkins_sessions_and_headers() {
    let tmp = tempfile::tempdir().unwrap();
    let k = Kiosk::start(tmp.path());
    let r = k.get("/health");
    assert_eq!(r.status, 200);
    assert_eq!(
        r.header("content-security-policy"),
        Some(
            "default-src 'self'; frame-ancestors 'none'; form-action 'self' https://kiosk.example.se; base-uri 'none'"
        )
    );
    assert_eq!(r.header("x-content-type-options"), Some("nosniff"));

    let r = k.post_json("/api/checkins", r#"{"first_visit": true}"#);
    assert_eq!(r.status, 201, "{}", r.body);
    assert!(r.json()["id"].as_i64().unwrap() > 0);
    assert_eq!(
        k.post_json("/api/checkins", "{}").status,
        201,
        "the question is optional"
    );
    assert_eq!(k.post_json("/api/checkins", "not json").status, 422);

    let s = first_session(&k, "grupp");
    assert_eq!(s["capacity"], 14);
    assert_eq!(s["booked"], 0);
    assert_eq!(s["title"], "Samtalsgrupp");
    assert!(s["start"].as_str().unwrap().ends_with(":00+01:00") || s["start"].as_str().unwrap().ends_with(":00+02:00"));
}

#[test]
fn booking_rules() {
    let tmp = tempfile::tempdir().unwrap();
    let k = Kiosk::start(tmp.path());
    let liten = first_session(&k, "liten");
    let id = liten["id"].as_str().unwrap();
    let r = k.post_json(
        "/api/bookings",
        &format!(r#"{{"session": "{id}", "name": "Anna", "phone": "070-123 45 67"}}"#),
    );
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.json()["status"], "confirmed");
    let code = r.json()["code"].as_str().unwrap().to_string();
    assert_eq!(code.len(), 14, "three groups of four: {code}");

    let full = k.post_json("/api/bookings", &format!(r#"{{"session": "{id}", "name": "Bertil"}}"#));
    assert_eq!(full.status, 409, "full without a waiting list");
    assert!(full.json()["error"].as_str().unwrap().contains("fullt"));

    let twice = k.post_json(
        "/api/bookings",
        &format!(
            r#"{{"session": "{}", "name": "anna"}}"#,
            first_session(&k, "grupp")["id"].as_str().unwrap()
        ),
    );
    assert_eq!(twice.status, 201);
    let again = k.post_json(
        "/api/bookings",
        &format!(
            r#"{{"session": "{}", "name": " Anna "}}"#,
            first_session(&k, "grupp")["id"].as_str().unwrap()
        ),
    );
    assert_eq!(again.status, 409, "one booking per name and occurrence");

    for (body, what) in [
        (format!(r#"{{"session": "{id}", "name": ""}}"#), "Skriv ditt förnamn"),
        (
            format!(r#"{{"session": "{id}", "name": "Anna", "phone": "ring mig"}}"#),
            "Telefonnumret",
        ),
        (
            r#"{"session": "finns-inte@2026-01-01T10:00", "name": "Anna"}"#.to_string(),
            "går inte att boka",
        ),
    ] {
        let r = k.post_json("/api/bookings", &body);
        assert_eq!(r.status, 422, "{body}");
        assert!(r.json()["error"].as_str().unwrap().contains(what), "{}", r.body);
    }

    let r = k.request("DELETE", &format!("/api/bookings/{code}"), &[], b"");
    assert_eq!(r.status, 204);
    assert_eq!(
        k.request("DELETE", &format!("/api/bookings/{code}"), &[], b"").status,
        404
    );
    let r = k.post_json("/api/bookings", &format!(r#"{{"session": "{id}", "name": "Bertil"}}"#));
    assert_eq!(r.status, 201, "the cancelled place is free again");
}

#[test]
fn concurrent_bookings_never_overbook() {
    let tmp = tempfile::tempdir().unwrap();
    // All 200 at once from this one address: more than a network may hold by default.
    let k = Kiosk::start_configured(tmp.path(), &common::site(), "max_connections_per_network = 256\n");
    let id = first_session(&k, "grupp")["id"].as_str().unwrap().to_string();
    let barrier = Arc::new(Barrier::new(200));
    let handles: Vec<_> = (0..200)
        .map(|i| {
            let (addr, id, barrier) = (k.addr.clone(), id.clone(), barrier.clone());
            std::thread::spawn(move || {
                barrier.wait();
                let body = format!(r#"{{"session": "{id}", "name": "Person {i}"}}"#);
                common::request(
                    &addr,
                    "POST",
                    "/api/bookings",
                    &[("content-type", "application/json")],
                    body.as_bytes(),
                )
            })
        })
        .collect();
    let replies: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let confirmed = replies
        .iter()
        .filter(|r| r.status == 201 && r.json()["status"] == "confirmed")
        .count();
    let waitlisted = replies
        .iter()
        .filter(|r| r.status == 201 && r.json()["status"] == "waitlisted")
        .count();
    let other: Vec<String> = replies
        .iter()
        .filter(|r| r.status != 201)
        .map(|r| format!("{} {}", r.status, r.body))
        .collect();
    assert_eq!(confirmed, 14, "exactly the capacity; replies other than 201: {other:?}");
    assert_eq!(waitlisted, 186, "everyone else on the waiting list, none lost");
    let s = first_session(&k, "grupp");
    assert_eq!((s["booked"].as_u64(), s["waitlisted"].as_u64()), (Some(14), Some(186)));

    // Cancelling a confirmed place promotes the first on the waiting list.
    let conn = rusqlite::Connection::open(&k.db).unwrap();
    let first_waiting: String = conn
        .query_row(
            "SELECT name FROM bookings WHERE session = ?1 AND status = 'waitlisted' ORDER BY id LIMIT 1",
            [&id],
            |r| r.get(0),
        )
        .unwrap();
    let confirmed_code = replies
        .iter()
        .find(|r| r.json()["status"] == "confirmed")
        .unwrap()
        .json()["code"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        k.request("DELETE", &format!("/api/bookings/{confirmed_code}"), &[], b"")
            .status,
        204
    );
    let status: String = conn
        .query_row(
            "SELECT status FROM bookings WHERE session = ?1 AND name = ?2",
            [&id, &first_waiting],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        status, "confirmed",
        "{first_waiting} was first in the queue and got the place"
    );
    let s = first_session(&k, "grupp");
    assert_eq!((s["booked"].as_u64(), s["waitlisted"].as_u64()), (Some(14), Some(185)));
}

#[test]
fn acknowledged_checkins_survive_kill_9() {
    let tmp = tempfile::tempdir().unwrap();
    let mut acknowledged = vec![];
    {
        let k = Kiosk::start(tmp.path());
        let addr = k.addr.clone();
        let pid = k.child.id();
        // Killed in the middle of a stream of check-ins, once a few hundred are acknowledged.
        let (started, wait) = std::sync::mpsc::channel::<()>();
        let killer = std::thread::spawn(move || {
            let _ = wait.recv();
            // SAFETY: killing our own child process, as a power cut would.
            unsafe { libc::kill(pid as i32, libc::SIGKILL) };
        });
        for _ in 0..100_000 {
            let r = common::request(
                &addr,
                "POST",
                "/api/checkins",
                &[("content-type", "application/json")],
                b"{}",
            );
            if r.status != 201 {
                break;
            }
            acknowledged.push(r.json()["id"].as_i64().unwrap());
            if acknowledged.len() == 300 {
                started.send(()).unwrap();
            }
        }
        killer.join().unwrap();
    }
    assert!(acknowledged.len() >= 300, "check-ins were made before the kill");
    let k = Kiosk::start(tmp.path());
    assert_eq!(k.get("/health").status, 200, "starts again after the crash");
    let conn = rusqlite::Connection::open(&k.db).unwrap();
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok");
    for id in &acknowledged {
        let found: bool = conn
            .query_row("SELECT EXISTS(SELECT 1 FROM checkins WHERE id = ?1)", [id], |r| {
                r.get(0)
            })
            .unwrap();
        assert!(found, "acknowledged check-in {id} was lost");
    }
}

#[test]
fn large_bodies_are_refused_and_stats_need_staff() {
    let tmp = tempfile::tempdir().unwrap();
    let k = Kiosk::start(tmp.path());
    let big = vec![b'a'; 10 * 1024 * 1024];
    let r = k.request("POST", "/api/checkins", &[("content-type", "application/json")], &big);
    assert_eq!(r.status, 413);
    let r = k.get("/api/stats?from=2026-01-01&to=2026-12-31");
    assert_eq!(r.status, 401);
}

#[test]
fn purge_removes_names_of_past_occurrences_and_keeps_counts() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db.sqlite3");
    // Create the database, then add bookings as they would be after the occurrences.
    common::create_db(&db);
    let conn = rusqlite::Connection::open(&db).unwrap();
    for (i, start) in [
        "2020-01-01T10:00:00+01:00",
        "2020-01-01T10:00:00+01:00",
        "2999-01-01T10:00:00+01:00",
    ]
    .iter()
    .enumerate()
    {
        conn.execute(
            "INSERT INTO bookings (session, activity, starts_at, name, name_key, phone, code, status, created_at) VALUES (?1, 'grupp', ?2, ?3, ?4, '0701234567', ?5, 'confirmed', datetime('now'))",
            rusqlite::params![format!("grupp@{start}"), start, format!("Namn{i}"), format!("namn{i}"), format!("KOD{i}A")],
        )
        .unwrap();
    }
    drop(conn);
    let said = common::kiosk_command(&db, &[std::ffi::OsStr::new("purge")]);
    assert!(
        said.contains("Tog bort namnen i 2 bokningar"),
        "Swedish, the site's language: {said}"
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (rows, named, phones): (i64, i64, i64) = conn
        .query_row("SELECT COUNT(*), COUNT(name), COUNT(phone) FROM bookings", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!(
        (rows, named, phones),
        (3, 1, 1),
        "counts kept, past names and phones gone"
    );
}

#[test]
fn backup_makes_a_working_copy() {
    let tmp = tempfile::tempdir().unwrap();
    let k = Kiosk::start(tmp.path());
    for _ in 0..3 {
        assert_eq!(k.post_json("/api/checkins", "{}").status, 201);
    }
    let copy = tmp.path().join("kopia.sqlite3");
    let out = Command::new(BIN)
        .arg("--content")
        .arg(site())
        .arg("--db")
        .arg(&k.db)
        .arg("backup")
        .arg(&copy)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let conn = rusqlite::Connection::open(&copy).unwrap();
    let n: i64 = conn
        .query_row("SELECT COUNT(*) FROM checkins", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 3);
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok");
}

#[test]
fn stops_cleanly_on_sigterm_and_picks_up_content_changes() {
    let tmp = tempfile::tempdir().unwrap();
    let site_copy = tmp.path().join("site");
    std::fs::create_dir_all(site_copy.join("content/aktiviteter")).unwrap();
    std::fs::copy(site().join("site.toml"), site_copy.join("site.toml")).unwrap();
    for f in ["grupp.toml", "liten.toml"] {
        std::fs::copy(
            site().join("content/aktiviteter").join(f),
            site_copy.join("content/aktiviteter").join(f),
        )
        .unwrap();
    }
    let mut k = Kiosk::start_with(tmp.path(), &site_copy);
    assert_eq!(first_session(&k, "liten")["capacity"], 1);
    let liten = site_copy.join("content/aktiviteter/liten.toml");
    let text = std::fs::read_to_string(&liten).unwrap();
    std::fs::write(&liten, text.replace("capacity = 1", "capacity = 3")).unwrap();
    let started = std::time::Instant::now();
    while first_session(&k, "liten")["capacity"] != 3 {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "the change was never picked up"
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    // SAFETY: sending SIGTERM to our own child, as systemd does when stopping the service.
    unsafe { libc::kill(k.child.id() as i32, libc::SIGTERM) };
    let status = k.child.wait().unwrap();
    assert!(status.success(), "{status:?}");
}
