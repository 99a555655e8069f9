//! The Swedish words the site shows for codes used in content files: weekdays, months,
//! accessibility features, languages and funding states. Also the URL slug rule.

use chrono::{Datelike, NaiveDate, Weekday};

/// Accessibility features an activity or place can have: key, Swedish text.
pub const ACCESSIBILITY: &[(&str, &str)] = &[
    ("rullstol", "Tillgängligt med rullstol"),
    ("horselslinga", "Hörslinga"),
    ("hiss", "Hiss"),
    ("toalett", "Tillgänglig toalett"),
    ("parkering", "Parkering för rörelsehindrade"),
    ("ledarhund", "Ledarhund välkommen"),
    ("sittplatser", "Gott om sittplatser"),
];

/// Languages an activity can be held in: ISO 639-1 code, Swedish name.
pub const LANGUAGES: &[(&str, &str)] = &[
    ("sv", "svenska"),
    ("en", "engelska"),
    ("ar", "arabiska"),
    ("fa", "persiska"),
    ("so", "somaliska"),
    ("ti", "tigrinja"),
    ("pl", "polska"),
    ("bs", "bosniska"),
    ("hr", "kroatiska"),
    ("sr", "serbiska"),
    ("fi", "finska"),
    ("de", "tyska"),
    ("es", "spanska"),
    ("fr", "franska"),
    ("uk", "ukrainska"),
    ("ru", "ryska"),
    ("ku", "kurdiska"),
    ("tr", "turkiska"),
    ("da", "danska"),
    ("no", "norska"),
    ("sgn", "teckenspråk"),
];

/// Funding states of a bulletin-board suggestion: key, Swedish text.
pub const FUNDING_STATUS: &[(&str, &str)] = &[
    ("applied", "Ansökan om pengar ur invånarpotten är inskickad"),
    ("granted", "Har fått pengar ur invånarpotten"),
    ("declined", "Fick inte pengar ur invånarpotten den här gången"),
];

/// Looks a key up in one of the tables above.
pub fn label(table: &[(&str, &'static str)], key: &str) -> Option<&'static str> {
    table.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// The weekdays in Swedish order, with their Swedish names and URL slugs.
pub const WEEKDAYS: [(Weekday, &str, &str); 7] = [
    (Weekday::Mon, "måndag", "mandag"),
    (Weekday::Tue, "tisdag", "tisdag"),
    (Weekday::Wed, "onsdag", "onsdag"),
    (Weekday::Thu, "torsdag", "torsdag"),
    (Weekday::Fri, "fredag", "fredag"),
    (Weekday::Sat, "lördag", "lordag"),
    (Weekday::Sun, "söndag", "sondag"),
];

/// Swedish name of a weekday (`torsdag`).
pub fn weekday_name(day: Weekday) -> &'static str {
    WEEKDAYS[day.num_days_from_monday() as usize].1
}

/// Swedish plural used in running text (`torsdagar`).
pub fn weekday_plural(day: Weekday) -> String {
    format!("{}ar", weekday_name(day))
}

const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

/// Swedish name of a month (1-based).
pub fn month_name(month: u32) -> &'static str {
    MONTHS[(month as usize).saturating_sub(1).min(11)]
}

/// `torsdag 3 december`.
pub fn long_date(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        weekday_name(date.weekday()),
        date.day(),
        month_name(date.month())
    )
}

/// `3 december 2026`.
pub fn plain_date(date: NaiveDate) -> String {
    format!("{} {} {}", date.day(), month_name(date.month()), date.year())
}

/// Whether a resident's name is one word, a first name or nickname: residents' full names are
/// never published (bulletin-board posts, and the kiosk's suggestion form, hold to this).
pub fn is_one_word(name: &str) -> bool {
    name.split_whitespace().count() == 1
}

/// The URL slug of a name: lowercase ASCII, `å`/`ä` → `a`, `ö` → `o`, other letters folded to
/// their base letter, anything else → `-`.
pub fn slugify(name: &str) -> String {
    slug::slugify(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_fold_swedish_letters() {
        assert_eq!(slugify("Söder"), "soder");
        assert_eq!(slugify("Läsning & språk"), "lasning-sprak");
        assert_eq!(slugify("Café Ålö"), "cafe-alo");
        assert_eq!(slugify("lördag"), "lordag");
    }

    #[test]
    fn dates_in_swedish() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        assert_eq!(long_date(d), "torsdag 3 december");
        assert_eq!(plain_date(d), "3 december 2026");
        assert_eq!(weekday_plural(Weekday::Thu), "torsdagar");
    }
}
