//! A place may keep its address off the public site (`address_public = false`): no file of the
//! build carries the address, the coordinates or the directions, and visitors are told they get
//! the address when they book. The kiosk, which tells people who have booked, still has it.

mod common;

use std::path::Path;

use common::{build, copy_dir, fixture, read, stderr};

const ADDRESS: &str = "Lönnvägen 7";
const DIRECTIONS: &str = "Ring på porten märkt Glimten";

fn site(tmp: &Path) -> std::path::PathBuf {
    let site = tmp.join("site");
    copy_dir(&fixture("good"), &site);
    std::fs::write(
        site.join("content/platser/glimten.toml"),
        format!(
            "name = \"Glimten\"\naddress = \"{ADDRESS}, Exempelby\"\naddress_public = false\narea = \"Exempelby\"\nlat = 56.04321\nlon = 12.70987\ndirections = \"{DIRECTIONS}.\"\naccessibility = [\"hiss\"]\n"
        ),
    )
    .unwrap();
    std::fs::write(
        site.join("content/aktiviteter/samtalsgrupp.toml"),
        "title = \"Samtalsgrupp\"\nsummary = \"En liten grupp som ses varje vecka.\"\ninterests = [\"samtal\"]\nplace = \"glimten\"\n\n[[schedule]]\nweekly = [\"wed\"]\nstart = \"14:00\"\nend = \"16:00\"\n\n[booking]\ncapacity = 6\n",
    )
    .unwrap();
    std::fs::write(
        site.join("content/aktiviteter/hemma-hos.toml"),
        format!(
            "title = \"Hemma hos\"\nsummary = \"Fika hemma hos en värd.\"\nplace = {{ name = \"Hos en värd\", address = \"Björkstigen 3\", address_public = false, area = \"Exempelby\", directions = \"{DIRECTIONS} två.\" }}\n\n[[schedule]]\nweekly = [\"fri\"]\nstart = \"10:00\"\nend = \"11:00\"\n"
        ),
    )
    .unwrap();
    site
}

#[test]
fn no_file_of_the_build_carries_a_private_address() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = build(&site(tmp.path()), &out, "2026-11-26", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let all = common::files(&out);
    assert!(all.len() > 100, "the whole site was built");
    for file in &all {
        let bytes = std::fs::read(file).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        for secret in [
            ADDRESS,
            "Björkstigen",
            DIRECTIONS,
            "56.04321",
            "12.70987",
            "56.0432",
            "Ring p",
        ] {
            assert!(!text.contains(secret), "{} contains {secret:?}", file.display());
        }
    }
    let page = read(&out, "aktiviteter/samtalsgrupp/index.html");
    assert!(page.contains("Du får adressen när du bokar."), "{page}");
    let place = read(&out, "platser/glimten/index.html");
    assert!(place.contains("Du får adressen när du bokar."), "{place}");
    assert!(read(&out, "platser/index.html").contains("Du får adressen när du bokar."));
    assert!(read(&out, "en/aktiviteter/samtalsgrupp/index.html").contains("You get the address when you book."));
    assert!(read(&out, "aktiviteter/hemma-hos/index.html").contains("Du får adressen när du bokar."));
    let card = read(&out, "aktiviteter/samtalsgrupp/kort/index.html");
    assert!(
        card.contains("Glimten, Exempelby<br>Du får adressen när du bokar."),
        "the referral card: {card}"
    );
    // The area is still public, so people can tell whether it is near them.
    assert!(page.contains("Exempelby"));
    let json: serde_json::Value = serde_json::from_str(&read(&out, "api/activities.json")).unwrap();
    let item = json["activities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "samtalsgrupp")
        .unwrap()
        .clone();
    assert_eq!(item["place"]["address_public"], false);
    assert_eq!(item["place"]["address"], "");
}

#[test]
fn the_library_keeps_the_address_for_those_who_book() {
    let tmp = tempfile::tempdir().unwrap();
    let options = omtanke::content::LoadOptions {
        drafts: false,
        today: Some("2026-11-26".parse().unwrap()),
    };
    let site = omtanke::content::Site::load(&site(tmp.path()), &options).unwrap();
    let a = site.activities.iter().find(|a| a.id == "samtalsgrupp").unwrap();
    let place = a.place.as_ref().unwrap();
    assert_eq!(place.address, "");
    assert_eq!(place.booked_address(), "Lönnvägen 7, Exempelby");
    assert_eq!(place.booked_directions(), Some("Ring på porten märkt Glimten."));
}
