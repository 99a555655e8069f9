//! What someone who booked must be told about their booking, by a call from staff (Att ringa)
//! or a text message: their meeting was cancelled or moved in the content, or they were given a
//! place from the waiting list. One rule for both, so staff call about exactly what is texted.

use chrono::{DateTime, NaiveDate};
use chrono_tz::Tz;
use omtanke::content::changes::Change;

use crate::app::Shared;
use crate::db::DbResult;
use crate::db::calls::CallRow;

/// News about one booking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum News {
    /// The meeting does not take place.
    Cancelled {
        /// Why, as the content says.
        reason: Option<String>,
    },
    /// The meeting was moved to another day.
    Moved {
        /// The day it is held instead.
        to: NaiveDate,
    },
    /// A place was given from the waiting list.
    MovedUp,
}

impl News {
    /// What the news is, as a key: `cancelled`, `moved:2026-12-23` or `moved_up`. A call ticked
    /// or a text sent for one key is not repeated; other news about the same booking is new.
    pub fn key(&self) -> String {
        match self {
            News::Cancelled { .. } => "cancelled".into(),
            News::Moved { to } => format!("moved:{to}"),
            News::MovedUp => "moved_up".into(),
        }
    }
}

/// An active booking of a coming meeting, and what its booker must be told.
#[derive(Debug, Clone)]
pub struct ComingBooking {
    /// The booking.
    pub row: CallRow,
    /// Its meeting's start, in the site's time zone.
    pub start: DateTime<Tz>,
    /// The news, if any.
    pub news: Option<News>,
}

/// The active bookings (with a name) of meetings from today on, each with its start in the
/// site's time zone and the news its booker must be told, if any. A cancelled or moved meeting
/// comes before a place from the queue: a place in a meeting that does not take place is no news.
pub fn of_coming_bookings(app: &Shared) -> DbResult<Vec<ComingBooking>> {
    let tz = app.catalog.timezone();
    let rows = app.db.call_candidates(&app.now().date_naive().to_string())?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let start = DateTime::parse_from_rfc3339(&r.starts_at).ok()?.with_timezone(&tz);
            let news = match app.catalog.change_of(&r.activity, start) {
                Some(Change::Cancelled { reason }) => Some(News::Cancelled { reason }),
                Some(Change::MovedAway { to }) => Some(News::Moved { to }),
                _ if r.status == "confirmed" && r.moved_up_at.is_some() => Some(News::MovedUp),
                _ => None,
            };
            Some(ComingBooking { row: r, start, news })
        })
        .collect())
}
