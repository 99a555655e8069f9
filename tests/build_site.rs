//! The real binary builds the real site in content/ and the good fixture, and the output has every
//! kind of page with the right content.

mod common;

use common::{build, copy_dir, fixture, read, repo, stderr};

/// The file stems in one of the real site's content folders: what editors have written there,
/// so that these tests follow the content instead of pinning its text.
fn stems(folder: &str, ext: &str) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(repo().join("content").join(folder))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .filter(|s| !s.starts_with('_') && !s.contains('.'))
        .collect();
    out.sort();
    out
}

#[test]
fn the_real_site_builds_with_every_page_type() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = build(&repo(), &out, "2026-11-26", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    for page in [
        "index.html",
        "404.html",
        "robots.txt",
        "sitemap.xml",
        "assets/omtanke.css",
        "aktiviteter/index.html",
        "aktiviteter/dag/mandag/index.html",
        "aktiviteter/dag/sondag/index.html",
        "kalender/index.html",
        "platser/index.html",
        "anslagstavla/index.html",
        "program/index.html",
        "sok/index.json",
    ] {
        assert!(out.join(page).is_file(), "missing {page}");
    }
    let sitemap = read(&out, "sitemap.xml");
    let activities = stems("aktiviteter", "toml");
    assert!(!activities.is_empty(), "the real site has activities");
    for id in &activities {
        let page = read(&out, &format!("aktiviteter/{id}/index.html"));
        assert_eq!(page.matches("<h1").count(), 1, "{id}: one h1");
        assert!(
            sitemap.contains(&format!(
                "<loc>https://omtanke.helsingborg.example/aktiviteter/{id}/</loc>"
            )),
            "{id} in the sitemap"
        );
    }
    for id in stems("platser", "toml") {
        // A place without an address page (an inline place) has none; a file has one.
        assert!(out.join(format!("platser/{id}/index.html")).is_file(), "place {id}");
    }
    for id in stems("anslagstavla", "md") {
        assert!(out.join(format!("anslagstavla/{id}/index.html")).is_file(), "post {id}");
    }
    let home = read(&out, "index.html");
    assert_eq!(home.matches("<h1").count(), 1, "one h1 on the home page");
    assert!(home.contains(r#"<html lang="sv">"#));
    assert!(home.contains(r##"href="#innehall""##), "skip link");
    assert!(!sitemap.contains(".html</loc>"), "redirects are not in the sitemap");
}

#[test]
fn an_activity_page_says_where_and_when_in_local_time_without_excepted_days() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = build(&fixture("good"), &out, "2026-03-20", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let cafe = read(&out, "aktiviteter/kvallscafe/index.html");
    assert!(cafe.contains("Tisdagar och torsdagar"), "{cafe}");
    assert!(
        cafe.contains(r#"datetime="2026-03-24T18:00:00+01:00""#),
        "in local (winter) time"
    );
    assert!(!cafe.contains("2026-03-26T"), "the excepted Thursday is left out");
    assert!(
        cafe.contains(r#"datetime="2026-03-31T18:00:00+02:00""#),
        "summer time after the change"
    );
}

#[test]
fn weekly_activity_keeps_local_time_across_daylight_saving() {
    let tmp = tempfile::tempdir().unwrap();
    let spring = tmp.path().join("spring");
    let o = build(&fixture("good"), &spring, "2026-03-20", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = read(&spring, "aktiviteter/sondagsfika/index.html");
    assert!(
        page.contains(r#"datetime="2026-03-22T12:00:00+01:00""#),
        "before the change: CET"
    );
    assert!(
        page.contains(r#"datetime="2026-03-29T12:00:00+02:00""#),
        "last Sunday of March: CEST"
    );

    let autumn = tmp.path().join("autumn");
    let o = build(&fixture("good"), &autumn, "2026-10-17", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = read(&autumn, "aktiviteter/sondagsfika/index.html");
    assert!(page.contains(r#"datetime="2026-10-18T12:00:00+02:00""#));
    assert!(
        page.contains(r#"datetime="2026-10-25T12:00:00+01:00""#),
        "last Sunday of October: CET"
    );
}

#[test]
fn monthly_last_friday_in_calendar_and_on_the_page() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("p");
    let o = build(&fixture("good"), &out, "2026-11-26", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = read(&out, "aktiviteter/fredagsmote/index.html");
    assert!(page.contains("Sista fredagen varje månad kl. 10.00–12.00"));
    for date in ["2026-11-27T10:00:00+01:00", "2026-12-25T10:00:00+01:00"] {
        assert!(page.contains(date), "{date} missing");
    }
    assert!(!page.contains("2026-12-18T10"), "not the third Friday");
    let calendar = read(&out, "kalender/index.html");
    assert!(calendar.contains(
        r#"<time datetime="2026-12-25T10:00:00+01:00">10.00–12.00</time> <a href="/aktiviteter/fredagsmote/">"#
    ));
    // Inline place: its area gets a filter page and the page shows the place.
    assert!(page.contains("Byvägen 2"));
    assert!(out.join("aktiviteter/omrade/paarp/index.html").is_file());
}

#[test]
fn filter_pages_list_the_right_activities() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("p");
    let o = build(&fixture("good"), &out, "2026-11-26", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let lasning = read(&out, "aktiviteter/intresse/lasning/index.html");
    assert!(lasning.contains("Söndagsfika") && !lasning.contains("Fredagsmöte"));
    let sunday = read(&out, "aktiviteter/dag/sondag/index.html");
    assert!(
        sunday.contains(r#"href="/aktiviteter/sondagsfika/""#)
            && !sunday.contains(r#"href="/aktiviteter/fredagsmote/""#)
    );
    let friday = read(&out, "aktiviteter/dag/fredag/index.html");
    assert!(friday.contains(r#"href="/aktiviteter/fredagsmote/""#));
    let soder = read(&out, "aktiviteter/omrade/soder/index.html");
    assert!(soder.contains(r#"href="/aktiviteter/sondagsfika/""#));
    // Every weekday has a page, even without activities.
    assert!(read(&out, "aktiviteter/dag/tisdag/index.html").contains("inga kommande aktiviteter"));
}

#[test]
fn ended_activities_are_marked_and_left_out_of_what_is_coming() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("p");
    let o = build(&fixture("good"), &out, "2026-11-26", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(read(&out, "aktiviteter/sommarpicknick/index.html").contains("Den här aktiviteten har avslutats"));
    assert!(
        !out.join("aktiviteter/intresse/natur/index.html").exists(),
        "no filter page for ended activities only"
    );
    assert!(!read(&out, "aktiviteter/dag/lordag/index.html").contains("Sommarpicknick"));
    assert!(!read(&out, "platser/huset/index.html").contains("Sommarpicknick"));
    let listing = read(&out, "aktiviteter/index.html");
    let coming = listing.split("Avslutade aktiviteter").next().unwrap();
    assert!(!coming.contains("Sommarpicknick"), "not among coming activities");
    assert!(listing.contains("Sommarpicknick"), "but listed as ended");
    assert!(!read(&out, "kalender/index.html").contains("Sommarpicknick"));
    // The same activity is not ended while it still runs.
    let then = tmp.path().join("then");
    assert!(build(&fixture("good"), &then, "2025-06-10", &[]).status.success());
    assert!(!read(&then, "aktiviteter/sommarpicknick/index.html").contains("avslutats"));
}

#[test]
fn aliases_redirect_to_the_page() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("p");
    assert!(build(&fixture("good"), &out, "2026-11-26", &[]).status.success());
    for alias in ["gamla-tips/index.html", "tips.html"] {
        let html = read(&out, alias);
        assert!(
            html.contains(r#"<meta http-equiv="refresh" content="0; url=/stod/tips/">"#),
            "{alias}: {html}"
        );
        assert!(html.contains(r#"<a href="/stod/tips/">Tips</a>"#));
        assert!(
            html.contains(r#"href="https://test.example.se/stod/tips/""#),
            "canonical uses base_url without double slash"
        );
    }
}

#[test]
fn drafts_only_with_the_flag() {
    let tmp = tempfile::tempdir().unwrap();
    let without = tmp.path().join("a");
    assert!(build(&fixture("good"), &without, "2026-11-26", &[]).status.success());
    assert!(!without.join("stod/hemlig/index.html").exists());
    assert!(!read(&without, "stod/index.html").contains("Utkast om stöd"));
    let with = tmp.path().join("b");
    assert!(
        build(&fixture("good"), &with, "2026-11-26", &["--drafts"])
            .status
            .success()
    );
    assert!(read(&with, "stod/hemlig/index.html").contains("Inte klar än."));
    assert!(read(&with, "stod/index.html").contains("Utkast om stöd"));
}

#[test]
fn a_residents_script_is_rendered_harmless() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("p");
    assert!(build(&fixture("good"), &out, "2026-11-26", &[]).status.success());
    let page = read(&out, "anslagstavla/boule/index.html");
    // The resident's text (the theme's own script tag is in the page's head).
    let start = page.find("user-content").expect("the post's text");
    let post = &page[start..start + page[start..].find("</div>").unwrap()];
    assert!(!post.contains("<script"), "no script element: {post}");
    assert!(!post.contains("<img"), "no element from the resident's HTML");
    assert!(post.contains("&lt;script&gt;"), "shown as text instead");
    let post = &page;
    assert!(
        post.contains("Har fått pengar ur invånarpotten"),
        "funding status in words"
    );
    assert!(post.contains("1500 kronor tillsammans med ABF"));
}

#[test]
fn base_url_can_be_overridden() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("p");
    assert!(
        build(
            &fixture("good"),
            &out,
            "2026-11-26",
            &["--base-url", "https://preview.example.org/"]
        )
        .status
        .success()
    );
    let sitemap = read(&out, "sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://preview.example.org/stod/tips/</loc>"),
        "{sitemap}"
    );
    assert!(read(&out, "robots.txt").contains("Sitemap: https://preview.example.org/sitemap.xml"));
    assert!(
        out.join("aktiviteter/fika.svg").is_file(),
        "image beside the activity is copied"
    );
    assert!(
        read(&out, "aktiviteter/sondagsfika/index.html")
            .contains(r#"<img class="activity-image" src="/aktiviteter/fika.svg" alt="En kopp kaffe">"#)
    );
}

#[test]
fn a_site_can_override_theme_files_and_choose_templates() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("good"), &site);
    let templates = site.join("themes/omtanke/templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::create_dir_all(site.join("themes/omtanke/static/assets")).unwrap();
    std::fs::write(
        templates.join("page.html"),
        "{% extends \"base.html\" %}{% block content %}<p>EGEN SIDMALL {{ page.title }}</p>{% endblock content %}",
    )
    .unwrap();
    std::fs::write(templates.join("special.html"), "SPECIAL {{ page.title }}").unwrap();
    std::fs::write(site.join("themes/omtanke/static/assets/omtanke.css"), "body{color:red}").unwrap();
    std::fs::write(
        site.join("content/stod/special.md"),
        "+++\ntitle = \"Speciell\"\ntemplate = \"special.html\"\n+++\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    let o = build(&site, &out, "2026-11-26", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(read(&out, "stod/tips/index.html").contains("<p>EGEN SIDMALL Tips</p>"));
    assert_eq!(read(&out, "stod/special/index.html"), "SPECIAL Speciell");
    assert_eq!(read(&out, "assets/omtanke.css"), "body{color:red}");
    assert!(
        read(&out, "index.html").contains("Det här händer"),
        "templates not overridden stay built in"
    );
}

#[test]
fn activity_pages_carry_schema_org_events() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("p");
    assert!(build(&fixture("good"), &out, "2026-11-26", &[]).status.success());
    let page = read(&out, "aktiviteter/fredagsmote/index.html");
    let start = page.find(r#"<script type="application/ld+json">"#).expect("JSON-LD") + 35;
    let end = start + page[start..].find("</script>").unwrap();
    let doc: serde_json::Value = serde_json::from_str(&page[start..end]).expect("valid JSON");
    assert_eq!(doc["@context"], "https://schema.org");
    let events = doc["@graph"].as_array().unwrap();
    assert_eq!(
        events.len(),
        2,
        "the last Fridays of November and December within 8 weeks"
    );
    assert_eq!(events[0]["@type"], "Event");
    assert_eq!(events[0]["startDate"], "2026-11-27T10:00:00+01:00");
    assert_eq!(events[0]["isAccessibleForFree"], false);
    assert_eq!(events[0]["location"]["@type"], "Place");
    assert_eq!(events[0]["location"]["address"]["@type"], "PostalAddress");
    assert_eq!(events[0]["location"]["address"]["streetAddress"], "Byvägen 2");
    let fika = read(&out, "aktiviteter/kvallscafe/index.html");
    assert!(
        fika.contains(
            r#""organizer":{"@type":"Organization","email":"info@huset.example.se","name":"Föreningen Huset","url":"https://test.example.se/arrangorer/huset/"}"#
        ),
        "{fika}"
    );
}

#[test]
fn the_printable_programme_covers_this_week_and_next() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("p");
    // A Thursday: the programme starts on the Monday before and ends on the Sunday after next.
    assert!(build(&fixture("good"), &out, "2026-11-26", &[]).status.success());
    let page = read(&out, "program/index.html");
    assert!(page.contains("Vecka 48 och 49"), "{page}");
    assert!(page.contains(">Söndag 29 november</h2>"), "{page}");
    let en = read(&out, "en/program/index.html");
    assert!(en.contains(">Sunday 29 November</h2>"), "{en}");
    assert!(page.contains("23 november – 6 december 2026"));
    assert!(
        page.contains(r#"<time datetime="2026-11-29T12:00:00+01:00">12.00–14.00</time>"#),
        "Sunday fika"
    );
    assert!(
        page.contains(r#"<time datetime="2026-12-06T12:00:00+01:00">"#),
        "the last Sunday of next week"
    );
    assert!(
        !page.contains(r#"datetime="2026-12-13T"#),
        "nothing from the week after"
    );
    assert!(page.contains(r#"<link rel="stylesheet" href="/assets/program.css">"#));
    assert!(read(&out, "assets/program.css").contains("@page { size: A4"));
}

#[test]
fn an_easy_to_read_version_is_linked_both_ways() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("p");
    assert!(build(&fixture("good"), &out, "2026-11-26", &[]).status.success());
    let original = read(&out, "stod/tips/index.html");
    assert!(original.contains(r#"<a href="/stod/tips/lattlast/" hreflang="sv">Läs sidan på lättläst svenska</a>"#));
    let easy = read(&out, "stod/tips/lattlast/index.html");
    assert!(easy.contains("Kort och enkelt."));
    assert!(easy.contains(r#"<a href="/stod/tips/">Läs hela sidan</a>"#));
    assert!(
        !read(&out, "stod/index.html").contains("Tips – lättläst"),
        "not listed as a page of its own"
    );
}

#[test]
fn english_pages_with_translations_fallbacks_and_a_switcher() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("p");
    let o = build(&fixture("good"), &out, "2026-11-26", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let home = read(&out, "en/index.html");
    assert!(home.contains(r#"<html lang="en">"#));
    assert!(home.contains(r#"<link rel="alternate" hreflang="sv" href="https://test.example.se/">"#));
    assert!(home.contains(r#"<link rel="alternate" hreflang="en" href="https://test.example.se/en/">"#));
    assert!(
        home.contains(r#"<a class="nav-language" href="/" hreflang="sv" lang="sv">På svenska</a>"#),
        "{home}"
    );
    assert!(home.contains("Skip to content"));
    assert!(
        home.contains("Test site – Activities for trying out the generator.")
            && home.contains(r#"<meta name="description" content="Activities for trying out the generator.">"#),
        "the English description in the footer and the meta tag: {home}"
    );
    // Breadcrumbs: an untranslated page's title is marked Swedish.
    let tip = read(&out, "en/stod/tips/index.html");
    assert!(
        tip.contains(r#"<li><a href="/en/stod/" lang="sv">Stöd</a></li>"#),
        "{tip}"
    );
    assert!(
        home.contains(r#"<a href="/en/aktiviteter/">"#),
        "links lead to the English pages"
    );

    let fika = read(&out, "en/aktiviteter/sondagsfika/index.html");
    assert!(fika.contains("<h1>Sunday coffee</h1>"));
    assert!(fika.contains("Every Sunday 12.00–14.00"));
    assert!(fika.contains(r#"<time datetime="2026-11-29T12:00:00+01:00">Sunday 29 November</time>"#));
    assert!(
        fika.contains(r#"<li><a href="/en/aktiviteter/">Activities</a></li>"#),
        "breadcrumbs in English"
    );
    assert!(fika.contains(r#"href="/sok/""#), "search stays Swedish");

    let untranslated = read(&out, "en/aktiviteter/fredagsmote/index.html");
    assert!(untranslated.contains("<h1>Fredagsmöte</h1>"), "falls back to Swedish");
    assert!(untranslated.contains("This page has not been translated into English yet"));

    let tips = read(&out, "en/stod/tips/index.html");
    assert!(
        tips.contains("<h1>Tips</h1>") && tips.contains("First advice"),
        "the translation is used"
    );
    assert!(!tips.contains("not been translated"));
    let section = read(&out, "en/stod/index.html");
    assert!(section.contains("not been translated"));
    assert!(
        section.contains(r#"<div class="prose" lang="sv">"#),
        "Swedish text is marked as Swedish"
    );

    let sv = read(&out, "aktiviteter/sondagsfika/index.html");
    assert!(sv.contains(
        r#"<a class="nav-language" href="/en/aktiviteter/sondagsfika/" hreflang="en" lang="en">In English</a>"#
    ));
    assert!(!out.join("en/sok/index.html").exists() && !out.join("en/kalender.ics").exists());
}

#[test]
fn the_citizens_pot_sums_requests_per_study_association() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("p");
    assert!(build(&fixture("good"), &out, "2026-11-26", &[]).status.success());
    let page = read(&out, "anslagstavla/invanarpott/index.html");
    let row = r#"<tr><th scope="row">ABF</th><td class="num">2</td><td class="num">2300 kr</td><td class="num">1500 kr</td></tr>"#;
    assert!(page.contains(row), "{page}");
    assert!(read(&out, "anslagstavla/index.html").contains(r#"<a href="/anslagstavla/invanarpott/">"#));
    assert!(read(&out, "sitemap.xml").contains("<loc>https://test.example.se/anslagstavla/invanarpott/</loc>"));
    assert!(read(&out, "en/anslagstavla/invanarpott/index.html").contains("Asked for"));
}

#[test]
fn visit_statistics_with_totals_and_suppressed_small_cells() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("p");
    let o = build(&fixture("good"), &out, "2026-11-26", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = read(&out, "statistik/index.html");
    // huset.csv: a year of 1,850 visits over 96 café days; mobil.csv: 9 visits on one day.
    let part = |id: &str| {
        page.split(&format!(r#"<h2 id="{id}">"#))
            .nth(1)
            .unwrap()
            .split("</section>")
            .next()
            .unwrap()
            .to_string()
    };
    let huset = part("huset");
    assert!(huset.starts_with("Huset</h2>"), "the place's name from its file");
    assert!(huset.contains("<div><dt>Besök</dt><dd>1850</dd></div>"));
    assert!(huset.contains("<div><dt>Dagar med besök</dt><dd>96</dd></div>"));
    let month_sum: u64 = huset
        .split("<caption>Besök per månad, Huset</caption>")
        .nth(1)
        .unwrap()
        .split("</tbody>")
        .next()
        .unwrap()
        .split(r#"<td class="num">"#)
        .skip(1)
        .step_by(2)
        .map(|c| c.split('<').next().unwrap().parse::<u64>().unwrap())
        .sum();
    assert_eq!(month_sum, 1850, "the month table adds up to the year");
    assert!(
        huset.contains(r#"<tr><th scope="row">måndag</th><td class="num">0</td>"#),
        "no café on Mondays"
    );
    let mobil = part("mobil");
    assert!(
        mobil.contains(r#"<tr><th scope="row">10–11</th><td class="num" colspan="2">färre än 5</td></tr>"#),
        "3 visits are suppressed"
    );
    assert!(
        mobil.contains(r#"<tr><th scope="row">11–12</th><td class="num">6</td><td class="num">2</td></tr>"#),
        "6 visits are shown"
    );
    assert!(part("alla").contains("<div><dt>Besök</dt><dd>1859</dd></div>"));
    assert!(
        page.contains(r#"role="img" aria-label="Besök per timme på dagen""#),
        "charts are images with a description"
    );
}

#[test]
fn the_evaluation_page_shows_only_months_with_enough_answers() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("p");
    assert!(build(&fixture("good"), &out, "2026-11-26", &[]).status.success());
    let page = read(&out, "utvardering/index.html");
    assert!(
        page.contains(r#"<tr><th scope="row">september 2026</th><td class="num">12</td><td class="num">3,2</td>"#),
        "{page}"
    );
    assert!(page.contains(r#"<tr><th scope="row">oktober 2026</th><td class="num">15</td>"#));
    assert!(!page.contains("augusti 2026"), "a month with 6 answers is never shown");
    assert!(page.contains(r#"role="img" aria-label="Medelpoäng per månad, i tiondelar""#));
}

#[test]
fn a_built_in_section_with_an_untranslated_index_keeps_its_english_name_in_breadcrumbs() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("good"), &site);
    std::fs::write(
        site.join("content/anslagstavla/_index.md"),
        "+++\ntitle = \"Anslagstavlan\"\n+++\n\nFörslag från invånare.\n",
    )
    .unwrap();
    let out = tmp.path().join("p");
    let o = build(&site, &out, "2026-11-26", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let post = read(&out, "en/anslagstavla/boule/index.html");
    assert!(
        post.contains(r#"<li><a href="/en/anslagstavla/">Bulletin board</a></li>"#),
        "{post}"
    );
    let swedish = read(&out, "anslagstavla/boule/index.html");
    assert!(
        swedish.contains(r#"<li><a href="/anslagstavla/">Anslagstavlan</a></li>"#),
        "{swedish}"
    );
}

#[test]
fn every_page_says_when_the_site_was_built_in_its_language() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = build(&fixture("good"), &out, "2026-11-26", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    for (page, words) in [
        (
            "index.html",
            r#"Uppdaterad <time datetime="2026-11-26">26 november 2026</time>"#,
        ),
        (
            "stod/tips/index.html",
            r#"Uppdaterad <time datetime="2026-11-26">26 november 2026</time>"#,
        ),
        (
            "en/stod/tips/index.html",
            r#"Updated <time datetime="2026-11-26">26 November 2026</time>"#,
        ),
    ] {
        assert!(read(&out, page).contains(words), "{page}");
    }
}

#[test]
fn the_booking_text_names_the_sites_kiosk_place_never_the_themes() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("good"), &site);
    let out = tmp.path().join("a");
    assert!(build(&site, &out, "2026-11-26", &[]).status.success());
    let page = read(&out, "aktiviteter/fredagsmote/index.html");
    assert!(
        page.contains("Du bokar plats på bokningsskärmen. Det finns 8 platser"),
        "{page}"
    );
    assert!(!page.contains("@Söder"), "a real place in the theme's words");
    let config = site.join("site.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    assert!(!text.contains("kiosk_place"));
    let extra = "[extra]\nkiosk_place = \"caféet i Huset\"\nkiosk_place_en = \"the café in Huset\"\n";
    std::fs::write(&config, text.replace("[extra]\n", extra)).unwrap();
    let out = tmp.path().join("b");
    assert!(build(&site, &out, "2026-11-26", &[]).status.success());
    assert!(read(&out, "aktiviteter/fredagsmote/index.html").contains("på bokningsskärmen i caféet i Huset."));
    assert!(
        read(&out, "en/aktiviteter/fredagsmote/index.html").contains("on the booking screen in the café in Huset.")
    );
}
