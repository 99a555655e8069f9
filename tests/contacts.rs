//! The real site carries no contact that is not confirmed: every e-mail address and phone number
//! in `content/` is listed in `kontakter.toml` with its source and the files that may carry it.
//! (A real person's contact on an activity their source does not tie them to is how a resident
//! ends up writing to the wrong person.)

mod common;

use std::collections::BTreeMap;

/// E-mail addresses in a text.
fn emails(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || "()<>[]\"',;:`*".contains(c))
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| {
            w.split_once('@')
                .is_some_and(|(user, host)| !user.is_empty() && host.contains('.') && !host.starts_with('.'))
        })
        .map(str::to_lowercase)
        .collect()
}

/// Swedish phone numbers in a text (`042-10 50 00`, `+46 42 10 50 00`, `tel:` links): a run of
/// digits, spaces and dashes that starts with 0 or +46 and has at least eight digits.
fn phones(text: &str) -> Vec<String> {
    let mut found = vec![];
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let starts = (chars[i] == '0' || (chars[i] == '+' && chars.get(i + 1) == Some(&'4')))
            && (i == 0 || !chars[i - 1].is_ascii_digit());
        if starts {
            let mut j = i + 1;
            while j < chars.len() && (chars[j].is_ascii_digit() || chars[j] == ' ' || chars[j] == '-') {
                j += 1;
            }
            let run: String = chars[i..j]
                .iter()
                .collect::<String>()
                .trim_end_matches([' ', '-'])
                .to_string();
            let digits = run.chars().filter(char::is_ascii_digit).count();
            // Dates (2026-11-26) and times are not phone numbers.
            let is_date = run.len() == 10 && run.chars().nth(4) == Some('-') && run.chars().nth(7) == Some('-');
            if digits >= 8 && !is_date {
                found.push(run.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect());
            }
            i = j;
        } else {
            i += 1;
        }
    }
    found
}

#[test]
fn every_contact_in_the_content_is_confirmed_for_its_file() {
    let repo = common::repo();
    let list: toml::Table = std::fs::read_to_string(repo.join("kontakter.toml"))
        .unwrap()
        .parse()
        .unwrap();
    let mut allowed: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for entry in list["kontakt"].as_array().unwrap() {
        let value = entry["varde"].as_str().unwrap().to_lowercase();
        assert!(
            !entry["kalla"].as_str().unwrap().trim().is_empty(),
            "{value} has no source"
        );
        let files = entry["filer"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f.as_str().unwrap().to_string())
            .collect();
        allowed.insert(
            value.chars().filter(|c| !c.is_whitespace() && *c != '-').collect(),
            files,
        );
    }
    let mut problems = vec![];
    for entry in walkdir::WalkDir::new(repo.join("content")) {
        let entry = entry.unwrap();
        let ext = entry.path().extension().and_then(|e| e.to_str()).unwrap_or("");
        if !matches!(ext, "md" | "toml") {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(&repo)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for contact in emails(&text).into_iter().chain(phones(&text)) {
            match allowed.get(&contact) {
                Some(files) if files.contains(&rel) => {}
                Some(_) => problems.push(format!("{rel}: {contact} is confirmed, but not for this file")),
                None => problems.push(format!("{rel}: {contact} is not in kontakter.toml")),
            }
        }
    }
    assert!(problems.is_empty(), "unconfirmed contacts:\n{}", problems.join("\n"));
}

#[test]
fn the_scanner_finds_addresses_and_numbers_but_not_dates() {
    assert_eq!(
        emails("Mejla (anna.svensson@helsingborg.se) eller x@y."),
        ["anna.svensson@helsingborg.se"]
    );
    assert_eq!(
        phones("Ring 042-10 50 00 eller +46 42 105 000."),
        ["042105000", "+4642105000"]
    );
    assert!(phones("from = 2026-11-26, kl. 12:00–19:00, 1 850 besök, ring 112").is_empty());
}
