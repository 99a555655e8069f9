//! Parsing TOML (activity files, places, front matter, site.toml) with positions for every error.
//!
//! A document is parsed once into toml's spanned tree. Its keys are checked against a [`Schema`]
//! first, so every unknown key in a file is reported with its position and the nearest valid key,
//! and then the tree is deserialized into the caller's raw type, whose `Spanned` fields keep the
//! positions that later checks (impossible times, unknown places) point at.

use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostics::{Diagnostic, Source, nearest};

/// The keys a TOML table may have.
#[derive(Debug)]
pub struct Schema {
    /// Every allowed key at this level.
    pub keys: &'static [&'static str],
    /// Keys whose values are themselves checked (or deliberately not).
    pub nested: &'static [(&'static str, Nested)],
}

/// How the value of a key is checked.
#[derive(Debug)]
pub enum Nested {
    /// Anything goes (`[extra]`).
    Free,
    /// A table, or an array of tables, with this schema.
    Table(&'static Schema),
    /// A table whose every value is a table with this schema (`[languages.en]`).
    MapOf(&'static Schema),
    /// Listed under the name `*`: any further key that is a language code (two lowercase
    /// letters) may hold a table with this schema (`[en]` with an activity's English text).
    Translation(&'static Schema),
}

/// Whether a key looks like an ISO 639-1 language code.
pub fn is_language_code(key: &str) -> bool {
    key.len() == 2 && key.bytes().all(|b| b.is_ascii_lowercase())
}

/// Parses `src.text[range]` as TOML into `T`, reporting problems into `diags` with spans relative
/// to the whole file. Returns `None` when the text could not be turned into `T` at all.
pub fn parse<T: DeserializeOwned>(
    src: &Source,
    range: Range<usize>,
    schema: &Schema,
    diags: &mut Vec<Diagnostic>,
) -> Option<T> {
    // Whatever precedes the TOML (a front matter's `+++` line) is blanked out rather than cut off,
    // so every span toml reports, including those inside `T`'s `Spanned` fields, is a position in
    // the whole file.
    let padded;
    let text = if range.start == 0 && range.end == src.text.len() {
        &*src.text
    } else {
        padded = src.text[..range.start]
            .bytes()
            .map(|b| if b == b'\n' { '\n' } else { ' ' })
            .collect::<String>()
            + &src.text[range];
        &padded
    };
    let (table, errors) = DeTable::parse_recoverable(text);
    // Later syntax errors are mostly echoes of the first one, so only the earliest is reported.
    if let Some(e) = errors.iter().min_by_key(|e| e.span().map_or(usize::MAX, |s| s.start)) {
        let span = e.span();
        diags.push(
            Diagnostic::error(src, span, crate::msg!("toml-invalid", detail = first_line(e.message())))
                .help(crate::msg!("toml-invalid-help")),
        );
        return None;
    }
    check_keys(src, table.get_ref(), schema, "", diags);
    match T::deserialize(toml::de::Deserializer::from(table)) {
        Ok(v) => Some(v),
        Err(e) => {
            diags.push(Diagnostic::error(src, e.span(), explain(e.message())));
            None
        }
    }
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or(s).trim()
}

/// Rewords serde's messages where a plainer one helps an editor. What serde itself names (the
/// field, the kinds of value) stays as serde writes it.
fn explain(message: &str) -> String {
    let message = first_line(message);
    if let Some(field) = message.strip_prefix("missing field ") {
        return crate::msg!("toml-missing-field", field = field);
    }
    if message.contains("expected a TOML datetime") || message.contains("expected a date") {
        return crate::msg!("toml-date-hint", message = message);
    }
    // Every "invalid type: " becomes the catalogue's words for it, the rest stays.
    let mut parts = message.split("invalid type: ");
    let mut reworded = parts.next().unwrap_or_default().to_string();
    for rest in parts {
        reworded.push_str(&crate::msg!("toml-wrong-kind", detail = rest));
    }
    reworded
}

fn check_keys(src: &Source, table: &DeTable<'_>, schema: &Schema, prefix: &str, diags: &mut Vec<Diagnostic>) {
    for (key, value) in table {
        let name: &str = key.get_ref();
        let full = if prefix.is_empty() {
            name.to_string()
        } else {
            format!("{prefix}.{name}")
        };
        let translation = schema.nested.iter().find_map(|(k, n)| match n {
            Nested::Translation(inner) if *k == "*" => Some(*inner),
            _ => None,
        });
        if let Some(inner) = translation
            && !schema.keys.contains(&name)
            && is_language_code(name)
            && matches!(value.get_ref(), DeValue::Table(_))
        {
            for_each_table(value, |t| check_keys(src, t, inner, &full, diags));
            continue;
        }
        if !schema.keys.contains(&name) {
            let mut d = Diagnostic::error(src, Some(key.span()), crate::msg!("toml-unknown-key", key = &full));
            d = match nearest(name, schema.keys.iter().copied()) {
                Some(near) => d.help(crate::msg!("toml-unknown-key-did-you-mean", near = near)),
                None => d.help(crate::msg!(
                    "toml-unknown-key-valid-keys",
                    keys = schema.keys.join(", ")
                )),
            };
            diags.push(d);
            continue;
        }
        let Some((_, nested)) = schema.nested.iter().find(|(k, _)| *k == name) else {
            continue;
        };
        match nested {
            Nested::Free | Nested::Translation(_) => {}
            Nested::Table(inner) => for_each_table(value, |t| check_keys(src, t, inner, &full, diags)),
            Nested::MapOf(inner) => {
                if let DeValue::Table(map) = value.get_ref() {
                    for (k, v) in map {
                        let sub = format!("{full}.{}", k.get_ref());
                        for_each_table(v, |t| check_keys(src, t, inner, &sub, diags));
                    }
                }
            }
        }
    }
}

fn for_each_table<'a>(value: &'a Spanned<DeValue<'_>>, mut f: impl FnMut(&'a DeTable<'_>)) {
    match value.get_ref() {
        DeValue::Table(t) => f(t),
        DeValue::Array(items) => {
            for item in items {
                if let DeValue::Table(t) = item.get_ref() {
                    f(t);
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    const INNER: Schema = Schema {
        keys: &["start", "end"],
        nested: &[],
    };
    const SCHEMA: Schema = Schema {
        keys: &["title", "interests", "schedule", "extra"],
        nested: &[("schedule", Nested::Table(&INNER)), ("extra", Nested::Free)],
    };

    #[derive(Deserialize, Debug)]
    struct Doc {
        title: Option<String>,
    }

    #[test]
    fn reports_every_unknown_key_with_position_and_suggestion() {
        let text = "title = \"x\"\nintrests = []\n[[schedule]]\nstrat = \"12:00\"\n[extra]\nanything = 1\n";
        let src = Source::new("a.toml", text);
        let mut diags = vec![];
        let doc: Doc = parse(&src, 0..text.len(), &SCHEMA, &mut diags).unwrap();
        assert_eq!(doc.title.as_deref(), Some("x"));
        let lines: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[0].starts_with("a.toml:2:1: error: unknown key `intrests` — did you mean `interests`?"));
        assert!(lines[1].starts_with("a.toml:4:1: error: unknown key `schedule.strat` — did you mean `start`?"));
    }

    #[test]
    fn syntax_errors_point_into_the_file_at_an_offset() {
        let text = "+++\ntitle = \"x\nmore\n+++\n";
        let src = Source::new("p.md", text);
        let mut diags = vec![];
        let doc: Option<Doc> = parse(&src, 4..text.len() - 4, &SCHEMA, &mut diags);
        assert!(doc.is_none());
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].line_col().0, 2, "{}", diags[0]);
    }

    #[test]
    fn type_errors_name_the_value() {
        let text = "title = 5\n";
        let src = Source::new("a.toml", text);
        let mut diags = vec![];
        let doc: Option<Doc> = parse(&src, 0..text.len(), &SCHEMA, &mut diags);
        assert!(doc.is_none());
        assert!(
            diags[0]
                .to_string()
                .starts_with("a.toml:1:9: error: wrong kind of value"),
            "{}",
            diags[0]
        );
    }
}
