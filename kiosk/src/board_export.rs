//! `omtanke-kiosk export-board DIR`: approved suggestions as bulletin-board files in the
//! generator's content format (`content/anslagstavla/*.md`), ready to commit.
//!
//! Each suggestion is written once, to a new file that never replaces an existing one (an
//! editor may have changed the file since), and the database remembers the file's name. The
//! contact details are not even read. The resident's text is plain text, not Markdown: every
//! character Markdown gives a meaning is escaped with a backslash, so whatever was typed shows
//! as typed and never becomes a link, a picture, a heading or HTML on the website.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use serde::Serialize;

use crate::db::Db;
use crate::db::suggestions::Suggestion;

#[derive(Serialize)]
struct Front<'a> {
    title: &'a str,
    date: toml::value::Datetime,
    author: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    interests: &'a [String],
    #[serde(rename = "where", skip_serializing_if = "Option::is_none")]
    place: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    when: Option<&'a str>,
}

/// Writes every approved suggestion not yet written; returns the files written.
pub fn export(db: &Db, dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    if !dir.is_dir() {
        anyhow::bail!("{}", omtanke::msg!("kiosk-board-not-a-folder", dir = dir.display()));
    }
    let mut written = Vec::new();
    for s in db.unexported_suggestions()? {
        let text = markdown(&s)?;
        let file = write_new(dir, &file_stem(&s), &text)
            .with_context(|| format!("writing suggestion {} into {}", s.id, dir.display()))?;
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        db.mark_exported(s.id, &name)?;
        written.push(file);
    }
    Ok(written)
}

/// The file's name for a suggestion, before any `-2` to keep it apart from an existing one.
pub fn file_stem(s: &Suggestion) -> String {
    let stem = omtanke::vocabulary::slugify(&s.draft.title);
    match stem.as_str() {
        "" => "forslag".to_string(),
        st if RESERVED.contains(&st) => format!("{st}-forslag"),
        _ => stem,
    }
}

/// The file's text: TOML front matter between `+++` lines, then the description.
pub fn markdown(s: &Suggestion) -> anyhow::Result<String> {
    let d = &s.draft;
    let day = s.received_at.get(..10).unwrap_or(&s.received_at);
    let front = Front {
        title: &d.title,
        date: day
            .parse()
            .with_context(|| format!("suggestion {} has a bad date \"{day}\"", s.id))?,
        author: &d.author,
        interests: &d.interests,
        place: d.place.as_deref(),
        when: d.when.as_deref(),
    };
    let front = toml::to_string(&front)?;
    Ok(format!("+++\n{front}+++\n\n{}\n", plain_text(&d.body)))
}

/// Plain text as Markdown that shows it as typed: each paragraph and line break stays, and
/// every character that could start Markdown or HTML is escaped with a backslash.
fn plain_text(body: &str) -> String {
    body.replace("\r\n", "\n")
        .split("\n\n")
        .map(|para| {
            para.trim()
                .lines()
                .map(|line| escape_line(line.trim()))
                .collect::<Vec<_>>()
                .join("\\\n")
        })
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Characters that mean something anywhere in a line: emphasis, code, links and pictures,
/// HTML and entities, tables, strikethrough, and the backslash itself (`!` makes a picture only
/// before `[`, which is escaped).
const INLINE: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '&', '|', '~'];

/// One line with its Markdown escaped. At the start of a line more characters mean something
/// (`#` heading, `-`/`+`/`=` lists and underlines, `1.` numbered lists, `>` quotes).
fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    for (i, c) in line.chars().enumerate() {
        let starts = i == 0 && matches!(c, '#' | '-' | '+' | '=');
        let numbered = digits > 0 && i == digits && matches!(c, '.' | ')');
        if INLINE.contains(&c) || starts || numbered {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// File names the board cannot use: the site makes these pages itself.
const RESERVED: &[&str] = &["tack", "invanarpott", "index", "_index"];

/// Writes `text` to `dir/<stem>.md`, or `<stem>-2.md` and so on when taken, never replacing a
/// file: the text goes to a temporary file that is then linked to its name, which fails rather
/// than overwrite, so the board never holds a half-written file either.
fn write_new(dir: &Path, stem: &str, text: &str) -> anyhow::Result<PathBuf> {
    // A name of its own, so that two exports at once never write into each other's file.
    let tmp = dir.join(format!(
        ".{stem}.{}.partial",
        crate::db::random_code(8, b"abcdefghijklmnopqrstuvwxyz0123456789")
    ));
    {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
    }
    let result = (1..1000)
        .map(|n| {
            if n == 1 {
                dir.join(format!("{stem}.md"))
            } else {
                dir.join(format!("{stem}-{n}.md"))
            }
        })
        .find_map(|target| match std::fs::hard_link(&tmp, &target) {
            Ok(()) => Some(Ok(target)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => None,
            Err(e) => Some(Err(e)),
        })
        .unwrap_or_else(|| {
            Err(std::io::Error::other(format!(
                "{stem}.md and {stem}-2.md … {stem}-999.md are all taken; rename some of them"
            )))
        });
    let _ = std::fs::remove_file(&tmp);
    Ok(result?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::suggestions::Draft;

    fn suggestion(body: &str) -> Suggestion {
        Suggestion {
            id: 1,
            received_at: "2026-11-26T14:05".into(),
            via: "kiosk".into(),
            draft: Draft {
                title: "Boule \"i\" parken".into(),
                body: body.into(),
                when: None,
                place: Some("Ramlösa".into()),
                interests: vec!["spel".into()],
                author: "Lennart".into(),
            },
            contact: Some("070-123 45 67".into()),
            status: "approved".into(),
            exported_as: None,
        }
    }

    #[test]
    fn front_matter_is_toml_and_the_text_stays_text() {
        let md = markdown(&suggestion(
            "Hej <script>alert(1)</script> & välkommen!\nRad två\n\n\nNytt stycke",
        ))
        .unwrap();
        let (front, body) = md.trim_start_matches("+++\n").split_once("+++\n").unwrap();
        let t: toml::Table = toml::from_str(front).unwrap();
        assert_eq!(t["title"].as_str(), Some("Boule \"i\" parken"));
        assert_eq!(t["date"].as_datetime().unwrap().to_string(), "2026-11-26");
        assert_eq!(t["where"].as_str(), Some("Ramlösa"));
        assert!(!t.contains_key("when"));
        assert!(!md.contains("070"), "contact details are never written");
        assert_eq!(
            body.trim(),
            "Hej \\<script\\>alert(1)\\</script\\> \\& välkommen!\\\nRad två\n\nNytt stycke"
        );
    }

    #[test]
    fn markdown_a_resident_types_shows_as_typed() {
        let typed = "# Rubrik\n[Swish här](https://example.se) ![](https://tracker.example/p.gif)\n1. ett *två* `tre`\n- lista\n===\n<https://auto.example>";
        let md = plain_text(typed);
        let html = omtanke::markdown::render(&md, omtanke::markdown::Trust::Resident, "sv").html;
        for markup in ["<h1", "<a ", "<img", "<ol", "<ul", "<em", "<code", "<h2"] {
            assert!(!html.contains(markup), "{markup} in {html}");
        }
        for shown in [
            "# Rubrik",
            "[Swish här](https://example.se)",
            "1. ett *två* `tre`",
            "- lista",
            "===",
        ] {
            assert!(html.contains(shown), "{shown} not shown in {html}");
        }
        assert!(html.contains("&lt;https://auto.example&gt;"), "{html}");
    }

    #[test]
    fn the_site_s_own_page_names_are_not_taken() {
        let mut s = suggestion("Tack");
        s.draft.title = "Tack!".into();
        assert_eq!(file_stem(&s), "tack-forslag");
        s.draft.title = "Invånarpott".into();
        assert_eq!(file_stem(&s), "invanarpott-forslag");
        s.draft.title = "!!!".into();
        assert_eq!(file_stem(&s), "forslag");
        s.draft.title = "Boule i parken".into();
        assert_eq!(file_stem(&s), "boule-i-parken");
    }

    #[test]
    fn an_existing_file_is_never_replaced() {
        let dir = std::env::temp_dir().join(format!("omtanke-board-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("boule.md"), "an editor's version").unwrap();
        let f = write_new(&dir, "boule", "new").unwrap();
        assert_eq!(f.file_name().unwrap(), "boule-2.md");
        assert_eq!(
            std::fs::read_to_string(dir.join("boule.md")).unwrap(),
            "an editor's version"
        );
        let left: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name())
            .collect();
        assert_eq!(left.len(), 2, "no temporary file left: {left:?}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
