//! `omtanke-kiosk records`: the record of processing activities (GDPR article 30) from the
//! kiosk's settings and the site's `[privacy]`, with every purpose the privacy notice names and
//! the retention times as configured.

mod common;

use std::process::Command;

fn records(tmp: &std::path::Path, config: &str, csv: bool) -> String {
    std::fs::create_dir_all(tmp).unwrap();
    let file = tmp.join("kiosk.toml");
    std::fs::write(&file, config).unwrap();
    let site = common::copy_site(&tmp.join(if csv { "csv" } else { "md" }));
    let toml = std::fs::read_to_string(site.join("site.toml")).unwrap();
    std::fs::write(
        site.join("site.toml"),
        format!("{toml}\n[privacy]\ncontroller = \"Exempelnämnden (påhittad)\"\ndpo_email = \"dso@exempel.example\"\nlegal_basis = \"uppgift av allmänt intresse\"\n"),
    )
    .unwrap();
    let mut command = Command::new(common::BIN);
    command
        .arg("--config")
        .arg(&file)
        .arg("--content")
        .arg(&site)
        .arg("--db")
        .arg(tmp.join("k.sqlite3"))
        .arg("records");
    if csv {
        command.arg("--csv");
    }
    let out = command.output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

const CONFIG: &str = "retention_days = 9\nsuggestion_contact_days = 21\ninbox_token = \"ett-hemligt-delat-losenord-for-inkorgen-2026\"\n\n[sms]\nurl = \"https://api.46elks.com/a1/sms\"\nuser = \"u\"\nsecret = \"s\"\nsender = \"Pratcafe\"\n";

#[test]
fn the_record_lists_every_purpose_with_the_configured_times_and_the_controller() {
    let tmp = tempfile::tempdir().unwrap();
    let md = records(tmp.path(), CONFIG, false);
    assert!(md.contains("Personuppgiftsansvarig: Exempelnämnden (påhittad)"), "{md}");
    assert!(md.contains("Dataskyddsombud: dso@exempel.example"), "{md}");
    // Every purpose the privacy notice names, as one row each.
    for purpose in [
        "| Räkna besök (incheckning) |",
        "| Boka plats i en grupp |",
        "| Anmälan hemifrån |",
        "| Sms om bokningar |",
        "| Förslag till anslagstavlan |",
        "| Enkät om ensamhet |",
    ] {
        assert!(md.contains(purpose), "{purpose} missing: {md}");
    }
    assert!(md.contains("Tas bort 9 dagar efter träffen"), "{md}");
    assert!(md.contains("tas bort 21 dagar efter beslutet"), "{md}");
    assert!(
        md.contains("sms-tjänsten api.46elks.com (personuppgiftsbiträde)"),
        "{md}"
    );
    assert!(md.contains("uppgift av allmänt intresse"), "{md}");

    let csv = records(tmp.path(), CONFIG, true);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "andamal,personuppgifter,registrerade,rattslig_grund,mottagare,lagringstid,personuppgiftsansvarig"
    );
    assert_eq!(lines.len(), 7, "six purposes: {csv}");

    // Without texts and booking from home, those purposes are not in the record.
    let md = records(&tmp.path().join("plain"), "retention_days = 5\n", false);
    assert!(
        !md.contains("Sms om bokningar") && !md.contains("Anmälan hemifrån"),
        "{md}"
    );
    assert!(md.contains("Tas bort 5 dagar efter träffen"), "{md}");
}
