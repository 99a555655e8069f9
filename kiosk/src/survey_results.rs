//! The survey's results as staff and the website see them: one line of aggregates per month,
//! and the CSV file the generator reads from `content/data/utvardering/*.csv`
//! (`src/content/evaluation.rs`). Months with fewer than [`MIN_RESPONSES`] responses carry no
//! figures at all, and neither does the month still going on: figures that change with each
//! response would let anyone who watches them before and after a visitor answers work out that
//! visitor's answers.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::survey::{Aggregate, Answers, Items, MIN_RESPONSES, aggregate};

/// The header the website expects, in its order.
pub const CSV_HEADER: &str = omtanke::content::evaluation::HEADER;

/// One month of responses.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthResult {
    /// `2026-11`.
    pub month: String,
    /// The figures, or none when the month has fewer than [`MIN_RESPONSES`] responses or is
    /// still going on.
    pub figures: Option<Aggregate>,
    /// Whether the month has not ended yet.
    pub ongoing: bool,
}

/// Scores every response and aggregates each month that has ended before `current` (`2026-11`,
/// in the site's time zone), oldest month first.
pub fn monthly(items: &Items, by_month: &BTreeMap<String, Vec<Answers>>, current: &str) -> Vec<MonthResult> {
    by_month
        .iter()
        .map(|(month, responses)| {
            let ongoing = month.as_str() >= current;
            let scores: Vec<_> = responses.iter().map(|a| items.score(a)).collect();
            MonthResult {
                month: month.clone(),
                figures: if ongoing { None } else { aggregate(&scores) },
                ongoing,
            }
        })
        .collect()
}

/// A mean to one decimal with a decimal point, as the website reads it and shows it (one
/// decimal, so the site shows exactly the figure in the file).
pub fn one_decimal(mean: f64) -> String {
    format!("{:.1}", (mean * 10.0).round() / 10.0)
}

/// The months that can be published, as the website's CSV. Months under [`MIN_RESPONSES`]
/// are left out. So is a month in which no response has a score for one of the means (every
/// response skipped an item of that kind): the file has no way to say "no mean", and a made-up
/// zero would be read as "not lonely".
pub fn csv(months: &[MonthResult]) -> String {
    let mut out = format!("{CSV_HEADER}\n");
    for m in months {
        let Some(f) = &m.figures else { continue };
        let (Some(total), Some(emotional), Some(social)) = (f.mean_total, f.mean_emotional, f.mean_social) else {
            continue;
        };
        debug_assert!(f.responses >= MIN_RESPONSES);
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{}\n",
            m.month,
            f.responses,
            one_decimal(total),
            one_decimal(emotional),
            one_decimal(social),
            f.bands[0],
            f.bands[1],
            f.bands[2]
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::{Answer, DEFAULT_ITEMS};

    fn response(pairs: &[(&str, Answer)]) -> Answers {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    #[test]
    fn small_months_have_no_figures_and_stay_out_of_the_csv() {
        use Answer::*;
        let items = Items::parse(DEFAULT_ITEMS).unwrap();
        // Total 6: lonely on every item.
        let lonely = response(&[
            ("emptiness", Yes),
            ("rely", No),
            ("trust", No),
            ("close", No),
            ("miss", Yes),
            ("rejected", Yes),
        ]);
        // Total 1 (emotional 1, social 0).
        let not = response(&[
            ("emptiness", MoreOrLess),
            ("rely", Yes),
            ("trust", Yes),
            ("close", Yes),
            ("miss", No),
            ("rejected", No),
        ]);
        let mut by_month = BTreeMap::new();
        by_month.insert("2026-09".to_string(), vec![lonely.clone(); 9]);
        let mut october = vec![not.clone(); 7];
        october.extend(vec![lonely.clone(); 3]);
        by_month.insert("2026-10".to_string(), october);
        // Everyone skipped "rely": no social mean, so the month cannot be published.
        let mut no_social = not.clone();
        no_social.remove("rely");
        by_month.insert("2026-11".to_string(), vec![no_social; 12]);

        by_month.insert("2026-12".to_string(), vec![not.clone(); 15]);

        let months = monthly(&items, &by_month, "2026-12");
        assert_eq!(months.len(), 4);
        assert!(
            months[3].ongoing && months[3].figures.is_none(),
            "the month going on is not shown"
        );
        assert!(!months[1].ongoing);
        assert_eq!(months[0].figures, None, "nine responses are not shown");
        let oct = months[1].figures.as_ref().unwrap();
        assert_eq!((oct.responses, oct.bands), (10, [7, 0, 3]));
        // (7 × 1 + 3 × 6) / 10 = 2.5; emotional (7 × 1 + 3 × 3) / 10 = 1.6; social 0.9.
        assert_eq!(csv(&months), format!("{CSV_HEADER}\n2026-10,10,2.5,1.6,0.9,7,0,3\n"));
    }

    #[test]
    fn means_have_one_decimal_and_a_point() {
        assert_eq!(one_decimal(2.0), "2.0");
        assert_eq!(one_decimal(2.75), "2.8");
        assert_eq!(one_decimal(1.0 / 3.0), "0.3");
        assert_eq!(one_decimal(29.0 / 11.0), "2.6");
    }
}
