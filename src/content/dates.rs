//! Turning TOML date values into calendar dates and time strings into times of day, with a clear
//! message when one is not.

use chrono::NaiveDate;
use toml::Spanned;
use toml::value::Datetime;

use crate::diagnostics::{Diagnostic, Source};

/// A TOML date (`2026-12-24`) as a calendar date; a date-time is cut to its date.
#[allow(clippy::result_large_err, reason = "content errors are rare and built once per file")]
pub fn to_date(src: &Source, value: &Spanned<Datetime>, key: &str) -> Result<NaiveDate, Diagnostic> {
    let bad = || {
        Diagnostic::error(
            src,
            Some(value.span()),
            crate::msg!("dates-not-a-date", key = key, value = value.get_ref().to_string()),
        )
        .help(crate::msg!("dates-not-a-date-help"))
    };
    let date = value.get_ref().date.ok_or_else(bad)?;
    NaiveDate::from_ymd_opt(date.year.into(), date.month.into(), date.day.into()).ok_or_else(bad)
}

/// Like [`to_date`] for an optional value, pushing the problem into `diags`.
pub fn opt_date(
    src: &Source,
    value: &Option<Spanned<Datetime>>,
    key: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<NaiveDate> {
    value
        .as_ref()
        .and_then(|v| to_date(src, v, key).map_err(|d| diags.push(d)).ok())
}

/// A time of day as written (`"12:00"` or `"12.00"`), with a message at it when it is not one.
pub fn time_of_day(src: &Source, value: &Spanned<String>, diags: &mut Vec<Diagnostic>) -> Option<chrono::NaiveTime> {
    crate::schedule::parse_time(value.get_ref()).or_else(|| {
        diags.push(
            Diagnostic::error(
                src,
                Some(value.span()),
                crate::msg!("activity-not-a-time", time = value.get_ref()),
            )
            .help(crate::msg!("activity-not-a-time-help")),
        );
        None
    })
}

/// Whether `end` comes after `start` on the same day; a message at `end_span` when not.
pub fn ends_after_start(
    src: &Source,
    start: chrono::NaiveTime,
    end: chrono::NaiveTime,
    end_span: std::ops::Range<usize>,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    if end > start {
        return true;
    }
    diags.push(
        Diagnostic::error(
            src,
            Some(end_span),
            crate::msg!(
                "activity-ends-before-start",
                end = end.format("%H:%M").to_string(),
                start = start.format("%H:%M").to_string()
            ),
        )
        .help(crate::msg!("activity-ends-before-start-help")),
    );
    false
}
