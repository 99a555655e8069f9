//! The accessibility statement written from facts (`content/data/tillganglighet.toml`) onto the
//! page `/om/tillganglighet/`, in DIGG's order: status, known problems with their WCAG criteria,
//! how to report, the supervisory authority, the latest assessment's date and method and the
//! browser suite's latest run. Changing the facts changes the page; `check` warns about an
//! assessment more than a year old, and mistakes stop the build at their place.

mod common;

use std::path::Path;

use common::{build, copy_dir, fixture, omtanke, read, stderr};

const FACTS: &str = r#"status = "partly"
assessed = 2026-11-20
method = "Egen granskning med automatiska verktyg och tangentbord, av utvecklarna."
report = "/om/kontakt/"

[[problems]]
criterion = "1.4.3"
text = "Några etiketter har för svag kontrast."

[tested]
date = 2026-11-25
tools = ["axe-core 4.11.0", "Chromium 143"]
pages = 120
violations = 0
"#;

fn site(tmp: &Path, facts: &str) -> std::path::PathBuf {
    let site = tmp.join("site");
    copy_dir(&fixture("good"), &site);
    std::fs::create_dir_all(site.join("content/om")).unwrap();
    std::fs::write(
        site.join("content/om/tillganglighet.md"),
        "+++\ntitle = \"Tillgänglighet\"\n+++\n\nFöreningen Testsajt står bakom webbplatsen.\n",
    )
    .unwrap();
    std::fs::write(site.join("content/data/tillganglighet.toml"), facts).unwrap();
    site
}

#[test]
fn the_statement_is_written_from_the_facts_in_digg_order() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = build(&site(tmp.path(), FACTS), &out, "2026-11-26", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = read(&out, "om/tillganglighet/index.html");
    let order = [
        "Föreningen Testsajt står bakom webbplatsen.",
        "Hur tillgänglig är webbplatsen?",
        "delvis förenlig med lagen (2018:1937)",
        "Några etiketter har för svag kontrast.</span> (WCAG 2.1, kriterium 1.4.3)",
        "<a href=\"/om/kontakt/\">Kontakta oss</a>",
        "Myndigheten för digital förvaltning (Digg) har tillsyn",
        "Egen granskning med automatiska verktyg",
        "Den senaste bedömningen gjordes 20 november 2026.",
        "Den senaste automatiska testningen gjordes 25 november 2026 med axe-core 4.11.0 och Chromium 143, på 120 sidor. Den hittade inga fel.",
    ];
    let mut at = 0;
    for part in order {
        let found = page[at..]
            .find(part)
            .unwrap_or_else(|| panic!("{part:?} missing or out of order: {page}"));
        at += found + part.len();
    }
    // The raw file is not published.
    assert!(!out.join("data/tillganglighet.toml").exists());

    // Other facts, another page.
    let fixed = FACTS.replace("status = \"partly\"", "status = \"fully\"").replace(
        "[[problems]]\ncriterion = \"1.4.3\"\ntext = \"Några etiketter har för svag kontrast.\"\n",
        "",
    );
    let out = tmp.path().join("public2");
    let o = build(&site(&tmp.path().join("b"), &fixed), &out, "2026-11-26", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = read(&out, "om/tillganglighet/index.html");
    assert!(
        page.contains("helt förenlig") && page.contains("Vi känner inte till några brister.</p>"),
        "{page}"
    );
}

#[test]
fn mistakes_stop_the_build_at_their_place_and_an_old_assessment_is_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let bad = FACTS
        .replace("\"partly\"", "\"delvis\"")
        .replace("\"1.4.3\"", "\"1.4\"");
    let o = build(&site(tmp.path(), &bad), &tmp.path().join("public"), "2026-11-26", &[]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(
        err.contains("tillganglighet.toml:1:10: error: `status` must be \"fully\", \"partly\" or \"not\""),
        "{err}"
    );
    assert!(err.contains("\"1.4\" is not a WCAG criterion"), "{err}");

    let full = FACTS.replace("\"partly\"", "\"fully\"");
    let o = build(
        &site(&tmp.path().join("b"), &full),
        &tmp.path().join("public"),
        "2026-11-26",
        &[],
    );
    assert!(
        stderr(&o).contains("a site with known problems is not \"fully\" compliant"),
        "{}",
        stderr(&o)
    );

    let old = site(&tmp.path().join("c"), FACTS);
    let o = omtanke()
        .args(["check", "--today", "2027-12-01", "--root"])
        .arg(&old)
        .output()
        .unwrap();
    let err = stderr(&o);
    assert!(
        err.contains("tillganglighet.toml:2:12: warning: the latest accessibility assessment was made on 2026-11-20, more than a year ago"),
        "{err}"
    );
}
