//! Languages: the interface text of each language (the theme's `i18n/<code>.toml`) and the words
//! the generator writes itself (dates, schedules), plus where each language's pages live.
//!
//! The default language is at the site's root; every other language under `/<code>/`. A text
//! missing from a language's file falls back to the default language's, so a half-done
//! translation shows Swedish rather than a gap.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Serialize;

/// One language the site is rendered in.
#[derive(Debug, Clone)]
pub struct Lang {
    /// ISO 639-1 code.
    pub code: String,
    /// Whether this is the site's default language (served at the root).
    pub is_default: bool,
    /// The interface text as a nested table, for templates (`t.layout.skip`).
    pub table: toml::Table,
    /// Every language of the site as (code, own name, "In English"), default first, for the
    /// language switcher.
    pub siblings: Vec<(String, String, String)>,
    flat: BTreeMap<String, String>,
}

/// A language in the switcher.
#[derive(Debug, Clone, Serialize)]
pub struct Alternate {
    /// ISO 639-1 code.
    pub code: String,
    /// The language's name in itself ("English").
    pub name: String,
    /// "På svenska", "In English".
    pub switch: String,
    /// The same page in that language.
    pub url: String,
    /// The absolute URL, for `hreflang` links.
    pub absolute: String,
    /// Whether this is the page's own language.
    pub current: bool,
}

fn merge(base: &mut toml::Table, over: &toml::Table) {
    for (k, v) in over {
        match (base.get_mut(k), v) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => merge(b, o),
            _ => {
                base.insert(k.clone(), v.clone());
            }
        }
    }
}

fn flatten(prefix: &str, table: &toml::Table, out: &mut BTreeMap<String, String>) {
    for (k, v) in table {
        let key = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            toml::Value::Table(t) => flatten(&key, t, out),
            toml::Value::String(s) => {
                out.insert(key, s.clone());
            }
            other => {
                out.insert(key, other.to_string());
            }
        }
    }
}

impl Lang {
    /// A language from its own strings laid over the default language's.
    pub fn new(code: &str, is_default: bool, default_strings: &toml::Table, own: Option<&toml::Table>) -> Lang {
        let mut table = default_strings.clone();
        if let Some(own) = own {
            merge(&mut table, own);
        }
        let mut flat = BTreeMap::new();
        flatten("", &table, &mut flat);
        Lang {
            code: code.to_string(),
            is_default,
            table,
            flat,
            siblings: vec![],
        }
    }

    /// The text for a key such as `layout.skip`; the key itself when no language has it, so a
    /// missing text is visible rather than silently empty.
    pub fn t<'a>(&'a self, key: &'a str) -> &'a str {
        self.flat.get(key).map_or(key, String::as_str)
    }

    /// The text for a key, if this language or the default has one.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.flat.get(key).map(String::as_str)
    }

    /// A text with `{name}` placeholders filled in.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        values.iter().fold(self.t(key).to_string(), |s, (name, value)| {
            s.replace(&format!("{{{name}}}"), value)
        })
    }

    /// The site path of `path` in this language (`/kalender/` → `/en/kalender/`).
    pub fn url(&self, path: &str) -> String {
        if self.is_default || !path.starts_with('/') || path.starts_with("//") {
            path.to_string()
        } else {
            format!("/{}{path}", self.code)
        }
    }

    /// The URL prefix of this language: empty for the default, `/en` otherwise.
    pub fn prefix(&self) -> String {
        if self.is_default {
            String::new()
        } else {
            format!("/{}", self.code)
        }
    }

    /// Weekday name (`torsdag`, `Thursday`).
    pub fn weekday(&self, d: Weekday) -> String {
        self.t(&format!("weekday.{}", day_key(d))).to_string()
    }

    /// Weekday name in the plural (`torsdagar`, `Thursdays`).
    pub fn weekdays(&self, d: Weekday) -> String {
        self.t(&format!("weekdays.{}", day_key(d))).to_string()
    }

    /// Month name, 1-based.
    pub fn month(&self, m: u32) -> String {
        self.t(&format!("month.{m}")).to_string()
    }

    /// `torsdag 3 december`, `Thursday 3 December`.
    pub fn long_date(&self, date: NaiveDate) -> String {
        self.fill(
            "date.long",
            &[
                ("weekday", &self.weekday(date.weekday())),
                ("day", &date.day().to_string()),
                ("month", &self.month(date.month())),
            ],
        )
    }

    /// `3 december 2026`.
    pub fn plain_date(&self, date: NaiveDate) -> String {
        self.fill(
            "date.plain",
            &[
                ("day", &date.day().to_string()),
                ("month", &self.month(date.month())),
                ("year", &date.year().to_string()),
            ],
        )
    }

    /// `3 december`.
    pub fn day_month(&self, date: NaiveDate) -> String {
        self.fill(
            "date.day_month",
            &[("day", &date.day().to_string()), ("month", &self.month(date.month()))],
        )
    }

    /// A list in words: `a, b och c`.
    pub fn join(&self, words: &[String]) -> String {
        match words {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} {} {last}", init.join(", "), self.t("schedule.and")),
        }
    }

    /// The words for a coded value (`accessibility.rullstol`), or `default` when the language
    /// file has none (the default language's words live with the codes in the content model).
    pub fn term<'a>(&'a self, kind: &str, key: &str, default: &'a str) -> &'a str {
        if self.is_default {
            default
        } else {
            self.get(&format!("{kind}.{key}")).unwrap_or(default)
        }
    }
}

/// `mon` … `sun`, the keys used in content files and language files.
pub fn day_key(d: Weekday) -> &'static str {
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][d.num_days_from_monday() as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(s: &str) -> toml::Table {
        s.parse().unwrap()
    }

    #[test]
    fn missing_texts_fall_back_and_placeholders_fill() {
        let sv = table(
            "[a]\nx = \"hej\"\ny = \"{n} dagar\"\n[month]\n12 = \"december\"\n[weekday]\nthu = \"torsdag\"\n[date]\nlong = \"{weekday} {day} {month}\"\n",
        );
        let en = table("[a]\nx = \"hello\"\n[month]\n12 = \"December\"\n[weekday]\nthu = \"Thursday\"\n");
        let lang = Lang::new("en", false, &sv, Some(&en));
        assert_eq!(lang.t("a.x"), "hello");
        assert_eq!(lang.fill("a.y", &[("n", "3")]), "3 dagar");
        assert_eq!(lang.t("a.missing"), "a.missing");
        assert_eq!(
            lang.long_date(NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()),
            "Thursday 3 December"
        );
        assert_eq!(lang.url("/kalender/"), "/en/kalender/");
        let sv = Lang::new("sv", true, &sv, None);
        assert_eq!(sv.url("/kalender/"), "/kalender/");
        assert_eq!(sv.t("a.x"), "hej");
    }
}
