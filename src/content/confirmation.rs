//! How recently staff confirmed a listing's facts with its organizer (`checked = …` in an
//! activity's or a place's file), against the site's `recheck_after_days`: what the pages,
//! `check` and `omtanke recheck` all go by.

use chrono::{Days, NaiveDate};

use super::{Activity, Site};
use crate::config::WhenUnchecked;

/// How many days before a `checked` date runs out a listing is due: `check` warns and
/// `omtanke recheck` lists it.
pub const WARN_DAYS_BEFORE: u64 = 30;

/// How recently a listing's facts were confirmed, as of the site's today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirmation {
    /// Confirmed on the first day, within the site's limit; due again on the second.
    Recent(NaiveDate, NaiveDate),
    /// Confirmed on the first day, longer ago than the limit, which ran out on the second.
    Old(NaiveDate, NaiveDate),
    /// Never confirmed (no `checked`): treated as old, since nobody can say it is true.
    Never,
}

impl Confirmation {
    /// How recent a `checked` date is on `today`, when facts must be confirmed again every
    /// `recheck_after_days` days.
    pub fn of(checked: Option<NaiveDate>, today: NaiveDate, recheck_after_days: u32) -> Confirmation {
        match checked {
            None => Confirmation::Never,
            Some(on) => {
                let due = on + Days::new(u64::from(recheck_after_days));
                if due < today {
                    Confirmation::Old(on, due)
                } else {
                    Confirmation::Recent(on, due)
                }
            }
        }
    }

    /// Confirmed within the limit: the pages need not tell visitors to ask first.
    pub fn is_recent(&self) -> bool {
        matches!(self, Confirmation::Recent(..))
    }

    /// Confirmed within the limit, but due within [`WARN_DAYS_BEFORE`] days of `today`.
    pub fn is_due_soon(&self, today: NaiveDate) -> bool {
        matches!(self, Confirmation::Recent(_, due) if today + Days::new(WARN_DAYS_BEFORE) >= *due)
    }
}

impl Site {
    /// How recently a listing with this `checked` date was confirmed, on the site's today and by
    /// its `recheck_after_days`.
    pub fn confirmation(&self, checked: Option<NaiveDate>) -> Confirmation {
        Confirmation::of(checked, self.today, self.config.recheck_after_days)
    }

    /// Whether an activity's facts have gone unconfirmed longer than the site allows (or were
    /// never confirmed): its page, calendar and programme entries tell visitors to ask first.
    pub fn is_unconfirmed(&self, a: &Activity) -> bool {
        !self.confirmation(a.checked).is_recent()
    }

    /// Whether an activity is left out of every listing, filter, feed, search and calendar:
    /// with `when_unchecked = "hide"`, one whose facts are unconfirmed. Its page stays.
    pub fn is_hidden(&self, a: &Activity) -> bool {
        self.config.when_unchecked == WhenUnchecked::Hide && self.is_unconfirmed(a)
    }

    /// The activities that listings show: all of them but the hidden ones, by title.
    pub fn listed(&self) -> impl Iterator<Item = &Activity> {
        self.activities.iter().filter(|a| !self.is_hidden(a))
    }

    /// The listed activities that have not ended: what "what's on" lists, filters and feeds show.
    pub fn coming(&self) -> impl Iterator<Item = &Activity> {
        self.listed().filter(|a| !a.is_ended(self.today))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_date_is_recent_then_due_soon_then_old() {
        let of = |today| Confirmation::of(Some(d("2026-01-01")), d(today), 180);
        assert_eq!(of("2026-05-01"), Confirmation::Recent(d("2026-01-01"), d("2026-06-30")));
        assert!(!of("2026-05-01").is_due_soon(d("2026-05-01")));
        assert!(of("2026-06-01").is_due_soon(d("2026-06-01")));
        assert!(of("2026-06-30").is_recent(), "the last day still counts");
        assert_eq!(of("2026-07-01"), Confirmation::Old(d("2026-01-01"), d("2026-06-30")));
        assert!(!Confirmation::of(None, d("2026-07-01"), 180).is_recent());
    }
}
