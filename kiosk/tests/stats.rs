//! A known year of check-ins goes through `omtanke-kiosk export-stats` and the website's
//! generator, and the statistics page shows the same totals.

mod common;

#[test]
fn a_year_of_checkins_reaches_the_statistics_page() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db.sqlite3");
    // Create the database, then fill it as a year at the café would: 1,850 visits on 96 days.
    common::create_db(&db);
    let mut conn = rusqlite::Connection::open(&db).unwrap();
    let tx = conn.transaction().unwrap();
    let mut day = chrono::NaiveDate::from_ymd_opt(2025, 1, 2).unwrap();
    let mut days = 0;
    let mut visits = 0;
    while days < 96 {
        use chrono::Datelike;
        if matches!(day.weekday(), chrono::Weekday::Tue | chrono::Weekday::Thu) {
            let today = 1850 / 96 + usize::from(days < 1850 % 96);
            for i in 0..today {
                let hour = 12 + (i % 7);
                tx.execute(
                    "INSERT INTO checkins (hour, first_visit) VALUES (?1, ?2)",
                    rusqlite::params![format!("{day}T{hour:02}:00"), (i % 4 == 0).then_some(1)],
                )
                .unwrap();
                visits += 1;
            }
            days += 1;
        }
        day = day.succ_opt().unwrap();
    }
    tx.commit().unwrap();
    assert_eq!(visits, 1850);

    // A site with the exported file in content/data/besok/.
    let website = tmp.path().join("site");
    std::fs::create_dir_all(website.join("content/data/besok")).unwrap();
    std::fs::write(
        website.join("site.toml"),
        "title = \"Test\"\nbase_url = \"https://test.example.se\"\n",
    )
    .unwrap();
    let csv = website.join("content/data/besok/pratcafe.csv");
    let period = ["--from", "2025-01-01", "--to", "2025-12-31"].map(std::ffi::OsStr::new);
    common::kiosk_command(
        &db,
        &[
            &[std::ffi::OsStr::new("export-stats"), csv.as_os_str()][..],
            &period[..],
        ]
        .concat(),
    );
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.starts_with("datum,timme,besok,forsta_besok\n2025-01-02,12,"),
        "{}",
        &text[..80]
    );

    let report = omtanke::build::build(&omtanke::build::BuildOptions {
        root: website.clone(),
        output: Some(tmp.path().join("public")),
        base_url: None,
        drafts: false,
        today: Some(chrono::NaiveDate::from_ymd_opt(2026, 1, 15).unwrap()),
    })
    .expect("the site builds");
    assert!(report.files > 0);
    let page = std::fs::read_to_string(tmp.path().join("public/statistik/index.html")).unwrap();
    assert!(page.contains("<div><dt>Besök</dt><dd>1850</dd></div>"), "the total");
    assert!(
        page.contains("<div><dt>Dagar med besök</dt><dd>96</dd></div>"),
        "the café days"
    );
    let first: usize = (0..96usize)
        .map(|d| {
            let n = 1850 / 96 + usize::from(d < 1850 % 96);
            n.div_ceil(4)
        })
        .sum();
    assert!(
        page.contains(&format!("<div><dt>Varav första gången</dt><dd>{first}</dd></div>")),
        "first visits"
    );
}
