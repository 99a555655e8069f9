//! What differs from an activity's usual schedule, as organizers really work: a pause
//! (`status = "paused"`, `paused_until`, a public `status_note`), single cancelled meetings
//! (`[[cancelled]]`) and meetings moved to another day or time (`[[moved]]`).
//!
//! Rules (`schedule.rs`) say when an activity usually meets; this module turns their dates into
//! the meetings visitors are told about. Cancelled and moved meetings stay visible (struck
//! through, or with where they went) so that someone who knows "Thursdays" is not surprised;
//! paused ones simply do not happen, and the page says why.

use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use toml::Spanned;
use toml::value::Datetime;

use super::dates::{opt_date, to_date};
use crate::diagnostics::{Diagnostic, Source, nearest};
use crate::schedule::{self, Occurrence, Rule};
use crate::toml_doc::Schema;

/// Whether an activity meets as its schedule says.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// It meets as scheduled.
    #[default]
    Active,
    /// It has a break: no meetings up to and including `until` (for now, without it).
    Paused {
        /// The last day of the break.
        until: Option<NaiveDate>,
    },
}

/// One meeting that does not take place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cancelled {
    /// The day it would have been.
    pub date: NaiveDate,
    /// Why, for visitors ("Ledaren är sjuk").
    pub reason: Option<String>,
}

/// One meeting held on another day or at another time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Moved {
    /// The day the schedule gives.
    pub from: NaiveDate,
    /// The day it is held instead (may be the same day, at other times).
    pub to: NaiveDate,
    /// New start, if the time changes too.
    pub start: Option<NaiveTime>,
    /// New end, if the time changes too.
    pub end: Option<NaiveTime>,
    /// Why, for visitors.
    pub reason: Option<String>,
}

/// Everything that differs from an activity's usual schedule.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Changes {
    /// Active or paused.
    pub status: Status,
    /// A public note on the status ("Uppehåll över sommaren").
    pub note: Option<String>,
    /// Single meetings that are cancelled, by date.
    pub cancelled: Vec<Cancelled>,
    /// Single meetings held elsewhen, by the date they leave.
    pub moved: Vec<Moved>,
    /// Where `paused_until` is written, for `check`'s reminder once the pause is over.
    #[serde(skip)]
    pub paused_until_span: Option<std::ops::Range<usize>>,
}

/// How one meeting differs from the schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// As scheduled.
    None,
    /// It does not take place.
    Cancelled {
        /// Why.
        reason: Option<String>,
    },
    /// It was moved away from this day and time; it takes place on `to`.
    MovedAway {
        /// Where it went.
        to: NaiveDate,
    },
    /// It takes place here instead of on `from`.
    MovedHere {
        /// Where it came from.
        from: NaiveDate,
        /// Why.
        reason: Option<String>,
    },
}

/// A meeting as visitors are told about it: the time, and how it differs from the schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    /// When (the new time for a moved meeting, the usual time otherwise).
    pub occurrence: Occurrence,
    /// How it differs.
    pub change: Change,
}

impl Cancelled {
    /// What this makes of the meeting.
    pub fn change(&self) -> Change {
        Change::Cancelled {
            reason: self.reason.clone(),
        }
    }
}

impl Moved {
    /// What this makes of the meeting on the day it is moved to.
    pub fn arrival(&self) -> Change {
        Change::MovedHere {
            from: self.from,
            reason: self.reason.clone(),
        }
    }
}

impl Meeting {
    /// Whether people can come: as scheduled, or moved here.
    pub fn takes_place(&self) -> bool {
        matches!(self.change, Change::None | Change::MovedHere { .. })
    }
}

impl Changes {
    /// Whether the schedule's meeting on `date` falls in the break.
    pub fn paused_on(&self, date: NaiveDate) -> bool {
        match self.status {
            Status::Active => false,
            Status::Paused { until } => until.is_none_or(|u| date <= u),
        }
    }

    /// Whether the activity is on a break on `today` (a break that has ended does not count).
    pub fn is_paused(&self, today: NaiveDate) -> bool {
        self.paused_on(today)
    }

    /// The meetings from `from` to `to` (both inclusive), by start time, given the schedule's
    /// `rules` in the zone `tz`. Meetings in the break are left out; cancelled and moved ones are
    /// kept with their change, so visitors see what happened to them.
    pub fn meetings(&self, rules: &[Rule], tz: Tz, from: NaiveDate, to: NaiveDate) -> Vec<Meeting> {
        let mut usual: Vec<Occurrence> = rules.iter().flat_map(|r| r.occurrences(tz, from, to)).collect();
        usual.sort_by_key(|o| o.start);
        usual.dedup_by_key(|o| o.start);
        let mut out: Vec<Meeting> = usual
            .into_iter()
            .filter(|o| !self.paused_on(o.date))
            .map(|o| {
                let change = if let Some(c) = self.cancelled.iter().find(|c| c.date == o.date) {
                    c.change()
                } else if let Some(m) = self.moved.iter().find(|m| m.from == o.date) {
                    Change::MovedAway { to: m.to }
                } else {
                    Change::None
                };
                Meeting { occurrence: o, change }
            })
            .collect();
        for m in self.moved.iter().filter(|m| m.to >= from && m.to <= to) {
            // The rule that gives the day it leaves lends its times, unless new ones are given.
            let Some(rule) = rules.iter().find(|r| !r.dates(m.from, m.from).is_empty()) else {
                continue;
            };
            let (start, end) = (m.start.unwrap_or(rule.start), m.end.unwrap_or(rule.end));
            out.push(Meeting {
                occurrence: Occurrence {
                    date: m.to,
                    start: schedule::local(tz, m.to, start),
                    end: schedule::local(tz, m.to, end),
                },
                change: m.arrival(),
            });
        }
        // On one day a moved meeting's old slot comes before the new one at the same time.
        out.sort_by_key(|m| (m.occurrence.start, matches!(m.change, Change::MovedHere { .. })));
        out
    }
}

#[derive(Deserialize)]
pub(super) struct RawCancelled {
    date: Option<Spanned<Datetime>>,
    reason: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct RawMoved {
    from: Option<Spanned<Datetime>>,
    to: Option<Spanned<Datetime>>,
    start: Option<Spanned<String>>,
    end: Option<Spanned<String>>,
    reason: Option<String>,
}

/// The keys of one `[[cancelled]]`.
pub(super) const CANCELLED: Schema = Schema {
    keys: &["date", "reason"],
    nested: &[],
};
/// The keys of one `[[moved]]`.
pub(super) const MOVED: Schema = Schema {
    keys: &["from", "to", "start", "end", "reason"],
    nested: &[],
};

/// The status, the pause and the exceptions as written in an activity's file.
pub(super) struct RawChanges<'a> {
    pub status: &'a Option<Spanned<String>>,
    pub paused_until: &'a Option<Spanned<Datetime>>,
    pub status_note: &'a Option<String>,
    pub cancelled: &'a [Spanned<RawCancelled>],
    pub moved: &'a [Spanned<RawMoved>],
}

const STATUSES: [&str; 2] = ["active", "paused"];

/// Reads the changes, checking each against the schedule `rules`: a cancelled or moved day must
/// be one the schedule gives, and no day may be both.
pub(super) fn parse(src: &Source, raw: RawChanges, rules: &[Rule], diags: &mut Vec<Diagnostic>) -> Changes {
    let paused_until = opt_date(src, raw.paused_until, "paused_until", diags);
    let status = match raw.status {
        None => Status::Active,
        Some(s) => match s.get_ref().trim() {
            "active" => Status::Active,
            "paused" => Status::Paused { until: paused_until },
            other => {
                let help = match nearest(other, STATUSES.iter().copied()) {
                    Some(near) => crate::msg!("changes-status-did-you-mean", status = near),
                    None => crate::msg!("changes-status-help"),
                };
                diags.push(
                    Diagnostic::error(
                        src,
                        Some(s.span()),
                        crate::msg!("changes-unknown-status", status = other),
                    )
                    .help(help),
                );
                Status::Active
            }
        },
    };
    if let (Some(span), Status::Active) = (raw.paused_until.as_ref().map(Spanned::span), &status) {
        diags.push(
            Diagnostic::error(src, Some(span), crate::msg!("changes-until-without-pause"))
                .help(crate::msg!("changes-until-without-pause-help")),
        );
    }
    // Where a day is named, to report a second use of it.
    let mut days: Vec<NaiveDate> = vec![];
    let scheduled = |date: NaiveDate| rules.iter().any(|r| !r.dates(date, date).is_empty());
    let mut meeting_day =
        |value: &Option<Spanned<Datetime>>, key: &str, whole: std::ops::Range<usize>, diags: &mut Vec<Diagnostic>| {
            let Some(value) = value else {
                diags.push(
                    Diagnostic::error(src, Some(whole), crate::msg!("changes-no-date", key = key))
                        .help(crate::msg!("changes-no-date-help", key = key)),
                );
                return None;
            };
            let date = to_date(src, value, key).map_err(|d| diags.push(d)).ok()?;
            if !rules.is_empty() && !scheduled(date) {
                diags.push(
                    Diagnostic::error(
                        src,
                        Some(value.span()),
                        crate::msg!("changes-not-a-meeting", date = date.to_string()),
                    )
                    .help(crate::msg!("changes-not-a-meeting-help")),
                );
                return None;
            }
            if days.contains(&date) {
                diags.push(
                    Diagnostic::error(
                        src,
                        Some(value.span()),
                        crate::msg!("changes-day-twice", date = date.to_string()),
                    )
                    .help(crate::msg!("changes-day-twice-help")),
                );
                return None;
            }
            days.push(date);
            Some(date)
        };
    let cancelled = raw
        .cancelled
        .iter()
        .filter_map(|c| {
            let date = meeting_day(&c.get_ref().date, "date", c.span(), diags)?;
            Some(Cancelled {
                date,
                reason: text(&c.get_ref().reason),
            })
        })
        .collect();
    let moved = raw
        .moved
        .iter()
        .filter_map(|m| {
            let (span, m) = (m.span(), m.get_ref());
            let from = meeting_day(&m.from, "from", span.clone(), diags);
            let to = match &m.to {
                Some(to) => to_date(src, to, "to").map_err(|d| diags.push(d)).ok(),
                None => {
                    diags.push(
                        Diagnostic::error(src, Some(span.clone()), crate::msg!("changes-no-date", key = "to"))
                            .help(crate::msg!("changes-no-date-help", key = "to")),
                    );
                    None
                }
            };
            let time = |t: &Option<Spanned<String>>, diags: &mut Vec<Diagnostic>| match t {
                None => Ok(None),
                Some(t) => super::dates::time_of_day(src, t, diags).map(Some).ok_or(()),
            };
            let (start, end) = (time(&m.start, diags).ok()?, time(&m.end, diags).ok()?);
            if start.is_some() != end.is_some() {
                diags.push(
                    Diagnostic::error(src, Some(span), crate::msg!("changes-moved-one-time"))
                        .help(crate::msg!("changes-moved-one-time-help")),
                );
                return None;
            }
            if let (Some(s), Some(e), Some(end_span)) = (start, end, m.end.as_ref().map(Spanned::span))
                && !super::dates::ends_after_start(src, s, e, end_span, diags)
            {
                return None;
            }
            if let (Some(f), Some(t), None, Some(to_span)) = (from, to, start, m.to.as_ref().map(Spanned::span))
                && f == t
            {
                diags.push(
                    Diagnostic::error(src, Some(to_span), crate::msg!("changes-moved-nowhere"))
                        .help(crate::msg!("changes-moved-nowhere-help")),
                );
                return None;
            }
            Some(Moved {
                from: from?,
                to: to?,
                start,
                end,
                reason: text(&m.reason),
            })
        })
        .collect();
    Changes {
        status,
        note: text(raw.status_note),
        cancelled,
        moved,
        paused_until_span: raw.paused_until.as_ref().map(Spanned::span),
    }
}

fn text(value: &Option<String>) -> Option<String> {
    value.as_ref().map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Timelike, Weekday};
    use schedule::{Repeat, parse_time};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn thursdays() -> Vec<Rule> {
        vec![Rule {
            repeat: Repeat::Weekly(vec![Weekday::Thu]),
            start: parse_time("12:00").unwrap(),
            end: parse_time("19:00").unwrap(),
            from: None,
            until: None,
            except: vec![],
        }]
    }

    #[test]
    fn cancelled_and_moved_meetings_keep_their_place_and_moved_ones_appear_where_they_went() {
        let tz = chrono_tz::Europe::Stockholm;
        let changes = Changes {
            cancelled: vec![Cancelled {
                date: d("2026-12-10"),
                reason: Some("Ledaren är sjuk".into()),
            }],
            moved: vec![Moved {
                from: d("2026-12-24"),
                to: d("2026-12-23"),
                start: parse_time("10:00"),
                end: parse_time("13:00"),
                reason: None,
            }],
            ..Changes::default()
        };
        let all = changes.meetings(&thursdays(), tz, d("2026-12-07"), d("2026-12-31"));
        let days: Vec<String> = all.iter().map(|m| m.occurrence.date.to_string()).collect();
        assert_eq!(
            days,
            ["2026-12-10", "2026-12-17", "2026-12-23", "2026-12-24", "2026-12-31"]
        );
        assert!(matches!(all[0].change, Change::Cancelled { reason: Some(ref r) } if r == "Ledaren är sjuk"));
        assert_eq!(
            all[2].change,
            Change::MovedHere {
                from: d("2026-12-24"),
                reason: None
            }
        );
        assert_eq!(all[2].occurrence.start.hour(), 10);
        assert_eq!(all[3].change, Change::MovedAway { to: d("2026-12-23") });
        let happening: Vec<_> = all.iter().filter(|m| m.takes_place()).collect();
        assert_eq!(happening.len(), 3);
        // A moved meeting shows where it went even when the day it left is outside the window.
        let only_23 = changes.meetings(&thursdays(), tz, d("2026-12-23"), d("2026-12-23"));
        assert_eq!(only_23.len(), 1);
    }

    #[test]
    fn a_pause_hides_meetings_up_to_its_last_day_or_for_good() {
        let tz = chrono_tz::Europe::Stockholm;
        let mut changes = Changes {
            status: Status::Paused {
                until: Some(d("2026-12-17")),
            },
            ..Changes::default()
        };
        let days = |c: &Changes| -> Vec<String> {
            c.meetings(&thursdays(), tz, d("2026-12-07"), d("2026-12-31"))
                .iter()
                .map(|m| m.occurrence.date.to_string())
                .collect()
        };
        assert_eq!(days(&changes), ["2026-12-24", "2026-12-31"]);
        assert!(changes.is_paused(d("2026-12-17")));
        assert!(!changes.is_paused(d("2026-12-18")));
        changes.status = Status::Paused { until: None };
        assert!(days(&changes).is_empty());
    }

    fn load(text: &str) -> (Changes, String) {
        #[derive(Deserialize)]
        struct Raw {
            status: Option<Spanned<String>>,
            paused_until: Option<Spanned<Datetime>>,
            status_note: Option<String>,
            #[serde(default)]
            cancelled: Vec<Spanned<RawCancelled>>,
            #[serde(default)]
            moved: Vec<Spanned<RawMoved>>,
        }
        let src = Source::new("a.toml", text);
        let raw: Raw = toml::from_str(text).unwrap();
        let mut diags = vec![];
        let changes = parse(
            &src,
            RawChanges {
                status: &raw.status,
                paused_until: &raw.paused_until,
                status_note: &raw.status_note,
                cancelled: &raw.cancelled,
                moved: &raw.moved,
            },
            &thursdays(),
            &mut diags,
        );
        (
            changes,
            diags.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n"),
        )
    }

    #[test]
    fn mistakes_are_named_where_they_are_written() {
        let (_, all) = load(
            "status = \"pausad\"\npaused_until = 2027-01-07\n[[cancelled]]\ndate = 2026-12-09\n[[cancelled]]\ndate = 2026-12-10\n[[moved]]\nfrom = 2026-12-10\nto = 2026-12-11\n[[moved]]\nfrom = 2026-12-17\nto = 2026-12-18\nstart = \"10:00\"\n",
        );
        assert!(all.contains("a.toml:1:10: error: unknown status \"pausad\""), "{all}");
        assert!(all.contains("did you mean \"paused\""), "{all}");
        assert!(
            all.contains("a.toml:2:16: error: `paused_until` without status = \"paused\""),
            "{all}"
        );
        assert!(
            all.contains("a.toml:4:8: error: 2026-12-09 is not a day this activity meets"),
            "{all}"
        );
        assert!(
            all.contains("a.toml:8:8: error: 2026-12-10 is cancelled or moved twice"),
            "{all}"
        );
        assert!(
            all.contains("a.toml:10:1: error: a moved meeting needs both `start` and `end`"),
            "{all}"
        );
    }

    #[test]
    fn a_good_pause_and_notes_load() {
        let (c, all) = load(
            "status = \"paused\"\npaused_until = 2027-01-07\nstatus_note = \"Uppehåll över jul\"\n[[cancelled]]\ndate = 2026-12-10\nreason = \" Ledaren är sjuk \"\n[[moved]]\nfrom = 2026-12-24\nto = 2026-12-23\n",
        );
        assert!(all.is_empty(), "{all}");
        assert_eq!(
            c.status,
            Status::Paused {
                until: Some(d("2027-01-07"))
            }
        );
        assert_eq!(c.note.as_deref(), Some("Uppehåll över jul"));
        assert_eq!(c.cancelled[0].reason.as_deref(), Some("Ledaren är sjuk"));
        assert_eq!(c.moved[0].to, d("2026-12-23"));
    }
}
