//! Conversation starters for a snackebord, a café table where you sit if you would like company
//! (`content/snackebord.toml`): the kiosk shows one at a time on its screen, and the site prints
//! them as folded table cards (`/snackebord/`).
//!
//! ```toml
//! questions = ["Vad gjorde dig glad den här veckan?", "…"]
//!
//! [en]
//! questions = ["What made you happy this week?", "…"]
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostics::{Diagnostic, Source};
use crate::toml_doc::{self, Nested, Schema};

/// The file, below `content/`.
pub const FILE: &str = "snackebord.toml";

/// Longest question: it must fit one side of a table card in large type.
const MAX_CHARS: usize = 120;

/// The questions, in the site's language and translated.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Snackebord {
    /// In the site's language, in the file's order.
    pub questions: Vec<String>,
    /// By language code, each in the same order as `questions`.
    pub translations: BTreeMap<String, Vec<String>>,
}

impl Snackebord {
    /// The questions in `lang`, or in the site's language when that has none.
    pub fn questions_in(&self, lang: &str) -> &[String] {
        self.translations.get(lang).unwrap_or(&self.questions)
    }

    /// The question to show at a moment: it changes every ten minutes, so a screen stays alive.
    pub fn for_time(&self, unix_seconds: i64) -> Option<&str> {
        let n = i64::try_from(self.questions.len()).ok().filter(|n| *n > 0)?;
        let i = usize::try_from((unix_seconds / 600).rem_euclid(n)).ok()?;
        self.questions.get(i).map(String::as_str)
    }
}

#[derive(Deserialize)]
struct Raw {
    questions: Option<Spanned<Vec<Spanned<String>>>>,
}

#[derive(Deserialize)]
struct RawTranslation {
    questions: Option<Vec<String>>,
}

const TEXT: Schema = Schema {
    keys: &["questions"],
    nested: &[],
};
const SCHEMA: Schema = Schema {
    keys: &["questions"],
    nested: &[("*", Nested::Translation(&TEXT))],
};

/// Parses the file; problems are reported with their place in it.
pub fn parse(src: &Source, diags: &mut Vec<Diagnostic>) -> Option<Snackebord> {
    let raw: Raw = toml_doc::parse(src, 0..src.text.len(), &SCHEMA, diags)?;
    let Some(list) = raw.questions else {
        diags.push(
            Diagnostic::error(src, Some(0..0), crate::msg!("snackebord-no-questions"))
                .help(crate::msg!("snackebord-no-questions-help")),
        );
        return None;
    };
    let questions = checked(src, &list, diags);
    let mut translations = BTreeMap::new();
    // The language tables again, with where each is written (serde's flatten loses the places).
    let tables: BTreeMap<String, Spanned<toml::Value>> = toml::from_str(&src.text).unwrap_or_default();
    for (lang, table) in tables.into_iter().filter(|(k, _)| toml_doc::is_language_code(k)) {
        let span = table.span();
        let Ok(RawTranslation { questions: Some(tlist) }) = table.into_inner().try_into() else {
            continue;
        };
        if tlist.len() != list.get_ref().len() {
            diags.push(
                Diagnostic::error(
                    src,
                    Some(span),
                    crate::msg!(
                        "snackebord-translation-count",
                        lang = lang.as_str(),
                        count = tlist.len(),
                        expected = list.get_ref().len()
                    ),
                )
                .help(crate::msg!("snackebord-translation-count-help")),
            );
            continue;
        }
        let spanned = Spanned::new(
            span.clone(),
            tlist.into_iter().map(|q| Spanned::new(span.clone(), q)).collect(),
        );
        translations.insert(lang, checked(src, &spanned, diags));
    }
    Some(Snackebord {
        questions,
        translations,
    })
}

fn checked(src: &Source, list: &Spanned<Vec<Spanned<String>>>, diags: &mut Vec<Diagnostic>) -> Vec<String> {
    if list.get_ref().is_empty() {
        diags.push(
            Diagnostic::error(src, Some(list.span()), crate::msg!("snackebord-no-questions"))
                .help(crate::msg!("snackebord-no-questions-help")),
        );
    }
    let mut out = vec![];
    for q in list.get_ref() {
        let text = q.get_ref().trim();
        if text.is_empty() || text.chars().count() > MAX_CHARS {
            diags.push(
                Diagnostic::error(
                    src,
                    Some(q.span()),
                    crate::msg!("snackebord-question-length", max = MAX_CHARS),
                )
                .help(crate::msg!("snackebord-question-length-help")),
            );
        }
        out.push(text.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> (Option<Snackebord>, Vec<Diagnostic>) {
        let mut diags = vec![];
        let s = parse(&Source::new("content/snackebord.toml", text.to_string()), &mut diags);
        (s, diags)
    }

    #[test]
    fn questions_and_their_translations() {
        let (s, diags) = parse_text("questions = [\"Hej?\", \"Kaffe?\"]\n[en]\nquestions = [\"Hi?\", \"Coffee?\"]\n");
        assert!(diags.is_empty(), "{diags:?}");
        let s = s.unwrap();
        assert_eq!(s.questions_in("en"), ["Hi?", "Coffee?"]);
        assert_eq!(s.questions_in("de"), ["Hej?", "Kaffe?"]);
        assert_eq!(s.for_time(0), Some("Hej?"));
        assert_eq!(s.for_time(600), Some("Kaffe?"));
        assert_eq!(s.for_time(1200), Some("Hej?"));
    }

    #[test]
    fn a_translation_must_have_every_question() {
        let (_, diags) = parse_text("questions = [\"Hej?\", \"Kaffe?\"]\n[en]\nquestions = [\"Hi?\"]\n");
        assert_eq!(diags.len(), 1, "{diags:?}");
    }

    #[test]
    fn an_empty_or_a_long_question_is_an_error() {
        let (_, diags) = parse_text(&format!("questions = [\"  \", \"{}\"]\n", "x".repeat(121)));
        assert_eq!(diags.len(), 2, "{diags:?}");
        let (_, diags) = parse_text("questions = []\n");
        assert_eq!(diags.len(), 1, "{diags:?}");
        let (_, diags) = parse_text("fragor = [\"Hej?\"]\n");
        assert!(!diags.is_empty(), "an unknown key and no questions");
    }
}
