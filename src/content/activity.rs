//! Activities: `content/aktiviteter/<id>.toml`, one activity per file.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use toml::Spanned;
use toml::value::Datetime;

use super::Term;
use super::changes::{self, Changes, Meeting, RawCancelled, RawChanges, RawMoved};
use super::dates::{opt_date, to_date};
use super::place::{self, Place};
use crate::diagnostics::{Diagnostic, Source, nearest};
use crate::markdown::{self, Trust};
use crate::schedule::{self, Repeat, Rule};
use crate::toml_doc::{self, Nested, Schema};
use crate::vocabulary::{LANGUAGES, label, slugify};

/// An activity.
#[derive(Debug, Clone, Serialize)]
pub struct Activity {
    /// The file, for messages.
    #[serde(skip)]
    pub source: Source,
    /// File stem: the activity's id and URL slug.
    pub id: String,
    /// Site path, `/aktiviteter/<id>/`.
    pub url: String,
    /// Name.
    pub title: String,
    /// One sentence.
    pub summary: String,
    /// Longer description as HTML.
    pub description: String,
    /// Interests, with their slugs.
    pub interests: Vec<Term>,
    /// Who it is especially for.
    pub audience: Vec<String>,
    /// Where it happens, once the place id has been resolved.
    pub place: Option<Place>,
    /// The place id as written, with its position, until it is resolved.
    #[serde(skip)]
    pub place_ref: Option<Spanned<String>>,
    /// Who organises it.
    pub organizer: Option<String>,
    /// The organizer's file, when `organizer` names one (`content/arrangorer/<id>.toml`).
    pub organizer_id: Option<String>,
    /// Who meets a newcomer, and where (`host = "En värd möter dig i entrén"`), for referral
    /// cards and the page: the first step is easier when you know who will be there.
    pub host: Option<String>,
    /// How to reach the organiser.
    pub contact: Option<Contact>,
    /// Cost as written.
    pub cost: Option<String>,
    /// Whether it costs nothing.
    pub free: bool,
    /// Languages spoken.
    pub languages: Vec<Term>,
    /// Accessibility features.
    pub accessibility: Vec<Term>,
    /// Image file name beside the TOML file.
    pub image: Option<String>,
    /// Text alternative of the image.
    pub image_alt: Option<String>,
    /// The image file on disk.
    #[serde(skip)]
    pub image_file: Option<PathBuf>,
    /// The day staff last confirmed the facts with the organizer (`checked = 2026-11-02`).
    pub checked: Option<NaiveDate>,
    /// Where `checked` is written, for `check`'s warnings.
    #[serde(skip)]
    pub checked_span: Option<std::ops::Range<usize>>,
    /// Who confirmed them (an e-mail or a role): for the editors' to-do list, never published.
    #[serde(skip)]
    pub checked_by: Option<String>,
    /// When it happens.
    #[serde(skip)]
    pub schedule: Vec<Rule>,
    /// Booking at the kiosk.
    pub booking: Option<Booking>,
    /// A pause, cancelled and moved meetings.
    pub changes: Changes,
    /// Title, summary and description in further languages (`[en]`), by language code.
    pub translations: BTreeMap<String, ActivityText>,
}

/// An activity's text in one further language; what is not given stays in the default language.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ActivityText {
    /// Name.
    pub title: Option<String>,
    /// One sentence.
    pub summary: Option<String>,
    /// Longer description, Markdown in the file and HTML once loaded.
    pub description: Option<String>,
}

impl Activity {
    /// Whether all of its schedules have ended (an activity without a schedule never ends).
    pub fn is_ended(&self, today: NaiveDate) -> bool {
        !self.schedule.is_empty() && !self.schedule.iter().any(|r| r.is_ongoing(today))
    }

    /// The meetings that take place from `from` to `to`, in order, in the site's time zone `tz`:
    /// none in a pause, none cancelled, moved ones where they went; two rules that give the same
    /// start give one meeting.
    pub fn occurrences(&self, tz: chrono_tz::Tz, from: NaiveDate, to: NaiveDate) -> Vec<schedule::Occurrence> {
        self.meetings(tz, from, to)
            .into_iter()
            .filter(Meeting::takes_place)
            .map(|m| m.occurrence)
            .collect()
    }

    /// Its meetings from `from` to `to` as visitors are told about them: cancelled and moved
    /// ones too, each with how it differs from the schedule.
    pub fn meetings(&self, tz: chrono_tz::Tz, from: NaiveDate, to: NaiveDate) -> Vec<Meeting> {
        self.changes.meetings(&self.schedule, tz, from, to)
    }

    /// Title, summary and description HTML in a language, falling back to the default language,
    /// with whether a translation was found.
    pub fn text(&self, lang: &str) -> (&str, &str, &str, bool) {
        match self.translations.get(lang) {
            Some(t) => (
                t.title.as_deref().unwrap_or(&self.title),
                t.summary.as_deref().unwrap_or(&self.summary),
                t.description.as_deref().unwrap_or(&self.description),
                true,
            ),
            None => (&self.title, &self.summary, &self.description, false),
        }
    }
}

/// Contact details of an organiser.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Contact {
    /// E-mail address.
    pub email: Option<String>,
    /// Phone number.
    pub phone: Option<String>,
}

/// Makes each occurrence bookable at the kiosk.
#[derive(Debug, Clone, Serialize)]
pub struct Booking {
    /// Places per occurrence.
    pub capacity: u32,
    /// Whether a waiting list is kept when full.
    pub waitlist: bool,
    /// How many days ahead booking opens.
    pub opens_days_before: u32,
}

#[derive(Deserialize)]
struct Raw {
    slug: Option<Spanned<String>>,
    title: Option<String>,
    summary: Option<String>,
    description: Option<String>,
    #[serde(default)]
    interests: Vec<Spanned<String>>,
    #[serde(default)]
    audience: Vec<String>,
    place: Option<Spanned<toml::Value>>,
    organizer: Option<String>,
    host: Option<String>,
    contact: Option<Contact>,
    cost: Option<String>,
    #[serde(default)]
    languages: Vec<Spanned<String>>,
    #[serde(default)]
    accessibility: Vec<Spanned<String>>,
    image: Option<Spanned<String>>,
    image_alt: Option<String>,
    checked: Option<Spanned<Datetime>>,
    checked_by: Option<String>,
    #[serde(default)]
    schedule: Vec<Spanned<RawRule>>,
    booking: Option<Spanned<RawBooking>>,
    status: Option<Spanned<String>>,
    paused_until: Option<Spanned<Datetime>>,
    status_note: Option<String>,
    #[serde(default)]
    cancelled: Vec<Spanned<RawCancelled>>,
    #[serde(default)]
    moved: Vec<Spanned<RawMoved>>,
}

#[derive(Deserialize)]
struct RawRule {
    weekly: Option<Spanned<Vec<Spanned<String>>>>,
    monthly: Option<Spanned<String>>,
    dates: Option<Spanned<Vec<Spanned<Datetime>>>>,
    start: Option<Spanned<String>>,
    end: Option<Spanned<String>>,
    from: Option<Spanned<Datetime>>,
    until: Option<Spanned<Datetime>>,
    #[serde(default)]
    except: Vec<Spanned<Datetime>>,
}

#[derive(Deserialize)]
struct RawBooking {
    capacity: Option<Spanned<i64>>,
    #[serde(default)]
    waitlist: bool,
    opens_days_before: Option<Spanned<i64>>,
}

const RULE: Schema = Schema {
    keys: &["weekly", "monthly", "dates", "start", "end", "from", "until", "except"],
    nested: &[],
};
const BOOKING: Schema = Schema {
    keys: &["capacity", "waitlist", "opens_days_before"],
    nested: &[],
};
const CONTACT: Schema = Schema {
    keys: &["email", "phone"],
    nested: &[],
};
const TEXT: Schema = Schema {
    keys: &["title", "summary", "description"],
    nested: &[],
};
const SCHEMA: Schema = Schema {
    keys: &[
        "slug",
        "title",
        "summary",
        "description",
        "interests",
        "audience",
        "place",
        "organizer",
        "host",
        "contact",
        "cost",
        "languages",
        "accessibility",
        "image",
        "image_alt",
        "checked",
        "checked_by",
        "schedule",
        "booking",
        "status",
        "paused_until",
        "status_note",
        "cancelled",
        "moved",
    ],
    nested: &[
        ("schedule", Nested::Table(&RULE)),
        ("cancelled", Nested::Table(&changes::CANCELLED)),
        ("moved", Nested::Table(&changes::MOVED)),
        ("booking", Nested::Table(&BOOKING)),
        ("contact", Nested::Table(&CONTACT)),
        ("place", Nested::Table(&place::SCHEMA)),
        ("*", Nested::Translation(&TEXT)),
    ],
};

/// Parses an activity file named `stem` (its id is the name's slug, or its `slug`), written in
/// the site's language `lang`. `dir` is the folder it is in (for its image).
pub fn parse(
    src: Source,
    stem: &str,
    lang: &str,
    dir: &std::path::Path,
    diags: &mut Vec<Diagnostic>,
) -> Option<Activity> {
    let raw: Raw = toml_doc::parse(&src, 0..src.text.len(), &SCHEMA, diags)?;
    // On an error the build stops, after the file's other errors have been found too.
    let id = &super::slug::of_file(&src, stem, raw.slug.as_ref(), diags).unwrap_or_default();
    if super::RESERVED_ACTIVITY_IDS.contains(&id.as_str()) {
        diags.push(
            Diagnostic::error(
                &src,
                raw.slug.as_ref().map(Spanned::span),
                crate::msg!("activity-reserved-id", id = id),
            )
            .help(crate::msg!("activity-reserved-id-help", id = id)),
        );
        return None;
    }
    let top = 0..0;
    let mut required = |value: Option<String>, key: &str, example: &str| match value {
        Some(v) if !v.trim().is_empty() => v.trim().to_string(),
        _ => {
            diags.push(
                Diagnostic::error(&src, Some(top.clone()), crate::msg!("activity-missing", key = key))
                    .help(crate::msg!("activity-missing-help", key = key, example = example)),
            );
            String::new()
        }
    };
    let title = required(raw.title, "title", "Pratcafé Söder");
    let summary = required(
        raw.summary,
        "summary",
        "Kom och fika och prata med någon du inte känner.",
    );

    let mut interests = vec![];
    for i in &raw.interests {
        let slug = slugify(i.get_ref());
        if slug.is_empty() {
            diags.push(
                Diagnostic::error(&src, Some(i.span()), crate::msg!("activity-interest-no-letters"))
                    .help(crate::msg!("activity-interest-no-letters-help")),
            );
        } else {
            interests.push(Term::new(&slug, i.get_ref().trim()));
        }
    }

    let (place, place_ref) = match raw.place {
        None => (None, None),
        Some(p) => {
            let span = p.span();
            match p.into_inner() {
                toml::Value::String(s) => (None, Some(Spanned::new(span, s))),
                v @ toml::Value::Table(_) => (place::parse_inline(&src, id, v, span, diags), None),
                _ => {
                    diags.push(
                        Diagnostic::error(&src, Some(span), crate::msg!("activity-place-wrong-kind"))
                            .help(crate::msg!("activity-place-wrong-kind-help")),
                    );
                    (None, None)
                }
            }
        }
    };

    let languages = raw
        .languages
        .iter()
        .filter_map(|l| match label(LANGUAGES, l.get_ref()) {
            Some(name) => Some(Term::new(l.get_ref(), name)),
            None => {
                let by_name = LANGUAGES.iter().find(|(_, n)| n.eq_ignore_ascii_case(l.get_ref()));
                let help = match by_name
                    .map(|(c, _)| *c)
                    .or_else(|| nearest(l.get_ref(), LANGUAGES.iter().map(|(c, _)| *c)))
                {
                    Some(code) => crate::msg!("activity-language-did-you-mean", code = code),
                    None => crate::msg!("activity-language-help"),
                };
                diags.push(
                    Diagnostic::error(
                        &src,
                        Some(l.span()),
                        crate::msg!("activity-unknown-language", language = l.get_ref()),
                    )
                    .help(help),
                );
                None
            }
        })
        .collect();
    let accessibility = place::accessibility_terms(&src, &raw.accessibility, diags);

    let image_file = match (&raw.image, &raw.image_alt) {
        (Some(img), alt) => {
            if alt.as_deref().is_none_or(|a| a.trim().is_empty()) {
                diags.push(
                    Diagnostic::error(&src, Some(img.span()), crate::msg!("activity-image-no-alt"))
                        .help(crate::msg!("activity-image-no-alt-help")),
                );
            }
            let file = dir.join(img.get_ref());
            if img.get_ref().contains('/') || img.get_ref().contains('\\') || !file.is_file() {
                diags.push(
                    Diagnostic::error(
                        &src,
                        Some(img.span()),
                        crate::msg!("activity-image-not-beside", image = img.get_ref()),
                    )
                    .help(crate::msg!(
                        "activity-image-not-beside-help",
                        folder = src.path.parent().unwrap_or(std::path::Path::new("content")).display()
                    )),
                );
            }
            Some(file)
        }
        (None, Some(_)) => None,
        (None, None) => None,
    };

    let schedule: Vec<Rule> = raw.schedule.iter().filter_map(|r| parse_rule(&src, r, diags)).collect();
    let changes = changes::parse(
        &src,
        RawChanges {
            status: &raw.status,
            paused_until: &raw.paused_until,
            status_note: &raw.status_note,
            cancelled: &raw.cancelled,
            moved: &raw.moved,
        },
        &schedule,
        diags,
    );

    let booking = raw.booking.map(|b| {
        let span = b.span();
        let b = b.into_inner();
        let capacity = match b.capacity {
            Some(c) if (1..=10_000).contains(c.get_ref()) => *c.get_ref() as u32,
            Some(c) => {
                diags.push(
                    Diagnostic::error(
                        &src,
                        Some(c.span()),
                        crate::msg!("activity-capacity-invalid", capacity = *c.get_ref()),
                    )
                    .help(crate::msg!("activity-capacity-invalid-help")),
                );
                0
            }
            None => {
                diags.push(
                    Diagnostic::error(&src, Some(span), crate::msg!("activity-booking-no-capacity"))
                        .help(crate::msg!("activity-booking-no-capacity-help")),
                );
                0
            }
        };
        let opens_days_before = match b.opens_days_before {
            None => 14,
            Some(d) if (0..=365).contains(d.get_ref()) => *d.get_ref() as u32,
            Some(d) => {
                diags.push(
                    Diagnostic::error(
                        &src,
                        Some(d.span()),
                        crate::msg!("activity-opens-out-of-range", days = *d.get_ref()),
                    )
                    .help(crate::msg!("activity-opens-out-of-range-help")),
                );
                14
            }
        };
        Booking {
            capacity,
            waitlist: b.waitlist,
            opens_days_before,
        }
    });

    // With errors the activity is still returned, so that checks across files (its place) run
    // too; the site as a whole is rejected because `diags` is not empty.
    let free = raw.cost.as_deref().is_none_or(is_free);
    let translations = translations(&src);
    Some(Activity {
        id: id.to_string(),
        url: format!("/aktiviteter/{id}/"),
        title,
        summary,
        description: raw
            .description
            .as_deref()
            .map(|d| markdown::render(d, Trust::Editor, lang).html)
            .unwrap_or_default(),
        interests,
        audience: raw.audience,
        place,
        place_ref,
        organizer: raw.organizer,
        organizer_id: None,
        host: raw.host.filter(|h| !h.trim().is_empty()),
        contact: raw.contact,
        free,
        cost: raw.cost,
        languages,
        accessibility,
        image: raw.image.map(Spanned::into_inner),
        image_alt: raw.image_alt,
        image_file,
        checked: super::dates::opt_date(&src, &raw.checked, "checked", diags),
        checked_span: raw.checked.as_ref().map(Spanned::span),
        checked_by: raw.checked_by.filter(|b| !b.trim().is_empty()),
        schedule,
        booking,
        changes,
        translations,
        source: src,
    })
}

/// The `[xx]` tables of further languages. Their keys were checked with the rest of the file, so
/// reading them again here cannot fail in a way an editor has not been told about.
fn translations(src: &Source) -> BTreeMap<String, ActivityText> {
    let Ok(table) = src.text.parse::<toml::Table>() else {
        return BTreeMap::new();
    };
    table
        .into_iter()
        .filter(|(k, v)| toml_doc::is_language_code(k) && v.is_table())
        .filter_map(|(k, v)| {
            let mut text: ActivityText = v.try_into().ok()?;
            text.description = text.description.map(|d| markdown::render(&d, Trust::Editor, &k).html);
            Some((k, text))
        })
        .collect()
}

/// Whether a cost text means the activity is free.
pub fn is_free(cost: &str) -> bool {
    let c = cost.trim().to_lowercase();
    c.is_empty() || c.starts_with("gratis") || c.starts_with("kostnadsfri") || c == "0" || c == "0 kr" || c == "free"
}

fn parse_rule(src: &Source, rule: &Spanned<RawRule>, diags: &mut Vec<Diagnostic>) -> Option<Rule> {
    let span = rule.span();
    let r = rule.get_ref();
    let before = diags.len();
    let kinds = [r.weekly.is_some(), r.monthly.is_some(), r.dates.is_some()]
        .iter()
        .filter(|k| **k)
        .count();
    if kinds != 1 {
        diags.push(
            Diagnostic::error(
                src,
                Some(span.clone()),
                if kinds == 0 {
                    crate::msg!("activity-schedule-no-kind")
                } else {
                    crate::msg!("activity-schedule-many-kinds")
                },
            )
            .help(crate::msg!("activity-schedule-kind-help")),
        );
    }
    let repeat = if let Some(w) = &r.weekly {
        let days: Vec<_> = w
            .get_ref()
            .iter()
            .filter_map(|d| {
                schedule::parse_weekday(d.get_ref()).or_else(|| {
                    diags.push(
                        Diagnostic::error(
                            src,
                            Some(d.span()),
                            crate::msg!("activity-not-a-weekday", day = d.get_ref()),
                        )
                        .help(crate::msg!("activity-not-a-weekday-help")),
                    );
                    None
                })
            })
            .collect();
        if w.get_ref().is_empty() {
            diags.push(
                Diagnostic::error(src, Some(w.span()), crate::msg!("activity-weekly-empty"))
                    .help(crate::msg!("activity-weekly-empty-help")),
            );
        }
        Some(Repeat::Weekly(days))
    } else if let Some(m) = &r.monthly {
        match schedule::parse_monthly(m.get_ref()) {
            Some((nth, weekday)) => Some(Repeat::Monthly { nth, weekday }),
            None => {
                diags.push(
                    Diagnostic::error(
                        src,
                        Some(m.span()),
                        crate::msg!("activity-not-monthly", rule = m.get_ref()),
                    )
                    .help(crate::msg!("activity-not-monthly-help")),
                );
                None
            }
        }
    } else if let Some(ds) = &r.dates {
        if ds.get_ref().is_empty() {
            diags.push(
                Diagnostic::error(src, Some(ds.span()), crate::msg!("activity-dates-empty"))
                    .help(crate::msg!("activity-dates-empty-help")),
            );
        }
        Some(Repeat::Dates(
            ds.get_ref()
                .iter()
                .filter_map(|d| to_date(src, d, "dates").map_err(|e| diags.push(e)).ok())
                .collect(),
        ))
    } else {
        None
    };
    let time = |t: &Option<Spanned<String>>, key: &str, diags: &mut Vec<Diagnostic>| match t {
        None => {
            diags.push(
                Diagnostic::error(
                    src,
                    Some(span.clone()),
                    crate::msg!("activity-schedule-no-time", key = key),
                )
                .help(crate::msg!(
                    "activity-schedule-no-time-help",
                    key = key,
                    example = if key == "start" { "12:00" } else { "14:00" }
                )),
            );
            None
        }
        Some(t) => super::dates::time_of_day(src, t, diags),
    };
    let start = time(&r.start, "start", diags);
    let end = time(&r.end, "end", diags);
    if let (Some(s), Some(e), Some(end_span)) = (start, end, r.end.as_ref().map(|e| e.span())) {
        super::dates::ends_after_start(src, s, e, end_span, diags);
    }
    let from = opt_date(src, &r.from, "from", diags);
    let until = opt_date(src, &r.until, "until", diags);
    if let (Some(f), Some(u), Some(us)) = (from, until, &r.until)
        && u < f
    {
        diags.push(
            Diagnostic::error(
                src,
                Some(us.span()),
                crate::msg!(
                    "activity-until-before-from",
                    until = u.to_string(),
                    from = f.to_string()
                ),
            )
            .help(crate::msg!("activity-until-before-from-help")),
        );
    }
    let except: Vec<NaiveDate> = r
        .except
        .iter()
        .filter_map(|d| to_date(src, d, "except").map_err(|e| diags.push(e)).ok())
        .collect();
    if diags.len() > before {
        return None;
    }
    Some(Rule {
        repeat: repeat?,
        start: start?,
        end: end?,
        from,
        until,
        except,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> (Option<Activity>, Vec<String>) {
        let mut diags = vec![];
        let a = parse(
            Source::new("a.toml", text),
            "a",
            "sv",
            std::path::Path::new("/nonexistent"),
            &mut diags,
        );
        (a, diags.iter().map(|d| d.to_string()).collect())
    }

    #[test]
    fn a_full_activity_loads() {
        let (a, d) = load(
            "title = \"Pratcafé\"\nsummary = \"Fika.\"\ninterests = [\"Samtal\", \"läsning\"]\nplace = \"at-soder\"\ncost = \"Gratis\"\nlanguages = [\"sv\"]\n[[schedule]]\nweekly = [\"thu\"]\nstart = \"12:00\"\nend = \"19:00\"\n[booking]\ncapacity = 12\n",
        );
        assert!(d.is_empty(), "{d:?}");
        let a = a.unwrap();
        assert!(a.free);
        assert_eq!(a.interests[1].key, "lasning");
        assert_eq!(a.place_ref.unwrap().into_inner(), "at-soder");
        assert_eq!(a.booking.unwrap().opens_days_before, 14);
    }

    #[test]
    fn every_schedule_problem_is_reported() {
        let (a, d) = load(
            "title = \"X\"\nsummary = \"Y\"\nlanguages = [\"svenska\"]\n[[schedule]]\nweekly = [\"thx\"]\nstart = \"25:00\"\nend = \"10:00\"\n[[schedule]]\nmonthly = \"last fri\"\nstart = \"14:00\"\nend = \"13:00\"\nfrom = 2026-05-01\nuntil = 2026-01-01\n[[schedule]]\nstart = \"10:00\"\nend = \"11:00\"\n",
        );
        assert!(
            a.is_some(),
            "returned for checks across files; the errors reject the site"
        );
        let all = d.join("\n");
        assert!(
            all.contains("a.toml:3:14: error: unknown language \"svenska\" — did you mean \"sv\"?"),
            "{all}"
        );
        assert!(all.contains("a.toml:5:11: error: \"thx\" is not a weekday"), "{all}");
        assert!(
            all.contains("a.toml:6:9: error: \"25:00\" is not a time of day"),
            "{all}"
        );
        assert!(
            all.contains("a.toml:11:7: error: the activity ends (13:00) before it starts (14:00)"),
            "{all}"
        );
        assert!(
            all.contains("a.toml:13:9: error: `until` (2026-01-01) is before `from` (2026-05-01)"),
            "{all}"
        );
        assert!(all.contains("neither `weekly`, `monthly` nor `dates`"), "{all}");
    }

    #[test]
    fn image_needs_alt_and_missing_fields_are_named() {
        let (a, d) = load("image = \"x.jpg\"\n");
        assert!(
            a.is_some(),
            "returned for checks across files; the errors reject the site"
        );
        let all = d.join("\n");
        assert!(all.contains("no `title`"), "{all}");
        assert!(all.contains("no `summary`"), "{all}");
        assert!(all.contains("a.toml:1:9: error: `image` has no `image_alt`"), "{all}");
    }
}
