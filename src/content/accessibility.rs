//! The facts behind the accessibility statement (`content/data/tillganglighet.toml`): how well the
//! site meets the law on accessible public digital services (lagen (2018:1937) om tillgänglighet
//! till digital offentlig service), when and how it was last assessed, and the known problems
//! with their WCAG criteria. The statement on `/om/tillganglighet/` is written from them, and
//! the browser suite can record its own latest run under `[tested]`.
//!
//! ```toml
//! status = "partly"                   # fully, partly or not
//! assessed = 2026-12-07
//! method = "Egen granskning: …"
//! report = "/om/kontakt/"             # where to report a problem (a page or mailto:)
//!
//! [[problems]]
//! criterion = "1.4.3"
//! text = "Några knappar har för svag kontrast."
//!
//! [tested]                            # written by the browser suite
//! date = 2026-12-07
//! tools = ["axe-core 4.11.0"]
//! pages = 120
//! violations = 0
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use toml::Spanned;
use toml::value::Datetime;

use crate::diagnostics::{Diagnostic, Source};
use crate::toml_doc::{self, Nested, Schema};

/// The file, below `content/`.
pub const FILE: &str = "data/tillganglighet.toml";

/// The page the statement is written on.
pub const URL: &str = "/om/tillganglighet/";

/// How well the site meets the law, as DIGG's template words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Helt förenlig.
    Fully,
    /// Delvis förenlig.
    Partly,
    /// Inte förenlig.
    Not,
}

/// A known problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// The WCAG 2.1 success criterion, `1.4.3`.
    pub criterion: String,
    /// What does not work, in plain words.
    pub text: String,
}

/// What the browser suite found in its latest run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tested {
    /// The day of the run.
    pub date: NaiveDate,
    /// The tools and their versions.
    pub tools: Vec<String>,
    /// Pages checked.
    pub pages: u32,
    /// Violations found.
    pub violations: u32,
}

/// The statement's facts.
#[derive(Debug, Clone, Serialize)]
pub struct Assessment {
    /// The file, for messages.
    #[serde(skip)]
    pub source: Source,
    /// How well the site meets the law.
    pub status: Status,
    /// The day of the latest assessment.
    pub assessed: NaiveDate,
    /// Where `assessed` is written, for `check`.
    #[serde(skip)]
    pub assessed_span: std::ops::Range<usize>,
    /// How it was assessed.
    pub method: String,
    /// Where to report a problem.
    pub report: Option<String>,
    /// The known problems.
    pub problems: Vec<Problem>,
    /// The browser suite's latest run.
    pub tested: Option<Tested>,
}

#[derive(Deserialize)]
struct Raw {
    status: Option<Spanned<String>>,
    assessed: Option<Spanned<Datetime>>,
    method: Option<String>,
    report: Option<String>,
    #[serde(default)]
    problems: Vec<Spanned<Problem>>,
    tested: Option<RawTested>,
}

#[derive(Deserialize)]
struct RawTested {
    date: Option<Spanned<Datetime>>,
    #[serde(default)]
    tools: Vec<String>,
    #[serde(default)]
    pages: u32,
    #[serde(default)]
    violations: u32,
}

const PROBLEM: Schema = Schema {
    keys: &["criterion", "text"],
    nested: &[],
};
const TESTED: Schema = Schema {
    keys: &["date", "tools", "pages", "violations"],
    nested: &[],
};
const SCHEMA: Schema = Schema {
    keys: &["status", "assessed", "method", "report", "problems", "tested"],
    nested: &[
        ("problems", Nested::Table(&PROBLEM)),
        ("tested", Nested::Table(&TESTED)),
    ],
};

/// Parses the file; problems are reported at their place in it.
pub fn parse(src: &Source, diags: &mut Vec<Diagnostic>) -> Option<Assessment> {
    let raw: Raw = toml_doc::parse(src, 0..src.text.len(), &SCHEMA, diags)?;
    let before = diags.len();
    let status = match raw.status.as_ref().map(|s| (s.get_ref().as_str(), s.span())) {
        Some(("fully", _)) => Status::Fully,
        Some(("partly", _)) => Status::Partly,
        Some(("not", _)) => Status::Not,
        other => {
            diags.push(
                Diagnostic::error(
                    src,
                    Some(other.map_or(0..0, |(_, span)| span)),
                    crate::msg!("accessibility-status"),
                )
                .help(crate::msg!("accessibility-status-help")),
            );
            Status::Not
        }
    };
    let assessed = super::dates::opt_date(src, &raw.assessed, "assessed", diags);
    if raw.assessed.is_none() {
        diags.push(
            Diagnostic::error(src, Some(0..0), crate::msg!("accessibility-no-date"))
                .help(crate::msg!("accessibility-no-date-help")),
        );
    }
    let method = raw.method.filter(|m| !m.trim().is_empty());
    if method.is_none() {
        diags.push(
            Diagnostic::error(src, Some(0..0), crate::msg!("accessibility-no-method"))
                .help(crate::msg!("accessibility-no-method-help")),
        );
    }
    for p in &raw.problems {
        let c = &p.get_ref().criterion;
        let parts: Vec<&str> = c.split('.').collect();
        if parts.len() != 3
            || parts
                .iter()
                .any(|n| n.is_empty() || !n.chars().all(|ch| ch.is_ascii_digit()))
        {
            diags.push(
                Diagnostic::error(
                    src,
                    Some(p.span()),
                    crate::msg!("accessibility-criterion", criterion = c.as_str()),
                )
                .help(crate::msg!("accessibility-criterion-help")),
            );
        }
    }
    if status == Status::Fully && !raw.problems.is_empty() {
        diags.push(
            Diagnostic::error(
                src,
                raw.status.as_ref().map(Spanned::span),
                crate::msg!("accessibility-fully-with-problems"),
            )
            .help(crate::msg!("accessibility-fully-with-problems-help")),
        );
    }
    let tested = raw.tested.and_then(|t| {
        Some(Tested {
            date: super::dates::opt_date(src, &t.date, "date", diags)?,
            tools: t.tools,
            pages: t.pages,
            violations: t.violations,
        })
    });
    if diags.len() > before {
        return None;
    }
    Some(Assessment {
        source: src.clone(),
        status,
        assessed: assessed?,
        assessed_span: raw.assessed.as_ref().map_or(0..0, Spanned::span),
        method: method?,
        report: raw.report.filter(|r| !r.trim().is_empty()),
        problems: raw.problems.into_iter().map(Spanned::into_inner).collect(),
        tested,
    })
}
