//! What a suggestion form holds and the rules for it, shared by the kiosk's touch screens, the
//! website's inbox and the staff pages where suggestions are edited before approval.
//!
//! The field names and lengths are a contract with the website's bulletin-board form, kept in
//! the generator's [`omtanke::suggestion`]: `titel`, `beskrivning`, `nar`, `var`, `intresse`
//! (repeated), `namn`, `kontakt`.

use omtanke::render::i18n::Lang;
use omtanke::suggestion as contract;
use serde::Serialize;

use crate::db::suggestions::Draft;

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
        let mut intresse: Vec<String> = vec![];
        for (_, v) in form.iter().filter(|(k, _)| k == contract::INTEREST) {
            let v = v.trim();
            if !v.is_empty() && !intresse.iter().any(|i| i == v) {
                intresse.push(v.to_string());
            }
        }
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

    /// The fields as (name, value) pairs, in the form's order, a pair per chosen interest.
    pub fn pairs(&self) -> Vec<(&'static str, &str)> {
        let mut out = vec![
            ("titel", self.titel.as_str()),
            ("beskrivning", self.beskrivning.as_str()),
            ("nar", self.nar.as_str()),
            ("var", self.var.as_str()),
        ];
        out.extend(self.intresse.iter().map(|i| ("intresse", i.as_str())));
        out.extend([("namn", self.namn.as_str()), ("kontakt", self.kontakt.as_str())]);
        out
    }

    /// Checks the named fields against the rules; `known` are the interest words the site uses,
    /// `words` the theme's interface text in the resident's language (`suggest.error_*`).
    pub fn check(&self, fields: &[&str], known: &[String], words: &Lang) -> Vec<FieldError> {
        let mut errors = Vec::new();
        for field in FIELDS.iter().filter(|f| fields.contains(f)) {
            let message = match *field {
                "intresse" if self.intresse.len() > contract::MAX_INTERESTS => Some(words.fill(
                    "suggest.error_too_many_interests",
                    &[("n", &contract::MAX_INTERESTS.to_string())],
                )),
                "intresse" if self.intresse.iter().any(|i| !known.contains(i)) => {
                    Some(words.t("suggest.error_unknown_interest").to_string())
                }
                "intresse" => None,
                "namn" => text(&self.namn, "namn", words).err().or_else(|| {
                    (!omtanke::vocabulary::is_one_word(&self.namn))
                        .then(|| words.t("suggest.error_one_word").to_string())
                }),
                name => text(self.value(name), name, words).err(),
            };
            if let Some(message) = message {
                errors.push(FieldError { field, message });
            }
        }
        errors
    }

    fn value(&self, name: &str) -> &str {
        match name {
            "titel" => &self.titel,
            "beskrivning" => &self.beskrivning,
            "nar" => &self.nar,
            "var" => &self.var,
            "namn" => &self.namn,
            _ => &self.kontakt,
        }
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

/// Checks one text field against its rules in the contract with the website's form.
fn text(value: &str, name: &str, words: &Lang) -> Result<(), String> {
    let Some(rule) = contract::FIELDS.iter().find(|f| f.name == name) else {
        return Ok(());
    };
    // Counted as the browser counts for `maxlength`: a line break is one character.
    let v = value.trim().replace("\r\n", "\n");
    if v.is_empty() {
        return if rule.required {
            Err(words.t(missing(name)).to_string())
        } else {
            Ok(())
        };
    }
    let n = v.chars().count();
    if n > rule.max_chars {
        let (max, n) = (rule.max_chars.to_string(), n.to_string());
        return Err(words.fill("suggest.error_too_long", &[("max", &max), ("n", &n)]));
    }
    // Line breaks belong in the description only; other control characters nowhere.
    if v.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err(words.t("suggest.error_control").to_string());
    }
    Ok(())
}

/// The message key for an empty required field.
fn missing(name: &str) -> &'static str {
    match name {
        "titel" => "suggest.error_title",
        "beskrivning" => "suggest.error_description",
        _ => "suggest.error_name",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn swedish() -> Lang {
        omtanke::render::templates::Words::load(std::path::Path::new("/nonexistent"))
            .unwrap()
            .lang("sv", "sv")
    }

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
        assert!(v.check(&FIELDS, &known, &swedish()).is_empty());
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
                .check(&FIELDS, &known, &swedish())
                .into_iter()
                .map(|e| e.field)
                .collect()
        };
        assert_eq!(fields_with_errors(&[]), vec!["titel", "beskrivning", "namn"]);
        // In the resident's language, from the theme's interface text.
        let english = omtanke::render::templates::Words::load(std::path::Path::new("/nonexistent"))
            .unwrap()
            .lang("en", "sv");
        let messages: Vec<String> = Values::from_form(&form(&[("titel", &"x".repeat(81))]))
            .check(&["titel", "namn"], &known, &english)
            .into_iter()
            .map(|e| e.message)
            .collect();
        assert_eq!(
            messages,
            [
                "Write at most 80 characters. Now there are 81.",
                "Write your first name or a nickname."
            ]
        );
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
        // A line break is one character, as the browser's maxlength counts it.
        let lines = "x\r\n".repeat(750);
        assert!(with(("beskrivning", &lines)).is_empty());
        let v = Values::from_form(&form(&[
            ("intresse", "spel"),
            ("intresse", "fika"),
            ("intresse", "spel"),
        ]));
        assert_eq!(v.intresse, vec!["spel", "fika"], "each interest once");
    }
}
