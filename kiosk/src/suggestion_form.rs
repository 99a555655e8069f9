//! What a suggestion form holds and the rules for it, shared by the kiosk's touch screens, the
//! website's inbox and the staff pages where suggestions are edited before approval.
//!
//! The field names and lengths are a contract with the website's bulletin-board form, kept in
//! the generator's [`omtanke::suggestion`]: `titel`, `beskrivning`, `nar`, `var`, `intresse`
//! (repeated), `namn`, `kontakt`.

use omtanke::suggestion as contract;
use serde::Serialize;

use crate::db::suggestions::Draft;

/// The longest title.
pub const MAX_TITLE: usize = contract::TITLE.max_chars;
/// The longest description.
pub const MAX_BODY: usize = contract::DESCRIPTION.max_chars;
/// The longest "when" and "where".
pub const MAX_SHORT: usize = contract::WHEN.max_chars;
/// The longest name.
pub const MAX_NAME: usize = contract::AUTHOR.max_chars;
/// The longest contact.
pub const MAX_CONTACT: usize = contract::CONTACT.max_chars;
/// How many interests one suggestion may have.
pub const MAX_INTERESTS: usize = contract::MAX_INTERESTS;

/// The form's values as sent, before any checking.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Values {
    /// `titel`.
    pub titel: String,
    /// `beskrivning`.
    pub beskrivning: String,
    /// `nar`.
    pub nar: String,
    /// `var`.
    pub var: String,
    /// `intresse`, each chosen one.
    pub intresse: Vec<String>,
    /// `namn`.
    pub namn: String,
    /// `kontakt`.
    pub kontakt: String,
}

/// A problem with one field, for the error summary and the field itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The field's name, also the input's id.
    pub field: &'static str,
    /// What to do, in plain Swedish.
    pub message: String,
}

/// The form's fields in order, for error summaries and steps.
pub const FIELDS: [&str; 7] = ["titel", "beskrivning", "nar", "var", "intresse", "namn", "kontakt"];

impl Values {
    /// Reads the fields from a posted form; unknown fields are ignored.
    pub fn from_form(form: &[(String, String)]) -> Values {
        let get = |name: &str| {
            form.iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        let mut intresse: Vec<String> = form
            .iter()
            .filter(|(k, _)| k == "intresse")
            .map(|(_, v)| v.trim().to_string())
            .filter(|v| !v.is_empty())
            .collect();
        intresse.dedup();
        Values {
            titel: get("titel"),
            beskrivning: get("beskrivning"),
            nar: get("nar"),
            var: get("var"),
            intresse,
            namn: get("namn"),
            kontakt: get("kontakt"),
        }
    }

    /// The values of a stored suggestion, for editing.
    pub fn from_draft(d: &Draft) -> Values {
        Values {
            titel: d.title.clone(),
            beskrivning: d.body.clone(),
            nar: d.when.clone().unwrap_or_default(),
            var: d.place.clone().unwrap_or_default(),
            intresse: d.interests.clone(),
            namn: d.author.clone(),
            kontakt: String::new(),
        }
    }

    /// Checks the named fields against the rules; `known` are the interest words the site uses.
    pub fn check(&self, fields: &[&str], known: &[String]) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let mut err = |field: &'static str, message: String| errors.push(FieldError { field, message });
        for field in FIELDS.iter().filter(|f| fields.contains(f)) {
            match *field {
                "titel" => {
                    if let Err(m) = text(&self.titel, true, MAX_TITLE, "Skriv vad du vill göra, med några ord.") {
                        err("titel", m);
                    }
                }
                "beskrivning" => {
                    if let Err(m) = text(
                        &self.beskrivning,
                        true,
                        MAX_BODY,
                        "Berätta lite mer om vad ni ska göra tillsammans.",
                    ) {
                        err("beskrivning", m);
                    }
                }
                "nar" => {
                    if let Err(m) = text(&self.nar, false, MAX_SHORT, "") {
                        err("nar", m);
                    }
                }
                "var" => {
                    if let Err(m) = text(&self.var, false, contract::WHERE.max_chars, "") {
                        err("var", m);
                    }
                }
                "intresse" => {
                    if self.intresse.len() > MAX_INTERESTS {
                        err("intresse", format!("Välj högst {MAX_INTERESTS} intressen."));
                    } else if self.intresse.iter().any(|i| !known.contains(i)) {
                        err("intresse", "Välj intressen från listan.".into());
                    }
                }
                "namn" => {
                    let name = self.namn.trim();
                    if let Err(m) = text(name, true, MAX_NAME, "Skriv ditt förnamn eller ett smeknamn.") {
                        err("namn", m);
                    } else if name.split_whitespace().count() > 1 {
                        err(
                            "namn",
                            "Skriv bara ett förnamn eller ett smeknamn, ett ord. Efternamn publiceras inte.".into(),
                        );
                    }
                }
                "kontakt" => {
                    if let Err(m) = text(&self.kontakt, false, MAX_CONTACT, "") {
                        err("kontakt", m);
                    }
                }
                _ => {}
            }
        }
        errors
    }

    /// The suggestion to store (after [`Values::check`] found nothing).
    pub fn draft(&self) -> Draft {
        let opt = |s: &str| Some(tidy(s)).filter(|s| !s.is_empty());
        Draft {
            title: tidy(&self.titel),
            body: self.beskrivning.trim().replace("\r\n", "\n"),
            when: opt(&self.nar),
            place: opt(&self.var),
            interests: self.intresse.clone(),
            author: self.namn.trim().to_string(),
        }
    }

    /// The contact details, if any were given.
    pub fn contact(&self) -> Option<String> {
        Some(tidy(&self.kontakt)).filter(|c| !c.is_empty())
    }
}

/// One line of text with its runs of white space made single spaces.
fn tidy(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn text(value: &str, required: bool, max: usize, missing: &str) -> Result<(), String> {
    let v = value.trim();
    if v.is_empty() {
        return if required { Err(missing.to_string()) } else { Ok(()) };
    }
    let n = v.chars().count();
    if n > max {
        return Err(format!("Skriv högst {max} tecken. Nu är det {n}."));
    }
    // Line breaks belong in the description only; other control characters nowhere.
    if v.chars().any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t') {
        return Err("Texten innehåller tecken som inte går att använda.".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn a_good_suggestion_becomes_a_draft() {
        let v = Values::from_form(&form(&[
            ("titel", "  Boule   i parken "),
            ("beskrivning", "Vi spelar.\r\nAlla är välkomna."),
            ("nar", ""),
            ("var", "Ramlösa"),
            ("intresse", "spel"),
            ("intresse", "spel"),
            ("namn", " Lennart "),
            ("kontakt", "070-123 45 67"),
        ]));
        let known = vec!["spel".to_string()];
        assert!(v.check(&FIELDS, &known).is_empty());
        let d = v.draft();
        assert_eq!(d.title, "Boule i parken");
        assert_eq!(d.body, "Vi spelar.\nAlla är välkomna.");
        assert_eq!((d.when, d.place.as_deref()), (None, Some("Ramlösa")));
        assert_eq!(d.interests, vec!["spel"]);
        assert_eq!(d.author, "Lennart");
        assert_eq!(v.contact().as_deref(), Some("070-123 45 67"));
    }

    #[test]
    fn every_rule_says_what_is_wrong() {
        let known = vec!["spel".to_string()];
        let fields_with_errors = |pairs: &[(&str, &str)]| -> Vec<&'static str> {
            Values::from_form(&form(pairs))
                .check(&FIELDS, &known)
                .into_iter()
                .map(|e| e.field)
                .collect()
        };
        assert_eq!(fields_with_errors(&[]), vec!["titel", "beskrivning", "namn"]);
        let long = "x".repeat(81);
        let base = [("titel", "Boule"), ("beskrivning", "Spela"), ("namn", "Anna")];
        let with = |extra: (&'static str, &str)| {
            let mut v: Vec<(&str, &str)> = base.to_vec();
            v.retain(|(k, _)| *k != extra.0);
            v.push(extra);
            fields_with_errors(&v)
        };
        assert_eq!(with(("titel", &long)), vec!["titel"]);
        assert_eq!(with(("namn", "Anna Andersson")), vec!["namn"]);
        assert_eq!(with(("intresse", "okänt")), vec!["intresse"]);
        assert_eq!(with(("kontakt", &"1".repeat(121))), vec!["kontakt"]);
        assert_eq!(with(("nar", "på\u{7}kvällen")), vec!["nar"]);
        assert!(with(("beskrivning", "rad ett\nrad två")).is_empty());
    }
}
