//! Conversation starters for the snackebord: a question on the screen to start talking with
//! someone at the table.

const STARTERS: &[&str] = &[
    "Vad gjorde dig glad den här veckan?",
    "Vilken är din favoritplats i Helsingborg?",
    "Vad åt du ofta när du var barn?",
    "Vilken årstid tycker du bäst om, och varför?",
    "Vad skulle du vilja lära dig?",
    "Vilken låt gör dig på gott humör?",
    "Har du varit med om något roligt i dag?",
    "Vad är det bästa rådet du har fått?",
    "Vilken plats skulle du vilja resa till?",
    "Vad tycker du om att göra en söndag?",
];

/// The question to show; it changes every ten minutes so the screen stays alive.
pub fn for_time(unix_seconds: i64) -> &'static str {
    STARTERS[(unix_seconds / 600).rem_euclid(STARTERS.len() as i64) as usize]
}
