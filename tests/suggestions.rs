//! Residents' suggestions from the website: with `suggest_url` in site.toml the bulletin board
//! carries a form that posts to the kiosk daemon's inbox with the field names the daemon expects,
//! and a thank-you page exists; without it the board explains how to suggest at the café; a bad
//! `suggest_url` stops the build at its line and column.

mod common;

use std::path::{Path, PathBuf};

use common::{build, copy_dir, fixture, read, stderr};
use omtanke::suggestion::{FIELDS, HONEYPOT, INTEREST, LANGUAGE, MAX_INTERESTS};

const INBOX: &str = "https://forslag.example.se/forslag";

/// A copy of the good fixture with `line` added at the top of its site.toml.
fn fixture_with(tmp: &Path, line: &str) -> PathBuf {
    let root = tmp.join("site");
    copy_dir(&fixture("good"), &root);
    let toml = std::fs::read_to_string(root.join("site.toml")).unwrap();
    std::fs::write(root.join("site.toml"), format!("{line}\n{toml}")).unwrap();
    root
}

/// Builds `root` into `tmp/public` and returns that folder.
fn built(tmp: &Path, root: &Path) -> PathBuf {
    let out = tmp.join("public");
    let o = build(root, &out, "2026-11-26", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    out
}

/// The whole start tag of the form control named `name` (the first one, for repeated names).
fn control<'a>(html: &'a str, name: &str) -> &'a str {
    let at = html
        .find(&format!(r#" name="{name}""#))
        .unwrap_or_else(|| panic!("no control named {name}"));
    let start = html[..at].rfind('<').unwrap();
    let end = at + html[at..].find('>').unwrap() + 1;
    &html[start..end]
}

#[test]
fn with_suggest_url_the_board_has_a_form_posting_to_the_inbox() {
    let tmp = tempfile::tempdir().unwrap();
    let root = fixture_with(tmp.path(), &format!("suggest_url = \"{INBOX}\""));
    let out = built(tmp.path(), &root);
    let board = read(&out, "anslagstavla/index.html");
    assert_eq!(board.matches("<form").count(), 1, "one form");
    assert!(
        board.contains(&format!(r#"<form class="form" method="post" action="{INBOX}">"#)),
        "{board}"
    );
    assert!(board.contains(r#"<h2 id="foresla">Föreslå en aktivitet</h2>"#));
    assert!(board.contains(r##"<a href="#foresla">Föreslå en aktivitet</a>"##));

    // Every text field with its length, and a label pointing at it.
    for f in FIELDS {
        let tag = control(&board, f.name);
        assert!(tag.contains(&format!(r#"maxlength="{}""#, f.max_chars)), "{tag}");
        assert_eq!(tag.contains(" required"), f.required, "{tag}");
        let id = tag.split(r#"id=""#).nth(1).unwrap().split('"').next().unwrap();
        assert!(
            board.contains(&format!(r#"<label class="field-label" for="{id}">"#)),
            "label for {id}"
        );
    }
    assert!(control(&board, "beskrivning").starts_with("<textarea"));
    // The inbox takes one word as the name; the browser says so before the form is sent.
    assert!(control(&board, "namn").contains(r#"pattern="\s*\S+\s*""#));
    assert!(board.contains("Vad vill du göra tillsammans med andra?"));
    assert!(board.contains("Bara personalen ser det, och det publiceras aldrig."));
    assert!(board.contains("Personalen läser varje förslag innan det sätts upp på anslagstavlan."));

    // The interests of the fixture's activities and posts, once each, sorted, as written.
    let values: Vec<&str> = board
        .split(&format!(r#" name="{INTEREST}" type="checkbox" value=""#))
        .skip(1)
        .map(|s| s.split('"').next().unwrap())
        .collect();
    assert_eq!(values, ["boule", "fika", "Läsning", "natur", "samtal", "stickning"]);
    assert!(board.contains("<legend class=\"field-label\">Vilka intressen passar förslaget? (om du vill)</legend>"));
    assert!(
        board.contains(&format!("Välj upp till {MAX_INTERESTS}.")),
        "the daemon takes no more"
    );

    // The honeypot: hidden from sight, from screen readers and from the keyboard.
    let trap = control(&board, HONEYPOT);
    assert!(
        trap.contains(r#"tabindex="-1""#) && trap.contains(r#"autocomplete="off""#),
        "{trap}"
    );
    let before = &board[..board.find(trap).unwrap()];
    let wrapper = &before[before.rfind("<div").unwrap()..];
    assert!(
        wrapper.starts_with(r#"<div class="form-extra" aria-hidden="true">"#),
        "{wrapper}"
    );
    assert!(wrapper.contains("Lämna det här fältet tomt</label>"));
    assert!(read(&out, "assets/omtanke.css").contains(".form-extra { display: none; }"));

    assert_eq!(
        control(&board, LANGUAGE),
        r#"<input type="hidden" name="sprak" value="sv">"#
    );

    // The English board posts to the same inbox and says which language it came from.
    let en = read(&out, "en/anslagstavla/index.html");
    assert!(en.contains(&format!(r#"method="post" action="{INBOX}">"#)));
    assert_eq!(
        control(&en, LANGUAGE),
        r#"<input type="hidden" name="sprak" value="en">"#
    );
    assert!(en.contains("What would you like to do together with others?"));
    assert!(
        en.contains(r#"<div class="checkboxes" lang="sv">"#),
        "interest words are Swedish"
    );
}

#[test]
fn the_thank_you_page_exists_only_with_suggest_url_and_is_not_indexed() {
    let tmp = tempfile::tempdir().unwrap();
    let root = fixture_with(tmp.path(), &format!("suggest_url = \"{INBOX}\""));
    let out = built(tmp.path(), &root);
    let thanks = read(&out, "anslagstavla/tack/index.html");
    assert!(thanks.contains("<h1>Tack för ditt förslag!</h1>"));
    assert!(thanks.contains("oftast inom en vecka"));
    assert!(thanks.contains(r#"<a class="button" href="/anslagstavla/">Tillbaka till anslagstavlan</a>"#));
    assert!(thanks.contains(r#"<meta name="robots" content="noindex">"#));
    let en = read(&out, "en/anslagstavla/tack/index.html");
    assert!(en.contains("<h1>Thank you for your suggestion!</h1>"));
    assert!(en.contains(r#"href="/en/anslagstavla/""#), "back to the English board");
    let sitemap = read(&out, "sitemap.xml");
    assert!(!sitemap.contains("/tack/"), "noindex pages are not in the sitemap");
    assert!(sitemap.contains("<loc>https://test.example.se/anslagstavla/</loc>"));
    assert!(!read(&out, "sok/index.json").contains("/tack/"));

    let plain = tmp.path().join("plain");
    let o = build(&fixture("good"), &plain, "2026-11-26", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!plain.join("anslagstavla/tack").exists() && !plain.join("en/anslagstavla/tack").exists());
}

#[test]
fn without_suggest_url_the_board_explains_how_to_suggest_at_the_cafe() {
    let tmp = tempfile::tempdir().unwrap();
    let out = built(tmp.path(), &fixture("good"));
    let board = read(&out, "anslagstavla/index.html");
    assert!(!board.contains("<form"), "no form without an inbox");
    assert!(!board.contains(r#"name="titel""#));
    assert!(board.contains(r#"<h2 id="foresla">Föreslå en aktivitet</h2>"#));
    assert!(board.contains("På pekskärmen i pratcaféet: tryck på ”Föreslå en aktivitet”"));
    assert!(board.contains("berätta om din idé för någon av värdarna i pratcaféet"));
    assert!(board.contains("Personalen läser varje förslag innan det sätts upp här."));
    let en = read(&out, "en/anslagstavla/index.html");
    assert!(en.contains("On the touch screen at the talk café"));
    assert!(en.contains("tell one of the hosts at the talk café"));
}

#[test]
fn a_bad_suggest_url_stops_the_build_at_its_line_and_column() {
    for (value, why) in [
        ("forslag.example.se/forslag", "does not start with https:// or http://"),
        ("https://", "is not a complete web address"),
        ("https://forslag example.se/", "has spaces in it"),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let root = fixture_with(tmp.path(), &format!("\n\nsuggest_url = \"{value}\""));
        let out = tmp.path().join("public");
        let o = build(&root, &out, "2026-11-26", &[]);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        let err = stderr(&o);
        assert!(
            err.contains(&format!("site.toml:3:15: error: `suggest_url` \"{value}\" {why}")),
            "{err}"
        );
        assert!(
            err.contains(r#"e.g. "https://forslag.omtanke.example.se/forslag""#),
            "{err}"
        );
        assert!(!out.exists(), "nothing is written");
    }
}
