//! The accessibility statement in the structure of DIGG's template, written from
//! `content/data/tillganglighet.toml` onto the page at `/om/tillganglighet/`, after the editors'
//! own words: the status, the known problems with their WCAG criteria, how to report one, the
//! supervisory authority, and the date and method of the latest assessment.

use serde::Serialize;

use crate::content::Site;
use crate::content::accessibility::Status;
use crate::render::i18n::Lang;

/// DIGG's address, where a resident can report a public body's inaccessible service.
const DIGG: &str = "https://www.digg.se/";

/// A known problem, with its criterion in words.
#[derive(Serialize)]
struct ProblemView {
    text: String,
    criterion: String,
}

/// What the page shows of the statement.
#[derive(Serialize)]
pub struct StatementView {
    status: String,
    problems: Vec<ProblemView>,
    no_problems: String,
    report: Option<String>,
    digg: &'static str,
    method: String,
    assessed: String,
    tested: Option<String>,
}

/// The statement for the page at `url`, when it is the statement's page and the site has its facts.
pub fn view(site: &Site, lang: &Lang, url: &str) -> Option<StatementView> {
    let a = site
        .accessibility
        .as_ref()
        .filter(|_| url == crate::content::accessibility::URL)?;
    let status = match a.status {
        Status::Fully => "statement.fully",
        Status::Partly => "statement.partly",
        Status::Not => "statement.not",
    };
    let tested = a.tested.as_ref().map(|t| {
        let found = if t.violations == 0 {
            lang.t("statement.violations_none").to_string()
        } else {
            lang.fill("statement.violations_some", &[("count", &t.violations.to_string())])
        };
        let tools = lang.join(&t.tools);
        format!(
            "{} {found}",
            lang.fill(
                "statement.tested",
                &[
                    ("date", &lang.plain_date(t.date)),
                    ("tools", &tools),
                    ("pages", &t.pages.to_string())
                ]
            )
        )
    });
    Some(StatementView {
        status: lang.t(status).to_string(),
        problems: a
            .problems
            .iter()
            .map(|p| ProblemView {
                text: p.text.clone(),
                criterion: lang.fill("statement.criterion", &[("criterion", &p.criterion)]),
            })
            .collect(),
        no_problems: lang
            .t(if a.status == Status::Fully {
                "statement.no_problems"
            } else {
                "statement.no_problems_partly"
            })
            .to_string(),
        report: a.report.clone(),
        digg: DIGG,
        method: a.method.clone(),
        assessed: lang.fill("statement.assessed", &[("date", &lang.plain_date(a.assessed))]),
        tested,
    })
}
