//! Every form of the built site that asks for personal details (a name, a phone number, a way to
//! be reached) links the privacy notice of the inbox it posts to, before its first field.

mod common;

use common::{build, copy_dir, files, fixture, stderr};

/// The fields that carry personal details, by their names (the contract with the inbox).
const PERSONAL: [&str; 3] = ["name=\"namn\"", "name=\"telefon\"", "name=\"kontakt\""];

#[test]
fn every_form_that_asks_for_personal_details_links_its_privacy_notice_first() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("good"), &site);
    let toml = std::fs::read_to_string(site.join("site.toml")).unwrap();
    std::fs::write(
        site.join("site.toml"),
        format!(
            "suggest_url = \"https://inkorg.example.se/forslag\"\n{}",
            toml.replace("forslag.test.example.se", "inkorg.example.se")
        ),
    )
    .unwrap();
    let out = tmp.path().join("public");
    let o = build(&site, &out, "2026-11-26", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut forms = 0;
    for file in files(&out)
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "html"))
    {
        let html = std::fs::read_to_string(file).unwrap();
        for form in html.split("<form").skip(1) {
            let form = form.split("</form>").next().unwrap();
            let Some(first) = PERSONAL.iter().filter_map(|f| form.find(f)).min() else {
                continue;
            };
            forms += 1;
            // English pages link the English notice.
            let english = file.strip_prefix(&out).unwrap().starts_with("en");
            let notice = if english {
                "href=\"https://inkorg.example.se/integritet/en\""
            } else {
                "href=\"https://inkorg.example.se/integritet\""
            };
            let link = form.find(notice);
            assert!(
                link.is_some_and(|at| at < first),
                "{}: a form asks for personal details without linking the privacy notice first",
                file.display()
            );
        }
    }
    // The board's suggestion form and the bookable activity's form, in both languages.
    assert!(forms >= 4, "only {forms} forms with personal details were found");
}

#[test]
fn check_asks_for_the_controller_when_forms_collect_personal_data() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("good"), &site);
    let toml = std::fs::read_to_string(site.join("site.toml")).unwrap();
    let start = toml.find("[privacy]").unwrap();
    let end = toml.find("[extra]").unwrap();
    std::fs::write(site.join("site.toml"), format!("{}{}", &toml[..start], &toml[end..])).unwrap();
    let o = common::omtanke()
        .arg("check")
        .arg("--root")
        .arg(&site)
        .output()
        .unwrap();
    let err = stderr(&o);
    assert!(
        err.contains("site.toml:1:1: warning: the site has forms that collect personal data"),
        "{err}"
    );
    let o = common::omtanke()
        .arg("check")
        .arg("--root")
        .arg(fixture("good"))
        .output()
        .unwrap();
    assert!(
        !stderr(&o).contains("forms that collect personal data"),
        "{}",
        stderr(&o)
    );
}
