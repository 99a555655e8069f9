//! `api/activities.json` matches its committed, documented JSON Schema and carries the facts.

mod common;

use common::{build, fixture, read, repo, stderr};

fn validate(json: &serde_json::Value) {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo().join("docs/activities.schema.json")).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema itself is valid");
    let errors: Vec<String> = validator
        .iter_errors(json)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn activities_json_follows_its_schema() {
    let tmp = tempfile::tempdir().unwrap();
    for (site, out) in [
        (repo(), tmp.path().join("real")),
        (fixture("good"), tmp.path().join("good")),
    ] {
        let o = build(&site, &out, "2026-11-26", &[]);
        assert!(o.status.success(), "{}", stderr(&o));
        let json: serde_json::Value = serde_json::from_str(&read(&out, "api/activities.json")).unwrap();
        validate(&json);
    }
    let json: serde_json::Value = serde_json::from_str(&read(&tmp.path().join("good"), "api/activities.json")).unwrap();
    let fika = json["activities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "sondagsfika")
        .unwrap();
    assert_eq!(fika["url"], "https://test.example.se/aktiviteter/sondagsfika/");
    assert_eq!(fika["free"], true);
    assert_eq!(fika["area"], "Söder");
    assert_eq!(fika["schedule"][0]["weekly"][0], "sun");
    assert_eq!(fika["next_occurrences"][0]["start"], "2026-11-29T12:00:00+01:00");
    let fredag = json["activities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "fredagsmote")
        .unwrap();
    assert_eq!(fredag["schedule"][0]["monthly"], "last fri");
    assert_eq!(fredag["free"], false);
    assert_eq!(fredag["bookable"], true);
}

#[test]
fn the_schema_rejects_a_broken_document() {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo().join("docs/activities.schema.json")).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let bad = serde_json::json!({"version": 1, "generated_for": "2026-11-26", "site": "x", "activities": [{"id": "Inte OK"}]});
    assert!(!validator.is_valid(&bad));
}
