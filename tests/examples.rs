//! The fictional example site in `examples/` (the guided tour in docs/tour.md walks through it)
//! builds and passes `check` with only the warnings the tour explains, and shows the features it
//! is there to show.

mod common;

use common::{build, omtanke, read, repo, stderr};

/// The day the tour is written for.
const TODAY: &str = "2026-12-07";

#[test]
fn the_example_site_checks_with_the_tours_three_warnings() {
    let o = omtanke()
        .args(["check", "--today", TODAY, "--root"])
        .arg(repo().join("examples"))
        .output()
        .unwrap();
    let said = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{said}");
    assert!(said.contains("No errors, 3 warnings."), "{said}");
    assert!(said.contains("promenadgruppen.toml:"), "{said}");
    assert!(said.contains("sprakcafe.toml:"), "{said}");
    assert!(said.contains("parkpaviljongen.toml:"), "{said}");
}

#[test]
fn the_example_site_builds_under_its_sub_path_with_every_kind_of_listing() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = build(&repo().join("examples"), &out, TODAY, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let home = read(&out, "index.html");
    assert!(
        home.contains(r#"href="/omtanke/aktiviteter/""#),
        "links carry the sub-path"
    );
    // A Swedish file name becomes a plain address.
    assert!(out.join("aktiviteter/stickcafe-pa-torget/index.html").is_file());
    let calendar = read(&out, "kalender/index.html");
    assert!(calendar.contains("Inställt: Värdarna är på utbildning."));
    assert!(calendar.contains("Flyttad till söndag 20 december"));
    let cards = read(&out, "aktiviteter/index.html");
    assert!(cards.contains("Uppehåll till och med 10 januari 2027."));
    let old = read(&out, "aktiviteter/promenadgruppen/index.html");
    assert!(old.contains("Uppgifterna har inte kontrollerats på länge."));
    let booking = read(&out, "aktiviteter/gemensam-middag/index.html");
    assert!(
        booking.contains("på bokningsskärmen i pratcaféet i Exempelhuset."),
        "{booking}"
    );
    // Nothing real: no Helsingborg address or e-mail outside example.org.
    for file in common::files(&out) {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        assert!(!text.contains("helsingborg.se"), "{}", file.display());
        assert!(!text.contains("@Söder"), "{}", file.display());
    }
}
