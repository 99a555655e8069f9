//! Splitting a Markdown file into its `+++` TOML front matter and its body.

use std::ops::Range;

use crate::diagnostics::{Diagnostic, Source};

/// Byte ranges of the two parts of a Markdown file.
#[derive(Debug, PartialEq, Eq)]
pub struct Split {
    /// The TOML between the `+++` lines.
    pub front: Range<usize>,
    /// The Markdown after the closing `+++` line.
    pub body: Range<usize>,
}

/// Finds the front matter of a page. A byte-order mark and blank lines before it are tolerated.
#[allow(clippy::result_large_err, reason = "content errors are rare and built once per file")]
pub fn split(src: &Source) -> Result<Split, Diagnostic> {
    let text = &*src.text;
    let start = text.len() - text.trim_start_matches(['\u{feff}', '\n', '\r', ' ', '\t']).len();
    let rest = &text[start..];
    let Some(after_open) = rest.strip_prefix("+++") else {
        return Err(
            Diagnostic::error(src, Some(start..start), crate::msg!("content-no-front-matter"))
                .help(crate::msg!("content-no-front-matter-help")),
        );
    };
    let open_end = start + 3 + line_end(after_open);
    let mut pos = open_end;
    while pos < text.len() {
        let line_len = line_end(&text[pos..]);
        let line = text[pos..pos + line_len].trim_end();
        if line == "+++" {
            return Ok(Split {
                front: open_end..pos,
                body: pos + line_len..text.len(),
            });
        }
        pos += line_len;
    }
    Err(Diagnostic::error(
        src,
        Some(start..start + 3),
        crate::msg!("content-front-matter-unclosed"),
    )
    .help(crate::msg!("content-front-matter-unclosed-help")))
}

/// Length of the first line including its line break.
fn line_end(s: &str) -> usize {
    s.find('\n').map_or(s.len(), |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter() {
        let src = Source::new("a.md", "+++\ntitle = \"A\"\n+++\nText\n");
        let s = split(&src).unwrap();
        assert_eq!(&src.text[s.front], "title = \"A\"\n");
        assert_eq!(&src.text[s.body], "Text\n");
    }

    #[test]
    fn crlf_and_bom() {
        let src = Source::new("a.md", "\u{feff}+++\r\ntitle = \"A\"\r\n+++\r\nText");
        let s = split(&src).unwrap();
        assert_eq!(&src.text[s.front], "title = \"A\"\r\n");
        assert_eq!(&src.text[s.body], "Text");
    }

    #[test]
    fn missing_and_unclosed() {
        assert!(
            split(&Source::new("a.md", "# Rubrik"))
                .unwrap_err()
                .message
                .contains("does not start")
        );
        let e = split(&Source::new("a.md", "+++\ntitle = \"A\"\n")).unwrap_err();
        assert!(e.message.contains("never closed"));
    }
}
