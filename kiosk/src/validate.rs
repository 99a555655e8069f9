//! Checking what visitors and staff type, with messages in plain Swedish.

use chrono::NaiveDate;

/// The longest name accepted.
const MAX_NAME: usize = 40;

/// Characters that show nothing, or only turn the text around: zero-width spaces and joiners,
/// direction marks and overrides, variation selectors, tags. Unicode's "default ignorable" code
/// points; in a name they only make "Anna" look like another "Anna", or a name read backwards.
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}'
        | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

/// A name as it is compared and stored: invisible characters removed, then compatibility forms
/// folded (NFKC: full-width letters, ligatures, a letter and its accent written apart), spaces
/// trimmed. In that order, so that an invisible character between a letter and its accent does
/// not keep them apart.
pub fn clean_name(input: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let visible: String = input.chars().filter(|c| !invisible(*c)).collect();
    visible.nfkc().collect::<String>().trim().to_string()
}

/// A first name or nickname: 1–40 characters, letters and a few marks, no full names needed.
/// Returned [cleaned](clean_name), so that one name cannot be booked twice in disguise.
pub fn name(input: &str) -> Result<String, String> {
    let cleaned = clean_name(input);
    let name = cleaned.as_str();
    if name.is_empty() {
        return Err("Skriv ditt förnamn eller ett smeknamn.".into());
    }
    if name.chars().count() > MAX_NAME {
        return Err(format!("Namnet får vara högst {MAX_NAME} tecken. Ett förnamn räcker."));
    }
    if name.chars().any(|c| c.is_control()) {
        return Err("Namnet innehåller tecken som inte går att använda.".into());
    }
    Ok(name.to_string())
}

/// An optional phone number: digits, spaces, +, - and parentheses, 6–20 characters.
pub fn phone(input: Option<&str>) -> Result<Option<String>, String> {
    let Some(p) = input.map(str::trim).filter(|p| !p.is_empty()) else {
        return Ok(None);
    };
    let digits = p.chars().filter(char::is_ascii_digit).count();
    if p.len() > 20 || digits < 6 || !p.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c)) {
        return Err(
            "Telefonnumret ser inte rätt ut. Skriv bara siffror, till exempel 070-123 45 67, eller lämna rutan tom."
                .into(),
        );
    }
    Ok(Some(p.to_string()))
}

/// Why a period of dates was refused, in plain Swedish.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    /// The first date is not a date.
    #[error("Startdatum ska skrivas som ÅÅÅÅ-MM-DD, till exempel 2026-11-26.")]
    From,
    /// The last date is not a date.
    #[error("Slutdatum ska skrivas som ÅÅÅÅ-MM-DD, till exempel 2026-11-26.")]
    To,
    /// The first date is after the last.
    #[error("Startdatum måste vara före slutdatum.")]
    Reversed,
    /// More than ten years.
    #[error("Välj en period på högst tio år.")]
    TooLong,
}

impl PeriodError {
    /// The form field to point at: `to` when the last date is wrong, `from` otherwise.
    pub fn field(self) -> &'static str {
        if self == PeriodError::To { "to" } else { "from" }
    }
}

/// A period of dates `YYYY-MM-DD`, `from` not after `to`, at most ten years long.
pub fn period(from: &str, to: &str) -> Result<(NaiveDate, NaiveDate), PeriodError> {
    let parse = |s: &str, bad: PeriodError| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| bad);
    let (f, t) = (parse(from, PeriodError::From)?, parse(to, PeriodError::To)?);
    if f > t {
        return Err(PeriodError::Reversed);
    }
    if (t - f).num_days() > 3660 {
        return Err(PeriodError::TooLong);
    }
    Ok((f, t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_phones() {
        assert_eq!(name("  Anna ").unwrap(), "Anna");
        for twin in [
            "An\u{200b}na",
            "Ａｎｎａ",
            "\u{202e}Anna",
            "Anna\u{2066}",
            "\u{feff}Anna",
        ] {
            assert_eq!(name(twin).unwrap(), "Anna", "{twin:?}");
        }
        assert_eq!(name("Åsa-Märta").unwrap(), "Åsa-Märta");
        assert_eq!(
            name("A\u{200b}\u{030a}sa").unwrap(),
            "Åsa",
            "an accent split off by an invisible character"
        );
        assert!(name("\u{200b}").is_err(), "nothing visible is no name");
        assert!(name("").is_err());
        assert!(name(&"x".repeat(41)).is_err());
        assert_eq!(phone(Some("070-123 45 67")).unwrap().as_deref(), Some("070-123 45 67"));
        assert_eq!(phone(Some(" ")).unwrap(), None);
        assert!(phone(Some("ring mig")).is_err());
        assert_eq!(period("2026-12-01", "2026-11-01"), Err(PeriodError::Reversed));
        assert_eq!(period("2026-11-01", "30 nov").unwrap_err().field(), "to");
        assert_eq!(period("igår", "2026-11-30").unwrap_err().field(), "from");
        assert!(period("2026-11-01", "2026-11-30").is_ok());
    }
}
