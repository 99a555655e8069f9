//! The anonymous survey (the loneliness scale), against the real binary and a real database:
//! the touch screens from the introduction to the thank-you, what a stored row holds, that
//! leaving halfway or a changed form stores nothing, the staff page's aggregates, and the CSV
//! from the staff page and from `omtanke-kiosk export-survey` read by the website's generator.

mod common;

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::staff::{login, set_password};
use common::{BIN, Kiosk, Reply};

const PASSWORD: &str = "ett långt lösenord";

/// A form's fields in the order they are sent.
type Fields = Vec<(String, String)>;

/// The items as shipped, in their order: (id, Swedish text).
fn items() -> Vec<(String, String)> {
    let file: toml::Table = toml::from_str(include_str!("../survey.toml")).unwrap();
    file["item"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["id"].as_str().unwrap().into(), i["sv"].as_str().unwrap().into()))
        .collect()
}

/// The part of `page` from the form with `class` to its end.
fn form<'a>(page: &'a str, class: &str) -> &'a str {
    let start = page
        .find(&format!("class=\"{class}\""))
        .unwrap_or_else(|| panic!("a form {class} in {page}"));
    let rest = &page[start..];
    &rest[..rest.find("</form>").unwrap()]
}

/// What a browser sends when the button with `value` (or the form's only, unnamed button) of
/// the form with `class` is tapped: the hidden fields in order, then the button's own field.
fn tap(page: &str, class: &str, value: Option<&str>) -> Fields {
    let form = form(page, class);
    let mut fields: Fields = form
        .split("<input type=\"hidden\" name=\"")
        .skip(1)
        .map(|p| {
            let (name, rest) = p.split_once('"').unwrap();
            let value = rest.split("value=\"").nth(1).unwrap().split('"').next().unwrap();
            (name.to_string(), value.to_string())
        })
        .collect();
    if let Some(value) = value {
        let button = form
            .split("<button")
            .skip(1)
            .find(|b| b.contains(&format!(" value=\"{value}\">")))
            .unwrap_or_else(|| panic!("a button {value} in {form}"));
        let name = button.split("name=\"").nth(1).unwrap().split('"').next().unwrap();
        fields.push((name.to_string(), value.to_string()));
    }
    fields
}

fn post(k: &Kiosk, fields: &[(String, String)]) -> Reply {
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    k.post_form("/fragor", &pairs)
}

/// The survey's own file beside the database (its answers are never in the main file).
fn survey_file(db: &Path) -> std::path::PathBuf {
    db.with_extension("survey.sqlite3")
}

fn stored(db: &Path) -> Vec<(i64, String, String)> {
    let conn = rusqlite::Connection::open(survey_file(db)).unwrap();
    let mut stmt = conn.prepare("SELECT id, month, answers FROM survey_responses").unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn this_month() -> String {
    chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Stockholm)
        .format("%Y-%m")
        .to_string()
}

#[test]
fn a_finished_survey_stores_its_month_and_answers_only() {
    let tmp = tempfile::tempdir().unwrap();
    let k = Kiosk::start(tmp.path());

    // Reached from the start screen and after a check-in, by links that carry nothing.
    assert!(
        k.get("/")
            .body
            .contains(r#"<a href="/fragor">Svara på sex frågor om hur du har det (frivilligt)</a>"#)
    );
    let checkin = k.post_form("/checka-in", &[]);
    assert_eq!(checkin.status, 303);
    assert!(k.get("/valkommen").body.contains(r#"<a href="/fragor">"#));

    let intro = k.get("/fragor");
    assert_eq!(intro.status, 200);
    assert!(intro.body.contains("Det är anonymt.") && intro.body.contains(r#"href="/fragor/1""#));
    assert!(
        intro.body.contains("data-idle=\"90\""),
        "returns to the start by itself"
    );

    let items = items();
    let choices = ["ja", "mer-eller-mindre", "hoppa", "nej", "ja", "nej"];
    let mut page = k.get("/fragor/1");
    let mut replies = vec![];
    for (i, ((_, text), choice)) in items.iter().zip(choices).enumerate() {
        assert_eq!(page.status, 200, "{}", page.body);
        assert!(page.body.contains(&format!("Fråga {} av 6", i + 1)), "{}", page.body);
        assert!(page.body.contains(text), "question {} shows the Swedish text", i + 1);
        for button in ["Ja", "Mer eller mindre", "Nej", "Hoppa över frågan"] {
            assert!(page.body.contains(&format!("\">{button}</button>")), "{button}");
        }
        assert!(stored(&k.db).is_empty(), "nothing is stored before the end");
        let fields = tap(&page.body, "survey-question", Some(choice));
        let reply = post(&k, &fields);
        replies.push(fields);
        if i + 1 < items.len() {
            page = reply;
        } else {
            assert_eq!(
                (reply.status, reply.header("location")),
                (303, Some("/fragor/tack")),
                "{}",
                reply.body
            );
            assert!(reply.header("set-cookie").is_none(), "no cookie");
        }
    }
    let thanks = k.get("/fragor/tack");
    assert_eq!(thanks.status, 200);
    assert!(thanks.body.contains("Tack för dina svar!"));

    // The table has the month and the answers, and nothing else.
    let conn = rusqlite::Connection::open(survey_file(&k.db)).unwrap();
    let columns: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_info('survey_responses')")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(columns, ["id", "month", "answers"]);
    let rows = stored(&k.db);
    assert_eq!(rows.len(), 1, "exactly one response");
    let (id, month, answers) = &rows[0];
    assert!(*id > 0);
    assert_eq!(month, &this_month());
    assert_eq!(
        answers, r#"{"close":"no","emptiness":"yes","miss":"yes","rejected":"no","rely":"more_or_less"}"#,
        "the skipped item is absent"
    );

    // A double tap on the last answer sends the same form again: it is stored once.
    let again = post(&k, replies.last().unwrap());
    assert_eq!((again.status, again.header("location")), (303, Some("/fragor/tack")));
    assert_eq!(stored(&k.db).len(), 1);

    // Skipping every statement is finishing without an answer: nothing to store.
    let mut page = k.get("/fragor/1");
    for i in 0..6 {
        let reply = post(&k, &tap(&page.body, "survey-question", Some("hoppa")));
        if i < 5 {
            page = reply;
        } else {
            assert_eq!(reply.status, 303);
        }
    }
    assert_eq!(stored(&k.db).len(), 1);
}

#[test]
fn leaving_halfway_stores_nothing_and_back_goes_one_question_back() {
    let tmp = tempfile::tempdir().unwrap();
    let k = Kiosk::start(tmp.path());
    let first = k.get("/fragor/1");
    assert!(
        !first.body.contains("Tillbaka till förra frågan"),
        "nothing before the first question"
    );
    let second = post(&k, &tap(&first.body, "survey-question", Some("nej")));
    let third = post(&k, &tap(&second.body, "survey-question", Some("ja")));
    assert!(third.body.contains("Fråga 3 av 6"));
    assert!(
        third
            .body
            .contains(r#"<a href="/">Sluta och gå till start (inget sparas)</a>"#)
    );

    let back = post(&k, &tap(&third.body, "inline-form", None));
    assert_eq!(back.status, 200);
    assert!(back.body.contains("Fråga 2 av 6") && back.body.contains(&items()[1].1));
    // The first answer is still carried; the second is asked again.
    let carried = tap(&back.body, "survey-question", Some("ja"));
    assert_eq!(carried[1], ("emptiness".to_string(), "nej".to_string()));
    assert_eq!(carried.len(), 3);

    // The visitor walks away (or the screen returns to the start): nothing was stored.
    assert_eq!(k.get("/").status, 200);
    assert!(stored(&k.db).is_empty());
}

#[test]
fn a_changed_form_is_refused_and_nothing_is_stored() {
    let tmp = tempfile::tempdir().unwrap();
    let k = Kiosk::start(tmp.path());
    let mut page = k.get("/fragor/1");
    for _ in 0..5 {
        page = post(&k, &tap(&page.body, "survey-question", Some("ja")));
    }
    let good = tap(&page.body, "survey-question", Some("nej"));
    assert_eq!(good.len(), 7, "the form's id and six answers");
    let with = |f: &dyn Fn(&mut Fields)| {
        let mut v = good.clone();
        f(&mut v);
        v
    };
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    let tampered = [
        with(&|v| v[3].1 = "kanske".into()),
        with(&|v| v[3].1 = "yes".into()),
        with(&|v| v.swap(2, 3)),
        with(&|v| v[2].0 = "ensam".into()),
        with(&|v| v.push(pair("incheckning", "12"))),
        with(&|v| v.insert(1, pair("incheckning", "12"))),
        with(&|v| v.push(pair("rejected", "ja"))),
        with(&|v| {
            v.remove(0);
        }),
        with(&|v| v[0].1 = "<script>".into()),
        with(&|v| {
            v.remove(2);
        }),
    ];
    for fields in &tampered {
        let r = post(&k, fields);
        assert_eq!(r.status, 400, "{fields:?}: {}", r.body);
        assert!(r.body.contains("inget sparades"), "{}", r.body);
    }
    let r = k.request(
        "POST",
        "/fragor",
        &[("content-type", "application/x-www-form-urlencoded")],
        b"formular=%ZZ&emptiness",
    );
    assert!((400..500).contains(&r.status), "{}", r.status);
    assert!(stored(&k.db).is_empty(), "nothing stored from a changed form");
    // The form as it was is still accepted.
    assert_eq!(post(&k, &good).status, 303);
    assert_eq!(stored(&k.db).len(), 1);
}

/// Stores responses as the survey would: the month and the JSON answers under a random id.
fn insert(db: &Path, month: &str, answers: &str, n: usize) {
    let conn = rusqlite::Connection::open(survey_file(db)).unwrap();
    for _ in 0..n {
        conn.execute(
            "INSERT INTO survey_responses (id, month, answers) VALUES (abs(random()) + 1, ?1, ?2)",
            rusqlite::params![month, answers],
        )
        .unwrap();
    }
}

/// Total 1: emotional 1, social 0.
const NOT_LONELY: &str =
    r#"{"emptiness":"more_or_less","rely":"yes","trust":"yes","close":"yes","miss":"no","rejected":"no"}"#;
/// Total 6.
const SEVERE: &str = r#"{"emptiness":"yes","rely":"no","trust":"no","close":"no","miss":"yes","rejected":"yes"}"#;
/// Two items skipped: no total and no subscales.
const PARTIAL: &str = r#"{"trust":"yes","close":"yes","miss":"no","rejected":"no"}"#;
/// Total 3: emotional 2, social 1.
const MODERATE: &str =
    r#"{"emptiness":"yes","rely":"more_or_less","trust":"yes","close":"yes","miss":"yes","rejected":"no"}"#;

/// Builds a site with `csv` as its only evaluation file and returns `/utvardering/`.
fn evaluation_page(dir: &Path, csv: &str) -> String {
    let website = dir.join("site");
    std::fs::create_dir_all(website.join("content/data/utvardering")).unwrap();
    std::fs::write(
        website.join("site.toml"),
        "title = \"Test\"\nbase_url = \"https://test.example.se\"\n",
    )
    .unwrap();
    std::fs::write(website.join("content/data/utvardering/x.csv"), csv).unwrap();
    let out = dir.join("public");
    omtanke::build::build(&omtanke::build::BuildOptions {
        root: website,
        output: Some(out.clone()),
        base_url: None,
        drafts: false,
        today: Some(chrono::NaiveDate::from_ymd_opt(2026, 12, 15).unwrap()),
    })
    .expect("the site builds from the exported file");
    std::fs::read_to_string(out.join("utvardering/index.html")).unwrap()
}

#[test]
fn staff_see_aggregates_of_months_with_ten_responses_and_the_site_shows_the_export() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db.sqlite3");
    common::create_db(&db);
    // August: 9 responses, too few. September: 12, of which 2 without a total.
    // October: exactly 10. This month: 15, but it has not ended.
    insert(&db, "2026-08", SEVERE, 9);
    insert(&db, "2026-09", NOT_LONELY, 7);
    insert(&db, "2026-09", SEVERE, 3);
    insert(&db, "2026-09", PARTIAL, 2);
    insert(&db, "2026-10", MODERATE, 10);
    insert(&db, &this_month(), MODERATE, 15);
    let k = Kiosk::start(tmp.path());

    for path in ["/admin/utvardering", "/admin/export/utvardering.csv"] {
        let r = k.get(path);
        assert_eq!((r.status, r.header("location")), (303, Some("/admin/login")), "{path}");
        assert!(!r.body.contains("2026"), "{path}");
    }
    set_password(&k, PASSWORD);
    let staff = login(&k, PASSWORD).unwrap_or_else(|r| panic!("login: {} {}", r.status, r.body));

    let page = staff.get("/admin/utvardering");
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(
        page.body
            .contains(r#"<a href="/admin/utvardering" aria-current="page">Utvärdering</a>"#)
    );
    assert!(page.body.contains("Den svenska översättningen är inte validerad"));
    // September: 12 responses; means over the 10 with a score: (7 × 1 + 3 × 6) / 10 = 2,5,
    // emotional (7 + 9) / 10 = 1,6, social 9 / 10 = 0,9; 7 not lonely, 3 severely.
    assert!(
        page.body.contains(r#"<tr><th scope="row">september 2026</th><td class="num">12</td><td class="num">2,5</td><td class="num">1,6</td><td class="num">0,9</td><td class="num">7</td><td class="num">0</td><td class="num">3</td></tr>"#),
        "{}",
        page.body
    );
    assert!(page.body.contains(r#"<tr><th scope="row">oktober 2026</th><td class="num">10</td><td class="num">3,0</td><td class="num">2,0</td><td class="num">1,0</td><td class="num">0</td><td class="num">10</td><td class="num">0</td></tr>"#));
    assert!(page.body.contains(r#"<tr class="hidden-month"><th scope="row">augusti 2026</th><td colspan="7">färre än 10 svar – visas inte</td></tr>"#));
    assert!(!page.body.contains(">9<"), "August's count is not shown");
    // The month going on shows no figures: they would change with each visitor's answers.
    assert!(page.body.contains("pågår – visas när månaden är slut"), "{}", page.body);
    assert!(!page.body.contains(">15<"), "this month's count is not shown");
    assert!(
        page.body.find("oktober 2026").unwrap() < page.body.find("september 2026").unwrap(),
        "newest month first"
    );

    let web = staff.get("/admin/export/utvardering.csv");
    assert_eq!(web.status, 200);
    assert_eq!(web.header("content-type"), Some("text/csv; charset=utf-8"));
    assert!(
        web.header("content-disposition")
            .unwrap()
            .starts_with("attachment; filename=\"utvardering-")
    );
    assert_eq!(
        web.body,
        "manad,svar,medel_total,medel_emotionell,medel_social,inte_ensam,mattligt_ensam,mycket_ensam\n\
         2026-09,12,2.5,1.6,0.9,7,0,3\n\
         2026-10,10,3.0,2.0,1.0,0,10,0\n"
    );

    // `export-survey` writes the same file (into place at once, never half-written).
    let file = tmp.path().join("utvardering.csv");
    let said = common::kiosk_command(&db, &[OsStr::new("export-survey"), file.as_os_str()]);
    assert!(said.contains("för 2 månader"), "{said}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), web.body);
    assert!(
        !tmp.path().join(".utvardering.csv.partial").exists(),
        "no half-written file left"
    );

    // The website's generator reads it and shows the months that may be shown.
    let site = evaluation_page(tmp.path(), &web.body);
    assert!(
        site.contains("september 2026") && site.contains("oktober 2026"),
        "{site}"
    );
    assert!(
        site.contains(r#"<td class="num">12</td><td class="num">2,5</td><td class="num">1,6</td><td class="num">0,9</td><td class="num">7</td><td class="num">0</td><td class="num">3</td>"#),
        "{site}"
    );
    assert!(site.contains(r#"<td class="num">10</td><td class="num">3,0</td><td class="num">2,0</td><td class="num">1,0</td><td class="num">0</td><td class="num">10</td><td class="num">0</td>"#));
    assert!(!site.contains("augusti 2026"));
}

#[test]
fn a_site_can_replace_the_items_and_a_bad_file_stops_the_kiosk() {
    let tmp = tempfile::tempdir().unwrap();
    let items = tmp.path().join("survey.toml");
    std::fs::write(
        &items,
        include_str!("../survey.toml")
            .replace("swedish_validated = false", "swedish_validated = true")
            .replace(
                "Jag känner en allmän känsla av tomhet.",
                "Jag känner mig tom inombords.",
            ),
    )
    .unwrap();
    let config = tmp.path().join("kiosk.toml");
    std::fs::write(&config, format!("survey_items = {:?}\n", items.to_str().unwrap())).unwrap();
    let k = Kiosk::start_args(
        tmp.path(),
        &common::site(),
        &[OsStr::new("--config"), config.as_os_str()],
    );
    assert!(k.get("/fragor/1").body.contains("Jag känner mig tom inombords."));
    set_password(&k, PASSWORD);
    let staff = login(&k, PASSWORD).unwrap();
    let page = staff.get("/admin/utvardering");
    assert!(
        !page.body.contains("inte validerad"),
        "a validated translation needs no warning"
    );
    assert!(page.body.contains("Ingen har svarat på frågorna ännu."));
    drop(k);

    // A broken file: the kiosk does not start, and says which file.
    std::fs::write(&items, "swedish_validated = true\n[[item]]\nid = \"tomhet\"\n").unwrap();
    let mut child = Command::new(BIN)
        .arg("--config")
        .arg(&config)
        .arg("--content")
        .arg(common::site())
        .arg("--db")
        .arg(tmp.path().join("other.sqlite3"))
        .args(["--listen", "127.0.0.1:0"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("the kiosk started with a broken items file");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!status.success());
    assert!(
        stderr.contains(&format!("{}: not a valid items file for the survey", items.display())),
        "{stderr}"
    );
}
