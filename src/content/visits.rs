//! Visit counts of the meeting places (`content/data/besok/<place>.csv`), as the kiosk's
//! `export-stats` writes them: one row per hour with visits, `datum,timme,besok,forsta_besok`.
//!
//! ```text
//! datum,timme,besok,forsta_besok
//! 2026-11-26,12,8,2
//! 2026-11-26,13,11,1
//! ```
//!
//! `timme` may be empty when only a day's total is known.

use chrono::NaiveDate;
use serde::Serialize;

use super::csv_lines;
use crate::diagnostics::{Diagnostic, Source};

/// The folder below `content/` with the visit files.
pub const FOLDER: &str = "data/besok";

/// One row of counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct VisitRow {
    /// The day.
    pub date: NaiveDate,
    /// The hour of the day (0–23), when known.
    pub hour: Option<u8>,
    /// Visits.
    pub visits: u32,
    /// Of which first visits.
    pub first_visits: u32,
}

/// The visits of one meeting place.
#[derive(Debug, Clone, Serialize)]
pub struct Visits {
    /// File stem; the place id when a place file has the same name.
    pub id: String,
    /// The rows in file order.
    pub rows: Vec<VisitRow>,
}

/// The first line of a visits file, as `omtanke-kiosk export-stats` writes it.
pub const HEADER: &str = "datum,timme,besok,forsta_besok";

/// Parses a visit file, reporting every bad line.
pub fn parse(src: &Source, id: &str, diags: &mut Vec<Diagnostic>) -> Option<Visits> {
    let help = crate::msg!("visits-header-help", header = HEADER);
    let mut rows = vec![];
    for (span, fields) in csv_lines::lines(src, HEADER, &help, diags)? {
        let bad = |message: String| {
            Diagnostic::error(src, Some(span.clone()), message).help(crate::msg!("visits-bad-line-help"))
        };
        if fields.len() != 4 {
            diags.push(bad(crate::msg!("visits-wrong-field-count", fields = fields.len())));
            continue;
        }
        let Ok(date) = NaiveDate::parse_from_str(fields[0], "%Y-%m-%d") else {
            diags.push(bad(crate::msg!("visits-bad-date", value = fields[0])));
            continue;
        };
        let hour = match fields[1] {
            "" => None,
            h => match h.parse::<u8>() {
                Ok(h) if h < 24 => Some(h),
                _ => {
                    diags.push(bad(crate::msg!("visits-bad-hour", hour = h)));
                    continue;
                }
            },
        };
        let (Ok(visits), Ok(first_visits)) = (fields[2].parse::<u32>(), fields[3].parse::<u32>()) else {
            diags.push(bad(crate::msg!("visits-bad-count")));
            continue;
        };
        if first_visits > visits {
            diags.push(bad(crate::msg!("visits-more-first-visits")));
            continue;
        }
        rows.push(VisitRow {
            date,
            hour,
            visits,
            first_visits,
        });
    }
    Some(Visits {
        id: id.to_string(),
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_and_reports_bad_lines_with_positions() {
        let src = Source::new(
            "content/data/besok/at-soder.csv",
            "datum,timme,besok,forsta_besok\n2026-11-26,12,8,2\n2026-11-26,,3,0\n2026-13-01,12,1,0\n2026-11-27,25,1,0\n2026-11-27,12,1,2\n",
        );
        let mut diags = vec![];
        let v = parse(&src, "at-soder", &mut diags).unwrap();
        assert_eq!(v.rows.len(), 2);
        assert_eq!(v.rows[1].hour, None);
        let lines: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert!(
            lines[0].starts_with("content/data/besok/at-soder.csv:4:1: error: this line has \"2026-13-01\""),
            "{lines:?}"
        );
        assert!(lines[1].contains(":5:1:") && lines[1].contains("hours are 0 to 23"));
        assert!(lines[2].contains("more first visits than visits"));
    }

    #[test]
    fn a_wrong_header_is_named() {
        let mut diags = vec![];
        assert!(parse(&Source::new("x.csv", "date,visits\n"), "x", &mut diags).is_none());
        assert!(diags[0].to_string().contains("datum,timme,besok,forsta_besok"));
    }
}
