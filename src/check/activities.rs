//! Activities that are forgotten rather than ended: no date to come and no `until` saying that
//! they ended on purpose. Such an activity stays in the listings of what is coming with nothing
//! to come, which tells a visitor nothing.

use chrono::{Days, NaiveDate};

use crate::content::Site;
use crate::diagnostics::Diagnostic;
use crate::schedule::{Repeat, Rule};

/// How far ahead an activity must have a date not to be reported.
pub const HORIZON_DAYS: u64 = 365;

/// Reports activities with a schedule that gives no date from today through the coming
/// [`HORIZON_DAYS`] days and none of whose rules has an `until`. Activities without any
/// `[[schedule]]` ("ring och boka tid") are left alone: they never had dates.
pub fn check(site: &Site, diags: &mut Vec<Diagnostic>) {
    let today = site.today;
    let horizon = today
        .checked_add_days(Days::new(HORIZON_DAYS))
        .unwrap_or(NaiveDate::MAX);
    for a in &site.activities {
        let rules = &a.schedule;
        if rules.is_empty()
            || rules.iter().any(|r| r.until.is_some())
            || rules.iter().any(|r| !r.dates(today, horizon).is_empty())
        {
            continue;
        }
        let text = &a.source.text;
        let span = text.find("[[schedule]]").map(|i| i..i + "[[schedule]]".len());
        let (message, ended) = match last_date(rules, today) {
            Some(last) => (crate::msg!("check-activity-ended", last = last.to_string()), Some(last)),
            None => match rules.iter().filter_map(|r| r.from).min() {
                Some(first) if first > horizon => {
                    (crate::msg!("check-activity-far-away", first = first.to_string()), None)
                }
                _ => (crate::msg!("check-activity-no-date"), None),
            },
        };
        let help = match ended {
            Some(last) => crate::msg!("check-activity-ended-help", last = last.to_string()),
            None => crate::msg!("check-activity-no-date-help"),
        };
        diags.push(Diagnostic::error(&a.source, span, message).help(help));
    }
}

/// The last date before today of the rules that list dates.
fn last_date(rules: &[Rule], today: NaiveDate) -> Option<NaiveDate> {
    rules
        .iter()
        .filter_map(|r| match &r.repeat {
            Repeat::Dates(dates) => dates.iter().copied().filter(|d| *d < today).max(),
            _ => None,
        })
        .max()
}
