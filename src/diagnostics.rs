//! Collecting content errors with their source positions, and showing them to people.
//!
//! Every problem the generator finds in a site is a [`Diagnostic`]: the file, a byte span in it, what
//! was wrong and what would be right. Loading never stops at the first problem; diagnostics are
//! collected and printed together so an editor can fix a whole site in one round.

use std::fmt;
use std::io::{self, IsTerminal, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The site still builds, but something is probably not what the editor meant.
    Warning,
    /// The site cannot be built until this is fixed.
    Error,
}

/// A source file kept around so messages can quote the offending line.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path shown to the user (relative to the site root where possible).
    pub path: PathBuf,
    /// The full text of the file.
    pub text: Arc<str>,
}

impl Source {
    /// Wraps a file's text for use in diagnostics.
    pub fn new(path: impl Into<PathBuf>, text: impl Into<Arc<str>>) -> Self {
        Source {
            path: path.into(),
            text: text.into(),
        }
    }

    /// One-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let before = &self.text[..floor_char_boundary(&self.text, offset)];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() + 1;
        (line, col)
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One problem found in a site.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file the problem is in, with its text when there is one to quote.
    pub source: Option<Source>,
    /// Path of the file (also set when the text is not available).
    pub path: PathBuf,
    /// Byte range of the offending text within the file.
    pub span: Option<Range<usize>>,
    /// What was wrong.
    pub message: String,
    /// What would be right.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error at a span of a source file.
    pub fn error(source: &Source, span: Option<Range<usize>>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: source.path.clone(),
            source: Some(source.clone()),
            span,
            message: message.into(),
            help: None,
        }
    }

    /// An error about a file as a whole, when its text is not at hand (unreadable, a duplicate).
    pub fn file_error(path: &Path, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.to_path_buf(),
            source: None,
            span: None,
            message: message.into(),
            help: None,
        }
    }

    /// Turns this diagnostic into a warning.
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    /// Adds what would be right.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// One-based line and column of the start of the span (1:1 when there is none).
    pub fn line_col(&self) -> (usize, usize) {
        match (&self.source, &self.span) {
            (Some(src), Some(span)) => src.line_col(span.start),
            _ => (1, 1),
        }
    }
}

/// The one-line form: `path:line:col: message — help`.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (line, col) = self.line_col();
        let kind = match self.severity {
            Severity::Error => crate::msg!("label-error"),
            Severity::Warning => crate::msg!("label-warning"),
        };
        write!(f, "{}:{line}:{col}: {kind}: {}", self.path.display(), self.message)?;
        if let Some(help) = &self.help {
            write!(f, " — {help}")?;
        }
        Ok(())
    }
}

/// Sorts diagnostics by file and position so output is stable across parallel runs.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| (&a.path, a.span.as_ref().map(|s| s.start)).cmp(&(&b.path, b.span.as_ref().map(|s| s.start))));
}

/// Prints diagnostics to stderr: with the quoted source line and a marker on a terminal, as one
/// `path:line:col:` line each otherwise (so editors and CI logs can jump to the place).
pub fn print(diags: &[Diagnostic]) {
    let stderr = io::stderr();
    if stderr.is_terminal() {
        let mut stream = termcolor::StandardStream::stderr(termcolor::ColorChoice::Auto);
        for d in diags {
            if emit_rich(&mut stream, d).is_err() {
                let _ = writeln!(stream, "{d}");
            }
        }
    } else {
        let mut lock = stderr.lock();
        for d in diags {
            let _ = writeln!(lock, "{d}");
        }
    }
}

fn emit_rich(stream: &mut termcolor::StandardStream, d: &Diagnostic) -> Result<(), ()> {
    let (files, cs) = to_codespan(d);
    term::emit_to_write_style(&mut stream.lock(), &term::Config::default(), &files, &cs).map_err(|_| ())
}

/// The rustc-style form without colours: the message, the quoted line and a marker under the
/// offending text. Used where a terminal's output is shown elsewhere (the dev server's error page).
pub fn render_plain(d: &Diagnostic) -> String {
    let (files, cs) = to_codespan(d);
    term::emit_into_string(&term::Config::default(), &files, &cs).unwrap_or_else(|_| d.to_string())
}

fn to_codespan(d: &Diagnostic) -> (SimpleFiles<String, &str>, CsDiagnostic<usize>) {
    let mut files = SimpleFiles::new();
    let text = d.source.as_ref().map_or("", |s| &s.text);
    let id = files.add(d.path.display().to_string(), text);
    let mut cs = match d.severity {
        Severity::Error => CsDiagnostic::error(),
        Severity::Warning => CsDiagnostic::warning(),
    }
    .with_message(&d.message);
    if let (Some(_), Some(span)) = (&d.source, &d.span) {
        cs = cs.with_labels(vec![Label::primary(id, span.clone())]);
    } else {
        cs = cs.with_notes(vec![crate::msg!("label-in-file", path = d.path.display())]);
    }
    if let Some(help) = &d.help {
        cs = cs.with_notes(vec![format!("{}: {help}", crate::msg!("label-help"))]);
    }
    (files, cs)
}

/// Finds the candidate closest to a misspelt word, if any is close enough to be a likely typo.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let src = Source::new("a.toml", "åäö = 1\nkey = ö\n");
        assert_eq!(src.line_col(0), (1, 1));
        let off = src.text.find("ö\n").unwrap();
        assert_eq!(src.line_col(off), (2, 7));
    }

    #[test]
    fn nearest_finds_typos_but_not_strangers() {
        let keys = ["title", "interests", "summary"];
        assert_eq!(nearest("intrests", keys), Some("interests"));
        assert_eq!(nearest("titel", keys), Some("title"));
        assert_eq!(nearest("colour", keys), None);
    }

    #[test]
    fn rich_form_quotes_the_line_with_a_marker() {
        let src = Source::new("content/a.toml", "x = 1\nintrests = []\n");
        let d = Diagnostic::error(&src, Some(6..14), "unknown key `intrests`").help("did you mean `interests`?");
        let text = render_plain(&d);
        assert!(text.contains("content/a.toml:2:1"), "{text}");
        assert!(text.contains("2 │ intrests = []"), "{text}");
        assert!(text.contains("^^^^^^^^"), "{text}");
        assert!(text.contains("help: did you mean `interests`?"), "{text}");
    }

    #[test]
    fn display_has_path_line_col_and_help() {
        let src = Source::new("content/a.toml", "x = 1\nintrests = []\n");
        let d = Diagnostic::error(&src, Some(6..14), "unknown key `intrests`").help("did you mean `interests`?");
        assert_eq!(
            d.to_string(),
            "content/a.toml:2:1: error: unknown key `intrests` — did you mean `interests`?"
        );
    }
}
