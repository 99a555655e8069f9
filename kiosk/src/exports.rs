//! CSV files of check-ins and bookings, for the staff pages' downloads and the command line.

use chrono::NaiveDate;

use crate::db::{Db, DbError};

/// Why an export could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// No export of that name.
    #[error("unknown export \"{0}\"; use checkins, checkins-by-hour or bookings")]
    Unknown(String),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
}

/// Check-ins per hour in the website's statistics format (`datum,timme,besok,forsta_besok`),
/// read by the generator from `content/data/besok/*.csv`.
pub fn stats_csv(db: &Db, from: NaiveDate, to: NaiveDate) -> Result<String, ExportError> {
    let mut out = format!("{}\n", omtanke::content::visits::HEADER);
    for r in db.checkins_by_hour(from, to)? {
        // The key is the local hour, "2026-11-26T12:00".
        let (date, time) = r.key.split_once('T').unwrap_or((&r.key, "00:00"));
        let hour: u32 = time.get(..2).and_then(|h| h.parse().ok()).unwrap_or(0);
        out.push_str(&format!("{date},{hour},{},{}\n", r.visits, r.first_visits));
    }
    Ok(out)
}

/// Check-in counts or bookings between two dates as CSV (`checkins`, `checkins-by-hour`,
/// `bookings`), for the admin pages and `omtanke-kiosk export` alike.
pub fn export_csv(db: &Db, what: &str, from: NaiveDate, to: NaiveDate) -> Result<String, ExportError> {
    let quote = |s: &str| {
        // A leading =, +, - or @ would make a spreadsheet run it as a formula.
        let s = if s.starts_with(['=', '+', '-', '@']) {
            format!("'{s}")
        } else {
            s.to_string()
        };
        format!("\"{}\"", s.replace('"', "\"\""))
    };
    let mut out = String::new();
    match what {
        "checkins" | "checkins-by-hour" => {
            let rows = if what == "checkins" {
                db.checkins_by_day(from, to)
            } else {
                db.checkins_by_hour(from, to)
            }?;
            out.push_str(if what == "checkins" {
                "datum,besok,forsta_besok\n"
            } else {
                "timme,besok,forsta_besok\n"
            });
            for r in rows {
                out.push_str(&format!("{},{},{}\n", r.key, r.visits, r.first_visits));
            }
        }
        "bookings" => {
            out.push_str("aktivitet,start,namn,telefon,kod,status,narvarande\n");
            for (activity, start, b) in db.bookings_between(&from.to_string(), &to.to_string())? {
                out.push_str(&format!(
                    "{},{},{},{},{},{},{}\n",
                    quote(&activity),
                    quote(&start),
                    quote(b.name.as_deref().unwrap_or("")),
                    quote(b.phone.as_deref().unwrap_or("")),
                    quote(&b.code),
                    quote(&b.status),
                    if b.attended { "ja" } else { "nej" }
                ));
            }
        }
        other => return Err(ExportError::Unknown(other.to_string())),
    }
    Ok(out)
}
