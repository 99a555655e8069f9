//! Turning TOML date values into calendar dates, with a clear message when one is not a date.

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
