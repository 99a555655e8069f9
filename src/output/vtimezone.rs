//! A VTIMEZONE component for a zone of the time-zone database, so calendar clients that do not
//! know the zone by name still place every occurrence right.

use chrono::{Duration, NaiveDate, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, Tz};

/// One change of offset.
struct Transition {
    /// Local wall-clock time just before the change, in the old offset (as RFC 5545 wants).
    local: chrono::NaiveDateTime,
    from: i32,
    to: i32,
    daylight: bool,
}

/// The VTIMEZONE of `tz` with every change of offset from `first_year` to `last_year`, as
/// iCalendar text with CRLF line ends (icalendar-rs has no builder for time-zone components).
pub(super) fn text(tz: Tz, first_year: i32, last_year: i32) -> String {
    vtimezone_text(tz, first_year, last_year)
}

fn offset_seconds(tz: Tz, t: chrono::DateTime<Utc>) -> (i32, bool) {
    let o = tz.offset_from_utc_datetime(&t.naive_utc());
    (o.fix().local_minus_utc(), !o.dst_offset().is_zero())
}

fn transitions(tz: Tz, first_year: i32, last_year: i32) -> Vec<Transition> {
    let mut out = vec![];
    let start = NaiveDate::from_ymd_opt(first_year, 1, 1)
        .expect("valid")
        .and_hms_opt(0, 0, 0)
        .expect("valid");
    let end = NaiveDate::from_ymd_opt(last_year, 12, 31)
        .expect("valid")
        .and_hms_opt(0, 0, 0)
        .expect("valid");
    let mut t = Utc.from_utc_datetime(&start);
    let end = Utc.from_utc_datetime(&end);
    let mut current = offset_seconds(tz, t);
    while t < end {
        let next = t + Duration::days(1);
        let later = offset_seconds(tz, next);
        if later != current {
            // Narrow the change down to the minute.
            let (mut lo, mut hi) = (t, next);
            while hi - lo > Duration::minutes(1) {
                let mid = lo + (hi - lo) / 2;
                if offset_seconds(tz, mid) == current {
                    lo = mid
                } else {
                    hi = mid
                }
            }
            // Changes happen on whole minutes; `hi` is within a minute after the change.
            let hi = Utc
                .timestamp_opt(hi.timestamp() - hi.timestamp().rem_euclid(60), 0)
                .single()
                .unwrap_or(hi);
            let hi = if offset_seconds(tz, hi) == current {
                hi + Duration::minutes(1)
            } else {
                hi
            };
            let local = (hi + Duration::seconds(i64::from(current.0))).naive_utc();
            out.push(Transition {
                local,
                from: current.0,
                to: later.0,
                daylight: later.1,
            });
            current = later;
        }
        t = next;
    }
    out
}

fn hhmm(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.abs();
    format!("{sign}{:02}{:02}", s / 3600, (s % 3600) / 60)
}

fn vtimezone_text(tz: Tz, first_year: i32, last_year: i32) -> String {
    let mut out = format!("BEGIN:VTIMEZONE\r\nTZID:{}\r\n", tz.name());
    let all = transitions(tz, first_year, last_year);
    if all.is_empty() {
        // A zone without changes: one STANDARD block with its fixed offset.
        let (off, _) = offset_seconds(tz, Utc.with_ymd_and_hms(first_year, 1, 1, 0, 0, 0).unwrap());
        out.push_str(&format!(
            "BEGIN:STANDARD\r\nDTSTART:{first_year}0101T000000\r\nTZOFFSETFROM:{0}\r\nTZOFFSETTO:{0}\r\nEND:STANDARD\r\n",
            hhmm(off)
        ));
    }
    // Changes of the same kind share one block: DTSTART for the first, RDATE for the rest.
    for daylight in [true, false] {
        let group: Vec<&Transition> = all.iter().filter(|t| t.daylight == daylight).collect();
        let mut groups: Vec<Vec<&Transition>> = vec![];
        for t in group {
            match groups.iter_mut().find(|g| g[0].from == t.from && g[0].to == t.to) {
                Some(g) => g.push(t),
                None => groups.push(vec![t]),
            }
        }
        for g in groups {
            let kind = if daylight { "DAYLIGHT" } else { "STANDARD" };
            out.push_str(&format!(
                "BEGIN:{kind}\r\nDTSTART:{}\r\n",
                g[0].local.format("%Y%m%dT%H%M%S")
            ));
            for t in &g[1..] {
                out.push_str(&format!("RDATE:{}\r\n", t.local.format("%Y%m%dT%H%M%S")));
            }
            out.push_str(&format!(
                "TZOFFSETFROM:{}\r\nTZOFFSETTO:{}\r\nEND:{kind}\r\n",
                hhmm(g[0].from),
                hhmm(g[0].to)
            ));
        }
    }
    out.push_str("END:VTIMEZONE\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    #[test]
    fn stockholm_changes_on_the_last_sundays() {
        let tz: Tz = "Europe/Stockholm".parse().unwrap();
        let t = transitions(tz, 2026, 2026);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].local.to_string(), "2026-03-29 02:00:00");
        assert!(t[0].daylight);
        assert_eq!((t[0].from, t[0].to), (3600, 7200));
        assert_eq!(t[1].local.to_string(), "2026-10-25 03:00:00");
        assert_eq!(t[1].local.date().weekday(), chrono::Weekday::Sun);
        let text = vtimezone_text(tz, 2026, 2027);
        assert!(text.contains("BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nRDATE:20270328T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"), "{text}");
    }
}
