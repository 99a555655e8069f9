//! Coming activities grouped by interest and by area, in the order of the groups' slugs: the
//! filter pages, "Hänvisa någon", the posters and the embeddable lists all group them this way.

use std::collections::BTreeMap;

use crate::content::Activity;

/// Groups by slug: each with its label as first written and its activities in the given order.
pub(super) type Grouped<'a> = BTreeMap<String, (String, Vec<&'a Activity>)>;

fn grouped<'a>(activities: &[&'a Activity], keys: impl Fn(&Activity) -> Vec<(&str, &str)>) -> Grouped<'a> {
    let mut by: Grouped<'a> = BTreeMap::new();
    for a in activities {
        for (slug, label) in keys(a) {
            by.entry(slug.to_string())
                .or_insert_with(|| (label.to_string(), vec![]))
                .1
                .push(a);
        }
    }
    by
}

/// The activities under each of their interests.
pub(super) fn by_interest<'a>(activities: &[&'a Activity]) -> Grouped<'a> {
    grouped(activities, |a| {
        a.interests.iter().map(|i| (i.key.as_str(), i.label.as_str())).collect()
    })
}

/// The activities under the area of their place.
pub(super) fn by_area<'a>(activities: &[&'a Activity]) -> Grouped<'a> {
    grouped(activities, |a| {
        a.place
            .iter()
            .map(|p| (p.area_slug.as_str(), p.area.as_str()))
            .collect()
    })
}
