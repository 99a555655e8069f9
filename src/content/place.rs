//! Places: where activities happen (`content/platser/<id>.toml`, or inline in an activity).

use std::ops::Range;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::Term;
use crate::diagnostics::{Diagnostic, Source, nearest};
use crate::toml_doc::{self, Schema};
use crate::vocabulary::{ACCESSIBILITY, label, slugify};

/// A place.
#[derive(Debug, Clone, Serialize)]
pub struct Place {
    /// The file name's slug (`at-soder`) or its `slug`, or the activity's id for an inline place.
    pub id: String,
    /// The file's name as the editor wrote it (`Hjärtats hus`), which `place = "…"` may use
    /// as well as the id; inline places have none.
    #[serde(skip)]
    pub file_stem: Option<String>,
    /// Site path of the place's page; inline places have none.
    pub url: Option<String>,
    /// Name (`@Söder`).
    pub name: String,
    /// Street address; empty when the address is kept off the public site.
    pub address: String,
    /// Whether the address, coordinates and directions may be published (`address_public`,
    /// default true). When not, they are only in [`Place::private`]: for the kiosk's receipts
    /// and staff pages, never in the site's files.
    pub address_public: bool,
    /// The facts kept off the public site, when `address_public = false`.
    #[serde(skip)]
    pub private: Option<PrivateFacts>,
    /// District or village.
    pub area: String,
    /// `area` as a URL slug.
    pub area_slug: String,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// Accessibility features with their Swedish words.
    pub accessibility: Vec<Term>,
    /// How to get there.
    pub directions: Option<String>,
    /// The day staff last confirmed the place's facts (address, access), for places with a file.
    pub checked: Option<chrono::NaiveDate>,
    /// Who confirmed them: for the editors' to-do list, never published.
    #[serde(skip)]
    pub checked_by: Option<String>,
    /// The file and where `checked` is written in it, for `check`'s warnings.
    #[serde(skip)]
    pub checked_at: Option<(Source, std::ops::Range<usize>)>,
}

/// A place's address, coordinates and directions when they are not to be published: the kiosk
/// tells them to people who have booked.
#[derive(Debug, Clone, PartialEq)]
pub struct PrivateFacts {
    /// Street address.
    pub address: String,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// How to get there.
    pub directions: Option<String>,
}

impl Place {
    /// "Gatan 1, Söder" for listings and feeds; only the area when the address is private.
    pub fn where_text(&self) -> String {
        if self.address.is_empty() {
            self.area.clone()
        } else {
            format!("{}, {}", self.address, self.area)
        }
    }

    /// The street address for someone who has booked: the private one when the place keeps it
    /// off the site.
    pub fn booked_address(&self) -> &str {
        self.private.as_ref().map_or(&self.address, |p| &p.address)
    }

    /// How to get there, for someone who has booked.
    pub fn booked_directions(&self) -> Option<&str> {
        match &self.private {
            Some(p) => p.directions.as_deref(),
            None => self.directions.as_deref(),
        }
    }

    /// The place's file as editors find it (`content/platser/Hjärtats hus.toml`); inline places
    /// have none.
    pub fn file(&self) -> Option<std::path::PathBuf> {
        let stem = self.file_stem.as_deref()?;
        Some(std::path::Path::new("content/platser").join(format!("{stem}.toml")))
    }
}

/// The keys of a place, in a file or inline.
pub const SCHEMA: Schema = Schema {
    keys: &[
        "name",
        "address",
        "address_public",
        "area",
        "lat",
        "lon",
        "accessibility",
        "directions",
    ],
    nested: &[],
};

/// The keys of a place file: a place's own keys and the file's `slug`.
const FILE_SCHEMA: Schema = Schema {
    keys: &[
        "slug",
        "name",
        "address",
        "address_public",
        "area",
        "lat",
        "lon",
        "accessibility",
        "directions",
        "checked",
        "checked_by",
    ],
    nested: &[],
};

#[derive(Deserialize)]
struct Raw {
    slug: Option<Spanned<String>>,
    name: Option<String>,
    address: Option<String>,
    address_public: Option<bool>,
    area: Option<String>,
    lat: Option<Spanned<f64>>,
    lon: Option<Spanned<f64>>,
    #[serde(default)]
    accessibility: Vec<Spanned<String>>,
    directions: Option<String>,
    checked: Option<Spanned<toml::value::Datetime>>,
    checked_by: Option<String>,
}

/// Parses a place file named `stem` (its id is the name's slug, or its `slug`).
pub fn parse(src: &Source, stem: &str, diags: &mut Vec<Diagnostic>) -> Option<Place> {
    let raw: Raw = toml_doc::parse(src, 0..src.text.len(), &FILE_SCHEMA, diags)?;
    // On an error the build stops, after the file's other errors have been found too.
    let id = super::slug::of_file(src, stem, raw.slug.as_ref(), diags).unwrap_or_default();
    let mut place = build(src, &id, raw, 0..0, true, diags)?;
    place.file_stem = Some(stem.to_string());
    Some(place)
}

/// Parses an inline `[place]` table of an activity; `span` is where the table is written.
pub fn parse_inline(
    src: &Source,
    id: &str,
    value: toml::Value,
    span: Range<usize>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Place> {
    #[derive(Deserialize)]
    struct Inline {
        name: Option<String>,
        address: Option<String>,
        address_public: Option<bool>,
        area: Option<String>,
        lat: Option<f64>,
        lon: Option<f64>,
        #[serde(default)]
        accessibility: Vec<String>,
        directions: Option<String>,
    }
    let inline: Inline = match value.try_into() {
        Ok(v) => v,
        Err(e) => {
            diags.push(Diagnostic::error(
                src,
                Some(span),
                crate::msg!("place-inline-invalid", detail = e.message().trim()),
            ));
            return None;
        }
    };
    let spanned = |v: f64| Spanned::new(span.clone(), v);
    let raw = Raw {
        slug: None,
        name: inline.name,
        address: inline.address,
        address_public: inline.address_public,
        area: inline.area,
        lat: inline.lat.map(spanned),
        lon: inline.lon.map(spanned),
        accessibility: inline
            .accessibility
            .into_iter()
            .map(|a| Spanned::new(span.clone(), a))
            .collect(),
        directions: inline.directions,
        checked: None,
        checked_by: None,
    };
    build(src, id, raw, span, false, diags)
}

fn build(
    src: &Source,
    id: &str,
    raw: Raw,
    missing_at: Range<usize>,
    own_page: bool,
    diags: &mut Vec<Diagnostic>,
) -> Option<Place> {
    let before = diags.len();
    let mut required = |value: Option<String>, key: &str, example: &str| -> String {
        match value {
            Some(v) if !v.trim().is_empty() => v,
            _ => {
                diags.push(
                    Diagnostic::error(src, Some(missing_at.clone()), crate::msg!("place-missing", key = key))
                        .help(crate::msg!("place-missing-help", key = key, example = example)),
                );
                String::new()
            }
        }
    };
    let name = required(raw.name, "name", "@Söder");
    let address = required(raw.address, "address", "Håkan Lundbergs gata 17, Helsingborg");
    let area = required(raw.area, "area", "Söder");
    for (value, key, range) in [(&raw.lat, "lat", -90.0..=90.0), (&raw.lon, "lon", -180.0..=180.0)] {
        if let Some(v) = value
            && !range.contains(v.get_ref())
        {
            diags.push(
                Diagnostic::error(
                    src,
                    Some(v.span()),
                    crate::msg!("place-out-of-range", key = key, value = *v.get_ref()),
                )
                .help(crate::msg!("place-out-of-range-help")),
            );
        }
    }
    let accessibility = accessibility_terms(src, &raw.accessibility, diags);
    let checked = super::dates::opt_date(src, &raw.checked, "checked", diags);
    let (lat, lon) = (raw.lat.map(Spanned::into_inner), raw.lon.map(Spanned::into_inner));
    let address_public = raw.address_public.unwrap_or(true);
    // A private address never reaches the site's model: what is published cannot leak it.
    let (address, lat, lon, directions, private) = if address_public {
        (address, lat, lon, raw.directions, None)
    } else {
        let private = PrivateFacts {
            address,
            lat,
            lon,
            directions: raw.directions,
        };
        (String::new(), None, None, None, Some(private))
    };
    (diags.len() == before).then(|| Place {
        id: id.to_string(),
        file_stem: None,
        url: own_page.then(|| format!("/platser/{id}/")),
        area_slug: slugify(&area),
        name,
        address,
        address_public,
        private,
        area,
        lat,
        lon,
        accessibility,
        directions,
        checked,
        checked_by: raw.checked_by.filter(|b| !b.trim().is_empty()),
        checked_at: raw.checked.as_ref().map(|c| (src.clone(), c.span())),
    })
}

/// Checks accessibility keys and gives them their Swedish words.
pub fn accessibility_terms(src: &Source, keys: &[Spanned<String>], diags: &mut Vec<Diagnostic>) -> Vec<Term> {
    keys.iter()
        .filter_map(|k| match label(ACCESSIBILITY, k.get_ref()) {
            Some(l) => Some(Term::new(k.get_ref(), l)),
            None => {
                let known = ACCESSIBILITY.iter().map(|(k, _)| *k);
                let help = match nearest(k.get_ref(), known.clone()) {
                    Some(n) => crate::msg!("place-accessibility-did-you-mean", near = n),
                    None => crate::msg!(
                        "place-accessibility-known",
                        features = known.collect::<Vec<_>>().join(", ")
                    ),
                };
                diags.push(
                    Diagnostic::error(
                        src,
                        Some(k.span()),
                        crate::msg!("place-unknown-accessibility", feature = k.get_ref()),
                    )
                    .help(help),
                );
                None
            }
        })
        .collect()
}
