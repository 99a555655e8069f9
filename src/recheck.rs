//! `omtanke recheck`: the editors' to-do list of listings whose facts must be confirmed with the
//! organizer again: never confirmed, overdue, or due within 30 days, the most urgent first, with
//! whom to ask. As text for the terminal, or as CSV for a spreadsheet or a mail merge.

use chrono::NaiveDate;

use crate::content::Site;
use crate::content::confirmation::Confirmation;

/// One listing on the to-do list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    /// The file, as editors find it (`content/aktiviteter/pratcafe-soder.toml`).
    pub file: String,
    /// The activity's name.
    pub title: String,
    /// When its facts were last confirmed, if ever.
    pub checked: Option<NaiveDate>,
    /// By when they must be confirmed again (none: never confirmed).
    pub due: Option<NaiveDate>,
    /// Days until `due`; negative when overdue; none when never confirmed.
    pub days_left: Option<i64>,
    /// Who runs it.
    pub organizer: String,
    /// How to reach them: the listing's e-mail and phone.
    pub contact: String,
    /// Who confirmed it last time (`checked_by`).
    pub checked_by: String,
}

/// The listings due for confirmation on the site's today, the most urgent first: never
/// confirmed, then the most overdue, then the soonest due. Ended activities are left out.
pub fn due(site: &Site) -> Vec<Due> {
    let mut list: Vec<Due> = site
        .activities
        .iter()
        .filter(|a| !a.is_ended(site.today))
        .filter_map(|a| {
            let (checked, due) = window(site.confirmation(a.checked), site)?;
            let contact = a.contact.as_ref().map_or_else(String::new, |c| {
                [c.email.as_deref(), c.phone.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", ")
            });
            Some(Due {
                file: a.source.path.display().to_string(),
                title: a.title.clone(),
                checked,
                due,
                days_left: due.map(|d| (d - site.today).num_days()),
                organizer: a.organizer.clone().unwrap_or_default(),
                contact,
                checked_by: a.checked_by.clone().unwrap_or_default(),
            })
        })
        .collect();
    // Places with a file of their own: their address and access are facts too.
    for p in &site.places {
        let Some(file) = p.file() else { continue };
        let Some((checked, due)) = window(site.confirmation(p.checked), site) else {
            continue;
        };
        list.push(Due {
            file: file.display().to_string(),
            title: p.name.clone(),
            checked,
            due,
            days_left: due.map(|d| (d - site.today).num_days()),
            organizer: String::new(),
            contact: String::new(),
            checked_by: p.checked_by.clone().unwrap_or_default(),
        });
    }
    list.sort_by_key(|d| (d.days_left.is_some(), d.days_left, d.file.clone()));
    list
}

/// When a listing was confirmed and by when it must be again, if it belongs on the list: never
/// confirmed, overdue, or due within [`WARN_DAYS_BEFORE`](crate::content::confirmation::WARN_DAYS_BEFORE) days.
fn window(c: Confirmation, site: &Site) -> Option<(Option<NaiveDate>, Option<NaiveDate>)> {
    match c {
        Confirmation::Never => Some((None, None)),
        Confirmation::Old(on, due) => Some((Some(on), Some(due))),
        Confirmation::Recent(on, due) if c.is_due_soon(site.today) => Some((Some(on), Some(due))),
        Confirmation::Recent(..) => None,
    }
}

/// The list as CSV (UTF-8, comma-separated, a header row; columns in Swedish for the editors'
/// spreadsheets, the same in every language of the command line).
pub fn csv(list: &[Due]) -> String {
    let mut out = String::from(
        "fil,aktivitet,senast_kontrollerad,kontrolleras_senast,dagar_kvar,arrangor,kontakt,kontrollerad_av\n",
    );
    for d in list {
        // Dates and the number of days are the program's own; the rest is editors' text.
        let row = [
            field(&d.file),
            field(&d.title),
            d.checked.map(|c| c.to_string()).unwrap_or_default(),
            d.due.map(|c| c.to_string()).unwrap_or_default(),
            d.days_left.map(|n| n.to_string()).unwrap_or_default(),
            field(&d.organizer),
            field(&d.contact),
            field(&d.checked_by),
        ];
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

/// A CSV field, quoted when it must be; a leading =, +, - or @ gets a ' so that spreadsheets
/// show it as text rather than run it as a formula.
fn field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// One line of the terminal's list.
pub fn line(d: &Due) -> String {
    let when = match (d.checked, d.days_left) {
        (None, _) => crate::msg!("recheck-never"),
        (Some(on), Some(left)) if left < 0 => crate::msg!("recheck-overdue", checked = on.to_string(), days = -left),
        (Some(on), Some(left)) => crate::msg!("recheck-soon", checked = on.to_string(), days = left),
        (Some(on), None) => on.to_string(),
    };
    let mut text = format!("{}: {} — {when}", d.file, d.title);
    let who = [d.organizer.as_str(), d.contact.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if !who.is_empty() {
        text.push_str(&format!(" — {}", crate::msg!("recheck-ask", who = who)));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_formulas_defused() {
        assert_eq!(field("Pratcafé Söder"), "Pratcafé Söder");
        assert_eq!(field("Fika, prat"), "\"Fika, prat\"");
        assert_eq!(field("Säg \"hej\""), "\"Säg \"\"hej\"\"\"");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("-1"), "'-1");
    }
}
