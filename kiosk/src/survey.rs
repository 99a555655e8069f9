//! The 6-item De Jong Gierveld loneliness scale: its items (from `survey.toml`, so a validated
//! Swedish translation can be dropped in) and its scoring, as the scale's manual gives it.
//!
//! Answers are yes, more or less, or no. The three emotional items are worded negatively and
//! score 1 for yes or more or less; the three social items are worded positively and score 1 for
//! no or more or less. Emotional and social loneliness are 0–3 each, the total 0–6: 0–1 is not
//! lonely, 2–4 moderately lonely, 5–6 severely lonely. A subscale is missing when any of its
//! items is; the total is missing when more than one item is.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// The items as shipped; a site may override them with its own file.
pub const DEFAULT_ITEMS: &str = include_str!("../survey.toml");

/// Which kind of loneliness an item measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Missing an intimate relationship; negatively worded items.
    Emotional,
    /// Missing a wider network; positively worded items.
    Social,
}

/// One statement.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Item {
    /// Stable id, used to store answers.
    pub id: String,
    /// Emotional or social.
    pub kind: Kind,
    /// The scale's English wording.
    pub en: String,
    /// The Swedish text shown at the kiosk.
    pub sv: String,
}

/// The survey's items.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Items {
    /// Whether the Swedish texts are a validated translation.
    pub swedish_validated: bool,
    /// The six statements.
    #[serde(rename = "item")]
    pub items: Vec<Item>,
}

impl Items {
    /// Reads items from TOML, checking there are three of each kind with unique ids.
    pub fn parse(text: &str) -> Result<Items, String> {
        let items: Items = toml::from_str(text).map_err(|e| e.to_string())?;
        let count = |k| items.items.iter().filter(|i| i.kind == k).count();
        let (emotional, social) = (count(Kind::Emotional), count(Kind::Social));
        if emotional != 3 || social != 3 {
            return Err(format!(
                "the scale has three emotional and three social items, but the file has {emotional} emotional and {social} social; keep each item's `kind` as shipped"
            ));
        }
        let mut ids: Vec<&str> = items.items.iter().map(|i| i.id.as_str()).collect();
        ids.sort_unstable();
        if let Some(twice) = ids.windows(2).find(|w| w[0] == w[1]) {
            return Err(format!(
                "the id \"{}\" is used by two items; every item needs its own id, as shipped",
                twice[0]
            ));
        }
        // Ids become form field names and keys of the stored answers: keep them plain.
        if let Some(bad) = items.items.iter().find(|i| {
            i.id.is_empty()
                || !i
                    .id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        }) {
            return Err(format!(
                "the id \"{}\" may only have lowercase letters a–z, digits and _",
                bad.id
            ));
        }
        if let Some(empty) = items.items.iter().find(|i| i.sv.trim().is_empty()) {
            return Err(format!("the item \"{}\" has no Swedish text (sv)", empty.id));
        }
        Ok(items)
    }

    /// The site's own items file when one is configured, otherwise the shipped items. A file
    /// that cannot be read or is not a valid scale is an error naming the file, so the kiosk
    /// does not start with a survey that would be scored wrongly.
    pub fn load(path: Option<&Path>) -> anyhow::Result<Items> {
        let Some(path) = path else {
            return Items::parse(DEFAULT_ITEMS).map_err(|e| anyhow::anyhow!("the built-in survey items: {e}"));
        };
        let text = std::fs::read_to_string(path).map_err(|e| {
            anyhow::anyhow!(
                "{}: the survey's items (survey_items) cannot be read: {e}",
                path.display()
            )
        })?;
        Items::parse(&text)
            .map_err(|e| anyhow::anyhow!("{}: not a valid items file for the survey: {e}", path.display()))
    }

    /// Scores a response stored by item id; items it has no answer for count as skipped.
    pub fn score(&self, answers: &Answers) -> Score {
        let ordered: Vec<Option<Answer>> = self.items.iter().map(|i| answers.get(&i.id).copied()).collect();
        score(&self.items, &ordered)
    }
}

/// One response: the answer to each item by item id; skipped items are absent.
pub type Answers = BTreeMap<String, Answer>;

/// One answer to one statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// Yes.
    Yes,
    /// More or less.
    MoreOrLess,
    /// No.
    No,
}

/// Whether an answer counts as lonely for an item of this kind.
pub fn item_score(kind: Kind, answer: Answer) -> u8 {
    match (kind, answer) {
        (Kind::Emotional, Answer::Yes | Answer::MoreOrLess) => 1,
        (Kind::Social, Answer::No | Answer::MoreOrLess) => 1,
        _ => 0,
    }
}

/// How lonely a total score is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    /// 0–1.
    NotLonely,
    /// 2–4.
    Moderate,
    /// 5–6.
    Severe,
}

/// The scores of one response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Score {
    /// 0–3, none when an emotional item is missing.
    pub emotional: Option<u8>,
    /// 0–3, none when a social item is missing.
    pub social: Option<u8>,
    /// 0–6, none when more than one item is missing.
    pub total: Option<u8>,
}

impl Score {
    /// The band of the total.
    pub fn band(&self) -> Option<Band> {
        self.total.map(|t| match t {
            0..=1 => Band::NotLonely,
            2..=4 => Band::Moderate,
            _ => Band::Severe,
        })
    }
}

/// Scores a response: `answers` pairs each item with its answer, none when not answered.
pub fn score(items: &[Item], answers: &[Option<Answer>]) -> Score {
    let sub = |kind: Kind| -> Option<u8> {
        items
            .iter()
            .zip(answers)
            .filter(|(i, _)| i.kind == kind)
            .map(|(i, a)| a.map(|a| item_score(i.kind, a)))
            .sum()
    };
    let missing = answers.iter().filter(|a| a.is_none()).count() + items.len().saturating_sub(answers.len());
    let total = (missing <= 1).then(|| {
        items
            .iter()
            .zip(answers)
            .filter_map(|(i, a)| a.map(|a| item_score(i.kind, a)))
            .sum()
    });
    Score {
        emotional: sub(Kind::Emotional),
        social: sub(Kind::Social),
        total,
    }
}

/// The smallest number of responses a month must have before its figures are shown: the
/// website's own rule, so that the kiosk never exports a month the site would refuse.
pub const MIN_RESPONSES: usize = omtanke::content::evaluation::MIN_RESPONSES as usize;

/// The figures of one month, never of a single response.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Aggregate {
    /// Responses that month.
    pub responses: usize,
    /// Mean total over responses with a total.
    pub mean_total: Option<f64>,
    /// Mean emotional score.
    pub mean_emotional: Option<f64>,
    /// Mean social score.
    pub mean_social: Option<f64>,
    /// Responses per band: not lonely, moderately, severely.
    pub bands: [usize; 3],
}

/// Aggregates a month's scores, or nothing when there are too few to show without risk.
pub fn aggregate(scores: &[Score]) -> Option<Aggregate> {
    if scores.len() < MIN_RESPONSES {
        return None;
    }
    let mean = |f: &dyn Fn(&Score) -> Option<u8>| {
        let v: Vec<f64> = scores.iter().filter_map(f).map(f64::from).collect();
        (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
    };
    let mut bands = [0; 3];
    for b in scores.iter().filter_map(Score::band) {
        bands[match b {
            Band::NotLonely => 0,
            Band::Moderate => 1,
            Band::Severe => 2,
        }] += 1;
    }
    Some(Aggregate {
        responses: scores.len(),
        mean_total: mean(&|s| s.total),
        mean_emotional: mean(&|s| s.emotional),
        mean_social: mean(&|s| s.social),
        bands,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use Answer::*;

    fn items() -> Vec<Item> {
        Items::parse(DEFAULT_ITEMS).unwrap().items
    }

    // Item order in survey.toml: emotional, social, social, social, emotional, emotional.
    #[test]
    fn every_scoring_rule() {
        let items = items();
        assert!(
            !Items::parse(DEFAULT_ITEMS).unwrap().swedish_validated,
            "the Swedish wording is marked as a working translation"
        );
        // Emotional items: yes and more or less score 1, no scores 0.
        assert_eq!(item_score(Kind::Emotional, Yes), 1);
        assert_eq!(item_score(Kind::Emotional, MoreOrLess), 1);
        assert_eq!(item_score(Kind::Emotional, No), 0);
        // Social items: no and more or less score 1, yes scores 0.
        assert_eq!(item_score(Kind::Social, No), 1);
        assert_eq!(item_score(Kind::Social, MoreOrLess), 1);
        assert_eq!(item_score(Kind::Social, Yes), 0);

        let none = score(&items, &[Some(No), Some(Yes), Some(Yes), Some(Yes), Some(No), Some(No)]);
        assert_eq!(
            (none.emotional, none.social, none.total, none.band()),
            (Some(0), Some(0), Some(0), Some(Band::NotLonely))
        );
        let all = score(
            &items,
            &[Some(Yes), Some(No), Some(No), Some(No), Some(MoreOrLess), Some(Yes)],
        );
        assert_eq!(
            (all.emotional, all.social, all.total, all.band()),
            (Some(3), Some(3), Some(6), Some(Band::Severe))
        );
        let mid = score(
            &items,
            &[
                Some(MoreOrLess),
                Some(MoreOrLess),
                Some(Yes),
                Some(Yes),
                Some(No),
                Some(No),
            ],
        );
        assert_eq!(
            (mid.emotional, mid.social, mid.total, mid.band()),
            (Some(1), Some(1), Some(2), Some(Band::Moderate))
        );
        // Band edges.
        let one = score(
            &items,
            &[Some(Yes), Some(Yes), Some(Yes), Some(Yes), Some(No), Some(No)],
        );
        assert_eq!(one.band(), Some(Band::NotLonely));
        let four = score(&items, &[Some(Yes), Some(No), Some(No), Some(No), Some(No), Some(No)]);
        assert_eq!((four.total, four.band()), (Some(4), Some(Band::Moderate)));
        let five = score(&items, &[Some(Yes), Some(No), Some(No), Some(No), Some(Yes), Some(No)]);
        assert_eq!((five.total, five.band()), (Some(5), Some(Band::Severe)));
    }

    #[test]
    fn missing_answers() {
        let items = items();
        // One emotional item missing: the emotional subscale is missing, the total is not.
        let s = score(&items, &[None, Some(No), Some(No), Some(No), Some(Yes), Some(Yes)]);
        assert_eq!((s.emotional, s.social, s.total), (None, Some(3), Some(5)));
        // One social item missing.
        let s = score(&items, &[Some(Yes), None, Some(Yes), Some(Yes), Some(No), Some(No)]);
        assert_eq!((s.emotional, s.social, s.total), (Some(1), None, Some(1)));
        // Two missing: no total, and each subscale with a gap is missing.
        let s = score(&items, &[None, None, Some(Yes), Some(Yes), Some(No), Some(No)]);
        assert_eq!((s.emotional, s.social, s.total, s.band()), (None, None, None, None));
        let s = score(&items, &[Some(Yes), None, None, Some(Yes), Some(No), Some(No)]);
        assert_eq!((s.emotional, s.social, s.total), (Some(1), None, None));
        // Nothing answered.
        let s = score(&items, &[None; 6]);
        assert_eq!((s.emotional, s.social, s.total), (None, None, None));
    }

    #[test]
    fn months_with_fewer_than_ten_responses_are_not_shown() {
        let items = items();
        let lonely = score(&items, &[Some(Yes), Some(No), Some(No), Some(No), Some(Yes), Some(Yes)]);
        let not = score(&items, &[Some(No), Some(Yes), Some(Yes), Some(Yes), Some(No), Some(No)]);
        let nine = vec![lonely; 9];
        assert_eq!(aggregate(&nine), None);
        let mut ten = vec![not; 5];
        ten.extend(vec![lonely; 5]);
        let a = aggregate(&ten).unwrap();
        assert_eq!(a.responses, 10);
        assert_eq!(a.mean_total, Some(3.0));
        assert_eq!(a.bands, [5, 0, 5]);
    }

    #[test]
    fn the_items_file_is_checked() {
        assert!(Items::parse("swedish_validated = false\n").is_err());
        let broken = DEFAULT_ITEMS.replace("kind = \"social\"", "kind = \"emotional\"");
        assert!(
            Items::parse(&broken)
                .unwrap_err()
                .contains("the file has 6 emotional and 0 social")
        );
        let twice = DEFAULT_ITEMS.replace("id = \"rely\"", "id = \"trust\"");
        assert!(
            Items::parse(&twice)
                .unwrap_err()
                .contains("the id \"trust\" is used by two items")
        );
        let spaced = DEFAULT_ITEMS.replace("id = \"rely\"", "id = \"rely on\"");
        assert!(Items::parse(&spaced).unwrap_err().contains("\"rely on\""));
        let silent = DEFAULT_ITEMS.replace("sv = \"Jag känner mig ofta avvisad.\"", "sv = \" \"");
        assert!(
            Items::parse(&silent)
                .unwrap_err()
                .contains("\"rejected\" has no Swedish text")
        );
    }

    #[test]
    fn a_site_file_replaces_the_items_and_a_bad_one_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("survey.toml");
        std::fs::write(
            &good,
            DEFAULT_ITEMS.replace("swedish_validated = false", "swedish_validated = true"),
        )
        .unwrap();
        assert!(Items::load(Some(&good)).unwrap().swedish_validated);
        assert!(!Items::load(None).unwrap().swedish_validated);
        let bad = dir.path().join("fel.toml");
        std::fs::write(&bad, "swedish_validated = false\n[[item]]\nid = \"x\"\n").unwrap();
        let e = Items::load(Some(&bad)).unwrap_err().to_string();
        assert!(
            e.starts_with(&format!("{}: not a valid items file", bad.display())),
            "{e}"
        );
        let missing = dir.path().join("saknas.toml");
        let e = Items::load(Some(&missing)).unwrap_err().to_string();
        assert!(e.starts_with(&format!("{}: ", missing.display())), "{e}");
    }

    #[test]
    fn stored_answers_are_scored_by_item_id() {
        let items = Items::parse(DEFAULT_ITEMS).unwrap();
        // Emotional: emptiness, miss, rejected; social: rely, trust, close.
        let answers: Answers = [
            ("emptiness", Yes),
            ("miss", MoreOrLess),
            ("rejected", No),
            ("rely", No),
            ("trust", Yes),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        let s = items.score(&answers);
        assert_eq!((s.emotional, s.social, s.total), (Some(2), None, Some(3)));
    }
}
