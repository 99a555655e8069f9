//! Site search: `sok/index.json`, a small inverted index of every activity, page, place, post,
//! filter list and built-in page (the listings, the calendar, the bulletin board, the citizens'
//! pot, the visit statistics and the evaluation, when the site has them), and the page `/sok/`, whose script (`assets/search.js`) searches that index as the
//! visitor types. Without JavaScript the page offers the filter lists instead, because a static
//! host cannot answer `?q=`.
//!
//! Words go through the same steps here and in the script: split on anything that is not a letter
//! or digit, lower case, fold accents (å, ä → a, ö → o, é → e), drop one-letter words and common
//! function words, and strip one Swedish ending. So "läsningen", "Läsning" and "lasning" all
//! become `lasning`, and "promenader" meets "promenad". The word list
//! `tests/fixtures/search-terms.tsv` is checked against both implementations, so they cannot drift
//! apart unnoticed.
//!
//! The index is written by hand rather than with a search crate: elasticlunr-rs writes lunr's
//! verbose format and needs elasticlunr.js plus a Swedish stemmer in the browser (tens of KB),
//! and Pagefind or tinysearch ship WebAssembly; this site has well under a hundred documents, for
//! which a term → documents map of a few KB is all the browser needs.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::sections::{breadcrumbs, builtin_intro};
use super::{BUILT_IN, OutputFile, activities};
use crate::content::{Activity, Site};
use crate::error::{Error, Result};
use crate::render::i18n::Lang;
use crate::render::templates::Theme;
use crate::render::view::{self, Link, base_context};
use crate::vocabulary::WEEKDAYS;

/// Where the page and its index are.
const URL: &str = "/sok/";
const INDEX: &str = "sok/index.json";

/// How much of a page's text is indexed: the beginning says what a page is about, and the
/// browser downloads every term.
const MAX_TEXT: usize = 3000;

/// Longest snippet shown under a result, in characters.
const SNIPPET: usize = 160;

/// Accented letters and what they fold to; `search.js` has the same table.
const FOLDS: [(&str, &str); 10] = [
    ("àáâãäåā", "a"),
    ("æ", "ae"),
    ("ç", "c"),
    ("èéêëē", "e"),
    ("ìíîï", "i"),
    ("ñ", "n"),
    ("òóôõöøō", "o"),
    ("ùúûüū", "u"),
    ("ýÿ", "y"),
    ("ß", "ss"),
];

/// Function words that would match nearly every document, folded; `search.js` has the same list.
const STOP_WORDS: &[&str] = &[
    "alla", "an", "ar", "att", "av", "da", "de", "dem", "den", "dig", "din", "ditt", "du", "en", "er", "ett", "for",
    "fran", "har", "hon", "hos", "han", "jag", "kan", "man", "med", "men", "mig", "min", "na", "nar", "nu", "och",
    "om", "pa", "sa", "sig", "sin", "ska", "som", "till", "ut", "vad", "var", "vi", "vid",
];

/// Swedish endings, longest first; one is stripped when at least [`MIN_STEM`] letters remain.
/// `search.js` has the same list.
const SUFFIXES: &[&str] = &[
    "arnas", "ernas", "ornas", "heten", "arna", "erna", "orna", "ande", "ende", "aste", "are", "ast", "het", "ens",
    "ets", "ar", "er", "or", "en", "et", "na", "s", "a", "e",
];

/// Fewest letters a stem keeps, so short words such as "hus" stay whole.
const MIN_STEM: usize = 3;

/// The file the browser downloads. Short keys, because every byte is downloaded.
#[derive(Serialize)]
struct Index {
    /// The documents; term lists refer to them by position.
    docs: Vec<Doc>,
    /// Each normalised term with the positions of the documents that have it.
    terms: BTreeMap<String, Vec<usize>>,
}

/// One search result.
#[derive(Serialize)]
struct Doc {
    /// Site path.
    u: String,
    /// Title.
    t: String,
    /// Kind, shown beside the title.
    k: &'static str,
    /// A sentence or two about it.
    s: String,
    /// An activity whose schedule has ended: still found, but shown last and marked.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    e: bool,
}

/// The filter lists that stand in for search without JavaScript.
#[derive(Serialize)]
struct Lists {
    interests: Vec<Link>,
    areas: Vec<Link>,
    days: Vec<Link>,
}

/// Renders the search page and its index.
pub(super) fn render(site: &Site, theme: &Theme, lang: &Lang) -> Result<Vec<OutputFile>> {
    let lists = lists(site, lang);
    let mut index = build_index(site, lang, &lists);
    // The script links to the pages as they are published, under the site's base path.
    let links = theme.links();
    for doc in &mut index.docs {
        doc.u = links.url(&doc.u, &lang.code);
    }
    let json = serde_json::to_vec(&index).map_err(|e| Error::Template(format!("{INDEX}: {e}")))?;
    let mut ctx = base_context(
        site,
        lang,
        URL,
        "Sök",
        Some("Sök bland aktiviteter, mötesplatser, sidor och förslag på anslagstavlan."),
    );
    ctx.insert("lists", &lists);
    ctx.insert("index_url", &format!("/{INDEX}"));
    ctx.insert("breadcrumbs", &breadcrumbs(site, lang, Some("/")));
    Ok(vec![
        OutputFile::page(&lang.url(URL), theme.render("search.html", &ctx)?),
        OutputFile::bytes(INDEX, json),
    ])
}

/// The same interest, area and weekday lists as the filter pages, with the same counts.
fn lists(site: &Site, lang: &Lang) -> Lists {
    let coming: Vec<&Activity> = site.coming().collect();
    let mut areas: BTreeMap<&str, (&str, usize)> = BTreeMap::new();
    for p in coming.iter().filter_map(|a| a.place.as_ref()) {
        areas.entry(&p.area_slug).or_insert((&p.area, 0)).1 += 1;
    }
    let days: Vec<Vec<chrono::Weekday>> = coming.iter().map(|a| view::weekdays(site, a)).collect();
    Lists {
        interests: activities::interest_links(site, None),
        areas: areas
            .into_iter()
            .map(|(slug, (label, count))| Link {
                title: label.to_string(),
                url: format!("/aktiviteter/omrade/{slug}/"),
                count,
                current: false,
                lang: None,
            })
            .collect(),
        days: view::weekday_links(lang, None, |d| days.iter().filter(|ds| ds.contains(&d)).count()),
    }
}

/// Every published document with the words it is found by. Activities come first, so that among
/// equally good matches the script shows them before pages.
fn build_index(site: &Site, lang: &Lang, lists: &Lists) -> Index {
    let mut docs: Vec<(Doc, String)> = vec![];
    for a in site.listed() {
        let mut text = vec![a.title.clone(), a.summary.clone(), plain_text(&a.description)];
        text.extend(a.interests.iter().map(|i| i.label.clone()));
        text.extend(a.languages.iter().map(|l| l.label.clone()));
        text.extend(a.accessibility.iter().map(|f| f.label.clone()));
        text.extend(a.audience.iter().cloned());
        text.extend(a.organizer.clone());
        if let Some(p) = &a.place {
            text.extend([p.name.clone(), p.area.clone(), p.address.clone()]);
        }
        if a.free {
            text.push("gratis".into());
        }
        docs.push((
            Doc {
                u: a.url.clone(),
                t: a.title.clone(),
                k: "Aktivitet",
                s: snippet(&a.summary),
                e: a.is_ended(site.today),
            },
            text.join(" "),
        ));
    }
    for l in &lists.interests {
        docs.push(list_doc(format!("Intresse: {}", l.title), l, "intresse"));
    }
    for l in &lists.areas {
        docs.push(list_doc(format!("Område: {}", l.title), l, "område"));
    }
    for ((day, _, _), l) in WEEKDAYS.iter().zip(&lists.days) {
        docs.push(list_doc(view::weekday_heading(lang, *day), l, &l.title));
    }
    for p in &site.places {
        let Some(url) = &p.url else { continue };
        let mut text = vec![p.name.clone(), p.address.clone(), p.area.clone(), "mötesplats".into()];
        text.extend(p.directions.as_deref().map(plain_text));
        text.extend(p.accessibility.iter().map(|f| f.label.clone()));
        docs.push((
            Doc {
                u: url.clone(),
                t: p.name.clone(),
                k: "Mötesplats",
                s: p.where_text(),
                e: false,
            },
            text.join(" "),
        ));
    }
    for o in &site.organizers {
        let description = plain_text(&o.description);
        let mut text = vec![
            o.name.clone(),
            description.chars().take(MAX_TEXT).collect(),
            "arrangör".into(),
        ];
        text.extend(o.area.clone());
        docs.push((
            Doc {
                u: o.url.clone(),
                t: o.name.clone(),
                k: "Arrangör",
                s: snippet(&description),
                e: false,
            },
            text.join(" "),
        ));
    }
    for p in site
        .pages
        .iter()
        .filter(|p| !(p.is_section && BUILT_IN.iter().any(|s| s.url == p.url)))
    {
        let body = plain_text(&p.content);
        let body: String = body.chars().take(MAX_TEXT).collect();
        let summary = p.description.clone().unwrap_or_else(|| body.clone());
        docs.push((
            Doc {
                u: p.url.clone(),
                t: p.title.clone(),
                k: "Sida",
                s: snippet(&summary),
                e: false,
            },
            format!("{} {} {body}", p.title, p.description.as_deref().unwrap_or("")),
        ));
    }
    docs.extend(built_in_docs(site, lang));
    for p in &site.posts {
        let body = plain_text(&p.content);
        let mut text = vec![p.title.clone(), body.chars().take(MAX_TEXT).collect(), "anslag".into()];
        text.extend(p.interests.iter().map(|i| i.label.clone()));
        text.extend(p.place.clone());
        text.extend(p.when.clone());
        docs.push((
            Doc {
                u: p.url.clone(),
                t: p.title.clone(),
                k: "Anslag",
                s: snippet(&body),
                e: false,
            },
            text.join(" "),
        ));
    }

    let mut terms: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for (i, (_, text)) in docs.iter().enumerate() {
        for t in terms_of(text) {
            terms.entry(t).or_default().insert(i);
        }
    }
    Index {
        docs: docs.into_iter().map(|(d, _)| d).collect(),
        terms: terms
            .into_iter()
            .map(|(t, ids)| (t, ids.into_iter().collect()))
            .collect(),
    }
}

/// The pages the generator builds itself, with the title, description and introduction of their
/// `_index.md` when there is one. Each is found by its own words too: the meeting places counted
/// on the statistics page, the study associations in the pot, "Föreslå en aktivitet" on the board.
fn built_in_docs(site: &Site, lang: &Lang) -> Vec<(Doc, String)> {
    let coming = site.coming().count();
    let mut docs = vec![];
    for section in BUILT_IN {
        let url = &section.url;
        // The interface words that say what the page is about, and its own words.
        let Some((lead, words)) = (section.search)(site, lang) else {
            // A page this site does not have.
            continue;
        };
        let (title, intro, description) = builtin_intro(site, lang, url);
        let intro: String = plain_text(&intro).chars().take(MAX_TEXT).collect();
        let lead = lead.and_then(|k| lang.get(k));
        let summary = match (&description, lead) {
            (Some(d), _) => d.clone(),
            (None, Some(l)) => l.to_string(),
            (None, None) if !intro.is_empty() => intro.clone(),
            (None, None) if *url == "/aktiviteter/" => count_words(coming),
            (None, None) => match site.places.iter().filter(|p| p.url.is_some()).count() {
                1 => "1 mötesplats".to_string(),
                n => format!("{n} mötesplatser"),
            },
        };
        let mut text = vec![title.clone(), description.unwrap_or_default(), intro];
        text.extend(lead.map(str::to_string));
        text.extend(words);
        docs.push((
            Doc {
                u: url.to_string(),
                t: title,
                k: "Sida",
                s: snippet(&summary),
                e: false,
            },
            text.join(" "),
        ));
    }
    docs
}

/// "1 kommande aktivitet", "12 kommande aktiviteter".
fn count_words(n: usize) -> String {
    match n {
        1 => "1 kommande aktivitet".to_string(),
        n => format!("{n} kommande aktiviteter"),
    }
}

/// A filter page as a result, so that "fika" also offers the list of all fika activities.
fn list_doc(title: String, link: &Link, word: &str) -> (Doc, String) {
    let s = count_words(link.count);
    let text = format!("{title} {word} aktiviteter");
    (
        Doc {
            u: link.url.clone(),
            t: title,
            k: "Lista",
            s,
            e: false,
        },
        text,
    )
}

/// The normalised search terms of a text, in order, with repeats.
fn terms_of(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphabetic() || c.is_numeric()))
        .filter_map(term)
        .collect()
}

/// One word as a search term, or `None` for a word too short or too common to search for.
fn term(word: &str) -> Option<String> {
    let mut folded = String::with_capacity(word.len());
    for c in word.to_lowercase().chars() {
        match FOLDS.iter().find(|(from, _)| from.contains(c)) {
            Some((_, to)) => folded.push_str(to),
            None => folded.push(c),
        }
    }
    if folded.chars().count() < 2 || STOP_WORDS.contains(&folded.as_str()) {
        return None;
    }
    Some(stem(folded))
}

/// Strips the longest Swedish ending that leaves a stem of at least [`MIN_STEM`] letters. Endings
/// are ASCII, so their byte length is their length in letters.
fn stem(word: String) -> String {
    let letters = word.chars().count();
    for s in SUFFIXES {
        if word.ends_with(s) && letters >= s.len() + MIN_STEM {
            return word[..word.len() - s.len()].to_string();
        }
    }
    word
}

/// The text of rendered HTML, for indexing and snippets.
pub(super) fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The beginning of a text, cut at a word and marked when cut.
fn snippet(text: &str) -> String {
    if text.chars().count() <= SNIPPET {
        return text.to_string();
    }
    let cut: String = text.chars().take(SNIPPET).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', '.', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word list shared with the browser test of `search.js`: word, tab, its terms.
    #[test]
    fn words_become_the_terms_the_script_expects() {
        let list = include_str!("../../tests/fixtures/search-terms.tsv");
        let mut checked = 0;
        for line in list.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let (word, expected) = line.split_once('\t').expect("word<TAB>terms");
            assert_eq!(terms_of(word).join(" "), expected, "terms of {word:?}");
            checked += 1;
        }
        assert!(checked > 20, "only {checked} words checked");
    }

    #[test]
    fn html_becomes_text_and_snippets_end_at_a_word() {
        assert_eq!(
            plain_text("<p>Fika &amp; prat</p><ul><li>Ett</li></ul>"),
            "Fika & prat Ett"
        );
        let long = "ord ".repeat(60);
        let s = snippet(&long);
        assert!(s.ends_with("ord…") && s.chars().count() <= SNIPPET + 1, "{s}");
    }
}
