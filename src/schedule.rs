//! Schedule rules and the occurrences they produce, in the site's local time.
//!
//! Rules are written in wall-clock time ("Thursdays 12:00–19:00"), so every occurrence is computed
//! from a local date and time through the time-zone database: a weekly activity stays at 12:00 on
//! both sides of a daylight-saving change. This module is pure; it knows nothing about files.

use chrono::{DateTime, Datelike, Days, LocalResult, NaiveDate, NaiveTime, TimeZone, Weekday};
use chrono_tz::Tz;

/// How often a rule repeats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Repeat {
    /// Every week on these days.
    Weekly(Vec<Weekday>),
    /// Once a month on the nth (or last) given weekday.
    Monthly {
        /// Which one of the month's weekdays.
        nth: Nth,
        /// The weekday.
        weekday: Weekday,
    },
    /// On these dates only.
    Dates(Vec<NaiveDate>),
}

/// The position of a weekday within a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nth {
    /// The 1st to 4th such weekday.
    Number(u8),
    /// The last such weekday.
    Last,
}

/// One `[[schedule]]` entry: when an activity happens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// The repetition.
    pub repeat: Repeat,
    /// Local start time.
    pub start: NaiveTime,
    /// Local end time (after `start`, same day).
    pub end: NaiveTime,
    /// First possible date.
    pub from: Option<NaiveDate>,
    /// Last possible date.
    pub until: Option<NaiveDate>,
    /// Dates that are skipped.
    pub except: Vec<NaiveDate>,
}

/// One concrete time an activity takes place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// Local date.
    pub date: NaiveDate,
    /// Start, with the offset in force that day.
    pub start: DateTime<Tz>,
    /// End, with the offset in force that day.
    pub end: DateTime<Tz>,
}

impl Rule {
    /// Whether the rule can produce a date.
    fn matches(&self, date: NaiveDate) -> bool {
        if self.from.is_some_and(|f| date < f) || self.until.is_some_and(|u| date > u) {
            return false;
        }
        if self.except.contains(&date) {
            return false;
        }
        match &self.repeat {
            Repeat::Weekly(days) => days.contains(&date.weekday()),
            Repeat::Monthly { nth, weekday } => {
                date.weekday() == *weekday
                    && match nth {
                        Nth::Number(n) => (date.day0() / 7) as u8 + 1 == *n,
                        Nth::Last => date
                            .checked_add_days(Days::new(7))
                            .is_none_or(|d| d.month() != date.month()),
                    }
            }
            Repeat::Dates(dates) => dates.contains(&date),
        }
    }

    /// The local dates of this rule between `from` and `to`, both inclusive, in order.
    pub fn dates(&self, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
        if let Repeat::Dates(dates) = &self.repeat {
            let mut out: Vec<_> = dates
                .iter()
                .copied()
                .filter(|d| *d >= from && *d <= to && self.matches(*d))
                .collect();
            out.sort();
            out.dedup();
            return out;
        }
        let from = self.from.map_or(from, |f| f.max(from));
        let to = self.until.map_or(to, |u| u.min(to));
        from.iter_days()
            .take_while(|d| *d <= to)
            .filter(|d| self.matches(*d))
            .collect()
    }

    /// Occurrences between two local dates (inclusive), as zoned times.
    pub fn occurrences(&self, tz: Tz, from: NaiveDate, to: NaiveDate) -> Vec<Occurrence> {
        self.dates(from, to)
            .into_iter()
            .map(|date| Occurrence {
                date,
                start: local(tz, date, self.start),
                end: local(tz, date, self.end),
            })
            .collect()
    }

    /// Whether the rule can still produce an occurrence on or after `today`.
    pub fn is_ongoing(&self, today: NaiveDate) -> bool {
        match &self.repeat {
            Repeat::Dates(_) => !self.dates(today, NaiveDate::MAX).is_empty(),
            // A weekly or monthly rule without an end goes on for ever; one with an end is
            // finished once the end has passed or no date of it is left before the end.
            _ => match self.until {
                None => true,
                Some(until) => until >= today && !self.dates(today, until).is_empty(),
            },
        }
    }
}

/// A local wall-clock time on a date, resolved in the zone. In the autumn's repeated hour the
/// earlier instant is used; a time that does not exist (the spring gap) moves forward by the gap.
pub fn local(tz: Tz, date: NaiveDate, time: NaiveTime) -> DateTime<Tz> {
    let naive = date.and_time(time);
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(t) => t,
        LocalResult::Ambiguous(earlier, _) => earlier,
        LocalResult::None => {
            let later = naive + chrono::Duration::hours(1);
            tz.from_local_datetime(&later)
                .earliest()
                .unwrap_or_else(|| tz.from_utc_datetime(&naive))
        }
    }
}

/// Parses a weekday as written in schedules: `mon` … `sun` (full English names are accepted too).
pub fn parse_weekday(s: &str) -> Option<Weekday> {
    let s = s.trim().to_ascii_lowercase();
    let day = match s.get(..3)? {
        "mon" => Weekday::Mon,
        "tue" => Weekday::Tue,
        "wed" => Weekday::Wed,
        "thu" => Weekday::Thu,
        "fri" => Weekday::Fri,
        "sat" => Weekday::Sat,
        "sun" => Weekday::Sun,
        _ => return None,
    };
    let full = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    (s.len() == 3 || full.contains(&s.as_str())).then_some(day)
}

/// Parses a monthly rule such as `first tue` or `last fri`.
pub fn parse_monthly(s: &str) -> Option<(Nth, Weekday)> {
    let mut words = s.split_whitespace();
    let nth = match words.next()?.to_ascii_lowercase().as_str() {
        "first" => Nth::Number(1),
        "second" => Nth::Number(2),
        "third" => Nth::Number(3),
        "fourth" => Nth::Number(4),
        "last" => Nth::Last,
        _ => return None,
    };
    let weekday = parse_weekday(words.next()?)?;
    words.next().is_none().then_some((nth, weekday))
}

/// Parses a time of day written `HH:MM` (or the Swedish `HH.MM`), 24-hour clock.
pub fn parse_time(s: &str) -> Option<NaiveTime> {
    let (h, m) = s.trim().split_once([':', '.'])?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

/// How many weeks ahead listings, the calendar and feeds look.
pub const WEEKS_AHEAD: u64 = 8;

/// The last day listings and the calendar look at: [`WEEKS_AHEAD`] weeks from `today`.
pub fn horizon(today: NaiveDate) -> NaiveDate {
    today + chrono::Days::new(WEEKS_AHEAD * 7 - 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Timelike;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn weekly(days: &[Weekday]) -> Rule {
        Rule {
            repeat: Repeat::Weekly(days.to_vec()),
            start: parse_time("12:00").unwrap(),
            end: parse_time("19:00").unwrap(),
            from: None,
            until: None,
            except: vec![],
        }
    }

    #[test]
    fn weekly_keeps_local_time_across_dst() {
        let tz: Tz = "Europe/Stockholm".parse().unwrap();
        let rule = weekly(&[Weekday::Sun]);
        let occ = rule.occurrences(tz, d("2026-03-22"), d("2026-04-05"));
        assert_eq!(occ.len(), 3);
        for o in &occ {
            assert_eq!(o.start.hour(), 12);
        }
        assert_eq!(occ[0].start.to_rfc3339(), "2026-03-22T12:00:00+01:00");
        assert_eq!(occ[1].start.to_rfc3339(), "2026-03-29T12:00:00+02:00");
        let autumn = rule.occurrences(tz, d("2026-10-18"), d("2026-11-01"));
        assert_eq!(autumn[1].start.to_rfc3339(), "2026-10-25T12:00:00+01:00");
        assert_eq!(autumn[0].start.to_rfc3339(), "2026-10-18T12:00:00+02:00");
    }

    #[test]
    fn gap_and_overlap_resolve() {
        let tz: Tz = "Europe/Stockholm".parse().unwrap();
        let t = local(tz, d("2026-03-29"), parse_time("02:30").unwrap());
        assert_eq!(t.to_rfc3339(), "2026-03-29T03:30:00+02:00");
        let t = local(tz, d("2026-10-25"), parse_time("02:30").unwrap());
        assert_eq!(t.to_rfc3339(), "2026-10-25T02:30:00+02:00");
    }

    #[test]
    fn monthly_last_and_first() {
        let (nth, wd) = parse_monthly("last fri").unwrap();
        let rule = Rule {
            repeat: Repeat::Monthly { nth, weekday: wd },
            ..weekly(&[])
        };
        assert_eq!(
            rule.dates(d("2026-01-01"), d("2026-04-30")),
            vec![d("2026-01-30"), d("2026-02-27"), d("2026-03-27"), d("2026-04-24")]
        );
        let (nth, wd) = parse_monthly("first tue").unwrap();
        let rule = Rule {
            repeat: Repeat::Monthly { nth, weekday: wd },
            ..weekly(&[])
        };
        assert_eq!(
            rule.dates(d("2026-12-01"), d("2027-01-31")),
            vec![d("2026-12-01"), d("2027-01-05")]
        );
    }

    #[test]
    fn bounds_and_exceptions() {
        let mut rule = weekly(&[Weekday::Thu]);
        rule.from = Some(d("2026-12-01"));
        rule.until = Some(d("2026-12-31"));
        rule.except = vec![d("2026-12-24")];
        assert_eq!(
            rule.dates(d("2026-11-01"), d("2027-02-01")),
            vec![d("2026-12-03"), d("2026-12-10"), d("2026-12-17"), d("2026-12-31")]
        );
        assert!(rule.is_ongoing(d("2026-12-31")));
        assert!(!rule.is_ongoing(d("2027-01-01")));
    }

    #[test]
    fn dates_rule_is_sorted_and_ends() {
        let rule = Rule {
            repeat: Repeat::Dates(vec![d("2026-12-12"), d("2026-12-05")]),
            ..weekly(&[])
        };
        assert_eq!(
            rule.dates(d("2026-01-01"), d("2027-01-01")),
            vec![d("2026-12-05"), d("2026-12-12")]
        );
        assert!(rule.is_ongoing(d("2026-12-12")));
        assert!(!rule.is_ongoing(d("2026-12-13")));
    }

    #[test]
    fn parsing() {
        assert_eq!(parse_time("09:30"), NaiveTime::from_hms_opt(9, 30, 0));
        assert_eq!(parse_time("9.30"), NaiveTime::from_hms_opt(9, 30, 0));
        assert_eq!(parse_time("25:00"), None);
        assert_eq!(parse_time("12:60"), None);
        assert_eq!(parse_time("noon"), None);
        assert_eq!(parse_weekday("thu"), Some(Weekday::Thu));
        assert_eq!(parse_weekday("Thursday"), Some(Weekday::Thu));
        assert_eq!(parse_weekday("thx"), None);
        assert_eq!(parse_monthly("fifth mon"), None);
        assert_eq!(parse_monthly("last fri extra"), None);
    }
}
