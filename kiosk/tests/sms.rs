//! Text messages through an SMS gateway (`[sms]`), against a stand-in of the gateway on
//! 127.0.0.1 in 46elks's shape: the confirmation with basic authentication and the number in
//! E.164, a retry after a 500, never a second message after a kill -9 between sending and
//! recording, and the day-before reminder and the place-from-the-queue notice, once each.

mod common;

use std::path::Path;
use std::time::Duration;

use common::Kiosk;
use common::sms_gateway::gateway;

fn config(url: &str, reminder_hour: u32) -> String {
    format!(
        "[sms]\nurl = \"{url}\"\nuser = \"u123\"\nsecret = \"hemligt\"\nsender = \"Pratcafe\"\nretry_seconds = 1\nreminder_hour = {reminder_hour}\n"
    )
}

fn sessions(k: &Kiosk) -> Vec<String> {
    k.get("/api/sessions")
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect()
}

fn book(k: &Kiosk, session: &str, name: &str, phone: &str) -> serde_json::Value {
    let body = serde_json::json!({ "session": session, "name": name, "phone": phone }).to_string();
    let r = k.post_json("/api/bookings", &body);
    assert_eq!(r.status, 201, "{}", r.body);
    r.json()
}

fn outbox(db: &Path) -> Vec<(String, String, u32)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT event, state, attempts FROM sms_outbox ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

const WAIT: Duration = Duration::from_secs(15);

/// One place and a waiting list, so a cancellation gives someone a place.
const QUEUE: &str = "capacity = 1\nwaitlist = true";

#[test]
fn the_confirmation_goes_out_with_basic_auth_and_is_retried_after_a_500() {
    let tmp = tempfile::tempdir().unwrap();
    let gw = gateway(vec![(500, Duration::ZERO)]);
    let (content, dir) = common::private_group_site(tmp.path(), QUEUE);
    // No reminders here: the meeting is a week away.
    let k = Kiosk::start_configured(&dir, &content, &config(&gw.url, 0));
    let last = sessions(&k).pop().unwrap();
    let booked = book(&k, &last, "Ada", "070-123 45 67");
    let code = booked["code"].as_str().unwrap().to_string();
    let first = gw.received.recv_timeout(WAIT).expect("the gateway is asked");
    let second = gw.received.recv_timeout(WAIT).expect("and asked again after its 500");
    assert_eq!(first.form, second.form);
    assert_eq!(second.auth, "Basic dTEyMzpoZW1saWd0", "basic auth of u123:hemligt");
    assert_eq!(second.get("from"), "Pratcafe");
    assert_eq!(second.get("to"), "+46701234567");
    let text = second.get("message");
    assert!(text.starts_with("Du har en plats på Samtalsgrupp "), "{text}");
    assert!(
        text.contains("kl. 08.00, Glimten, Lönnvägen 7"),
        "the address, also a private one: {text}"
    );
    assert!(text.contains(&code), "{text}");
    assert!(
        gw.received.recv_timeout(Duration::from_secs(3)).is_err(),
        "sent once it was taken"
    );
    assert_eq!(outbox(&k.db), vec![(format!("booked:{code}"), "sent".to_string(), 2)]);
}

#[test]
fn a_kill_between_sending_and_recording_never_sends_twice() {
    let tmp = tempfile::tempdir().unwrap();
    let gw = gateway(vec![(200, Duration::from_secs(4))]);
    let (content, dir) = common::private_group_site(tmp.path(), QUEUE);
    let mut k = Kiosk::start_configured(&dir, &content, &config(&gw.url, 0));
    let last = sessions(&k).pop().unwrap();
    book(&k, &last, "Ada", "070-123 45 67");
    gw.received.recv_timeout(WAIT).expect("the gateway is asked");
    // The gateway holds its answer: the kiosk dies before it can record it.
    k.child.kill().unwrap();
    k.child.wait().unwrap();
    let db = k.db.clone();
    drop(k);
    let k = Kiosk::start_configured(&dir, &content, &config(&gw.url, 0));
    assert_eq!(k.db, db);
    assert!(
        gw.received.recv_timeout(Duration::from_secs(6)).is_err(),
        "not sent a second time"
    );
    assert_eq!(gw.all.lock().unwrap().len(), 1);
    let rows = outbox(&db);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].1, "uncertain", "{rows:?}");
    common::staff::set_password(&k, common::staff::PASSWORD);
    let staff = common::staff::login(&k, common::staff::PASSWORD).unwrap_or_else(|r| panic!("{}", r.body));
    let calls = staff.get("/admin/att-ringa");
    assert!(calls.body.contains("Kanske skickat."), "staff see it: {}", calls.body);
    assert!(calls.body.contains("+46701234567"));
}

#[test]
fn a_place_from_the_queue_and_the_reminder_are_texted_once_each() {
    let tmp = tempfile::tempdir().unwrap();
    let gw = gateway(vec![]);
    let (content, dir) = common::private_group_site(tmp.path(), QUEUE);
    let k = Kiosk::start_configured(&dir, &content, &config(&gw.url, 0));
    // Tomorrow's meeting in the site's time zone: the reminder is due (reminder_hour = 0).
    let tomorrow = (chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Stockholm)
        .date_naive()
        + chrono::Days::new(1))
    .to_string();
    let session = sessions(&k)
        .into_iter()
        .find(|s| s.contains(&format!("@{tomorrow}T")))
        .expect("tomorrow's meeting is bookable");
    let ada = book(&k, &session, "Ada", "070-111 11 11");
    let bo = book(&k, &session, "Bo", "070-222 22 22");
    assert_eq!(bo["status"], "waitlisted");
    let r = k.request(
        "DELETE",
        &format!("/api/bookings/{}", ada["code"].as_str().unwrap()),
        &[],
        b"",
    );
    assert!(r.status < 300, "{} {}", r.status, r.body);
    // Ada: confirmation and maybe a reminder before she cancelled; Bo: in the queue, a place, a
    // reminder. Wait until Bo's three have come, then a while longer for any duplicate.
    common::wait_for(
        WAIT,
        || {
            gw.all
                .lock()
                .unwrap()
                .iter()
                .filter(|s| s.get("to") == "+46702222222")
                .count()
        },
        |n| *n >= 3,
    );
    std::thread::sleep(Duration::from_secs(3));
    let to_bo: Vec<String> = gw
        .all
        .lock()
        .unwrap()
        .iter()
        .filter(|s| s.get("to") == "+46702222222")
        .map(|s| s.get("message").to_string())
        .collect();
    assert_eq!(to_bo.len(), 3, "{to_bo:?}");
    assert!(to_bo[0].starts_with("Du står i kö till Samtalsgrupp"), "{to_bo:?}");
    assert!(
        to_bo
            .iter()
            .any(|m| m.starts_with("Du har fått en plats på Samtalsgrupp")),
        "{to_bo:?}"
    );
    assert_eq!(
        to_bo
            .iter()
            .filter(|m| m.starts_with("Påminnelse: i morgon Samtalsgrupp"))
            .count(),
        1,
        "{to_bo:?}"
    );
}
