//! Referral cards (`/aktiviteter/<id>/kort/`): every coming activity has one, with its facts and
//! a QR code that an independent reader (zbar's `zbarimg`) decodes to the page's absolute
//! address, also for a site published under a sub-path.

mod common;

use std::path::Path;
use std::process::Command;

use common::{build, fixture, read, stderr};

/// The QR code's SVG path, drawn as a black-and-white PGM image (8 pixels a module), as a
/// printer would put it on paper.
fn rasterise(svg: &str, file: &Path) {
    let size: usize = svg
        .split("viewBox=\"0 0 ")
        .nth(1)
        .and_then(|v| v.split(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("a square viewBox");
    let d = svg.split(" d=\"").nth(1).unwrap().split('"').next().unwrap();
    let scale = 8;
    let mut dark = vec![false; size * size];
    for run in d.split('M').filter(|r| !r.is_empty()) {
        // "x yhWv1h-Wz"
        let (xy, rest) = run.split_once('h').unwrap();
        let (x, y) = xy.split_once(' ').unwrap();
        let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
        let w: usize = rest.split('v').next().unwrap().parse().unwrap();
        for i in x..x + w {
            dark[y * size + i] = true;
        }
    }
    let px = size * scale;
    let mut pgm = format!("P5\n{px} {px}\n255\n").into_bytes();
    for row in 0..px {
        for col in 0..px {
            pgm.push(if dark[(row / scale) * size + col / scale] {
                0
            } else {
                255
            });
        }
    }
    std::fs::write(file, pgm).unwrap();
}

/// What zbarimg reads in the card's QR code.
fn decode(card: &str, tmp: &Path) -> String {
    let svg = card
        .split("<svg class=\"qr\"")
        .nth(1)
        .map(|rest| format!("<svg class=\"qr\"{}", rest.split("</svg>").next().unwrap()))
        .expect("the card has a QR code");
    let image = tmp.join("qr.pgm");
    rasterise(&svg, &image);
    let out = Command::new("zbarimg")
        .args(["--quiet", "--raw"])
        .arg(&image)
        .output()
        .expect("zbarimg runs (Debian's zbar-tools; .ci/run installs it)");
    assert!(
        out.status.success(),
        "zbarimg: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

#[test]
fn every_coming_activity_has_a_card_with_its_facts_and_a_link_from_its_page() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = build(&fixture("good"), &out, "2026-11-26", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let card = read(&out, "aktiviteter/fredagsmote/kort/index.html");
    for fact in [
        "Första steget",
        "<h1 class=\"card-title\" id=\"kort-rubrik\">Fredagsmöte</h1>",
        "Sista fredagen i månaden.",
        "Byhuset, Byvägen 2, Påarp",
        "20 kr. Boka plats först.",
        "Nästa gånger: fredag 27 november kl. 10.00, fredag 25 december kl. 10.00",
        "<meta name=\"robots\" content=\"noindex\">",
    ] {
        assert!(card.contains(fact), "the card lacks {fact:?}: {card}");
    }
    // One card to read; three more copies for the A4 sheet, hidden from screen readers.
    assert_eq!(card.matches("class=\"referral-card\"").count(), 1);
    assert_eq!(card.matches("referral-card-copy\" aria-hidden=\"true\"").count(), 3);
    let page = read(&out, "aktiviteter/fredagsmote/index.html");
    assert!(page.contains("href=\"/aktiviteter/fredagsmote/kort/\""), "{page}");
    // An ended activity has no card, and its page does not link one.
    assert!(!out.join("aktiviteter/sommarpicknick/kort/index.html").exists());
    assert!(!read(&out, "aktiviteter/sommarpicknick/index.html").contains("/kort/"));
    // In English too.
    assert!(read(&out, "en/aktiviteter/fredagsmote/kort/index.html").contains("The first step"));
    // The site map leaves the cards to the activity pages.
    assert!(!read(&out, "sitemap.xml").contains("/kort/"));
}

#[test]
fn the_qr_code_decodes_to_the_pages_absolute_address_under_a_sub_path() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = build(
        &fixture("good"),
        &out,
        "2026-11-26",
        &["--base-url", "https://example.org/förening/omtanke"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let card = read(&out, "aktiviteter/fredagsmote/kort/index.html");
    assert_eq!(
        decode(&card, tmp.path()),
        "https://example.org/f%C3%B6rening/omtanke/aktiviteter/fredagsmote/"
    );
    let english = read(&out, "en/aktiviteter/fredagsmote/kort/index.html");
    assert_eq!(
        decode(&english, tmp.path()),
        "https://example.org/f%C3%B6rening/omtanke/en/aktiviteter/fredagsmote/"
    );
}
